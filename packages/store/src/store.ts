import type { DocumentRecord, Version } from '@corpuskit/document';

import type { ObjectBackend } from './backend.js';
import { commit } from './commit.js';
import { StoreContext } from './context.js';
import { fsck } from './fsck.js';
import { gc } from './gc.js';
import type { ManifestDiff, ManifestEntry } from './manifest.js';
import { getRaw, putRaw, readRecord } from './objects.js';
import * as read from './read.js';
import { repair } from './repair.js';
import { readRules, rulesAt, rulesObject, writeRules } from './rules.js';
import type { StoredRules } from './rules.js';
import { readState, writeState } from './side-state.js';
import * as staging from './staging.js';
import { current, transaction } from './transaction.js';
import { history, logWithDecisions } from './history.js';
import { memoryLookup, versionDecisions } from './decisions.js';
import * as versions from './versions.js';
import type {
  CommitOptions,
  CommitResult,
  DecisionOptions,
  DecisionRecord,
  HistoryStep,
  RememberedDecision,
  FsckResult,
  GcOptions,
  GcResult,
  LogEntry,
  OpenOptions,
  RepairOptions,
  RepairResult,
  ResolvedRef,
  StagedDocument,
  StageInput,
  StageOptions,
  StageResult,
  StatusResult,
  TagInfo,
} from './types.js';

/**
 * A corpus store. Read methods need no lock and see the last committed state (or, inside
 * `transaction`, the transaction's own state). Every mutating method takes the corpus lock
 * itself unless it runs inside `transaction`/`withLock`, and makes its changes durable with
 * one atomic update of `refs.json` before it returns.
 *
 * A thin facade: each method is one function of a module (staging, commit, versions, read,
 * objects, fsck, gc, side state) over the shared `StoreContext`.
 */
export class Store {
  private readonly ctx: StoreContext;

  constructor(dir: string, backend: ObjectBackend, options: OpenOptions = {}) {
    this.ctx = new StoreContext(dir, backend, options);
  }

  /** The corpus directory (the one holding `.corpuskit/`). */
  get dir(): string {
    return this.ctx.dir;
  }

  /** The `.corpuskit/` directory. */
  get root(): string {
    return this.ctx.root;
  }

  get backend(): ObjectBackend {
    return this.ctx.backend;
  }

  // ---------------------------------------------------------------- locking

  /**
   * Run `fn` holding the corpus lock. Mutating calls inside share the lock and an in-memory
   * state that is written (objects first, then the staging index, then `refs.json`) when `fn`
   * returns, and in between when many changes have piled up; `commit` writes at once. If `fn`
   * throws, changes not yet written are dropped. Re-entrant.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return transaction(this.ctx, fn);
  }

  /** Same as `transaction`. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return transaction(this.ctx, fn);
  }

  // ---------------------------------------------------------------- objects

  /** Store raw bytes (e.g. a saved page) and return their SHA-256. */
  putRaw(bytes: Uint8Array): Promise<string> {
    return putRaw(this.ctx, bytes);
  }

  /** Raw bytes by hash, or null. */
  getRaw(hash: string): Promise<Uint8Array | null> {
    return getRaw(this.ctx, hash);
  }

  /** Read a stored record by its object hash (`StagedEntry.record`, `ManifestEntry.record`). */
  readRecord(hash: string): Promise<DocumentRecord> {
    return readRecord(this.ctx, hash);
  }

  // ---------------------------------------------------------------- staging

  /**
   * Stage documents for review. Each is compared with HEAD by content hash: `identical`
   * changes nothing (and drops a staged entry for the id), otherwise it becomes a pending
   * `new` or `update`, replacing any earlier staged entry for the same id. Staging the very
   * same record again keeps the existing entry and its review state. All inputs are validated
   * before anything is written. `record.contentHash` is trusted (ingest computes it with
   * `contentHash()` as it builds the record); `verifyContentHash: true` recomputes it, which
   * costs about as much as the rest of staging. `fsck` always checks it.
   */
  stage(inputs: StageInput[], options: StageOptions = {}): Promise<StageResult[]> {
    return staging.stage(this.ctx, inputs, options);
  }

  /** Stage the removal of documents that are in HEAD. */
  stageRemoval(ids: string[]): Promise<Array<{ id: string; replacedPending: boolean }>> {
    return staging.stageRemoval(this.ctx, ids);
  }

  /** Accept staged changes (`'all'` = every pending entry); returns the ids changed. */
  accept(ids: string[] | 'all', options: DecisionOptions = {}): Promise<string[]> {
    return staging.decide(this.ctx, 'accepted', ids, options);
  }

