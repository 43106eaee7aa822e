import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { hashValue, sha256, type Version } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import type { Store } from './index.js';
import { CORPUS_DIR, initCorpus, openCorpus } from './index.js';
import { articleUrl as url, makeRecord } from '@corpuskit/testkit';
import { tempFolderPerTest } from '@corpuskit/testkit/per-test';

let dir: string;
let store: Store;
tempFolderPerTest(
  async (folder) => {
    store = await initCorpus((dir = folder), { command: 'test' });
  },
  () => store.close(),
);

const A = url('a');
const B = url('b');
/** The same content fetched again: another record (its source differs), the same content hash. */
const refetch = (id: string, text: string) => makeRecord(id, text, { source: `again/${text.length}.html` });

describe('remembered rejections', () => {
  it('content rejected and unstaged before any commit stays rejected when staged again, until reconsidered', async () => {
    await store.stage([{ record: makeRecord(A, 'Spam text.') }, { record: makeRecord(B, 'Good text.') }]);
    await store.reject([A], { by: 'bo', note: 'spam', at: '2026-03-01T10:00:00Z' });
    expect(await store.clearRejected()).toEqual([A]);
    expect((await store.status()).items.map((e) => e.id)).toEqual([B]);

    const [again] = await store.stage([{ record: refetch(A, 'Spam text.') }]);
    expect(again).toMatchObject({ id: A, change: 'new', state: 'rejected' });
    expect(again!.remembered).toMatchObject({
      version: null,
      record: {
        id: A,
        decision: 'rejected',
        by: 'bo',
        note: 'spam',
        contentHash: makeRecord(A, 'Spam text.').contentHash,
      },
    });
    const entry = (await store.status()).items.find((e) => e.id === A)!;
    expect(entry.state).toBe('rejected');
    expect(entry.decision).toMatchObject({
      by: 'bo',
      note: 'spam',
      remembered: { decision: 'rejected', version: null },
    });

    // Other content for the same id is a new question: pending.
    const [edited] = await store.stage([{ record: makeRecord(A, 'Spam text, rewritten.') }]);
    expect(edited).toMatchObject({ state: 'pending', remembered: null });

    // --reconsider: the rejected content comes back for review.
    const [reconsidered] = await store.stage([{ record: refetch(A, 'Spam text.') }], { reconsider: true });
    expect(reconsidered).toMatchObject({ state: 'pending', remembered: null });
    expect(reconsidered!.reconsidered?.record).toMatchObject({ decision: 'rejected', by: 'bo' });
  });

  it('a rejection still staged keeps its decision when the same content is staged again', async () => {
    await store.stage([{ record: makeRecord(A, 'Spam text.') }]);
    await store.reject([A], { by: 'bo', note: 'spam' });
    const [again] = await store.stage([{ record: refetch(A, 'Spam text.') }]);
    expect(again).toMatchObject({ state: 'rejected', alreadyStaged: false });
    expect(again!.remembered?.record).toMatchObject({ by: 'bo', note: 'spam' });
    expect((await store.status()).items[0]).toMatchObject({ state: 'rejected', source: 'again/10.html' });
    // The very same record once more: nothing to write, still reported as remembered.
    const [same] = await store.stage([{ record: refetch(A, 'Spam text.') }]);
    expect(same).toMatchObject({ state: 'rejected', alreadyStaged: true, remembered: { record: { note: 'spam' } } });
  });

  it('a commit names itself in entries staged rejected from a journal rejection it recorded', async () => {
    await store.stage([{ record: makeRecord(A, 'Spam text.') }, { record: makeRecord(B, 'Good text.') }]);
    await store.reject([A], { by: 'bo' });
    await store.clearRejected();
    await store.stage([{ record: refetch(A, 'Spam text.') }]);
    await store.accept([B]);
    const { id } = await store.commit({ message: 'one' });
    expect((await store.decisions(id)).map((d) => [d.id, d.decision])).toEqual([
      [A, 'rejected'],
      [B, 'accepted'],
    ]);
    expect((await store.status()).items[0]!.decision?.remembered).toEqual({ decision: 'rejected', version: id });
  });

  it('a commit records its decisions with the version; rejections are recorded once and remembered after', async () => {
    await store.stage([{ record: makeRecord(A, 'Kept.') }, { record: makeRecord(B, 'Dropped.') }]);
    await store.accept([A], { by: 'ana', note: 'fine', at: '2026-03-01T10:00:00Z' });
    await store.reject([B], { by: 'bo', note: 'off topic', at: '2026-03-01T10:01:00Z' });
    const first = await store.commit({ message: 'one' });
    expect(first.version.decisions).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.decisions('HEAD')).toEqual([
      {
        id: A,
        change: 'new',
        decision: 'accepted',
        contentHash: makeRecord(A, 'Kept.').contentHash,
        previousContentHash: null,
        by: 'ana',
        at: '2026-03-01T10:00:00.000Z',
        note: 'fine',
      },
      {
        id: B,
        change: 'new',
        decision: 'rejected',
        contentHash: makeRecord(B, 'Dropped.').contentHash,
        previousContentHash: null,
        by: 'bo',
        at: '2026-03-01T10:01:00.000Z',
        note: 'off topic',
      },
    ]);
    // The rejected entry stays staged, marked as recorded: the next commit does not record it again.
    expect((await store.status()).items[0]!.decision).toMatchObject({ committedIn: first.id });
    await store.stage([{ record: makeRecord(A, 'Kept, edited.') }]);
    await store.accept([A], { by: 'ana' });
    const second = await store.commit({ message: 'two' });
    expect((await store.decisions(second.id)).map((d) => [d.id, d.decision, d.change, d.previousContentHash])).toEqual([
      [A, 'accepted', 'update', makeRecord(A, 'Kept.').contentHash],
    ]);
    const log = await store.log('HEAD', { decisions: true });
    expect(log.map((e) => e.decisions?.length)).toEqual([1, 2]);

    // Cleared after the commit, staged again: rejected, naming the version that recorded it.
    await store.clearRejected();
    const [again] = await store.stage([{ record: refetch(B, 'Dropped.') }]);
    expect(again).toMatchObject({ state: 'rejected' });
    expect(again!.remembered).toMatchObject({ version: first.id, record: { by: 'bo', note: 'off topic' } });
    // A reopened, then accepted rejection is the latest decision: it is not remembered as rejected any more.
    await store.reopen([B]);
    await store.accept([B], { by: 'ana', note: 'on second thought' });
    await store.commit({ message: 'three' });
    expect(await store.remembered(B, makeRecord(B, 'Dropped.').contentHash)).toMatchObject({
      record: { decision: 'accepted', note: 'on second thought' },
    });
  });

  it('a document accepted, then removed, stays out when the same content comes back', async () => {
    await store.stage([{ record: makeRecord(A, 'Once here.') }]);
    await store.accept('all', { by: 'ana' });
    await store.commit({ message: 'add' });
    await store.stageRemoval([A]);
    await store.accept([A], { by: 'bo', note: 'retracted story' });
    const removal = await store.commit({ message: 'remove' });
    expect(await store.decisions('HEAD')).toMatchObject([
      { id: A, change: 'remove', decision: 'accepted', contentHash: makeRecord(A, 'Once here.').contentHash },
    ]);
    const [back] = await store.stage([{ record: refetch(A, 'Once here.') }]);
    expect(back).toMatchObject({ change: 'new', state: 'rejected' });
    expect(back!.remembered).toMatchObject({
      version: removal.id,
      record: { change: 'remove', note: 'retracted story' },
    });
    expect((await store.status()).items[0]!.decision?.remembered).toEqual({ decision: 'removed', version: removal.id });
    const [other] = await store.stage([{ record: makeRecord(A, 'A corrected story.') }]);
    expect(other).toMatchObject({ state: 'pending' });
  });
});

