import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';

import { CorpusKitError } from '@corpuskit/document';
import type { CleanDocument } from '@corpuskit/document';
import type { CleanFn, CleanTask, CleanedPage } from '@corpuskit/ingest';
import type { CleanReply, SerializedError } from '@corpuskit/ingest/worker';

import type {
  DocumentReply,
  DocumentRequest,
  DocumentTask,
  StartedMessage,
  ThreadHeap,
  WorkerReply,
} from './clean-worker.js';
import { cliError, interruptedError } from './errors.js';

export interface CleanPoolOptions {
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  /**
   * Per-document limit. The cleaner checks it between its stages; a page still running a
   * second past it (stuck in a parser, say) has its worker terminated and fails with a timeout.
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
   * V8's old-generation limit of each cleaning thread in MiB (default `DEFAULT_THREAD_HEAP_MIB`).
   * A page whose cleaning needs more fails alone (out of memory); a fresh thread takes its place.
   */
  maxHeapMib?: number;
  /** Clean a small page on each thread as it starts (default true; off for a one-page run). */
  warmUp?: boolean;
  /**
   * Stop the page in hand at once when this aborts (`corpuskit clean` on Ctrl-C): its thread is
   * terminated and the page fails as `cli.interrupted`, instead of running on to its time limit.
   * Without worker threads (from the TypeScript sources) the page is left to finish in this
   * thread, but the command does not wait for it.
   */
  signal?: AbortSignal;
  /**
   * Told when a page's thread was fresh (it replaced one that was stopped or recycled) and cleaned
   * a small page first, outside the page's time limit: `ms` is how long that took.
   */
  onWarmUp?: (source: string, ms: number) => void;
}

/**
 * Each cleaning thread's heap limit unless `--max-memory` or `CORPUSKIT_THREAD_HEAP` says
 * otherwise. Without one, V8 lets a thread grow to its own limit (4 GiB on a 24 GiB machine),
 * once per thread: a page of a million empty elements took 1.35 GB. An article's cleaning needs
 * 40-60 MiB live; the 1,916 pages of the three dev sets clean under this limit exactly as without one.
 */
export const DEFAULT_THREAD_HEAP_MIB = 1024;

/** The cleaning threads' memory as they last reported it (after their latest page). */
export interface PoolMemory {
  /** One per running thread, by thread id. */
  threads: ThreadHeap[];
  /** Threads started so far: more than `jobs` once threads were replaced (recycled or lost). */
  started: number;
}

