import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';

import type { CleanDocument, CorpusKitError } from '@corpuskit/document';
import { contentHash, hashValue, sha256 } from '@corpuskit/document';

import type { CleanReply, CleanTask, CleanedPage, SerializedError } from './clean-task.js';
import { deserializeError } from './clean-task.js';
import { ingestError } from './errors.js';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** Bumped when the job or result format changes meaning; workers refuse jobs of another format. */
const QUEUE_FORMAT = 1;

/** Default cap on a page's compressed bytes carried inside a job. */
const DEFAULT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

/**
 * Where a page's bytes are. `inline`: raw DEFLATE, base64, inside the job itself. A shared
 * object store would add `{ kind: 'object', url, sha256, bytes }`: the job stays small and the
 * worker fetches the bytes; nothing else in the job changes.
 */
type PagePayload = {
  kind: 'inline';
  /** Raw DEFLATE of the page bytes, base64. */
  deflated: string;
  /** SHA-256 of the (uncompressed) page bytes, checked by the worker. */
  sha256: string;
  /** Uncompressed length. */
  bytes: number;
};

/**
 * One page to clean, as it travels on the queue (JSON). Everything `clean` needs except the
 * bytes is in `options`, which is hashed into the job key with the raw bytes' hash and the
 * cleaner's identity: the same page with the same options is the same job, so a job retried,
 * enqueued twice or enqueued again by a re-run is cleaned once and gives the same document.
 */
export interface QueueJob {
  format: number;
  /** `<sha256 of the raw bytes>.<hash of the options and cleaner>`. */
  key: string;
  /** The cleaner the result must come from (`version+rulePackHash`); a worker with another refuses the job. */
  cleaner: string;
  options: Omit<CleanTask, 'bytes' | 'timeoutMs' | 'deflateRaw' | 'dedupSignature'>;
  /** The per-page time limit: how long the worker may take, not part of the key. */
  timeoutMs?: number;
  payload: PagePayload;
}

/** A job's result as stored on the queue: the worker's reply, JSON, raw DEFLATE, base64. */
export interface QueueResult {
  format: number;
  key: string;
  /** Raw DEFLATE of the JSON `CleanReply`, base64. */
  reply: string;
}

/** A job ready to be enqueued, with what the coordinator keeps for staging. */
export interface EncodedJob {
  job: QueueJob;
  /** The raw bytes compressed (the payload's bytes), reused as the store's compressed raw object. */
  rawDeflated: Uint8Array;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 1)} MiB`;

/** The job key of a task for a cleaner: same bytes, options and cleaner, same key. */
export function jobKey(task: CleanTask, cleaner: string): string {
  return `${sha256(task.bytes)}.${optionsHash(task, cleaner)}`;
}

/** Everything that shapes the cleaned document except the bytes (so also any option added to `CleanTask` later). */
function optionsOf(task: CleanTask): QueueJob['options'] {
  const {
    bytes: _bytes,
    timeoutMs: _timeoutMs,
    deflateRaw: _deflateRaw,
    dedupSignature: _dedupSignature,
    ...options
  } = task;
  return options;
}

/** The cleaner's identity, `version+rule-pack-hash`: a job is only cleaned by the cleaner it was made for. */
export async function cleanerIdentity(): Promise<string> {
  const { CLEANER_VERSION, RULE_PACK_HASH } = await import('@corpuskit/clean');
  return `${CLEANER_VERSION}+${RULE_PACK_HASH.slice(0, 16)}`;
}

function optionsHash(task: CleanTask, cleaner: string): string {
  return hashValue({ format: QUEUE_FORMAT, cleaner, options: optionsOf(task) }).slice(0, 32);
}

/**
 * Encode a task as a queue job: the bytes compressed into the job, refused with an error
 * naming the file when the compressed page is over `maxPayloadBytes`.
 */
export async function encodeJob(
  task: CleanTask,
  cleaner: string,
  maxPayloadBytes: number = DEFAULT_MAX_PAYLOAD_BYTES,
): Promise<EncodedJob> {
  const rawSha = sha256(task.bytes);
  const deflated = await deflate(task.bytes);
  if (deflated.length > maxPayloadBytes) {
    throw ingestError(
      'ingest.payload-too-large',
      `the page is ${mib(deflated.length)} compressed, over the queue's ${mib(maxPayloadBytes)} limit per page (raise it with --max-payload, or ingest this file without --redis)`,
      { subject: task.source },
    );
  }
  const job: QueueJob = {
    format: QUEUE_FORMAT,
    key: `${rawSha}.${optionsHash(task, cleaner)}`,
    cleaner,
    options: optionsOf(task),
    ...(task.timeoutMs === undefined ? {} : { timeoutMs: task.timeoutMs }),
    payload: { kind: 'inline', deflated: deflated.toString('base64'), sha256: rawSha, bytes: task.bytes.length },
  };
  return { job, rawDeflated: deflated };
}

