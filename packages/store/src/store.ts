import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';

import {
  SCHEMA_VERSION,
  contentHash as computeContentHash,
  hashValue,
  isSha256,
  sha256,
  type DocumentRecord,
  type Version,
} from '@corpuskit/document';

import { FileBackend, type ObjectBackend } from './backend.js';
import { storeError } from './errors.js';
import { writeFileAtomic } from './fs-util.js';
import { FileLock } from './lock.js';
import {
  applyChanges,
  countOf,
  diffTrees,
  emptyRoot,
  iterateEntries,
  lookup,
  parseNode,
  type ManifestChange,
  type ManifestDiff,
  type ManifestEntry,
  type ManifestNode,
  type NodeStore,
} from './manifest.js';
import { assembleRecord, encodeRecord, parseStoredRecord, validateRecord, type StoredRecord } from './records.js';
import type {
  CommitOptions,
  CommitResult,
  DecisionOptions,
  FsckProblem,
  FsckResult,
  GcOptions,
  GcResult,
  LogEntry,
  OpenOptions,
  ResolvedRef,
  StagedDocument,
  StagedEntry,
  StagedState,
  StageInput,
  StageOptions,
  StageResult,
  StatusResult,
  TagInfo,
} from './types.js';

/** The directory inside a corpus that holds the store. */
export const CORPUS_DIR = '.corpuskit';
/** The on-disk format this version reads and writes. */
export const FORMAT_VERSION = 1;
const FORMAT_FILE = 'format.json';
const REFS_FILE = 'refs.json';

interface Refs {
  head: string | null;
  /** Hash (and file name under staging/) of the staging index; null when the staging area is empty. */
  staging: string | null;
  tags: Record<string, string>;
}

interface Session {
  refs: Refs;
  staging: Map<string, StagedEntry>;
  stagingDirty: boolean;
  refsDirty: boolean;
  /** Changes since the last flush, inside an explicit transaction. */
  unflushed: number;
}

const TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const STATE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const NODE_CACHE_LIMIT = 8192;

function isoTime(value: string | Date | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw storeError('usage', 'invalid-time', `not a valid time: ${String(value)}`);
  return date.toISOString();
}

function defaultCommand(): string {
  return ['corpuskit', ...process.argv.slice(2)].join(' ').slice(0, 500);
}

/**
 * A corpus store. Read methods need no lock and see the last committed state (or, inside
 * `transaction`, the transaction's own state). Every mutating method takes the corpus lock
 * itself unless it runs inside `transaction`/`withLock`, and makes its changes durable with
 * one atomic update of `refs.json` before it returns.
 */
export class Store {
  /** The corpus directory (the one holding `.corpuskit/`). */
  readonly dir: string;
  /** The `.corpuskit/` directory. */
  readonly root: string;
  readonly backend: ObjectBackend;
  private readonly lock: FileLock;
  private readonly command: string;
  private readonly lockWaitMs: number;
  private readonly als = new AsyncLocalStorage<Session>();
  private readonly nodeCache = new Map<string, ManifestNode>();
  private stagingCache: { hash: string; map: Map<string, StagedEntry> } | null = null;
  private stagedCache: { key: string; resolved: ResolvedRef } | null = null;
  /** In-memory manifest nodes of recently resolved `staged` trees (never written), newest last. */
  private readonly overlays: Array<Map<string, Uint8Array>> = [];

  constructor(dir: string, backend: ObjectBackend, options: OpenOptions = {}) {
    this.dir = dir;
    this.root = join(dir, CORPUS_DIR);
    this.backend = backend;
    this.lock = new FileLock(join(this.root, 'lock'));
    this.command = options.command ?? defaultCommand();
    this.lockWaitMs = options.lockWaitMs ?? 0;
  }

  // ---------------------------------------------------------------- locking and state

  /**
   * Run `fn` holding the corpus lock. Mutating calls inside share the lock and an in-memory
   * state that is written (objects first, then the staging index, then `refs.json`) when `fn`
   * returns, and in between when many changes have piled up; `commit` writes at once. If `fn`
   * throws, changes not yet written are dropped. Re-entrant.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.als.getStore()) return fn();
    // Writers of this Store (e.g. concurrent requests of a server) queue here; the lock file
    // keeps other processes out.
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await this.transactionLocked(fn);
    } finally {
      release();
    }
  }

  private queue: Promise<void> = Promise.resolve();

  private async transactionLocked<T>(fn: () => Promise<T>): Promise<T> {
    await this.lock.acquire(this.command, this.lockWaitMs);
    try {
      const session = await this.loadSession();
      const result = await this.als.run(session, fn);
      await this.flush(session);
      return result;
    } catch (error) {
      await this.backend.discardObjects();
      this.stagingCache = null;
      throw error;
    } finally {
      this.lock.release();
    }
  }

  /** Same as `transaction`. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return this.transaction(fn);
  }

  private async mutate<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    const session = this.als.getStore();
    if (session) return fn(session);
    return this.transaction(() => fn(this.als.getStore()!));
  }

  private async readRefs(): Promise<Refs> {
    const bytes = await this.backend.readFile(REFS_FILE);
    if (!bytes) throw storeError('corrupt', 'missing-refs', `${REFS_FILE} is missing`, { subject: this.root });
    try {
      const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Refs>;
      return { head: value.head ?? null, staging: value.staging ?? null, tags: { ...(value.tags ?? {}) } };
    } catch (error) {
      throw storeError('corrupt', 'bad-refs', `${REFS_FILE} is not valid JSON`, { subject: this.root, cause: error });
    }
  }

  private async readStaging(hash: string | null): Promise<Map<string, StagedEntry> | null> {
    if (hash === null) return new Map();
    if (this.stagingCache?.hash === hash) return this.stagingCache.map;
    const bytes = await this.backend.readFile(`staging/${hash}.json`);
    if (!bytes) return null;
    let entries: StagedEntry[];
    try {
      entries = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { entries: StagedEntry[] }).entries;
    } catch (error) {
      throw storeError('corrupt', 'bad-staging', `staging index ${hash} is not valid JSON`, { cause: error });
    }
    const map = new Map(entries.map((e) => [e.id, e]));
    this.stagingCache = { hash, map };
    return map;
  }

  /** The committed state; retried when a writer replaces the staging index between two reads. */
  private async readCommitted(): Promise<{ refs: Refs; staging: Map<string, StagedEntry> }> {
    for (let attempt = 0; ; attempt++) {
      const refs = await this.readRefs();
      const staging = await this.readStaging(refs.staging);
      if (staging) return { refs, staging };
      if (attempt >= 5) {
        throw storeError('corrupt', 'missing-staging', `the staging index ${refs.staging} is missing`, {
          subject: this.root,
        });
      }
    }
  }

