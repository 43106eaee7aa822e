export { IngestError, ingestError } from './errors.js';
export { expandInputs } from './expand.js';
export type { ExpandOptions, ExpandResult, FileFailure, InputFile } from './expand.js';
export { originHints, readOrigin, readSidecar, sidecarCandidates } from './origin.js';
export type { Origin, OriginSource, Sidecar } from './origin.js';
export { assertCleanable, sniff } from './sniff.js';
export type { Sniffed } from './sniff.js';
