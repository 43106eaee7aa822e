import { deflateRawSync } from 'node:zlib';

import type { SiteRules } from '@corpuskit/clean';
import { prepareDocument, resolveOptions } from '@corpuskit/dedup';
import type { PreparedDocument } from '@corpuskit/dedup';
import type { CleanDocument, ErrorKind } from '@corpuskit/document';
import { CorpusKitError, ERROR_KINDS, contentHash } from '@corpuskit/document';

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
  /** The corpus's own per-site rules (plain JSON, see `@corpuskit/clean`'s `SiteRules`). */
  siteRules?: SiteRules;
  /** Per-document time limit inside the cleaner, checked between its stages. */
  timeoutMs?: number;
  /** Largest input the cleaner accepts. */
  maxBytes?: number;
  /**
   * Also compress the raw bytes for the store (raw DEFLATE) in the thread that cleans, so the
   * one thread that stages does not have to. Off when the bytes are already compressed elsewhere.
   */
  deflateRaw?: boolean;
  /**
   * Also compute the page's dedup signature (`dedupSignature`) in the thread that cleans, so
   * staging only looks it up. Off where the staging thread is the cleaning thread anyway.
   */
  dedupSignature?: boolean;
}

/**
 * A page's dedup signature as the cleaning thread computes it: `prepareDocument` of its text
 * and fetch time with the default options (fingerprint, MinHash signature, shingle set), its
 * id left empty (the id is known only once the page is cleaned). Staging uses it when the
 * corpus's index has the same options (`key`), else it signs the text itself: the findings
 * are the same either way.
 */
export type DedupSignature = Omit<PreparedDocument, 'id'>;

/**
 * A cleaned page: the document, its content hash and, when asked for, the raw bytes
 * compressed for the store. Everything here is work done off the staging thread.
 */
export interface CleanedPage {
  document: CleanDocument;
  /** `contentHash(document)`. */
  contentHash: string;
  /** The raw bytes compressed with `zlib.deflateRawSync`, when the task asked for it. */
  rawDeflated?: Uint8Array;
  /** The dedup signature, when the task asked for it and the page was cleaned. */
  dedup?: DedupSignature;
}

/**
 * Cleans one page. The default runs `@corpuskit/clean` in this thread; the CLI passes one that
 * runs it in a worker pool. Must reject with a CorpusKitError naming the file on failure.
 */
export type CleanFn = (task: CleanTask) => Promise<CleanedPage>;

/** What a worker sends back: structured clone drops error classes, so errors travel as data. */
export type CleanReply = { ok: true; page: CleanedPage } | { ok: false; error: SerializedError };

/** An error as data, for workers and queues. */
export interface SerializedError {
  kind: ErrorKind;
  code: string;
  message: string;
  subject?: string;
  stack?: string;
}

/** Run `@corpuskit/clean` on a task (in whatever thread calls it), and hash (and compress) the result. */
export async function runCleanTask(task: CleanTask): Promise<CleanedPage> {
  const document = await cleanDocument(task);
  const page: CleanedPage = { document, contentHash: contentHash(document) };
  if (task.deflateRaw && document.status !== 'error') page.rawDeflated = deflateRawSync(task.bytes);
  if (task.dedupSignature && document.status !== 'error') {
    const signature = dedupSignatureOf(document);
    if (signature) page.dedup = signature;
  }
  return page;
}

/**
 * The dedup signature of a cleaned document (see `DedupSignature`), or undefined when it cannot
 * be made here (a fetch time that is not a date: staging reports that, naming the document).
 */
function dedupSignatureOf(document: CleanDocument): DedupSignature | undefined {
  try {
    const { id: _id, ...signature } = prepareDocument(
      { id: 'page', text: document.text, fetchedAt: document.provenance.fetchedAt },
      resolveOptions(),
      true,
    );
    return signature;
  } catch {
    return undefined;
  }
}

async function cleanDocument(task: CleanTask): Promise<CleanDocument> {
  const { clean } = await import('@corpuskit/clean');
  return clean(task.bytes, {
    url: task.url,
    fetchedAt: task.fetchedAt,
    ...(task.headers ? { headers: task.headers } : {}),
    source: task.source,
    repeatedLines: task.repeatedLines,
    ...(task.siteRules ? { siteRules: task.siteRules } : {}),
    ...(task.timeoutMs === undefined ? {} : { timeoutMs: task.timeoutMs }),
    ...(task.maxBytes === undefined ? {} : { maxBytes: task.maxBytes }),
  });
}

/** The worker side: clean, and turn any failure into data. */
export async function cleanTaskReply(task: CleanTask): Promise<CleanReply> {
  try {
    return { ok: true, page: await runCleanTask(task) };
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

/** A `SerializedError` back as a CorpusKitError. */
export function deserializeError(error: SerializedError): CorpusKitError {
  const kind = (ERROR_KINDS as readonly string[]).includes(error.kind) ? error.kind : 'internal';
  const out = new CorpusKitError(kind, error.code, error.message, { subject: error.subject });
  if (error.stack) out.stack = error.stack;
  return out;
}

const WARM_UP_PAGE = new TextEncoder().encode(
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warm-up</title></head><body><article><h1>Warm-up</h1>${'<p>A paragraph of an article that loads and exercises the cleaner once, before the first real page, so a new thread starts warm.</p>'.repeat(8)}</article></body></html>`,
);

/**
 * The page task a fresh worker thread (or process) runs once before its first real page, so that
 * it starts warm: a small article, with everything a page of a batch asks for (compressed raw
 * bytes, dedup signature). It goes through the same `cleanTaskReply` as every page, so the
 * warm-up and the real work cannot drift apart.
 */
export function warmUpTask(): CleanTask {
  return {
    bytes: WARM_UP_PAGE,
    source: 'warm-up.html',
    url: null,
    fetchedAt: null,
    headers: null,
    repeatedLines: {},
    deflateRaw: true,
    dedupSignature: true,
  };
}

/** The default CleanFn: the cleaner in this thread. */
export const cleanInProcess: CleanFn = (task) => runCleanTask(task);