describe('stale approvals', () => {
  it('an approval is tied to the content it saw: new content makes it stale and the entry pending', async () => {
    const first = makeRecord(A, 'First cleaning.');
    await store.stage([{ record: first }]);
    await store.accept([A], { by: 'ana', note: 'ok', at: '2026-03-01T10:00:00Z' });
    // The same content fetched again: the approval stands.
    const [same] = await store.stage([{ record: refetch(A, 'First cleaning.') }]);
    expect(same).toMatchObject({ state: 'accepted', stale: null });

    const [changed] = await store.stage([{ record: makeRecord(A, 'Second cleaning.') }]);
    expect(changed).toMatchObject({ state: 'pending' });
    expect(changed!.stale).toEqual({
      state: 'accepted',
      by: 'ana',
      at: '2026-03-01T10:00:00.000Z',
      note: 'ok',
      contentHash: first.contentHash,
    });
    const status = await store.status();
    expect(status).toMatchObject({ pending: 1, accepted: 0 });
    expect(status.items[0]!.stale).toMatchObject({ state: 'accepted', by: 'ana' });
    await expect(store.commit({ message: 'nothing accepted' })).rejects.toMatchObject({
      code: 'store.nothing-to-commit',
    });
    // Deciding again clears the stale mark.
    await store.accept([A], { by: 'ana' });
    expect((await store.status()).items[0]!.stale).toBeUndefined();
  });

  it('an edit of the staged record (updateStagedRecord) makes the approval stale too', async () => {
    await store.stage([{ record: makeRecord(A, 'Before the edit.') }]);
    await store.accept([A], { by: 'ana' });
    const result = await store.updateStagedRecord(A, makeRecord(A, 'After the edit.'));
    expect(result).toMatchObject({ state: 'pending', stale: { state: 'accepted', by: 'ana' } });
    expect((await store.status()).items[0]).toMatchObject({ state: 'pending', stale: { by: 'ana' } });
  });
});

