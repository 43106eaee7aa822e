import { createHash, hash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsync, fsyncSync, openSync, readSync, renameSync, writevSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

import type { CorpusKitError } from '@corpuskit/document';

import { ioError, storeError } from './errors.js';
import { TMP_PREFIX, fsyncDir, unlinkQuiet, writeAll } from './fs-util.js';

/*
 * A pack is one immutable file holding many objects, written once with one fsync:
 *
 *   "CKPACK01" | object bytes ... | index | trailer
 *   index:   one 48-byte row per object, sorted by hash:
 *            hash (32) | offset (6, big-endian) | reserved (2) | stored length (4) | flags (4)
 *   trailer: index offset (8, big-endian) | object count (4) | reserved (4) | "CKPKEND1"
 *
 * flags bit 0: the stored bytes are raw-deflated. An object's hash is always the SHA-256 of its
 * uncompressed bytes. The pack's file name is the SHA-256 of its index.
 */
const HEADER = Buffer.from('CKPACK01', 'latin1');
const TRAILER_MAGIC = Buffer.from('CKPKEND1', 'latin1');
const ROW = 48;
const TRAILER = 24;
export const FLAG_DEFLATE = 1;
export const PACK_SUFFIX = '.pack';

export interface PackRow {
  hash: string;
  offset: number;
  length: number;
  flags: number;
}

let scratch = Buffer.allocUnsafe(1 << 16);

/** One-shot SHA-256 (cheaper than a Hash object for the many small objects a read checks). */
function sha256Hex(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/** The `store.corrupt` error of an object copy that does not verify, naming the object and the pack. */
function corruptObject(hash: string, pack: string, why: string): CorpusKitError {
  const file = `objects/${pack}${PACK_SUFFIX}`;
  return storeError('store.corrupt', `object ${hash} in ${file} is corrupt: ${why}`, {
    subject: file,
    details: { object: hash, pack: file },
  });
}

/** Inflate (when deflated) and check the hash of an object's stored bytes. */
export function verifiedBytes(stored: Buffer, row: PackRow, pack: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = row.flags & FLAG_DEFLATE ? inflateRawSync(stored) : stored;
  } catch (error) {
    throw corruptObject(row.hash, pack, `its compressed bytes do not inflate (${(error as Error).message})`);
  }
  if (sha256Hex(bytes) !== row.hash) throw corruptObject(row.hash, pack, 'its content does not hash to its name');
  return bytes;
}

/** `PackReader`'s prefix table: more than one row starts with these 32 bits. */
const SHARED_PREFIX = -2;

export class PackReader {
  readonly name: string;
  readonly path: string;
  readonly count: number;
  readonly size: number;
  private fd: number | null;
  private readonly index: Buffer;

  private constructor(name: string, path: string, fd: number, index: Buffer, size: number) {
    this.name = name;
    this.path = path;
    this.fd = fd;
    this.index = index;
    this.count = index.length / ROW;
    this.size = size;
  }

  static open(path: string, name: string): PackReader {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size < HEADER.length + TRAILER) throw new Error('file too short');
      const header = Buffer.alloc(HEADER.length);
      readSync(fd, header, 0, header.length, 0);
      if (!header.equals(HEADER)) throw new Error('bad header');
      const trailer = Buffer.alloc(TRAILER);
      readSync(fd, trailer, 0, TRAILER, size - TRAILER);
      if (!trailer.subarray(16).equals(TRAILER_MAGIC)) throw new Error('bad trailer');
      const indexOffset = Number(trailer.readBigUInt64BE(0));
      const count = trailer.readUInt32BE(8);
      if (indexOffset + count * ROW !== size - TRAILER) throw new Error('index does not fit the file');
      const index = Buffer.alloc(count * ROW);
      readSync(fd, index, 0, index.length, indexOffset);
      // Rows are checked when read (bounds) and by `verify` (order); opening stays O(1) in the rows.
      return new PackReader(name, path, fd, index, size);
    } catch (error) {
      closeSync(fd);
      throw storeError('store.bad-pack', `pack ${name} is unreadable: ${(error as Error).message}`, {
        subject: path,
        cause: error,
      });
    }
  }

  private find(hash: Buffer): number {
    const head = hash.readUInt32BE(0);
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const rowHead = this.index.readUInt32BE(mid * ROW);
      const cmp =
        rowHead !== head
          ? rowHead < head
            ? -1
            : 1
          : Buffer.compare(this.index.subarray(mid * ROW, mid * ROW + 32), hash);
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  row(i: number): PackRow {
    const base = i * ROW;
    const row = {
      hash: this.index.toString('hex', base, base + 32),
      offset: this.index.readUIntBE(base + 32, 6),
      length: this.index.readUInt32BE(base + 40),
      flags: this.index.readUInt32BE(base + 44),
    };
    if (row.offset < HEADER.length || row.offset + row.length > this.size - TRAILER - this.index.length) {
      throw storeError('store.bad-pack', `pack ${this.name}: object ${row.hash} lies outside the object area`, {
        subject: this.path,
      });
    }
    return row;
  }

  /** Full structural check (for fsck): the index hashes to the pack's name, every row in bounds, rows strictly sorted. */
  verify(): void {
    if (/^[0-9a-f]{64}$/.test(this.name) && sha256Hex(this.index) !== this.name) {
      throw storeError('store.bad-pack', `pack ${this.name}: the index does not hash to the pack's name`, {
        subject: this.path,
      });
    }
    for (let i = 0; i < this.count; i++) {
      this.row(i);
      if (
        i > 0 &&
        Buffer.compare(
          this.index.subarray((i - 1) * ROW, (i - 1) * ROW + 32),
          this.index.subarray(i * ROW, i * ROW + 32),
        ) >= 0
      ) {
        throw storeError('store.bad-pack', `pack ${this.name}: index not sorted at row ${i}`, {
          subject: this.path,
        });
      }
    }
  }

  private lookups = 0;
  /** Row by the first 32 bits of its hash; SHARED_PREFIX when two rows share them (then: binary search). */
  private byPrefix: Map<number, number> | null = null;

  /**
   * Row index of a hash: binary search for the first few lookups, then a table keyed by the
   * hash's first 32 bits (bulk writers and the review app's summary reads ask a lot). The table
   * holds numbers, not hex strings: building it for 100,000 rows takes milliseconds, where a map
   * of hex strings took a second and blocked everything else meanwhile.
   */
  private indexOf(hash: string): number {
    if (!this.byPrefix) {
      // Build the table only once lookups are many compared with the rows, so a small read (a
      // diff, one document) never pays for the whole index.
      if (++this.lookups <= 256 || this.lookups <= this.count / 8) return this.find(Buffer.from(hash, 'hex'));
      const table = new Map<number, number>();
      for (let i = 0; i < this.count; i++) {
        const prefix = this.index.readUInt32BE(i * ROW);
        table.set(prefix, table.has(prefix) ? SHARED_PREFIX : i);
      }
      this.byPrefix = table;
    }
    if (hash.length !== 64) return -1;
    const prefix = Number.parseInt(hash.slice(0, 8), 16);
    const row = this.byPrefix.get(prefix);
    if (row === undefined || Number.isNaN(prefix)) return -1;
    if (row === SHARED_PREFIX) return this.find(Buffer.from(hash, 'hex'));
    return this.index.toString('hex', row * ROW, row * ROW + 32) === hash ? row : -1;
  }

  has(hash: string): boolean {
    return this.indexOf(hash) >= 0;
  }

  rowOf(hash: string): PackRow | null {
    const i = this.indexOf(hash);
    return i < 0 ? null : this.row(i);
  }

  /** An object's bytes, checked against its hash (`store.corrupt` when they do not verify); null when absent. */
  get(hash: string, verify = true): Buffer | null {
    const row = this.rowOf(hash);
    if (!row) return null;
    return verify ? verifiedBytes(this.readStored(row), row, this.name) : this.readRow(row);
  }

  /**
   * An object as a UTF-8 string, checked against its hash unless `verify` is false; an
   * uncompressed one is read through a reused buffer (no Buffer per object).
   */
  readText(row: PackRow, verify = true): string {
    if (row.flags & FLAG_DEFLATE)
      return (verify ? verifiedBytes(this.readStored(row), row, this.name) : this.readRow(row)).toString('utf8');
    if (scratch.length < row.length) scratch = Buffer.allocUnsafe(Math.max(row.length, scratch.length * 2));
    this.readInto(row, scratch);
    const bytes = scratch.subarray(0, row.length);
    if (verify && sha256Hex(bytes) !== row.hash)
      throw corruptObject(row.hash, this.name, 'its content does not hash to its name');
    return bytes.toString('utf8');
  }

  /** An object's bytes as stored (still deflated when the row says so), unchecked. */
  readStored(row: PackRow): Buffer {
    const stored = Buffer.allocUnsafe(row.length);
    this.readInto(row, stored);
    return stored;
  }

  private readInto(row: PackRow, target: Buffer): void {
    if (this.fd === null) throw storeError('store.pack-closed', `pack ${this.name} was closed`);
    let done = 0;
    while (done < row.length) {
      const n = readSync(this.fd, target, done, row.length - done, row.offset + done);
      if (n === 0) throw storeError('store.bad-pack', `pack ${this.name} ends inside object ${row.hash}`);
      done += n;
    }
  }

  /** An object's (inflated) bytes, unchecked. */
  readRow(row: PackRow): Buffer {
    const stored = this.readStored(row);
    return row.flags & FLAG_DEFLATE ? inflateRawSync(stored) : stored;
  }

  *rows(): Generator<PackRow> {
    for (let i = 0; i < this.count; i++) yield this.row(i);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Appends objects to a temporary file; `finish` writes the index, fsyncs, and renames the file
 * into place. Until then nothing is visible to other processes; a crash leaves only a temp file.
 */
export class PackWriter {
  private readonly dir: string;
  private readonly tmpPath: string;
  private fd: number;
  private position = HEADER.length;
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private readonly rows = new Map<string, PackRow>();

  constructor(dir: string) {
    this.dir = dir;
    this.tmpPath = join(dir, `${TMP_PREFIX}pack-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      this.fd = openSync(this.tmpPath, 'wx');
    } catch (error) {
      throw ioError('create', this.tmpPath, error);
    }
    this.io('write', () => writeAll(this.fd, HEADER, 0));
  }

  /**
   * Run a system call on the pack file; a failure (disk full, I/O error) removes the temp file
   * and throws a `store.io` error naming it. The writer cannot be used afterwards.
   */
  private io<T>(action: 'write' | 'sync' | 'rename', fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      this.abort();
      throw ioError(action, this.tmpPath, error);
    }
  }

  get size(): number {
    return this.position;
  }

  get count(): number {
    return this.rows.size;
  }

  has(hash: string): boolean {
    return this.rows.has(hash);
  }

  add(hash: string, stored: Uint8Array, flags = 0): void {
    if (this.rows.has(hash)) return;
    this.rows.set(hash, { hash, offset: this.position, length: stored.length, flags });
    const buf = Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.length);
    this.buffered.push(buf);
    this.bufferedBytes += buf.length;
    this.position += buf.length;
    if (this.bufferedBytes >= 8 << 20) this.drain();
  }

  private drain(): void {
    if (this.bufferedBytes === 0) return;
    this.io('write', () => this.drainNow());
  }

  private drainNow(): void {
    let position = this.position - this.bufferedBytes;
    let pending = this.buffered;
    while (pending.length > 0) {
      let written = writevSync(this.fd, pending.slice(0, 1024), position);
      position += written;
      // Drop what was written; keep the rest of a partly written buffer.
      let i = 0;
      while (i < pending.length && written >= pending[i]!.length) written -= pending[i++]!.length;
      pending = pending.slice(i);
      if (written > 0) pending[0] = pending[0]!.subarray(written);
    }
    this.buffered = [];
    this.bufferedBytes = 0;
  }

  /** An object written to this pack, checked against its hash; null when absent. */
  get(hash: string): Buffer | null {
    const row = this.rows.get(hash);
    if (!row) return null;
    this.drain();
    const stored = Buffer.allocUnsafe(row.length);
    let done = 0;
    while (done < row.length) {
      const n = readSync(this.fd, stored, done, row.length - done, row.offset + done);
      if (n === 0) throw corruptObject(hash, this.name, 'the pack being written ends inside it');
      done += n;
    }
    return verifiedBytes(stored, row, this.name);
  }

  /** A name for messages: the temporary file until the pack is published. */
  get name(): string {
    return this.sealedName ?? basename(this.tmpPath);
  }

  private sealedName: string | null = null;

  /**
   * Write the index and trailer (no more objects can be added; the objects stay readable).
   * Returns false for an empty pack, which is removed.
   */
  seal(): boolean {
    if (this.rows.size === 0) {
      this.abort();
      return false;
    }
    this.drain();
    const sorted = [...this.rows.values()].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    const index = Buffer.alloc(sorted.length * ROW);
    sorted.forEach((row, i) => {
      const base = i * ROW;
      index.write(row.hash, base, 32, 'hex');
      index.writeUIntBE(row.offset, base + 32, 6);
      index.writeUInt32BE(row.length, base + 40);
      index.writeUInt32BE(row.flags, base + 44);
    });
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeBigUInt64BE(BigInt(this.position), 0);
    trailer.writeUInt32BE(sorted.length, 8);
    TRAILER_MAGIC.copy(trailer, 16);
    this.io('write', () => writeAll(this.fd, Buffer.concat([index, trailer]), this.position));
    this.sealedName = createHash('sha256').update(index).digest('hex');
    return true;
  }

  private publish(): string {
    const name = this.sealedName!;
    this.io('rename', () => {
      closeSync(this.fd);
      this.fd = -1;
      renameSync(this.tmpPath, join(this.dir, name + PACK_SUFFIX));
    });
    fsyncDir(this.dir);
    return name;
  }

  /** Make the pack durable and visible; returns its name, or null when it is empty (and removed). */
  finish(): string | null {
    if (!this.seal()) return null;
    this.io('sync', () => fsyncSync(this.fd));
    return this.publish();
  }

  /** Like `finish` after `seal`, with the fsync on the thread pool so the caller can go on working. */
  async publishAsync(): Promise<string> {
    try {
      await new Promise<void>((resolve, reject) => fsync(this.fd, (error) => (error ? reject(error) : resolve())));
    } catch (error) {
      this.abort();
      throw ioError('sync', this.tmpPath, error);
    }
    return this.publish();
  }

  abort(): void {
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        // already unusable; the temp file goes anyway
      }
    }
    this.fd = -1;
    unlinkQuiet(this.tmpPath);
  }
}
