import type { CommandRun, CommandSpec } from '../command.js';
import { positiveOption, usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'worker',
  description: 'Clean pages for ingests run with --redis, on this or any machine, until stopped (SIGTERM, Ctrl-C)',
  options: [
    { flags: '--redis <url>', description: 'The Redis the coordinating ingest uses, e.g. redis://queue-host:6379' },
    {
      flags: '-c, --concurrency <n>',
      description: 'Pages cleaned at once, each in a worker thread (default: number of cores)',
    },
    { flags: '--timeout <seconds>', description: 'Give up on a page after this long', default: 60 },
    {
      flags: '--max-memory <MiB>',
      description:
        "Each cleaning thread's heap limit: a page that needs more fails alone (default 1024; also CORPUSKIT_THREAD_HEAP)",
    },
    {
      flags: '--lock <seconds>',
      description: 'How long a page stays claimed by a worker that stopped answering before another worker takes it',
      default: 30,
    },
  ],
  examples: [
    'corpuskit worker --redis redis://queue-host:6379',
    'corpuskit worker --redis redis://:password@queue-host:6379 --concurrency 8',
  ],
};

export const run: CommandRun = async (_args, options, context) => {
  if (typeof options.redis !== 'string' || options.redis === '') throw usageError('worker needs --redis URL');
  const { defaultJobs, threadHeapMib } = await import('../clean-pool.js');
  const maxHeapMib = threadHeapMib(options.maxMemory, context.env);
  const { runQueueWorker } = await import('../queue/worker.js');
  const { redactedUrl } = await import('../queue/connection.js');
  const concurrency = positiveOption(options.concurrency, '--concurrency', { integer: true }) ?? defaultJobs();
  const summary = await runQueueWorker({
    redis: options.redis,
    concurrency,
    maxHeapMib,
    timeoutMs: positiveOption(options.timeout, '--timeout')! * 1000,
    lockMs: Math.round(positiveOption(options.lock, '--lock')! * 1000),
    signal: context.signal,
    onReady: ({ cleaner, threads }) =>
      context.log.info(
        `worker ready: ${threads} thread(s), cleaner ${cleaner}, queue at ${redactedUrl(String(options.redis))}; stop with SIGTERM or Ctrl-C`,
      ),
    onPage: (page) => {
      if (!page.ok) context.log.warn(`${page.source}: ${page.error}`);
      else context.log.debug(`cleaned ${page.source} in ${page.ms} ms`);
    },
  });
  context.log.info(
    `worker stopped: ${summary.cleaned} page(s) cleaned, ${summary.failed} failed, in ${summary.seconds.toFixed(1)} s`,
  );
  return {
    json: { cleaned: summary.cleaned, failed: summary.failed, seconds: summary.seconds, cleaner: summary.cleaner },
    text: '',
  };
};
