import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CorpusKitError, hashValue, sha256, type Version } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { CORPUS_DIR, FileBackend, Store, findCorpusRoot, initCorpus, openCorpus } from './index.js';
import { articleUrl as url, makeRecord, tempDir } from '@corpuskit/testkit';
import { tempFolderPerTest } from '@corpuskit/testkit/per-test';

let dir: string;
let store: Store;
tempFolderPerTest(
  async (folder) => {
    store = await initCorpus((dir = folder), { command: 'test' });
  },
  () => store.close(),
);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusKitError);
    return (error as CorpusKitError).code;
  }
  throw new Error('expected a CorpusKitError');
}

async function commitAll(message: string, tag?: string) {
  await store.accept('all', { by: 'tester' });
  return store.commit({ message, tag, time: '2026-01-01T00:00:00Z' });
}

describe('corpus directory', () => {
  it('is found from nested directories, like git', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect(findCorpusRoot(join(dir, 'a', 'b'))).toBe(dir);
    const { dir: other, cleanup: done } = tempDir();
    expect(findCorpusRoot(other)).toBeNull();
    done();
  });

  it('refuses to open a directory that is not a corpus, or a newer format', async () => {
    const { dir: other, cleanup: done } = tempDir();
    expect(await codeOf(openCorpus(other))).toBe('store.not-a-corpus');
    expect(await codeOf(initCorpus(dir))).toBe('store.already-a-corpus');
    writeFileSync(join(dir, CORPUS_DIR, 'format.json'), JSON.stringify({ format: 'corpuskit-store', version: 99 }));
    expect(await codeOf(openCorpus(dir))).toBe('store.unsupported-format');
    done();
  });

  it('opens by the corpus directory or the .corpuskit directory itself', async () => {
    await store.stage([{ record: makeRecord(url(1), 'One.') }]);
    for (const path of [dir, join(dir, CORPUS_DIR)]) {
      const again = await openCorpus(path);
      expect((await again.status()).pending).toBe(1);
      await again.close();
    }
  });
});