describe('history', () => {
  it('lists every version that changed a document or decided about it, with content hashes, newest first', async () => {
    const v1 = makeRecord(A, 'One.');
    const v2 = makeRecord(A, 'Two.');
    await store.stage([{ record: v1 }, { record: makeRecord(B, 'Other.') }]);
    await store.accept('all', { by: 'ana', note: 'first' });
    const c1 = await store.commit({ message: 'first', tag: 'v1' });
    await store.stage([{ record: v2 }]);
    await store.reject([A], { by: 'bo', note: 'worse' });
    await store.clearRejected();
    await store.stage([{ record: makeRecord(B, 'Other, edited.') }]);
    await store.accept([B], { by: 'ana' });
    const c2 = await store.commit({ message: 'only B' });
    await store.stageRemoval([A]);
    await store.accept([A], { by: 'cy', note: 'gone' });
    const c3 = await store.commit({ message: 'remove A' });
    await store.stage([{ record: v2 }], { reconsider: true });

    const steps = await store.history(A);
    expect(
      steps.map((s) => [
        s.version,
        s.change,
        s.contentHash,
        s.decisions.map((d) => `${d.decision} ${d.change} ${d.by}`),
      ]),
    ).toEqual([
      [null, 'staged', v2.contentHash, []],
      [c3.id, 'removed', null, ['accepted remove cy']],
      [c2.id, 'unchanged', v1.contentHash, ['rejected update bo']],
      [c1.id, 'added', v1.contentHash, ['accepted new ana']],
    ]);
    expect(steps[0]!.staged).toMatchObject({ state: 'pending', change: 'new' });
    expect(steps[3]).toMatchObject({ tags: ['v1'], message: 'first' });
    expect(steps[2]!.decisions[0]!.contentHash).toBe(v2.contentHash);
    expect(await store.history(url('never'))).toEqual([]);
  });
});

describe('on disk', () => {
  it('decisions are content-addressed, covered by the version hash, kept by gc and checked by fsck', async () => {
    await store.stage([{ record: makeRecord(A, 'One.') }]);
    await store.accept('all', { by: 'ana' });
    const { id, version } = await store.commit({ message: 'one' });
    expect(hashValue(version)).toBe(id);
    await store.gc();
    expect((await store.fsck()).ok).toBe(true);
    expect(await store.decisions(id)).toHaveLength(1);

    // A version naming decisions that are not stored: fsck names them and the version.
    const file = (v: string) => join(dir, CORPUS_DIR, 'versions', `${v}.json`);
    const damaged: Version = { ...version, decisions: sha256('not stored') };
    const damagedId = hashValue(damaged);
    writeFileSync(file(damagedId), JSON.stringify(damaged));
    const check = await store.fsck();
    expect(check.ok).toBe(false);
    expect(check.problems).toContainEqual({
      kind: 'missing-object',
      object: sha256('not stored'),
      message: `decisions of version ${damagedId} is missing`,
    });
    rmSync(file(damagedId));

    // An object that is not a decisions object: bad-decisions.
    const { record } = (await store.getEntry('HEAD', A))!;
    const wrong: Version = { ...version, decisions: record };
    const wrongId = hashValue(wrong);
    writeFileSync(file(wrongId), JSON.stringify(wrong));
    expect((await store.fsck()).problems.map((p) => p.kind)).toContain('bad-decisions');
    rmSync(file(wrongId));
    expect((await store.fsck()).ok).toBe(true);
  });

  it('a corpus written before decisions were kept (no decisions in versions or decisions in staged entries) still opens', async () => {
    await store.stage([{ record: makeRecord(A, 'Old.') }, { record: makeRecord(B, 'Older.') }]);
    await store.accept([A], { by: 'ana' });
    const { id, version } = await store.commit({ message: 'old style' });
    await store.reject([B], { by: 'bo' });
    await store.close();
    // Rewrite as an older corpuskit wrote it: a version without `decisions`, entries without decision hashes.
    const root = join(dir, CORPUS_DIR);
    const { decisions: _decisions, ...old } = version;
    const oldId = hashValue(old);
    writeFileSync(join(root, 'versions', `${oldId}.json`), JSON.stringify(old, null, 2));
    rmSync(join(root, 'versions', `${id}.json`));
    const refs = JSON.parse(readFileSync(join(root, 'refs.json'), 'utf8')) as { head: string; staging: string };
    const index = readFileSync(join(root, 'staging', `${refs.staging}.json`), 'utf8').replace(
      /,"contentHash":"[0-9a-f]{64}"(,"committedIn":"[0-9a-f]{64}")?\}/g,
      '}',
    );
    const indexHash = sha256(index);
    writeFileSync(join(root, 'staging', `${indexHash}.json`), index);
    writeFileSync(join(root, 'refs.json'), JSON.stringify({ ...refs, head: oldId, staging: indexHash }));

    const reopened = await openCorpus(dir);
    expect((await reopened.fsck()).ok).toBe(true);
    expect(await reopened.decisions('HEAD')).toEqual([]);
    expect((await reopened.log('HEAD', { decisions: true }))[0]!.decisions).toEqual([]);
    expect((await reopened.history(A)).map((s) => s.change)).toEqual(['added']);
    // The old rejected entry (no content hash in its decision) still counts as a rejection.
    await reopened.clearRejected();
    const [again] = await reopened.stage([{ record: refetch(B, 'Older.') }]);
    expect(again).toMatchObject({ state: 'rejected' });
    await reopened.close();
    store = await openCorpus(dir);
  });
});
