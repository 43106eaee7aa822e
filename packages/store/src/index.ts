export { FileBackend } from './backend.js';
export type { ObjectBackend, ObjectInfo, StorageProblem } from './backend.js';
export { FileLock, readLock } from './lock.js';
export type { LockHolder } from './lock.js';
export { FANOUT } from './manifest.js';
export type { ManifestDiff, ManifestEntry } from './manifest.js';
export { CORPUS_DIR, FORMAT_VERSION, Store, findCorpusRoot, initCorpus, openCorpus } from './store.js';
export type * from './types.js';