describe('staging and review', () => {
  it('stages new documents as pending with their findings and source', async () => {
    const record = makeRecord(url(1), 'First text.');
    record.findings = [{ kind: 'near', other: url(9), similarity: 0.9, reason: 'near duplicate' }];
    const [result] = await store.stage([{ record, source: 'pages/one.html' }]);
    expect(result).toMatchObject({ id: url(1), change: 'new', replacedPending: false });
    const status = await store.status();
    expect(status).toMatchObject({ head: null, pending: 1, accepted: 0, rejected: 0 });
    expect(status.items[0]).toMatchObject({
      id: url(1),
      change: 'new',
      state: 'pending',
      source: 'pages/one.html',
      findings: record.findings,
      contentHash: record.contentHash,
      decision: null,
    });
    expect(await store.readRecord(status.items[0]!.record!)).toEqual(record);
    expect((await store.getStaged(url(1)))?.record).toEqual(record);
  });

  it('replaces a pending entry when the same id is staged again, and keeps an identical one', async () => {
    await store.stage([{ record: makeRecord(url(1), 'Version A.') }]);
    await store.accept([url(1)]);
    const same = await store.stage([{ record: makeRecord(url(1), 'Version A.') }]);
    expect(same[0]).toMatchObject({ change: 'new', alreadyStaged: true });
    expect((await store.status()).accepted).toBe(1);
    const replaced = await store.stage([{ record: makeRecord(url(1), 'Version B.') }]);
    expect(replaced[0]).toMatchObject({ change: 'new', replacedPending: true });
    const status = await store.status();
    expect(status).toMatchObject({ pending: 1, accepted: 0 });
    expect((await store.getStaged(url(1)))?.record?.document.text).toBe('Version B.');
  });

  it('reports identical and update against HEAD by content hash', async () => {
    await store.stage([{ record: makeRecord(url(1), 'Stable.') }, { record: makeRecord(url(2), 'Old.') }]);
    await commitAll('first');
    const again = makeRecord(url(1), 'Stable.');
    again.document.provenance.cleanerVersion = '9.9.9'; // new cleaner, same content: not a change
    const results = await store.stage([{ record: again }, { record: makeRecord(url(2), 'New.') }]);
    expect(results.map((r) => r.change)).toEqual(['identical', 'update']);
    const status = await store.status();
    expect(status.items.map((e) => [e.id, e.change])).toEqual([[url(2), 'update']]);
    expect(status.items[0]!.previous?.contentHash).toBe(makeRecord(url(2), 'Old.').contentHash);
    expect((await store.getStaged(url(2)))?.previous?.document.text).toBe('Old.');
  });

  it('records who decided, when and why; rejected entries stay until cleared', async () => {
    await store.stage([1, 2, 3].map((n) => ({ record: makeRecord(url(n), `Text ${n}.`) })));
    expect(await store.accept([url(1)], { by: 'ana', note: 'fine', at: '2026-02-03T04:05:06Z' })).toEqual([url(1)]);
    expect(await store.reject([url(2)], { by: 'bo', note: 'spam' })).toEqual([url(2)]);
    const status = await store.status();
    expect(status).toMatchObject({ pending: 1, accepted: 1, rejected: 1 });
    expect(status.items[0]!.decision).toEqual({
      by: 'ana',
      at: '2026-02-03T04:05:06.000Z',
      note: 'fine',
      contentHash: makeRecord(url(1), 'Text 1.').contentHash,
    });
    expect(status.items[1]!.decision).toMatchObject({ by: 'bo', note: 'spam' });
    await store.commit({ message: 'one' });
    expect((await store.status()).items.map((e) => e.state)).toEqual(['rejected', 'pending']);
    expect(await store.clearRejected()).toEqual([url(2)]);
    expect(await store.unstage([url(3)])).toEqual([url(3)]);
    expect((await store.status()).items).toEqual([]);
    expect(await codeOf(store.accept([url(7)]))).toBe('store.not-staged');
  });

  it('refuses bad records and raw bytes that do not match the provenance, naming the input', async () => {
    const bad = makeRecord(url(1), 'Text.');
    bad.contentHash = sha256('something else');
    const error = await store
      .stage([{ record: bad, source: 'a.html' }], { verifyContentHash: true })
      .catch((e: CorpusKitError) => e);
    expect(error).toMatchObject({ code: 'store.invalid-record', subject: 'a.html' });
    const noId = { ...makeRecord(url(1), 'Text.'), id: '/abs/path' };
    expect(await codeOf(store.stage([{ record: noId }]))).toBe('store.invalid-record');
    const good = makeRecord(url(1), 'Text.');
    expect(await codeOf(store.stage([{ record: good, raw: Buffer.from('other bytes') }]))).toBe('store.raw-mismatch');
    expect((await store.status()).items).toEqual([]);
  });

  it('lets a reviewer replace a staged record, which goes back to pending', async () => {
    await store.stage([{ record: makeRecord(url(1), 'Kept.') }]);
    await store.accept([url(1)]);
    const edited = makeRecord(url(1), 'Kept.\n\nRestored block.');
    const result = await store.updateStagedRecord(url(1), edited);
    expect(result).toMatchObject({ change: 'new', replacedPending: true });
    const staged = await store.getStaged(url(1));
    expect(staged?.entry.state).toBe('pending');
    expect(staged?.record?.document.text).toBe('Kept.\n\nRestored block.');
  });
  it('reopens decided entries, a decided removal included, back to pending', async () => {
    await store.stage([1, 2].map((n) => ({ record: makeRecord(url(n), `Text ${n}.`) })));
    await store.accept('all');
    await store.commit({ message: 'one' });
    await store.stage([{ record: makeRecord(url(3), 'Text 3.') }]);
    await store.stageRemoval([url(2)]);
    await store.accept([url(2)], { by: 'ana' });
    await store.reject([url(3)], { by: 'bo', note: 'no' });
    expect(await store.reopen([url(2), url(3)])).toEqual([url(2), url(3)]);
    const items = (await store.status()).items;
    expect(items.map((e) => [e.id, e.change, e.state, e.decision])).toEqual([
      [url(2), 'remove', 'pending', null],
      [url(3), 'new', 'pending', null],
    ]);
    // Pending entries are left alone; an id that is not staged is an error.
    expect(await store.reopen([url(2)])).toEqual([]);
    expect(await codeOf(store.reopen([url(9)]))).toBe('store.not-staged');
    // The reopened removal is not committed until accepted again.
    expect(await codeOf(store.commit({ message: 'nothing' }))).toBe('store.nothing-to-commit');
  });

  it('names the staging index in status: the same until the area changes, new after any change', async () => {
    expect((await store.status()).staging).toBeNull();
    await store.stage([3, 1, 2].map((n) => ({ record: makeRecord(url(n), `Text ${n}.`) })));
    const first = await store.status();
    expect(first.staging).toMatch(/^[0-9a-f]{64}$/);
    expect(first.items.map((e) => e.id)).toEqual([url(1), url(2), url(3)]);
    // A caller changing the returned list does not change what the next caller gets.
    first.items.reverse();
    const again = await store.status();
    expect(again.staging).toBe(first.staging);
    expect(again.items.map((e) => e.id)).toEqual([url(1), url(2), url(3)]);
    await store.accept([url(2)]);
    const after = await store.status();
    expect(after.staging).not.toBe(first.staging);
    expect([after.pending, after.accepted, after.rejected]).toEqual([2, 1, 0]);
    // Another process's change (a second Store on the same corpus) shows too.
    const other = await openCorpus(dir, { command: 'other' });
    await other.reject([url(3)]);
    await other.close();
    const seen = await store.status();
    expect(seen.staging).not.toBe(after.staging);
    expect(seen.items.find((e) => e.id === url(3))?.state).toBe('rejected');
    // Inside a transaction with unwritten changes no index names the state.
    await store.transaction(async () => {
      await store.reopen([url(3)]);
      expect((await store.status()).staging).toBeNull();
    });
  });

  it('reads a staging index once for readers that ask at the same time (a fresh process serving its first requests)', async () => {
    await store.stage([1, 2, 3].map((n) => ({ record: makeRecord(url(n), `Text ${n}.`) })));
    const fresh = await openCorpus(dir, { command: 'fresh' });
    try {
      const [a, b, c] = await Promise.all([fresh.status(), fresh.status(), fresh.head()]);
      expect(a.items.map((e) => e.id)).toEqual([url(1), url(2), url(3)]);
      // One parse: the same entry objects, not three copies.
      expect(b.items[0]).toBe(a.items[0]);
      expect(c).toBeNull();
      // A later change is read afresh.
      await store.accept([url(1)]);
      const after = await fresh.status();
      expect(after.items[0]!.state).toBe('accepted');
      expect(after.items[1]).not.toBe(a.items[1]);
    } finally {
      await fresh.close();
    }
  });
});

