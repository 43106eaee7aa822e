import PostalMime from 'postal-mime';

import { ingestError } from './errors.js';

/** The page inside an MHTML file ("Save as single file"): its HTML, URL and save time. */
export interface MhtmlPage {
  /** The root `text/html` part, decoded (quoted-printable or base64, its charset) and re-encoded as UTF-8. */
  html: Uint8Array;
  /** `Snapshot-Content-Location`, else the root part's `Content-Location`; null when neither is an http(s) URL. */
  url: string | null;
  /** The `Date` header as ISO 8601, or null. */
  savedAt: string | null;
}

const latin1 = new TextDecoder('latin1');

/** The header block of a MIME message: everything before the first empty line (at most 64 KiB looked at). */
function headerBlock(bytes: Uint8Array): string {
  const head = latin1.decode(bytes.subarray(0, 65536));
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

function headerValue(block: string, name: string): string | null {
  // Folded lines (continuations starting with white space) belong to the header before them.
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim() ?? null;
}

function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * True when bytes are an MHTML (MIME `multipart/related`) web archive: a header block that
 * declares `multipart/related`, as Chrome, Edge and Opera write it.
 */
export function isMhtml(bytes: Uint8Array): boolean {
  const block = headerBlock(bytes);
  if (!/^[\w-]+:/.test(block)) return false;
  return /^multipart\/related\b/i.test(headerValue(block, 'content-type') ?? '');
}

const httpUrl = (value: string | null) => (value && /^https?:\/\//i.test(value) ? value : null);

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle, from);
}

/**
 * The root HTML page of an MHTML file. The multipart body is split on its boundary here; each
 * part is a MIME entity that postal-mime decodes (transfer encoding and charset). The root is
 * the part named by the `start` parameter, else the part whose `Content-Location` is the
 * snapshot's, else the first `text/html` part (frames and images are ignored).
 */
export async function unpackMhtml(bytes: Uint8Array, source: string): Promise<MhtmlPage> {
  const fail = (message: string) => ingestError('ingest.bad-mhtml', message, { subject: source });
  const block = headerBlock(bytes);
  const contentType = headerValue(block, 'content-type') ?? '';
  const boundary = parameter(contentType, 'boundary');
  if (!boundary) throw fail('the MHTML file declares no multipart boundary');
  const snapshot = headerValue(block, 'snapshot-content-location');
  const start = parameter(contentType, 'start');
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Uint8Array[] = [];
  // The part the file ends in when no closing delimiter ends it (a file cut short).
  let unterminated: Uint8Array | null = null;
  let at = indexOf(bytes, delimiter, 0);
  while (at !== -1) {
    let begin = at + delimiter.length;
    if (bytes[begin] === 0x2d && bytes[begin + 1] === 0x2d) break; // closing delimiter
    while (bytes[begin] === 0x20 || bytes[begin] === 0x09) begin += 1;
    if (bytes[begin] === 0x0d) begin += 1;
    if (bytes[begin] === 0x0a) begin += 1;
    const next = indexOf(bytes, delimiter, begin);
    let end = next === -1 ? bytes.length : next;
    if (bytes[end - 1] === 0x0a) end -= 1;
    if (bytes[end - 1] === 0x0d) end -= 1;
    parts.push(bytes.subarray(begin, Math.max(begin, end)));
    if (next === -1) unterminated = parts.at(-1)!;
    at = next;
  }
  const described = parts.map((part) => {
    const partBlock = headerBlock(part);
    return {
      part,
      type: (headerValue(partBlock, 'content-type') ?? 'text/plain').toLowerCase(),
      location: headerValue(partBlock, 'content-location'),
      id: headerValue(partBlock, 'content-id'),
    };
  });
  const html = described.filter((part) => part.type.startsWith('text/html'));
  const root =
    (start ? html.find((part) => part.id === start) : undefined) ??
    (snapshot ? html.find((part) => part.location === snapshot) : undefined) ??
    html[0];
  if (!root) throw fail('the MHTML file has no text/html part');
  const parsed = await PostalMime.parse(root.part);
  // A page part that runs to the end of the file, with no later part or closing delimiter to end
  // it, is cut short unless its page is whole (it ends with </html>: only the closing delimiter
  // is missing). A cut in an image after the page leaves the page whole.
  if (root.part === unterminated && !/<\/html\s*>\s*$/i.test(parsed.html ?? ''))
    throw fail(
      'the MHTML file is cut short: it ends inside the page part, before its closing boundary (a truncated file)',
    );
  if (parsed.html === undefined || parsed.html.trim() === '') throw fail('the MHTML page part is empty');
  const date = headerValue(block, 'date');
  const savedAt = date && !Number.isNaN(Date.parse(date)) ? new Date(Date.parse(date)).toISOString() : null;
  return {
    html: new TextEncoder().encode(parsed.html),
    url: httpUrl(snapshot) ?? httpUrl(root.location),
    savedAt,
  };
}
