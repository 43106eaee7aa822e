import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DocumentRecord } from '@corpuskit/document';
import { makeRecord, reviewApi } from '@corpuskit/testkit';
import type { ApiRequest } from '@corpuskit/testkit';
import { initCorpus, openCorpus } from '@corpuskit/store';
import type { Store } from '@corpuskit/store';

import type { DecisionResponse, HistoryResponse } from './api-types.js';
import { startReviewServer } from './start.js';
import type { ReviewServer } from './start.js';

/* The reviewer name recorded with the app's decisions, and the history API, on a real store and server. */

function record(id: string, title: string, text: string): DocumentRecord {
  return makeRecord(id, text, {
    title,
    metadata: { language: null },
    stats: { words: 3, inputBytes: 100, textToHtmlRatio: 0.5 },
    source: `${title}.html`,
    provenance: { encodingSource: 'meta', engine: 'jsdom' },
  });
}

const A = 'https://news.example/a';
const B = 'https://news.example/b';

let dir: string;
let store: Store;
let server: ReviewServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-review-history-'));
  const init = await initCorpus(dir);
  await init.stage([{ record: record(A, 'Alpha', 'Alpha one.') }, { record: record(B, 'Beta', 'Beta one.') }]);
  await init.close();
  server = await startReviewServer({ corpusDir: dir, port: 0, reviewer: 'serve default' });
  store = await openCorpus(dir);
});

afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function api<T>(path: string, init?: ApiRequest): Promise<{ status: number; json: T }> {
  return reviewApi(server)<T>(path, init);
}

describe('reviewer name', () => {
  it("records the app's reviewer setting (header), else the body's, else the server's default", async () => {
    const decide = (id: string, headers: Record<string, string>, body: Record<string, unknown> = {}) =>
      api<DecisionResponse>('decisions', { method: 'POST', body: { action: 'accept', ids: [id], ...body }, headers });
    expect((await decide(A, { 'x-corpuskit-reviewer': encodeURIComponent('Zoë Example') })).status).toBe(200);
    expect((await store.getStaged(A))?.entry.decision?.by).toBe('Zoë Example');
    await decide(A, {}, { action: 'pending' });
    await decide(B, {}, { reviewer: 'body name' });
    expect((await store.getStaged(B))?.entry.decision?.by).toBe('body name');
    await api('decisions', { method: 'POST', body: { action: 'pending', ids: [B] } });
    await decide(B, {});
    expect((await store.getStaged(B))?.entry.decision?.by).toBe('serve default');
    const bad = await decide(A, { 'x-corpuskit-reviewer': encodeURIComponent('a\u0007b') });
    expect(bad.status).toBe(400);
    expect((bad.json as unknown as { error: { code: string } }).error.code).toBe('review.invalid-reviewer');
    expect((await api<{ reviewer: string }>('session')).json.reviewer).toBe('serve default');
  });
  it("records the app's reviewer (else the server's default) with a rule saved from the app", async () => {
    const save = (selector: string, headers: Record<string, string>) =>
      api<{ rule: { id: string; by?: string } }>('rules', {
        method: 'POST',
        body: { site: 'news.example', action: 'remove', selector },
        headers,
      });
    const named = await save('.promo', { 'x-corpuskit-reviewer': encodeURIComponent('Zoë Example') });
    expect(named.status).toBe(200);
    expect(named.json.rule.by).toBe('Zoë Example');
    const unnamed = await save('.newsletter', {});
    expect(unnamed.json.rule.by).toBe('serve default');
    const listed = await api<{ rules: { id: string; by?: string }[] }>('rules');
    expect(listed.json.rules.map((rule) => rule.by).sort()).toEqual(['Zoë Example', 'serve default']);
  });
});

describe('history', () => {
  it('lists each version that changed the document or decided about it, and the staging area', async () => {
    await api('decisions', { method: 'POST', body: { action: 'accept', ids: [A] } });
    const first = await api<{ version: string }>('commit', { method: 'POST', body: { message: 'first' } });
    expect(first.status).toBe(200);
    await store.stage([{ record: record(A, 'Alpha', 'Alpha two.') }]);
    await store.accept([A], { by: 'ana', note: 'edited' });
    await store.stage([{ record: record(A, 'Alpha', 'Alpha three.') }]);

    const history = await api<HistoryResponse>(`history?id=${encodeURIComponent(A)}`);
    expect(history.status).toBe(200);
    expect(history.json).toMatchObject({ id: A, title: 'Alpha' });
    const [staged, added] = history.json.steps;
    expect(staged).toMatchObject({
      version: null,
      change: 'staged',
      staged: { change: 'update', state: 'pending', stale: { state: 'accepted', by: 'ana', note: 'edited' } },
    });
    expect(added).toMatchObject({ change: 'added', message: 'first', parent: null });
    expect(added!.decisions).toEqual([
      expect.objectContaining({
        decision: 'accepted',
        change: 'new',
        by: 'serve default',
        contentHash: added!.contentHash,
      }),
    ]);
    expect(history.json.steps).toHaveLength(2);

    expect((await api(`history?id=${encodeURIComponent('https://news.example/none')}`)).status).toBe(404);
    expect((await api('history?id=..%2Fetc')).status).toBe(400);
  });
});

describe('commit author', () => {
  it("records the app's reviewer setting as the version's author, else the server's default", async () => {
    // The first commit (above, in 'history') was made without a reviewer header.
    const versions = async () =>
      (await api<{ versions: { message: string; author: string | null }[] }>('versions')).json;
    expect((await versions()).versions.find((v) => v.message === 'first')?.author).toBe('serve default');

    await api('decisions', { method: 'POST', body: { action: 'accept', ids: [A] } });
    const named = await api<{ version: string }>('commit', {
      method: 'POST',
      body: { message: 'second' },
      headers: { 'x-corpuskit-reviewer': encodeURIComponent('Zoë Example') },
    });
    expect(named.status).toBe(200);
    const head = await store.head();
    expect(head?.id).toBe(named.json.version);
    expect(head?.version.author).toBe('Zoë Example');
    expect((await versions()).versions[0]).toMatchObject({ message: 'second', author: 'Zoë Example' });

    await store.stage([{ record: record(B, 'Beta', 'Beta two.') }]);
    await store.accept([B], { by: 'ana' });
    const bodyNamed = await api<{ version: string }>('commit', {
      method: 'POST',
      body: { message: 'third', reviewer: 'body name' },
    });
    expect(bodyNamed.status).toBe(200);
    expect((await store.head())?.version.author).toBe('body name');

    const bad = await api('commit', {
      method: 'POST',
      body: { message: 'fourth' },
      headers: { 'x-corpuskit-reviewer': encodeURIComponent('a\u0007b') },
    });
    expect(bad.status).toBe(400);
  });
});