type JobErrorCode = 'queue-format' | 'cleaner-mismatch' | 'payload-kind' | 'payload-corrupt' | 'queue-result';

function jobError(code: JobErrorCode, message: string, subject: string): CorpusKitError {
  return ingestError(`ingest.${code}`, message, { subject });
}

/** The worker side: a job back into a task, its bytes checked against their hash. */
export async function decodeJob(job: QueueJob, cleaner: string): Promise<CleanTask> {
  const subject = typeof job?.options?.source === 'string' ? job.options.source : String(job?.key);
  if (job?.format !== QUEUE_FORMAT) {
    throw jobError(
      'queue-format',
      `the job has queue format ${String(job?.format)}, this worker reads format ${QUEUE_FORMAT}: run the same corpuskit version on the workers and the coordinator`,
      subject,
    );
  }
  if (job.cleaner !== cleaner) {
    throw jobError(
      'cleaner-mismatch',
      `the job asks for cleaner ${job.cleaner}, this worker has ${cleaner}: run the same corpuskit version on the workers and the coordinator`,
      subject,
    );
  }
  if (job.payload?.kind !== 'inline') {
    throw jobError(
      'payload-kind',
      `this worker cannot fetch a page payload of kind ${String(job.payload?.kind)}`,
      subject,
    );
  }
  const bytes = new Uint8Array(await inflate(Buffer.from(job.payload.deflated, 'base64')));
  if (bytes.length !== job.payload.bytes || sha256(bytes) !== job.payload.sha256) {
    throw jobError('payload-corrupt', 'the page bytes in the job do not match their hash', subject);
  }
  return {
    ...job.options,
    bytes,
    ...(job.timeoutMs === undefined ? {} : { timeoutMs: job.timeoutMs }),
  };
}

/** The worker side: its reply as a queue result. */
export async function encodeResult(key: string, reply: CleanReply): Promise<QueueResult> {
  const json = reply.ok
    ? JSON.stringify({ ok: true, document: reply.page.document })
    : JSON.stringify({ ok: false, error: reply.error });
  return { format: QUEUE_FORMAT, key, reply: (await deflate(Buffer.from(json, 'utf8'))).toString('base64') };
}

/**
 * The coordinator side: a queue result back into a cleaned page (its content hash recomputed
 * here, so nothing a worker claims is trusted), or the page's error thrown.
 */
export async function decodeResult(result: QueueResult, encoded: EncodedJob): Promise<CleanedPage> {
  const subject = encoded.job.options.source;
  if (result?.format !== QUEUE_FORMAT || result.key !== encoded.job.key || typeof result.reply !== 'string') {
    throw jobError(
      'queue-result',
      `the worker's result for job ${encoded.job.key} is not in queue format ${QUEUE_FORMAT}`,
      subject,
    );
  }
  const json = (await inflate(Buffer.from(result.reply, 'base64'))).toString('utf8');
  const reply = JSON.parse(json) as { ok: true; document: CleanDocument } | { ok: false; error: SerializedError };
  if (!reply.ok) throw deserializeError({ ...reply.error, subject: reply.error.subject ?? subject });
  const { document } = reply;
  if (document.provenance.rawSha256 !== encoded.job.payload.sha256) {
    throw jobError(
      'queue-result',
      `the worker's document is for other bytes (${document.provenance.rawSha256.slice(0, 12)})`,
      subject,
    );
  }
  return { document, contentHash: contentHash(document), rawDeflated: encoded.rawDeflated };
}
