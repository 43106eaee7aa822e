import { Queue, QueueEvents } from 'bullmq';

import { CorpusKitError } from '@corpuskit/document';
import type { CleanFn } from '@corpuskit/ingest';
import type { EncodedJob, QueueJob, QueueResult } from '@corpuskit/ingest/worker';
import { cleanerIdentity, decodeResult, encodeJob } from '@corpuskit/ingest/worker';

import { QUEUE_NAME, connected, redisConnection } from './connection.js';

export interface QueueCleanOptions {
  redis: string;
  /** Largest compressed page carried inside a job. */
  maxPayloadBytes: number;
  /**
   * How often the jobs still awaited are looked up directly, in case their completion event
   * was never read (a coordinator that lagged behind the event stream, a dropped connection).
   */
  sweepMs?: number;
}

interface QueueStatus {
  workers: number;
  waiting: number;
  active: number;
}

interface QueueStats {
  /** Pages sent through the queue. */
  jobs: number;
  /** Pages whose result was already on the queue (cleaned for an earlier, interrupted run). */
  reused: number;
  /** Jobs found finished by a look-up rather than by their completion event (late or missed). */
  swept: number;
  /** Bytes of page payload put on the queue (compressed, base64), and of results read back. */
  payloadBytes: number;
  resultBytes: number;
}

export interface QueueClean {
  cleanFn: CleanFn;
  stats(): QueueStats;
  status(): Promise<QueueStatus>;
  /** Remove the finished jobs of this run (their results are staged): Redis keeps no page longer than needed. */
  forget(): Promise<void>;
  close(): Promise<void>;
}

/** Finished jobs are kept this long when no coordinator removes them (a run that died before staging). */
const KEEP_FINISHED_SECONDS = 24 * 3600;
const JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'fixed' as const, delay: 1000 },
  removeOnComplete: { age: KEEP_FINISHED_SECONDS },
  removeOnFail: { age: KEEP_FINISHED_SECONDS },
};

interface Waiter {
  encoded: EncodedJob;
  resolve: (result: QueueResult) => void;
  reject: (error: Error) => void;
  /** When the job was last known to be unfinished. */
  checked: number;
}

/**
 * The coordinator's side of the queue: a `CleanFn` that enqueues each page as a BullMQ job
 * keyed by its bytes and options (`jobId`), waits for a worker's result and decodes it. A job
 * already on the queue with the same key is not added again: a result left by an interrupted
 * run is picked up, and a job that failed for good is retried once more.
 *
 * Results arrive by the queue's event stream (one listener for every job, not one per job).
 * The stream alone is not enough: it is read from "now" when the coordinator starts, it is
 * trimmed to its last few thousand entries, and a reader that falls behind (a busy or starved
 * process) can miss entries; a job whose completion was missed would be awaited forever. So
 * every `sweepMs` the jobs still awaited are looked up one by one: finished ones are settled
 * from Redis, a job that disappeared (removed by another run) is enqueued again.
 */
