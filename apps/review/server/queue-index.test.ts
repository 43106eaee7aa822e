import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { reviewItemOf, summaryOf } from '@corpuskit/ingest';
import { initCorpus } from '@corpuskit/store';
import type { Store } from '@corpuskit/store';
import { makeRecord } from '@corpuskit/testkit';

import { QueueIndex } from './queue-index.js';

/* The queue's items at scale: the same as ingest's review items, and kept while the staging area changes around them. */

const RECORDS = Array.from({ length: 12 }, (_, i) =>
  makeRecord(`https://www.site${i % 2}.example/item/${String(i).padStart(2, '0')}`, `Item ${i} text here.`, {
    title: `Item ${i}`,
    status: i % 5 === 1 ? 'suspect' : 'ok',
    findings:
      i % 4 === 2 ? [{ kind: 'near', other: 'https://www.site0.example/item/00', similarity: 0.9, reason: 'x' }] : [],
  }),
);

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-queue-index-'));
  store = await initCorpus(dir);
  await store.stage(RECORDS.map((record) => ({ record })));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('QueueIndex items', () => {
  it("serialise like ingest's reviewItemOf (hash and site included) and read the same", async () => {
    const index = new QueueIndex(store);
    const snapshot = await index.snapshot();
    for (let i = 0; i < snapshot.entries.length; i += 1) {
      const entry = snapshot.entries[i]!;
      const item = await index.item(snapshot, i);
      const expected = reviewItemOf(entry, summaryOf(await store.readRecord(entry.record!)));
      expect(JSON.parse(JSON.stringify(item))).toEqual(JSON.parse(JSON.stringify(expected)));
      expect([item.site, item.hash, item.flags]).toEqual([expected.site, expected.hash, expected.flags]);
    }
  });

  it('reuses the items of unchanged entries in the next state of the staging area, and rebuilds the changed ones', async () => {
    const index = new QueueIndex(store);
    const first = await index.snapshot();
    await index.summariseAll(first);
    const kept = await index.item(first, 0);
    const decided = await index.item(first, 1);
    await store.accept([first.entries[1]!.id]);
    const next = await index.snapshot();
    expect(next.token).not.toBe(first.token);
    expect(await index.item(next, 0)).toBe(kept);
    expect(index.itemNow(next, 0)).toBe(kept);
    const after = await index.item(next, 1);
    expect(after).not.toBe(decided);
    expect([decided.state, after.state]).toEqual(['pending', 'accepted']);
  });
});
