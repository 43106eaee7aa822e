import type { SiteRules } from '@corpuskit/clean';
import type { DedupFinding, DocumentRecord } from '@corpuskit/document';

import type { DedupSignature } from './clean-task.js';

/** What staging one record did: its change against HEAD and the review state it got. */
export interface StagedOutcome {
  change: 'new' | 'update' | 'identical';
  /** `rejected` when the same content was rejected (or removed) before and stays so. */
  state: 'pending' | 'accepted' | 'rejected' | null;
  /** The earlier decision that keeps this content out (for `state: 'rejected'`), or that was reconsidered. */
  previously: PreviousDecision | null;
  /** The entry was accepted (or rejected) for other content: that decision went stale. */
  stale: { state: 'accepted' | 'rejected'; by: string | null; at: string; note: string | null } | null;
}

/** A decision remembered about the same content. */
export interface PreviousDecision {
  decision: 'rejected' | 'removed';
  by: string | null;
  at: string;
  note: string | null;
  /** The version that recorded it; null while it is in the staging area. */
  version: string | null;
  /** True when it was set aside on purpose (`reconsider`): the content is pending again. */
  reconsidered: boolean;
}

/**
 * The narrow view of the store, the dedup index and the repeated-line table that the pipeline
 * needs. `adapters.ts` implements it over @corpuskit/store and @corpuskit/dedup; the pipeline
 * itself only sees this, which keeps its order-independence easy to reason about.
 */
export interface CorpusPort {
  /**
   * A document's current content hash: its staged (pending or accepted) entry, else HEAD's; null
   * if unknown. A rejected entry does not count: staging the same content again reports it.
   */
  currentContentHash(id: string): Promise<string | null>;
  /**
   * Stage a record as pending review with its raw bytes (replacing a staged entry for the same
   * id). `identical` when it equals HEAD's content (any staged entry for the id is dropped).
   * Content the corpus remembers as rejected or removed is staged rejected. `rawDeflated`, when
   * given, is `raw` already compressed (raw DEFLATE) by the cleaning thread.
   */
  stage(record: DocumentRecord, raw: Uint8Array, source: string, rawDeflated?: Uint8Array): Promise<StagedOutcome>;
  /** Persisted dedup index, updated in place by `add`. */
  dedup: DedupPort;
  /** Persisted repeated-line table. */
  lines: RepeatedLinesPort;
  /** Write the dedup index and the line table back. */
  saveState(): Promise<void>;
}

/** A page about to be staged, as dedup sees it. */
export interface DedupInput {
  id: string;
  text: string;
  fetchedAt: string | null;
  /**
   * Its dedup signature, made by the thread that cleaned it (`CleanTask.dedupSignature`); used
   * when the index has the same options, so staging does not sign the text again.
   */
  signature?: DedupSignature;
}

interface DedupPort {
  /**
   * Findings for each page of a batch (in the order given) against the corpus and against the
   * earlier pages of the batch: `revision` (same id, other text), `exact`, `near`. The batch
   * may be read one page at a time; `batchText`, when given, returns an earlier page's text
   * again (to verify a near copy), so the check need not keep every page's shingles.
   */
  check(
    batch: Iterable<DedupInput> | AsyncIterable<DedupInput>,
    batchText?: (id: string) => Promise<string>,
  ): Promise<DedupFinding[][]>;
  /** Index (or re-index) a page once it is staged. */
  add(page: DedupInput): void;
}

export interface RepeatedLinesPort {
  /** Lines the site repeats on many pages (normalised line -> pages), for `clean`'s `repeatedLines`. */
  linesFor(host: string): Record<string, number>;
  /**
   * Count one page's lines for its site (replacing what the same id counted before). `text`
   * is the page's text as cleaned without the repeated-line option.
   */
  add(host: string, id: string, text: string): void;
}

/** How the pipeline opens a corpus: a snapshot to read before cleaning, a locked session to write. */
export interface CorpusSession {
  /** The repeated-line table as it is now (read without the lock: a snapshot for cleaning). */
  snapshotLines(): Promise<RepeatedLinesPort>;
  /** Take the corpus lock, run `fn`, make its writes durable, release. */
  write<T>(fn: (port: CorpusPort) => Promise<T>): Promise<T>;
  /** The corpus's own per-site rules, passed to every page cleaned (none when absent). */
  siteRules?(): Promise<SiteRules | null>;
  /**
   * The content hash of every staged entry as written (no lock), to tell after a failed `write`
   * which pages a long batch had already made durable.
   */
  stagedHashes?(): Promise<Map<string, string | null>>;
}

/** Read access a re-clean needs, outside the lock. */
export interface CorpusReader {
  /** Every document as it stands now: its staged entry when there is one, else HEAD's. Sorted by id. */
  currentDocuments(): Promise<DocumentRecord[]>;
  /** The raw bytes kept for a document, by their SHA-256; null when they are missing. */
  readRaw(sha256: string): Promise<Uint8Array | null>;
  /** Review states of the staged (not rejected, not removed) documents, by id: what is not here is HEAD's. */
  stagedStates?(): Promise<Map<string, 'pending' | 'accepted'>>;
}
