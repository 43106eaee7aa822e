import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DedupFinding, DocumentRecord, DocumentStatus } from '@corpuskit/document';
import { matchesWhere, parseWhere, reviewItemOf, summaryOf } from '@corpuskit/ingest';
import { initCorpus, openCorpus } from '@corpuskit/store';
import type { Store } from '@corpuskit/store';
import { makeRecord, reviewApi } from '@corpuskit/testkit';

import type { BulkDecisionResponse, CommitPreview, QueuePage, SelectionSummary } from './api-types.js';
import { startReviewServer } from './start.js';
import type { ReviewServer } from './start.js';

/** 60 documents on 3 sites; every 10th a near duplicate, every 7th suspect, every 15th not an article. */
const COUNT = 60;
const idOf = (i: number) => `https://site${i % 3}.example/story/${String(i).padStart(3, '0')}`;

function record(i: number): DocumentRecord {
  const status: DocumentStatus = i % 15 === 4 ? 'not-article' : i % 7 === 2 ? 'suspect' : 'ok';
  const text = `Story ${i} about the harbour.\n\nA second paragraph for story ${i}.`;
  const findings: DedupFinding[] =
    i % 10 === 1 ? [{ kind: 'near', other: idOf(0), similarity: 0.9, reason: 'shares most 5-word sequences' }] : [];
  return makeRecord(idOf(i), text, {
    title: `Harbour story ${i}${i % 4 === 0 ? ' (ferry)' : ''}`,
    status,
    metadata: { language: i % 5 === 0 ? 'de' : 'en' },
    findings,
    stats: { words: 14, blocks: 2, inputBytes: 500, textToHtmlRatio: 0.2 },
  });
}

const RECORDS = Array.from({ length: COUNT }, (_, i) => record(i));
const SORTED = RECORDS.map((r) => r.id).sort();

let dir: string;
let store: Store;
let server: ReviewServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-review-queue-'));
  const init = await initCorpus(dir);
  await init.stage(RECORDS.map((r) => ({ record: r })));
  await init.close();
  server = await startReviewServer({ corpusDir: dir, port: 0 });
  store = await openCorpus(dir);
});

afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function api<T>(path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return reviewApi(server)<T>(path, body === undefined ? {} : { method: 'POST', body });
}

const query = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

/** What the CLI's `--where` selects from the same records, sorted by id. */
function cliSelection(where: string, state: (id: string) => string = () => 'pending'): string[] {
  const filter = parseWhere(where);
  return RECORDS.filter((r) =>
    matchesWhere(
      filter,
      reviewItemOf(
        {
          id: r.id,
          change: 'new',
          state: state(r.id) as 'pending',
          record: 'x',
          contentHash: r.contentHash,
          raw: null,
          previous: null,
          findings: r.findings,
          source: null,
          stagedAt: new Date().toISOString(),
          decision: null,
        },
        summaryOf(r),
      ),
    ),
  )
    .map((r) => r.id)
    .sort();
}

