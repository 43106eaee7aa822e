import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, tempCorpus } from './helpers.js';

interface StatusItem {
  id: string;
  change: string;
  flags: string[];
  findings: Array<{ kind: string; other: string; similarity: number }>;
}

const CANONICAL = 'https://news.example/harbour-pier';

describe('a page whose canonical URL names another document', () => {
  let dir = '';
  let cleanup = async () => {};
  const run = (...args: string[]) => corpuskit(args, { cwd: dir });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempCorpus());
    await mkdir(path.join(dir, 'first'));
    await writeFile(
      path.join(dir, 'first/pier.html'),
      articlePage('Harbour pier opens', { canonical: CANONICAL, seed: 'Harbour' }),
    );
    expect((await run('ingest', 'first')).code).toBe(0);
    expect((await run('accept', '--all')).code).toBe(0);
    expect((await run('commit', '-m', 'First')).code).toBe(0);
  });
  afterAll(() => cleanup());

  it('differing a lot: staged with a canonical-conflict finding that status and --where show', async () => {
    await mkdir(path.join(dir, 'other'));
    // Another article entirely (its own words), claiming the pier story's canonical URL.
    const other = articlePage('Council budget approved', { canonical: CANONICAL, seed: 'Budget' }).replace(
      /The harbour authority said[^,]*/g,
      'Councillors voted late on Tuesday to approve a budget that cuts library hours and raises parking fees',
    );
    await writeFile(path.join(dir, 'other/budget.html'), other);
    const ingest = await run('ingest', 'other', '--json');
    expect(ingest.code, ingest.stderr).toBe(0);
    const item = ingest.json<{ items: Array<{ id: string; outcome: string; findings: StatusItem['findings'] }> }>()
      .items[0]!;
    expect(item.id).toBe(CANONICAL);
    const conflict = item.findings.find((finding) => finding.kind === 'canonical-conflict');
    expect(conflict).toMatchObject({ other: CANONICAL, address: 'file:budget.html' });
    expect(conflict!.similarity).toBeLessThan(0.3);

    const status = await run('status', '--json');
    const entry = status.json<{ items: StatusItem[] }>().items.find((i) => i.id === CANONICAL)!;
    expect(entry.flags).toContain('canonical-conflict');
    expect(entry.findings.map((f) => f.kind)).toContain('canonical-conflict');
    expect((await run('status')).stdout).toMatch(
      /canonical conflict: its canonical URL names a document in the corpus/,
    );
    for (const where of ['canonical-conflict', 'finding:canonical-conflict', 'flag:canonical-conflict']) {
      const filtered = await run('status', '--where', where, '--json');
      expect(filtered.code, where).toBe(0);
      expect(filtered.json<{ items: StatusItem[] }>().items.map((i) => i.id)).toEqual([CANONICAL]);
    }
    const show = await run('show', CANONICAL, '--version', 'staged');
    expect(show.code).toBeLessThan(2);
  });

  it('an edited edition of the same article is an update with no conflict', async () => {
    expect((await run('unstage', CANONICAL)).code).toBe(0);
    await mkdir(path.join(dir, 'edition'));
    await writeFile(
      path.join(dir, 'edition/pier.html'),
      articlePage('Harbour pier opens', { canonical: CANONICAL, seed: 'Harbour', paragraphs: 7 }),
    );
    const ingest = await run('ingest', 'edition', '--json');
    expect(ingest.code, ingest.stderr).toBe(0);
    const item = ingest.json<{ items: Array<{ id: string; outcome: string; findings: StatusItem['findings'] }> }>()
      .items[0]!;
    expect(item).toMatchObject({ id: CANONICAL, outcome: 'updated' });
    expect(item.findings.map((finding) => finding.kind)).toEqual(['revision']);
    const filtered = await run('status', '--where', 'canonical-conflict', '--json');
    expect(filtered.json<{ items: StatusItem[] }>().items).toEqual([]);
  });
});

describe('a page of another kind than an article', () => {
  let dir = '';
  let cleanup = async () => {};
  const run = (...args: string[]) => corpuskit(args, { cwd: dir });
  beforeAll(async () => ({ dir, cleanup } = await tempCorpus()));
  afterAll(() => cleanup());

  it('has a not-article finding of its own shape; status names it (not as a duplicate of itself)', async () => {
    const post = (i: number) =>
      `<div class="post topic-body" itemprop="comment"><div class="author"><a href="/u/u${i}">u${i}</a> <time datetime="2024-05-0${i}">May ${i}</time></div><div class="post-body"><p>Reply ${i}: I used the two-person tent on the ridge walk for a week in May and it kept dry through two storms, though the poles bent a little on the last night.</p></div><div class="reply-button">Reply</div></div>`;
    await mkdir(path.join(dir, 'pages'));
    await writeFile(
      path.join(dir, 'pages/thread.html'),
      `<!-- saved from url=(0036)https://forum.example.org/t/tents/42 -->
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Which tent? - Example Forum</title>
<meta name="generator" content="Discourse 3.2"><meta property="og:type" content="website">
<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which tent?"}</script></head>
<body><header><a href="/">Example Forum</a></header><div id="main-outlet"><h1>Which tent?</h1>
${[1, 2, 3, 4, 5, 6].map(post).join('\n')}</div></body></html>`,
    );
    const ingest = await run('ingest', 'pages', '--json');
    expect(ingest.code, ingest.stderr).toBe(0);
    const item = ingest.json<{ items: Array<{ id: string; findings: Array<Record<string, unknown>> }> }>().items[0]!;
    expect(item.findings).toEqual([
      expect.objectContaining({ kind: 'not-article', pageType: 'forum', other: item.id }),
    ]);
    expect(item.findings[0]!.confidence).toBe(item.findings[0]!.similarity);
    const status = await run('status');
    expect(status.stdout).toMatch(/not an article \(page-type confidence 0\.\d\d\)/);
    expect(status.stdout).not.toMatch(/duplicate of/);
    const filtered = await run('status', '--where', 'finding:not-article page:forum', '--json');
    expect(filtered.code, filtered.stderr).toBe(0);
    expect(filtered.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toEqual([item.id]);
  });
});
