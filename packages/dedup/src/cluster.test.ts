import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CorpusKitError } from '@corpuskit/document';

import { findDuplicates } from './cluster.js';

const SENTENCES = [
  'The harbour authority said on Tuesday that the northern pier would close for repairs until the spring.',
  'Fishermen who rely on the pier were told to use the southern landing, which is smaller and often crowded.',
  'A spokesperson for the authority said the decision followed an inspection that found cracked supports.',
  'Local traders worry that the closure will cut the number of visitors during the quiet winter months.',
  'The council has promised a small fund to help businesses most affected by the works on the waterfront.',
  'Engineers expect the repairs to cost about four million pounds, paid partly by a regional grant.',
  'Residents will be able to comment on the plans at a public meeting in the town hall next month.',
  'The pier was built in the late nineteenth century and last renovated more than thirty years ago.',
  'Several boats have already moved to a neighbouring harbour where berths are cheaper this season.',
  'The authority said it would publish weekly updates on the progress of the works on its website.',
];
const OTHER = [
  'A new exhibition of early photography opens at the city museum this weekend with over two hundred prints.',
  'The curator said many of the images had never been shown in public and came from family albums.',
  'Visitors can also attend talks on how the first cameras were built and how the pictures were developed.',
  'The museum expects large crowds and recommends booking tickets online ahead of the opening days.',
  'Entry is free for children under twelve and for students who show a valid card at the desk.',
  'The exhibition will travel to three other cities next year before returning to the permanent collection.',
];
const article = SENTENCES.join(' ');
const unrelated = OTHER.join(' ');

describe('findDuplicates', () => {
  it('finds exact duplicates whatever the case, spacing and punctuation', () => {
    const report = findDuplicates([
      { id: 'a.txt', text: article },
      { id: 'b.txt', text: `  ${article.toUpperCase().replace(/ /g, '\n\n')} ` },
      { id: 'c.txt', text: unrelated },
    ]);
    expect(report.clusters).toEqual([
      {
        kind: 'exact',
        representative: 'a.txt',
        members: [
          { id: 'a.txt', similarity: 1, exact: true },
          { id: 'b.txt', similarity: 1, exact: true },
        ],
      },
    ]);
    expect(report.decisions).toContainEqual(
      expect.objectContaining({ a: 'a.txt', b: 'b.txt', kind: 'exact', similarity: 1, duplicate: true }),
    );
  });

  it('finds a near-duplicate (one sentence dropped) with its verified similarity, and keeps unrelated text apart', () => {
    const edited = SENTENCES.filter((_, i) => i !== 4).join(' ');
    const report = findDuplicates([
      { id: 'orig', text: article },
      { id: 'edited', text: edited },
      { id: 'other', text: unrelated },
    ]);
    expect(report.clusters).toHaveLength(1);
    const [cluster] = report.clusters;
    expect(cluster!.kind).toBe('near');
    expect(cluster!.members.map((member) => member.id)).toEqual(['orig', 'edited']);
    expect(cluster!.members[1]!.similarity).toBeGreaterThan(0.8);
    expect(cluster!.members[1]!.similarity).toBeLessThan(1);
    const decision = report.decisions.find((d) => d.kind === 'near' && d.duplicate);
    expect(decision).toMatchObject({ a: 'edited', b: 'orig' });
    expect(decision!.reason).toMatch(/verified Jaccard 0\.\d{3} >= threshold 0\.8/);
  });

  it('chooses the representative by earliest fetch time, then longest text, then id', () => {
    const short = SENTENCES.slice(0, 9).join(' ');
    const byTime = findDuplicates([
      { id: 'z', text: short, fetchedAt: '2024-01-01T00:00:00Z' },
      { id: 'a', text: article, fetchedAt: '2024-02-01T00:00:00Z' },
    ]);
    expect(byTime.clusters[0]!.representative).toBe('z');
    const byLength = findDuplicates([
      { id: 'a', text: short },
      { id: 'z', text: article },
    ]);
    expect(byLength.clusters[0]!.representative).toBe('z');
    const byId = findDuplicates([
      { id: 'y', text: article },
      { id: 'x', text: article.toLowerCase() },
    ]);
    expect(byId.clusters[0]!.representative).toBe('x');
  });

  it('syndication preset groups lightly rewritten copy that the default threshold does not', () => {
    const rewritten = SENTENCES.map((s, i) =>
      i % 2 === 0 ? s.replace('the', 'a').replace('said', 'stated').replace('will', 'would') : s,
    )
      .slice(0, 8)
      .join(' ');
    const documents = [
      { id: 'wire', text: article },
      { id: 'outlet', text: rewritten },
    ];
    expect(findDuplicates(documents).clusters).toEqual([]);
    const syndicated = findDuplicates(documents, { preset: 'syndication' });
    expect(syndicated.clusters).toHaveLength(1);
    expect(syndicated.clusters[0]!.members[1]!.similarity).toBeGreaterThanOrEqual(0.45);
    expect(syndicated.options.shingleSize).toBe(2);
  });

  it('skips empty texts and rejects a repeated id', () => {
    const report = findDuplicates([
      { id: 'empty1', text: ' ... ' },
      { id: 'empty2', text: '' },
      { id: 'a', text: article },
    ]);
    expect(report.clusters).toEqual([]);
    expect(report.skipped.map((s) => s.id)).toEqual(['empty1', 'empty2']);
    expect(() =>
      findDuplicates([
        { id: 'a', text: 'x' },
        { id: 'a', text: 'y' },
      ]),
    ).toThrow(CorpusKitError);
    expect(() => findDuplicates([{ id: 'a', text: 'x', fetchedAt: 'yesterday' }])).toThrow(/fetchedAt is not a date/);
  });

  it('union-find chains A~B~C into one cluster; star linkage keeps only members within the threshold of the representative', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${(i * 7919) % 1009}x${i % 13}`);
    const a = words.join(' ');
    const b = words.slice(50).join(' ');
    const c = words.slice(50, 350).join(' ');
    const documents = [
      { id: 'a', text: a },
      { id: 'b', text: b },
      { id: 'c', text: c },
    ];
    const chained = findDuplicates(documents);
    expect(chained.linkage).toBe('union-find');
    expect(chained.clusters).toHaveLength(1);
    const members = chained.clusters[0]!.members;
    expect(members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(members[2]!.similarity).toBeLessThan(0.8);
    const star = findDuplicates(documents, { linkage: 'star' });
    expect(star.clusters).toHaveLength(1);
    expect(star.clusters[0]!.members.map((m) => m.id)).toEqual(['a', 'b']);
    expect(star.clusters[0]!.members.every((m) => m.similarity >= 0.8)).toBe(true);
    expect(() => findDuplicates(documents, { linkage: 'complete' as 'star' })).toThrow(/linkage/);
  });

  it('does not depend on the order of the documents (property)', () => {
    const documents = [
      { id: 'a', text: article },
      { id: 'b', text: SENTENCES.slice(1).join(' ') },
      { id: 'c', text: article.toLowerCase() },
      { id: 'd', text: unrelated },
      { id: 'e', text: OTHER.slice(0, 5).join(' ') },
      { id: 'f', text: [...SENTENCES.slice(0, 5), ...OTHER.slice(0, 3)].join(' ') },
    ];
    const expected = findDuplicates(documents);
    expect(expected.clusters.length).toBe(2);
    fc.assert(
      fc.property(fc.shuffledSubarray(documents, { minLength: documents.length }), (shuffled) => {
        expect(findDuplicates(shuffled)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});
