export { startReviewServer } from './start.js';
export type { ReviewServer, ReviewServerOptions } from './start.js';
export { createReviewApp, errorResponse } from './app.js';
export type { ReviewAppOptions } from './app.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, createToken } from './security.js';
export { ClientBundle, defaultClientDir } from './static.js';
