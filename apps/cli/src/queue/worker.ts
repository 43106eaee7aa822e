import { UnrecoverableError, Worker } from 'bullmq';

import type { CleanReply, QueueJob, QueueResult } from '@corpuskit/ingest/worker';
import { cleanerIdentity, decodeJob, encodeResult, serializeError } from '@corpuskit/ingest/worker';

import { createCleanPool } from '../clean-pool.js';
import { QUEUE_NAME, connected, redisConnection } from './connection.js';

export interface QueueWorkerOptions {
  redis: string;
  /** Pages cleaned at once, each in a worker thread. */
  concurrency: number;
  /** Each cleaning thread's heap limit in MiB (`--max-memory`, `CORPUSKIT_THREAD_HEAP`, else the CLI's default). */
  maxHeapMib: number;
  timeoutMs: number;
  /**
   * How long a page stays claimed by this worker without a renewal. A worker that dies
   * mid-page (kill -9, a lost machine) leaves its page claimed this long; then a live
   * worker's stalled-job check puts it back on the queue.
   */
  lockMs: number;
  signal: AbortSignal;
  onReady?: (info: { cleaner: string; threads: number }) => void;
  onPage?: (page: { source: string; ok: boolean; error?: string; ms: number }) => void;
}

export interface QueueWorkerSummary {
  cleaned: number;
  failed: number;
  seconds: number;
  cleaner: string;
}

/**
 * A cleaning worker: takes pages from the queue, cleans them in its own worker threads and
 * puts the results back. A page the cleaner rejects is a result too (an error reply), so the
 * coordinator reports it like a local ingest would; only a job this worker cannot read fails
 * (and is retried). Stops taking pages when `signal` aborts, finishes the pages in hand, and
 * resolves.
 */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerSummary> {
  const started = Date.now();
  const cleaner = await cleanerIdentity();
  const pool = await createCleanPool({
    jobs: options.concurrency,
    timeoutMs: options.timeoutMs,
    maxHeapMib: options.maxHeapMib,
  });
  let cleaned = 0;
  let failed = 0;
  const worker = new Worker<QueueJob, QueueResult>(
    QUEUE_NAME,
    async (job) => {
      const t0 = Date.now();
      let task;
      try {
        task = await decodeJob(job.data, cleaner);
      } catch (error) {
        // Another version's job, or damaged bytes: no retry here will do better.
        throw new UnrecoverableError((error as Error).message);
      }
      let reply: CleanReply;
      try {
        reply = { ok: true, page: await pool.cleanFn(task) };
        cleaned += 1;
      } catch (error) {
        reply = { ok: false, error: serializeError(error, task.source) };
        failed += 1;
      }
      options.onPage?.({
        source: task.source,
        ok: reply.ok,
        ...(reply.ok ? {} : { error: reply.error.message }),
        ms: Date.now() - t0,
      });
      return encodeResult(job.data.key, reply);
    },
    {
      connection: redisConnection(options.redis),
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: 5,
      autorun: false,
    },
  );
  worker.on('error', () => {}); // connection errors: ioredis reconnects; BullMQ retries
  try {
    await connected(worker, options.redis);
    await pool.warm;
    options.onReady?.({ cleaner, threads: pool.jobs });
    const running = worker.run();
    await new Promise<void>((resolve) => {
      if (options.signal.aborted) resolve();
      else options.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await worker.close(); // waits for the pages in hand
    await running;
  } finally {
    await worker.close().catch(() => {});
    await pool.destroy();
  }
  return { cleaned, failed, seconds: (Date.now() - started) / 1000, cleaner };
}
