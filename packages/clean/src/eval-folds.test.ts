// Site-grouped folds of `pnpm eval --cv` and the training scripts (packages/clean/eval/folds.mjs).
import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLDS, assignFolds, foldOfSite, pageSite, siteOf, siteWeights, splitByFold } from '../eval/folds.mjs';
import { softmaxPredict, trainSoftmax } from '../train/softmax.mjs';

describe('siteOf', () => {
  it('reduces hosts and URLs to the registrable domain', () => {
    expect(siteOf('https://edition.cnn.com/2019/x.html?a=1')).toBe('cnn.com');
    expect(siteOf('www.Example.org')).toBe('example.org');
    expect(siteOf('http://news.bbc.co.uk/a')).toBe('bbc.co.uk');
    expect(siteOf('forum.cookshack.example.com.au')).toBe('example.com.au');
    expect(siteOf('example.de')).toBe('example.de');
    expect(siteOf('https://blog.example.de:8080/p')).toBe('example.de');
  });
  it('gives an empty site for nothing host-like', () => {
    expect(siteOf(null)).toBe('');
    expect(siteOf('')).toBe('');
    expect(siteOf('http://')).toBe('');
  });
});

describe('folds', () => {
  it('puts every page of a site in the same fold, whatever the subdomain or order', () => {
    const pages = [
      { id: 'a', url: 'https://www.site-one.example.com/1' },
      { id: 'b', url: 'https://other.example.net/2' },
      { id: 'c', url: 'https://m.site-one.example.com/3' },
      { id: 'd', domain: 'example.com' },
    ];
    const folds = assignFolds(pages, pageSite);
    expect(folds[0]).toBe(folds[2]);
    expect(folds[0]).toBe(folds[3]);
    const reversed = assignFolds([...pages].reverse(), pageSite).reverse();
    expect(reversed).toEqual(folds);
  });
  it('is a fixed function of the site name and k', () => {
    expect(foldOfSite('example.com', 5)).toBe(foldOfSite('example.com', 5));
    const sites = Array.from({ length: 400 }, (_, i) => `site${i}.example`);
    const counts = new Array(DEFAULT_FOLDS).fill(0);
    for (const s of sites) counts[foldOfSite(s)]++;
    // Hashing spreads 400 sites roughly evenly over 5 folds.
    for (const c of counts) expect(c).toBeGreaterThan(50);
    expect(() => foldOfSite('x', 1)).toThrow(RangeError);
  });
  it('splits into k disjoint train/test pairs covering every page once as test', () => {
    const pages = Array.from({ length: 60 }, (_, i) => ({
      id: String(i),
      url: `https://s${i % 13}.example.org/p${i}`,
    }));
    const splits = splitByFold(pages, pageSite, 4);
    expect(splits).toHaveLength(4);
    const tested = splits.flatMap((s) => s.test.map((p) => p.id)).sort();
    expect(tested).toEqual(pages.map((p) => p.id).sort());
    for (const { train, test } of splits) {
      expect(train.length + test.length).toBe(60);
      const trainSites = new Set(train.map(pageSite));
      for (const p of test) expect(trainSites.has(pageSite(p))).toBe(false);
    }
  });
  it('falls back to the page id for a page without site', () => {
    expect(pageSite({ id: 'x1', url: null })).toBe('page:x1');
  });
});

describe('training weights by site', () => {
  it('weighs every site as one page', () => {
    const pages = [
      { id: 'a', url: 'https://shop.example.com/p/1' },
      { id: 'b', url: 'https://www.example.com/p/2' },
      { id: 'c', domain: 'example.com' },
      { id: 'd', url: 'https://blog.example.net/post' },
      { id: 'e' },
    ];
    expect(siteWeights(pages)).toEqual([1 / 3, 1 / 3, 1 / 3, 1, 1]);
  });
  it('trains on equal weights as without weights, and leans towards a heavier row', () => {
    const rows = [
      [0, 1],
      [1, 0],
      [0.4, 0.6],
    ];
    const options = { l2: 0.01, iterations: 200, learningRate: 0.05 };
    const plain = trainSoftmax(rows, [0, 1, 1], 2, options);
    expect(trainSoftmax(rows, [0, 1, 1], 2, options, [1, 1, 1])).toEqual(plain);
    const halves = trainSoftmax(rows, [0, 1, 1], 2, options, [0.5, 0.5, 0.5]);
    for (const row of rows) expect(softmaxPredict(halves, row)[0]).toBeCloseTo(softmaxPredict(plain, row)[0]!, 12);
    const weighted = trainSoftmax(rows, [0, 1, 1], 2, options, [2, 1, 1]);
    expect(softmaxPredict(weighted, [0.5, 0.5])[0]).toBeGreaterThan(softmaxPredict(plain, [0.5, 0.5])[0]!);
  });
});
