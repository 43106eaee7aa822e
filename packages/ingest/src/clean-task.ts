import type { CleanDocument, ErrorKind } from '@corpuskit/document';
import { CorpusKitError, ERROR_KINDS } from '@corpuskit/document';

/** One page to clean: everything `clean` needs, as plain data that can cross to a worker thread. */
export interface CleanTask {
  bytes: Uint8Array;
  /** The path as given, for provenance and messages. */
  source: string;
  url: string | null;
  fetchedAt: string | null;
  headers: Record<string, string> | null;
  /** Lines this page's site repeats on many pages (normalised line -> pages), from the corpus's table. */
  repeatedLines: Record<string, number>;
  /** Per-document time limit inside the cleaner, checked between its stages. */
  timeoutMs?: number;
  /** Largest input the cleaner accepts. */
  maxBytes?: number;
}

/**
 * Cleans one page. The default runs `@corpuskit/clean` in this thread; the CLI passes one that
 * runs it in a worker pool. Must reject with a CorpusKitError naming the file on failure.
 */
export type CleanFn = (task: CleanTask) => Promise<CleanDocument>;

/** What a worker sends back: structured clone drops error classes, so errors travel as data. */
export type CleanReply = { ok: true; document: CleanDocument } | { ok: false; error: SerializedError };

export interface SerializedError {
  kind: ErrorKind;
  code: string;
  message: string;
  subject?: string;
  stack?: string;
}

/** Run `@corpuskit/clean` on a task (in whatever thread calls it). */
export async function runCleanTask(task: CleanTask): Promise<CleanDocument> {
  const { clean } = await import('@corpuskit/clean');
  return clean(task.bytes, {
    url: task.url,
    fetchedAt: task.fetchedAt,
    ...(task.headers ? { headers: task.headers } : {}),
    source: task.source,
    repeatedLines: task.repeatedLines,
    ...(task.timeoutMs === undefined ? {} : { timeoutMs: task.timeoutMs }),
    ...(task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes }),
  });
}

/** The worker side: clean, and turn any failure into data. */
export async function cleanTaskReply(task: CleanTask): Promise<CleanReply> {
  try {
    return { ok: true, document: await runCleanTask(task) };
  } catch (error) {
    return { ok: false, error: serializeError(error, task.source) };
  }
}

export function serializeError(error: unknown, subject: string): SerializedError {
  if (error instanceof CorpusKitError) {
    return {
      kind: error.kind,
      code: error.code,
      message: error.message,
      subject: error.subject ?? subject,
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    code: 'ingest.clean-failed',
    message: `the cleaner failed: ${message}`,
    subject,
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  };
}

export function deserializeError(error: SerializedError): CorpusKitError {
  const kind = (ERROR_KINDS as readonly string[]).includes(error.kind) ? error.kind : 'internal';
  const out = new CorpusKitError(kind, error.code, error.message, { subject: error.subject });
  if (error.stack) out.stack = error.stack;
  return out;
}

/** The default CleanFn: the cleaner in this thread. */
export const cleanInProcess: CleanFn = runCleanTask;
