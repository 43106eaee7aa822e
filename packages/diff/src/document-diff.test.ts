import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { applyDiff } from './apply.js';
import { diffDocuments } from './document-diff.js';
import type { BlockOp, DiffOptions } from './index.js';

const WORDS = [
  'the',
  'cat',
  'sat',
  'on',
  'a',
  'mat',
  'river',
  'Bank',
  'said',
  'Tuesday',
  'über',
  'café',
  "don't",
  '42',
];
const PUNCT = ['', '', '', ',', '.', ';', '!', '?', '\u201C', '\u2019', '\u2014', '-'];

const word = fc.constantFrom(...WORDS);
const paragraph = fc
  .array(fc.tuple(word, fc.constantFrom(...PUNCT), fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t')), {
    minLength: 1,
    maxLength: 14,
  })
  .map((parts) =>
    parts
      .map(([w, p, s]) => w + p + s)
      .join('')
      .trim(),
  )
  .filter((p) => p !== '' && !/\n\s*\n/.test(p));
const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n\n\n', '\n \n', ' \n\n ');
const text = fc
  .tuple(
    fc.array(fc.tuple(paragraph, separator), { maxLength: 9 }),
    fc.constantFrom('', '', '\n', '  '),
    fc.constantFrom('', '', '\n', ' \n'),
  )
  .map(([parts, lead, trail]) => {
    if (parts.length === 0) return lead;
    return lead + parts.map(([p, s], k) => (k === 0 ? p : s + p)).join('') + trail;
  });
/** A text and an edited version of it: paragraphs edited, dropped, added, moved. */
const pair = fc.tuple(text, text, fc.integer({ min: 0, max: 1000 })).map(([a, b, seed]) => {
  const blocks = a.split('\n\n');
  const extra = b.split('\n\n');
  const out = [...blocks];
  if (seed % 3 === 0 && out.length > 2) out.push(out.shift()!);
  if (seed % 5 === 1 && extra.length > 0) out.splice(seed % (out.length + 1), 0, extra[0]!);
  if (seed % 7 === 2 && out.length > 0) out.splice(seed % out.length, 1);
  if (seed % 2 === 1 && out.length > 0) out[seed % out.length] = `${out[seed % out.length]!} river said`;
  return [a, out.join('\n\n')] as const;
});
const ignoreOptions = fc.record({
  ignoreWhitespace: fc.boolean(),
  ignoreCase: fc.boolean(),
  ignorePunctuation: fc.boolean(),
  ignoreQuotes: fc.boolean(),
  ignoreDashes: fc.boolean(),
});

const opsOf = (ops: BlockOp[], kind: BlockOp['op']): BlockOp[] => ops.filter((op) => op.op === kind);

describe('diffDocuments properties', () => {
  it('applying the diff to OLD gives NEW exactly', () => {
    fc.assert(
      fc.property(pair, ignoreOptions, ([a, b], options: DiffOptions) => {
        expect(applyDiff(a, diffDocuments(a, b, options))).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('applies unrelated texts too, and under tiny budgets', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 4 }), (a, b, small) => {
        const budgets = { alignmentCells: small, wordEdits: small, sentenceEdits: small, moveCandidates: small };
        expect(applyDiff(a, diffDocuments(a, b, { budgets }))).toBe(b);
        expect(applyDiff(a, diffDocuments(a, b))).toBe(b);
      }),
      { numRuns: 200 },
    );
  });

  it('diff(a, a) is empty', () => {
    fc.assert(
      fc.property(text, ignoreOptions, (a, options: DiffOptions) => {
        const diff = diffDocuments(a, a, options);
        expect(diff.changed).toBe(false);
        expect(diff.blocks.every((op) => op.op === 'equal')).toBe(true);
        expect(diff.stats.words.added + diff.stats.words.removed).toBe(0);
        expect(diff.metadata).toEqual([]);
      }),
    );
  });

  it('shuffled distinct paragraphs come out as moves only', () => {
    const distinct = fc.uniqueArray(paragraph, { minLength: 2, maxLength: 10, selector: (p) => p });
    fc.assert(
      fc.property(
        distinct.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))),
        ([ps, shuffled]) => {
          const a = ps.join('\n\n');
          const b = shuffled.join('\n\n');
          const diff = diffDocuments(a, b);
          const kinds = new Set(diff.blocks.map((op) => op.op));
          for (const kind of kinds) expect(['equal', 'move-source', 'move-target']).toContain(kind);
          expect(diff.stats.words.added + diff.stats.words.removed).toBe(0);
          expect(diff.stats.blocks.moved > 0).toBe(a !== b);
          expect(applyDiff(a, diff)).toBe(b);
        },
      ),
    );
  });
});

