import { mkdtemp, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

import { ingestError } from './errors.js';
import type { Cleaned, Pending } from './results.js';

/** A page already in memory (re-clean keeps its batch so). */
export function pendingOf(item: Cleaned): Pending {
  return {
    ...summaryOf(item),
    load: () => Promise.resolve(item),
  };
}

function summaryOf(item: Cleaned): Omit<Pending, 'load'> {
  return {
    source: item.source,
    seq: item.seq,
    id: item.id,
    ...(item.claimedFrom === undefined ? {} : { claimedFrom: item.claimedFrom }),
    contentHash: item.contentHash,
    raw: item.raw,
    status: item.document.status,
    title: item.document.title,
    warnings: item.document.warnings,
  };
}

export interface SpoolOptions {
  /**
   * Bytes of cleaned pages (serialised) kept in memory; past it each further page is written
   * to a temporary file and read back when it is staged. Default 32 MiB.
   */
  budget?: number;
  /** Where the temporary file goes (default: the system's temporary folder). */
  dir?: string;
}

const DEFAULT_BUDGET = 32 * 1024 * 1024;

/**
 * Cleaned pages between cleaning and staging. Staging runs once every page is cleaned (dedup
 * and staging go in id order), so a batch of a million WARC records cannot keep them all in
 * memory: each page is serialised as it comes back (`v8.serialize`, which keeps typed arrays
 * and `undefined` as they were); up to `budget` bytes stay in memory, the rest go to one
 * temporary file (removed from its folder as soon as it is open, so nothing is left behind
 * even if the process is killed). What stays per page is its `Pending` summary.
 */
export class CleanedSpool {
  private readonly budget: number;
  private readonly dir: string | undefined;
  private held = 0;
  private end = 0;
  private file: Promise<{ handle: FileHandle; path: string }> | null = null;
  /** Pages written to the file (for tests and the bench). */
  spilled = 0;

  constructor(options: SpoolOptions = {}) {
    this.budget = options.budget ?? DEFAULT_BUDGET;
    this.dir = options.dir;
  }

  /** Keep a cleaned page; resolves once it is held (in memory or written). */
  async add(item: Cleaned): Promise<Pending> {
    const { raw, ...data } = item;
    const bytes = serialize(data);
    const summary = summaryOf(item);
    const source = item.source;
    if (this.held + bytes.length <= this.budget) {
      this.held += bytes.length;
      return { ...summary, load: heldLoad(bytes, raw) };
    }
    const { handle, path: file } = await this.openFile();
    const offset = this.end;
    this.end += bytes.length;
    try {
      await handle.write(bytes, 0, bytes.length, offset);
    } catch (error) {
      throw spoolError(error, file, source);
    }
    this.spilled += 1;
    return { ...summary, load: spilledLoad(handle, file, offset, bytes.length, source, raw) };
  }

  /** Close and remove the temporary file, if one was made. */
  async close(): Promise<void> {
    const file = this.file;
    this.file = null;
    if (!file) return;
    const { handle, path: name } = await file.catch(() => ({ handle: null, path: null }));
    await handle?.close().catch(() => {});
    if (name) await rm(path.dirname(name), { recursive: true, force: true }).catch(() => {});
  }

  private openFile(): Promise<{ handle: FileHandle; path: string }> {
    this.file ??= (async () => {
      const folder = await mkdtemp(path.join(this.dir ?? tmpdir(), 'corpuskit-ingest-')).catch((error: unknown) => {
        throw spoolError(error, this.dir ?? tmpdir(), null);
      });
      const name = path.join(folder, 'cleaned.spool');
      try {
        const handle = await open(name, 'w+', 0o600);
        // Unlinked while open (POSIX): the space is freed when it is closed, or when the process dies.
        if (process.platform !== 'win32') await rm(folder, { recursive: true, force: true });
        return { handle, path: name };
      } catch (error) {
        throw spoolError(error, name, null);
      }
    })();
    return this.file;
  }
}

// The two loaders are made in functions of their own: closures made in `add` itself would share
// its scope, so a spilled page's loader would keep the serialised bytes alive (V8 keeps one
// context per scope for all its closures) and memory would grow with the pages after all.
function heldLoad(bytes: Buffer, raw: Cleaned['raw']): () => Promise<Cleaned> {
  return async () => ({ ...(deserialize(bytes) as Omit<Cleaned, 'raw'>), raw });
}

function spilledLoad(
  handle: FileHandle,
  file: string,
  offset: number,
  length: number,
  source: string,
  raw: Cleaned['raw'],
): () => Promise<Cleaned> {
  return async () => {
    const back = Buffer.allocUnsafe(length);
    try {
      const { bytesRead } = await handle.read(back, 0, length, offset);
      if (bytesRead !== length) throw new Error(`read ${bytesRead} of ${length} bytes`);
    } catch (error) {
      throw spoolError(error, file, source);
    }
    return { ...(deserialize(back) as Omit<Cleaned, 'raw'>), raw };
  };
}

function spoolError(error: unknown, file: string, source: string | null) {
  const message = error instanceof Error ? error.message : String(error);
  return ingestError('ingest.spool-failed', `cannot keep the cleaned page for staging in ${file}: ${message}`, {
    ...(source ? { subject: source } : {}),
    details: { path: file },
  });
}
