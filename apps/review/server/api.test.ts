import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentHash } from '@corpuskit/document';
import type { DedupFinding, DocumentRecord, Removal } from '@corpuskit/document';
import { makeRecord, reviewApi } from '@corpuskit/testkit';
import type { ApiRequest } from '@corpuskit/testkit';
import { initCorpus, openCorpus } from '@corpuskit/store';
import type { Store } from '@corpuskit/store';

import type { DecisionResponse, QueueDetail, QueuePage, VersionDiffPage, VersionEntry } from './api-types.js';
import { startReviewServer } from './start.js';
import type { ReviewServer } from './start.js';

function record(
  id: string,
  title: string,
  text: string,
  removed: Removal[] = [],
  findings: DedupFinding[] = [],
): DocumentRecord {
  return makeRecord(id, text, {
    title,
    metadata: { language: null, siteName: 'Example', sources: { siteName: 'meta[property=og:site_name]' } },
    removed,
    findings,
    stats: { blocks: text.split('\n\n').length, inputBytes: 1000, textToHtmlRatio: text.length / 1000 },
    source: `${title}.html`,
    provenance: { encodingSource: 'meta', engine: 'jsdom' },
  });
}

const DONATION: Removal = {
  category: 'donation',
  rule: 'donation/ladder',
  reason: 'a donation appeal',
  text: 'Support us with $5, $10 or $25.',
  chars: 31,
  position: 1,
};
const COMMENTS: Removal = {
  category: 'comments',
  rule: 'comments/thread',
  reason: 'reader comments',
  text: 'Notify of new replies. 3 comments.',
  chars: 34,
  position: 2,
};

const A = 'https://news.example/a';
const B = 'https://news.example/b';
const C = 'https://other.example/c';

let dir: string;
let store: Store;
let server: ReviewServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-review-api-'));
  const init = await initCorpus(dir);
  await init.stage([
    { record: record(A, 'Alpha', 'First paragraph of alpha.\n\nSecond paragraph of alpha.', [DONATION, COMMENTS]) },
    { record: record(B, 'Beta', 'Beta stands alone.\n\nIt has two paragraphs.') },
    {
      record: record(
        C,
        'Gamma',
        'Beta stands alone.\n\nIt has two paragraphs.',
        [],
        [{ kind: 'exact', other: B, similarity: 1, reason: 'same normalised text' }],
      ),
    },
  ]);
  await init.close();
  server = await startReviewServer({ corpusDir: dir, port: 0 });
  base = `http://127.0.0.1:${server.port}`;
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

describe('request size', () => {
  /** POST with node:http (no keep-alive), reading the answer even when the server stops reading first. */
  function post(body: Buffer, chunked: boolean): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${base}/api/decisions`, {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${server.token}`,
          origin: base,
          'content-type': 'application/json',
          ...(chunked ? {} : { 'content-length': String(body.length) }),
        },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      });
      for (let offset = 0; offset < body.length; offset += 64 * 1024)
        request.write(body.subarray(offset, offset + 64 * 1024));
      request.end();
    });
  }

  it('refuses a request body over 1 MiB with 413, with a length or chunked, and stays up', async () => {
    const big = Buffer.from(JSON.stringify({ action: 'accept', ids: ['x'], note: 'n'.repeat(2 * 1024 * 1024) }));
    for (const chunked of [false, true]) {
      const answer = await post(big, chunked);
      expect(answer.status).toBe(413);
      expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('review.too-large');
    }
    expect((await api<QueuePage>('queue')).status).toBe(200);
  });
});