  private async loadSession(): Promise<Session> {
    const { refs, staging } = await this.readCommitted();
    return { refs, staging: new Map(staging), stagingDirty: false, refsDirty: false, unflushed: 0 };
  }

  private async current(): Promise<{ refs: Refs; staging: Map<string, StagedEntry> }> {
    return this.als.getStore() ?? (await this.readCommitted());
  }

  private async flush(session: Session): Promise<void> {
    await this.backend.flushObjects();
    const oldStaging = session.refs.staging;
    if (session.stagingDirty) {
      const entries = [...session.staging.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (entries.length === 0) {
        session.refs.staging = null;
      } else {
        const text = `{"format":${FORMAT_VERSION},"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
        const bytes = Buffer.from(text, 'utf8');
        const hash = sha256(bytes);
        if (hash !== oldStaging) await this.backend.writeFile(`staging/${hash}.json`, bytes);
        session.refs.staging = hash;
        this.stagingCache = { hash, map: new Map(session.staging) };
      }
      session.refsDirty = session.refsDirty || session.refs.staging !== oldStaging;
      session.stagingDirty = false;
    }
    if (session.refsDirty) {
      await this.backend.writeFile(REFS_FILE, JSON.stringify(session.refs, null, 2) + '\n');
      session.refsDirty = false;
      if (oldStaging && oldStaging !== session.refs.staging)
        await this.backend.deleteFile(`staging/${oldStaging}.json`);
    }
    session.unflushed = 0;
  }

  private async maybeFlush(session: Session, changes: number): Promise<void> {
    session.unflushed += changes;
    // Amortised: rewriting the staging index costs its size, so flush after a proportional number of changes.
    if (session.unflushed >= Math.max(5000, session.staging.size)) await this.flush(session);
  }

  // ---------------------------------------------------------------- objects

  private readonly nodes: NodeStore = {
    getNode: async (hash) => {
      const cached = this.nodeCache.get(hash);
      if (cached) return cached;
      let bytes: Uint8Array | string | null | undefined;
      for (const overlay of this.overlays) bytes ??= overlay.get(hash);
      bytes ??= this.backend.getObjectText
        ? await this.backend.getObjectText(hash)
        : await this.backend.getObject(hash);
      if (!bytes) throw storeError('corrupt', 'missing-object', `manifest node ${hash} is missing`, { subject: hash });
      let node: ManifestNode;
      try {
        node = parseNode(bytes, hash);
      } catch (error) {
        throw storeError('corrupt', 'bad-node', (error as Error).message, { subject: hash, cause: error });
      }
      if (this.nodeCache.size >= NODE_CACHE_LIMIT) this.nodeCache.clear();
      this.nodeCache.set(hash, node);
      return node;
    },
    putNode: (hash, bytes) => this.backend.putObject(hash, bytes),
  };

  private overlayNodes(overlay: Map<string, Uint8Array>): NodeStore {
    return {
      getNode: async (hash) => {
        const bytes = overlay.get(hash);
        if (bytes) return parseNode(bytes, hash);
        return this.nodes.getNode(hash);
      },
      putNode: (hash, bytes) => {
        overlay.set(hash, bytes);
      },
    };
  }

  /** Store raw bytes (e.g. a saved page) and return their SHA-256. */
  async putRaw(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    await this.mutate(async () => this.backend.putObject(hash, bytes, { compress: true }));
    return hash;
  }

  /** Raw bytes by hash, or null. */
  async getRaw(hash: string): Promise<Uint8Array | null> {
    if (!isSha256(hash)) throw storeError('usage', 'invalid-hash', `not a SHA-256: ${hash}`);
    return this.backend.getObject(hash);
  }

  /** Read a stored record by its object hash (`StagedEntry.record`, `ManifestEntry.record`). */
  async readRecord(hash: string): Promise<DocumentRecord> {
    const bytes = await this.backend.getObject(hash);
    if (!bytes) throw storeError('corrupt', 'missing-object', `record ${hash} is missing`, { subject: hash });
    const stored = parseStoredRecord(bytes, hash);
    const text = await this.readBlob(stored.text, hash);
    const markdown = stored.markdown === stored.text ? text : await this.readBlob(stored.markdown, hash);
    return assembleRecord(stored, text, markdown);
  }

  private async readBlob(hash: string, owner: string): Promise<string> {
    const bytes = await this.backend.getObject(hash);
    if (!bytes) {
      throw storeError('corrupt', 'missing-object', `text object ${hash} of record ${owner} is missing`, {
        subject: hash,
      });
    }
    return Buffer.from(bytes).toString('utf8');
  }

  private writeRecord(record: DocumentRecord): string {
    const encoded = encodeRecord(record);
    for (const blob of encoded.blobs) this.backend.putObject(blob.hash, blob.bytes);
    this.backend.putObject(encoded.hash, encoded.bytes);
    return encoded.hash;
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
  async stage(inputs: StageInput[], options: StageOptions = {}): Promise<StageResult[]> {
    const verify = options.verifyContentHash ?? false;
    const checked = inputs.map((input, index) => {
      const subject = input?.source ?? (input?.record as { id?: unknown } | undefined)?.id;
      const name = typeof subject === 'string' ? subject : `input ${index}`;
      const record = validateRecord(input?.record, name, verify);
      if (input.raw !== undefined && !(input.raw instanceof Uint8Array)) {
        throw storeError('usage', 'invalid-record', 'raw must be a Uint8Array (or Buffer)', { subject: name });
      }
      return { input, record };
    });
    return this.mutate(async (session) => {
      const headRoot = await this.headRoot(session.refs);
      const stagedAt = new Date().toISOString();
      const results: StageResult[] = [];
      // Applied to the session only when every input went through, so a bad input changes nothing.
      const updates = new Map<string, StagedEntry | null>();
      const stagedOf = (id: string): StagedEntry | undefined =>
        updates.has(id) ? (updates.get(id) ?? undefined) : session.staging.get(id);
      for (const { input, record } of checked) {
        const id = record.id;
        const head = headRoot ? await lookup(headRoot, id, this.nodes) : null;
        const existing = stagedOf(id);
        if (head && head.contentHash === record.contentHash) {
          if (existing) updates.set(id, null);
          results.push({
            id,
            change: 'identical',
            replacedPending: !!existing,
            alreadyStaged: false,
            record: head.record,
          });
          continue;
        }
        const encoded = encodeRecord(record);
        let raw: string | null = null;
        if (input.raw !== undefined) {
          const text = encoded.blobs[0]!;
          // Plain-text pages: raw bytes equal to the text are the same object, no second hash needed.
          raw = input.raw.length === text.bytes.length && text.bytes.equals(input.raw) ? text.hash : sha256(input.raw);
          const claimed = record.document.provenance.rawSha256;
          if (claimed && claimed !== raw) {
            throw storeError(
              'usage',
              'raw-mismatch',
              `the raw bytes do not hash to provenance.rawSha256 (${claimed})`,
              {
                subject: input.source ?? id,
              },
            );
          }
        }
        for (const blob of encoded.blobs) this.backend.putObject(blob.hash, blob.bytes);
        this.backend.putObject(encoded.hash, encoded.bytes);
        if (raw !== null && input.raw) this.backend.putObject(raw, input.raw, { compress: true });
        const hash = encoded.hash;
        const change = head ? 'update' : 'new';
        if (existing && existing.record === hash && existing.change === change) {
          results.push({ id, change, replacedPending: false, alreadyStaged: true, record: hash });
          continue;
        }
        updates.set(id, {
          id,
          change,
          state: 'pending',
          record: hash,
          contentHash: record.contentHash,
          raw,
          previous: head,
          findings: record.findings,
          source: input.source ?? record.document.provenance.source ?? null,
          stagedAt,
          decision: null,
        });
        results.push({ id, change, replacedPending: !!existing, alreadyStaged: false, record: hash });
      }
      for (const [id, entry] of updates) {
        if (entry) session.staging.set(id, entry);
        else session.staging.delete(id);
      }
      if (updates.size > 0) session.stagingDirty = true;
      await this.maybeFlush(session, checked.length);
      return results;
    });
  }

  /** Stage the removal of documents that are in HEAD. */
  async stageRemoval(ids: string[]): Promise<Array<{ id: string; replacedPending: boolean }>> {
    return this.mutate(async (session) => {
      const headRoot = await this.headRoot(session.refs);
      const heads = new Map<string, ManifestEntry>();
      const missing: string[] = [];
      for (const id of ids) {
        const head = headRoot ? await lookup(headRoot, id, this.nodes) : null;
        if (head) heads.set(id, head);
        else missing.push(id);
      }
      if (missing.length > 0) {
        throw storeError('not-found', 'unknown-document', `not in the current version: ${missing.join(', ')}`, {
          subject: missing[0],
          details: { ids: missing },
        });
      }
      const stagedAt = new Date().toISOString();
      const results = ids.map((id) => {
        const existing = session.staging.has(id);
        session.staging.set(id, {
          id,
          change: 'remove',
          state: 'pending',
          record: null,
          contentHash: null,
          raw: null,
          previous: heads.get(id)!,
          findings: [],
          source: null,
          stagedAt,
          decision: null,
        });
        return { id, replacedPending: existing };
      });
      session.stagingDirty = session.stagingDirty || ids.length > 0;
      return results;
    });
  }

  private targets(session: Session, ids: string[] | 'all', from: StagedState[]): StagedEntry[] {
    if (ids === 'all') return [...session.staging.values()].filter((e) => from.includes(e.state));
    const missing = ids.filter((id) => !session.staging.has(id));
    if (missing.length > 0) {
      throw storeError('not-found', 'not-staged', `not in the staging area: ${missing.join(', ')}`, {
        subject: missing[0],
        details: { ids: missing },
      });
    }
    return [...new Set(ids)].map((id) => session.staging.get(id)!);
  }

  private decide(state: StagedState, ids: string[] | 'all', options: DecisionOptions): Promise<string[]> {
    const at = isoTime(options.at);
    return this.mutate(async (session) => {
      const entries = this.targets(session, ids, ['pending']);
      for (const entry of entries) {
        session.staging.set(entry.id, {
          ...entry,
          state,
          decision: { by: options.by ?? null, at, note: options.note ?? null },
        });
      }
      if (entries.length > 0) session.stagingDirty = true;
      return entries.map((e) => e.id);
    });
  }

  /** Accept staged changes (`'all'` = every pending entry); returns the ids changed. */
  accept(ids: string[] | 'all', options: DecisionOptions = {}): Promise<string[]> {
    return this.decide('accepted', ids, options);
  }

  /** Reject staged changes (`'all'` = every pending entry); rejected entries stay until cleared. */
  reject(ids: string[] | 'all', options: DecisionOptions = {}): Promise<string[]> {
    return this.decide('rejected', ids, options);
  }

  /** Drop staged entries whatever their state; returns the ids dropped. */
  async unstage(ids: string[]): Promise<string[]> {
    return this.mutate(async (session) => {
      const entries = this.targets(session, ids, []);
      for (const entry of entries) session.staging.delete(entry.id);
      if (entries.length > 0) session.stagingDirty = true;
      return entries.map((e) => e.id);
    });
  }

  /** Drop every rejected entry; returns their ids. */
  async clearRejected(): Promise<string[]> {
    return this.mutate(async (session) => {
      const entries = [...session.staging.values()].filter((e) => e.state === 'rejected');
      for (const entry of entries) session.staging.delete(entry.id);
      if (entries.length > 0) session.stagingDirty = true;
      return entries.map((e) => e.id);
    });
  }

  /**
   * Replace the record of a staged `new` or `update` (e.g. the reviewer restored a removed
   * block). The entry goes back to `pending`. A record equal in content to HEAD's drops the
   * entry and reports `identical`.
   */
  async updateStagedRecord(id: string, record: DocumentRecord, options: StageOptions = {}): Promise<StageResult> {
    const checked = validateRecord(record, id, options.verifyContentHash ?? true);
    if (checked.id !== id) {
      throw storeError('usage', 'id-mismatch', `the record's id is ${checked.id}`, { subject: id });
    }
    return this.mutate(async (session) => {
      const entry = this.targets(session, [id], [])[0]!;
      if (entry.change === 'remove') {
        throw storeError('conflict', 'staged-removal', 'a staged removal has no record to update', { subject: id });
      }
      if (entry.previous && entry.previous.contentHash === checked.contentHash) {
        session.staging.delete(id);
        session.stagingDirty = true;
        return { id, change: 'identical', replacedPending: true, alreadyStaged: false, record: entry.previous.record };
      }
      const hash = this.writeRecord(checked);
      session.staging.set(id, {
        ...entry,
        state: 'pending',
        record: hash,
        contentHash: checked.contentHash,
        findings: checked.findings,
        decision: null,
      });
      session.stagingDirty = true;
      return { id, change: entry.change, replacedPending: true, alreadyStaged: false, record: hash };
    });
  }

  /** The staging area: counts and every entry, sorted by id. */
  async status(): Promise<StatusResult> {
    const { refs, staging } = await this.current();
    const items = [...staging.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const count = (state: StagedState): number => items.filter((e) => e.state === state).length;
    return {
      head: refs.head,
      pending: count('pending'),
      accepted: count('accepted'),
      rejected: count('rejected'),
      items,
    };
  }

  /** One staged entry with its record (and HEAD's), or null when the id is not staged. */
  async getStaged(id: string): Promise<StagedDocument | null> {
    const { staging } = await this.current();
    const entry = staging.get(id);
    if (!entry) return null;
    return {
      entry,
      record: entry.record ? await this.readRecord(entry.record) : null,
      previous: entry.previous ? await this.readRecord(entry.previous.record) : null,
    };
  }

  // ---------------------------------------------------------------- versions

  /** Turn accepted changes into a new version (and optionally tag it). */
  async commit(options: CommitOptions): Promise<CommitResult> {
    const message = typeof options?.message === 'string' ? options.message.trim() : '';
    if (message === '') throw storeError('usage', 'empty-message', 'a commit needs a message');
    const time = isoTime(options.time);
    if (options.tag !== undefined) this.checkTagName(options.tag);
    return this.mutate(async (session) => {
      if (options.tag !== undefined && session.refs.tags[options.tag]) {
        throw storeError('conflict', 'tag-exists', `tag ${options.tag} already exists`, { subject: options.tag });
      }
      const accepted = [...session.staging.values()].filter((e) => e.state === 'accepted');
      if (accepted.length === 0) {
        throw storeError('conflict', 'nothing-to-commit', 'nothing to commit: no accepted changes in the staging area');
      }
      const applied = await applyChanges(await this.headRoot(session.refs), this.changesOf(accepted), this.nodes);
      const version: Version = {
        schemaVersion: SCHEMA_VERSION,
        root: applied.root,
        parent: session.refs.head,
        message,
        time,
        author: options.author ?? null,
        counts: {
          documents: applied.count,
          added: applied.added,
          modified: applied.modified,
          removed: applied.removed,
        },
      };
      const id = hashValue(version);
      await this.backend.flushObjects();
      await this.backend.writeFile(`versions/${id}.json`, JSON.stringify(version, null, 2) + '\n');
      for (const entry of accepted) session.staging.delete(entry.id);
      session.stagingDirty = true;
      session.refs.head = id;
      if (options.tag !== undefined) session.refs.tags[options.tag] = id;
      session.refsDirty = true;
      await this.flush(session);
      return { id, version, tag: options.tag ?? null };
    });
  }

  private changesOf(entries: StagedEntry[]): ManifestChange[] {
    return entries.map((e) => ({
      id: e.id,
      entry:
        e.change === 'remove' || e.record === null || e.contentHash === null
          ? null
          : { id: e.id, contentHash: e.contentHash, record: e.record, raw: e.raw },
    }));
  }

  private checkTagName(name: string): void {
    if (
      typeof name !== 'string' ||
      !TAG_NAME.test(name) ||
      name === 'HEAD' ||
      name === 'staged' ||
      /^[0-9a-f]{4,64}$/.test(name)
    ) {
      throw storeError(
        'usage',
        'invalid-tag',
        `not a valid tag name: ${JSON.stringify(name)} (letters, digits, . _ -; not HEAD, staged or a hex string)`,
      );
    }
  }

  /** Name a version. `force` moves an existing tag. */
  async tag(name: string, ref: string = 'HEAD', options: { force?: boolean } = {}): Promise<TagInfo> {
    this.checkTagName(name);
    return this.mutate(async (session) => {
      const resolved = await this.resolve(ref);
      if (!resolved.id) throw storeError('usage', 'tag-staged', 'cannot tag the staging area; commit it first');
      const existing = session.refs.tags[name];
      if (existing && existing !== resolved.id && !options.force) {
        throw storeError('conflict', 'tag-exists', `tag ${name} already names ${existing.slice(0, 12)}`, {
          subject: name,
        });
      }
      session.refs.tags[name] = resolved.id;
      session.refsDirty = true;
      return { name, id: resolved.id };
    });
  }

  async deleteTag(name: string): Promise<void> {
    await this.mutate(async (session) => {
      if (!session.refs.tags[name]) throw storeError('not-found', 'unknown-tag', `no tag ${name}`, { subject: name });
      delete session.refs.tags[name];
      session.refsDirty = true;
    });
  }

  /** Every tag, sorted by name. */
  async tags(): Promise<TagInfo[]> {
    const { refs } = await this.current();
    return Object.entries(refs.tags)
      .map(([name, id]) => ({ name, id }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** HEAD, or null before the first commit. */
  async head(): Promise<{ id: string; version: Version } | null> {
    const { refs } = await this.current();
    return refs.head ? { id: refs.head, version: await this.readVersion(refs.head) } : null;
  }

  /** Read a version by full id, verifying its hash. */
  async readVersion(id: string): Promise<Version> {
    const bytes = await this.backend.readFile(`versions/${id}.json`);
    if (!bytes) throw storeError('not-found', 'unknown-version', `no version ${id}`, { subject: id });
    let version: Version;
    try {
      version = JSON.parse(Buffer.from(bytes).toString('utf8')) as Version;
    } catch (error) {
      throw storeError('corrupt', 'bad-version', `version ${id} is not valid JSON`, { subject: id, cause: error });
    }
    if (hashValue(version) !== id) {
      throw storeError('corrupt', 'bad-version', `version ${id} does not hash to its id`, { subject: id });
    }
    return version;
  }

  private async headRoot(refs: Refs): Promise<string | null> {
    return refs.head ? (await this.readVersion(refs.head)).root : null;
  }

  /**
   * Resolve a reference: a full version id, a unique prefix of at least 4 hex digits, a tag,
   * `HEAD`, `HEAD~N` (`HEAD^` = `HEAD~1`), or `staged` (HEAD plus accepted changes).
   */
  async resolve(ref: string): Promise<ResolvedRef> {
    if (typeof ref !== 'string' || ref === '') throw storeError('usage', 'invalid-ref', 'an empty version reference');
    const { refs, staging } = await this.current();
    if (ref === 'staged') return this.resolveStaged(refs, staging);
    const head = /^HEAD(?:(~)(\d+)|(\^+))?$/.exec(ref);
    let id: string | null = null;
    if (head) {
      if (!refs.head) throw storeError('not-found', 'no-versions', 'the corpus has no versions yet', { subject: ref });
      const steps = head[1] ? Number(head[2]) : head[3] ? head[3].length : 0;
      id = refs.head;
      for (let i = 0; i < steps; i++) {
        const parent: string | null = (await this.readVersion(id)).parent;
        if (!parent)
          throw storeError('not-found', 'unknown-ref', `${ref} goes past the first version`, { subject: ref });
        id = parent;
      }
    } else if (refs.tags[ref]) {
      id = refs.tags[ref];
    } else if (/^[0-9a-f]{64}$/.test(ref)) {
      id = ref;
    } else if (/^[0-9a-f]{4,63}$/.test(ref)) {
      const matches = (await this.backend.listFiles('versions'))
        .filter((f) => f.endsWith('.json') && f.startsWith(ref))
        .map((f) => f.slice(0, -5));
      if (matches.length > 1) {
        throw storeError('usage', 'ambiguous-ref', `${ref} matches ${matches.length} versions; give more digits`, {
          subject: ref,
          details: { matches },
        });
      }
      id = matches[0] ?? null;
    }
    if (!id)
      throw storeError('not-found', 'unknown-ref', `no version, tag or reference named ${ref}`, { subject: ref });
    const version = await this.readVersion(id);
    return { ref, id, version, root: version.root, staged: false };
  }

  private async resolveStaged(refs: Refs, staging: Map<string, StagedEntry>): Promise<ResolvedRef> {
    const accepted = [...staging.values()].filter((e) => e.state === 'accepted');
    const key = `${refs.head}:${refs.staging}:${this.als.getStore() ? Math.random() : ''}`;
    if (this.stagedCache?.key === key) return this.stagedCache.resolved;
    const overlay = new Map<string, Uint8Array>();
    const nodes = this.overlayNodes(overlay);
    const headRoot = await this.headRoot(refs);
    const root =
      accepted.length === 0
        ? (headRoot ?? emptyRoot(nodes))
        : (await applyChanges(headRoot, this.changesOf(accepted), nodes)).root;
    const resolved: ResolvedRef = { ref: 'staged', id: null, version: null, root, staged: true };
    this.stagedCache = { key, resolved };
    this.overlays.push(overlay);
    if (this.overlays.length > 4) this.overlays.shift();
    return resolved;
  }

  /** Versions from `ref` (default HEAD) back to the first, newest first. */
  async log(ref = 'HEAD', options: { limit?: number } = {}): Promise<LogEntry[]> {
    const { refs } = await this.current();
    if (ref === 'HEAD' && !refs.head) return [];
    const start = await this.resolve(ref);
    if (!start.id) throw storeError('usage', 'log-staged', 'the staging area has no history; use HEAD');
    const tagsOf = new Map<string, string[]>();
    for (const [name, id] of Object.entries(refs.tags)) tagsOf.set(id, [...(tagsOf.get(id) ?? []), name].sort());
    const out: LogEntry[] = [];
    let id: string | null = start.id;
    while (id && out.length < (options.limit ?? Infinity)) {
      const version = await this.readVersion(id);
      out.push({ id, version, tags: tagsOf.get(id) ?? [] });
      id = version.parent;
    }
    return out;
  }

  // ---------------------------------------------------------------- reading

  /** Manifest entry of a document at a version, or null. */
  async getEntry(ref: string, id: string): Promise<ManifestEntry | null> {
    const resolved = await this.resolve(ref);
    return lookup(resolved.root, id, this.nodes);
  }

  /** A document at a version, or null when the version does not hold it. */
  async getDocument(ref: string, id: string): Promise<DocumentRecord | null> {
    const entry = await this.getEntry(ref, id);
    return entry ? this.readRecord(entry.record) : null;
  }

  /** Manifest entries of a version, sorted by id. */
  async *entries(ref: string): AsyncGenerator<ManifestEntry> {
    const resolved = await this.resolve(ref);
    yield* iterateEntries(resolved.root, this.nodes);
  }

  /** All manifest entries of a version, sorted by id. */
  async manifest(ref: string): Promise<ManifestEntry[]> {
    const out: ManifestEntry[] = [];
    for await (const entry of this.entries(ref)) out.push(entry);
    return out;
  }

  /** Number of documents in a version. */
  async count(ref: string): Promise<number> {
    return countOf((await this.resolve(ref)).root, this.nodes);
  }

  /** The documents of a version, sorted by id. */
  async *documents(ref: string): AsyncGenerator<DocumentRecord> {
    for await (const entry of this.entries(ref)) yield await this.readRecord(entry.record);
  }

  /**
   * Write a version as JSON Lines, one document per line: `{ schemaVersion, version, id,
   * contentHash, title, text, markdown, status, metadata, provenance, findings, removed, stats }`.
   * Returns the number of lines.
   */
  async exportJsonl(ref: string, write: (line: string) => void | Promise<void>): Promise<number> {
    const resolved = await this.resolve(ref);
    let lines = 0;
    for await (const entry of iterateEntries(resolved.root, this.nodes)) {
      const record = await this.readRecord(entry.record);
      const d = record.document;
      const line = JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        version: resolved.id,
        id: record.id,
        contentHash: record.contentHash,
        title: d.title,
        text: d.text,
        markdown: d.markdown,
        status: d.status,
        metadata: d.metadata,
        provenance: d.provenance,
        findings: record.findings,
        removed: d.removed,
        stats: d.stats,
      });
      await write(line + '\n');
      lines++;
    }
    return lines;
  }

  /** The raw bytes a document was cleaned from, or null when they were not kept. */
  async rawOf(ref: string, id: string): Promise<Uint8Array | null> {
    const entry = await this.getEntry(ref, id);
    if (!entry) throw storeError('not-found', 'unknown-document', `no document ${id} in ${ref}`, { subject: id });
    if (entry.raw) return this.backend.getObject(entry.raw);
    const record = await this.readRecord(entry.record);
    const hash = record.document.provenance.rawSha256;
    return hash && isSha256(hash) ? this.backend.getObject(hash) : null;
  }

  /**
   * Which ids were added, removed and modified between two versions (any refs), skipping
   * shared manifest chunks: the cost follows the size of the change.
   */
  async diffManifests(oldRef: string, newRef: string): Promise<ManifestDiff> {
    const a = await this.resolve(oldRef);
    const b = await this.resolve(newRef);
    return diffTrees(a.root, b.root, this.nodes);
  }

  // ---------------------------------------------------------------- side state

  private checkStateName(name: string): void {
    if (typeof name !== 'string' || !STATE_NAME.test(name)) {
      throw storeError('usage', 'invalid-state-name', `not a valid state name: ${JSON.stringify(name)}`);
    }
  }

  /** Mutable side state kept for ingest (e.g. the dedup index), or null when never written. */
  async readState(name: string): Promise<Uint8Array | null> {
    this.checkStateName(name);
    return this.backend.readFile(`state/${name}`);
  }

  /** Replace a side-state file atomically, under the lock. */
  async writeState(name: string, bytes: Uint8Array | string): Promise<void> {
    this.checkStateName(name);
    await this.mutate(async () => this.backend.writeFile(`state/${name}`, bytes));
  }

  // ---------------------------------------------------------------- integrity

  /**
   * Re-hash every object and version and check every reference. Changes nothing, but holds the
   * lock (without reading the state first, so a damaged `refs.json` is reported, not thrown) so
   * that a writer's half-finished batch is not reported as missing objects.
   */
  async fsck(): Promise<FsckResult> {
    if (this.als.getStore()) return this.fsckUnlocked();
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      await this.lock.acquire(this.command, this.lockWaitMs);
      try {
        return await this.fsckUnlocked();
      } finally {
        this.lock.release();
      }
    } finally {
      release();
    }
  }

  private async fsckUnlocked(): Promise<FsckResult> {
    const problems: FsckProblem[] = [];
    const checked = { objects: 0, versions: 0, records: 0, staged: 0 };
    problems.push(...(await this.backend.checkStorage()));
    const present = new Set<string>();
    for await (const info of this.backend.listObjects()) {
      checked.objects++;
      try {
        const bytes = await this.backend.getObject(info.hash);
        if (!bytes)
          problems.push({
            kind: 'missing-object',
            object: info.hash,
            message: `listed in ${info.location} but unreadable`,
          });
        else if (sha256(bytes) !== info.hash) {
          problems.push({
            kind: 'hash-mismatch',
            object: info.hash,
            message: `content in ${info.location} does not hash to its name`,
          });
        } else present.add(info.hash);
      } catch (error) {
        problems.push({ kind: 'bad-object', object: info.hash, message: (error as Error).message });
      }
    }
    const format = await this.backend.readFile(FORMAT_FILE);
    try {
      const parsed = JSON.parse(Buffer.from(format ?? '').toString('utf8')) as { version?: unknown };
      if (parsed.version !== FORMAT_VERSION)
        problems.push({ kind: 'bad-format', message: `${FORMAT_FILE} has version ${String(parsed.version)}` });
    } catch {
      problems.push({ kind: 'bad-format', message: `${FORMAT_FILE} is missing or not JSON` });
    }

    const goodNodes = new Map<string, { count: number; last: string | null; level: number }>();
    const goodRecords = new Set<string>();
    const checkRecord = async (hash: string, id: string, content: string | null, where: string): Promise<void> => {
      if (!present.has(hash)) {
        problems.push({ kind: 'missing-object', object: hash, message: `record of ${id} (${where}) is missing` });
        return;
      }
      if (goodRecords.has(hash)) return;
      goodRecords.add(hash);
      checked.records++;
      try {
        const stored: StoredRecord = parseStoredRecord((await this.backend.getObject(hash))!, hash);
        for (const blob of new Set([stored.text, stored.markdown])) {
          if (!present.has(blob))
            problems.push({
              kind: 'missing-object',
              object: blob,
              message: `text of record ${hash} (${id}) is missing`,
            });
        }
        if (stored.record.id !== id)
          problems.push({
            kind: 'bad-record',
            object: hash,
            message: `record holds id ${stored.record.id}, expected ${id}`,
          });
        if (present.has(stored.text) && present.has(stored.markdown)) {
          const record = await this.readRecord(hash);
          const actual = computeContentHash(record.document);
          if (actual !== record.contentHash || (content !== null && content !== actual)) {
            problems.push({
              kind: 'bad-record',
              object: hash,
              message: `content hash of ${id} does not match its content`,
            });
          }
        }
      } catch (error) {
        problems.push({ kind: 'bad-record', object: hash, message: (error as Error).message });
      }
    };
    const checkNode = async (
      hash: string,
      expectLevel: number | null,
    ): Promise<{ count: number; last: string | null } | null> => {
      const known = goodNodes.get(hash);
      if (known) return known;
      if (!present.has(hash)) {
        problems.push({ kind: 'missing-object', object: hash, message: 'manifest node is missing' });
        return null;
      }
      let node: ManifestNode;
      try {
        node = parseNode((await this.backend.getObject(hash))!, hash);
      } catch (error) {
        problems.push({ kind: 'bad-node', object: hash, message: (error as Error).message });
        return null;
      }
      if (expectLevel !== null && node.level !== expectLevel) {
        problems.push({ kind: 'bad-node', object: hash, message: `level ${node.level}, expected ${expectLevel}` });
      }
      let count = 0;
      let last: string | null = null;
      if (node.kind === 'manifest-leaf') {
        for (const [id, content, record, raw] of node.entries) {
          if (last !== null && id <= last)
            problems.push({ kind: 'bad-node', object: hash, message: `entries out of order at ${id}` });
          last = id;
          count++;
          await checkRecord(record, id, content, `manifest ${hash.slice(0, 12)}`);
          if (raw && !present.has(raw))
            problems.push({ kind: 'missing-object', object: raw, message: `raw bytes of ${id} are missing` });
        }
      } else {
        for (const [childLast, child, childCount] of node.children) {
          if (last !== null && childLast <= last)
            problems.push({ kind: 'bad-node', object: hash, message: `children out of order at ${childLast}` });
          const sub = await checkNode(child, node.level - 1);
          if (sub && (sub.count !== childCount || sub.last !== childLast)) {
            problems.push({
              kind: 'bad-node',
              object: hash,
              message: `child ${child.slice(0, 12)} summary does not match it`,
            });
          }
          last = childLast;
          count += childCount;
        }
      }
      const summary = { count, last, level: node.level };
      goodNodes.set(hash, summary);
      return summary;
    };

    const versionIds = (await this.backend.listFiles('versions'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
    const versionSet = new Set(versionIds);
    for (const id of versionIds) {
      checked.versions++;
      let version: Version;
      try {
        version = await this.readVersion(id);
      } catch (error) {
        problems.push({ kind: 'bad-version', object: id, message: (error as Error).message });
        continue;
      }
      if (version.parent && !versionSet.has(version.parent)) {
        problems.push({
          kind: 'missing-version',
          object: version.parent,
          message: `parent of version ${id} is missing`,
        });
      }
      const summary = await checkNode(version.root, null);
      if (summary && summary.count !== version.counts?.documents) {
        problems.push({
          kind: 'bad-version',
          object: id,
          message: `counts ${version.counts?.documents} documents, manifest has ${summary.count}`,
        });
      }
    }

    let refs: Refs | null = null;
    try {
      refs = await this.readRefs();
    } catch (error) {
      problems.push({ kind: 'bad-refs', message: (error as Error).message });
    }
    if (refs) {
      if (refs.head && !versionSet.has(refs.head))
        problems.push({ kind: 'missing-version', object: refs.head, message: 'HEAD names a missing version' });
      for (const [name, id] of Object.entries(refs.tags)) {
        if (!versionSet.has(id))
          problems.push({ kind: 'missing-version', object: id, message: `tag ${name} names a missing version` });
      }
      if (refs.staging) {
        const bytes = await this.backend.readFile(`staging/${refs.staging}.json`);
        if (!bytes)
          problems.push({ kind: 'bad-staging', object: refs.staging, message: 'the staging index is missing' });
        else if (sha256(bytes) !== refs.staging)
          problems.push({
            kind: 'hash-mismatch',
            object: refs.staging,
            message: 'the staging index does not hash to its name',
          });
        else {
          try {
            const staging = await this.readStaging(refs.staging);
            for (const entry of staging?.values() ?? []) {
              checked.staged++;
              if (entry.record) await checkRecord(entry.record, entry.id, entry.contentHash, 'staging');
              if (entry.raw && !present.has(entry.raw))
                problems.push({
                  kind: 'missing-object',
                  object: entry.raw,
                  message: `raw bytes of staged ${entry.id} are missing`,
                });
              if (entry.previous)
                await checkRecord(entry.previous.record, entry.id, entry.previous.contentHash, 'staging, previous');
            }
          } catch (error) {
            problems.push({ kind: 'bad-staging', object: refs.staging, message: (error as Error).message });
          }
        }
      }
    }
    return { ok: problems.length === 0, problems, checked };
  }

  /** Every object reachable from a version, a tag or the staging area. */
  private async reachable(): Promise<Set<string>> {
    const live = new Set<string>();
    const addRecord = async (hash: string): Promise<void> => {
      if (live.has(hash)) return;
      live.add(hash);
      const bytes = await this.backend.getObject(hash);
      if (!bytes) return;
      const stored = parseStoredRecord(bytes, hash);
      live.add(stored.text);
      live.add(stored.markdown);
      const rawHash = stored.record.document.provenance?.rawSha256;
      if (rawHash && isSha256(rawHash)) live.add(rawHash);
    };
    const walk = async (hash: string): Promise<void> => {
      if (live.has(hash)) return;
      live.add(hash);
      const node = await this.nodes.getNode(hash);
      if (node.kind === 'manifest-leaf') {
        for (const [, , record, raw] of node.entries) {
          await addRecord(record);
          if (raw) live.add(raw);
        }
      } else {
        for (const [, child] of node.children) await walk(child);
      }
    };
    for (const file of await this.backend.listFiles('versions')) {
      if (!file.endsWith('.json')) continue;
      await walk((await this.readVersion(file.slice(0, -5))).root);
    }
    const { staging } = await this.current();
    for (const entry of staging.values()) {
      if (entry.record) await addRecord(entry.record);
      if (entry.raw) live.add(entry.raw);
      if (entry.previous) {
        await addRecord(entry.previous.record);
        if (entry.previous.raw) live.add(entry.previous.raw);
      }
    }
    return live;
  }

  /**
   * Find (and unless `dryRun`, remove) objects unreachable from every version, tag and the
   * staging area, plus leftovers of interrupted writes. Runs under the lock.
   */
  async gc(options: GcOptions = {}): Promise<GcResult> {
    const dryRun = options.dryRun ?? false;
    return this.mutate(async (session) => {
      await this.flush(session);
      const live = await this.reachable();
      const unreachable: string[] = [];
      let removedBytes = 0;
      for await (const info of this.backend.listObjects()) {
        if (!live.has(info.hash)) {
          unreachable.push(info.hash);
          removedBytes += info.size;
        }
      }
      const files: string[] = [];
      const current = session.refs.staging;
      for (const file of await this.backend.listFiles('staging')) {
        if (file !== `${current}.json`) files.push(`staging/${file}`);
      }
      if (dryRun) return { dryRun, unreachable: unreachable.sort(), removedBytes, files };
      for (const file of files) await this.backend.deleteFile(file);
      const temporary = await this.backend.removeTemporary();
      files.push(...temporary.files);
      removedBytes += temporary.bytes;
      const retained = await this.backend.retainObjects((hash) => live.has(hash));
      return {
        dryRun,
        unreachable: retained.removed.sort(),
        removedBytes: Math.max(removedBytes, retained.removedBytes),
        files,
      };
    });
  }

  /** Release resources (open pack files). The store can be used again afterwards. */
  async close(): Promise<void> {
    await this.backend.close();
    this.nodeCache.clear();
  }
}

/** The nearest directory at or above `startDir` that holds a `.corpuskit/` store, or null. */
export function findCorpusRoot(startDir: string): string | null {
  let dir = resolvePath(startDir);
  for (;;) {
    if (existsSync(join(dir, CORPUS_DIR, FORMAT_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function corpusDirOf(dir: string): string {
  const abs = resolvePath(dir);
  if (basename(abs) === CORPUS_DIR && existsSync(join(abs, FORMAT_FILE))) return dirname(abs);
  return abs;
}

/** Create a corpus in `dir` (made if needed) and open it. Fails with `store.already-a-corpus` if there is one. */
export async function initCorpus(dir: string, options: OpenOptions = {}): Promise<Store> {
  const abs = resolvePath(dir);
  const root = join(abs, CORPUS_DIR);
  if (existsSync(join(root, FORMAT_FILE))) {
    throw storeError('conflict', 'already-a-corpus', `${abs} is already a corpus`, { subject: abs });
  }
  try {
    if (existsSync(abs) && !statSync(abs).isDirectory()) throw new Error('not a directory');
    for (const sub of ['objects', 'versions', 'staging', 'state']) mkdirSync(join(root, sub), { recursive: true });
    writeFileAtomic(join(root, REFS_FILE), JSON.stringify({ head: null, staging: null, tags: {} }, null, 2) + '\n');
    // The format file goes last: a directory without it is not (yet) a corpus.
    writeFileAtomic(
      join(root, FORMAT_FILE),
      JSON.stringify({ format: 'corpuskit-store', version: FORMAT_VERSION }, null, 2) + '\n',
    );
  } catch (error) {
    throw storeError('input', 'init-failed', `cannot create a corpus here: ${(error as Error).message}`, {
      subject: abs,
      cause: error,
    });
  }
  return new Store(abs, new FileBackend(root), options);
}

/** Open the corpus in `dir` (the directory holding `.corpuskit/`, or `.corpuskit/` itself). */
export async function openCorpus(dir: string, options: OpenOptions = {}): Promise<Store> {
  const abs = corpusDirOf(dir);
  const root = join(abs, CORPUS_DIR);
  const backend = new FileBackend(root);
  const format = await backend.readFile(FORMAT_FILE);
  if (!format) {
    throw storeError(
      'not-found',
      'not-a-corpus',
      `${abs} is not a corpus (no ${CORPUS_DIR}/); run \`corpuskit init\``,
      {
        subject: abs,
      },
    );
  }
  let version: unknown;
  try {
    version = (JSON.parse(Buffer.from(format).toString('utf8')) as { version?: unknown }).version;
  } catch (error) {
    throw storeError('corrupt', 'bad-format', `${CORPUS_DIR}/${FORMAT_FILE} is not valid JSON`, {
      subject: abs,
      cause: error,
    });
  }
  if (version !== FORMAT_VERSION) {
    throw storeError(
      'input',
      'unsupported-format',
      `the corpus has format version ${String(version)}; this @corpuskit/store reads version ${FORMAT_VERSION}`,
      { subject: abs },
    );
  }
  return new Store(abs, backend, options);
}
