export { startReviewServer } from './start.js';
export type { ReviewServer, ReviewServerOptions } from './start.js';
export type * from './api-types.js';
export type { ReviewErrorCode } from './errors.js';
