// The metric functions behind `pnpm eval` (packages/clean/eval/metrics.mjs), on tiny cases whose
// figures were worked out by hand from each benchmark's published description.
import { describe, expect, it } from 'vitest';
import {
  median,
  metadataAggregate,
  metadataAgrees,
  overlapShare,
  pagePrecision,
  pageRecall,
  sameTokens,
  segmentAggregate,
  segmentPage,
  shingleAggregate,
  shingleCounts,
  shinglePage,
  snippetShare,
  spread,
  tokenize,
  wcxbAggregate,
  wcxbPage,
  wcxbTokens,
  wcxbWords,
} from '../eval/metrics.mjs';

describe('tokenize', () => {
  it('takes runs of Unicode letters, numbers and underscores', () => {
    expect(tokenize("l'été, naïve_x 42! —")).toEqual(['l', 'été', 'naïve_x', '42']);
  });
  it('splits at combining marks, as a regex \\w on str does', () => {
    expect(tokenize('cafe\u0301s')).toEqual(['cafe', 's']);
  });
  it('gives no tokens for empty or missing text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(null)).toEqual([]);
  });
});

describe('shingle metric', () => {
  it('makes one shingle of a text shorter than four tokens, none of an empty one', () => {
    expect([...shingleCounts(['a', 'b'])]).toEqual([['a\u0000b', 1]]);
    expect(shingleCounts([]).size).toBe(0);
  });

  it('counts shingles as a multiset', () => {
    // x y z w x y z w -> xyzw, yzwx, zwxy, wxyz, xyzw: xyzw twice.
    const counts = shingleCounts(tokenize('x y z w x y z w'));
    expect(counts.get(['x', 'y', 'z', 'w'].join('\u0000'))).toBe(2);
    expect(counts.size).toBe(4);
    // Predicting one xyzw: tp 1, fn 4 -> scaled by 5.
    const c = shinglePage('x y z w x y z w', 'x y z w');
    expect(c).toEqual({ tp: 0.2, fp: 0, fn: 0.8 });
    expect(pageRecall(c)).toBeCloseTo(0.2, 12);
    expect(pagePrecision(c)).toBe(1);
  });

  it('scores a page that lost its last word: precision 1, recall 1/2', () => {
    // gold a b c d e -> abcd, bcde; predicted a b c d -> abcd.
    const c = shinglePage('a b c d e', 'a, b. c d');
    expect(c).toEqual({ tp: 0.5, fp: 0, fn: 0.5 });
    expect(pagePrecision(c)).toBe(1);
    expect(pageRecall(c)).toBe(0.5);
  });

  it('scores extra text as false positives', () => {
    // gold a b c d -> abcd; predicted a b c d e -> abcd, bcde: tp 1, fp 1.
    const c = shinglePage('a b c d', 'a b c d e');
    expect(c).toEqual({ tp: 0.5, fp: 0.5, fn: 0 });
    expect(pagePrecision(c)).toBe(0.5);
    expect(pageRecall(c)).toBe(1);
  });

  it('averages precision only over pages that predicted something, and F1 is the harmonic mean of the means', () => {
    const pages = [
      shinglePage('a b c d e', 'a b c d'), // P 1, R 0.5
      shinglePage('a b c d', ''), // no prediction: recall 0, left out of precision
      shinglePage('Hello world', 'Hello world'), // perfect
    ];
    expect(pages[1]).toEqual({ tp: 0, fp: 0, fn: 1 });
    const agg = shingleAggregate(pages);
    expect(agg.precision).toBe(1);
    expect(agg.recall).toBe(0.5);
    expect(agg.f1).toBeCloseTo(2 / 3, 12);
  });

  it('compares token sequences for exact matches', () => {
    expect(sameTokens('Hello,  world!', 'Hello world')).toBe(true);
    expect(sameTokens('Hello world', 'world Hello')).toBe(false);
  });
});

describe('segment metric', () => {
  const item = { with: ['Alpha  beta.', 'Gamma'], without: ['Share this', 'Delta'], comments: ['nice post'] };

  it('matches whitespace-normalised substrings', () => {
    expect(segmentPage(item, 'Alpha\nbeta. Share   this nice post')).toEqual({
      tp: 1,
      fn: 1,
      fp: 1,
      tn: 1,
      commentHits: 1,
      comments: 1,
    });
  });

  it('counts a crash (no output) as empty output', () => {
    expect(segmentPage(item, null)).toEqual({ tp: 0, fn: 2, fp: 0, tn: 2, commentHits: 0, comments: 1 });
  });

  it('sums counts over pages before dividing', () => {
    const agg = segmentAggregate([segmentPage(item, 'Alpha beta. Share this nice post'), segmentPage(item, null)]);
    // tp 1, fn 3, fp 1, tn 3
    expect(agg.precision).toBe(0.5);
    expect(agg.recall).toBe(0.25);
    expect(agg.f1).toBeCloseTo(1 / 3, 12);
    expect(agg.accuracy).toBe(0.5);
    expect(agg.commentLeak).toBe(0.5);
  });
});

