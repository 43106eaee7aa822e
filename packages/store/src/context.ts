import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';

import type { ObjectBackend } from './backend.js';
import { storeError } from './errors.js';
import { CORPUS_DIR } from './layout.js';
import { FileLock } from './lock.js';
import type { ManifestNode, NodeStore } from './manifest.js';
import { cachedNodeStore } from './objects.js';
import type { Refs } from './refs.js';
import type { StagingState } from './staging-index.js';
import type { DecisionRecord, OpenOptions, RememberedDecision, ResolvedRef, StagedEntry } from './types.js';

/** The writer's view of the corpus inside a transaction: refs and staging area, written on flush. */
export interface Session {
  refs: Refs;
  staging: Map<string, StagedEntry>;
  /** Rejections whose entries left the staging area before a commit recorded them (`stagingDirty` covers it). */
  journal: DecisionRecord[];
  stagingDirty: boolean;
  refsDirty: boolean;
  /** Changes since the last flush, inside an explicit transaction. */
  unflushed: number;
  /**
   * Side-state files written in this transaction, kept until it is made durable (after the
   * objects, before the staging index), so a transaction that fails writes none of them.
   */
  state?: Map<string, Uint8Array | string>;
}

/**
 * What the store's modules share: the backend, the lock, the running transaction (if any) and
 * the read caches. One per `Store`; the modules are functions of it.
 */
export class StoreContext {
  /** The corpus directory (the one holding `.corpuskit/`). */
  readonly dir: string;
  /** The `.corpuskit/` directory. */
  readonly root: string;
  readonly backend: ObjectBackend;
  readonly lock: FileLock;
  readonly command: string;
  readonly lockWaitMs: number;
  /** The session of the transaction the current async call runs in. */
  readonly als = new AsyncLocalStorage<Session>();
  /** Writers of this Store queue here; the lock file keeps other processes out. */
  queue: Promise<void> = Promise.resolve();
  readonly nodeCache = new Map<string, ManifestNode>();
  /** The committed staging index last read (never mutated), and its entries sorted by id once asked for. */
  stagingCache: { hash: string; state: StagingState; sorted?: StagedEntry[] } | null = null;
  /** The staging index being read now, so concurrent readers parse it once (100,000 entries take a while). */
  stagingReading: { hash: string; promise: Promise<StagingState | null> } | null = null;
  /** What the versions up to `head` remember about content (decisions.ts), rebuilt when HEAD moves. */
  memoryCache: { head: string | null; memory: Map<string, RememberedDecision> } | null = null;
  stagedCache: { key: string; resolved: ResolvedRef } | null = null;
  /** In-memory manifest nodes of recently resolved `staged` trees (never written), newest last. */
  readonly overlays: Array<Map<string, Uint8Array>> = [];
  /** Manifest nodes read through the cache and the overlays. */
  readonly nodes: NodeStore;

  constructor(dir: string, backend: ObjectBackend, options: OpenOptions = {}) {
    this.dir = dir;
    this.root = join(dir, CORPUS_DIR);
    this.backend = backend;
    this.lock = new FileLock(join(this.root, 'lock'));
    this.command = options.command ?? defaultCommand();
    this.lockWaitMs = options.lockWaitMs ?? 0;
    this.nodes = cachedNodeStore(this);
  }
}

function defaultCommand(): string {
  return ['corpuskit', ...process.argv.slice(2)].join(' ').slice(0, 500);
}

/** An ISO 8601 time from a string or Date; now when undefined. */
export function isoTime(value: string | Date | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw storeError('store.invalid-time', `not a valid time: ${String(value)}`);
  return date.toISOString();
}