describe('the paged queue API', () => {
  it('pages through every entry in id order with counts, and refuses a page size out of range', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < COUNT; offset += 25) {
      const { status, json } = await api<QueuePage>(`queue?${query({ offset, limit: 25 })}`);
      expect(status).toBe(200);
      expect(json.total).toBe(COUNT);
      expect(json.offset).toBe(offset);
      expect(json.counts).toEqual({ pending: COUNT, accepted: 0, rejected: 0, total: COUNT });
      seen.push(...json.items.map((item) => item.id));
    }
    expect(seen).toEqual(SORTED);
    const first = await api<QueuePage>(`queue?${query({ limit: 1 })}`);
    expect(first.json.items[0]).toMatchObject({ id: SORTED[0], title: expect.stringMatching(/^Harbour story/) });
    expect((await api(`queue?limit=0`)).status).toBe(400);
    expect((await api(`queue?limit=5000`)).status).toBe(400);
    expect((await api(`queue?offset=-1`)).status).toBe(400);
  });

  it('filters on the server with the CLI --where syntax: entry terms, record terms, negation, free text', async () => {
    for (const where of [
      'site:site1.example',
      'finding:near',
      'suspect',
      'not-article',
      'lang:de -site:site0.example',
      'title:ferry -flag:suspect',
      'flag:near-duplicate lang:en',
      'no-findings status:ok',
    ]) {
      const { status, json } = await api<QueuePage>(`queue?${query({ where, limit: 1000 })}`);
      expect(status, where).toBe(200);
      const expected = cliSelection(where);
      expect(expected.length, where).toBeGreaterThan(0);
      expect(
        json.items.map((item) => item.id),
        where,
      ).toEqual(expected);
      expect(json.total, where).toBe(expected.length);
    }
    const suspect = await api<QueuePage>(`queue?${query({ where: 'suspect', limit: 1 })}`);
    expect(suspect.json.items[0]!.flags).toContain('suspect');
    const text = await api<QueuePage>(`queue?${query({ q: 'STORY/05', limit: 100 })}`);
    expect(text.json.items.map((item) => item.id)).toEqual(SORTED.filter((id) => id.includes('story/05')));
  });

  it('answers a bad filter with 400 naming the term', async () => {
    const { status, json } = await api<{ error: { message: string } }>(`queue?${query({ where: 'flag:shiny' })}`);
    expect(status).toBe(400);
    expect(json.error.message).toContain('shiny');
  });

  it('keeps offsets stable through a snapshot while decisions change states, then shows the new state', async () => {
    const first = await api<QueuePage>(`queue?${query({ where: 'pending', limit: 10 })}`);
    const decided = first.json.items.slice(0, 3).map((item) => item.id);
    await api('decisions', { action: 'accept', ids: decided });
    // Page 2 of the list as first shown: the accepted three are still counted before it.
    const second = await api<QueuePage>(
      `queue?${query({ where: 'pending', offset: 10, limit: 10, snapshot: first.json.snapshot })}`,
    );
    expect(second.json.snapshot).toBe(first.json.snapshot);
    expect(second.json.items.map((item) => item.id)).toEqual(SORTED.slice(10, 20));
    // The first page again through the snapshot: same ids, current states.
    const again = await api<QueuePage>(
      `queue?${query({ where: 'pending', limit: 10, snapshot: first.json.snapshot })}`,
    );
    expect(again.json.items.slice(0, 3).map((item) => item.state)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(again.json.counts).toMatchObject({ accepted: 3, pending: COUNT - 3 });
    // Without the snapshot, the list is taken afresh.
    const fresh = await api<QueuePage>(`queue?${query({ where: 'pending', limit: 10 })}`);
    expect(fresh.json.snapshot).not.toBe(first.json.snapshot);
    expect(fresh.json.total).toBe(COUNT - 3);
    expect(fresh.json.items[0]!.id).toBe(SORTED[3]);
    await api('decisions', { action: 'pending', ids: decided });
  });

  it('counts what a bulk accept takes by flag, accepts only the entries of that list still pending, and refuses a list it does not know', async () => {
    const where = 'site:site1.example';
    const page = await api<QueuePage>(`queue?${query({ where, limit: 5 })}`);
    const selection = await api<SelectionSummary>(`queue/selection?${query({ where, snapshot: page.json.snapshot })}`);
    const expected = cliSelection(where);
    const expectedRecords = RECORDS.filter((r) => expected.includes(r.id));
    expect(selection.json.total).toBe(expected.length);
    expect(selection.json.listed).toBe(expected.length);
    const near = expectedRecords.filter((r) => r.findings.some((f) => f.kind === 'near')).length;
    const suspect = expectedRecords.filter((r) => r.document.status === 'suspect').length;
    const notArticle = expectedRecords.filter((r) => r.document.status === 'not-article').length;
    expect(selection.json.flags).toEqual(
      [
        { flag: 'near-duplicate', count: near },
        { flag: 'not-article', count: notArticle },
        { flag: 'suspect', count: suspect },
      ].filter((entry) => entry.count > 0),
    );
    expect(selection.json.changes).toEqual({ new: expected.length, update: 0, remove: 0 });

    // One of them is decided from elsewhere (another process): the list the reviewer saw is gone.
    const other = await openCorpus(dir, { command: 'shell' });
    await other.reject([expected[0]!]);
    await other.close();
    const stale = await api<{ error: { code: string } }>('decisions/bulk', {
      action: 'accept',
      where,
      snapshot: selection.json.snapshot,
    });
    // The list is still known (it was taken before), so the accept goes ahead on its pending entries only.
    expect(stale.status).toBe(200);
    const accepted = (stale.json as unknown as BulkDecisionResponse).ids;
    expect(accepted).toEqual(expected.slice(1));
    expect((await store.getStaged(expected[0]!))?.entry.state).toBe('rejected');
    expect((await store.getStaged(expected[1]!))?.entry.state).toBe('accepted');

    const unknown = await api<{ error: { code: string } }>('decisions/bulk', {
      action: 'accept',
      where,
      snapshot: 'f'.repeat(64),
    });
    expect(unknown.status).toBe(409);
    expect(unknown.json.error.code).toBe('review.queue-changed');
  });

  it('lists what a commit takes, and refuses a commit when the staging area moved since the listing', async () => {
    const preview = await api<CommitPreview>(`queue/commit?limit=5`);
    const accepted = (await store.status()).items.filter((e) => e.state === 'accepted').map((e) => e.id);
    expect(preview.json.total).toBe(accepted.length);
    expect(preview.json.changes).toEqual({ new: accepted.length, update: 0, remove: 0 });
    expect(preview.json.items.map((item) => item.id)).toEqual(accepted.slice(0, 5));
    expect(preview.json.items[0]!.title).toMatch(/^Harbour story/);

    await store.accept([SORTED[0]!]);
    const refused = await api<{ error: { code: string } }>('commit', {
      message: 'from the dialog',
      snapshot: preview.json.snapshot,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('review.queue-changed');

    const again = await api<CommitPreview>(`queue/commit?limit=5`);
    expect(again.json.total).toBe(accepted.length + 1);
    const done = await api<{ version: string }>('commit', {
      message: 'from the dialog',
      snapshot: again.json.snapshot,
    });
    expect(done.status).toBe(200);
    expect((await store.log())[0]!.version.counts.added).toBe(accepted.length + 1);
  });
});