  /** Reject staged changes (`'all'` = every pending entry); rejected entries stay until cleared. */
  reject(ids: string[] | 'all', options: DecisionOptions = {}): Promise<string[]> {
    return staging.decide(this.ctx, 'rejected', ids, options);
  }

  /** Put accepted or rejected entries (removals too) back to pending; returns the ids changed. */
  reopen(ids: string[]): Promise<string[]> {
    return staging.reopen(this.ctx, ids);
  }

  /** Drop staged entries whatever their state; returns the ids dropped. */
  unstage(ids: string[]): Promise<string[]> {
    return staging.unstage(this.ctx, ids);
  }

  /** Drop every rejected entry; returns their ids. */
  clearRejected(): Promise<string[]> {
    return staging.clearRejected(this.ctx);
  }

  /**
   * Replace the record of a staged `new` or `update` (e.g. the reviewer restored a removed
   * block). The entry goes back to `pending`. A record equal in content to HEAD's drops the
   * entry and reports `identical`.
   */
  updateStagedRecord(id: string, record: DocumentRecord, options: StageOptions = {}): Promise<StageResult> {
    return staging.updateStagedRecord(this.ctx, id, record, options);
  }

  /** The staging area: counts and every entry, sorted by id. */
  status(): Promise<StatusResult> {
    return staging.status(this.ctx);
  }

  /** One staged entry with its record (and HEAD's), or null when the id is not staged. */
  getStaged(id: string): Promise<StagedDocument | null> {
    return staging.getStaged(this.ctx, id);
  }

  // ---------------------------------------------------------------- versions

  /** Turn accepted changes into a new version (and optionally tag it). */
  commit(options: CommitOptions): Promise<CommitResult> {
    return commit(this.ctx, options);
  }

  /** Name a version. `force` moves an existing tag. */
  tag(name: string, ref: string = 'HEAD', options: { force?: boolean } = {}): Promise<TagInfo> {
    return versions.tag(this.ctx, name, ref, options);
  }

  deleteTag(name: string): Promise<void> {
    return versions.deleteTag(this.ctx, name);
  }

  /** Every tag, sorted by name. */
  tags(): Promise<TagInfo[]> {
    return versions.tags(this.ctx);
  }

  /** HEAD, or null before the first commit. */
  head(): Promise<{ id: string; version: Version } | null> {
    return versions.head(this.ctx);
  }

  /** Read a version by full id, verifying its hash. */
  readVersion(id: string): Promise<Version> {
    return versions.readVersion(this.ctx, id);
  }

  /**
   * Resolve a reference: a full version id, a unique prefix of at least 4 hex digits, a tag,
   * `HEAD`, `HEAD~N` (`HEAD^` = `HEAD~1`), or `staged` (HEAD plus accepted changes).
   */
  resolve(ref: string): Promise<ResolvedRef> {
    return versions.resolve(this.ctx, ref);
  }

  /**
   * Versions from `ref` (default HEAD) back to the first, newest first; `decisions: true` reads
   * the review decisions each version recorded.
   */
  log(ref = 'HEAD', options: { limit?: number; decisions?: boolean } = {}): Promise<LogEntry[]> {
    const { decisions, ...rest } = options;
    return decisions ? logWithDecisions(this.ctx, ref, rest) : versions.log(this.ctx, ref, rest);
  }

  /** The review decisions a version recorded (accepted changes, rejections), oldest first. */
  async decisions(ref = 'HEAD'): Promise<DecisionRecord[]> {
    const resolved = await versions.resolve(this.ctx, ref);
    return resolved.id ? versionDecisions(this.ctx, resolved.id) : [];
  }

  /**
   * A document's history, newest first: each version that changed it or recorded a decision
   * about it (its content hash there, the decisions), then the staging area.
   */
  history(id: string): Promise<HistoryStep[]> {
    return history(this.ctx, id);
  }

  /**
   * What the store remembers about a document's content: the latest decision about it (from the
   * staging area's journal or HEAD's history), or null.
   */
  async remembered(id: string, contentHash: string): Promise<RememberedDecision | null> {
    return (await memoryLookup(this.ctx, await current(this.ctx)))(id, contentHash);
  }

  // ---------------------------------------------------------------- reading

  /** Manifest entry of a document at a version, or null. */
  getEntry(ref: string, id: string): Promise<ManifestEntry | null> {
    return read.getEntry(this.ctx, ref, id);
  }

