/**
 * The serialisable diff model. Every renderer (terminal text, unified patch, JSON, HTML
 * fragments, the review app) reads this one shape. It is plain JSON: no classes, no
 * functions, no `undefined` values that matter.
 */

/** Version of the JSON diff model. Bump it when a field changes meaning. */
export const DIFF_SCHEMA_VERSION = 1;

/** What the comparison ignores. Each option the caller set is recorded in the result. */
export interface IgnoreOptions {
  /** Differences in the amount and kind of white space (runs, line breaks, blank lines). */
  whitespace: boolean;
  /** Letter case (full case folding). */
  case: boolean;
  /** Punctuation and symbols. */
  punctuation: boolean;
  /** Curly vs straight quotes. */
  quotes: boolean;
  /** Hyphen, en dash, em dash and minus-sign style. */
  dashes: boolean;
}

/**
 * Explicit work limits per level. A level that would exceed its budget falls back to the
 * coarser level for that part of the text and the result lists it in `fallbacks`.
 */
export interface DiffBudgets {
  /** Paragraph alignment: similarity cells (old x new paragraphs) per unaligned region. Beyond it the alignment is banded around the diagonal. */
  alignmentCells: number;
  /** Similar-paragraph move detection: candidate pairs scored in all. */
  moveCandidates: number;
  /** Sentence level: maximum edit length (sentences inserted + deleted) per paragraph pair. Beyond it: paragraph level. */
  sentenceEdits: number;
  /** Word level: maximum edit length (tokens inserted + deleted) per diffed region. Beyond it: sentence level. */
  wordEdits: number;
  /** Paragraph pairs with more tokens than this are diffed by sentence first, then by word inside changed sentences. */
  wordTokens: number;
}

/** One side of a document diff, as described in the result. */
export interface DiffSide {
  id: string | null;
  title: string | null;
  /** Number of paragraphs (text blocks). */
  blocks: number;
  chars: number;
  words: number;
  /** White space around and between blocks when it is not the default (one blank line); lets `applyDiff` rebuild the text exactly. */
  layout?: Layout;
}

/** White space that is not the default `\n\n` between blocks. */
export interface Layout {
  /** White space before the first block. */
  lead: string;
  /** White space after the last block. */
  trail: string;
  /** Separator before block `i` (key) when it is not `\n\n`. */
  separators: Record<string, string>;
}

/** A run of text inside a changed paragraph. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** For `equal` segments under ignore options: the old text when it differs from `text` (the new text). */
  old?: string;
}

/** How fine the detail of a paired paragraph is. */
export type DetailLevel = 'word' | 'sentence' | 'paragraph';

/**
 * One step of the paragraph-level edit script. Ops are ordered so that the old indices of
 * ops with an old side (all but `insert` and `move-target`) increase, and so do the new
 * indices of ops with a new side (all but `delete` and `move-source`). Indices are 0-based
 * block numbers on each side.
 */
export type BlockOp = EqualRun | InsertOp | DeleteOp | ChangeOp | MoveSourceOp | MoveTargetOp | SplitOp | MergeOp;

/** A run of unchanged paragraphs (collapsible in a UI). */
export interface EqualRun {
  op: 'equal';
  old: number;
  new: number;
  count: number;
  /** The paragraphs, as they read on the new side. */
  blocks: string[];
  /** Under ignore options: the old text of paragraphs (by offset in the run) that differ raw. */
  oldBlocks?: Record<string, string>;
}

export interface InsertOp {
  op: 'insert';
  new: number;
  text: string;
}

export interface DeleteOp {
  op: 'delete';
  old: number;
  text: string;
}

/** A paragraph edited in place, with the edits inside it. */
export interface ChangeOp {
  op: 'change';
  old: number;
  new: number;
  /** Share of words kept (Dice coefficient of the word multisets), 0..1. */
  similarity: number;
  level: DetailLevel;
  segments: Segment[];
}

/** Where a moved paragraph stood (old side). `id` links it to its `move-target`. */
export interface MoveSourceOp {
  op: 'move-source';
  id: string;
  old: number;
  /** Block index of the paragraph on the new side. */
  to: number;
  text: string;
}

/** Where a moved paragraph stands now, with the edits made inside it (all `equal` when moved unchanged). */
export interface MoveTargetOp {
  op: 'move-target';
  id: string;
  /** Block index of the paragraph on the old side. */
  from: number;
  new: number;
  similarity: number;
  level: DetailLevel;
  segments: Segment[];
}

/** One old paragraph split into `count` new ones; the segments show a paragraph break as an inserted `\n\n`. */
export interface SplitOp {
  op: 'split';
  old: number;
  new: number;
  count: number;
  similarity: number;
  level: DetailLevel;
  segments: Segment[];
}

/** `count` old paragraphs merged into one new one; the segments show a removed paragraph break as a deleted `\n\n`. */
export interface MergeOp {
  op: 'merge';
  old: number;
  count: number;
  new: number;
  similarity: number;
  level: DetailLevel;
  segments: Segment[];
}

/** A metadata field whose value changed. Values are as given (strings, arrays, null). */
export interface MetadataChange {
  field: string;
  old: unknown;
  new: unknown;
  /** For list fields (`authors`): entries only on one side. */
  added?: string[];
  removed?: string[];
}

/** A level that exceeded its budget and fell back to a coarser one for part of the text. */
export interface Fallback {
  /** The level that gave up. */
  level: 'alignment' | 'moves' | 'sentence' | 'word';
  /** What was used instead. */
  used: 'banded-alignment' | 'no-further-moves' | 'paragraph' | 'sentence';
  /** Block indices concerned (old and new side), when it is one region. */
  old?: number;
  new?: number;
  /** The budget and what would have been needed (or a lower bound). */
  budget: number;
  needed: number;
}

export interface DiffStats {
  blocks: {
    equal: number;
    inserted: number;
    deleted: number;
    changed: number;
    moved: number;
    split: number;
    merged: number;
  };
  words: { added: number; removed: number; unchanged: number };
  /**
   * Share of words unchanged: 2 * unchanged words / (old words + new words); 1 for two empty
   * texts. Shown as "N% of words unchanged"; corpuskit's "similarity" of two texts is
   * `textSimilarity` in `@corpuskit/dedup` (shared 5-word sequences), not this.
   */
  similarity: number;
  /** Number of word-level insert and delete segments (detail kept). */
  wordOps: number;
}

/** The result of `diffDocuments`. */
export interface DocumentDiff {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  kind: 'document-diff';
  /** True when text or metadata differ (under the ignore options). */
  changed: boolean;
  ignore: IgnoreOptions;
  budgets: DiffBudgets;
  old: DiffSide;
  new: DiffSide;
  metadata: MetadataChange[];
  blocks: BlockOp[];
  stats: DiffStats;
  fallbacks: Fallback[];
}
