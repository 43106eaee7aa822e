export { findDuplicates } from './cluster.js';
export type {
  Cluster,
  ClusterMember,
  DuplicateReport,
  FindDuplicatesOptions,
  Linkage,
  PairDecision,
} from './cluster.js';
export { DedupIndex } from './dedup-index.js';
export type { CheckOptions, CheckResult, CheckStatus } from './check-result.js';
export { fingerprint, fingerprintOfNormalized } from './fingerprint.js';
export { EMPTY_SLOT, MinHasher, bandKey, estimateSimilarity, isEmptySignature } from './minhash.js';
export type { Signature } from './minhash.js';
export { DEFAULT_OPTIONS, PRESETS, isPresetName, resolveOptions, sameSignatureOptions } from './options.js';
export type { DedupOptions, DedupOptionsInput, PresetName } from './options.js';
export { compareRepresentative, prepareDocument, signatureKey } from './prepare.js';
export type { DedupDocument, PreparedDocument } from './prepare.js';
export { DEFAULT_REPEATED_LINE_OPTIONS, RepeatedLineTable, lineUnits } from './repeated-lines.js';
export type {
  RepeatedLine,
  RepeatedLineDocument,
  RepeatedLineOptions,
  RepeatedLineTableJson,
} from './repeated-lines.js';
export { candidateProbability, formatSCurve, sCurve } from './s-curve.js';
export type { SCurve } from './s-curve.js';
export { jaccard, shingleSet } from './shingles.js';
export type { ShingleSet } from './shingles.js';
export { UnionFind } from './union-find.js';
export { describeSimilarity, formatSimilarity, similarityMeasure, textSimilarity } from './similarity.js';
export type { DedupErrorCode } from './errors.js';
