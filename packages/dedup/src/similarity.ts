import { resolveOptions } from './options.js';
import type { DedupOptionsInput } from './options.js';
import { jaccard, shingleSet } from './shingles.js';

/**
 * The similarity of two texts, the one number corpuskit shows as "similarity" (at ingest, in
 * dedup findings, in `diff`, in the review app): the Jaccard similarity of their sets of
 * k-word shingles (k = 5 by default) after text normalisation, that is the share of distinct
 * 5-word sequences the two texts have in common. It is what near-duplicate findings are
 * verified with, so a finding and a comparison of the same pair show the same number.
 * Identical texts are 1 (even empty ones); a text too short for one shingle against another is 0.
 */
export function textSimilarity(a: string, b: string, options: DedupOptionsInput = {}): number {
  if (a === b) return 1;
  const { shingleSize, seed } = resolveOptions(options);
  return jaccard(shingleSet(a, shingleSize, seed), shingleSet(b, shingleSize, seed));
}

/** What `textSimilarity` measures, in words, for labels beside the number. */
export function similarityMeasure(shingleSize = 5): string {
  return `shared ${shingleSize}-word sequences, Jaccard`;
}

/** A similarity for people: `93.4% similar (shared 5-word sequences, Jaccard)`. */
export function describeSimilarity(similarity: number, shingleSize = 5): string {
  return `${formatSimilarity(similarity)} similar (${similarityMeasure(shingleSize)})`;
}

/** One decimal place, never rounding a near-copy up to 100%. */
export function formatSimilarity(similarity: number): string {
  const percent = Math.floor(similarity * 1000) / 10;
  return `${percent.toFixed(1)}%`;
}
