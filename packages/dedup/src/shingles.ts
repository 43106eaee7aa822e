import { normalizeText } from '@corpuskit/document';

import { fmix32, hashCodeUnits, mixBlock, seedSequence } from './hash.js';

/**
 * Shingles are runs of `size` consecutive words of the normalised text (`normalizeText` from
 * `@corpuskit/document`). Each word is hashed once into two 32-bit lanes (FNV-1a over its
 * UTF-16 code units through the MurmurHash3 finaliser; MurmurHash3 with another seed); a shingle's 64-bit hash is (low) a rolling
 * polynomial of its words' first-lane hashes through the MurmurHash3 finaliser and (high)
 * MurmurHash3 over their second-lane hashes. A text shorter than one
 * shingle is one shingle of all its words; an empty text has none.
 */
export interface ShingleHashes {
  /** Low 32 bits of each shingle's hash (signed int32), `count` of them. */
  lo: Int32Array;
  /** High 32 bits of each shingle's hash. */
  hi: Int32Array;
  count: number;
}

/** Odd multiplier of the rolling low-lane polynomial. */
const ROLL = 0x01000193;
const FNV_PRIME = 0x01000193;

/** Lane seeds derived from the user seed: word lanes A and B, shingle lanes A and B. */
export function laneSeeds(seed: number): Int32Array {
  return seedSequence(seed ^ 0x5bd1e995, 4);
}

/** Growable scratch space, reused across documents by one hasher. */
export class ShingleScratch {
  wordA = new Int32Array(1024);
  wordB = new Int32Array(1024);
  wordStart = new Int32Array(1025);
  lo = new Int32Array(1024);
  hi = new Int32Array(1024);

  ensure(words: number): void {
    if (words <= this.wordA.length) return;
    let size = this.wordA.length;
    while (size < words) size *= 2;
    this.wordA = new Int32Array(size);
    this.wordB = new Int32Array(size);
    this.wordStart = new Int32Array(size + 1);
    this.lo = new Int32Array(size);
    this.hi = new Int32Array(size);
  }
}

/**
 * Hash the shingles of already-normalised text (words separated by single spaces, as
 * `normalizeText` leaves them) into `scratch`. Returns the number of shingles. Without
 * `highLane` only the low 32 bits are computed (all MinHash needs).
 */
export function hashShingles(
  normalized: string,
  size: number,
  seeds: Int32Array,
  scratch: ShingleScratch,
  highLane = true,
): number {
  const length = normalized.length;
  if (length === 0) return 0;
  scratch.ensure((length >>> 1) + 2);
  const wordSeedA = seeds[0]!;
  const wordSeedB = seeds[1]!;
  const { wordA, wordB, wordStart } = scratch;
  // First lane: FNV-1a over the code units, inline, then the MurmurHash3 finaliser.
  let words = 0;
  let start = 0;
  let h = wordSeedA;
  for (let i = 0; i < length; i++) {
    const c = normalized.charCodeAt(i);
    if (c === 32) {
      if (i > start) {
        wordStart[words] = start;
        wordA[words++] = fmix32(h ^ (i - start));
      }
      h = wordSeedA;
      start = i + 1;
    } else {
      h = Math.imul(h ^ c, FNV_PRIME);
    }
  }
  if (length > start) {
    wordStart[words] = start;
    wordA[words++] = fmix32(h ^ (length - start));
  }
  wordStart[words] = length + 1;
  // Second lane (verification only): MurmurHash3 over the code units.
  if (highLane) {
    for (let w = 0; w < words; w++) {
      wordB[w] = hashCodeUnits(normalized, wordStart[w]!, wordStart[w + 1]! - 1, wordSeedB);
    }
  }
  if (words === 0) return 0;
  const width = words < size ? words : size;
  const count = words - width + 1;
  const shingleSeedA = seeds[2]!;
  const shingleSeedB = seeds[3]!;
  const { lo, hi } = scratch;
  // Low lane: a rolling polynomial of the word hashes (O(1) per shingle), then the MurmurHash3
  // finaliser so the 32 bits MinHash permutes are well mixed.
  let top = 1;
  for (let j = 1; j < width; j++) top = Math.imul(top, ROLL);
  let poly = 0;
  for (let j = 0; j < width; j++) poly = (Math.imul(poly, ROLL) + wordA[j]!) | 0;
  lo[0] = fmix32(poly ^ shingleSeedA);
  for (let s = 1; s < count; s++) {
    poly = (Math.imul((poly - Math.imul(wordA[s - 1]!, top)) | 0, ROLL) + wordA[s + width - 1]!) | 0;
    lo[s] = fmix32(poly ^ shingleSeedA);
  }
  // High lane: MurmurHash3 over the words' second-lane hashes.
  if (highLane) {
    const tail = width * 4;
    for (let s = 0; s < count; s++) {
      let b = shingleSeedB;
      for (let j = 0; j < width; j++) b = mixBlock(b, wordB[s + j]!);
      hi[s] = fmix32(b ^ tail);
    }
  }
  return count;
}

/**
 * A document's shingle set for verification: the distinct 64-bit shingle hashes, truncated to
 * 53 bits so they are exact doubles, sorted. Two different shingles share a value with
 * probability about 2^-53 per pair, so Jaccard over these sets is the Jaccard of the shingle
 * sets for any practical purpose.
 */
export type ShingleSet = Float64Array;

const TWO_POW_32 = 4294967296;

export function shingleSetFromHashes(hashes: ShingleHashes): ShingleSet {
  const values = new Float64Array(hashes.count);
  for (let i = 0; i < hashes.count; i++) {
    values[i] = (hashes.hi[i]! >>> 11) * TWO_POW_32 + (hashes.lo[i]! >>> 0);
  }
  values.sort();
  let unique = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[unique - 1]) values[unique++] = values[i]!;
  }
  return values.slice(0, unique);
}

/** Shingle set of raw text (normalised here). */
export function shingleSet(text: string, size = 5, seed = 1): ShingleSet {
  return shingleSetOfNormalized(normalizeText(text), size, seed);
}

function shingleSetOfNormalized(normalized: string, size: number, seed: number): ShingleSet {
  const scratch = new ShingleScratch();
  const count = hashShingles(normalized, size, laneSeeds(seed), scratch);
  return shingleSetFromHashes({ lo: scratch.lo, hi: scratch.hi, count });
}

/**
 * Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets (sorted, distinct). Two empty
 * sets have similarity 0: nothing to compare is not a duplicate (exact fingerprints catch
 * identical empty texts).
 */
export function jaccard(a: ShingleSet, b: ShingleSet): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}