export interface CleanPool {
  cleanFn: CleanFn;
  /**
   * `corpuskit clean`: read, unpack and clean one file in a cleaning thread, under the same time
   * and memory limits; failures are CorpusKitErrors naming the file.
   */
  cleanDocument(request: DocumentRequest): Promise<CleanDocument>;
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
 * How long a thread may take to load the cleaner before it begins a page (a fresh thread, after
 * one was stopped or recycled): the page's own limit starts only then. Loading takes well under
 * a second on an idle machine; this only catches a thread that never gets there.
 */
const START_LIMIT_MS = 120_000;

/**
 * Each cleaning thread's V8 heap limit in MiB: `--max-memory` (given as `flag`), else
 * `CORPUSKIT_THREAD_HEAP` (for machines with little memory), else `DEFAULT_THREAD_HEAP_MIB`.
 */
export function threadHeapMib(flag: unknown, env: NodeJS.ProcessEnv): number {
  if (flag !== undefined && flag !== false) {
    const mib = Number(flag);
    if (!Number.isInteger(mib) || mib < 16)
      throw cliError('cli.usage', `--max-memory must be a whole number of MiB, at least 16 (got '${String(flag)}')`);
    return mib;
  }
  const raw = env.CORPUSKIT_THREAD_HEAP;
  if (raw === undefined || raw === '') return DEFAULT_THREAD_HEAP_MIB;
  const mib = Number(raw);
  if (!Number.isInteger(mib) || mib < 16) {
    throw cliError('cli.usage', `CORPUSKIT_THREAD_HEAP must be a whole number of MiB, at least 16 (got '${raw}')`);
  }
  return mib;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;

/** How a failure is reported: ingest's codes (seconds, as its --timeout) or `corpuskit clean`'s (milliseconds). */
interface Failures {
  timeout(source: string, timeoutMs: number): CorpusKitError;
  outOfMemory(source: string, maxHeapMib: number): CorpusKitError;
}

const INGEST_FAILURES: Failures = {
  timeout: (source, timeoutMs) =>
    new CorpusKitError(
      'timeout',
      'ingest.timeout',
      `cleaning took longer than ${seconds(timeoutMs)}; the page was skipped (raise the limit with --timeout)`,
      { subject: source },
    ),
  outOfMemory: (source, maxHeapMib) =>
    new CorpusKitError(
      'input',
      'ingest.too-large',
      `cleaning the page ran out of memory (its cleaning thread reached its ${maxHeapMib} MiB heap limit); the page was skipped (raise the limit with --max-memory)`,
      { subject: source },
    ),
};

const CLEAN_FAILURES: Failures = {
  timeout: (source, timeoutMs) =>
    new CorpusKitError(
      'timeout',
      'clean.timeout',
      `cleaning took longer than ${timeoutMs} ms and was stopped (raise the limit with --timeout)`,
      { subject: source },
    ),
  outOfMemory: (source, maxHeapMib) =>
    new CorpusKitError(
      'input',
      'clean.out-of-memory',
      `cleaning ran out of memory (its thread reached its ${maxHeapMib} MiB heap limit) and was stopped (raise the limit with --max-memory)`,
      { subject: source },
    ),
};

// The pool's own SerializedError -> CorpusKitError (ingest's deserializeError does the same, but
// importing it would load the cleaner's dependencies into the command's main thread).
function fromError(error: SerializedError, source: string): CorpusKitError {
  const wrapped = new CorpusKitError(error.kind, error.code, error.message, { subject: error.subject ?? source });
  if (error.stack) wrapped.stack = error.stack;
  return wrapped;
}

function fromReply(reply: CleanReply, task: CleanTask): CleanedPage {
  if (reply.ok) return reply.page;
  throw fromError(reply.error, task.source);
}

function documentFrom(reply: DocumentReply, source: string): CleanDocument {
  if (reply.ok) return reply.document;
  throw fromError(reply.error, source);
}

/** Bytes to send to a thread: a view of part of a larger buffer is copied, else the whole buffer would be. */
const ownBytes = (bytes: Uint8Array) => (bytes.buffer.byteLength === bytes.byteLength ? bytes : bytes.slice());

/**
 * The pool that runs the CPU-bound cleaning. tinypool (not piscina): it is small and has no
 * dependencies, cancels a task by terminating its worker (our per-document time limit), and
 * recycles a worker whose heap grew past a limit (`maxMemoryLimitBeforeRecycle`), which bounds
 * the cleaning threads' memory over a long batch; piscina has the first but not the last.
 */
export async function createCleanPool(options: CleanPoolOptions): Promise<CleanPool> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const maxHeapMib = options.maxHeapMib ?? DEFAULT_THREAD_HEAP_MIB;
  const workerUrl = new URL('./clean-worker.js', import.meta.url);
  const workerPath = fileURLToPath(workerUrl);
  if (!existsSync(workerPath)) {
    // Running from the TypeScript sources (vitest): no compiled worker, clean in this thread,
    // where nothing can stop a page that does not return (the built CLI's threads can be).
    const { cleanTaskReply } = await import('@corpuskit/ingest/worker');
    const { default: runWorker } = await import('./clean-worker.js');
    // The command's signal ends the wait as well, though the page's work goes on in this thread.
    const limited = async <T>(work: () => Promise<T>, source: string, error: () => CorpusKitError): Promise<T> => {
      // Checked before the timer exists: a throw after it would leave it to reject unheard.
      if (options.signal?.aborted) throw interruptedError(source);
      let timer: NodeJS.Timeout | undefined;
      let interrupt = () => {};
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(error()), options.timeoutMs);
        interrupt = () => reject(interruptedError(source));
      });
      options.signal?.addEventListener('abort', interrupt, { once: true });
      try {
        return await Promise.race([work(), limit]);
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', interrupt);
      }
    };
    const cleanFn: CleanFn = async (task) =>
      fromReply(
        await limited(
          () => cleanTaskReply(task),
          task.source,
          () => INGEST_FAILURES.timeout(task.source, options.timeoutMs),
        ),
        task,
      );
    const cleanDocument = async (request: DocumentRequest) => {
      const { reply } = await limited(
        () => runWorker({ ...request, document: true }),
        request.file,
        () => CLEAN_FAILURES.timeout(request.file, options.timeoutMs),
      );
      return documentFrom(reply as DocumentReply, request.file);
    };
    return {
      cleanFn,
      cleanDocument,
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
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMib },
  });
  // Each thread's heap after its latest task, for `ingest --verbose`; threads since gone stay out of
  // `memory().threads` (tinypool lists the live ones) but count as started.
  const heaps = new Map<number, ThreadHeap>();
  const run = async (task: unknown, runOptions?: Parameters<typeof pool.run>[1]): Promise<WorkerReply['reply']> => {
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
  const warm =
    options.warmUp === false
      ? Promise.resolve()
      : Promise.all(Array.from({ length: jobs }, () => run({ warmUp: true }))).then(
          () => {},
          () => {}, // a thread that fails to warm up fails its first page instead, with the cause
        );
  // Every page but the first one of a `warmUp: false` pool (what `clean` passes, whatever the
  // number of files) asks its thread to warm up first if it is fresh: a thread that replaced a
  // stopped or recycled one would otherwise pay the cleaner's first-use costs (a small page: ~190 ms
  // of CPU cold against ~35 warm with linkedom, ~0.7 s with jsdom, measured in fresh threads)
  // inside the page's own time limit.
  let coldFirstPage = options.warmUp === false;
  // One page on a thread, stopped at the limit (plus a grace for the cleaner to stop by itself):
  // tinypool terminates a thread whose task is aborted, which stops it even inside a parser's
  // loop, and starts a fresh one for the next page.
  const limited = async (task: object, source: string, failures: Failures): Promise<WorkerReply['reply']> => {
    const controller = new AbortController();
    let timedOut: 'start' | 'page' | null = null;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const arm = (ms: number, stage: 'start' | 'page') => {
      // A 'started' message handled after the reply must not leave a timer behind.
      if (settled) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = stage;
        controller.abort();
      }, ms);
    };
    // The page's clock starts when its thread begins it (has loaded the cleaner and says so), as
    // clean()'s own does in one thread: neither waiting for a thread nor a fresh thread's start
    // counts against the page.
    const { port1, port2 } = new MessageChannel();
    port1.once('message', ({ warmUpMs }: StartedMessage) => {
      arm(options.timeoutMs + KILL_GRACE_MS, 'page');
      if (warmUpMs !== null) options.onWarmUp?.(source, warmUpMs);
    });
    const warm = !coldFirstPage;
    coldFirstPage = false;
    arm(START_LIMIT_MS + options.timeoutMs, 'start');
    const interrupt = () => controller.abort();
    options.signal?.addEventListener('abort', interrupt, { once: true });
    try {
      if (options.signal?.aborted) throw interruptedError(source);
      // tinypool's types take the DOM's MessagePort; Node's is what it transfers.
      const transferList = [port2] as unknown as NonNullable<Parameters<typeof pool.run>[1]>['transferList'];
      const reply = await run({ ...task, started: port2, warm }, { signal: controller.signal, transferList });
      if (!reply) throw new Error('the cleaning thread answered a page as a warm-up');
      return reply;
    } catch (error) {
      if (timedOut === null && options.signal?.aborted) throw interruptedError(source);
      if (timedOut === 'page') throw failures.timeout(source, options.timeoutMs);
      if (timedOut === 'start')
        throw new CorpusKitError(
          'timeout',
          'ingest.thread-start',
          `no cleaning thread began the page within ${seconds(START_LIMIT_MS)}; it was skipped`,
          { subject: source },
        );
      if (error instanceof CorpusKitError) throw error;
      // A page whose DOM does not fit in the thread's heap: that thread is gone, the batch goes on.
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw failures.outOfMemory(source, maxHeapMib);
      throw new CorpusKitError(
        'internal',
        'ingest.worker-failed',
        `the cleaning worker failed: ${(error as Error).message}`,
        {
          subject: source,
          cause: error,
        },
      );
    } finally {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', interrupt);
      port1.close();
    }
  };
  const cleanFn: CleanFn = async (task) =>
    fromReply(
      (await limited({ ...task, bytes: ownBytes(task.bytes) }, task.source, INGEST_FAILURES)) as CleanReply,
      task,
    );
  const cleanDocument = async (request: DocumentRequest) => {
    const task: DocumentTask = {
      ...request,
      ...(request.stdin ? { stdin: ownBytes(request.stdin) } : {}),
      document: true,
    };
    return documentFrom((await limited(task, request.file, CLEAN_FAILURES)) as DocumentReply, request.file);
  };
  return { cleanFn, cleanDocument, mode: 'worker-threads', jobs, warm, memory, destroy: () => pool.destroy() };
}