describe('versions', () => {
  it('commits accepted changes only, as a hashed immutable version', async () => {
    expect(await codeOf(store.commit({ message: 'empty' }))).toBe('store.nothing-to-commit');
    await store.stage([1, 2, 3].map((n) => ({ record: makeRecord(url(n), `Text ${n}.`) })));
    await store.accept([url(1), url(2)]);
    const first = await store.commit({ message: 'first', author: 'ana', time: '2026-01-01T00:00:00Z', tag: 'v1' });
    expect(first.version).toMatchObject({
      parent: null,
      message: 'first',
      author: 'ana',
      counts: { documents: 2, added: 2, modified: 0, removed: 0 },
    });
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    const file = JSON.parse(readFileSync(join(dir, CORPUS_DIR, 'versions', `${first.id}.json`), 'utf8'));
    expect(file).toEqual(first.version);
    expect((await store.status()).items.map((e) => e.id)).toEqual([url(3)]);
    expect(await store.getDocument('HEAD', url(1))).toEqual(makeRecord(url(1), 'Text 1.'));
    expect(await store.getDocument('HEAD', url(3))).toBeNull();

    await store.stage([{ record: makeRecord(url(1), 'Text 1, edited.') }]);
    await store.stageRemoval([url(2)]);
    await store.accept('all');
    const second = await store.commit({ message: 'second', time: '2026-01-02T00:00:00Z' });
    expect(second.version.parent).toBe(first.id);
    expect(second.version.counts).toEqual({ documents: 2, added: 1, modified: 1, removed: 1 });

    expect((await store.log()).map((e) => [e.id, e.tags])).toEqual([
      [second.id, []],
      [first.id, ['v1']],
    ]);
    expect((await store.resolve('HEAD~1')).id).toBe(first.id);
    expect((await store.resolve('HEAD^')).id).toBe(first.id);
    expect((await store.resolve('v1')).id).toBe(first.id);
    expect((await store.resolve(first.id.slice(0, 8))).id).toBe(first.id);
    expect(await codeOf(store.resolve('HEAD~5'))).toBe('store.unknown-ref');
    expect(await codeOf(store.resolve('nope'))).toBe('store.unknown-ref');
    expect(await codeOf(store.tag('v1', 'HEAD'))).toBe('store.tag-exists');
    await store.tag('v2');
    expect(await store.tags()).toEqual([
      { name: 'v1', id: first.id },
      { name: 'v2', id: second.id },
    ]);
    expect((await store.getDocument('v1', url(1)))?.document.text).toBe('Text 1.');
    expect((await store.manifest('HEAD')).map((e) => e.id)).toEqual([url(1), url(3)]);

    const diff = await store.diffManifests('v1', 'HEAD');
    expect(diff.added.map((e) => e.id)).toEqual([url(3)]);
    expect(diff.removed.map((e) => e.id)).toEqual([url(2)]);
    expect(diff.modified.map((m) => m.new.id)).toEqual([url(1)]);
    expect(diff.unchanged).toBe(0);
  });

  it('resolves `staged` as HEAD plus accepted changes without storing a version', async () => {
    await store.stage([{ record: makeRecord(url(1), 'A.') }]);
    await commitAll('first');
    await store.stage([{ record: makeRecord(url(2), 'B.') }, { record: makeRecord(url(1), 'A2.') }]);
    await store.accept([url(2)]);
    const staged = await store.resolve('staged');
    expect(staged).toMatchObject({ id: null, staged: true });
    const ids = [];
    for await (const doc of store.documents('staged')) ids.push([doc.id, doc.document.text]);
    expect(ids).toEqual([
      [url(1), 'A.'],
      [url(2), 'B.'],
    ]);
    const diff = await store.diffManifests('HEAD', 'staged');
    expect(diff.added.map((e) => e.id)).toEqual([url(2)]);
    expect(diff.modified).toEqual([]);
    expect(readdirSync(join(dir, CORPUS_DIR, 'versions'))).toHaveLength(1);
  });

  it('exports a version as JSON lines and keeps raw bytes for re-cleaning', async () => {
    const record = makeRecord(url(1), 'Body text.');
    const raw = Buffer.from('<html><body><p>Body text.</p></body></html>'.repeat(40));
    record.document.provenance.rawSha256 = sha256(raw);
    await store.stage([{ record, raw }, { record: makeRecord(url(2), 'Other.') }]);
    const head = await commitAll('first');
    const lines: string[] = [];
    expect(await store.exportJsonl('HEAD', (line) => void lines.push(line))).toBe(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ id: url(1), version: head.id, text: 'Body text.', contentHash: record.contentHash });
    expect(first.provenance.rawSha256).toBe(sha256(raw));
    expect(Buffer.from((await store.rawOf('HEAD', url(1)))!)).toEqual(raw);
    expect(Buffer.from((await store.getRaw(sha256(raw)))!)).toEqual(raw);
  });

  it('keeps side state for ingest', async () => {
    expect(await store.readState('dedup-index')).toBeNull();
    await store.writeState('dedup-index', Buffer.from('{"a":1}'));
    expect(Buffer.from((await store.readState('dedup-index'))!).toString()).toBe('{"a":1}');
    expect(await codeOf(store.writeState('../escape', 'x'))).toBe('store.invalid-state-name');
  });
});

