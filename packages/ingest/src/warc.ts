import { constants, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { Readable } from 'node:stream';

import { AsyncIterReader, WARCParser } from 'warcio';
import type { WARCRecord } from 'warcio';

import { ingestError } from './errors.js';

/** Why a WARC record was not taken as a page. */
export type WarcSkip =
  'warcinfo' | 'request' | 'metadata' | 'revisit' | 'conversion' | 'continuation' | 'non-html' | 'not-ok' | 'too-large';

/** One HTML page found in a WARC: the HTTP payload (de-chunked and decoded) and where it came from. */
export interface WarcPage {
  /** Byte offset of the record in the file (in the compressed file for `.warc.gz`). */
  offset: number;
  recordId: string | null;
  /** `WARC-Target-URI`. */
  url: string | null;
  /** `WARC-Date` as ISO 8601. */
  fetchedAt: string | null;
  /** HTTP response headers, lower-case names (empty for a `resource` record). */
  headers: Record<string, string>;
  /** The payload as the server meant it: transfer and content encodings undone. */
  payload: Uint8Array;
}

export type WarcItem = { kind: 'page'; page: WarcPage } | { kind: 'skip'; offset: number; reason: WarcSkip };

const latin1 = new TextDecoder('latin1');

/** True when the first bytes (already un-gzipped) start a WARC record. */
function startsLikeWarc(head: Uint8Array): boolean {
  return /^WARC\/\d\.\d\r?\n/.test(latin1.decode(head.subarray(0, 16)));
}

/**
 * Whether a file is a WARC (plain, or gzipped record by record): reads its first bytes only.
 */
export async function isWarcFile(path: string): Promise<boolean> {
  // Non-blocking: a named pipe must not hang here (reading it as a page refuses it clearly).
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return false;
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      try {
        // A WARC.gz starts with one gzip member per record; the first 4 KiB may cut it short.
        return startsLikeWarc(gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH */ }));
      } catch {
        return false;
      }
    }
    return startsLikeWarc(head);
  } finally {
    await handle.close();
  }
}

function headersOf(record: WARCRecord): Record<string, string> {
  const out: Record<string, string> = {};
  const headers = record.httpHeaders?.headers;
  if (!headers) return out;
  for (const [name, value] of headers as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  return out;
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The MIME type of an HTTP payload or a resource record, lower case without parameters. */
function mimeOf(record: WARCRecord, headers: Record<string, string>): string {
  const type = record.warcType === 'resource' ? record.warcContentType : headers['content-type'];
  return (type ?? '').split(';')[0]!.trim().toLowerCase();
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Undo `Content-Encoding` (gzip, x-gzip, deflate, br; several in order), capped at `maxBytes`. */
export function decodeContent(body: Uint8Array, encoding: string | undefined, maxBytes: number): Uint8Array {
  const codings = (encoding ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '' && value !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const options = { maxOutputLength: maxBytes };
    if (coding === 'gzip' || coding === 'x-gzip') out = gunzipSync(out, options);
    else if (coding === 'br') out = brotliDecompressSync(out, options);
    else if (coding === 'deflate') {
      // "deflate" is zlib-wrapped by the standard and raw deflate in practice from some servers.
      try {
        out = inflateSync(out, options);
      } catch {
        out = inflateRawSync(out, options);
      }
    } else throw new Error(`unsupported Content-Encoding '${coding}'`);
  }
  return out;
}

/** Read a record's HTTP payload: de-chunk (warcio) and decode its content encoding (node:zlib). */
async function payloadOf(record: WARCRecord, headers: Record<string, string>, maxBytes: number): Promise<Uint8Array> {
  const chunked = /\bchunked\b/i.test(headers['transfer-encoding'] ?? '');
  const body =
    record.httpHeaders && chunked
      ? await new AsyncIterReader(record.reader, null, true).readFully()
      : await AsyncIterReader.readFully(record.reader);
  return decodeContent(body, headers['content-encoding'], maxBytes);
}

/**
 * The file's chunks for warcio, read once. warcio asks for an iterator again after the data
 * ran out inside a record (Content-Length past the end of the file, a truncated file), and a
 * new iterator over an ended fs stream never settles: the ingest hung. This one stays done.
 */
function chunksOnce(stream: Readable): AsyncIterable<Uint8Array> & AsyncIterator<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  let done = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (done) return { done: true, value: undefined };
      const result = await chunks.next();
      if (result.done) done = true;
      return result;
    },
  };
}

