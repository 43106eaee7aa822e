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
export { renderPatch } from './render-patch.js';
export type { PatchRenderOptions } from './render-patch.js';
export { renderSegments, renderText } from './render-text.js';
export type { TextRenderOptions } from './render-text.js';
export { collapseRun } from './collapse.js';
export type { CollapsedRun } from './collapse.js';
export type { DiffErrorCode } from './errors.js';
export { diffSides, segmentSides } from './sides.js';
export type { DiffSidesText } from './sides.js';
export {
  compareBySize,
  diffVersions,
  renderVersionSummary,
  renderVersionText,
  versionDiffJson,
} from './version-diff.js';
export type {
  DocumentChange,
  DocumentChangeKind,
  LoadedDocument,
  VersionDiff,
  VersionDiffJson,
  VersionDiffOptions,
  VersionDiffSource,
  VersionEntry,
  VersionSummary,
} from './version-diff.js';
