import { createReadStream } from 'node:fs';
import { brotliDecompressSync, constants as zlibConstants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { Readable } from 'node:stream';

import { CorpusKitError } from '@corpuskit/document';
import { AsyncIterReader, WARCParser } from 'warcio';
import type { WARCRecord } from 'warcio';

import { ingestError } from './errors.js';
import { notAFile, withRegularFile } from './read-input.js';

/** Why a WARC record was not taken as a page. */
export type WarcSkip =
  'warcinfo' | 'request' | 'metadata' | 'revisit' | 'conversion' | 'continuation' | 'non-html' | 'not-ok' | 'too-large';

/** One HTML page found in a WARC: the HTTP payload (de-chunked and decoded) and where it came from. */
export interface WarcPage {
  /**
   * Byte offset of the record in the file; in a `.warc.gz`, of the gzip member it is in (each
   * record its own member, as crawlers write them, or one member for a file gzipped whole).
   */
  offset: number;
  /** How many records come before it in the same gzip member (0 but in a file gzipped whole). */
  index: number;
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

export type WarcItem =
  { kind: 'page'; page: WarcPage } | { kind: 'skip'; offset: number; index: number; reason: WarcSkip };

/** A record's position as sources show it: `OFFSET`, or `OFFSET+INDEX` in a member shared with records before it. */
export function warcPosition(at: { offset: number; index: number }): string {
  return at.index === 0 ? String(at.offset) : `${at.offset}+${at.index}`;
}

const latin1 = new TextDecoder('latin1');

/** Whether bytes (a file's first 4 KiB or more) start a WARC, plain or gzipped record by record. */
export function looksLikeWarc(head: Uint8Array): boolean {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const start = gunzipStart(head.subarray(0, 4096));
    return start !== null && startsLikeWarc(start);
  }
  return startsLikeWarc(head);
}

/** True when the first bytes (already un-gzipped) start a WARC record. */
function startsLikeWarc(head: Uint8Array): boolean {
  return /^WARC\/\d\.\d\r?\n/.test(latin1.decode(head.subarray(0, 16)));
}

/**
 * What the first gzip member in `head` starts with. A WARC.gz has one member per record and the
 * first 4 KiB may cut one short (hence the sync flush); zlib also reads on into the members after
 * the first and fails on a damaged one, which would hide a good first record: then fewer bytes.
 */
function gunzipStart(head: Uint8Array): Uint8Array | null {
  for (let size = head.length; size >= 64; size = Math.floor(size / 2)) {
    try {
      return gunzipSync(head.subarray(0, size), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch {
      // Damaged within `size` bytes: try the start alone.
    }
  }
  return null;
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

/**
 * Read a record's HTTP payload: de-chunk (warcio) and decode its content encoding (node:zlib).
 * `body`: the body as read, before decoding (see `swallowedRecord`); `afterChunks`: for a chunked
 * body, the bytes after its final chunk (the end of the HTTP message: nothing but line ends).
 */
async function payloadOf(
  record: WARCRecord,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<{ payload: Uint8Array; body: Uint8Array; afterChunks: Uint8Array | null }> {
  const chunked = /\bchunked\b/i.test(headers['transfer-encoding'] ?? '');
  let body: Uint8Array;
  let afterChunks: Uint8Array | null = null;
  if (record.httpHeaders && chunked) {
    // warcio's de-chunking stops at the final chunk and reads through the reader it is given when
    // that is an AsyncIterReader: what that reader still holds is what follows the final chunk.
    const raw = new AsyncIterReader(record.reader, null);
    body = await new AsyncIterReader(raw, null, true).readFully();
    afterChunks = await raw.readFully();
  } else {
    body = await AsyncIterReader.readFully(record.reader);
  }
  return { payload: decodeContent(body, headers['content-encoding'], maxBytes), body, afterChunks };
}

const VERSION_LINE = /^WARC\/1\.[01]\r?$/;
const HEADER_LINE = /^[^\r\n:]+:/;
const RECORD_HEADER = /^WARC-(?:Type|Record-ID):/i;

/**
 * Whether a WARC header block starts at `at` (a line start): a `WARC/1.0` (or 1.1) line, then
 * header lines (`Name: value`) up to `WARC-Type` or `WARC-Record-ID`, or up to the end of the
 * text (a block cut off there, down to the bare version line). Line by line, not one regex: a
 * regex over a run of millions of header lines overflows V8's stack.
 */
function headerBlockAt(text: string, at: number): boolean {
  let end = text.indexOf('\n', at);
  if (!VERSION_LINE.test(text.slice(at, end === -1 ? text.length : end))) return false;
  while (end !== -1) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (RECORD_HEADER.test(line)) return true;
    if (!HEADER_LINE.test(line)) return end === -1 && /^\r?$/.test(line);
  }
  return true;
}

/**
 * Whether a record's body holds the start of another record's WARC header block (`headerBlockAt`).
 * A record whose Content-Length is too large takes in the next one's WARC headers that way, however
 * far past them it runs: the whole body is searched, not its end only. Linear: a version line ends
 * a run of header lines, so no line is scanned for two version lines.
 */
function swallowedRecord(body: Uint8Array): boolean {
  const text = latin1.decode(body);
  for (let at = text.indexOf('WARC/1.'); at !== -1; at = text.indexOf('WARC/1.', at + 1)) {
    if ((at === 0 || text.charCodeAt(at - 1) === 0x0a) && headerBlockAt(text, at)) return true;
  }
  return false;
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

/** The part of pako's inflate state that tells a finished member from a cut or damaged one. */
interface InflateState {
  ended: boolean;
  err: number;
  strm: { total_in: number; msg?: string };
}

/**
 * warcio's reader of the file, with gzip damage as errors. warcio inflates a WARC.gz member by
 * member with pako, which hands out a member's bytes only once the member is complete (or 64 KiB
 * of them): when the file ended inside a member, warcio saw a clean end of file and the record
 * was lost without a word; when a member was damaged, warcio read on from there as if the file
 * were not compressed. Here the first is `ingest.bad-warc` "cut short" and the second "damaged",
 * naming the offset where the member starts.
 */
class StrictWarcReader extends AsyncIterReader {
  private readonly path: string;
  /** Where in the file the reading started (offsets here count from there). */
  private readonly base: number;
  private inflating: unknown = null;
  /**
   * Where the gzip member being inflated starts in the file. warcio's own offset of a record is
   * right only when the record starts its member: inside a member holding many records (a file
   * gzipped whole) it gave every record the same offset, the member's end or its start.
   */
  member: number;
  /** An error met while peeking past a record's end, thrown by the next read. */
  private pending: unknown = null;

  constructor(source: AsyncIterable<Uint8Array>, gzip: boolean, path: string, base: number) {
    super(source, gzip ? 'gzip' : null);
    this.path = path;
    this.base = base;
    this.member = base;
  }

  private get state(): InflateState | null {
    return this.compressed ? (this.inflator as unknown as InflateState | null) : null;
  }

  override async _loadNext(): Promise<Uint8Array | null> {
    if (this.pending !== null) {
      const error = this.pending;
      this.pending = null;
      throw error;
    }
    const chunk = await super._loadNext();
    const state = this.state;
    if (chunk === null && state && !state.ended && state.strm.total_in > 0) {
      throw ingestError(
        'ingest.bad-warc',
        `the gzip member at offset ${this.base + this._rawOffset} is cut short: the file ends inside it (a truncated file), so what it holds cannot be read`,
        { subject: this.path },
      );
    }
    return chunk;
  }

  override _push(value: Uint8Array): void {
    // The members that ended before this push are counted in the raw offset; one that ends within
    // it (a small member pushed whole) is counted by the time the push returns.
    const start = this._rawOffset;
    super._push(value);
    if (this.inflator !== this.inflating) {
      this.inflating = this.inflator;
      this.member = this.base + start;
    }
    const state = this.state;
    if (state?.ended && state.err !== 0) {
      throw ingestError(
        'ingest.bad-warc',
        `the gzip data at offset ${this.base + this._rawOffset} is damaged (${state.strm.msg ?? `zlib error ${state.err}`}): the records from there on cannot be read`,
        { subject: this.path },
      );
    }
  }

  /**
   * The next lines up to the first that is not blank, at most `max` (fewer at the end of the
   * file), left unread: what warcio reads first when it moves on to the next record.
   * `readlineRaw` keeps what follows a line as the saved chunk; the lines go back in front.
   */
  async peekLines(max: number): Promise<Uint8Array[]> {
    const lines: Uint8Array[] = [];
    while (lines.length < max) {
      let line: Uint8Array | null;
      try {
        line = await this.readlineRaw();
      } catch (error) {
        // Damage past the record's end (a cut or broken gzip member) is the next read's error:
        // the record itself was whole.
        if (lines.length === 0) throw error;
        this.pending = error;
        break;
      }
      if (line === null) break;
      lines.push(line);
      if (!blankLine(line)) break;
    }
    if (lines.length === 0) return lines;
    const rest = this._savedChunk;
    this._savedChunk = null;
    this.unread(Buffer.concat(rest ? [...lines, rest] : lines));
    this._readOffset += rest?.length ?? 0;
    return lines;
  }
}

/**
 * Whether the file at `start` begins a gzip member (a WARC.gz) rather than a plain WARC record.
 * Anything but a regular file (a named pipe put in its place since it was first read) fails here as
 * ingest.not-a-file: opening it to stream would wait for a writer for ever.
 */
async function gzipAt(path: string, start: number): Promise<boolean> {
  return withRegularFile(
    path,
    async (handle) => {
      const magic = new Uint8Array(2);
      const { bytesRead } = await handle.read(magic, 0, 2, start);
      return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    },
    (info) => {
      throw notAFile(info, path);
    },
  );
}

/**
 * Every WARC record names its type (`WARC-Type`, mandatory). warcio takes any header block for
 * a record: after a record whose Content-Length is too large, the rest of the next record (or any
 * junk) was read as a record of no type and skipped as metadata. (Its first line is no test:
 * warcio itself eats the first two bytes of `WARC/1.0` after some records in a whole-file gzip.)
 */
function checkRecordStart(record: WARCRecord, path: string, offset: number): void {
  if (record.warcType) return;
  const first = record.warcHeaders.statusline;
  throw ingestError(
    'ingest.bad-warc',
    `no WARC record starts at offset ${offset} (no WARC-Type; its first line is ${JSON.stringify(first.slice(0, 40))}): the record before it runs longer or shorter than its Content-Length says, or the file is damaged there`,
    { subject: path },
  );
}

/**
 * A record's Content-Length must be there and be a number: warcio reads a missing one as 0 and
 * "abc" as no limit at all (the record then swallows the rest of the file).
 */
function checkContentLength(record: WARCRecord, path: string, offset: number): void {
  const value = record.warcHeader('Content-Length');
  if (value === null || value === undefined) {
    throw ingestError(
      'ingest.bad-warc',
      `record at offset ${offset} has no Content-Length, so where it ends is unknown`,
      {
        subject: path,
      },
    );
  }
  if (!/^\s*\d+\s*$/.test(value)) {
    throw ingestError(
      'ingest.bad-warc',
      `record at offset ${offset} has a Content-Length that is not a count of bytes (${JSON.stringify(value.slice(0, 40))}), so where it ends is unknown`,
      { subject: path },
    );
  }
}

/**
 * After a record read to its end, the next line must be the blank line that closes it (or, as
 * warcio also allows, the next record's first line). Anything else means its Content-Length is
 * too small: the rest of the record would be read as the next one (warcio only printed
 * "Content-Length Too Small" on the console). The end of the file is left to `missingBytes`.
 */
async function checkRecordEnd(
  reader: StrictWarcReader,
  record: WARCRecord,
  path: string,
  offset: number,
  body?: Uint8Array,
): Promise<void> {
  // The blank lines that end the record, then the next record's first line (or the end of the file).
  const lines = await reader.peekLines(3);
  const line = lines[0];
  if (line === undefined || startsLikeWarc(line)) return;
  if (blankLine(line)) {
    const next = lines.at(-1)!;
    // Junk after a whole record is the next read's error (the record's page comes out) …
    if (blankLine(next) || startsLikeWarc(next) || !body || !swallowedRecord(body)) return;
    // … but a page whose Content-Length is too large and happens to end on a blank line (the one
    // after the next record's WARC headers, or any line end further on) holds the next record's
    // start: it is not given out.
    throw ingestError(
      'ingest.bad-warc',
      `record at offset ${offset} runs past its end: after its Content-Length (${record.warcHeader('Content-Length')?.trim()}) and a blank line comes ${JSON.stringify(latin1.decode(next).trimEnd().slice(0, 40))}, not the next record's WARC/ line (a Content-Length too large, or the file is damaged there)`,
      { subject: path },
    );
  }
  throw ingestError(
    'ingest.bad-warc',
    `record at offset ${offset} goes on past its Content-Length (${record.warcHeader('Content-Length')?.trim()}): what follows it is not the blank line that ends a record (a wrong Content-Length)`,
    { subject: path },
  );
}

const BLANK = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

/** Whether a line read from the file is empty but for its line end. */
function blankLine(line: Uint8Array): boolean {
  return latin1.decode(line).replace(/[\r\n]+$/, '') === '';
}

/**
 * warcio ends at the first place where it finds no record header (a blank line other than CRLF
 * where a record should start, a third CRLF at the end of a gzip member), as if the file ended
 * there: the records after it were lost without a word. When it stops, what is left of the file
 * must be blank.
 */
async function checkAllRead(reader: StrictWarcReader, path: string, last: number): Promise<void> {
  for await (const chunk of reader) {
    if (chunk.every((byte) => BLANK.has(byte))) continue;
    throw ingestError(
      'ingest.bad-warc',
      `${last < 0 ? 'the start of the file' : `what follows the record at offset ${last}`} cannot be read as a WARC record (records separated by something other than a blank CRLF line, or bytes that are not a record), so the records from there on are not read`,
      { subject: path },
    );
  }
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

/**
 * Discard what is left of a record taken as a page, then check its end. `afterChunks`: the bytes
 * of a chunked body after its final chunk. A Content-Length too large puts the next record's WARC
 * headers there, and then the page is not given out, wherever the run-over ends (a body read
 * whole is checked by `checkRecordEnd`).
 */
async function finishRecord(
  reader: StrictWarcReader,
  record: WARCRecord,
  path: string,
  offset: number,
  read?: { body: Uint8Array; afterChunks: Uint8Array | null },
): Promise<void> {
  if (read?.afterChunks && swallowedRecord(read.afterChunks)) {
    const first = latin1.decode(read.afterChunks).trimStart().split(/\r?\n/)[0]!;
    throw ingestError(
      'ingest.bad-warc',
      `record at offset ${offset} runs past its end: after its final chunk come the next record's WARC headers (${JSON.stringify(first.slice(0, 40))}), not the blank line that ends a record (a Content-Length too large, or the file is damaged there)`,
      { subject: path },
    );
  }
  await skipRest(record, path, offset);
  await checkRecordEnd(reader, record, path, offset, read?.body);
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
  const base = options.start ?? 0;
  const gzip = await gzipAt(path, base);
  const stream: Readable = createReadStream(path, { start: base, highWaterMark: 256 * 1024 });
  try {
    const reader = new StrictWarcReader(chunksOnce(stream), gzip, path, base);
    const parser = new WARCParser(reader);
    let index = 0;
    let previous = -1;
    for await (const record of parser) {
      const offset = gzip ? reader.member : base + parser.offset;
      index = offset === previous ? index + 1 : 0;
      previous = offset;
      checkRecordStart(record, path, offset);
      checkContentLength(record, path, offset);
      const type = record.warcType;
      const skip = async (reason: WarcSkip): Promise<WarcItem> => {
        await finishRecord(reader, record, path, offset);
        return { kind: 'skip', offset, index, reason };
      };
      if (type !== 'response' && type !== 'resource') {
        yield await skip((type as WarcSkip) ?? 'metadata');
        continue;
      }
      const headers = headersOf(record);
      if (!HTML_TYPES.has(mimeOf(record, headers))) {
        yield await skip('non-html');
        continue;
      }
      const status = Number(record.httpHeaders?.statusCode ?? 200);
      if (type === 'response' && !(status >= 200 && status < 300)) {
        yield await skip('not-ok');
        continue;
      }
      if (record.warcContentLength > options.maxBytes * 2) {
        yield await skip('too-large');
        continue;
      }
      let read: Awaited<ReturnType<typeof payloadOf>>;
      try {
        read = await payloadOf(record, headers, options.maxBytes);
      } catch (error) {
        if (error instanceof CorpusKitError) throw error;
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          yield await skip('too-large');
          continue;
        }
        throw ingestError('ingest.bad-warc', `record at offset ${offset}: ${(error as Error).message}`, {
          subject: path,
          cause: error,
        });
      }
      await finishRecord(reader, record, path, offset, read);
      const { payload } = read;
      // The payload is decoded: the headers now describe it as it is.
      delete headers['content-encoding'];
      delete headers['transfer-encoding'];
      delete headers['content-length'];
      yield {
        kind: 'page',
        page: {
          offset,
          index,
          recordId: record.warcHeader('WARC-Record-ID') ?? null,
          url: record.warcTargetURI ?? null,
          fetchedAt: isoDate(record.warcDate),
          headers,
          payload,
        },
      };
    }
    await checkAllRead(reader, path, previous);
  } finally {
    stream.destroy();
  }
}

/**
 * The page of the record at `offset` (the `index`-th record of its gzip member) again, for staging
 * without keeping payloads in memory meanwhile. In a file gzipped whole every record is found by
 * reading from the start of the member: such a file is read once for each of its pages.
 */
export async function readWarcPage(path: string, offset: number, maxBytes: number, index = 0): Promise<WarcPage> {
  for await (const item of readWarc(path, { maxBytes, start: offset })) {
    const at = item.kind === 'page' ? item.page : item;
    if (at.offset !== offset || at.index > index) break;
    if (at.index < index) continue;
    if (item.kind === 'page') return item.page;
    break;
  }
  throw ingestError(
    'ingest.changed',
    `the WARC record at ${warcPosition({ offset, index })} is no longer an HTML page`,
    { subject: path },
  );
}