  /** A document at a version, or null when the version does not hold it. */
  getDocument(ref: string, id: string): Promise<DocumentRecord | null> {
    return read.getDocument(this.ctx, ref, id);
  }

  /** Manifest entries of a version, sorted by id. */
  entries(ref: string): AsyncGenerator<ManifestEntry> {
    return read.entries(this.ctx, ref);
  }

  /** All manifest entries of a version, sorted by id. */
  manifest(ref: string): Promise<ManifestEntry[]> {
    return read.manifest(this.ctx, ref);
  }

  /** Number of documents in a version. */
  count(ref: string): Promise<number> {
    return read.count(this.ctx, ref);
  }

  /** The documents of a version, sorted by id. */
  documents(ref: string): AsyncGenerator<DocumentRecord> {
    return read.documents(this.ctx, ref);
  }

  /**
   * Write a version as JSON Lines, one document per line: `{ schemaVersion, version, id,
   * contentHash, title, text, markdown, status, metadata, provenance, findings, removed, stats }`.
   * Returns the number of lines. With `filter`, only the documents it keeps.
   */
  exportJsonl(
    ref: string,
    write: (line: string) => void | Promise<void>,
    filter?: (record: DocumentRecord) => boolean,
  ): Promise<number> {
    return read.exportJsonl(this.ctx, ref, write, filter);
  }

  /** The raw bytes a document was cleaned from, or null when they were not kept. */
  rawOf(ref: string, id: string): Promise<Uint8Array | null> {
    return read.rawOf(this.ctx, ref, id);
  }

  /**
   * Which ids were added, removed and modified between two versions (any refs), skipping
   * shared manifest chunks: the cost follows the size of the change.
   */
  diffManifests(oldRef: string, newRef: string): Promise<ManifestDiff> {
    return read.diffManifests(this.ctx, oldRef, newRef);
  }

  // ---------------------------------------------------------------- side state

  /** Mutable side state kept for ingest (e.g. the dedup index), or null when never written. */
  readState(name: string): Promise<Uint8Array | null> {
    return readState(this.ctx, name);
  }

  /** Replace a side-state file atomically, under the lock. */
  writeState(name: string, bytes: Uint8Array | string): Promise<void> {
    return writeState(this.ctx, name, bytes);
  }

  // ---------------------------------------------------------------- the corpus's rule file

  /** The working per-site rule file (opaque bytes and their SHA-256), or null when there is none. */
  readRules(): Promise<StoredRules | null> {
    return readRules(this.ctx);
  }

  /**
   * Replace the working rule file (null removes it) under the lock, keeping the bytes as an
   * object; the next commit records its hash in the version. Returns the hash, or null.
   */
  writeRules(bytes: Uint8Array | null): Promise<string | null> {
    return writeRules(this.ctx, bytes);
  }

  /** The rule file in force at a version (null when none; `staged`: the working file). */
  rulesAt(ref: string): Promise<StoredRules | null> {
    return rulesAt(this.ctx, ref);
  }

  /** A rule file kept as an object, by its hash (a document's `provenance.siteRules`, a version's `rules`). */
  rulesObject(hash: string): Promise<StoredRules> {
    return rulesObject(this.ctx, hash);
  }

  // ---------------------------------------------------------------- integrity

  /**
   * Re-hash every object and version and check every reference (`refs.json` strictly). Changes
   * nothing, but holds the lock so that a writer's half-finished batch is not reported as missing
   * objects; on a corpus it cannot write (read-only storage), it runs without the lock.
   */
  fsck(): Promise<FsckResult> {
    return fsck(this.ctx);
  }

  /**
   * Restore what can be restored after damage: packs rewritten from copies that verify (damaged
   * files moved into `.corpuskit/lost-found/`), a damaged `refs.json` rebuilt from the versions
   * and staging indexes on disk. Reports what was restored and what is lost (and what used it).
   */
  repair(options: RepairOptions = {}): Promise<RepairResult> {
    return repair(this.ctx, options);
  }

  /**
   * Find (and unless `dryRun`, remove) objects unreachable from every version, tag and the
   * staging area, plus leftovers of interrupted writes. Runs under the lock; refuses a corpus
   * that does not verify (`store.gc-refused`).
   */
  gc(options: GcOptions = {}): Promise<GcResult> {
    return gc(this.ctx, options);
  }

  /** Release resources (open pack files). The store can be used again afterwards. */
  async close(): Promise<void> {
    await this.ctx.backend.close();
    this.ctx.nodeCache.clear();
  }
}