describe('references', () => {
  it('explains an empty history, and refuses an ambiguous prefix', async () => {
    expect(await store.log()).toEqual([]);
    expect(await store.head()).toBeNull();
    expect(await codeOf(store.resolve('HEAD'))).toBe('store.no-versions');
    // Two version files whose ids share their first 4 hex digits (found by varying the message).
    const seen = new Map<string, Version>();
    let pair: [Version, Version] | null = null;
    for (let i = 0; !pair; i++) {
      const version: Version = {
        schemaVersion: 1,
        root: sha256('root'),
        parent: null,
        message: `m${i}`,
        time: '2026-01-01T00:00:00.000Z',
        author: null,
        counts: { documents: 0, added: 0, modified: 0, removed: 0 },
      };
      const prefix = hashValue(version).slice(0, 4);
      const other = seen.get(prefix);
      if (other) pair = [other, version];
      else seen.set(prefix, version);
    }
    for (const version of pair) {
      writeFileSync(join(dir, CORPUS_DIR, 'versions', `${hashValue(version)}.json`), JSON.stringify(version));
    }
    const prefix = hashValue(pair[0]).slice(0, 4);
    const error = await store.resolve(prefix).catch((e: CorpusKitError) => e);
    expect(error).toMatchObject({ code: 'store.ambiguous-ref', kind: 'usage' });
    expect((await store.resolve(hashValue(pair[0]).slice(0, 12))).version).toEqual(pair[0]);
  });
});

