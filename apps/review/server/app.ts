import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';

import { isCorpusKitError, toCorpusKitError } from '@corpuskit/document';
import type { ErrorKind } from '@corpuskit/document';

import { cookieName, guard, isAuthenticated, sessionCookie, tokenMatches } from './security.js';
import type { ClientBundle } from './static.js';
import { reviewError } from './errors.js';

export interface ReviewAppOptions {
  token: string;
  host: string;
  /** The listening port, read per request (it is known only once the server listens). */
  port: () => number;
  /** The built single-page app; null when it is not built (pages then answer 503). */
  client: ClientBundle | null;
  /** Mounts the JSON API routes under /api/ (the store-backed service). */
  api?: (api: Hono) => void;
}

const STATUS_BY_KIND: Record<ErrorKind, 400 | 404 | 409 | 423 | 500 | 503 | 504> = {
  usage: 400,
  input: 400,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  corrupt: 500,
  io: 500,
  timeout: 504,
  // Stopped by the server's own shutdown: the request can be sent again.
  interrupted: 503,
  internal: 500,
};

/** The largest request body the API reads (1 MiB). */
const MAX_REQUEST_BYTES = 1024 * 1024;

/** An error as the API returns it: `{ error: { code, kind, message, subject? } }` with a matching status. */
function errorResponse(c: Context, raw: unknown): Response {
  const error = toCorpusKitError(raw);
  const { details: _details, ...body } = error.toJSON();
  return c.json({ error: body }, STATUS_BY_KIND[error.kind]);
}

const UNAUTHORIZED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>corpuskit review</title></head>
<body><h1>corpuskit review</h1><p>This page needs its token. Open the URL that <code>corpuskit serve</code> printed
(it ends in <code>?token=...</code>).</p></body></html>
`;

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>corpuskit review</title></head>
<body><h1>corpuskit review</h1><p>The review app is not built. Run <code>pnpm build</code> in the corpuskit
repository (the JSON API under <code>/api/</code> works without it).</p></body></html>
`;

/**
 * The review app: the guard (headers, host, token, origin), the JSON API under /api/, and the
 * prebuilt single-page app. The token is taken from `?token=` on a page load and turned into
 * an HttpOnly, SameSite=Strict cookie; the app then removes it from the address bar.
 */
export function createReviewApp(options: ReviewAppOptions): Hono {
  const app = new Hono();
  app.use('*', guard({ token: options.token, host: options.host, port: options.port }));
  app.onError((error, c) => {
    if (!isCorpusKitError(error) && !(error instanceof SyntaxError)) console.error(error);
    return errorResponse(
      c,
      error instanceof SyntaxError ? reviewError('review.bad-json', 'request body is not JSON') : error,
    );
  });

  const api = new Hono();
  // Requests are small JSON objects (ids, a note): anything past the cap is refused with 413
  // while it arrives, before it is buffered or parsed.
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'review.too-large',
              kind: 'input',
              message: `the request body is over the ${MAX_REQUEST_BYTES / 1024 / 1024} MiB limit`,
            },
          },
          413,
        ),
    }),
  );
  options.api?.(api);
  api.all('*', (c) => errorResponse(c, reviewError('review.no-route', `no API route ${c.req.path}`)));
  app.route('/api', api);

  app.get('*', (c) => {
    const path = new URL(c.req.url).pathname;
    const file = options.client?.get(path);
    if (file && path !== '/index.html') {
      if (file.immutable) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type });
    }
    if (path !== '/') return c.text('not found', 404);
    const presented = c.req.query('token');
    if (presented !== undefined && tokenMatches(presented, options.token)) {
      c.header('Set-Cookie', sessionCookie(cookieName(options.port()), options.token));
    } else if (!isAuthenticated(c, { token: options.token, host: options.host, port: options.port })) {
      return c.html(UNAUTHORIZED_PAGE, 401);
    }
    if (!options.client) return c.html(NOT_BUILT_PAGE, 503);
    const index = options.client.index;
    return c.body(index.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': index.type });
  });
  return app;
}
