import { copyFileSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CorpusKitError } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { CORPUS_DIR, initCorpus, openCorpus, type Store } from './index.js';
import { articleUrl as url, makeRecord } from '@corpuskit/testkit';
import { tempFolderPerTest } from '@corpuskit/testkit/per-test';

let dir: string;
let store: Store;
tempFolderPerTest(
  async (folder) => {
    dir = folder;
    store = await initCorpus(dir, { command: 'test' });
    await store.stage([1, 2, 3].map((n) => ({ record: makeRecord(url(n), `Text number ${n}, first edition.`) })));
    await store.accept('all');
    await store.commit({ message: 'first', tag: 'v1', time: '2026-01-01T00:00:00Z' });
    await store.stage([{ record: makeRecord(url(4), 'Text number 4, pending.') }]);
  },
  () => store.close(),
);

const objects = (): string => join(dir, CORPUS_DIR, 'objects');

/** Flip a byte of `text` in whichever pack holds it; returns the pack file name. */
function flip(text: string, only?: string): string {
  for (const name of only ? [only] : readdirSync(objects())) {
    const bytes = readFileSync(join(objects(), name));
    const at = bytes.indexOf(text);
    if (at < 0) continue;
    bytes[at] = bytes[at]! ^ 0x20;
    writeFileSync(join(objects(), name), bytes);
    return name;
  }
  throw new Error(`no pack holds ${text}`);
}

async function errorOf(promise: Promise<unknown>): Promise<CorpusKitError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusKitError);
    return error as CorpusKitError;
  }
  throw new Error('expected a CorpusKitError');
}

describe('verified reads', () => {
  it('a corrupt object is a store.corrupt error naming it and its pack, never wrong text', async () => {
    const pack = flip('Text number 2, first edition.');
    const fresh = await openCorpus(dir);
    const error = await errorOf(fresh.getDocument('HEAD', url(2)));
    expect(error.code).toBe('store.corrupt');
    expect(error.kind).toBe('corrupt');
    expect(error.message).toContain(`objects/${pack}`);
    expect(error.details).toMatchObject({ pack: `objects/${pack}`, object: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await fresh.getDocument('HEAD', url(1)))?.document.text).toBe('Text number 1, first edition.');
    await fresh.close();
  });

  it('reads a good copy when another pack holds one', async () => {
    await store.close();
    const [pack] = readdirSync(objects()).filter((n) => readFileSync(join(objects(), n)).includes('number 2, first'));
    // A sealed pack an interrupted writer left behind holds the same objects.
    copyFileSync(join(objects(), pack!), join(objects(), `.tmp-pack-1-leftover`));
    flip('Text number 2, first edition.', pack);
    const fresh = await openCorpus(dir);
    expect(await errorOf(fresh.gc())).toMatchObject({ code: 'store.gc-refused' });
    const dry = await fresh.repair({ dryRun: true });
    expect(dry.lost).toEqual([]);
    expect(dry.restored).toEqual([
      { object: expect.stringMatching(/^[0-9a-f]{64}$/), from: 'objects/.tmp-pack-1-leftover' },
    ]);
    const repaired = await fresh.repair();
    expect(repaired).toMatchObject({ ok: true, lost: [], moved: [`objects/${pack}`], problems: [] });
    expect(readdirSync(join(dir, CORPUS_DIR, 'lost-found'))).toEqual([pack]);
    expect((await fresh.getDocument('HEAD', url(2)))?.document.text).toBe('Text number 2, first edition.');
    expect((await fresh.fsck()).ok).toBe(true);
    // Once the corpus verifies, gc runs again (and clears the leftover).
    expect((await fresh.gc()).files).toContain('objects/.tmp-pack-1-leftover');
    expect((await fresh.status()).pending).toBe(1);
    await fresh.close();
  });

  it('repair names what is lost and what used it', async () => {
    flip('Text number 3, first edition.');
    const fresh = await openCorpus(dir);
    const result = await fresh.repair();
    expect(result.ok).toBe(false);
    expect(result.lost).toHaveLength(1);
    expect(result.lost[0]!.usedBy.join('\n')).toContain(url(3));
    // The damaged pack is kept aside; everything else it held was carried over.
    expect(result.moved).toHaveLength(1);
    expect((await fresh.getDocument('HEAD', url(1)))?.document.text).toBe('Text number 1, first edition.');
    expect((await fresh.getStaged(url(4)))?.record?.document.text).toBe('Text number 4, pending.');
    expect((await fresh.fsck()).problems.map((p) => p.kind)).toEqual(['missing-object']);
    await fresh.close();
  });
});

describe('refs.json', () => {
  const refsPath = (): string => join(dir, CORPUS_DIR, 'refs.json');

  it('is read strictly: unknown or missing keys, bad shapes and bad tag names are store.bad-refs', async () => {
    const good = JSON.parse(readFileSync(refsPath(), 'utf8')) as Record<string, unknown>;
    const cases: Array<Record<string, unknown> | unknown[]> = [
      {},
      [],
      { ...good, extra: 1 },
      { head: good.head, tags: good.tags },
      { ...good, head: 'HEAD' },
      { ...good, staging: 42 },
      { ...good, tags: { 'bad name': good.head } },
      { ...good, tags: { v1: 'nope' } },
    ];
    for (const value of cases) {
      writeFileSync(refsPath(), JSON.stringify(value));
      const fresh = await openCorpus(dir);
      expect((await errorOf(fresh.status())).code, JSON.stringify(value)).toBe('store.bad-refs');
      expect((await fresh.fsck()).problems, JSON.stringify(value)).toContainEqual(
        expect.objectContaining({ kind: 'bad-refs' }),
      );
      await fresh.close();
    }
  });

  it('must name versions that exist: a record hash as HEAD is reported', async () => {
    const refs = JSON.parse(readFileSync(refsPath(), 'utf8')) as { head: string };
    const entry = await store.getEntry('HEAD', url(1));
    writeFileSync(refsPath(), JSON.stringify({ ...refs, head: entry!.record }));
    const fresh = await openCorpus(dir);
    const result = await fresh.fsck();
    expect(result.problems).toContainEqual(
      expect.objectContaining({ kind: 'missing-version', message: 'HEAD names a missing version' }),
    );
    expect(await errorOf(fresh.gc({ dryRun: true }))).toMatchObject({ code: 'store.gc-refused' });
    const repaired = await fresh.repair();
    expect(repaired.refs).toMatchObject({ head: refs.head, tags: {} });
    expect(repaired.ok).toBe(true);
    await fresh.close();
  });
});

describe('I/O errors', () => {
  it('name the path and leave the corpus as it was', async () => {
    const versions = join(dir, CORPUS_DIR, 'versions');
    await store.accept('all');
    const before = { status: await store.status(), head: await store.head() };
    renameSync(versions, `${versions}.aside`);
    writeFileSync(versions, 'not a directory');
    const error = await errorOf(store.commit({ message: 'second' }));
    expect(error).toMatchObject({ code: 'store.io', kind: 'io' });
    expect(error.message).toContain(versions);
    expect(error.message).toMatch(/EEXIST|ENOTDIR/);
    rmSync(versions);
    renameSync(`${versions}.aside`, versions);
    expect(readdirSync(objects()).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    expect({ status: await store.status(), head: await store.head() }).toEqual(before);
    expect((await store.fsck()).problems).toEqual([]);
  });
});
