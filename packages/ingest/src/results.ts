import type { CleanDocument, DocumentStatus, Finding } from '@corpuskit/document';
import type { CorpusKitError } from '@corpuskit/document';

import type { DedupSignature } from './clean-task.js';
import type { ContainerSummary } from './pages.js';
import type { PreviousDecision, StagedOutcome } from './ports.js';

/** What happened to one input file. */
export type Outcome = 'new' | 'updated' | 'unchanged' | 'superseded' | 'rejected' | 'failed';

export interface FileResult {
  source: string;
  /** The document id, once known. */
  id: string | null;
  outcome: Outcome;
  status: DocumentStatus | null;
  title: string | null;
  findings: Finding[];
  error: { code: string; kind: string; message: string } | null;
  /** The cleaner's non-fatal problems (e.g. invalid bytes for the declared charset). */
  warnings: string[];
  /** For `superseded`: the file with the same id given later, which was staged instead. */
  supersededBy?: string;
  /**
   * `rejected`: the earlier decision that keeps this content out (previously rejected, or
   * accepted for removal); also set, with `reconsidered: true`, when it was set aside.
   */
  previously?: PreviousDecision;
  /** The document's earlier approval (or rejection) was for other content: it is pending again. */
  stale?: NonNullable<StagedOutcome['stale']>;
}

export interface IngestCounts {
  files: number;
  new: number;
  updated: number;
  unchanged: number;
  exactDuplicates: number;
  nearDuplicates: number;
  suspect: number;
  superseded: number;
  /** Staged rejected: the same content was rejected (or removed) before. */
  previouslyRejected: number;
  /** Staged pending again although rejected before (`reconsider`). */
  reconsidered: number;
  /** Approvals (or rejections) that went stale because the content changed. */
  stale: number;
  failed: number;
  skipped: number;
  /** Records read from WARC files (pages and skipped records). */
  records: number;
  /** WARC records passed over: requests, revisits, metadata, non-HTML responses. */
  skippedRecords: number;
}

export interface IngestResult {
  counts: IngestCounts;
  /** One entry per file, sorted by source. */
  files: FileResult[];
  failed: Array<{ source: string; code: string; error: string }>;
  /** Paths passed over on purpose (sidecars, hidden files, saved-page asset folders, links leaving the folder). */
  skipped: string[];
  /** Things passed over that the user should hear of, each naming its path (a link leading outside the folder). */
  warnings: Array<{ source: string; message: string }>;
  /** True when the run was interrupted; files not reached are listed as failed with `ingest.interrupted`. */
  interrupted: boolean;
  /** Each WARC file read: records, pages, and records skipped by reason. */
  containers: ContainerSummary[];
  /**
   * Set when staging could not be written (disk full, another I/O error): the corpus is as it
   * was, and every page that was not staged is listed as failed with this error.
   */
  stagingError?: { code: string; kind: string; message: string; path: string | null };
}

export interface IngestEvent {
  source: string;
  /**
   * `cleaned` once a page is cleaned (its final outcome comes at staging); `failed` otherwise;
   * `skipped` for a WARC record passed over; `found` when a WARC record is read (one more item
   * to count: the progress total grows as a WARC streams).
   */
  kind: 'cleaned' | 'failed' | 'skipped' | 'found';
  error?: CorpusKitError;
}

/** A cleaned page on its way to staging (from `ingest` or `reclean`). */
export interface Cleaned {
  source: string;
  /** Discovery order, for "the one given last wins". */
  seq: number;
  id: string;
  /**
   * The raw bytes again, for staging. Not kept in memory between cleaning and staging (a batch
   * of thousands of pages would hold them all); re-read and checked against the hash the
   * cleaner recorded.
   */
  raw: () => Promise<Uint8Array>;
  document: CleanDocument;
  contentHash: string;
  /** The raw bytes compressed for the store by the cleaning thread, when it did that. */
  rawDeflated?: Uint8Array;
  /** The raw bytes themselves, kept when `raw` would be slow (`PageInput.keepBytes`). */
  rawBytes?: Uint8Array;
  /** The dedup signature made by the cleaning thread, when it did that. */
  dedup?: DedupSignature;
  /**
   * Where the page itself came from (its URL, else `file:` and its path) when its id is a
   * canonical URL it declares that names somewhere else: the claim `canonicalConflict` checks.
   */
  claimedFrom?: string;
}

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function failure(source: string, error: CorpusKitError): FileResult {
  return {
    source,
    id: null,
    outcome: 'failed',
    status: null,
    title: null,
    findings: [],
    error: { code: error.code, kind: error.kind, message: error.message },
    warnings: [],
  };
}

/**
 * A cleaned page waiting for staging, as the batch keeps it: what sorting, superseding and the
 * results need, and `load` for the rest (document, compressed raw bytes, dedup signature).
 */
export interface Pending {
  source: string;
  seq: number;
  id: string;
  claimedFrom?: string;
  contentHash: string;
  raw: () => Promise<Uint8Array>;
  status: DocumentStatus;
  title: string | null;
  warnings: string[];
  load(): Promise<Cleaned>;
}

export function baseResult(
  item: Pick<Pending, 'source' | 'id' | 'status' | 'title' | 'warnings'>,
): Pick<FileResult, 'source' | 'id' | 'status' | 'title' | 'error' | 'warnings'> {
  return {
    source: item.source,
    id: item.id,
    status: item.status,
    title: item.title,
    error: null,
    warnings: item.warnings,
  };
}

export function summarize(
  files: FileResult[],
  skipped: string[],
  interrupted: boolean,
  warnings: IngestResult['warnings'] = [],
  containers: ContainerSummary[] = [],
): IngestResult {
  files.sort((a, b) => compare(a.source, b.source) || compare(a.id ?? '', b.id ?? ''));
  const count = (outcome: Outcome) => files.filter((f) => f.outcome === outcome).length;
  const staged = files.filter((f) => f.outcome === 'new' || f.outcome === 'updated');
  const counts: IngestCounts = {
    files: files.length,
    new: count('new'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    exactDuplicates: staged.filter((f) => f.findings.some((x) => x.kind === 'exact')).length,
    nearDuplicates: staged.filter((f) => f.findings.some((x) => x.kind === 'near')).length,
    suspect: files.filter((f) => f.status === 'suspect' && f.outcome !== 'failed').length,
    superseded: count('superseded'),
    previouslyRejected: count('rejected'),
    reconsidered: files.filter((f) => f.previously?.reconsidered).length,
    stale: files.filter((f) => f.stale).length,
    failed: count('failed'),
    skipped: skipped.length,
    records: containers.reduce((sum, c) => sum + c.records, 0),
    skippedRecords: containers.reduce((sum, c) => sum + (c.records - c.pages), 0),
  };
  const failed = files
    .filter((f) => f.outcome === 'failed')
    .map((f) => ({ source: f.source, code: f.error!.code, error: f.error!.message }));
  return { counts, files, failed, skipped, warnings, interrupted, containers };
}

/**
 * A batch that ended before any input was reached: only `source` is listed, failed with `error`
 * (what `corpuskit ingest -` stopped while standard input was read reports), and `interrupted`.
 */
export function interruptedBatch(source: string, error: CorpusKitError): IngestResult {
  return summarize([failure(source, error)], [], true);
}
