import { seededRandom } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { MinHasher, bandKey, estimateSimilarity, isEmptySignature } from './minhash.js';
import { resolveOptions } from './options.js';
import { candidateProbability } from './s-curve.js';
import { jaccard, shingleSet } from './shingles.js';

/** Deterministic pseudo-random words: texts with controlled overlap and no real data. */
function generator(seed: number): { word: () => string; int: (n: number) => number } {
  const next = seededRandom(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'dan', 'gor', 'hul', 'bri', 'ast', 'en'];
  return {
    int: (n) => Math.floor(next() * n),
    word: () => {
      let w = '';
      const length = 1 + Math.floor(next() * 3);
      for (let i = 0; i < length; i++) w += syllables[Math.floor(next() * syllables.length)];
      return w;
    },
  };
}

function words(seed: number, count: number): string[] {
  const g = generator(seed);
  return Array.from({ length: count }, () => g.word());
}

/** A variant of `base` with about `share` of its words replaced by unrelated words. */
function mutate(base: string[], share: number, seed: number): string[] {
  const g = generator(seed);
  return base.map((word) => (g.int(1000) < share * 1000 ? `${g.word()}x` : word));
}

describe('MinHasher', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const text = words(1, 300).join(' ');
    const a = new MinHasher(resolveOptions()).signature(text);
    const b = new MinHasher(resolveOptions()).signature(text);
    const c = new MinHasher(resolveOptions({ seed: 2 })).signature(text);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(estimateSimilarity(a, c)).toBeLessThan(0.2);
    expect(a.length).toBe(112);
  });

  it('ignores case, spacing and punctuation (signatures of normalised text)', () => {
    const hasher = new MinHasher(resolveOptions());
    const text = words(3, 200).join(' ');
    const loud = `  ${text.toUpperCase().split(' ').join(' ,\n\t ')}!`;
    expect(Array.from(hasher.signature(loud))).toEqual(Array.from(hasher.signature(text)));
  });

  it('gives an all-empty signature for a text with no words', () => {
    const hasher = new MinHasher(resolveOptions());
    expect(isEmptySignature(hasher.signature(' ... '))).toBe(true);
    expect(isEmptySignature(hasher.signature('one'))).toBe(false);
  });

  it('estimates Jaccard with the binomial error MinHash theory predicts', () => {
    const options = resolveOptions({ permutations: 128, bands: 16, rows: 8 });
    const hasher = new MinHasher(options);
    let squaredError = 0;
    let theory = 0;
    const pairs = 60;
    for (let i = 0; i < pairs; i++) {
      const base = words(100 + i, 400);
      const variant = mutate(base, 0.01 + (i % 6) * 0.02, 900 + i);
      const truth = jaccard(shingleSet(base.join(' ')), shingleSet(variant.join(' ')));
      const estimate = estimateSimilarity(hasher.signature(base.join(' ')), hasher.signature(variant.join(' ')));
      squaredError += (estimate - truth) ** 2;
      theory += (truth * (1 - truth)) / options.permutations;
    }
    // Root mean square error within 1.5x of sqrt(J(1-J)/k) averaged over the pairs.
    expect(Math.sqrt(squaredError / pairs)).toBeLessThan(1.5 * Math.sqrt(theory / pairs));
  });

  it('default banding makes pairs at Jaccard about 0.8 candidates at the rate the S-curve predicts', () => {
    const options = resolveOptions();
    const hasher = new MinHasher(options);
    let caught = 0;
    let predicted = 0;
    let meanTruth = 0;
    const pairs = 200;
    for (let i = 0; i < pairs; i++) {
      const base = words(5000 + i, 250);
      // Replacing ~2.3% of words keeps ~89% of 5-word shingles: Jaccard about 0.8.
      const variant = mutate(base, 0.023, 7000 + i);
      const truth = jaccard(shingleSet(base.join(' ')), shingleSet(variant.join(' ')));
      predicted += candidateProbability(truth, options.bands, options.rows);
      meanTruth += truth / pairs;
      const a = hasher.signature(base.join(' '));
      const b = hasher.signature(variant.join(' '));
      let shared = false;
      for (let band = 0; band < options.bands && !shared; band++) {
        shared = bandKey(a, band, options.rows) === bandKey(b, band, options.rows);
      }
      if (shared) caught++;
    }
    expect(meanTruth).toBeGreaterThan(0.77);
    expect(meanTruth).toBeLessThan(0.83);
    expect(caught / pairs).toBeGreaterThan(predicted / pairs - 0.05);
    expect(caught / pairs).toBeGreaterThanOrEqual(0.9);
  });
});