describe('transactions', () => {
  it('write once at the end, and drop their changes when they throw', async () => {
    await store.transaction(async () => {
      await store.stage([{ record: makeRecord(url(1), 'One.') }]);
      await store.accept([url(1)]);
      expect((await store.status()).accepted).toBe(1);
    });
    expect((await store.status()).accepted).toBe(1);
    const failed = store.transaction(async () => {
      await store.stage([{ record: makeRecord(url(2), 'Two.') }]);
      throw new Error('ingest failed');
    });
    await expect(failed).rejects.toThrow('ingest failed');
    expect((await store.status()).items.map((e) => e.id)).toEqual([url(1)]);
    expect((await store.fsck()).ok).toBe(true);
  });
});

describe('locking', () => {
  it('lets one writer in at a time and names the holder', async () => {
    const other = await openCorpus(dir, { command: 'corpuskit ingest pages/' });
    let error: unknown;
    await other.transaction(async () => {
      error = await store.stage([{ record: makeRecord(url(1), 'x') }]).catch((e: unknown) => e);
    });
    expect(error).toMatchObject({ code: 'store.locked', kind: 'locked' });
    expect((error as CorpusKitError).message).toContain(`process ${process.pid}`);
    expect((error as CorpusKitError).message).toContain('corpuskit ingest pages/');
    await store.stage([{ record: makeRecord(url(1), 'x') }]);
    await other.close();
  });

  it('queues concurrent writers of one Store instead of failing', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => store.stage([{ record: makeRecord(url(n), `Text ${n}.`) }])));
    await Promise.all([store.accept([url(1)]), store.reject([url(2)]), store.fsck()]);
    expect(await store.status()).toMatchObject({ pending: 2, accepted: 1, rejected: 1 });
  });

  it('breaks a stale lock left by a dead process on this host', async () => {
    const { spawnSync } = await import('node:child_process');
    const { hostname } = await import('node:os');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(
      join(dir, CORPUS_DIR, 'lock'),
      JSON.stringify({
        pid: Number(dead),
        hostname: hostname(),
        command: 'crashed',
        startedAt: '2026-01-01T00:00:00Z',
        token: 't',
      }),
    );
    await store.stage([{ record: makeRecord(url(1), 'x') }]);
    expect((await store.status()).pending).toBe(1);
  });
});

