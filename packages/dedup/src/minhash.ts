import { normalizeText } from '@corpuskit/document';

import { fmix32, seedSequence } from './hash.js';
import { DEFAULT_OPTIONS } from './options.js';
import type { DedupOptions } from './options.js';
import { ShingleScratch, hashShingles, laneSeeds, shingleSetFromHashes } from './shingles.js';
import type { ShingleSet } from './shingles.js';

/**
 * A MinHash signature: for each permutation, the minimum over the document's shingles of that
 * permutation's 32-bit hash, compared as signed integers (any fixed total order is as good as
 * another). An empty document's signature is all `0x7fffffff` and is never banded.
 */
export type Signature = Int32Array;

export const EMPTY_SLOT = 0x7fffffff;

/**
 * Computes signatures for one set of options. Permutation `i` maps a shingle's well-mixed
 * 32-bit hash `x` (the low half of its 64-bit MurmurHash3-based hash) to `a[i] * x + b[i]
 * mod 2^32` with `a[i]` odd (a bijection), `a` and `b` drawn from the seed: two integer
 * operations per shingle and permutation, no float rounding. On hashed input this family gives
 * estimates with the binomial error `sqrt(J(1-J)/k)` MinHash theory predicts (see the tests
 * and `bench/quality.mjs`); the bench compares it with a per-permutation string-hash baseline.
 * Not safe to share between concurrent callers (it reuses scratch buffers); cheap to create.
 */
export class MinHasher {
  readonly options: DedupOptions;
  readonly seeds: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly scratch = new ShingleScratch();

  constructor(options: DedupOptions = DEFAULT_OPTIONS) {
    this.options = options;
    this.seeds = laneSeeds(options.seed);
    const constants = seedSequence(options.seed ^ 0x2545f491, options.permutations * 2);
    this.a = constants.subarray(0, options.permutations);
    this.b = constants.subarray(options.permutations);
    for (let i = 0; i < this.a.length; i++) this.a[i] = this.a[i]! | 1;
  }

  /** Signature of raw text (normalised here). */
  signature(text: string): Signature {
    return this.signatureOfNormalized(normalizeText(text));
  }

  /** Signature of text already normalised with `normalizeText`. */
  signatureOfNormalized(normalized: string): Signature {
    const count = hashShingles(normalized, this.options.shingleSize, this.seeds, this.scratch, false);
    return this.signatureOfHashes(this.scratch.lo, count);
  }

  /** Signature and verification shingle set together (one shingling pass). */
  analyzeNormalized(normalized: string): { signature: Signature; shingles: ShingleSet } {
    const count = hashShingles(normalized, this.options.shingleSize, this.seeds, this.scratch);
    const signature = this.signatureOfHashes(this.scratch.lo, count);
    const shingles = shingleSetFromHashes({ lo: this.scratch.lo, hi: this.scratch.hi, count });
    return { signature, shingles };
  }

  /** Shingle set of normalised text, with this hasher's shingle size and seed. */
  shingleSetOfNormalized(normalized: string): ShingleSet {
    const count = hashShingles(normalized, this.options.shingleSize, this.seeds, this.scratch);
    return shingleSetFromHashes({ lo: this.scratch.lo, hi: this.scratch.hi, count });
  }

  private signatureOfHashes(lo: Int32Array, count: number): Signature {
    const k = this.options.permutations;
    const signature = new Int32Array(k);
    const a = this.a;
    const b = this.b;
    let p = 0;
    // Four permutations per pass over the shingles: four minima stay in registers and each
    // shingle hash is loaded once per four permutations (about 3x faster in V8 than one at a time).
    for (; p + 4 <= k; p += 4) {
      const a0 = a[p]!;
      const a1 = a[p + 1]!;
      const a2 = a[p + 2]!;
      const a3 = a[p + 3]!;
      const b0 = b[p]!;
      const b1 = b[p + 1]!;
      const b2 = b[p + 2]!;
      const b3 = b[p + 3]!;
      let m0 = EMPTY_SLOT;
      let m1 = EMPTY_SLOT;
      let m2 = EMPTY_SLOT;
      let m3 = EMPTY_SLOT;
      for (let s = 0; s < count; s++) {
        const x = lo[s]!;
        const h0 = (Math.imul(x, a0) + b0) | 0;
        const h1 = (Math.imul(x, a1) + b1) | 0;
        const h2 = (Math.imul(x, a2) + b2) | 0;
        const h3 = (Math.imul(x, a3) + b3) | 0;
        if (h0 < m0) m0 = h0;
        if (h1 < m1) m1 = h1;
        if (h2 < m2) m2 = h2;
        if (h3 < m3) m3 = h3;
      }
      signature[p] = m0;
      signature[p + 1] = m1;
      signature[p + 2] = m2;
      signature[p + 3] = m3;
    }
    for (; p < k; p++) {
      const ap = a[p]!;
      const bp = b[p]!;
      let min = EMPTY_SLOT;
      for (let s = 0; s < count; s++) {
        const h = (Math.imul(lo[s]!, ap) + bp) | 0;
        if (h < min) min = h;
      }
      signature[p] = min;
    }
    return signature;
  }
}

/** Fraction of equal slots: the MinHash estimate of Jaccard similarity. */
export function estimateSimilarity(a: Signature, b: Signature): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** 32-bit key of band `band` (rows `band*rows .. band*rows+rows-1`) of a signature. */
export function bandKey(signature: Signature, band: number, rows: number): number {
  let h = band * 0x27d4eb2f;
  const start = band * rows;
  for (let r = 0; r < rows; r++) {
    h = Math.imul(h ^ signature[start + r]!, 0x9e3779b1);
    h = (h << 13) | (h >>> 19);
  }
  return fmix32(h ^ rows);
}

/** True when the signature came from a document with no shingles. */
export function isEmptySignature(signature: Signature): boolean {
  for (let i = 0; i < signature.length; i++) if (signature[i] !== EMPTY_SLOT) return false;
  return true;
}
