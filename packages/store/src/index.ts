export { FileBackend } from './backend.js';
export type { ObjectBackend, ObjectInfo, StorageProblem } from './backend.js';
export { findCorpusRoot, initCorpus, openCorpus } from './corpus.js';
export { CORPUS_DIR, FORMAT_VERSION } from './layout.js';
export type { ManifestDiff, ManifestEntry } from './manifest.js';
export { Store } from './store.js';
export type * from './types.js';
export type { StoredRules } from './rules.js';
export type { StoreErrorCode } from './errors.js';
