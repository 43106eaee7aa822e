import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

import { CorpusKitError } from '@corpuskit/document';
import type { CleanFn, CleanTask, CleanedPage } from '@corpuskit/ingest';
import type { CleanReply } from '@corpuskit/ingest/worker';

import type { ThreadHeap, WorkerReply } from './clean-worker.js';
import { cliError } from './errors.js';

export interface CleanPoolOptions {
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  /**
   * Per-document limit. The cleaner checks it between its stages; a page still running a
   * second past it has its worker terminated and fails with a timeout.
   */
  timeoutMs: number;
  /**
   * Replace a thread whose heap is past this many MiB after a page (default 256). The cleaner's
   * live heap is 40-60 MiB on most pages, with up to ~200 MiB of garbage between V8's full
   * collections; after a page with a large DOM V8 may let a thread's heap drift to 500 MiB and
   * more over the next pages (a 1,300-record WARC's peak RSS: 1,086 MB at 512, 775-787 at 256).
   */
  recycleMib?: number;
  /**
   * V8's old-generation limit of each cleaning thread in MiB (default: V8's own, about 2 GiB
   * here). A page whose cleaning needs more fails alone as `ingest.too-large`.
   */
  maxHeapMib?: number;
}

/** The cleaning threads' memory as they last reported it (after their latest page). */
export interface PoolMemory {
  /** One per running thread, by thread id. */
  threads: ThreadHeap[];
  /** Threads started so far: more than `jobs` once threads were replaced (recycled or lost). */
  started: number;
}

export interface CleanPool {
  cleanFn: CleanFn;
  /** `worker-threads` (the built CLI) or `in-process` (running from TypeScript sources in tests). */
  mode: 'worker-threads' | 'in-process';
  jobs: number;
  /** Resolves once every thread has loaded the cleaner and cleaned a warm-up page. */
  warm: Promise<void>;
  memory(): PoolMemory;
  destroy(): Promise<void>;
}

/** V8's heap growing factor for the cleaning threads, as a percentage over 1 (100: 2x the live heap). */
const HEAP_GROWING_PERCENT = 100;

/** How long past the limit a page may take to stop by itself before its worker is terminated. */
const KILL_GRACE_MS = 1_000;

/**
 * `CORPUSKIT_THREAD_HEAP`: each cleaning thread's V8 heap limit in MiB (`maxHeapMib`), for
 * machines with little memory (and the test of a page that runs out of it).
 */
export function threadHeapFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.CORPUSKIT_THREAD_HEAP;
  if (raw === undefined || raw === '') return undefined;
  const mib = Number(raw);
  if (!Number.isInteger(mib) || mib < 16) {
    throw cliError('cli.usage', `CORPUSKIT_THREAD_HEAP must be a whole number of MiB, at least 16 (got '${raw}')`);
  }
  return mib;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

function timeoutError(task: CleanTask, timeoutMs: number): CorpusKitError {
  return new CorpusKitError(
    'timeout',
    'ingest.timeout',
    `cleaning took longer than ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 === 0 ? 0 : 1)} s; the page was skipped (raise the limit with --timeout)`,
    { subject: task.source },
  );
}

function outOfMemoryError(task: CleanTask, maxHeapMib: number | undefined): CorpusKitError {
  const limit = maxHeapMib === undefined ? "V8's heap limit" : `its ${maxHeapMib} MiB heap limit`;
  return new CorpusKitError(
    'input',
    'ingest.too-large',
    `cleaning the page ran out of memory (its cleaning thread reached ${limit}); the page was skipped`,
    { subject: task.source },
  );
}

function fromReply(reply: CleanReply, task: CleanTask): CleanedPage {
  if (reply.ok) return reply.page;
  const error = new CorpusKitError(reply.error.kind, reply.error.code, reply.error.message, {
    subject: reply.error.subject ?? task.source,
  });
  if (reply.error.stack) error.stack = reply.error.stack;
  throw error;
}

/**
 * The pool that runs the CPU-bound cleaning. tinypool (not piscina): it is small and has no
 * dependencies, cancels a task by terminating its worker (our per-document time limit), and
 * recycles a worker whose heap grew past a limit (`maxMemoryLimitBeforeRecycle`), which bounds
 * the cleaning threads' memory over a long batch; piscina has the first but not the last.
 */
