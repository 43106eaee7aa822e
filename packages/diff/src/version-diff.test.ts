import { CorpusKitError } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { diffVersions, renderVersionText, versionDiffJson } from './version-diff.js';
import type { LoadedDocument, VersionDiffSource, VersionEntry } from './version-diff.js';

const docs: Record<string, LoadedDocument> = {
  r1: { title: 'Bridge', text: 'The council met on Tuesday.\n\nResidents complained about noise.', metadata: {} },
  r1b: { title: 'Bridge', text: 'The council met on Wednesday.\n\nResidents complained about noise.', metadata: {} },
  r2: { title: 'Budget', text: 'The budget grew by two percent this year.', metadata: { authors: ['A'] } },
  r2b: {
    title: 'Budget',
    text: 'The budget shrank by four percent this year, the first fall in a decade, officials said.',
    metadata: { authors: ['A', 'B'] },
  },
  r3: { title: 'Moved', text: 'Same content under another id.', metadata: {} },
  r4: { title: 'New', text: 'A brand new article with seven words.', metadata: {} },
  r5: { title: 'Gone', text: 'Gone.', metadata: {} },
};

const entry = (id: string, record: string, contentHash = `h-${record}`): VersionEntry => ({ id, record, contentHash });

function source(loads: string[] = []): VersionDiffSource {
  return {
    changes: {
      added: [entry('https://b/new', 'r4'), entry('https://b/moved', 'r3'), entry('https://b/broken', 'missing')],
      removed: [entry('https://a/moved', 'r3'), entry('https://a/gone', 'r5')],
      modified: [
        { old: entry('https://x/1', 'r1'), new: entry('https://x/1', 'r1b') },
        { old: entry('https://x/2', 'r2'), new: entry('https://x/2', 'r2b') },
      ],
      unchanged: 40,
    },
    async load(e) {
      loads.push(e.record);
      const doc = docs[e.record];
      if (!doc) throw new CorpusKitError('not-found', 'store.no-record', `no record ${e.record}`, { subject: e.id });
      return doc;
    },
  };
}

describe('diffVersions', () => {
  it('gives the summary first, with renames derived from equal content hashes', () => {
    const loads: string[] = [];
    const diff = diffVersions(source(loads));
    expect(diff.summary).toEqual({ added: 2, removed: 1, modified: 2, renamed: 1, unchanged: 40 });
    expect(diff.renamed.map((r) => [r.old.id, r.new.id])).toEqual([['https://a/moved', 'https://b/moved']]);
    expect(loads).toEqual([]);
  });

  it('ranks documents by size of change and records load errors without stopping', async () => {
    const json = await versionDiffJson(diffVersions(source()));
    expect(json.summary.modified).toBe(2);
    expect(json.documents.map((d) => [d.id, d.change])).toEqual([
      ['https://x/2', 'modified'],
      ['https://b/new', 'added'],
      ['https://x/1', 'modified'],
      ['https://a/gone', 'removed'],
      ['https://b/broken', 'added'],
      ['https://b/moved', 'renamed'],
    ]);
    const budget = json.documents[0]!;
    expect(budget.wordsAdded).toBeGreaterThan(budget.wordsRemoved);
    expect(budget.metadata).toEqual(['authors']);
    expect(json.documents[1]).toMatchObject({ wordsAdded: 7, wordsRemoved: 0, similarity: 0 });
    expect(json.documents[2]).toMatchObject({ wordsAdded: 1, wordsRemoved: 1 });
    expect(json.documents.find((d) => d.id === 'https://b/broken')?.error).toEqual({
      code: 'store.no-record',
      message: 'https://b/broken: no record missing',
    });
    expect(json.documents.find((d) => d.change === 'renamed')).toMatchObject({
      from: 'https://a/moved',
      similarity: 1,
    });
    expect(renderVersionText(json)).toContain('2 added, 1 removed, 2 modified, 1 renamed, 40 unchanged');
  });

  it('pages without keeping more than it returns', async () => {
    const diff = diffVersions(source());
    const first = await diff.ranked({ limit: 2 });
    const second = await diff.ranked({ offset: 2, limit: 2 });
    const all = await diff.ranked();
    expect(first.total).toBe(6);
    expect([...first.documents, ...second.documents].map((d) => d.id)).toEqual(
      all.documents.slice(0, 4).map((d) => d.id),
    );
    const limited = await versionDiffJson(diff, { limit: 1 });
    expect(limited.documents).toHaveLength(1);
    expect(limited.omitted).toBe(5);
  });

  it('streams changes on demand, loading only what it yields', async () => {
    const loads: string[] = [];
    const diff = diffVersions(source(loads), { concurrency: 1 });
    const iterator = diff.changes();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ id: 'https://x/1', change: 'modified' });
    expect(loads.sort()).toEqual(['r1', 'r1b']);
    await iterator.return(undefined);
  });

  it('gives the full document diff of one document on demand', async () => {
    const diff = diffVersions(source());
    const doc = await diff.document('https://x/1');
    expect(doc.blocks.map((op) => op.op)).toEqual(['change', 'equal']);
    expect((await diff.document('https://b/new')).stats.blocks.inserted).toBe(1);
    await expect(diff.document('https://nope')).rejects.toMatchObject({ code: 'diff.no-such-document' });
  });

  it('rejects a malformed source', () => {
    expect(() => diffVersions({} as never)).toThrow(expect.objectContaining({ code: 'diff.bad-source' }));
  });
});
