// The worker-thread entry of the clean pool: tinypool calls the default export once per task,
// a page to clean for ingest, a page to clean for `corpuskit clean` (a document task), or the
// warm-up the pool runs on each new thread before its first page.
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

import type { CleanOptions } from '@corpuskit/clean';
import type { CleanDocument } from '@corpuskit/document';
import { cleanTaskReply, serializeError, warmUpTask } from '@corpuskit/ingest/worker';
import type { CleanTask } from '@corpuskit/ingest';
import type { CleanReply, SerializedError } from '@corpuskit/ingest/worker';

import { cleanFile } from './clean-file.js';

export interface WarmUpTask {
  warmUp: true;
}

/** `corpuskit clean`: one file to read and clean (`stdin`: the bytes of `-`), answered with the document. */
export interface DocumentRequest {
  file: string;
  cwd: string;
  options: CleanOptions;
  stdin?: Uint8Array;
}

export interface DocumentTask extends DocumentRequest {
  document: true;
}

export type DocumentReply = { ok: true; document: CleanDocument } | { ok: false; error: SerializedError };

/** A cleaning thread's V8 heap after a task, in bytes (what `ingest --verbose` reports). */
export interface ThreadHeap {
  threadId: number;
  used: number;
  total: number;
  /** Memory V8 took from the system allocator (malloc) outside its heap: parser and compiler zones. */
  malloced: number;
}

export interface WorkerReply {
  reply: CleanReply | DocumentReply | null;
  heap: ThreadHeap;
}

function heap(): ThreadHeap {
  const stats = getHeapStatistics();
  return { threadId, used: stats.used_heap_size, total: stats.total_heap_size, malloced: stats.malloced_memory };
}

async function documentReply(task: DocumentTask): Promise<DocumentReply> {
  try {
    return { ok: true, document: await cleanFile(task.file, task.options, task.cwd, task.stdin) };
  } catch (error) {
    return { ok: false, error: serializeError(error, task.file) };
  }
}

/**
 * A page task as the pool sends it: `started` hears once the thread has loaded the cleaner and
 * begins the page; with `warm`, a thread that has not cleaned anything yet with the page's engine
 * (a fresh thread, one that replaced a stopped one) cleans a small page first, before the page's
 * clock starts, and says how long that took.
 */
export type Started<T> = T & { started?: MessagePort; warm?: boolean };

/** What a page task's `started` port hears: the warm-up's milliseconds, or null when there was none. */
export interface StartedMessage {
  warmUpMs: number | null;
}

type Engine = NonNullable<CleanOptions['engine']>;

/**
 * The task a thread warms up through: a batch's page task (`'page'`), or a document task of
 * `corpuskit clean` with its engine (`'default'`: no --engine, the cleaner's own default).
 */
export type WarmUpFor = 'page' | `document:${Engine | 'default'}`;

/** The tasks this thread has run (a warm-up or a page): their first-use costs are paid. */
const warmTasks = new Map<WarmUpFor, Promise<number | null>>();

/** What `task` warms up through: the kind of task it is, and a document task's engine. */
function warmUpFor(task: CleanTask | DocumentTask | WarmUpTask): WarmUpFor {
  return 'document' in task ? `document:${task.options.engine ?? 'default'}` : 'page';
}

/**
 * Warm this thread up through the task its pages take: the page task of a batch, or a document
 * task of `corpuskit clean` with that engine (none: the cleaner's default), given the warm-up page
 * as its standard input. Resolves to the milliseconds it took and the task's reply.
 */
export async function warmUpReply(kind: WarmUpFor): Promise<{ ms: number; reply: CleanReply | DocumentReply }> {
  const started = performance.now();
  const task = warmUpTask();
  const engine = kind === 'page' ? undefined : (kind.slice('document:'.length) as Engine | 'default');
  const reply =
    engine === undefined
      ? await cleanTaskReply(task)
      : await documentReply({
          document: true,
          file: '-',
          stdin: task.bytes,
          cwd: process.cwd(),
          options: engine === 'default' ? {} : { engine },
        });
  return { ms: performance.now() - started, reply };
}

/** Warm up once per kind of task; a failure is left to the page, which meets the same cause. */
function warmUp(kind: WarmUpFor): Promise<number | null> {
  let warming = warmTasks.get(kind);
  if (!warming) {
    warming = warmUpReply(kind).then(
      ({ ms, reply }) => (reply.ok ? ms : null),
      () => null,
    );
    warmTasks.set(kind, warming);
  }
  return warming;
}

export default async function run(task: Started<CleanTask> | Started<DocumentTask> | WarmUpTask): Promise<WorkerReply> {
  const kind = warmUpFor(task);
  if ('started' in task && task.started) {
    // The page's clock starts here, as clean()'s own does: not while this thread loads the cleaner.
    await import('@corpuskit/clean');
    // A document task reads and unpacks its file with the package's main entry; a page task
    // needs only the worker entry imported above.
    if ('document' in task) await import('@corpuskit/ingest');
    const warmUpMs = task.warm && !warmTasks.has(kind) ? await warmUp(kind) : null;
    task.started.postMessage({ warmUpMs } satisfies StartedMessage);
    task.started.close();
    delete task.started;
  }
  const reply =
    'warmUp' in task
      ? (await warmUp('page'), null)
      : 'document' in task
        ? await documentReply(task)
        : await cleanTaskReply(task);
  if (!warmTasks.has(kind)) warmTasks.set(kind, Promise.resolve(null));
  return { reply, heap: heap() };
}