export async function createCleanPool(options: CleanPoolOptions): Promise<CleanPool> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const workerUrl = new URL('./clean-worker.js', import.meta.url);
  const workerPath = fileURLToPath(workerUrl);
  if (!existsSync(workerPath)) {
    // Running from the TypeScript sources (vitest): no compiled worker, clean in this thread.
    const { cleanTaskReply } = await import('@corpuskit/ingest/worker');
    const cleanFn: CleanFn = async (task) => {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(timeoutError(task, options.timeoutMs)), options.timeoutMs);
      });
      try {
        return fromReply(await Promise.race([cleanTaskReply(task), limit]), task);
      } finally {
        clearTimeout(timer);
      }
    };
    return {
      cleanFn,
      mode: 'in-process',
      jobs: 1,
      warm: Promise.resolve(),
      memory: () => ({ threads: [], started: 0 }),
      destroy: async () => {},
    };
  }
  // V8 lets a heap grow to up to 4x what survived its last full collection before the next one
  // (on machines with more than 2 GiB of heap limit). The cleaner's live heap is 40-60 MiB, but a
  // page with a large DOM raises it for a while, and the heap then drifts to 300 MiB and more
  // before the thread is replaced: the process's peak is both threads at their top together.
  // A factor of 2 keeps each thread near twice its live heap. V8's flags are per process and
  // this one is read at each full collection, so it holds for the threads started from now on.
  // Measured (1,300-record WARC, --jobs 2, three runs side by side, load ~30): peak RSS 453 MiB
  // against 547 with V8's default (and 562 with a factor of 3); CPU 70.5 s against 71.5 s there, and
  // +3% in three alternating pairs on the 130 pages as files (10.3 against 10.0 s, load 18-27).
  // `node --heap-growing-percent=N corpuskit ...` (0: V8's own) keeps its value.
  if (!process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
  const { Tinypool } = await import('tinypool');
  // Every thread starts at once and stays (minThreads = jobs), and each loads the cleaner and
  // cleans a small page while the inputs are still being listed and read: no page waits for a
  // cold thread. Warm-up tasks go first in the queue, one to each idle thread.
  const pool = new Tinypool({
    filename: workerUrl.href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1_000,
    maxMemoryLimitBeforeRecycle: (options.recycleMib ?? 256) * 1024 * 1024,
    ...(options.maxHeapMib === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMib } }),
  });
  // Each thread's heap after its latest task, for `ingest --verbose`; threads since gone stay out of
  // `memory().threads` (tinypool lists the live ones) but count as started.
  const heaps = new Map<number, ThreadHeap>();
  const run = async (task: unknown, runOptions?: { signal: AbortSignal }): Promise<CleanReply | null> => {
    const { reply, heap } = (await pool.run(task, runOptions)) as WorkerReply;
    heaps.set(heap.threadId, heap);
    return reply;
  };
  const started = new Set<number>();
  const memory = (): PoolMemory => {
    const live = new Set(pool.threads.map((thread) => thread.threadId));
    for (const id of [...live, ...heaps.keys()]) started.add(id);
    return { threads: [...heaps.values()].filter((heap) => live.has(heap.threadId)), started: started.size };
  };
  const warmUp = { warmUp: true };
  const warm = Promise.all(Array.from({ length: jobs }, () => run(warmUp))).then(
    () => {},
    () => {}, // a thread that fails to warm up fails its first page instead, with the cause
  );
  const cleanFn: CleanFn = async (task) => {
    const controller = new AbortController();
    let timedOut = false;
    // Ingest submits at most `jobs` pages at a time, so a task starts as soon as it is
    // submitted and this clock measures its run (plus, for a fresh worker, loading the cleaner).
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs + KILL_GRACE_MS);
    try {
      const copy = task.bytes.buffer.byteLength === task.bytes.byteLength ? task.bytes : task.bytes.slice();
      const reply = await run({ ...task, bytes: copy }, { signal: controller.signal });
      if (!reply) throw new Error('the cleaning thread answered a page as a warm-up');
      return fromReply(reply, task);
    } catch (error) {
      if (timedOut) throw timeoutError(task, options.timeoutMs);
      if (error instanceof CorpusKitError) throw error;
      // A page whose DOM does not fit in the thread's heap: that thread is gone, the batch goes on.
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw outOfMemoryError(task, options.maxHeapMib);
      throw new CorpusKitError(
        'internal',
        'ingest.worker-failed',
        `the cleaning worker failed: ${(error as Error).message}`,
        {
          subject: task.source,
          cause: error,
        },
      );
    } finally {
      clearTimeout(timer);
    }
  };
  return { cleanFn, mode: 'worker-threads', jobs, warm, memory, destroy: () => pool.destroy() };
}
