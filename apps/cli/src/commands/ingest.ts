import { performance } from 'node:perf_hooks';

import type { CleanFn } from '@corpuskit/ingest';

import type { PoolMemory } from '../clean-pool.js';
import type { CommandRun, CommandSpec } from '../command.js';
import { isInterruption, positiveOption, usageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { idList, lockWaitFromEnv, openCorpusFor } from '../corpus.js';
import { renderIngest } from '../render-ingest.js';

/** `--verbose` prints the process's memory every this many pages. */
const MEMORY_EVERY = 500;

export const spec: CommandSpec = {
  usage: 'ingest <...paths>',
  description: 'Clean, dedup and stage saved pages (files, folders, globs, WARC, MHTML, -) for review',
  details: [
    'Inputs: HTML or text files, folders (walked), globs,',
    'WARC and WARC.gz files (each HTML response or resource record is a page, with the URL and fetch time',
    'of its record; other records are counted as skipped), MHTML ("save as single file"), .html.gz, and',
    "'-' for one page on standard input (with --url).",
    '',
    'Where a page came from (its URL, hence its id) is read from, first to last: --urls FILE, a JSON',
    'sidecar beside the page (page.html.json or page.json: {"url", "fetchedAt", "headers"}), the',
    'page itself (MHTML snapshot location, SingleFile header, browsers\' "saved from url" comment).',
    'A page with a canonical link gets its canonical URL as id; one with no URL gets file: and its path',
    'relative to the folder given (or to the deepest folder common to the files given one by one).',
    '',
    'URL list (--urls): CSV with a header row path,url,fetched_at, or JSON Lines',
    '{"path": "a.html", "url": "https://...", "fetched_at": "2026-01-02T10:00:00Z"}; paths are',
    "relative to the list's folder.",
    '',
    'Decisions are remembered by content: a page whose content was rejected before (or accepted for removal)',
    'is staged rejected again and reported as previously rejected; --reconsider stages it for review. A page',
    'whose content changed after it was accepted goes back to pending (its approval is stale).',
  ].join('\n'),
  options: [
    { flags: '--urls <file>', description: 'CSV or JSON Lines of path,url,fetched_at: where each file came from' },
    { flags: '--url <url>', description: "The URL of the page read from standard input ('-')" },
    { flags: '--fetched-at <time>', description: "ISO 8601 fetch time of the page read from standard input ('-')" },
    {
      flags: '-j, --jobs <n>',
      description: 'Pages cleaned in parallel, each in a worker thread (default: number of cores)',
    },
    { flags: '--timeout <seconds>', description: 'Give up on a page after this long', default: 60 },
    {
      flags: '--max-memory <MiB>',
      description:
        "Each cleaning thread's heap limit: a page that needs more fails alone (default 1024; also CORPUSKIT_THREAD_HEAP)",
    },
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
    {
      flags: '--redis <url>',
      description: "Clean on 'corpuskit worker' processes (any machine) through this Redis instead of local threads",
    },
    { flags: '--max-payload <MiB>', description: 'With --redis: largest compressed page carried in a job', default: 8 },
    { flags: '--in-flight <n>', description: 'With --redis: pages on the queue at once', default: 256 },
    {
      flags: '--reconsider',
      description:
        'Stage pages whose content was rejected (or removed) before for review again (default: they stay rejected)',
    },
  ],
  examples: [
    'corpuskit ingest saved-pages/',
    "corpuskit ingest 'crawl/**/*.html' --jobs 4",
    'corpuskit ingest crawl/ --redis redis://queue-host:6379   # with corpuskit worker running elsewhere',
    'corpuskit ingest page.html other.html --json',
    'corpuskit ingest saved-pages/ --ndjson | jq -c "select(.outcome == \\"failed\\")"',
    'corpuskit ingest crawl.warc.gz',
    'corpuskit ingest pages/ --urls urls.csv',
    'corpuskit ingest saved-pages/ --reconsider   # pages rejected before come back for review',
    'curl -s https://example.com/story | corpuskit ingest - --url https://example.com/story',
  ],
};

export const run: CommandRun = async (args, options, context) => {
  const paths = idList(args[0]);
  const jobsOption = positiveOption(options.jobs, '--jobs', { integer: true });
  const timeoutMs = positiveOption(options.timeout, '--timeout')! * 1000;
  const maxBytes = Math.round(positiveOption(options.maxSize, '--max-size')! * 1024 * 1024);
  const maxHeapMib = (await import('../clean-pool.js')).threadHeapMib(options.maxMemory, context.env);
  if (maxBytes > 512 * 1024 * 1024)
    throw usageError('--max-size is at most 512 (MiB): a page is decoded into one string');
  const lockWaitMs =
    options.wait === undefined ? (lockWaitFromEnv(context.env) ?? 30_000) : Number(options.wait) * 1000;
  if (!Number.isFinite(lockWaitMs) || lockWaitMs < 0) throw usageError(`--wait must be a number of seconds`);

  const fromStdin = paths.includes('-');
  const url = options.url === undefined ? undefined : String(options.url);
  const fetchedAt = options.fetchedAt === undefined ? undefined : String(options.fetchedAt);
  if ((url !== undefined || fetchedAt !== undefined) && !fromStdin) {
    throw usageError("--url and --fetched-at describe the page on standard input: give '-' as an input");
  }
  if (url !== undefined && !/^https?:\/\/[^/]/i.test(url))
    throw usageError(`--url is not an http(s) URL (got '${url}')`);
  if (fetchedAt !== undefined && Number.isNaN(Date.parse(fetchedAt))) {
    throw usageError(`--fetched-at is not an ISO 8601 time (got '${fetchedAt}')`);
  }
  // Every option is checked before standard input is read: a bad one is said at once, not once
  // the pipe ends (which an open one never does), and nothing is cleaned or staged.
  if (context.options.json && options.ndjson) throw usageError('--json and --ndjson cannot be combined');
  const redis = typeof options.redis === 'string' ? options.redis : undefined;
  if (options.redis !== undefined && !redis) throw usageError('--redis needs a URL, e.g. redis://localhost:6379');
  if (redis && jobsOption !== undefined)
    throw usageError('--jobs and --redis cannot be combined: workers set their own --concurrency');
  const maxPayloadBytes = Math.round(positiveOption(options.maxPayload, '--max-payload')! * 1024 * 1024);
  const inFlight = positiveOption(options.inFlight, '--in-flight', { integer: true })!;

  const { interruptedBatch, readUrlList } = await import('@corpuskit/ingest');
  const urls = options.urls === undefined ? undefined : await readUrlList(String(options.urls), context.cwd);
  // The corpus is opened (a read: no lock is taken) before standard input is read: outside one, or
  // with a --corpus or CORPUSKIT_CORPUS that names no corpus, that is said at once, not once the
  // pipe ends (which an open one never does).
  const corpus = await openCorpusFor(context, { lockWaitMs });
  let stdin: { bytes: Uint8Array; url: string | null; fetchedAt: string | null } | undefined;
  try {
    stdin = fromStdin
      ? {
          bytes: await (await import('../stdin.js')).readStdin(context, maxBytes),
          url: url ?? null,
          fetchedAt: fetchedAt ?? null,
        }
      : undefined;
  } catch (error) {
    if (!isInterruption(error)) throw error;
    // Ctrl-C or SIGTERM while standard input was still open: nothing was read into the batch or
    // staged. It ends as any interrupted batch does (text, --json and --ndjson alike): standard
    // input listed as failed with the interruption, `interrupted: true`, the interruption's exit code.
    context.log.warn(`${error.summary}; nothing was ingested`);
    return renderIngest(interruptedBatch('-', error), {
      corpus: corpus.root,
      seconds: 0,
      ndjson: options.ndjson === true,
      context,
    });
  }

  // Local threads load the cleaner while the inputs are listed.
  const cleaner = redis
    ? await queueCleaner(redis, maxPayloadBytes, inFlight, (message) => context.log.warn(message))
    : await localCleaner(jobsOption, timeoutMs, maxHeapMib);
  const { ingest, storeSession } = await import('@corpuskit/ingest');
  context.log.debug(cleaner.description);
  const started = Date.now();
  const loop = performance.eventLoopUtilization();
  let progress = createProgress({ stream: context.stderr, total: 0, unit: 'pages', enabled: false });
  // --verbose: the process's memory every MEMORY_EVERY pages, at staging and at the end.
  const { formatMemory, sampleMemory } = await import('../memory.js');
  const logMemory = (when: string) => {
    if (context.options.verbose)
      context.log.debug(`memory ${when}: ${formatMemory(sampleMemory(cleaner.memory?.() ?? null))}`);
  };
  let done = 0;
  try {
    const result = await ingest(storeSession(corpus.store, { reconsider: options.reconsider === true }), paths, {
      cwd: context.cwd,
      cleanFn: cleaner.cleanFn,
      concurrency: cleaner.concurrency,
      deflateRaw: cleaner.deflateRaw,
      dedupSignature: cleaner.dedupSignature,
      maxBytes,
      followSymlinks: options.followSymlinks === true,
      timeoutMs,
      ...(urls ? { urls } : {}),
      ...(stdin ? { stdin } : {}),
      // Cleaned pages past the spool's memory budget wait on the corpus's own disk, not in the
      // system's temporary folder (often RAM-backed tmpfs, and small next to a multi-GB WARC).
      spool: { dir: corpus.store.root },
      signal: context.signal,
      onStaging: () => {
        progress.stop();
        logMemory(`after cleaning ${done} pages`);
        // Every page is cleaned: the cleaning threads' heaps (up to a few hundred MB) go before
        // staging reads the pages back, instead of adding to its memory.
        // A failure to stop them is reported when the batch ends (destroy awaits the same
        // promise); the handler here only keeps it from being an unhandled rejection meanwhile.
        cleaner.release().catch(() => {});
        const busy = performance.eventLoopUtilization(loop).utilization;
        context.log.debug(
          `cleaned in ${((Date.now() - started) / 1000).toFixed(2)} s (main thread busy ${(busy * 100).toFixed(0)}% of it); staging`,
        );
      },
      onStart: (total) => {
        progress = createProgress({
          stream: context.stderr,
          total,
          unit: 'pages and records',
          enabled: !context.options.quiet,
          ...(cleaner.detail ? { detail: cleaner.detail } : {}),
        });
      },
      onEvent: (event) => {
        if (event.kind === 'found') {
          progress.grow(1);
          return;
        }
        if (event.kind === 'failed' && event.error) {
          if (!context.options.json && !options.ndjson) context.log.error(event.error.summary);
          if (context.options.verbose && event.error.stack) context.log.debug(event.error.stack);
        }
        progress.tick(event.source);
        done += 1;
        if (done % MEMORY_EVERY === 0) logMemory(`after ${done} pages`);
      },
    });
    progress.stop();
    logMemory('after staging');
    await cleaner.finished();
    const rendered = renderIngest(result, {
      corpus: corpus.root,
      jobs: cleaner.concurrency,
      seconds: (Date.now() - started) / 1000,
      ndjson: options.ndjson === true,
      context,
    });
    const queue = cleaner.summary?.();
    if (queue && rendered.json && typeof rendered.json === 'object') rendered.json = { ...rendered.json, queue };
    return rendered;
  } finally {
    progress.stop();
    await cleaner.destroy();
  }
};

/** What cleans the pages of one ingest: local worker threads or a queue of workers. */
interface Cleaner {
  cleanFn: CleanFn;
  concurrency: number;
  deflateRaw: boolean;
  /** The cleaners also sign each page for dedup (off this thread). */
  dedupSignature: boolean;
  description: string;
  /** A live suffix for the progress line (workers, queue depth). */
  detail?: () => string;
  /** Called once the batch is staged. */
  finished(): Promise<void>;
  summary?: () => Record<string, unknown>;
  /** Nothing more to clean: stop the local threads now (destroy() still waits for it). */
  release(): Promise<void>;
  /** The local cleaning threads' heaps (none for a queue). */
  memory?: () => PoolMemory;
  destroy(): Promise<void>;
}

async function localCleaner(jobs: number | undefined, timeoutMs: number, maxHeapMib: number): Promise<Cleaner> {
  const { createCleanPool, defaultJobs } = await import('../clean-pool.js');
  const pool = await createCleanPool({ jobs: jobs ?? defaultJobs(), timeoutMs, maxHeapMib });
  let released: Promise<void> | null = null;
  const release = () => (released ??= pool.destroy());
  return {
    cleanFn: pool.cleanFn,
    concurrency: pool.jobs,
    deflateRaw: pool.mode === 'worker-threads',
    dedupSignature: pool.mode === 'worker-threads',
    description: `cleaning with ${pool.jobs} ${pool.mode === 'worker-threads' ? 'worker thread(s)' : 'in-process lane'}`,
    finished: async () => {},
    memory: () => pool.memory(),
    release,
    destroy: release,
  };
}

async function queueCleaner(
  redis: string,
  maxPayloadBytes: number,
  inFlight: number,
  warn: (message: string) => void,
): Promise<Cleaner> {
  const { createQueueClean } = await import('../queue/coordinator.js');
  const { redactedUrl } = await import('../queue/connection.js');
  const queue = await createQueueClean({ redis, maxPayloadBytes });
  let detail = '';
  let workers = -1;
  const poll = async () => {
    try {
      const status = await queue.status();
      workers = status.workers;
      detail = `${status.workers} worker(s), queue ${status.waiting} waiting, ${status.active} active`;
    } catch {
      detail = 'queue status unavailable';
    }
  };
  await poll();
  if (workers === 0) {
    warn(
      `no worker is connected to ${redactedUrl(redis)} yet: pages wait on the queue until one runs 'corpuskit worker --redis URL'`,
    );
  }
  const timer = setInterval(() => void poll(), 2000);
  timer.unref();
  return {
    cleanFn: queue.cleanFn,
    concurrency: inFlight,
    deflateRaw: false,
    // The shingle sets would roughly double each result on the queue: signed here at staging.
    dedupSignature: false,
    description: `cleaning on the workers of ${redactedUrl(redis)} (${detail}), up to ${inFlight} pages in flight`,
    detail: () => detail,
    finished: () => queue.forget(),
    summary: () => ({ ...queue.stats() }),
    release: async () => {},
    destroy: async () => {
      clearInterval(timer);
      await queue.close();
    },
  };
}
