import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { ioError } from './errors.js';

/** Prefix of every temporary file the store writes; anything with it is garbage after a crash. */
export const TMP_PREFIX = '.tmp-';

export function tmpName(path: string): string {
  return join(dirname(path), `${TMP_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** fsync a directory so a rename or create inside it is durable. Some platforms refuse; that is fine. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Windows and some file systems cannot fsync a directory.
  } finally {
    closeSync(fd);
  }
}

export function writeAll(fd: number, data: Uint8Array, position?: number): void {
  let done = 0;
  while (done < data.length) {
    done += writeSync(fd, data, done, data.length - done, position === undefined ? null : position + done);
  }
}

/**
 * Write a file atomically: temp file in the same directory, fsync, rename, fsync the directory.
 * A failure (disk full, no permission) leaves the old file as it was, removes the temp file, and
 * throws a `store.io` error naming the path.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  let tmp: string | null = null;
  try {
    mkdirSync(dirname(path), { recursive: true });
    tmp = tmpName(path);
    const fd = openSync(tmp, 'wx');
    try {
      writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    tmp = null;
  } catch (error) {
    if (tmp) unlinkQuiet(tmp);
    throw ioError('write', path, error);
  }
  fsyncDir(dirname(path));
}

export function readFileOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw ioError('read', path, error);
  }
}

export function unlinkQuiet(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}