/** Bytes of its Content-Length that a record read to its end did not get: the file ended first. */
function missingBytes(record: WARCRecord): number {
  const limit = (record._reader as { limit?: unknown }).limit;
  return typeof limit === 'number' && limit > 0 ? limit : 0;
}

function cutShort(path: string, offset: number, missing: number): Error {
  return ingestError(
    'ingest.bad-warc',
    `record at offset ${offset} is cut short: its Content-Length runs ${missing} bytes past the end of the file (a truncated file or a wrong Content-Length)`,
    { subject: path },
  );
}

/**
 * Read what is left of a record that is not taken, discarding it, and fail when the file ended
 * inside it. warcio's own skip of the rest asks the ended file again and again for the bytes
 * still owed and never yields to the event loop: a cut-short record that was skipped (not HTML,
 * a request, too large) hung the ingest for good.
 */
async function skipRest(record: WARCRecord, path: string, offset: number): Promise<void> {
  for await (const chunk of record._reader as AsyncIterable<Uint8Array>) void chunk;
  const missing = missingBytes(record);
  if (missing > 0) throw cutShort(path, offset, missing);
}

export interface WarcReadOptions {
  /** Largest payload taken as a page (bigger ones are skipped as `too-large`). */
  maxBytes: number;
  /** Start here (a record's offset) instead of at the beginning. */
  start?: number;
}

/**
 * Stream the records of a WARC or WARC.gz file: each `response` or `resource` record with an
 * HTML payload (HTTP status 2xx for responses) is a page; every other record is a skip with
 * its reason. Records are read one at a time, so memory does not grow with the file.
 */
export async function* readWarc(path: string, options: WarcReadOptions): AsyncGenerator<WarcItem> {
  const stream: Readable = createReadStream(path, { start: options.start ?? 0, highWaterMark: 256 * 1024 });
  try {
    const parser = new WARCParser(chunksOnce(stream));
    const base = options.start ?? 0;
    for await (const record of parser) {
      const offset = base + parser.offset;
      const type = record.warcType;
      if (type !== 'response' && type !== 'resource') {
        await skipRest(record, path, offset);
        yield { kind: 'skip', offset, reason: (type as WarcSkip) ?? 'metadata' };
        continue;
      }
      const headers = headersOf(record);
      if (!HTML_TYPES.has(mimeOf(record, headers))) {
        await skipRest(record, path, offset);
        yield { kind: 'skip', offset, reason: 'non-html' };
        continue;
      }
      const status = Number(record.httpHeaders?.statusCode ?? 200);
      if (type === 'response' && !(status >= 200 && status < 300)) {
        await skipRest(record, path, offset);
        yield { kind: 'skip', offset, reason: 'not-ok' };
        continue;
      }
      if (record.warcContentLength > options.maxBytes * 2) {
        await skipRest(record, path, offset);
        yield { kind: 'skip', offset, reason: 'too-large' };
        continue;
      }
      let payload: Uint8Array;
      try {
        payload = await payloadOf(record, headers, options.maxBytes);
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          await skipRest(record, path, offset);
          yield { kind: 'skip', offset, reason: 'too-large' };
          continue;
        }
        throw ingestError('ingest.bad-warc', `record at offset ${offset}: ${(error as Error).message}`, {
          subject: path,
          cause: error,
        });
      }
      const missing = missingBytes(record);
      if (missing > 0) throw cutShort(path, offset, missing);
      // The payload is decoded: the headers now describe it as it is.
      delete headers['content-encoding'];
      delete headers['transfer-encoding'];
      delete headers['content-length'];
      yield {
        kind: 'page',
        page: {
          offset,
          recordId: record.warcHeader('WARC-Record-ID') ?? null,
          url: record.warcTargetURI ?? null,
          fetchedAt: isoDate(record.warcDate),
          headers,
          payload,
        },
      };
    }
  } finally {
    stream.destroy();
  }
}

/** The page of the record at `offset` again (for staging, without keeping payloads in memory meanwhile). */
export async function readWarcPage(path: string, offset: number, maxBytes: number): Promise<WarcPage> {
  for await (const item of readWarc(path, { maxBytes, start: offset })) {
    if (item.kind === 'page' && item.page.offset === offset) return item.page;
    break;
  }
  throw ingestError('ingest.changed', `the WARC record at offset ${offset} is no longer an HTML page`, {
    subject: path,
  });
}
