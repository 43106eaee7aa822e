import { spawn } from 'node:child_process';

import { SCHEMA_VERSION } from '@corpuskit/document';

import type { CommandRun, CommandSpec } from '../command.js';
import type { CommandContext } from '../context.js';
import { DEFAULT_LOCK_WAIT_MS, corpusDirFor, lockWaitFromEnv } from '../corpus.js';
import { usageError } from '../errors.js';
import { REVIEWER_OPTION, reviewerName } from '../reviewer.js';

export const spec: CommandSpec = {
  usage: 'serve',
  description: 'Start the review web app (JSON API under /api/) on 127.0.0.1 and keep it running',
  options: [
    { flags: '--port <port>', description: 'Port to listen on; 0 picks a free one', default: 0 },
    { flags: '--host <host>', description: 'Address to bind', default: '127.0.0.1' },
    { flags: '--no-open', description: 'Do not open a browser' },
    {
      ...REVIEWER_OPTION,
      description: `${REVIEWER_OPTION.description}; the app's own reviewer setting overrides it`,
    },
  ],
  examples: ['corpuskit serve', 'corpuskit serve --json --no-open --port 0'],
};

function parsePort(value: unknown): number {
  const text = String(value ?? '0');
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw usageError(`--port must be 0..65535 (got '${text}')`);
  return Number(text);
}

/** A browser is opened only when asked, with a display to show it on, and never under CI or a test runner. */
export function shouldOpenBrowser(open: unknown, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (open === false) return false;
  if (env.CI || env.VITEST || env.NODE_ENV === 'test' || env.PLAYWRIGHT_TEST_BASE_URL) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function openBrowser(url: string, context: CommandContext): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => context.log.warn(`could not open a browser; open ${url} yourself`));
    child.unref();
  } catch {
    context.log.warn(`could not open a browser; open ${url} yourself`);
  }
}

export const run: CommandRun = async (_args, options, context) => {
  const port = parsePort(options.port);
  const host = String(options.host ?? '127.0.0.1');
  const corpus = await corpusDirFor(context);
  const { startReviewServer } = await import('@corpuskit/review');
  const lockWaitMs = lockWaitFromEnv(context.env) ?? DEFAULT_LOCK_WAIT_MS;
  const reviewer = reviewerName(options, context);
  const server = await startReviewServer({ corpusDir: corpus, host, port, lockWaitMs, reviewer });

  if (context.options.json) {
    context.stdout.write(
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, url: server.url, token: server.token })}\n`,
    );
  } else {
    context.stdout.write(`${server.url}\n`);
    context.log.info(`corpuskit review is serving ${corpus}; press Ctrl-C to stop.`);
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    context.log.warn(`listening on ${host}: anyone who can reach it and has the token can change the corpus`);
  }
  if (shouldOpenBrowser(options.open, context.env, process.platform)) openBrowser(server.url, context);

  // Keep serving until Ctrl-C (the CLI aborts the signal) or SIGTERM.
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      context.signal.removeEventListener('abort', stop);
      resolve();
    };
    if (context.signal.aborted) return stop();
    context.signal.addEventListener('abort', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  context.log.info('stopped');
};
