import { inspectBytes } from '@corpuskit/document';

import { ingestError } from './errors.js';

/** What a file's first bytes say it is. */
export type Sniffed = { kind: 'html' | 'text' } | { kind: 'binary'; format: string } | { kind: 'empty' };

const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<meta[\s>]|<title[\s>]|<\?xml)/i;
const HTML_ANYWHERE = /<(?:html|head|body|p|div|article|title)[\s>]/i;

/**
 * Decide from content alone (never the file name) whether bytes are an HTML page, plain text,
 * nothing, or a binary format that corpuskit cannot clean. Binary formats by `detectBinary`, the
 * one signature table shared with the cleaner.
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
  const inspection = inspectBytes(bytes);
  if (inspection.binary) return { kind: 'binary', format: inspection.binary };
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : inspection.utf16;
  const text = new TextDecoder(utf16 ?? 'latin1').decode(head);
  const body = text.replace(/^\uFEFF/, '');
  return HTML_START.test(body) || HTML_ANYWHERE.test(body) ? { kind: 'html' } : { kind: 'text' };
}

/** Throw a clear input error for bytes that are not a page corpuskit can clean. */
export function assertCleanable(bytes: Uint8Array, file: string): Sniffed {
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'empty') {
    throw ingestError('ingest.empty', bytes.length === 0 ? 'the file is empty' : 'the file holds only whitespace', {
      subject: file,
    });
  }
  if (sniffed.kind === 'binary') {
    throw ingestError('ingest.binary', `not HTML or text: this is ${sniffed.format}`, { subject: file });
  }
  return sniffed;
}