describe('diffDocuments', () => {
  const p1 = 'The council met on Tuesday to discuss the new bridge over the river.';
  const p2 = 'Residents said the noise from the works had kept them awake for weeks.';
  const p3 = 'A spokesman for the contractor apologised and promised quieter machines.';
  const p4 = 'The bridge is due to open next spring, two years later than planned.';

  it('shows word-level edits inside a changed paragraph', () => {
    const diff = diffDocuments([p1, p2].join('\n\n'), [p1, p2.replace('weeks', 'months')].join('\n\n'));
    const change = diff.blocks.find((op) => op.op === 'change');
    expect(change).toMatchObject({ op: 'change', old: 1, new: 1, level: 'word' });
    expect(change && 'segments' in change ? change.segments : []).toEqual([
      { op: 'equal', text: 'Residents said the noise from the works had kept them awake for ' },
      { op: 'delete', text: 'weeks' },
      { op: 'insert', text: 'months' },
      { op: 'equal', text: '.' },
    ]);
    expect(diff.stats.words).toMatchObject({ added: 1, removed: 1 });
    expect(diff.changed).toBe(true);
  });

  it('reports a moved paragraph with the edits inside it, linked by id', () => {
    const a = [p1, p2, p3, p4].join('\n\n');
    const b = [p2, p3, p4, p1.replace('new bridge', 'new footbridge')].join('\n\n');
    const diff = diffDocuments(a, b);
    const source = diff.blocks.find((op) => op.op === 'move-source');
    const target = diff.blocks.find((op) => op.op === 'move-target');
    expect(source).toMatchObject({ op: 'move-source', old: 0, to: 3 });
    expect(target).toMatchObject({ op: 'move-target', from: 0, new: 3 });
    expect(source && 'id' in source && target && 'id' in target && source.id === target.id).toBe(true);
    expect(target && 'segments' in target ? target.segments.filter((s) => s.op !== 'equal') : []).toEqual([
      { op: 'delete', text: 'bridge ' },
      { op: 'insert', text: 'footbridge ' },
    ]);
    expect(opsOf(diff.blocks, 'insert')).toHaveLength(0);
    expect(opsOf(diff.blocks, 'delete')).toHaveLength(0);
  });

  it('reports as moved the least text: short paragraphs move past a long one', () => {
    const long = [p1, p2, p3, p4].join(' ');
    const diff = diffDocuments(
      ['Short one.', 'Short two.', long].join('\n\n'),
      [long, 'Short one.', 'Short two.'].join('\n\n'),
    );
    expect(diff.blocks.filter((op) => op.op === 'move-target').map((op) => op.op === 'move-target' && op.from)).toEqual(
      [0, 1],
    );
    expect(diff.blocks.find((op) => op.op === 'equal')).toMatchObject({ old: 2, new: 0, count: 1 });
  });

  it('detects a split paragraph and a merged one', () => {
    const split = diffDocuments([p1, `${p2} ${p3}`, p4].join('\n\n'), [p1, p2, p3, p4].join('\n\n'));
    expect(split.blocks.map((op) => op.op)).toEqual(['equal', 'split', 'equal']);
    expect(split.blocks[1]).toMatchObject({ op: 'split', old: 1, new: 1, count: 2 });
    expect(split.blocks[1] && 'segments' in split.blocks[1] ? split.blocks[1].segments : []).toEqual([
      { op: 'equal', text: p2, old: `${p2} ` },
      { op: 'insert', text: '\n\n' },
      { op: 'equal', text: p3 },
    ]);
    expect(split.stats.wordOps).toBe(0);
    const merged = diffDocuments([p1, p2, p3, p4].join('\n\n'), [p1, `${p2} ${p3}`, p4].join('\n\n'));
    expect(merged.blocks.map((op) => op.op)).toEqual(['equal', 'merge', 'equal']);
    expect(merged.blocks[1]).toMatchObject({ op: 'merge', old: 1, count: 2, new: 1 });
    expect(merged.blocks[1] && 'segments' in merged.blocks[1] ? merged.blocks[1].segments : []).toEqual([
      { op: 'equal', text: `${p2} `, old: p2 },
      { op: 'delete', text: '\n\n' },
      { op: 'equal', text: p3 },
    ]);
    expect(merged.stats.words).toMatchObject({ added: 0, removed: 0 });
    const ignoring = diffDocuments([p1, p2, p3].join('\n\n'), [p1, `${p2} ${p3}`].join('\n\n'), {
      ignoreWhitespace: true,
    });
    expect(ignoring.blocks.map((op) => op.op)).toEqual(['equal', 'merge']);
    expect(ignoring.changed).toBe(false);
  });

  it('never splits across a paragraph moved in between', () => {
    const m = 'Moved paragraph that stands alone.';
    const s1 = 'Sentence one of the long paragraph talks about the bridge over the river.';
    const s2 = 'Sentence two of it talks about the noise.';
    const a = [m, p1, p2, `${s1} ${s2}`, p3].join('\n\n');
    const b = [p1, p2, s1, m, s2, p3].join('\n\n');
    const diff = diffDocuments(a, b);
    expect(diff.blocks.filter((op) => op.op === 'split')).toEqual([]);
    expect(applyDiff(a, diff)).toBe(b);
  });

  it('reports unrelated paragraphs as a paragraph-level delete and insert', () => {
    const diff = diffDocuments([p1, p2].join('\n\n'), [p1, 'Völlig anderer Inhalt, nichts gemeinsam.'].join('\n\n'));
    expect(diff.blocks.map((op) => op.op)).toEqual(['equal', 'delete', 'insert']);
    expect(diff.fallbacks).toEqual([]);
  });

  it('records and applies each ignore option', () => {
    const a = 'He said \u201Cwell\u2014known\u201D things.\n\nSecond   line';
    expect(diffDocuments(a, 'He said "well-known" things.\n\nSecond   line').changed).toBe(true);
    const quotes = diffDocuments(a, 'He said "well\u2014known" things.\n\nSecond   line', { ignoreQuotes: true });
    expect(quotes.changed).toBe(false);
    expect(quotes.ignore).toEqual({ whitespace: false, case: false, punctuation: false, quotes: true, dashes: false });
    expect(
      diffDocuments(a, 'He said \u201Cwell-known\u201D things.\n\nSecond   line', { ignoreDashes: true }).changed,
    ).toBe(false);
    expect(
      diffDocuments(a, 'HE SAID \u201CWELL\u2014KNOWN\u201D THINGS.\n\nsecond   LINE', { ignoreCase: true }).changed,
    ).toBe(false);
    expect(
      diffDocuments(a, 'He said \u201Cwell\u2014known\u201D things.\n\n\nSecond line', { ignoreWhitespace: true })
        .changed,
    ).toBe(false);
    expect(diffDocuments(a, 'He said well known things\n\nSecond   line', { ignorePunctuation: true }).changed).toBe(
      false,
    );
    // Ignored differences still come back exactly through applyDiff.
    const b = 'HE SAID "WELL-KNOWN" THINGS.\n\nSecond line';
    const all = { ignoreCase: true, ignoreQuotes: true, ignoreDashes: true, ignoreWhitespace: true };
    const diff = diffDocuments(a, b, all);
    expect(diff.changed).toBe(false);
    expect(applyDiff(a, diff)).toBe(b);
  });

  it('diffs metadata: title, authors, dates, URL and other fields', () => {
    const base = {
      title: 'Bridge delayed',
      text: p1,
      metadata: {
        authors: ['Ann Lee'],
        publishedAt: '2024-05-01T10:00:00Z',
        canonicalUrl: 'https://example.com/a',
        section: 'local',
        sources: { title: 'og:title' },
      },
    };
    const edited = {
      title: 'Bridge delayed again',
      text: p1,
      metadata: {
        authors: ['Ann Lee', 'Bo Chen'],
        publishedAt: '2024-05-01T10:00:00.000Z',
        canonicalUrl: 'https://example.com/b',
        section: 'national',
        sources: { title: 'json-ld' },
      },
    };
    const diff = diffDocuments(base, edited);
    expect(diff.changed).toBe(true);
    expect(diff.blocks.map((op) => op.op)).toEqual(['equal']);
    expect(diff.metadata).toEqual([
      { field: 'title', old: 'Bridge delayed', new: 'Bridge delayed again' },
      { field: 'authors', old: ['Ann Lee'], new: ['Ann Lee', 'Bo Chen'], added: ['Bo Chen'], removed: [] },
      { field: 'canonicalUrl', old: 'https://example.com/a', new: 'https://example.com/b' },
      { field: 'section', old: 'local', new: 'national' },
    ]);
  });

  it('falls back to a coarser level over budget and says so', () => {
    const a = [`${p1} ${p2}`, p3].join('\n\n');
    const b = [`${p1.replace('council', 'city council').replace('river', 'canal')} ${p2}`, p3].join('\n\n');
    const diff = diffDocuments(a, b, { budgets: { wordEdits: 1 } });
    expect(diff.fallbacks).toEqual([
      expect.objectContaining({ level: 'word', used: 'sentence', old: 0, new: 0, budget: 1 }),
    ]);
    expect(diff.blocks[0]).toMatchObject({ op: 'change', level: 'sentence' });
    expect(applyDiff(a, diff)).toBe(b);

    const many = Array.from({ length: 6 }, (_, k) => `${p3} number ${k}`);
    const banded = diffDocuments(many.join('\n\n'), many.map((p) => `${p} again`).join('\n\n'), {
      budgets: { alignmentCells: 4 },
    });
    expect(banded.fallbacks[0]).toMatchObject({ level: 'alignment', used: 'banded-alignment', budget: 4, needed: 36 });
    expect(banded.stats.blocks.changed).toBe(6);
  });

  it('segments words of languages written without spaces', () => {
    const a = '今日は天気がいいです。明日は雨が降るでしょう。';
    const b = '今日は天気が悪いです。明日は雨が降るでしょう。';
    const diff = diffDocuments(a, b, { locale: 'ja' });
    const change = diff.blocks[0];
    expect(change).toMatchObject({ op: 'change', level: 'word' });
    const edits = change && 'segments' in change ? change.segments.filter((s) => s.op !== 'equal') : [];
    expect(edits.map((s) => s.text).join('').length).toBeLessThan(8);
    expect(applyDiff(a, diff)).toBe(b);
  });

  it('uses sentences first in long paragraphs and keeps word detail inside changed ones', () => {
    const long = Array.from(
      { length: 40 },
      (_, k) => `Sentence ${k} tells the story of the bridge and the river.`,
    ).join(' ');
    const edited = long.replace('Sentence 17 tells', 'Sentence 17 retells');
    const diff = diffDocuments(long, edited);
    const change = diff.blocks[0];
    expect(change).toMatchObject({ op: 'change', level: 'word' });
    expect(change && 'segments' in change ? change.segments.filter((s) => s.op !== 'equal') : []).toEqual([
      { op: 'delete', text: 'tells ' },
      { op: 'insert', text: 'retells ' },
    ]);
  });

  it('refuses to apply a diff to another text', () => {
    const diff = diffDocuments([p1, p2].join('\n\n'), [p1, p3].join('\n\n'));
    expect(() => applyDiff([p1, p4].join('\n\n'), diff)).toThrow(
      expect.objectContaining({ code: 'diff.does-not-apply' }),
    );
    expect(() => applyDiff(p1, diff)).toThrow(expect.objectContaining({ code: 'diff.does-not-apply' }));
  });

  it('takes documents and rejects malformed input with a clear error', () => {
    const diff = diffDocuments({ id: 'doc-1', title: 'T', text: p1 }, { id: 'doc-1', title: 'T', text: p2 });
    expect(diff.old).toMatchObject({ id: 'doc-1', title: 'T', blocks: 1 });
    expect(() => diffDocuments({ text: 3 } as never, p1)).toThrow(expect.objectContaining({ code: 'diff.bad-input' }));
    expect(() => diffDocuments(p1, p2, { budgets: { wordEdits: 0 } })).toThrow(
      expect.objectContaining({ code: 'diff.bad-budget' }),
    );
  });
});
