import type { CommandRun, CommandSpec } from '../command.js';
import { lockWaitFromEnv, openCorpusFor } from '../corpus.js';
import { usageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { renderIngest } from '../render-ingest.js';

export const spec: CommandSpec = {
  usage: 'reclean',
  description: 'Re-run the cleaner over the stored raw pages (all, or one site) and stage the documents that change',
  options: [
    { flags: '--site <host>', description: 'Only documents of this host, e.g. www.bbc.co.uk' },
    { flags: '-j, --jobs <n>', description: 'Pages cleaned in parallel (default: number of cores)' },
    { flags: '--timeout <seconds>', description: 'Give up on a page after this long', default: 60 },
    { flags: '--ndjson', description: 'One JSON line per document, then a summary line' },
  ],
  examples: [
    'corpuskit reclean',
    'corpuskit reclean --site southfront.press --json',
    'corpuskit reclean && corpuskit diff HEAD staged',
  ],
};

export const run: CommandRun = async (_args, options, context) => {
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw usageError('--jobs must be a positive whole number');
  const timeout = Number(options.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw usageError('--timeout must be a positive number of seconds');
  const { store, root } = await openCorpusFor(context, { lockWaitMs: lockWaitFromEnv(context.env) ?? 30_000 });
  const { reclean, storeSession } = await import('@corpuskit/ingest');
  const { createCleanPool, defaultJobs } = await import('../clean-pool.js');
  const pool = await createCleanPool({ jobs: jobs ?? defaultJobs(), timeoutMs: timeout * 1000 });
  const session = storeSession(store);
  const started = Date.now();
  let progress = createProgress({ stream: context.stderr, total: 0, unit: 'pages', enabled: false });
  try {
    const result = await reclean(session, session, {
      ...(options.site === undefined ? {} : { site: String(options.site) }),
      cleanFn: pool.cleanFn,
      concurrency: pool.jobs,
      timeoutMs: timeout * 1000,
      signal: context.signal,
      onStart: (total) => {
        progress = createProgress({ stream: context.stderr, total, unit: 'pages', enabled: !context.options.quiet });
      },
      onEvent: (event) => {
        if (event.kind === 'failed' && event.error && !context.options.json && !options.ndjson)
          context.log.error(event.error.summary);
        progress.tick(event.source);
      },
    });
    progress.stop();
    return renderIngest(result, {
      corpus: root,
      jobs: pool.jobs,
      seconds: (Date.now() - started) / 1000,
      ndjson: options.ndjson === true,
      context,
      verb: 'Re-cleaned',
    });
  } finally {
    progress.stop();
    await pool.destroy();
  }
};
