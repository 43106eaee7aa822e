// The learned vocabulary of the page-type trainer (train/pagetype.mjs trainWords): which words it
// keeps and what each says for each type.
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES, WORD_OPTIONS, trainWords } from '../train/pagetype.mjs';

const weightOf = (v: { vocabulary: string[]; weights: number[][] }, word: string, type: string) =>
  v.weights[PAGE_TYPES.indexOf(type)]![v.vocabulary.indexOf(word)]!;

describe('trainWords', () => {
  it('keeps a word only when pages of minSites sites show it: three pages of one site count once', () => {
    const words = [['u:forum'], ['u:forum'], ['u:forum'], ['u:shop'], ['u:shop'], ['u:shop']];
    const labels = ['forum', 'forum', 'forum', 'product', 'product', 'product'];
    const options = { minSites: 3, prior: 1 };
    const oneSite = trainWords(words, labels, ['a', 'a', 'a', 'd', 'e', 'f'], [1 / 3, 1 / 3, 1 / 3, 1, 1, 1], options);
    expect(oneSite.vocabulary).toEqual(['u:shop']);
    const threeSites = trainWords(words, labels, ['a', 'b', 'c', 'd', 'e', 'f'], [1, 1, 1, 1, 1, 1], options);
    expect(threeSites.vocabulary).toEqual(['u:forum', 'u:shop']);
  });

  it('smooths the counts by one site each way by default: five sites of one type are a sign, not a certainty', () => {
    expect(WORD_OPTIONS).toEqual({ minSites: 5, prior: 1 });
    // Five forum sites all show "threads"; five product sites never do.
    const words = [...Array(10).keys()].map((i) => (i < 5 ? ['u:threads', 'u:a'] : ['u:a']));
    const labels = [...Array(10).keys()].map((i) => (i < 5 ? 'forum' : 'product'));
    const sites = [...Array(10).keys()].map((i) => `site${i}`);
    const v = trainWords(words, labels, sites, Array(10).fill(1));
    // log-odds of a forum page showing it: (5 + 1) / (5 + 2) -> log 6; of a product page: 1 / 7 -> log(1/6).
    expect(weightOf(v, 'u:threads', 'forum')).toBeCloseTo(Math.log(6), 10);
    expect(weightOf(v, 'u:threads', 'product')).toBeCloseTo(-Math.log(6), 10);
    // A type with no training pages says nothing either way.
    expect(weightOf(v, 'u:threads', 'article')).toBeCloseTo(0, 10);
    // A word every page shows says the same for both types.
    expect(weightOf(v, 'u:a', 'forum')).toBeCloseTo(weightOf(v, 'u:a', 'product'), 10);
  });
});
