import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

import { CorpusKitError } from '@corpuskit/document';
import type { CleanFn, CleanTask, CleanedPage } from '@corpuskit/ingest';
import type { CleanReply } from '@corpuskit/ingest/worker';

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
}

export interface CleanPool {
  cleanFn: CleanFn;
  /** `worker-threads` (the built CLI) or `in-process` (running from TypeScript sources in tests). */
  mode: 'worker-threads' | 'in-process';
  jobs: number;
  /** Resolves once every thread has loaded the cleaner and cleaned a warm-up page. */
  warm: Promise<void>;
  destroy(): Promise<void>;
}

/** How long past the limit a page may take to stop by itself before its worker is terminated. */
const KILL_GRACE_MS = 1_000;

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

function outOfMemoryError(task: CleanTask): CorpusKitError {
  return new CorpusKitError(
    'input',
    'ingest.too-large',
    "cleaning the page ran out of memory (its cleaning thread reached V8's heap limit); the page was skipped",
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
    return { cleanFn, mode: 'in-process', jobs: 1, warm: Promise.resolve(), destroy: async () => {} };
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
  });
  const warmUp = { warmUp: true };
  const warm = Promise.all(Array.from({ length: jobs }, () => pool.run(warmUp))).then(
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
      const reply = (await pool.run({ ...task, bytes: copy }, { signal: controller.signal })) as CleanReply;
      return fromReply(reply, task);
    } catch (error) {
      if (timedOut) throw timeoutError(task, options.timeoutMs);
      if (error instanceof CorpusKitError) throw error;
      // A page whose DOM does not fit in the thread's heap: that thread is gone, the batch goes on.
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') throw outOfMemoryError(task);
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
  return { cleanFn, mode: 'worker-threads', jobs, warm, destroy: () => pool.destroy() };
}
