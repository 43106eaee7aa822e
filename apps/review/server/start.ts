import type { AddressInfo } from 'node:net';

import { serve } from '@hono/node-server';

import { openCorpus } from '@corpuskit/store';

import { createReviewApp } from './app.js';
import { mountApi } from './routes.js';
import { ReviewService } from './service.js';
import { createToken } from './security.js';
import { ClientBundle, defaultClientDir } from './static.js';
import { reviewError } from './errors.js';

export interface ReviewServerOptions {
  /** The corpus directory (the folder holding `.corpuskit/`). */
  corpusDir: string;
  /** Address to bind; loopback by default. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The access token; a random one when omitted. */
  token?: string;
  /** Where the built single-page app is; `dist/client` of this package by default. */
  clientDir?: string;
  /** How long a write waits for another process holding the corpus lock (default 5000 ms). */
  lockWaitMs?: number;
  /** Who decides when the app's reviewer setting is empty (`corpuskit serve` passes `--reviewer`, else $CORPUSKIT_REVIEWER, else git's user.name). */
  reviewer?: string | null;
}

export interface ReviewServer {
  /** The URL that opens the app, with its token: `http://127.0.0.1:PORT/?token=...`. */
  url: string;
  token: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Start the review server and resolve once it listens. */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createToken();
  if (token.length < 16) throw reviewError('review.weak-token', 'the token must be at least 16 characters');
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw reviewError('review.bad-port', `not a port number: ${String(options.port)}`);
  }
  const client = ClientBundle.load(options.clientDir ?? defaultClientDir());
  const store = await openCorpus(options.corpusDir, {
    command: 'corpuskit serve',
    lockWaitMs: options.lockWaitMs ?? 5000,
  });
  const service = new ReviewService(store, options.reviewer ?? null);
  let port = requestedPort;
  const app = createReviewApp({
    token,
    host,
    port: () => port,
    client,
    api: (api) => mountApi(api, service, store.dir),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, hostname: host, port: requestedPort }, (info: AddressInfo) => {
      port = info.port;
      resolve(instance);
    });
    instance.once('error', (error: NodeJS.ErrnoException) => {
      void store.close();
      const code = error.code === 'EADDRINUSE' ? 'review.port-in-use' : 'review.listen-failed';
      reject(
        reviewError(code, `cannot listen on ${host}:${requestedPort}: ${error.message}`, {
          cause: error,
        }),
      );
    });
  });

  // Read the staging area now (at 100,000 entries its index takes a while to parse), so the first
  // queue page does not wait for all of it; requests made meanwhile share this read.
  void service.queueIndex.snapshot().catch(() => undefined);

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/?token=${encodeURIComponent(token)}`,
    token,
    host,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => {
          void store.close().finally(() => (error ? reject(error) : resolve()));
        });
      }),
  };
}