describe('review API over a real store', () => {
  it('lists the queue with titles, sites, states and findings', async () => {
    const { status, json } = await api<QueuePage>('queue');
    expect(status).toBe(200);
    expect(json.counts).toEqual({ pending: 3, accepted: 0, rejected: 0, total: 3 });
    expect(json.items.map((item) => [item.id, item.title, item.site, item.change, item.state])).toEqual([
      [A, 'Alpha', 'news.example', 'new', 'pending'],
      [B, 'Beta', 'news.example', 'new', 'pending'],
      [C, 'Gamma', 'other.example', 'new', 'pending'],
    ]);
    expect(json.items[2]!.findings).toEqual([{ kind: 'exact', other: B, similarity: 1 }]);
  });

  it('shows one document with its blocks, removed blocks in place, metadata sources and the duplicate side by side', async () => {
    const { json } = await api<QueueDetail>(`queue/item?id=${encodeURIComponent(A)}`);
    expect(json.blocks).toEqual(['First paragraph of alpha.', 'Second paragraph of alpha.']);
    expect(json.removed.map((r) => [r.index, r.category, r.position])).toEqual([
      [0, 'donation', 1],
      [1, 'comments', 2],
    ]);
    expect(json.metadata?.sources).toEqual({ siteName: 'meta[property=og:site_name]' });

    const dup = await api<QueueDetail>(`queue/item?id=${encodeURIComponent(C)}`);
    expect(dup.json.findings[0]).toMatchObject({
      kind: 'exact',
      other: B,
      otherDocument: {
        id: B,
        where: 'staged',
        title: 'Beta',
        blocks: ['Beta stands alone.', 'It has two paragraphs.'],
      },
    });
  });

  it('compares a duplicate with the document its finding names, word by word', async () => {
    const { status, json } = await api<{
      from: string;
      diff: { kind: string; stats: { similarity: number } };
      similarity: number;
      similarityText: string;
    }>(`queue/compare?id=${encodeURIComponent(C)}&other=${encodeURIComponent(B)}`);
    expect(status).toBe(200);
    expect(json.from).toBe(B);
    expect(json.diff.kind).toBe('document-diff');
    expect(json.diff.stats.similarity).toBe(1);
    // The comparison shows the number the finding carries, measured by the same function.
    const detail = await api<{ findings: Array<{ other: string; similarity: number; similarityText: string }> }>(
      `queue/item?id=${encodeURIComponent(C)}`,
    );
    const finding = detail.json.findings.find((f) => f.other === B)!;
    expect(json.similarity).toBe(finding.similarity);
    expect(json.similarityText).toBe(finding.similarityText);
    expect(json.similarityText).toBe('100.0% similar (shared 5-word sequences, Jaccard)');
    const missing = await api<{ error: { code: string } }>(
      `queue/compare?id=${encodeURIComponent(C)}&other=${encodeURIComponent('https://nowhere.example/x')}`,
    );
    expect(missing.status).toBe(404);
  });

  it('rejects ids with path tricks or control characters (400), and unknown ids (404)', async () => {
    for (const id of [
      '../../etc/passwd',
      'file:../secret',
      'file:/etc/passwd',
      'https://x.example/a\u0000b',
      '',
      'HTTP://News.Example/a',
    ]) {
      const { status, json } = await api<{ error: { code: string } }>(`queue/item?id=${encodeURIComponent(id)}`);
      expect(status, id).toBe(400);
      expect(json.error.code).toBe('review.invalid-id');
    }
    const decision = await api<{ error: { code: string } }>('decisions', {
      method: 'POST',
      body: { action: 'accept', ids: ['file:a/../../b'] },
    });
    expect(decision.status).toBe(400);
    const missing = await api<{ error: { code: string } }>(
      `queue/item?id=${encodeURIComponent('https://news.example/zzz')}`,
    );
    expect(missing.status).toBe(404);
  });

  it('restores a removed block into the text in place, and undoes it', async () => {
    const restored = await api<QueueDetail>('restore', { method: 'POST', body: { id: A, removal: 0 } });
    expect(restored.status).toBe(200);
    expect(restored.json.blocks).toEqual([
      'First paragraph of alpha.',
      'Support us with $5, $10 or $25.',
      'Second paragraph of alpha.',
    ]);
    expect(restored.json.removed.map((r) => [r.category, r.position])).toEqual([['comments', 3]]);
    const staged = await store.getStaged(A);
    expect(staged?.record?.document.text).toContain('Support us with $5');
    expect(staged?.record?.contentHash).toBe(contentHash(staged!.record!.document));

    const undone = await api<QueueDetail>('restore/undo', { method: 'POST', body: { id: A } });
    expect(undone.json.blocks).toEqual(['First paragraph of alpha.', 'Second paragraph of alpha.']);
    expect(undone.json.removed).toHaveLength(2);
    const again = await api<{ error: { code: string } }>('restore/undo', { method: 'POST', body: { id: A } });
    expect(again.status).toBe(409);
  });

  it('accepts, rejects with a note, undoes back to pending, and commits', async () => {
    const accepted = await api<DecisionResponse>('decisions', {
      method: 'POST',
      body: { action: 'accept', ids: [A, B] },
    });
    expect(accepted.json.counts).toMatchObject({ pending: 1, accepted: 2 });
    const rejected = await api<DecisionResponse>('decisions', {
      method: 'POST',
      body: { action: 'reject', ids: [C], note: 'duplicate of beta' },
    });
    expect(rejected.json.items).toEqual([
      expect.objectContaining({ id: C, state: 'rejected', note: 'duplicate of beta' }),
    ]);
    expect((await store.status()).rejected).toBe(1);

    const undo = await api<DecisionResponse>('decisions', { method: 'POST', body: { action: 'pending', ids: [C] } });
    expect(undo.json.items[0]).toMatchObject({ id: C, state: 'pending', note: null });

    const commit = await api<{ version: string }>('commit', { method: 'POST', body: { message: 'first', tag: 'v1' } });
    expect(commit.status).toBe(200);
    expect(commit.json.version).toMatch(/^[0-9a-f]{64}$/);
    const { json } = await api<{ versions: VersionEntry[] }>('versions');
    expect(json.versions).toEqual([
      expect.objectContaining({ id: commit.json.version, message: 'first', tags: ['v1'] }),
    ]);
    const nothing = await api<{ error: { code: string } }>('commit', { method: 'POST', body: { message: 'again' } });
    expect(nothing.status).toBe(409);

    // A decided removal can be undone too (it was refused with 409 before the store could reopen).
    await store.stageRemoval([A]);
    await api<DecisionResponse>('decisions', { method: 'POST', body: { action: 'accept', ids: [A] } });
    const reopened = await api<DecisionResponse>('decisions', {
      method: 'POST',
      body: { action: 'pending', ids: [A] },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.json.items[0]).toMatchObject({ id: A, change: 'remove', state: 'pending' });
  });

  it('diffs two versions: counts by type, pages of documents with filters, one document with word-level segments', async () => {
    await store.stage([
      { record: record(A, 'Alpha', 'First paragraph of alpha, edited.\n\nSecond paragraph of alpha.') },
      { record: record('https://news.example/d', 'Delta', 'A new article.') },
    ]);
    await store.accept('all');
    await store.commit({ message: 'second' });

    const summary = await api<{ summary: Record<string, number>; sites: Array<{ site: string; count: number }> }>(
      'diff?old=HEAD~1&new=HEAD',
    );
    // C was put back to pending by the undo above, so `accept('all')` took it in too.
    expect(summary.json.summary).toEqual({ added: 2, removed: 0, modified: 1, renamed: 0, unchanged: 1 });
    expect(summary.json.sites).toEqual([
      { site: 'news.example', count: 2 },
      { site: 'other.example', count: 1 },
    ]);

    const page = await api<VersionDiffPage>('diff/documents?old=HEAD~1&new=HEAD&types=modified');
    expect(page.json.total).toBe(1);
    expect(page.json.items[0]).toMatchObject({ id: A, type: 'modified', site: 'news.example' });

    const doc = await api<{
      diff: { changed: boolean; blocks: Array<{ op: string; segments?: Array<{ op: string; text: string }> }> };
    }>(`diff/document?old=HEAD~1&new=HEAD&id=${encodeURIComponent(A)}`);
    expect(doc.json.diff.changed).toBe(true);
    const change = doc.json.diff.blocks.find((op) => op.op === 'change');
    expect(change?.segments?.some((s) => s.op === 'insert' && s.text.includes('edited'))).toBe(true);

    // Titles and sizes of change arrive from the background pass; then the size filter applies.
    for (let i = 0; i < 200; i += 1) {
      const { json: progress } = await api<{ measured: number; total: number }>('diff?old=HEAD~1&new=HEAD');
      if (progress.measured === progress.total) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const measured = await api<VersionDiffPage>('diff/documents?old=HEAD~1&new=HEAD');
    expect(measured.json.items.map((entry) => [entry.id, entry.title, entry.size])).toEqual([
      [A, 'Alpha', 1],
      ['https://news.example/d', 'Delta', 3],
      [C, 'Gamma', 7],
    ]);
    const big = await api<VersionDiffPage>('diff/documents?old=HEAD~1&new=HEAD&minSize=3');
    expect(big.json.items.map((entry) => entry.id)).toEqual(['https://news.example/d', C]);
    const site = await api<VersionDiffPage>('diff/documents?old=HEAD~1&new=HEAD&site=other.example');
    expect(site.json.items.map((entry) => entry.id)).toEqual([C]);

    // The same content under a new id is a rename, and its diff is empty.
    await store.stageRemoval(['https://news.example/d']);
    await store.stage([{ record: record('https://news.example/d-moved', 'Delta', 'A new article.') }]);
    await store.accept('all');
    await store.commit({ message: 'third' });
    const renamed = await api<VersionDiffPage>('diff/documents?old=HEAD~1&new=HEAD');
    expect(renamed.json.items).toEqual([
      expect.objectContaining({ id: 'https://news.example/d-moved', type: 'renamed', from: 'https://news.example/d' }),
    ]);
    const renamedDoc = await api<{ from: string; diff: { changed: boolean } }>(
      `diff/document?old=HEAD~1&new=HEAD&id=${encodeURIComponent('https://news.example/d-moved')}&from=${encodeURIComponent('https://news.example/d')}`,
    );
    expect(renamedDoc.json).toMatchObject({ from: 'https://news.example/d', diff: { changed: false } });

    const badRef = await api<{ error: { code: string } }>('diff?old=../x&new=HEAD');
    expect(badRef.status).toBe(400);
    const unknownRef = await api<{ error: { code: string } }>('diff?old=nosuchtag&new=HEAD');
    expect(unknownRef.status).toBe(404);
  });
});