export async function createQueueClean(options: QueueCleanOptions): Promise<QueueClean> {
  const connection = redisConnection(options.redis);
  const cleaner = await cleanerIdentity();
  const queue = new Queue<QueueJob, QueueResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  let lastError: Error | null = null;
  queue.on('error', (error) => (lastError = error));
  events.on('error', (error) => (lastError = error));
  try {
    await connected(queue, options.redis);
    await connected(events, options.redis);
  } catch (error) {
    await Promise.allSettled([queue.close(), events.close()]);
    throw error;
  }
  const keys = new Set<string>();
  const waiters = new Map<string, Waiter[]>();
  const stats: QueueStats = { jobs: 0, reused: 0, swept: 0, payloadBytes: 0, resultBytes: 0 };

  const settle = (key: string, outcome: { result: QueueResult } | { error: Error }) => {
    const list = waiters.get(key);
    if (!list) return;
    waiters.delete(key);
    for (const waiter of list) {
      if ('result' in outcome) waiter.resolve(outcome.result);
      else waiter.reject(outcome.error);
    }
  };
  const failedError = (reason: string | undefined) => new Error(reason || 'the job failed');
  events.on('completed', ({ jobId, returnvalue }) => {
    settle(jobId, { result: returnvalue as unknown as QueueResult });
  });
  events.on('failed', ({ jobId, failedReason }) => settle(jobId, { error: failedError(failedReason) }));

  const add = (encoded: EncodedJob) => queue.add('clean', encoded.job, { jobId: encoded.job.key, ...JOB_OPTIONS });

  /**
   * Look a job up: settle its waiters if it is finished (true), retry it if it failed and
   * `retryFailed`, enqueue it again if it is gone (removed by another run's clean-up).
   */
  const check = async (key: string, retryFailed: boolean): Promise<boolean> => {
    const state = await queue.getJobState(key);
    const job = state === 'completed' || state === 'failed' ? await queue.getJob(key) : undefined;
    if (job && state === 'completed') {
      settle(key, { result: job.returnvalue });
      return true;
    }
    if (job && state === 'failed') {
      if (retryFailed) {
        await job.retry('failed');
        return false;
      }
      settle(key, { error: failedError(job.failedReason) });
      return true;
    }
    // Gone (or removed between the two look-ups): put it back on the queue.
    if (state === 'unknown' || state === 'completed' || state === 'failed') {
      const first = waiters.get(key)?.[0];
      if (first) await add(first.encoded);
    }
    return false;
  };

  const sweepMs = options.sweepMs ?? 5000;
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void (async () => {
      for (const [key, list] of [...waiters]) {
        const due = Date.now() - sweepMs;
        if (list.every((waiter) => waiter.checked > due)) continue;
        try {
          if (await check(key, false)) stats.swept += 1;
        } catch (error) {
          lastError = error as Error;
        }
        for (const waiter of waiters.get(key) ?? []) waiter.checked = Date.now();
      }
    })().finally(() => (sweeping = false));
  }, sweepMs);
  sweep.unref();

  const cleanFn: CleanFn = async (task) => {
    const encoded: EncodedJob = await encodeJob(task, cleaner, options.maxPayloadBytes);
    const key = encoded.job.key;
    keys.add(key);
    stats.jobs += 1;
    stats.payloadBytes += encoded.job.payload.deflated.length;
    let waiter!: Waiter;
    // Waiting starts before the job is added, so its completion event cannot come first.
    const finished = new Promise<QueueResult>((resolve, reject) => {
      waiter = { encoded, resolve, reject, checked: Date.now() };
      waiters.set(key, [...(waiters.get(key) ?? []), waiter]);
    });
    finished.catch(() => {}); // awaited below; an error before that must not go unhandled
    let result: QueueResult;
    try {
      await add(encoded);
      // Already finished (an earlier run's result), or failed for good (then tried once more).
      const state = await queue.getJobState(key);
      if (state === 'completed') stats.reused += 1;
      if (state === 'completed' || state === 'failed') await check(key, true);
      result = await finished;
    } catch (error) {
      const others = (waiters.get(key) ?? []).filter((w) => w !== waiter);
      if (others.length > 0) waiters.set(key, others);
      else waiters.delete(key);
      throw new CorpusKitError(
        'internal',
        'ingest.queue-failed',
        `the queue could not clean it: ${(error as Error).message}${lastError ? ` (Redis: ${lastError.message})` : ''}`,
        { subject: task.source, cause: error },
      );
    }
    stats.resultBytes += typeof result?.reply === 'string' ? result.reply.length : 0;
    return decodeResult(result, encoded);
  };

  return {
    cleanFn,
    stats: () => ({ ...stats }),
    async status() {
      const [counts, workers] = await Promise.all([
        queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
        queue.getWorkersCount(),
      ]);
      return {
        workers,
        waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
      };
    },
    async forget() {
      const all = [...keys];
      for (let i = 0; i < all.length; i += 100) {
        await Promise.all(all.slice(i, i + 100).map((key) => queue.remove(key).catch(() => 0)));
      }
      keys.clear();
    },
    async close() {
      clearInterval(sweep);
      for (const key of [...waiters.keys()]) settle(key, { error: new Error('the coordinator is closing') });
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}