describe('packs', () => {
  it('seals packs in the background during a long batch and reads across all of them', async () => {
    const small = new Store(dir, new FileBackend(join(dir, CORPUS_DIR), { packRollBytes: 4096 }));
    await small.transaction(async () => {
      for (let b = 0; b < 4; b++) {
        await small.stage(
          Array.from({ length: 25 }, (_, i) => ({
            record: makeRecord(url(b * 25 + i), `Text ${b} ${i}. `.repeat(40)),
          })),
        );
      }
      await small.accept('all');
      await small.commit({ message: 'many packs' });
    });
    expect(readdirSync(join(dir, CORPUS_DIR, 'objects')).filter((f) => f.endsWith('.pack')).length).toBeGreaterThan(5);
    const again = await openCorpus(dir);
    expect(await again.count('HEAD')).toBe(100);
    expect((await again.getDocument('HEAD', url(77)))?.document.text).toBe('Text 3 2. '.repeat(40));
    expect((await again.fsck()).problems).toEqual([]);
    await again.gc();
    expect(readdirSync(join(dir, CORPUS_DIR, 'objects')).filter((f) => f.endsWith('.pack'))).toHaveLength(1);
    expect((await again.fsck()).problems).toEqual([]);
    await again.close();
    await small.close();
  });
});

describe('fsck and gc', () => {
  it('passes on a healthy store and finds a corrupted object', async () => {
    await store.stage([1, 2].map((n) => ({ record: makeRecord(url(n), `Text number ${n}.`) })));
    await commitAll('first');
    const ok = await store.fsck();
    expect(ok.problems).toEqual([]);
    expect(ok.ok).toBe(true);
    expect(ok.checked.versions).toBe(1);

    const packs = join(dir, CORPUS_DIR, 'objects');
    const pack = readdirSync(packs).find((f) => readFileSync(join(packs, f)).includes('Text number 1.'))!;
    const bytes = readFileSync(join(packs, pack));
    const at = bytes.indexOf('Text number 1.');
    bytes[at] = 'X'.charCodeAt(0);
    writeFileSync(join(packs, pack), bytes);
    const fresh = await openCorpus(dir);
    const bad = await fresh.fsck();
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.kind)).toContain('hash-mismatch');
    await fresh.close();
  });

  it('removes only what no version, tag or staged entry reaches', async () => {
    const raw = Buffer.from('raw page one '.repeat(100));
    const one = makeRecord(url(1), 'One.');
    one.document.provenance.rawSha256 = sha256(raw);
    await store.stage([{ record: one, raw }, { record: makeRecord(url(2), 'Two, first draft.') }]);
    await store.accept([url(1)]);
    await store.commit({ message: 'first' });
    // Replacing the pending draft leaves the old record unreachable.
    await store.stage([{ record: makeRecord(url(2), 'Two, second draft.') }]);
    const dry = await store.gc({ dryRun: true });
    expect(dry.unreachable.length).toBeGreaterThan(0);
    expect(dry.removedBytes).toBeGreaterThan(0);
    const real = await store.gc();
    expect(real.unreachable.sort()).toEqual(dry.unreachable.sort());
    expect((await store.gc({ dryRun: true })).unreachable).toEqual([]);
    expect((await store.fsck()).problems).toEqual([]);
    expect(Buffer.from((await store.rawOf('HEAD', url(1)))!)).toEqual(raw);
    expect((await store.getStaged(url(2)))?.record?.document.text).toBe('Two, second draft.');
  });
});
