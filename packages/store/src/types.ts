import type { DedupFinding, DocumentRecord, Version } from '@corpuskit/document';

import type { ManifestEntry } from './manifest.js';

export interface StageInput {
  record: DocumentRecord;
  /** The raw page bytes, kept so the document can be re-cleaned; must hash to `provenance.rawSha256`. */
  raw?: Uint8Array;
  /**
   * `raw` already compressed with raw DEFLATE (`zlib.deflateRawSync`), e.g. by the worker thread
   * that cleaned the page, so the writer does not compress it again. Trusted like `contentHash`:
   * every read inflates and verifies the object's hash, and `fsck` reads them all.
   */
  rawDeflated?: Uint8Array;
  /** Where the input came from (defaults to `record.document.provenance.source`). */
  source?: string;
}

export interface StageOptions {
  /**
   * Recompute `contentHash(record.document)` and refuse records whose hash does not match.
   * Default: false for `stage` (callers build records with `contentHash()`), true for
   * `updateStagedRecord` (records edited by a person or an app).
   */
  verifyContentHash?: boolean;
  /**
   * Stage content the store remembers as rejected (or removed) as pending again, instead of
   * staging it already rejected. Default false.
   */
  reconsider?: boolean;
}

/** What staging one input did, compared with HEAD. */
export type StageChange = 'new' | 'update' | 'identical';

export interface StageResult {
  id: string;
  change: StageChange;
  /** An earlier staged entry for the same id was replaced (or dropped, for `identical`). */
  replacedPending: boolean;
  /** The same record was already staged for this id: nothing changed, its review state is kept. */
  alreadyStaged: boolean;
  /** Object hash of the record (HEAD's record for `identical`). */
  record: string;
  /** The review state the entry has after staging (`identical`: null). */
  state?: StagedState | null;
  /** Staged already rejected: this content was rejected (or removed) before. */
  remembered?: RememberedDecision | null;
  /** Staged as pending although this content was rejected before (`reconsider`). */
  reconsidered?: RememberedDecision | null;
  /** The entry's earlier decision went stale: its content changed, it is pending again. */
  stale?: StaleDecision | null;
}

export type StagedChange = 'new' | 'update' | 'remove';
export type StagedState = 'pending' | 'accepted' | 'rejected';

export interface Decision {
  by: string | null;
  /** ISO 8601. */
  at: string;
  note: string | null;
  /**
   * The content hash the decision was about: the staged content (for a removal, HEAD's content it
   * removes). Absent in staging indexes written before decisions were remembered.
   */
  contentHash?: string | null;
  /** Set once a version records this decision (a rejected entry stays staged after the commit). */
  committedIn?: string;
  /**
   * The entry was staged already decided: the same content was rejected (or, in HEAD, accepted for
   * removal) before. `version` is the version that recorded that decision (null: not committed yet).
   */
  remembered?: { decision: 'rejected' | 'removed'; version: string | null };
}

/** A decision that no longer applies: the staged content changed after it was made. */
export interface StaleDecision extends Decision {
  state: 'accepted' | 'rejected';
}

/** One review decision as a version (or the staging area's journal) keeps it. */
export interface DecisionRecord {
  id: string;
  change: StagedChange;
  decision: 'accepted' | 'rejected';
  /** The content the decision was about: the staged content, or for a removal HEAD's content. */
  contentHash: string;
  /** HEAD's content when the change was staged (updates and removals), else null. */
  previousContentHash: string | null;
  by: string | null;
  /** ISO 8601. */
  at: string;
  note: string | null;
}

/** What the store remembers about a document's content: the latest decision about it. */
export interface RememberedDecision {
  record: DecisionRecord;
  /** The version that recorded it, or null when it is still in the staging area. */
  version: string | null;
}

/** One step of a document's history: a version that changed it or decided about it, or the staging area. */
export interface HistoryStep {
  /** Version id, or null for the staging area (decisions not committed yet, the staged change). */
  version: string | null;
  /** Version time (null for the staging area). */
  time: string | null;
  message: string | null;
  tags: string[];
  /** What the version did to the document compared with its parent. */
  change: 'added' | 'modified' | 'removed' | 'unchanged' | 'staged';
  /** The document's content hash in the version (null when the version does not hold it). */
  contentHash: string | null;
  /** Decisions about the document this version recorded. */
  decisions: DecisionRecord[];
  /** For the staging area: the staged entry, if any. */
  staged: StagedEntry | null;
}

