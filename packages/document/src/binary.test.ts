import { describe, expect, it } from 'vitest';

import { detectBinary, isGzip } from './binary.js';
import { savedFromUrl } from './page-hints.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

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
    expect(detectBinary(bytes(0x41, 0, 0x42))).toMatch(/NUL/);
    expect(detectBinary(bytes(0xff, 0xfe, 0x3c, 0, 0x70, 0))).toBeNull();
    expect(detectBinary(bytes(...Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0x41))))).toMatch(/control/);
  });
});

describe('savedFromUrl', () => {
  it('reads the browser comment near the top only', () => {
    expect(savedFromUrl('<!-- saved from url=(0027)https://example.com/a -->\n<html>')).toBe('https://example.com/a');
    expect(savedFromUrl('<!-- saved from url=(0027) https://example.com/a -->')).toBe('https://example.com/a');
    expect(savedFromUrl(`${' '.repeat(5000)}<!-- saved from url=(0027)https://example.com/a -->`, 4096)).toBeNull();
  });
});
