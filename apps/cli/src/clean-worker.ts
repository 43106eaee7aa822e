// The worker-thread entry of the clean pool: tinypool calls the default export once per task,
// a page to clean or the warm-up the pool runs on each new thread before its first page.
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';

import { cleanTaskReply, warmCleaner } from '@corpuskit/ingest/worker';
import type { CleanTask } from '@corpuskit/ingest';
import type { CleanReply } from '@corpuskit/ingest/worker';

export interface WarmUpTask {
  warmUp: true;
}

/** A cleaning thread's V8 heap after a task, in bytes (what `ingest --verbose` reports). */
export interface ThreadHeap {
  threadId: number;
  used: number;
  total: number;
  /** Memory V8 took from the system allocator (malloc) outside its heap: parser and compiler zones. */
  malloced: number;
}

export interface WorkerReply {
  reply: CleanReply | null;
  heap: ThreadHeap;
}

function heap(): ThreadHeap {
  const stats = getHeapStatistics();
  return { threadId, used: stats.used_heap_size, total: stats.total_heap_size, malloced: stats.malloced_memory };
}

export default async function run(task: CleanTask | WarmUpTask): Promise<WorkerReply> {
  const reply = 'warmUp' in task ? (await warmCleaner(), null) : await cleanTaskReply(task);
  return { reply, heap: heap() };
}
