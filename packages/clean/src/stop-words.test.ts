import { describe, expect, it } from 'vitest';

import { longWords } from './lead.js';
import { stopWords } from './stop-words.js';

describe('stopWords', () => {
  it("gives a language's everyday words, not the words of a subject", () => {
    const english = stopWords('en');
    for (const word of ['their', 'first', 'which', 'would', 'years']) expect(english.has(word), word).toBe(true);
    for (const word of ['bridge', 'council', 'subscription', 'student']) expect(english.has(word), word).toBe(false);
    expect(stopWords('de').has('welche')).toBe(true);
    expect(stopWords('fr').has('quelles')).toBe(true);
    expect(stopWords('en')).toBe(english);
  });

  it('gives none for no language or one without a list', () => {
    expect(stopWords(null).size).toBe(0);
    expect(stopWords('xx').size).toBe(0);
    expect(stopWords('constructor').size).toBe(0);
  });

  it('leaves them out of the longer words that tell a subject', () => {
    const text = 'Their first bridge over the river would open within three years';
    expect([...longWords(text)].sort()).toEqual(
      ['bridg', 'first', 'their', 'three', 'would', 'withi', 'years', 'river'].sort(),
    );
    expect([...longWords(text, stopWords('en'))].sort()).toEqual(['bridg', 'river']);
  });
});