/** One entry of the staging area (review queue). */
export interface StagedEntry {
  id: string;
  change: StagedChange;
  state: StagedState;
  /** Object hash of the staged record (`readRecord`); null for a removal. */
  record: string | null;
  contentHash: string | null;
  /** Object hash of the raw bytes, when they were given. */
  raw: string | null;
  /** HEAD's entry when the change was staged (updates and removals). */
  previous: ManifestEntry | null;
  /** The record's dedup findings, copied here so `status` needs no record reads. */
  findings: DedupFinding[];
  source: string | null;
  /** ISO 8601. */
  stagedAt: string;
  decision: Decision | null;
  /**
   * A decision made about earlier staged content, which no longer applies because the content
   * changed (re-ingest, reclean, an edit): the entry went back to pending.
   */
  stale?: StaleDecision | null;
}

export interface StatusResult {
  /** HEAD's version id, or null before the first commit. */
  head: string | null;
  /**
   * The hash of the staging index: it changes whenever the staging area does, so a reader can
   * keep what it derived from `items` until it moves. Null when the area is empty, and inside a
   * transaction that has changed the area without writing it yet.
   */
  staging: string | null;
  pending: number;
  accepted: number;
  rejected: number;
  /** Sorted by id. */
  items: StagedEntry[];
}

export interface StagedDocument {
  entry: StagedEntry;
  record: DocumentRecord | null;
  /** HEAD's record for updates and removals. */
  previous: DocumentRecord | null;
}

export interface DecisionOptions {
  note?: string | null;
  by?: string | null;
  /** Decision time (ISO 8601 or Date); defaults to now. */
  at?: string | Date;
}

export interface CommitOptions {
  message: string;
  author?: string | null;
  /** Version time (ISO 8601 or Date); defaults to now. */
  time?: string | Date;
  /** Name the new version. */
  tag?: string;
}

export interface CommitResult {
  id: string;
  version: Version;
  tag: string | null;
}

/** A resolved reference. `staged` is virtual: HEAD plus accepted changes, never stored. */
export interface ResolvedRef {
  ref: string;
  /** Version id; null for `staged`. */
  id: string | null;
  version: Version | null;
  /** Manifest root hash. */
  root: string;
  staged: boolean;
}

export interface LogEntry {
  id: string;
  version: Version;
  tags: string[];
  /** The decisions the version recorded (with `log(ref, { decisions: true })`). */
  decisions?: DecisionRecord[];
}

export interface TagInfo {
  name: string;
  id: string;
}

export interface FsckProblem {
  kind: string;
  object?: string;
  message: string;
}

export interface FsckResult {
  ok: boolean;
  problems: FsckProblem[];
  checked: { objects: number; versions: number; records: number; staged: number };
}

export interface GcOptions {
  dryRun?: boolean;
}

export interface GcResult {
  dryRun: boolean;
  /** Hashes of unreachable objects (removed unless dryRun). */
  unreachable: string[];
  /** Bytes reclaimed (or reclaimable, for a dry run), objects and leftover files together. */
  removedBytes: number;
  /** Leftover files (interrupted writes, replaced staging indexes) removed or removable. */
  files: string[];
}

export interface OpenOptions {
  /** Shown to other processes in the lock file (defaults to this process's command line). */
  command?: string;
  /** How long to wait for another writer to finish before failing with `store.locked` (default 0). */
  lockWaitMs?: number;
}

export interface RepairOptions {
  /** Only report what would be restored and what is lost. */
  dryRun?: boolean;
}

/** How `refs.json` was (or would be) rebuilt. */
export interface RefsRepair {
  rebuilt: boolean;
  head: string | null;
  staging: string | null;
  tags: Record<string, string>;
  /** Choices made and what could not be recovered. */
  notes: string[];
}

export interface RepairResult {
  dryRun: boolean;
  /** Objects with a damaged or missing copy, restored from a copy that verifies (and where it was). */
  restored: Array<{ object: string; from: string }>;
  /** Objects no copy holds any more, with what used them (documents, versions, staged entries). */
  lost: Array<{ object: string; usedBy: string[] }>;
  /** Damaged pack files moved into `.corpuskit/lost-found/`. */
  moved: string[];
  /** The new pack holding restored objects, or null. */
  pack: string | null;
  /** Set when `refs.json` did not verify and was rebuilt. */
  refs: RefsRepair | null;
  /** The corpus verifies after the repair (always false for a dry run). */
  ok: boolean;
  /** fsck's problems after the repair (before it, for a dry run). */
  problems: FsckProblem[];
}
