import { normalizeText } from '@corpuskit/document';

import { dedupError } from './errors.js';
import { fingerprintOfNormalized } from './fingerprint.js';
import { MinHasher } from './minhash.js';
import type { Signature } from './minhash.js';
import { resolveOptions } from './options.js';
import type { DedupOptions } from './options.js';
import type { ShingleSet } from './shingles.js';

/** A document as dedup sees it: an id (document id or source path), its text, its fetch time. */
export interface DedupDocument {
  id: string;
  text: string;
  /** ISO 8601 fetch time (or epoch milliseconds, or a Date), when known: the earliest copy represents a cluster. */
  fetchedAt?: string | number | Date | null;
}

/**
 * What dedup keeps of a document: its exact fingerprint, MinHash signature and, for ranking
 * cluster representatives, the length of its normalised text and its fetch time. Plain data
 * (strings, numbers, typed arrays), so it can be computed in a worker and posted back.
 */
export interface PreparedDocument {
  id: string;
  fingerprint: string;
  signature: Signature;
  /** Characters of the normalised text (0 for a text with no words). */
  length: number;
  /** Fetch time in epoch milliseconds, or null. */
  fetchedAt: number | null;
  /** The signature options' key (see `signatureKey`), so mixing option sets is caught. */
  key: string;
  /** Verification shingle set, when asked for. */
  shingles?: ShingleSet;
}

/** A stable string of the options that shape signatures (not the threshold). */
export function signatureKey(options: DedupOptions): string {
  return `p${options.permutations}.b${options.bands}.r${options.rows}.k${options.shingleSize}.s${options.seed}`;
}

const hashers = new Map<string, MinHasher>();

/** A cached hasher per signature options (hashers reuse scratch buffers; JavaScript is single-threaded). */
export function hasherFor(options: DedupOptions): MinHasher {
  const key = signatureKey(options);
  let hasher = hashers.get(key);
  if (!hasher) {
    hasher = new MinHasher(options);
    if (hashers.size > 16) hashers.clear();
    hashers.set(key, hasher);
  }
  return hasher;
}

/** Epoch milliseconds of a fetch time, or null; throws `dedup.bad-input` naming the document when it is not a date. */
function fetchTimeOf(value: DedupDocument['fetchedAt'], id: string): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    throw dedupError('dedup.bad-input', `fetchedAt is not a date (got ${JSON.stringify(String(value))})`, {
      subject: id,
    });
  }
  return ms;
}

function checkDocument(document: DedupDocument): void {
  if (!document || typeof document.id !== 'string' || document.id === '') {
    throw dedupError('dedup.bad-input', 'a document needs a non-empty string id');
  }
  if (typeof document.text !== 'string') {
    throw dedupError('dedup.bad-input', `text must be a string (got ${typeof document.text})`, {
      subject: document.id,
    });
  }
}

/**
 * Normalise, fingerprint and sign a document (and keep its shingle set when `withShingles`).
 * Options default to the `default` preset.
 */
export function prepareDocument(
  document: DedupDocument,
  options: DedupOptions = resolveOptions(),
  withShingles = false,
): PreparedDocument {
  checkDocument(document);
  const fetchedAt = fetchTimeOf(document.fetchedAt, document.id);
  const normalized = normalizeText(document.text);
  const hasher = hasherFor(options);
  const prepared: PreparedDocument = {
    id: document.id,
    fingerprint: fingerprintOfNormalized(normalized),
    signature: new Int32Array(0),
    length: normalized.length,
    fetchedAt,
    key: signatureKey(options),
  };
  if (withShingles) {
    const { signature, shingles } = hasher.analyzeNormalized(normalized);
    prepared.signature = signature;
    prepared.shingles = shingles;
  } else {
    prepared.signature = hasher.signatureOfNormalized(normalized);
  }
  return prepared;
}

/**
 * Order for cluster representatives: earliest fetch time first (unknown last), then the
 * longest normalised text, then the smaller id (code-unit order).
 */
export function compareRepresentative(
  a: Pick<PreparedDocument, 'id' | 'length' | 'fetchedAt'>,
  b: Pick<PreparedDocument, 'id' | 'length' | 'fetchedAt'>,
): number {
  if (a.fetchedAt !== b.fetchedAt) {
    if (a.fetchedAt === null) return 1;
    if (b.fetchedAt === null) return -1;
    return a.fetchedAt - b.fetchedAt;
  }
  if (a.length !== b.length) return b.length - a.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
