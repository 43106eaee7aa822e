import { performance } from 'node:perf_hooks';

import type { CommandRun, CommandSpec } from '../command.js';
import { usageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { idList, lockWaitFromEnv, openCorpusFor } from '../corpus.js';
import { renderIngest } from '../render-ingest.js';

export const spec: CommandSpec = {
  usage: 'ingest <...paths>',
  description: 'Clean, dedup and stage saved pages (files, folders, globs) for review',
  options: [
    {
      flags: '-j, --jobs <n>',
      description: 'Pages cleaned in parallel, each in a worker thread (default: number of cores)',
    },
    { flags: '--timeout <seconds>', description: 'Give up on a page after this long', default: 60 },
    { flags: '--max-size <MiB>', description: 'Refuse files larger than this (at most 512)', default: 64 },
    {
      flags: '--follow-symlinks',
      description: 'Follow symbolic links that lead outside the folders given (default: skip them with a warning)',
    },
    {
      flags: '--wait <seconds>',
      description: 'Wait this long for another writer to release the corpus (default: $CORPUSKIT_LOCK_WAIT, else 30)',
    },
    { flags: '--ndjson', description: 'One JSON line per file, then a summary line' },
  ],
  examples: [
    'corpuskit ingest saved-pages/',
    "corpuskit ingest 'crawl/**/*.html' --jobs 4",
    'corpuskit ingest page.html other.html --json',
    'corpuskit ingest saved-pages/ --ndjson | jq -c "select(.outcome == \\"failed\\")"',
  ],
};

function positiveNumber(value: unknown, flag: string, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw usageError(`${flag} must be a positive ${integer ? 'whole number' : 'number'} (got '${String(value)}')`);
  }
  return number;
}

export const run: CommandRun = async (args, options, context) => {
  const paths = idList(args[0]);
  const jobsOption = positiveNumber(options.jobs, '--jobs', true);
  const timeoutMs = positiveNumber(options.timeout, '--timeout')! * 1000;
  const maxBytes = Math.round(positiveNumber(options.maxSize, '--max-size')! * 1024 * 1024);
  if (maxBytes > 512 * 1024 * 1024)
    throw usageError('--max-size is at most 512 (MiB): a page is decoded into one string');
  const lockWaitMs =
    options.wait === undefined ? (lockWaitFromEnv(context.env) ?? 30_000) : Number(options.wait) * 1000;
  if (!Number.isFinite(lockWaitMs) || lockWaitMs < 0) throw usageError(`--wait must be a number of seconds`);

  // The pool first: its threads load the cleaner while the corpus is opened and the inputs listed.
  const { createCleanPool, defaultJobs } = await import('../clean-pool.js');
  const pool = await createCleanPool({ jobs: jobsOption ?? defaultJobs(), timeoutMs });
  let corpus: Awaited<ReturnType<typeof openCorpusFor>>;
  try {
    corpus = await openCorpusFor(context, { lockWaitMs });
  } catch (error) {
    await pool.destroy();
    throw error;
  }
  const { ingest, storeSession } = await import('@corpuskit/ingest');
  context.log.debug(
    `cleaning with ${pool.jobs} ${pool.mode === 'worker-threads' ? 'worker thread(s)' : 'in-process lane'}`,
  );
  const started = Date.now();
  const loop = performance.eventLoopUtilization();
  let progress = createProgress({ stream: context.stderr, total: 0, unit: 'pages', enabled: false });
  try {
    const result = await ingest(storeSession(corpus.store), paths, {
      cwd: context.cwd,
      cleanFn: pool.cleanFn,
      concurrency: pool.jobs,
      deflateRaw: pool.mode === 'worker-threads',
      maxBytes,
      followSymlinks: options.followSymlinks === true,
      timeoutMs,
      signal: context.signal,
      onStaging: () => {
        progress.stop();
        const busy = performance.eventLoopUtilization(loop).utilization;
        context.log.debug(
          `cleaned in ${((Date.now() - started) / 1000).toFixed(2)} s (main thread busy ${(busy * 100).toFixed(0)}% of it); staging`,
        );
      },
      onStart: (total) => {
        progress = createProgress({ stream: context.stderr, total, unit: 'pages', enabled: !context.options.quiet });
      },
      onEvent: (event) => {
        if (event.kind === 'failed' && event.error) {
          if (!context.options.json && !options.ndjson) context.log.error(event.error.summary);
          if (context.options.verbose && event.error.stack) context.log.debug(event.error.stack);
        }
        progress.tick(event.source);
      },
    });
    progress.stop();
    return renderIngest(result, {
      corpus: corpus.root,
      jobs: pool.jobs,
      seconds: (Date.now() - started) / 1000,
      ndjson: options.ndjson === true,
      context,
    });
  } finally {
    progress.stop();
    await pool.destroy();
  }
};
