import { describe, expect, it } from 'vitest';

import { assertCleanable, sniff } from './sniff.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sniff', () => {
  it('recognises HTML and plain text by content', () => {
    expect(sniff(utf8('<!DOCTYPE html><html><body><p>Hi</p></body></html>'))).toEqual({ kind: 'html' });
    expect(sniff(utf8('\uFEFF  <html lang="en">'))).toEqual({ kind: 'html' });
    expect(sniff(utf8('Just a paragraph of text.\n\nAnd another.'))).toEqual({ kind: 'text' });
  });

  it('names binary formats from their signatures', () => {
    expect(sniff(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toMatchObject({ format: 'a PNG image' });
    expect(sniff(utf8('%PDF-1.7\n...'))).toMatchObject({ format: 'a PDF document' });
    expect(sniff(bytes(0x1f, 0x8b, 8, 0, 0, 0))).toMatchObject({
      kind: 'binary',
      format: expect.stringMatching(/gzip/),
    });
    expect(sniff(bytes(0x50, 0x4b, 3, 4, 20, 0))).toMatchObject({ format: expect.stringMatching(/zip/) });
    expect(sniff(bytes(0x41, 0x42, 0, 0x43))).toMatchObject({ kind: 'binary', format: expect.stringMatching(/NUL/) });
  });

  it('takes UTF-16 markup without a byte-order mark, and a page with a few stray NULs, for HTML', () => {
    const le = new Uint8Array(Buffer.from('<!doctype html><html><body><p>Hello</p></body></html>', 'utf16le'));
    expect(sniff(le)).toEqual({ kind: 'html' });
    expect(sniff(new Uint8Array(Buffer.from(le).swap16()))).toEqual({ kind: 'html' });
    expect(sniff(utf8('<html><body><p>Hel\0lo, a page with a stray NUL byte.</p></body></html>'))).toEqual({
      kind: 'html',
    });
  });

  it('accepts UTF-16 with a byte-order mark despite its NUL bytes', () => {
    const text = '\uFEFF<html><body>Hello</body></html>';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      le[i * 2] = text.charCodeAt(i) & 0xff;
      le[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    expect(sniff(le)).toEqual({ kind: 'html' });
  });

  it('calls a file of whitespace empty, and assertCleanable names the file and the cause', () => {
    expect(sniff(utf8(' \n\t '))).toEqual({ kind: 'empty' });
    expect(() => assertCleanable(new Uint8Array(0), 'pages/a.html')).toThrow(/the file is empty/);
    try {
      assertCleanable(utf8('%PDF-1.4'), 'pages/report.html');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'ingest.binary', kind: 'input', subject: 'pages/report.html' });
      expect((error as Error).message).toBe('not HTML or text: this is a PDF document');
    }
  });
});
