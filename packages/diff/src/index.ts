export { applyDiff, assertDocumentDiff } from './apply.js';
export { DEFAULT_BUDGETS, diffDocuments } from './document-diff.js';
export type { DiffInput, DiffOptions } from './document-diff.js';
export { DIFF_SCHEMA_VERSION } from './model.js';
export type {
  BlockOp,
  ChangeOp,
  DeleteOp,
  DetailLevel,
  DiffBudgets,
  DiffSide,
  DiffStats,
  DocumentDiff,
  EqualRun,
  Fallback,
  IgnoreOptions,
  InsertOp,
  Layout,
  MergeOp,
  MetadataChange,
  MoveSourceOp,
  MoveTargetOp,
  Segment,
  SplitOp,
} from './model.js';
