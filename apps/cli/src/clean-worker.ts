// The worker-thread entry of the clean pool: tinypool calls the default export once per task,
// a page to clean or the warm-up the pool runs on each new thread before its first page.
import { cleanTaskReply, warmCleaner } from '@corpuskit/ingest/worker';
import type { CleanTask } from '@corpuskit/ingest';
import type { CleanReply } from '@corpuskit/ingest/worker';

export interface WarmUpTask {
  warmUp: true;
}

export default function run(task: CleanTask | WarmUpTask): Promise<CleanReply | number> {
  return 'warmUp' in task ? warmCleaner() : cleanTaskReply(task);
}
