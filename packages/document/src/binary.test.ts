import { createHash } from 'node:crypto';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { detectBinary, detectUtf16, inspectBytes, isGzip } from './binary.js';
import { savedFromUrl } from './page-hints.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
// Bytes that look random but are the same on every run: SHA-256 of (seed, block) for each 32 bytes.
const noise = (seed: number, length: number) => {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += 32)
    out.set(
      createHash('sha256')
        .update(`${seed}:${at}`)
        .digest()
        .subarray(0, length - at),
      at,
    );
  return out;
};

describe('detectBinary', () => {
  it('names formats by their signatures, with an article', () => {
    expect(detectBinary(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('a PNG image');
    expect(detectBinary(utf8('%PDF-1.7\n'))).toBe('a PDF document');
    expect(detectBinary(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c))).toMatch(/^a 7-Zip archive/);
    expect(detectBinary(bytes(0x1f, 0x8b, 8, 0))).toMatch(/^a gzip archive/);
    expect(isGzip(bytes(0x1f, 0x8b, 8, 0))).toBe(true);
  });

  it('does not take text for an executable or MP3 by their short signatures', () => {
    expect(detectBinary(utf8('MZ is a plain text note'))).toBeNull();
    expect(detectBinary(utf8('ID3 tags, explained in plain words'))).toBeNull();
    expect(detectBinary(utf8('<html><body>Hi</body></html>'))).toBeNull();
  });

  it('catches NUL and control bytes unless a UTF-16 byte-order mark explains them', () => {
    expect(detectBinary(bytes(0x41, 0, 0x42, 0, 0, 0x43))).toMatch(/NUL/);
    expect(detectBinary(new Uint8Array(5000))).toMatch(/NUL/);
    expect(detectBinary(bytes(0xff, 0xfe, 0x3c, 0, 0x70, 0))).toBeNull();
    expect(detectBinary(bytes(...Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0x41))))).toMatch(/control/);
  });
});

describe('stray NULs and BOM-less UTF-16', () => {
  const page = `<!doctype html><html><head><title>Notes</title></head><body><p>${'Plain words about the harbour. '.repeat(60)}</p></body></html>`;

  it('takes a page with a few stray NUL bytes for text, and one with a NUL in every 50 bytes for binary', () => {
    const few = utf8(page);
    few[100] = 0;
    few[900] = 0;
    few[1500] = 0;
    expect(detectBinary(few)).toBeNull();
    const many = utf8(page);
    for (let i = 0; i < many.length; i += 50) many[i] = 0;
    expect(detectBinary(many)).toMatch(/NUL/);
  });

  it('refuses compressed and random bytes, whose few NULs sit among other control bytes', () => {
    const page = Buffer.from(
      `<!doctype html><html><head><title>Harbour</title></head><body>${'<p>The harbour authority said the pier would open in spring after two years of delays.</p>'.repeat(80)}</body></html>`,
    );
    for (const packed of [brotliCompressSync(page), deflateRawSync(page), gzipSync(page).subarray(10)]) {
      expect(detectBinary(new Uint8Array(packed))).toMatch(/NUL|control/);
    }
    // About 16 NULs in 4 KiB of random bytes (under the 1 in 100 taken from a page) and 1 in 10
    // other control bytes: each blob is refused.
    // The blobs are fixed (SHA-256 in counter mode) so that the test is the same on every run: a
    // verdict from counts of bytes can, rarely, take a random blob for text.
    for (let i = 0; i < 200; i++) expect(detectBinary(noise(i, 8192))).toMatch(/NUL|control/);
  });

  it('recognises UTF-16 markup without a BOM, little- and big-endian, and takes it for text', () => {
    const le = new Uint8Array(Buffer.from(`\n ${page}`, 'utf16le'));
    const be = new Uint8Array(Buffer.from(le).swap16());
    expect(detectUtf16(le)).toBe('utf-16le');
    expect(detectUtf16(be)).toBe('utf-16be');
    expect(detectBinary(le)).toBeNull();
    expect(detectBinary(be)).toBeNull();
  });

  it('recognises BOM-less UTF-16 markup whose first 512 code units are mostly CJK text', () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-16"><title>新闻</title></head><body><p>${'港口管理局表示新码头将在明年春天开放经过两年的延误和成本上升以及与承包商的长期纠纷'.repeat(12)}</p></body></html>`;
    const le = new Uint8Array(Buffer.from(page, 'utf16le'));
    expect(detectUtf16(le)).toBe('utf-16le');
    expect(detectUtf16(new Uint8Array(Buffer.from(le).swap16()))).toBe('utf-16be');
    expect(detectBinary(le)).toBeNull();
  });

  it('does not take UTF-8 text, plain text in UTF-16 or binary data for UTF-16 markup', () => {
    expect(detectUtf16(utf8(page))).toBeNull();
    expect(detectUtf16(new Uint8Array(Buffer.from('Plain words, no markup at all.', 'utf16le')))).toBeNull();
    expect(detectUtf16(bytes(0x3c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14))).toBeNull();
    expect(detectUtf16(new Uint8Array(4096))).toBeNull();
  });
});

describe('inspectBytes', () => {
  it("gives detectBinary's and detectUtf16's verdicts from one inspection", () => {
    const page = `<!doctype html><html><head><title>Notes</title></head><body><p>${'Words about the quay. '.repeat(60)}</p></body></html>`;
    const le = new Uint8Array(Buffer.from(`\n ${page}`, 'utf16le'));
    const samples = [
      bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0),
      utf8('%PDF-1.7\n'),
      le,
      new Uint8Array(Buffer.from(le).swap16()),
      new Uint8Array([0xff, 0xfe, ...le]),
      utf8(page),
      noise(7, 4096),
      gzipSync(utf8(page)),
      utf8(`${page.slice(0, 200)}\0${page.slice(200)}`),
    ];
    for (const sample of samples)
      expect(inspectBytes(sample)).toEqual({ binary: detectBinary(sample), utf16: detectUtf16(sample) });
    expect(inspectBytes(le)).toEqual({ binary: null, utf16: 'utf-16le' });
    expect(inspectBytes(samples[0]!)).toEqual({ binary: 'a PNG image', utf16: null });
  });
});

describe('savedFromUrl', () => {
  it('reads the browser comment near the top only', () => {
    expect(savedFromUrl('<!-- saved from url=(0027)https://example.com/a -->\n<html>')).toBe('https://example.com/a');
    expect(savedFromUrl('<!-- saved from url=(0027) https://example.com/a -->')).toBe('https://example.com/a');
    expect(savedFromUrl(`${' '.repeat(5000)}<!-- saved from url=(0027)https://example.com/a -->`, 4096)).toBeNull();
  });
});
