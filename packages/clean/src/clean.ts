/** The entry points: `clean` (bytes or a string, HTML or plain text) and `cleanText`. */

import type { ByteInspection, CleanDocument, EncodingSource } from '@corpuskit/document';
import { inspectBytes } from '@corpuskit/document';

import { decodeBytes } from './decode.js';
import { prologueEnd } from './dom.js';
import { cleanError } from './errors.js';
import { finish } from './finish.js';
import { htmlPipeline } from './html-pipeline.js';
import { Deadline, resolveOptions } from './options.js';
import type { CleanOptions, Resolved } from './options.js';
import { textPipeline } from './text-pipeline.js';

/**
 * Clean a saved page (bytes, or an already decoded string) into a CleanDocument. Plain
 * text (by Content-Type or by content) goes through the text rules only.
 */
export async function clean(input: Uint8Array | string, options: CleanOptions = {}): Promise<CleanDocument> {
  const resolved = resolveOptions(options);
  const deadline = new Deadline(resolved.timeoutMs, resolved.source);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const { utf16 } = checkInput(bytes, resolved);
  let text: string;
  let encoding = 'utf-8';
  let encodingSource: EncodingSource = 'string';
  const warnings: string[] = [];
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '');
  } else {
    const decoded = decodeBytes(bytes, resolved.contentType, utf16);
    text = decoded.text;
    encoding = decoded.encoding;
    encodingSource = decoded.encodingSource;
    warnings.push(...decoded.warnings);
  }
  if (text.trim() === '') throw cleanError('clean.empty-input', 'the input holds only white space', resolved.source);
  const plain = /^text\/plain\b/i.test(resolved.contentType ?? '') || !looksLikeHtml(text);
  const pipeline = plain ? textPipeline(text, resolved) : await htmlPipeline(text, resolved, warnings, deadline);
  deadline.check('language detection');
  return finish(pipeline, { bytes, encoding, encodingSource, warnings, resolved });
}

/** Clean text that is already plain (a scrape's output): text rules only. */
export async function cleanText(text: string, options: CleanOptions = {}): Promise<CleanDocument> {
  const resolved = resolveOptions(options);
  if (typeof text !== 'string') throw cleanError('clean.bad-option', 'cleanText takes a string', resolved.source);
  const bytes = new TextEncoder().encode(text);
  checkInput(bytes, resolved);
  if (text.trim() === '') throw cleanError('clean.empty-input', 'the input holds only white space', resolved.source);
  return finish(textPipeline(text.replace(/^\uFEFF/, ''), resolved), {
    bytes,
    encoding: 'utf-8',
    encodingSource: 'string',
    warnings: [],
    resolved,
  });
}

/**
 * Refuse empty, oversized and binary input; the bytes' inspection, whose UTF-16 verdict the
 * decoder takes instead of sniffing the bytes again.
 */
function checkInput(bytes: Uint8Array, resolved: Resolved): ByteInspection {
  if (bytes.length === 0) throw cleanError('clean.empty-input', 'the input is empty (0 bytes)', resolved.source);
  if (bytes.length > resolved.maxBytes) {
    throw cleanError(
      'clean.too-large',
      `the input is ${bytes.length} bytes, more than the limit of ${resolved.maxBytes} bytes`,
      resolved.source,
      {
        details: { bytes: bytes.length, maxBytes: resolved.maxBytes },
      },
    );
  }
  const declaresUtf16 = /charset\s*=\s*"?utf-16/i.test(resolved.contentType ?? '');
  const inspection = inspectBytes(bytes);
  const binary = declaresUtf16 ? null : inspection.binary;
  if (binary)
    throw cleanError('clean.binary-input', `the input is not text but ${binary}`, resolved.source, {
      details: { format: binary },
    });
  return inspection;
}

const HTML_HINT =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|span|br|a\s|h[1-6]|table|ul|ol|li|script|link)\b/i;

/**
 * Whether a decoded input is HTML: a known tag in its first 64 KiB, read from where its markup
 * starts (a page may open with more comments than that before its doctype).
 */
function looksLikeHtml(text: string): boolean {
  // A comment left open runs to the end: then the tags are looked for from the start.
  let start = prologueEnd(text);
  if (start >= text.length) start = 0;
  const head = text.slice(start, start + 65536);
  if (!HTML_HINT.test(head)) return false;
  const tags = head.match(/<\/?[a-zA-Z][^>]{0,200}>/g)?.length ?? 0;
  return tags >= 2 || /^\s*</.test(head);
}
