import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

import { CorpusKitError, toCorpusKitError } from '@corpuskit/document';

import { ingestError } from './errors.js';

/** What a path is when it is not a regular file, in words for an error message. */
export function fileKind(
  info: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>,
): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * The failure of a named pipe, socket, device (or folder) met where a file to read was expected;
 * `asSidecar` when it is named like a page's sidecar.
 */
export function notAFile(kind: Parameters<typeof fileKind>[0], source: string, asSidecar = false): CorpusKitError {
  return ingestError(
    'ingest.not-a-file',
    `${fileKind(kind)}, not a regular file: refused${asSidecar ? " (not read as a page's sidecar either)" : ''}`,
    { subject: source },
  );
}

/**
 * Open `file` to read without waiting for a writer (a named pipe with none would hold a blocking
 * open, and the ingest, for ever), then hand its handle and stats to `read` when it is a regular
 * file, or its stats alone to `other` when it is not (a folder, a pipe, a socket, a device: nothing
 * is read from it). The handle is closed after either. Errors of the open, the stat and the read
 * are the caller's to word.
 */
export async function withRegularFile<T>(
  file: string,
  read: (handle: FileHandle, info: Stats) => Promise<T>,
  other: (info: Stats) => T,
): Promise<T> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    return info.isFile() ? await read(handle, info) : other(info);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/**
 * The error for input over the limit; `bytes` is what was read, or at least that much. Sizes are
 * in MiB (as --max-size is given), or in bytes when MiB to one decimal would not tell the file's
 * size from the limit ("1.0 MiB, over the 1.0 MiB limit") or the limit is under 0.05 MiB.
 */
function tooLarge(source: string, maxBytes: number, bytes?: number): CorpusKitError {
  const exact = mib(maxBytes) === mib(0) || (bytes !== undefined && mib(bytes) === mib(maxBytes));
  const size = bytes === undefined ? '' : ` ${exact ? `${bytes.toLocaleString('en-US')} bytes` : mib(bytes)},`;
  const limit = exact ? `${maxBytes.toLocaleString('en-US')}-byte` : mib(maxBytes);
  const message = `the file is${size} over the ${limit} limit (raise it with --max-size, up to ${mib(MAX_INPUT_BYTES)})`;
  return ingestError('ingest.too-large', message, {
    subject: source,
    details: { maxBytes, ...(bytes === undefined ? {} : { bytes }) },
  });
}

/** A read failure as a clear per-file error naming the file and the cause. */
function readError(error: unknown, source: string): CorpusKitError {
  if (error instanceof CorpusKitError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return ingestError('ingest.unreadable', 'permission denied: the file cannot be read', {
      subject: source,
      cause: error,
    });
  }
  if (code === 'ENOENT')
    return ingestError('ingest.not-found', 'the file disappeared before it was read', { subject: source });
  if (code === 'EISDIR') return ingestError('ingest.unreadable', 'this is a folder, not a file', { subject: source });
  if (code === 'ELOOP')
    return ingestError('ingest.unreadable', 'too many levels of symbolic links', { subject: source, cause: error });
  if (code === 'EIO' || code === 'ENXIO' || code === 'ESTALE' || code === 'ETIMEDOUT') {
    return ingestError('ingest.unreadable', `input/output error while reading (${code})`, {
      subject: source,
      cause: error,
    });
  }
  return toCorpusKitError(error, source);
}

/** A file that turns out larger than its size said (it grew, or reports none) is read on in chunks of this size … */
const CHUNK = 1024 * 1024;
/** … and the read that finds the end, after one that gave less than it asked, needs no more than this. */
const END_READ = 1024;

/** The largest limit allowed: a page is decoded into one string, and V8 strings stop near 512 Mi characters. */
const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Read a regular file, at most `maxBytes` of it. The limit applies to the bytes actually read,
 * not to the size `stat` reports (a file that grows, or a special file that reports 0, cannot
 * get past it). Named pipes, sockets and devices are refused without waiting for a writer (the
 * file is opened non-blocking), and so is anything else that is not a regular file.
 */
export async function readInputFile(file: string, source: string, maxBytes: number): Promise<Uint8Array> {
  return (await readInput(file, source, maxBytes, null))!;
}

/** How many bytes of a file's start `readInputOrContainer` shows its `isContainer` test. */
const CONTAINER_HEAD = 4096;

/** A file this large is read whole only after its start was tested (a container is not read whole). */
const HEAD_FIRST = 64 * 1024;

/**
 * Read a file as `readInputFile` does, through one handle that also serves the test of its first
 * bytes (at most `CONTAINER_HEAD`): when `isContainer` says they begin a container read in its own
 * way (a WARC, record by record), the answer is null, whatever the file's size. Errors are those
 * of `readInputFile`, naming the file and the cause.
 */
export function readInputOrContainer(
  file: string,
  source: string,
  maxBytes: number,
  isContainer: (head: Uint8Array) => boolean,
): Promise<Uint8Array | null> {
  return readInput(file, source, maxBytes, isContainer);
}

async function readInput(
  file: string,
  source: string,
  maxBytes: number,
  isContainer: ((head: Uint8Array) => boolean) | null,
): Promise<Uint8Array | null> {
  if (!(maxBytes > 0) || maxBytes > MAX_INPUT_BYTES) {
    throw ingestError('ingest.bad-limit', `the size limit must be between 1 byte and ${mib(MAX_INPUT_BYTES)}`);
  }
  try {
    return await withRegularFile(
      file,
      (handle, info) => readOpened(handle, info, source, maxBytes, isContainer),
      (info) => {
        throw notAFile(info, source);
      },
    );
  } catch (error) {
    throw readError(error, source);
  }
}

/** The bytes of the regular file open at `handle` (see `readInput`), or null for a container. */
async function readOpened(
  handle: FileHandle,
  info: Stats,
  source: string,
  maxBytes: number,
  isContainer: ((head: Uint8Array) => boolean) | null,
): Promise<Uint8Array | null> {
  if (isContainer && (info.size > maxBytes || info.size >= HEAD_FIRST)) {
    // A large file's start is tested first (at its position 0, which leaves the handle's own
    // position at the start): a container is not read whole, one over the limit not at all.
    const head = Buffer.allocUnsafe(CONTAINER_HEAD);
    const { bytesRead } = await handle.read(head, 0, CONTAINER_HEAD, 0);
    if (isContainer(head.subarray(0, bytesRead))) return null;
    isContainer = null;
  }
  if (info.size > maxBytes) throw tooLarge(source, maxBytes, info.size);
  const chunks: Buffer[] = [];
  let total = 0;
  // The first read asks for the size the file has and a byte more (to see it end there), not
  // for a whole chunk: a buffer of a megabyte for each small page is memory outside the heap
  // that V8 answers with a full collection every few dozen pages.
  let want = Math.min(info.size + 1, maxBytes + 1);
  const startsContainer = () =>
    isContainer !== null && isContainer(Buffer.concat(chunks, Math.min(total, CONTAINER_HEAD)));
  for (;;) {
    const buffer = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(buffer, 0, want, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
    // A file that grew past the limit may still be a container (read record by record).
    if (total > maxBytes) {
      if (startsContainer()) return null;
      throw tooLarge(source, maxBytes);
    }
    want = Math.min(bytesRead < want ? END_READ : CHUNK, maxBytes + 1 - total);
  }
  if (startsContainer()) return null;
  const joined = Buffer.concat(chunks, total);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}
