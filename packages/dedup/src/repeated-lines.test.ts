import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CorpusKitError } from '@corpuskit/document';

import { RepeatedLineTable, lineUnits } from './repeated-lines.js';

const SUPPORT = 'Support us: donate today!';
function page(i: number, extra: string[] = []): string {
  return [`Article ${i} opens with its own words number ${i}.`, SUPPORT, ...extra, `Closing thought ${i}.`].join(
    '\n\n',
  );
}

describe('lineUnits', () => {
  it('normalises blocks and lines, once each', () => {
    expect(lineUnits('Hello,  World!\n\nA line\nB line\n\nhello world')).toEqual([
      'a line',
      'a line b line',
      'b line',
      'hello world',
    ]);
  });
});

describe('RepeatedLineTable', () => {
  it('marks a line boilerplate at >= 3 documents and >= 30% of the site', () => {
    const table = new RepeatedLineTable();
    table.add({ id: 'https://site.example/1', text: page(1) });
    table.add({ id: 'https://site.example/2', text: page(2) });
    expect(table.linesFor('site.example')).toEqual([]);
    table.add({ id: 'https://site.example/3', text: page(3) });
    expect(table.linesFor('site.example')).toEqual([{ text: 'support us donate today', count: 3, share: 1 }]);
    expect(table.isBoilerplate('site.example', 'SUPPORT US — donate today')).toBe(true);
    expect(table.mapFor('site.example')).toEqual(new Map([['support us donate today', 3]]));
    // Seven more pages without it: 3 of 10 is still 30%; an eleventh page drops it below.
    for (let i = 4; i <= 10; i++) table.add({ id: `https://site.example/${i}`, text: `Only page ${i} text.` });
    expect(table.linesFor('site.example')).toHaveLength(1);
    table.add({ id: 'https://site.example/11', text: 'Yet another page.' });
    expect(table.linesFor('site.example')).toEqual([]);
    expect(table.countOf('site.example', SUPPORT)).toBe(3);
  });

  it('counts per host, ignores documents without a host, and replaces a re-added id', () => {
    const table = new RepeatedLineTable({ minDocuments: 2, minShare: 0.5 });
    table.add({ id: 'https://a.example/1', text: page(1) });
    table.add({ id: 'https://b.example/1', text: page(2) });
    expect(table.add({ id: 'file:local.html', text: page(3) })).toBe(false);
    expect(table.hosts()).toEqual(['a.example', 'b.example']);
    expect(table.linesFor('a.example')).toEqual([]);
    table.add({ id: 'https://a.example/2', text: page(4) });
    expect(table.linesFor('a.example').map((l) => l.text)).toEqual(['support us donate today']);
    table.add({ id: 'https://a.example/2', text: 'rewritten without the appeal' });
    expect(table.linesFor('a.example')).toEqual([]);
    expect(table.documentCount('a.example')).toBe(2);
    expect(table.remove('https://a.example/2')).toBe(true);
    expect(table.remove('https://a.example/2')).toBe(false);
    table.add({ id: 'x', text: page(5), host: 'a.example' });
    expect(table.linesFor('a.example')).toHaveLength(1);
  });

  it('does not depend on the order of additions and removals (property)', () => {
    const hosts = ['a.example', 'b.example'];
    const lines = ['Share this', 'Subscribe to our newsletter', 'Advertisement', 'Read more', 'Photo: agency'];
    const documentArb = fc.record({
      n: fc.integer({ min: 0, max: 30 }),
      host: fc.constantFrom(...hosts),
      picks: fc.subarray(lines),
    });
    fc.assert(
      fc.property(fc.uniqueArray(documentArb, { selector: (d) => d.n, maxLength: 20 }), fc.integer(), (docs, seed) => {
        const documents = docs.map((d) => ({
          id: `https://${d.host}/${d.n}`,
          text: [`Body of ${d.n}.`, ...d.picks].join('\n\n'),
        }));
        const removed = new Set(documents.filter((_, i) => (seed + i) % 4 === 0).map((d) => d.id));
        const forward = new RepeatedLineTable();
        for (const d of documents) forward.add(d);
        for (const id of removed) forward.remove(id);
        const backward = new RepeatedLineTable();
        for (const d of [...documents].reverse()) if (!removed.has(d.id)) backward.add(d);
        // interleaved: add everything twice in a shuffled order, removing as we go
        const shuffled = new RepeatedLineTable();
        const order = documents
          .map((d, i) => ({ d, key: Math.imul(i + 1, seed | 1) >>> 0 }))
          .sort((x, y) => x.key - y.key);
        for (const { d } of order) {
          shuffled.add(d);
          if (removed.has(d.id)) shuffled.remove(d.id);
        }
        expect(backward.serialize()).toEqual(forward.serialize());
        expect(shuffled.serialize()).toEqual(forward.serialize());
        for (const host of hosts) expect(shuffled.linesFor(host)).toEqual(forward.linesFor(host));
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips through bytes and rejects corrupt input', () => {
    const table = new RepeatedLineTable({ minDocuments: 2 });
    for (let i = 0; i < 5; i++) table.add({ id: `https://s.example/${i}`, text: page(i) });
    const loaded = RepeatedLineTable.deserialize(table.serialize());
    expect(loaded.serialize()).toEqual(table.serialize());
    expect(loaded.options.minDocuments).toBe(2);
    expect(loaded.linesFor('s.example')).toEqual(table.linesFor('s.example'));
    expect(() => RepeatedLineTable.deserialize(new TextEncoder().encode('{"format":"x"}'))).toThrow(CorpusKitError);
    expect(() => RepeatedLineTable.deserialize(new Uint8Array([0xff, 0xfe]))).toThrow(
      /not a valid repeated-line table/,
    );
    expect(() => new RepeatedLineTable({ minShare: 2 })).toThrow(/minShare/);
  });
});
