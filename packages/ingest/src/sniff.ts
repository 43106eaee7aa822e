import { ingestError } from './errors.js';

/** Known binary formats by their first bytes (offset in bytes when not at the start). */
const SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[]; offset?: number }> = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a gzip archive (decompress it first)', bytes: [0x1f, 0x8b] },
  { name: 'a zip archive (or .docx/.epub; extract it first)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an empty zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a bzip2 archive', bytes: [0x42, 0x5a, 0x68, 0x39] },
  { name: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a zstd archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a WOFF font', bytes: [0x77, 0x4f, 0x46, 0x46] },
  { name: 'a WOFF2 font', bytes: [0x77, 0x4f, 0x46, 0x32] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'an MP4/QuickTime video', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
];

/** What a file's first bytes say it is. */
export type Sniffed = { kind: 'html' | 'text' } | { kind: 'binary'; format: string } | { kind: 'empty' };

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<meta[\s>]|<title[\s>]|<\?xml)/i;
const HTML_ANYWHERE = /<(?:html|head|body|p|div|article|title)[\s>]/i;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/**
 * Decide from content alone (never the file name) whether bytes are an HTML page, plain text,
 * nothing, or a binary format that corpuskit cannot clean. Known signatures first, then NUL or
 * control bytes in the first 4 KiB (a UTF-16 byte-order mark explains NULs).
 */
export function sniff(bytes: Uint8Array): Sniffed {
  const head = bytes.subarray(0, 4096);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (
    bytes.length - start <= 4096 &&
    bytes.subarray(start).every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d))
  ) {
    return { kind: 'empty' };
  }
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes, signature.offset)) return { kind: 'binary', format: signature.name };
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let control = 0;
  if (!utf16) {
    for (const byte of head) {
      if (byte === 0) return { kind: 'binary', format: 'binary data (it contains NUL bytes)' };
      if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
    }
    if (control / head.length > 0.05) return { kind: 'binary', format: 'binary data (many control bytes)' };
  }
  const text = utf16
    ? new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head)
    : new TextDecoder('latin1').decode(head);
  const body = text.replace(/^\uFEFF/, '');
  return HTML_START.test(body) || HTML_ANYWHERE.test(body) ? { kind: 'html' } : { kind: 'text' };
}

/** Throw a clear input error for bytes that are not a page corpuskit can clean. */
export function assertCleanable(bytes: Uint8Array, file: string): Sniffed {
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'empty') {
    throw ingestError('input', 'empty', bytes.length === 0 ? 'the file is empty' : 'the file holds only whitespace', {
      subject: file,
    });
  }
  if (sniffed.kind === 'binary') {
    throw ingestError('input', 'binary', `not HTML or text: this is ${sniffed.format}`, { subject: file });
  }
  return sniffed;
}
