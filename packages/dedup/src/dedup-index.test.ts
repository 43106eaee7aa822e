import { describe, expect, it } from 'vitest';

import { CorpusKitError } from '@corpuskit/document';

import { DedupIndex } from './dedup-index.js';
import { prepareDocument } from './prepare.js';
import { resolveOptions } from './options.js';
import { textSimilarity } from './similarity.js';
import { article } from './test-utils.js';

function dropWords(text: string, every: number): string {
  return text
    .split(' ')
    .filter((_, i) => i % every !== 0)
    .join(' ');
}

function corpus(): { index: DedupIndex; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  for (let i = 0; i < 50; i++) texts.set(`https://news.example/a${i}`, article(i));
  const index = DedupIndex.fromDocuments([...texts].map(([id, text]) => ({ id, text })));
  return { index, texts };
}

describe('DedupIndex', () => {
  it('reports new, unchanged, revision, exact and near pages against the corpus', async () => {
    const { index, texts } = corpus();
    const loadText = (id: string): string => texts.get(id)!;
    const results = await index.check(
      [
        { id: 'https://news.example/new', text: article(999) },
        { id: 'https://news.example/a1', text: texts.get('https://news.example/a1')!.toUpperCase() },
        { id: 'https://news.example/a2', text: dropWords(texts.get('https://news.example/a2')!, 200) },
        { id: 'https://mirror.example/a3', text: texts.get('https://news.example/a3')! },
        { id: 'https://mirror.example/a4', text: dropWords(texts.get('https://news.example/a4')!, 150) },
      ],
      { loadText },
    );
    expect(results.map((r) => r.status)).toEqual(['new', 'unchanged', 'revision', 'exact', 'near']);
    expect(results[0]!.findings).toEqual([]);
    expect(results[0]!.nearest).toBeNull();
    expect(results[2]!.nearest).toMatchObject({ kind: 'revision', other: 'https://news.example/a2' });
    expect(results[2]!.nearest!.similarity).toBeGreaterThan(0.9);
    expect(results[3]!.nearest).toMatchObject({ kind: 'exact', other: 'https://news.example/a3', similarity: 1 });
    expect(results[4]!.nearest).toMatchObject({ kind: 'near', other: 'https://news.example/a4' });
    expect(results[4]!.nearest!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(results[4]!.nearest!.reason).toMatch(/verified Jaccard/);
    // check() does not change the index
    expect(index.size).toBe(50);
  });

  it('compares a page with the text revisionBase names, not with the index entry of its own id', async () => {
    const { index, texts } = corpus();
    const committed = texts.get('https://news.example/a5')!;
    // The index holds a staged edit of a5 and a staged page no version has.
    const staged = dropWords(committed, 20);
    index.add({ id: 'https://news.example/a5', text: staged });
    index.add({ id: 'https://news.example/fresh', text: article(4242) });
    const recleaned = dropWords(staged, 30);
    const base = new Map<string, string | null>([
      ['https://news.example/a5', committed],
      ['https://news.example/fresh', null],
    ]);
    const [a5, fresh, back, plain] = await index.check(
      [
        { id: 'https://news.example/a5', text: recleaned },
        { id: 'https://news.example/fresh', text: dropWords(article(4242), 40) },
        { id: 'https://news.example/a5', text: committed },
        { id: 'https://news.example/a6', text: dropWords(texts.get('https://news.example/a6')!, 50) },
      ],
      { loadText: (id) => texts.get(id)!, revisionBase: (id) => base.get(id) },
    );
    expect(a5!.status).toBe('revision');
    expect(a5!.findings.filter((f) => f.kind === 'revision')).toEqual([
      expect.objectContaining({ other: 'https://news.example/a5', similarity: textSimilarity(recleaned, committed) }),
    ]);
    expect(textSimilarity(recleaned, committed)).not.toBe(textSimilarity(recleaned, staged));
    // No version has it: no revision finding against its own staged text.
    expect(fresh!.status).toBe('new');
    expect(fresh!.findings).toEqual([]);
    // Back to the committed text: unchanged against the corpus.
    expect(back!.status).toBe('unchanged');
    expect(back!.findings.filter((f) => f.kind === 'revision')).toEqual([]);
    // undefined: the index's own entry, as before.
    expect(plain!.findings[0]).toMatchObject({ kind: 'revision', other: 'https://news.example/a6' });
  });

  it('falls back to the index entry, with a warning, when revisionBase fails', async () => {
    const { index, texts } = corpus();
    const [result] = await index.check(
      [{ id: 'https://news.example/a7', text: dropWords(texts.get('https://news.example/a7')!, 40) }],
      {
        loadText: (id) => texts.get(id)!,
        revisionBase: () => {
          throw new Error('disk gone');
        },
      },
    );
    expect(result!.status).toBe('revision');
    expect(result!.warnings).toEqual([expect.stringContaining('disk gone')]);
  });

  it('finds duplicates inside the batch too', async () => {
    const { index, texts } = corpus();
    const fresh = article(12345);
    const [first, second] = await index.check(
      [
        { id: 'https://x.example/1', text: fresh },
        { id: 'https://x.example/2', text: dropWords(fresh, 100) },
      ],
      { loadText: (id) => texts.get(id)! },
    );
    expect(first!.batch).toEqual([]);
    expect(second!.status).toBe('new');
    expect(second!.batch).toEqual([expect.objectContaining({ kind: 'near', other: 'https://x.example/1' })]);
  });

  it('takes pages already prepared (signed elsewhere, with shingles) and finds the same as from their text', async () => {
    const { index, texts } = corpus();
    const loadText = (id: string): string => texts.get(id)!;
    const fresh = article(4242);
    const pages = [
      { id: 'https://news.example/a2', text: dropWords(texts.get('https://news.example/a2')!, 200), fetchedAt: null },
      { id: 'https://mirror.example/a3', text: texts.get('https://news.example/a3')!, fetchedAt: '2024-01-02' },
      { id: 'https://mirror.example/a4', text: dropWords(texts.get('https://news.example/a4')!, 150), fetchedAt: null },
      { id: 'https://x.example/1', text: fresh, fetchedAt: null },
      { id: 'https://x.example/2', text: dropWords(fresh, 100), fetchedAt: null },
    ];
    const fromText = await index.check(pages, { loadText });
    // Prepared as a cleaning thread does it: no text travels with them, only the signature and shingles.
    const prepared = pages.map((page) => index.prepare(page, true));
    const fromPrepared = await index.check(prepared, { loadText });
    expect(fromPrepared).toEqual(fromText);
    expect(fromText.map((r) => r.status)).toEqual(['revision', 'exact', 'near', 'new', 'new']);
    expect(fromText[4]!.batch).toEqual([expect.objectContaining({ kind: 'near', other: 'https://x.example/1' })]);
    // A page prepared with other options is refused, not silently compared.
    const other = prepareDocument(pages[3]!, resolveOptions({ preset: 'syndication' }), true);
    await expect(index.check([other], { loadText })).rejects.toMatchObject({ code: 'dedup.options-mismatch' });
  });

  it('reads a batch one page at a time and, given batchText, keeps no shingle sets: same findings', async () => {
    const { index, texts } = corpus();
    const loadText = (id: string): string => texts.get(id)!;
    const fresh = article(777);
    const pages = [
      { id: 'https://x.example/1', text: fresh, fetchedAt: null },
      { id: 'https://x.example/2', text: dropWords(texts.get('https://news.example/a5')!, 120), fetchedAt: null },
      { id: 'https://x.example/3', text: dropWords(fresh, 90), fetchedAt: null },
      { id: 'https://x.example/4', text: fresh, fetchedAt: null },
      { id: 'https://x.example/5', text: dropWords(fresh, 40), fetchedAt: null },
    ];
    const held = await index.check(
      pages.map((page) => index.prepare(page, true)),
      { loadText },
    );
    const asked: string[] = [];
    let read = 0;
    async function* oneByOne() {
      for (const page of pages) {
        read += 1;
        yield index.prepare(page, true);
      }
    }
    const streamed = await index.check(oneByOne(), {
      loadText,
      batchText: (id) => {
        asked.push(id);
        return pages.find((page) => page.id === id)!.text;
      },
    });
    expect(read).toBe(pages.length);
    expect(streamed).toEqual(held);
    expect(held.map((r) => r.batch.map((f) => `${f.kind} ${f.other}`))).toEqual([
      [],
      [],
      ['near https://x.example/1'],
      ['exact https://x.example/1', 'near https://x.example/3'],
      ['near https://x.example/1', 'near https://x.example/4'],
    ]);
    // Earlier batch pages are loaded again only to verify near candidates (not the unrelated page 2).
    expect(asked).toEqual(
      expect.arrayContaining(['https://x.example/1', 'https://x.example/3', 'https://x.example/4']),
    );
    expect(asked).not.toContain('https://x.example/2');
  });

  it('handles big buckets of copies: every copy reported, each distinct stored text loaded once', async () => {
    const text = article(31337);
    const index = new DedupIndex();
    for (let i = 0; i < 100; i++) index.add({ id: `https://copies.example/${String(i).padStart(3, '0')}`, text });
    const loads: string[] = [];
    const [near, exact] = await index.check(
      [
        { id: 'https://q.example/near', text: dropWords(text, 120) },
        { id: 'https://q.example/exact', text },
      ],
      {
        loadText: (id) => {
          loads.push(id);
          return text;
        },
      },
    );
    expect(near!.status).toBe('near');
    expect(near!.findings).toHaveLength(100);
    expect(near!.findings[0]!.other).toBe('https://copies.example/000');
    expect(exact!.status).toBe('exact');
    expect(exact!.findings).toHaveLength(100);
    expect(loads).toEqual(['https://copies.example/000']);
    expect(index.candidates(index.prepare({ id: 'x', text }).signature)).toHaveLength(100);
  });

  it('turns a text that cannot be loaded into a warning and goes on', async () => {
    const { index, texts } = corpus();
    const [result] = await index.check(
      [{ id: 'https://m.example/5', text: dropWords(texts.get('https://news.example/a5')!, 100) }],
      {
        loadText: () => {
          throw new Error('object missing');
        },
      },
    );
    expect(result!.status).toBe('new');
    expect(result!.warnings[0]).toMatch(/news\.example\/a5: could not load the stored text.*object missing/);
  });

  it('adds, replaces and removes documents; lookups follow', () => {
    const { index, texts } = corpus();
    const id = 'https://news.example/a7';
    const prepared = index.prepare({ id: 'q', text: texts.get(id)! });
    expect(index.candidates(prepared.signature)).toContain(id);
    expect(index.remove(id)).toBe(true);
    expect(index.remove(id)).toBe(false);
    expect(index.candidates(prepared.signature)).not.toContain(id);
    expect(index.size).toBe(49);
    index.add({ id, text: article(777) });
    expect(index.candidates(prepared.signature)).not.toContain(id);
    index.add({ id, text: texts.get(id)! });
    expect(index.candidates(prepared.signature)).toEqual([id]);
    expect(index.exactMatches(prepared.fingerprint)).toEqual([id]);
    expect(index.size).toBe(50);
  });

  it('serialises compactly and loads back to the same index', async () => {
    const { index, texts } = corpus();
    index.remove('https://news.example/a3');
    const bytes = index.serialize();
    expect(bytes.length).toBeLessThan(49 * (112 * 4 + 200) + 1000);
    const loaded = DedupIndex.deserialize(bytes);
    expect(loaded.size).toBe(49);
    expect(loaded.documentIds()).toEqual(index.documentIds());
    expect(loaded.serialize()).toEqual(bytes);
    const batch = [{ id: 'https://m.example/9', text: dropWords(texts.get('https://news.example/a9')!, 120) }];
    const loadText = (id: string): string => texts.get(id)!;
    expect(await loaded.check(batch, { loadText })).toEqual(await index.check(batch, { loadText }));
  });

  it('rebuilt from documents equals the incrementally maintained index', () => {
    const { index, texts } = corpus();
    for (let i = 0; i < 50; i += 3) index.remove(`https://news.example/a${i}`);
    index.add({ id: 'https://news.example/a1', text: article(4242) });
    const survivors = [...texts]
      .filter(([id]) => index.has(id))
      .map(([id, text]) => ({
        id,
        text: id === 'https://news.example/a1' ? article(4242) : text,
      }));
    const rebuilt = DedupIndex.fromDocuments(survivors.reverse());
    expect(rebuilt.serialize()).toEqual(index.serialize());
  });

  it('rejects corrupt bytes and signatures from other options', () => {
    const { index } = corpus();
    const bytes = index.serialize();
    const flipped = bytes.slice();
    flipped[bytes.length - 200] = flipped[bytes.length - 200]! ^ 1;
    for (const bad of [flipped, bytes.subarray(0, 20), new TextEncoder().encode('hello world')]) {
      expect(() => DedupIndex.deserialize(bad)).toThrow(CorpusKitError);
    }
    try {
      DedupIndex.deserialize(flipped);
    } catch (error) {
      expect((error as CorpusKitError).code).toBe('dedup.corrupt-index');
      expect((error as CorpusKitError).kind).toBe('corrupt');
    }
    const other = prepareDocument({ id: 'x', text: 'a b c d e f' }, resolveOptions({ permutations: 128 }));
    expect(() => index.add(other)).toThrow(/prepared with options/);
  });

  it('picks a representative by fetch time, then length, then id', () => {
    const index = new DedupIndex();
    index.add({ id: 'b', text: 'one two three four five six', fetchedAt: '2024-05-01' });
    index.add({ id: 'a', text: 'one two three four five six seven', fetchedAt: null });
    index.add({ id: 'c', text: 'one two three four five six seven' });
    expect(index.representativeOf(['a', 'b', 'c'])).toBe('b');
    expect(index.representativeOf(['a', 'c'])).toBe('a');
  });
});
