/**
 * The JSON shapes of the review API. The single-page app imports these as types only, so the
 * server and the UI cannot drift apart.
 */
import type { DedupFinding, DocumentMetadata, DocumentStatus, Removal, StatusReason } from '@corpuskit/document';
import type { DocumentDiff } from '@corpuskit/diff';

export type ReviewState = 'pending' | 'accepted' | 'rejected';

export interface ApiError {
  error: { code: string; kind: string; message: string; subject?: string };
}

export interface SessionInfo {
  ok: true;
  corpus: string;
  head: string | null;
}

export interface QueueCounts {
  pending: number;
  accepted: number;
  rejected: number;
  total: number;
}

/** One staged entry in the queue list (enough to list, filter and sort 10,000 of them). */
export interface QueueItem {
  id: string;
  /** What staging it does to the corpus: `add`, `modify`, `remove` (as the store says). */
  change: string;
  state: ReviewState;
  title: string | null;
  site: string | null;
  status: DocumentStatus | null;
  findings: Array<Pick<DedupFinding, 'kind' | 'other' | 'similarity'>>;
  chars: number;
  removedChars: number;
  note: string | null;
}

export interface QueueResponse {
  counts: QueueCounts;
  items: QueueItem[];
}

/** A removed block placed in the text: `position` is the index of the kept block it stood before. */
export interface PlacedRemoval extends Removal {
  /** Index of this removal in the record's `removed` list (what `restore` takes). */
  index: number;
  position: number;
}

/** The other document a finding names, to show side by side. */
export interface FindingOther {
  id: string;
  where: 'corpus' | 'staged' | 'unknown';
  title: string | null;
  blocks: string[];
}

/** One document diff as the API sends it (queue diff, finding comparison, version diff). */
export interface DocumentDiffResponse {
  id: string;
  from: string;
  diff: DocumentDiff;
  /** `textSimilarity` of the two texts (shared 5-word sequences, Jaccard): the number dedup findings carry. */
  similarity: number;
  /** The similarity in words, with what it measures. */
  similarityText: string;
}

export interface QueueDetail {
  item: QueueItem;
  title: string | null;
  status: DocumentStatus | null;
  reasons: StatusReason[];
  warnings: string[];
  blocks: string[];
  removed: PlacedRemoval[];
  metadata: DocumentMetadata | null;
  provenance: Record<string, unknown> | null;
  findings: Array<DedupFinding & { otherDocument: FindingOther | null; similarityText: string }>;
  /** Blocks restored in this session that `restore/undo` can take back, newest last. */
  restorable: number;
}

export type DecisionAction = 'accept' | 'reject' | 'pending';

export interface DecisionRequest {
  action: DecisionAction;
  ids: string[];
  note?: string;
}

export interface DecisionResponse {
  counts: QueueCounts;
  items: QueueItem[];
}

export interface RestoreRequest {
  id: string;
  /** Index into the record's `removed` list. */
  removal: number;
}

export interface VersionEntry {
  id: string;
  parent: string | null;
  message: string;
  time: string;
  author: string | null;
  counts: { documents: number; added: number; modified: number; removed: number };
  tags: string[];
}

export interface CommitRequest {
  message: string;
  tag?: string;
}

export type ChangeType = 'added' | 'removed' | 'modified' | 'renamed';

export interface VersionDiffSummary {
  old: string;
  new: string;
  summary: { added: number; removed: number; modified: number; renamed: number; unchanged: number };
  sites: Array<{ site: string; count: number }>;
}

export interface VersionDiffItem {
  id: string;
  type: ChangeType;
  /** For a rename: the id it had before. */
  from: string | null;
  site: string | null;
  title: string | null;
  /** Characters added plus removed (a size of change for filtering and sorting), null when unknown. */
  size: number | null;
}

export interface VersionDiffPage {
  total: number;
  offset: number;
  items: VersionDiffItem[];
}
