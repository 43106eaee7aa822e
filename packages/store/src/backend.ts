import { mkdirSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

import { CorpusKitError } from '@corpuskit/document';

import { ioError } from './errors.js';
import { TMP_PREFIX, fsyncDir, readFileOrNull, unlinkQuiet, writeFileAtomic } from './fs-util.js';
import { repairPacks, type PackRepair } from './pack-repair.js';
import { FLAG_DEFLATE, PACK_SUFFIX, PackReader, PackWriter, verifiedBytes, type PackRow } from './pack.js';

export interface ObjectInfo {
  hash: string;
  /** Stored size in bytes (after compression). */
  size: number;
  /** Where the object lives, for problem reports (a pack name for the file backend). */
  location: string;
}

/** One stored copy of an object and whether it verifies. */
export interface ObjectCheck extends ObjectInfo {
  ok: boolean;
  /** Why the copy does not verify. */
  message?: string;
}

export interface StorageProblem {
  kind: string;
  object?: string;
  message: string;
}

/**
 * The narrow storage boundary of the store. Everything above it (staging, versions, manifests)
 * talks only to this interface, so another backend (an S3-compatible object store with
 * conditional writes, say) can be added without changing callers.
 *
 * Two namespaces: immutable content-addressed objects, and small named files that are replaced
 * atomically (`refs.json`, `versions/<id>.json`, `staging/<hash>.json`, `state/<name>`).
 */
export interface ObjectBackend {
  /**
   * The object's (uncompressed) bytes, or null when absent. The bytes are checked against the
   * hash: a copy that does not verify is a `store.corrupt` error naming the object and where it
   * lies, never wrong data.
   */
  getObject(hash: string): Promise<Uint8Array | null>;
  /** Optional fast path: the object's bytes decoded as UTF-8, verified like `getObject`. */
  getObjectText?(hash: string): Promise<string | null>;
  hasObject(hash: string): Promise<boolean>;
  /**
   * Queue an object; it is readable at once by this process and durable after `flushObjects`.
   * The caller guarantees `hash` is the SHA-256 of `bytes`, and `deflated` (when given, with
   * `compress`) is `bytes` compressed with raw DEFLATE, computed elsewhere.
   */
  putObject(hash: string, bytes: Uint8Array, options?: { compress?: boolean; deflated?: Uint8Array }): void;
  /** Make every queued object durable (one fsync per batch). */
  flushObjects(): Promise<void>;
  /** Drop queued objects that were not flushed. */
  discardObjects(): Promise<void>;
  listObjects(): AsyncIterable<ObjectInfo>;
  /** Every stored copy of every object, each read and checked against its hash (for fsck). */
  verifyObjects(): AsyncIterable<ObjectCheck>;
  /**
   * Optional: replace damaged storage by good copies found elsewhere, moving what is damaged
   * aside; `wanted` are referenced objects to look for too. Nothing is written in a dry run.
   */
  repairObjects?(wanted: Set<string>, dryRun: boolean): Promise<PackRepair>;
  /** Structural problems of the storage itself (unreadable packs and the like). */
  checkStorage(): Promise<StorageProblem[]>;
  /** Remove every object for which `keep` is false; returns what was removed. */
  retainObjects(keep: (hash: string) => boolean): Promise<{ removed: string[]; removedBytes: number }>;
  /** Remove leftovers of interrupted writes; returns their total size. */
  removeTemporary(): Promise<{ files: string[]; bytes: number }>;
  readFile(name: string): Promise<Uint8Array | null>;
  /** Replace a named file atomically and durably. */
  writeFile(name: string, bytes: Uint8Array | string): Promise<void>;
  listFiles(dir: string): Promise<string[]>;
  deleteFile(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A pack is sealed at this size and fsynced in the background while staging goes on. */
const PACK_ROLL_BYTES = 64 << 20;
/** Packs at least this large and holding only live objects are left alone by gc. */
const KEEP_PACK_BYTES = 32 << 20;

/** The default backend: objects in pack files under `objects/`, named files as plain files. */
export class FileBackend implements ObjectBackend {
  private readonly root: string;
  private readonly packDir: string;
  private readonly packs = new Map<string, PackReader>();
  private writer: PackWriter | null = null;
  /** Sealed packs whose fsync runs in the background; readable, not yet visible to others. */
  private sealed: PackWriter[] = [];
  private publishing: Array<Promise<void>> = [];
  private publishError: unknown = null;

  private readonly packRollBytes: number;
  private readonly verifyReads: boolean;

  /**
   * `packRollBytes`: seal a pack at this size (default 64 MiB). `verifyReads: false` skips the
   * hash check of objects read from packs on disk; it exists only so the store bench can
   * measure what the check costs.
   */
  constructor(root: string, options: { packRollBytes?: number; verifyReads?: boolean } = {}) {
    this.root = root;
    this.packRollBytes = options.packRollBytes ?? PACK_ROLL_BYTES;
    this.verifyReads = options.verifyReads ?? true;
    this.packDir = join(root, 'objects');
  }

  private refreshPacks(): void {
    let names: string[];
    try {
      names = readdirSync(this.packDir).filter((n) => n.endsWith(PACK_SUFFIX) && !n.startsWith(TMP_PREFIX));
    } catch {
      names = [];
    }
    const present = new Set(names.map((n) => n.slice(0, -PACK_SUFFIX.length)));
    for (const [name, reader] of this.packs) {
      if (!present.has(name)) {
        reader.close();
        this.packs.delete(name);
      }
    }
    for (const name of [...present].sort()) {
      if (!this.packs.has(name)) this.packs.set(name, PackReader.open(join(this.packDir, name + PACK_SUFFIX), name));
    }
  }

  private loaded = false;
  private ensureLoaded(): void {
    if (!this.loaded) {
      this.refreshPacks();
      this.loaded = true;
    }
  }

  /**
   * The first copy of an object that verifies (the pack being written, sealed packs, then the
   * packs on disk). A copy that does not verify is passed over for a good one elsewhere; with
   * none, its `store.corrupt` error is thrown: never wrong bytes.
   */
  private findSync(hash: string): Buffer | null {
    let bad: unknown = null;
    const attempt = (read: () => Buffer | null): Buffer | null => {
      try {
        return read();
      } catch (error) {
        if (!isCorrupt(error)) throw error;
        bad ??= error;
        return null;
      }
    };
    const pending = this.writer?.has(hash) ? attempt(() => this.writer!.get(hash)) : null;
    if (pending) return pending;
    for (const writer of this.sealed) {
      const bytes = writer.has(hash) ? attempt(() => writer.get(hash)) : null;
      if (bytes) return bytes;
    }
    for (const reader of this.packs.values()) {
      const bytes = attempt(() => reader.get(hash, this.verifyReads));
      if (bytes) return bytes;
    }
    if (bad) throw bad;
    return null;
  }

  /**
   * An object's bytes as a UTF-8 string, verified like `getObject`. Cheaper than `getObject`
   * for many small JSON objects (manifest nodes).
   */
  async getObjectText(hash: string): Promise<string | null> {
    this.ensureLoaded();
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.writer?.has(hash) || this.sealed.some((w) => w.has(hash))) {
        return this.findSync(hash)?.toString('utf8') ?? null;
      }
      let bad: unknown = null;
      for (const reader of this.packs.values()) {
        const row = reader.rowOf(hash);
        if (!row) continue;
        try {
          return reader.readText(row, this.verifyReads);
        } catch (error) {
          if (!isCorrupt(error)) throw error;
          bad ??= error;
        }
      }
      if (bad) throw bad;
      if (attempt === 0) this.refreshPacks();
    }
    return null;
  }

  private hasSync(hash: string): boolean {
    if (this.writer?.has(hash)) return true;
    for (const writer of this.sealed) if (writer.has(hash)) return true;
    for (const reader of this.packs.values()) if (reader.has(hash)) return true;
    return false;
  }

  async getObject(hash: string): Promise<Uint8Array | null> {
    this.ensureLoaded();
    const found = this.findSync(hash);
    if (found) return found;
    this.refreshPacks();
    return this.findSync(hash);
  }

  async hasObject(hash: string): Promise<boolean> {
    this.ensureLoaded();
    if (this.hasSync(hash)) return true;
    this.refreshPacks();
    return this.hasSync(hash);
  }

  putObject(hash: string, bytes: Uint8Array, options: { compress?: boolean; deflated?: Uint8Array } = {}): void {
    this.ensureLoaded();
    if (this.hasSync(hash)) return;
    if (!this.writer) {
      try {
        mkdirSync(this.packDir, { recursive: true });
      } catch (error) {
        throw ioError('create', this.packDir, error);
      }
      this.writer = new PackWriter(this.packDir);
    }
    if (options.compress && bytes.length > 512) {
      const deflated = options.deflated ?? deflateRawSync(bytes);
      if (deflated.length < bytes.length * 0.9) {
        this.writer.add(hash, deflated, FLAG_DEFLATE);
        return this.maybeRoll();
      }
    }
    this.writer.add(hash, bytes);
    this.maybeRoll();
  }

  private maybeRoll(): void {
    const writer = this.writer;
    if (!writer || writer.size < this.packRollBytes) return;
    this.writer = null;
    if (!writer.seal()) return;
    this.sealed.push(writer);
    this.publishing.push(
      writer.publishAsync().then(
        (name) => {
          this.sealed = this.sealed.filter((w) => w !== writer);
          if (!this.packs.has(name))
            this.packs.set(name, PackReader.open(join(this.packDir, name + PACK_SUFFIX), name));
        },
        (error: unknown) => {
          this.sealed = this.sealed.filter((w) => w !== writer);
          this.publishError ??= error;
        },
      ),
    );
  }

  private async settlePublishing(): Promise<void> {
    while (this.publishing.length > 0) await Promise.all(this.publishing.splice(0));
    const error = this.publishError;
    this.publishError = null;
    if (error) throw error;
  }

  private finishWriter(): void {
    const writer = this.writer;
    if (!writer) return;
    this.writer = null;
    let name: string | null;
    try {
      name = writer.finish();
    } catch (error) {
      writer.abort();
      throw error;
    }
    if (name && !this.packs.has(name))
      this.packs.set(name, PackReader.open(join(this.packDir, name + PACK_SUFFIX), name));
  }

  async flushObjects(): Promise<void> {
    this.finishWriter();
    await this.settlePublishing();
  }

  async discardObjects(): Promise<void> {
    this.writer?.abort();
    this.writer = null;
    // Sealed packs are complete; letting them land leaves only unreachable objects for gc.
    await this.settlePublishing().catch(() => undefined);
  }

  async *listObjects(): AsyncIterable<ObjectInfo> {
    this.refreshPacks();
    const seen = new Set<string>();
    for (const reader of [...this.packs.values()]) {
      for (const row of reader.rows()) {
        if (seen.has(row.hash)) continue;
        seen.add(row.hash);
        yield { hash: row.hash, size: row.length, location: `objects/${reader.name}${PACK_SUFFIX}` };
      }
    }
  }

  async *verifyObjects(): AsyncIterable<ObjectCheck> {
    this.refreshPacks();
    for (const reader of [...this.packs.values()]) {
      const location = `objects/${reader.name}${PACK_SUFFIX}`;
      let rows: PackRow[];
      try {
        rows = [...reader.rows()];
      } catch {
        continue; // a row outside the object area: checkStorage reports the pack
      }
      for (const row of rows) {
        try {
          verifiedBytes(reader.readStored(row), row, reader.name);
          yield { hash: row.hash, size: row.length, location, ok: true };
        } catch (error) {
          if (!isCorrupt(error)) throw error;
          yield { hash: row.hash, size: row.length, location, ok: false, message: (error as Error).message };
        }
      }
    }
  }

  async repairObjects(wanted: Set<string>, dryRun: boolean): Promise<PackRepair> {
    await this.flushObjects();
    const result = repairPacks(this.packDir, join(this.root, 'lost-found'), wanted, dryRun);
    this.refreshPacks();
    return result;
  }

  async checkStorage(): Promise<StorageProblem[]> {
    const problems: StorageProblem[] = [];
    let names: string[] = [];
    try {
      names = readdirSync(this.packDir).filter((n) => n.endsWith(PACK_SUFFIX) && !n.startsWith(TMP_PREFIX));
    } catch {
      // no objects yet
    }
    for (const file of names) {
      try {
        const reader = PackReader.open(join(this.packDir, file), file.slice(0, -PACK_SUFFIX.length));
        try {
          reader.verify();
        } finally {
          reader.close();
        }
      } catch (error) {
        problems.push({ kind: 'bad-pack', object: `objects/${file}`, message: (error as Error).message });
      }
    }
    return problems;
  }

  async retainObjects(keep: (hash: string) => boolean): Promise<{ removed: string[]; removedBytes: number }> {
    await this.flushObjects();
    this.refreshPacks();
    const readers = [...this.packs.values()];
    const rewrite = readers.filter((reader) => {
      if (reader.size < KEEP_PACK_BYTES) return true;
      for (const row of reader.rows()) if (!keep(row.hash)) return true;
      return false;
    });
    const untouched = readers.filter((r) => !rewrite.includes(r));
    if (rewrite.length <= 1 && rewrite.every((r) => [...r.rows()].every((row) => keep(row.hash)))) {
      return { removed: [], removedBytes: 0 };
    }
    const inUntouched = (hash: string): boolean => untouched.some((r) => r.has(hash));
    const removed = new Set<string>();
    let removedBytes = 0;
    // Only copies that verify are carried over; a kept object with no good copy stops gc.
    const corrupt = new Map<string, unknown>();
    const writer = new PackWriter(this.packDir);
    try {
      for (const reader of rewrite) {
        for (const row of reader.rows()) {
          if (writer.has(row.hash) || inUntouched(row.hash)) continue;
          if (keep(row.hash)) {
            const stored = reader.readStored(row);
            try {
              verifiedBytes(stored, row, reader.name);
            } catch (error) {
              if (!isCorrupt(error)) throw error;
              if (!corrupt.has(row.hash)) corrupt.set(row.hash, error);
              continue;
            }
            writer.add(row.hash, stored, row.flags);
          } else if (!removed.has(row.hash)) {
            removed.add(row.hash);
            removedBytes += row.length;
          }
        }
      }
      for (const [hash, error] of corrupt) if (!writer.has(hash)) throw error;
    } catch (error) {
      writer.abort();
      throw error;
    }
    // The new pack is durable before any old one goes away, so a crash (or a full disk) loses nothing.
    let name: string | null;
    try {
      name = writer.finish();
    } catch (error) {
      writer.abort();
      throw error;
    }
    for (const reader of rewrite) {
      reader.close();
      this.packs.delete(reader.name);
      unlinkQuiet(reader.path);
    }
    fsyncDir(this.packDir);
    if (name) this.packs.set(name, PackReader.open(join(this.packDir, name + PACK_SUFFIX), name));
    return { removed: [...removed], removedBytes };
  }

  async removeTemporary(): Promise<{ files: string[]; bytes: number }> {
    const files: string[] = [];
    let bytes = 0;
    const visit = (dir: string, rel: string): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) visit(path, relPath);
        else if (entry.name.startsWith(TMP_PREFIX) && !this.isOwnTemp(path)) {
          try {
            bytes += statSync(path).size;
          } catch {
            // already gone
          }
          if (unlinkQuiet(path)) files.push(relPath);
        }
      }
    };
    visit(this.root, '');
    return { files, bytes };
  }

  private isOwnTemp(path: string): boolean {
    return this.writer !== null && path.includes(`-${process.pid}-`) && dirname(path) === this.packDir;
  }

  async readFile(name: string): Promise<Uint8Array | null> {
    return readFileOrNull(join(this.root, name));
  }

  async writeFile(name: string, bytes: Uint8Array | string): Promise<void> {
    writeFileAtomic(join(this.root, name), bytes);
  }

  async listFiles(dir: string): Promise<string[]> {
    try {
      return readdirSync(join(this.root, dir))
        .filter((n) => !n.startsWith(TMP_PREFIX))
        .sort();
    } catch {
      return [];
    }
  }

  async deleteFile(name: string): Promise<void> {
    const path = join(this.root, name);
    if (unlinkQuiet(path)) fsyncDir(dirname(path));
  }

  async close(): Promise<void> {
    this.writer?.abort();
    this.writer = null;
    await this.settlePublishing().catch(() => undefined);
    for (const reader of this.packs.values()) reader.close();
    this.packs.clear();
    this.loaded = false;
  }
}

function isCorrupt(error: unknown): boolean {
  return error instanceof CorpusKitError && error.code === 'store.corrupt';
}