describe('metadata agreement', () => {
  it('normalises text and compares language primary subtags', () => {
    expect(metadataAgrees('title', ' A  b ', 'A b')).toBe(true);
    expect(metadataAgrees('title', 'A b', 'a b')).toBe(false);
    expect(metadataAgrees('lang', 'en-US', 'en')).toBe(true);
    expect(metadataAgrees('lang', 'de', 'en')).toBe(false);
  });

  it('treats both missing as agreement and one missing as disagreement', () => {
    expect(metadataAgrees('byline', null, undefined)).toBe(true);
    expect(metadataAgrees('byline', null, 'Jane Doe')).toBe(false);
    expect(metadataAgrees('byline', 'Jane Doe', '')).toBe(false);
  });

  it('compares dates as instants, with slack for a missing time zone', () => {
    expect(metadataAgrees('publishedTime', '2018-04-05T06:00', '2018-04-05T06:00:00.000Z')).toBe(true);
    expect(metadataAgrees('publishedTime', '2018-04-05T06:00:00Z', '2018-04-05T07:00:00+01:00')).toBe(true);
    expect(metadataAgrees('publishedTime', '2018-04-05T06:00:00Z', '2018-04-05T07:00:00Z')).toBe(false);
    expect(metadataAgrees('publishedTime', '2018-04-05', '2018-04-05T23:00:00Z')).toBe(true);
    expect(metadataAgrees('publishedTime', '2018-04-05T06:00:00Z', '2018-04-06T06:00:00Z')).toBe(false);
  });

  it('aggregates per field, counting a crashed page as every field missing', () => {
    const agg = metadataAggregate(
      [
        { expected: { title: 'A' }, observed: { title: 'A' } },
        { expected: { title: null }, observed: { title: 'B' } },
        { expected: { title: 'C' }, observed: null },
      ],
      ['title'],
    );
    expect(agg.title).toEqual({ agree: 1, pages: 3, expectedPresent: 2, found: 1, extra: 1 });
  });
});

describe('helpers', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('estimates the share of a removed block that is gold text', () => {
    const gold = shingleCounts(tokenize('a b c d'));
    expect(overlapShare('a b c d e', gold)).toBe(0.5);
    expect(overlapShare('x y z w', gold)).toBe(0);
  });
});

describe('WCXB word metric', () => {
  it('lower-cases before taking word runs', () => {
    expect(wcxbTokens('Über the_X, 42!')).toEqual(['über', 'the_x', '42']);
  });
  it('scores token multisets: repeated words count as often as they occur in both', () => {
    // gold: a a b c (4 tokens); predicted: a a a d (4 tokens); overlap: a twice.
    const s = wcxbWords('A a a d', 'a a b c');
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBe(0.5);
    // gold: x y z w (4); predicted: x y (2): P 1, R 0.5, F1 2/3.
    const t = wcxbWords('x, y.', 'x y z w');
    expect(t).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
  });
  it('gives 1 for empty gold with empty output, 0 for anything else around emptiness', () => {
    expect(wcxbWords('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(wcxbWords('words', '...')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(wcxbWords(null, 'gold words')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
  it('finds snippets case-insensitively, an empty list counting 1', () => {
    expect(snippetShare('The Quick brown fox', ['quick BROWN', 'lazy dog'])).toBe(0.5);
    expect(snippetShare('anything', [])).toBe(1);
    expect(snippetShare(null, ['x'])).toBe(0);
    // No whitespace folding: a snippet across a line break in the output is not found.
    expect(snippetShare('quick\nbrown', ['quick brown'])).toBe(0);
  });
  it('averages pages overall and per type', () => {
    const gold = { gold: 'one two three four', with: ['one two'], without: ['menu'] };
    const a = { type: 'article', ...wcxbPage(gold, 'one two three four') };
    const b = { type: 'forum', ...wcxbPage(gold, 'menu one two') };
    expect(a).toMatchObject({ precision: 1, recall: 1, f1: 1, with: 1, without: 0 });
    // b: 3 tokens predicted, 2 right: P 2/3, R 1/2, F1 4/7; without found: 1.
    expect(b.precision).toBeCloseTo(2 / 3, 12);
    expect(b.f1).toBeCloseTo(4 / 7, 12);
    const agg = wcxbAggregate([a, b]);
    expect(agg.pages).toBe(2);
    expect(agg.f1).toBeCloseTo((1 + 4 / 7) / 2, 12);
    expect(agg.without).toBe(0.5);
    expect(agg.types.forum!.f1).toBeCloseTo(4 / 7, 12);
    expect(agg.types.article!.pages).toBe(1);
  });
  it('reports mean and spread of fold figures', () => {
    const s = spread([0.8, 0.9, 1.0]);
    expect(s.mean).toBeCloseTo(0.9, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.02 / 3), 12);
    expect(s.min).toBe(0.8);
    expect(s.max).toBe(1);
  });
});
