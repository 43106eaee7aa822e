import { Queue, QueueEvents } from 'bullmq';

import { CorpusKitError } from '@corpuskit/document';
import type { CleanFn, EncodedJob, QueueJob, QueueResult } from '@corpuskit/ingest';
import { cleanerIdentity, decodeResult, encodeJob } from '@corpuskit/ingest';

import { QUEUE_NAME, connected, redactedUrl, redisConnection } from './connection.js';

export interface QueueCleanOptions {
  redis: string;
  /** Largest compressed page carried inside a job. */
  maxPayloadBytes: number;
}

export interface QueueStatus {
  workers: number;
  waiting: number;
  active: number;
}

export interface QueueClean {
  cleanFn: CleanFn;
  /** Pages whose result was already on the queue (cleaned for an earlier, interrupted run). */
  reused(): number;
  status(): Promise<QueueStatus>;
  /** Remove the finished jobs of this run (their results are staged): Redis keeps no page longer than needed. */
  forget(): Promise<void>;
  close(): Promise<void>;
}

/** Finished jobs are kept this long when no coordinator removes them (a run that died before staging). */
const KEEP_FINISHED_SECONDS = 24 * 3600;

/**
 * The coordinator's side of the queue: a `CleanFn` that enqueues each page as a BullMQ job
 * keyed by its bytes and options (`jobId`), waits for a worker's result and decodes it. A job
 * already on the queue with the same key is not added again: a result left by an interrupted
 * run is picked up, and a job that failed for good is retried once more.
 */
export async function createQueueClean(options: QueueCleanOptions): Promise<QueueClean> {
  const connection = redisConnection(options.redis);
  const cleaner = await cleanerIdentity();
  const queue = new Queue<QueueJob, QueueResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  // One listener per page in flight; not a leak.
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
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
  let reused = 0;

  const cleanFn: CleanFn = async (task) => {
    const encoded: EncodedJob = await encodeJob(task, cleaner, options.maxPayloadBytes);
    const key = encoded.job.key;
    const job = await queue.add('clean', encoded.job, {
      jobId: key,
      attempts: 3,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    });
    keys.add(key);
    const state = await job.getState();
    if (state === 'completed') reused += 1;
    if (state === 'failed') await job.retry('failed');
    let result: QueueResult;
    try {
      result = (await job.waitUntilFinished(events)) as QueueResult;
    } catch (error) {
      throw new CorpusKitError(
        'internal',
        'ingest.queue-failed',
        `the queue could not clean it: ${(error as Error).message}${lastError ? ` (Redis: ${lastError.message})` : ''}`,
        { subject: task.source, cause: error },
      );
    }
    return decodeResult(result, encoded);
  };

  return {
    cleanFn,
    reused: () => reused,
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
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}

export { redactedUrl };
