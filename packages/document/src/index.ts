export { canonicalJson } from './canonical-json.js';
export type { JsonValue } from './canonical-json.js';
export {
  CorpusKitError,
  ERROR_KINDS,
  EXIT_CODES,
  errorFactory,
  exitCodeFor,
  isCorpusKitError,
  toCorpusKitError,
} from './errors.js';
export type { CorpusKitErrorOptions, DocumentErrorCode, ErrorFactory, ErrorKind } from './errors.js';
export { hashValue, isSha256, sha256 } from './hash.js';
export {
  DOCUMENT_STATUSES,
  METADATA_FIELDS,
  PAGE_TYPES,
  REMOVAL_CATEGORIES,
  SCHEMA_VERSION,
  contentHash,
  contentOf,
  emptyMetadata,
  textBlocks,
} from './model.js';
export type {
  CleanDocument,
  ContainerProvenance,
  CanonicalConflictFinding,
  DedupFinding,
  DuplicateFinding,
  Finding,
  NotArticleFinding,
  DocumentMetadata,
  DocumentRecord,
  DocumentStats,
  DocumentStatus,
  EncodingSource,
  MetadataField,
  PageType,
  PageTypeResult,
  Provenance,
  Removal,
  RemovalCategory,
  RemovalStage,
  StatusReason,
  Version,
} from './model.js';
export {
  collapseWhitespace,
  foldCase,
  foldDashes,
  foldQuotes,
  normalizeText,
  stripPunctuation,
  wordCount,
  letterDigitRuns,
} from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export { canonicalizeUrl, fileDocumentId, hostOf, isDocumentId, tryCanonicalizeUrl } from './url.js';
export { detectBinary, detectUtf16, inspectBytes, isGzip } from './binary.js';
export type { ByteInspection } from './binary.js';
export { DEFAULT_MAX_BYTES, savedFromUrl } from './page-hints.js';
