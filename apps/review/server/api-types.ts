/**
 * The JSON shapes of the review API. The single-page app imports these as types only, so the
 * server and the UI cannot drift apart.
 */
import type { DedupFinding, DocumentMetadata, DocumentStatus, Removal, StatusReason } from '@corpuskit/document';
import type { DocumentDiff } from '@corpuskit/diff';
import type { ReviewFlag } from '@corpuskit/ingest';

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
  /** What a reviewer scans for (suspect, not-article, exact-/near-duplicate, revision), as `status` shows. */
  flags: ReviewFlag[];
  chars: number;
  removedChars: number;
  note: string | null;
}

/**
 * One page of the queue (`GET /api/queue?where=&q=&offset=&limit=&snapshot=`): the entries
 * passing a `--where` filter (the CLI's syntax) and a free-text search of ids and titles, sorted by id.
 */
export interface QueuePage {
  counts: QueueCounts;
  /** The state of the staging area the list was taken from: send it back to page through the same list. */
  snapshot: string;
  /** Entries passing the filter. */
  total: number;
  offset: number;
  items: QueueItem[];
}

/** Counts of a set of entries by change and by flag, for the confirmations of bulk actions. */
export interface SelectionCounts {
  total: number;
  changes: { new: number; update: number; remove: number };
  /** How many carry each flag (an entry may carry several); only flags that occur. */
  flags: Array<{ flag: ReviewFlag; count: number }>;
  /** Entries with no flag and no finding. */
  clean: number;
}

/** What a bulk accept of the filtered list would take (`GET /api/queue/selection`): its pending entries. */
export interface SelectionSummary extends SelectionCounts {
  snapshot: string;
  /** Entries in the list, whatever their state. */
  listed: number;
}

/** What a commit would take (`GET /api/queue/commit`): the accepted entries. */
export interface CommitPreview extends SelectionCounts {
  snapshot: string;
  /** The first accepted entries, sorted by id (at most `limit`). */
  items: QueueItem[];
}

/** The answer to a bulk decision by filter: the ids it changed (for undo) and the new counts. */
export interface BulkDecisionResponse {
  counts: QueueCounts;
  ids: string[];
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
  /** The CSS path of each block's element, when the cleaner recorded it (for rule proposals). */
  blockSelectors?: string[];
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
  /** Who decides (the app's reviewer setting; the `x-corpuskit-reviewer` header takes precedence). */
  reviewer?: string;
}

/** A decision on every pending entry of a filtered list, as shown (`snapshot` from the page or the selection). */
export interface BulkDecisionRequest {
  action: 'accept' | 'reject';
  where: string;
  q?: string;
  snapshot: string;
  note?: string;
  /** Who decides (the `x-corpuskit-reviewer` header takes precedence). */
  reviewer?: string;
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
  /** The snapshot the commit dialog listed: the commit is refused (409) when the staging area moved since. */
  snapshot?: string;
  /** Who commits when the reviewer header is absent; else the server's default reviewer. */
  reviewer?: string;
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

/** One decision about a document, as a version (or the staging area) keeps it. */
export interface HistoryDecision {
  change: 'new' | 'update' | 'remove';
  decision: 'accepted' | 'rejected';
  contentHash: string;
  previousContentHash: string | null;
  by: string | null;
  at: string;
  note: string | null;
}

/** One step of a document's history: a version that changed it or decided about it, or the staging area. */
export interface HistoryStepView {
  /** Version id; null for the staging area. */
  version: string | null;
  /** The version before it (to compare the document), when there is one. */
  parent: string | null;
  time: string | null;
  message: string | null;
  tags: string[];
  change: 'added' | 'modified' | 'removed' | 'unchanged' | 'staged';
  contentHash: string | null;
  decisions: HistoryDecision[];
  /** For the staging area: the staged entry's change, state, decision and a stale decision. */
  staged: {
    change: 'new' | 'update' | 'remove';
    state: 'pending' | 'accepted' | 'rejected';
    contentHash: string | null;
    decision: {
      by: string | null;
      at: string;
      note: string | null;
      remembered: { decision: string; version: string | null } | null;
    } | null;
    stale: { state: string; by: string | null; at: string; note: string | null; contentHash: string | null } | null;
  } | null;
}

export interface HistoryResponse {
  id: string;
  title: string | null;
  steps: HistoryStepView[];
}

/** A per-site rule as the app edits it: a selector or a text pattern, to remove or to keep. */
export interface RuleDraft {
  site: string;
  action: 'remove' | 'keep';
  selector?: string;
  text?: string;
  note?: string;
}

/** One rule of the corpus's rule file, with its id. */
export interface RuleListing {
  id: string;
  site: string;
  action: 'remove' | 'keep';
  selector?: string;
  text?: string;
  note?: string;
  by?: string;
  at?: string;
}

export interface RuleListResponse {
  /** SHA-256 of the rule file, null when the corpus has none. */
  hash: string | null;
  rules: RuleListing[];
}

/** A rule proposed from one block: selectors (most specific first) and a text pattern to choose from. */
export interface RuleProposalResponse {
  id: string;
  site: string;
  action: 'remove' | 'keep';
  kind: 'selector' | 'text';
  selectors: string[];
  text: string;
  block: { removed: boolean; text: string; selector: string | null; rule: string | null };
}

/** What saving a rule would change on its site: a dry-run re-clean of its staged and committed documents. */
export interface RulePreviewResponse {
  /** Names this preview for `rules/preview/diff`. */
  preview: string;
  rule: RuleListing;
  site: string;
  checked: number;
  changed: number;
  staged: number;
  committed: number;
  failed: Array<{ id: string; error: string }>;
  documents: Array<{
    id: string;
    title: string | null;
    where: 'staged' | 'committed';
    state: 'pending' | 'accepted' | null;
    removedAdded: Removal[];
    removedDropped: Removal[];
    words: { added: number; removed: number };
  }>;
}

export interface RuleSavedResponse {
  rule: RuleListing;
  hash: string | null;
}

export interface RuleRecleanResponse {
  site: string;
  checked: number;
  /** Documents staged (new or updated) for review. */
  staged: number;
  unchanged: number;
  failed: Array<{ id: string; error: string }>;
  ids: string[];
}
