import { describe, expect, it } from 'vitest';

import { DedupIndex } from './dedup-index.js';
import { describeSimilarity, formatSimilarity, textSimilarity } from './similarity.js';
import { article } from './test-utils.js';

describe('textSimilarity', () => {
  it('is the number a near-duplicate finding and a revision finding carry', async () => {
    const original = article(7);
    const copy = original
      .split(' ')
      .filter((_, i) => i % 150 !== 0)
      .join(' ');
    const index = DedupIndex.fromDocuments([{ id: 'https://a.example/x', text: original }]);
    const [near, revision] = await index.check(
      [
        { id: 'https://b.example/copy', text: copy },
        { id: 'https://a.example/x', text: copy },
      ],
      { loadText: () => original },
    );
    expect(near!.nearest).toMatchObject({ kind: 'near' });
    expect(near!.nearest!.similarity).toBe(textSimilarity(original, copy));
    expect(revision!.nearest).toMatchObject({ kind: 'revision' });
    expect(revision!.nearest!.similarity).toBe(textSimilarity(copy, original));
  });

  it('ignores case and punctuation (normalised text), 1 for identical, 0 for unrelated', () => {
    expect(textSimilarity('One two three four five six.', 'one, two three four FIVE six')).toBe(1);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity(article(1), article(2))).toBeLessThan(0.05);
  });

  it('formats with one decimal, never rounding up to 100%, and says what it measures', () => {
    expect(formatSimilarity(0.9996)).toBe('99.9%');
    expect(formatSimilarity(1)).toBe('100.0%');
    expect(describeSimilarity(0.8034)).toBe('80.3% similar (shared 5-word sequences, Jaccard)');
  });
});
