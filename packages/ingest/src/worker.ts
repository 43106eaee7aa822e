/*
 * `@corpuskit/ingest/worker`: the protocol between the corpuskit CLI and the processes that
 * clean for it (its worker threads, `corpuskit worker` on other machines). Internal: it changes
 * with the CLI, whose version always matches this package's; nothing here is covered by the
 * package's compatibility promise. A program that ingests pages needs only the main entry
 * (`ingest` with its `cleanFn` option).
 */
export { cleanTaskReply, serializeError, warmUpTask } from './clean-task.js';
export type { CleanReply, SerializedError } from './clean-task.js';
export { cleanerIdentity, decodeJob, decodeResult, encodeJob, encodeResult, jobKey } from './queue-job.js';
export type { EncodedJob, QueueJob, QueueResult } from './queue-job.js';
