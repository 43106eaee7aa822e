import { describe, expect, it } from 'vitest';

import { CorpusKitError } from '@corpuskit/document';

import { resolveOptions } from './options.js';

describe('resolveOptions', () => {
  it('defaults to 112 permutations as 16 x 7 over 5-word shingles, threshold 0.8', () => {
    expect(resolveOptions()).toEqual({
      permutations: 112,
      bands: 16,
      rows: 7,
      shingleSize: 5,
      seed: 1,
      threshold: 0.8,
    });
  });

  it('derives permutations from explicit banding', () => {
    expect(resolveOptions({ bands: 20, rows: 5 }).permutations).toBe(100);
    expect(resolveOptions({ bands: 10, rows: 5, permutations: 128 }).permutations).toBe(128);
  });

  it('rejects inconsistent or out-of-range options with a usage error', () => {
    const bad = [
      { bands: 20, rows: 7, permutations: 112 },
      { threshold: 0 },
      { threshold: 1.5 },
      { rows: 0 },
      { shingleSize: 2.5 },
    ];
    for (const input of bad) {
      expect(() => resolveOptions(input)).toThrow(CorpusKitError);
      try {
        resolveOptions(input);
      } catch (error) {
        expect((error as CorpusKitError).code).toBe('dedup.bad-option');
        expect((error as CorpusKitError).kind).toBe('usage');
      }
    }
    expect(() => resolveOptions({ preset: 'nope' as 'default' })).toThrow(/unknown preset/);
  });
});
