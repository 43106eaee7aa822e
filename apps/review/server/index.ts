export { startReviewServer } from './start.js';
export type { ReviewServer, ReviewServerOptions } from './start.js';
export { createReviewApp, errorResponse } from './app.js';
export type { ReviewAppOptions } from './app.js';
export { mountApi } from './routes.js';
export { ReviewService, checkId, checkIds, checkRef } from './service.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, createToken } from './security.js';
export { ClientBundle, defaultClientDir } from './static.js';
export type * from './api-types.js';
