import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { initCorpus } from '@corpuskit/store';
import type { Store } from '@corpuskit/store';
import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, it } from 'vitest';

import type { CleanDocument } from '@corpuskit/document';

import { runCleanTask } from './clean-task.js';
import type { CleanFn } from './clean-task.js';
import { CANONICAL_CONFLICT_BELOW, canonicalConflictFindings, notArticleFindings } from './findings.js';
import { ingest } from './pipeline.js';
import type { IngestResult } from './results.js';
import { reclean } from './reclean.js';
import { LINES_STATE, MAX_LISTED_COPIES, storeSession } from './store-session.js';

const WORDS =
  'The council met on Tuesday evening to discuss the new budget for the coming year and the long list of repairs that the old library building needs before winter';

function paragraphs(seed: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${seed} paragraph ${i + 1}: ${WORDS}, said a spokesperson for ${seed} number ${i * 7 + 3}.`,
  );
}

function page({
  title,
  body,
  head = '',
  extra = '',
}: {
  title: string;
  body: string[];
  head?: string;
  extra?: string;
}): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('\n')}${extra}</article>
<footer>Copyright Example News</footer></body></html>`;
}

async function fixture(): Promise<{ dir: string; pages: string }> {
  const dir = tempDirForTest('ingest-pipeline-');
  const pages = path.join(dir, 'pages');
  await mkdir(path.join(pages, 'sub'), { recursive: true });
  await writeFile(
    path.join(pages, 'canonical.html'),
    page({
      title: 'Library repairs',
      body: paragraphs('library', 6),
      head: '<link rel="canonical" href="https://news.example/library?utm_source=x">',
    }),
  );
  await writeFile(
    path.join(pages, 'saved.html'),
    `<!-- saved from url=(0029)https://news.example/bridge/ -->\n${page({ title: 'Bridge closed', body: paragraphs('bridge', 6) })}`,
  );
  await writeFile(path.join(pages, 'sidecar.html'), page({ title: 'School opens', body: paragraphs('school', 6) }));
  await writeFile(
    path.join(pages, 'sidecar.html.json'),
    JSON.stringify({
      url: 'https://other.example/school',
      fetchedAt: '2024-05-01T10:00:00Z',
      headers: { 'content-type': 'text/html; charset=utf-8' },
    }),
  );
  await writeFile(path.join(pages, 'sub/local.html'), page({ title: 'Local notes', body: paragraphs('notes', 6) }));
  await writeFile(
    path.join(pages, 'image.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  await writeFile(path.join(pages, 'empty.html'), '');
  return { dir, pages };
}

async function corpus(dir: string, name = 'corpus'): Promise<Store> {
  return initCorpus(path.join(dir, name));
}

describe('ingest', () => {
  it('lists at most MAX_LISTED_COPIES copies of a page in its findings and counts the rest', async () => {
    const dir = tempDirForTest('ingest-copies-');
    const pages = path.join(dir, 'pages');
    await mkdir(pages);
    const copies = MAX_LISTED_COPIES + 4;
    const html = page({ title: 'Harbour', body: paragraphs('harbour', 8) });
    for (let i = 0; i < copies; i += 1)
      await writeFile(path.join(pages, `copy-${String(i).padStart(2, '0')}.html`), html);
    const result = await ingest(storeSession(await corpus(dir)), ['pages'], { cwd: dir, concurrency: 2 });
    expect(result.counts).toMatchObject({ new: copies, exactDuplicates: copies - 1 });
    const findingsOf = (i: number) =>
      result.files.find((file) => file.source.endsWith(`copy-${String(i).padStart(2, '0')}.html`))!.findings;
    // The last page in id order has every other copy before it: ten listed, the last says how many more.
    const last = findingsOf(copies - 1).filter((f) => f.kind === 'exact');
    expect(last).toHaveLength(MAX_LISTED_COPIES);
    expect(last.at(-1)!.reason).toMatch(/\(this batch\); 3 more not listed$/);
    expect(last.slice(0, -1).every((f) => f.reason.endsWith('(this batch)'))).toBe(true);
    // A page with fewer copies before it lists them all.
    expect(findingsOf(5).filter((f) => f.kind === 'exact')).toHaveLength(5);
  });

  it('stages the same records whatever the concurrency, the order pages finish in, and where raw bytes are compressed', async () => {
    const { dir, pages } = await fixture();
    // Duplicates and near-duplicates make the staging order matter; sizes differ so largest-first reorders.
    for (let i = 0; i < 8; i += 1) {
      await writeFile(
        path.join(pages, `many-${i}.html`),
        page({ title: `Story ${i % 3}`, body: paragraphs(`story ${i % 3}`, 3 + i), head: '' }),
      );
    }
    // A copy and a near copy inside the batch: checked against pages staged before them in id order.
    const harbour = paragraphs('harbour', 12);
    await writeFile(path.join(pages, 'copy-a.html'), page({ title: 'Harbour', body: harbour }));
    await writeFile(path.join(pages, 'copy-b.html'), page({ title: 'Harbour', body: harbour }));
    await writeFile(path.join(pages, 'copy-c.html'), page({ title: 'Harbour', body: harbour.slice(0, 11) }));
    const started: string[] = [];
    let signed = 0;
    // Finishes pages in an order unrelated to the order they were given.
    const shuffled: CleanFn = async (task) => {
      started.push(task.source);
      const page = await runCleanTask(task);
      if (page.dedup) signed += 1;
      await new Promise((resolve) => setTimeout(resolve, (task.source.length * 37) % 23));
      return page;
    };
    const runs: Array<{ files: IngestResult['files']; staged: unknown[]; state: Buffer[] }> = [];
    for (const [name, options] of [
      ['one', { concurrency: 1 }],
      ['four', { concurrency: 4, cleanFn: shuffled, deflateRaw: true, dedupSignature: true }],
      // Every cleaned page waits for staging in the spool's file, none in memory.
      ['spilled', { concurrency: 3, cleanFn: shuffled, deflateRaw: true, dedupSignature: true, spool: { budget: 0 } }],
    ] as const) {
      const store = await corpus(dir, name);
      const result = await ingest(storeSession(store), ['pages'], { cwd: dir, ...options });
      const status = await store.status();
      runs.push({
        files: result.files,
        staged: status.items.map((item) => [item.id, item.record, item.contentHash, item.raw, item.findings]),
        state: [await store.readState('dedup-index'), await store.readState(LINES_STATE)].map((b) => Buffer.from(b!)),
      });
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    // In-batch copies and near copies (found with the earlier pages' texts read back from the spool).
    const inBatch = (name: string) =>
      runs[0]!.files
        .find((file) => file.source.endsWith(name))!
        .findings.filter((f) => f.reason.endsWith('(this batch)'))
        .map((f) => f.kind);
    expect([inBatch('copy-b.html'), inBatch('copy-c.html')]).toEqual([['exact'], ['near', 'near']]);
    expect(runs[0]!.staged.length).toBeGreaterThan(8);
    // The cleaning thread signed every cleaned page for dedup (staging used those signatures).
    expect(signed).toBe(2 * runs[1]!.files.filter((file) => file.outcome !== 'failed').length);
    // Largest first: the eight story pages grow with i, so the biggest is handed out first.
    expect(started.indexOf('pages/many-7.html')).toBeLessThan(started.indexOf('pages/many-0.html'));
  });

  it('a page that cannot wait for staging (the spool cannot be written) fails naming the file and the path; the batch goes on', async () => {
    const { dir } = await fixture();
    const store = await corpus(dir);
    const notAFolder = path.join(dir, 'pages/canonical.html');
    const result = await ingest(storeSession(store), ['pages'], {
      cwd: dir,
      spool: { budget: 0, dir: notAFolder },
    });
    const spoolFailed = result.files.filter((file) => file.error?.code === 'ingest.spool-failed');
    // Each of the four pages that clean fails with the path and the cause; the bad files keep their own errors.
    expect(spoolFailed.map((file) => path.basename(file.source)).sort()).toEqual([
      'canonical.html',
      'local.html',
      'saved.html',
      'sidecar.html',
    ]);
    expect(result.failed.map((f) => f.code).sort()).toEqual([
      'ingest.binary',
      'ingest.empty',
      ...Array(4).fill('ingest.spool-failed'),
    ]);
    for (const file of spoolFailed) {
      expect(file.error).toMatchObject({ kind: 'io' });
      expect(file.error!.message).toContain(notAFolder);
      expect(file.error!.message).toMatch(/ENOTDIR/);
    }
    expect((await store.status()).items).toHaveLength(0);
  });

  it('stages new pages with ids from their origin, and reports bad files with their cause', async () => {
    const { dir } = await fixture();
    const store = await corpus(dir);
    const result = await ingest(storeSession(store), ['pages'], { cwd: dir });
    expect(result.counts).toMatchObject({ files: 6, new: 4, updated: 0, unchanged: 0, failed: 2, skipped: 1 });
    expect(result.failed).toEqual([
      { source: 'pages/empty.html', code: 'ingest.empty', error: 'the file is empty' },
      { source: 'pages/image.html', code: 'ingest.binary', error: 'not HTML or text: this is a PNG image' },
    ]);
    const ids = result.files.filter((f) => f.outcome === 'new').map((f) => f.id);
    expect(ids.sort()).toEqual([
      'file:sub/local.html',
      'https://news.example/bridge',
      'https://news.example/library',
      'https://other.example/school',
    ]);
    const status = await store.status();
    expect(status.pending).toBe(4);
    const school = await store.getStaged('https://other.example/school');
    expect(school?.record?.document.provenance).toMatchObject({
      fetchedAt: '2024-05-01T10:00:00.000Z',
      source: 'pages/sidecar.html',
    });
    expect(school?.entry.raw).toBe(school?.record?.document.provenance.rawSha256);
  });

  it('re-ingesting is unchanged; an edit is an update with a revision finding; a copy elsewhere is an exact duplicate', async () => {
    const { dir, pages } = await fixture();
    const store = await corpus(dir);
    await ingest(storeSession(store), ['pages'], { cwd: dir });
    const again = await ingest(storeSession(store), ['pages'], { cwd: dir });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 4 });
    await store.accept('all');
    await store.commit({ message: 'first' });

    await writeFile(
      path.join(pages, 'canonical.html'),
      page({
        title: 'Library repairs',
        body: [...paragraphs('library', 6), 'An update: the repairs will start in May.'],
        head: '<link rel="canonical" href="https://news.example/library">',
      }),
    );
    await writeFile(
      path.join(dir, 'copy.html'),
      page({
        title: 'Bridge closed',
        body: paragraphs('bridge', 6),
        head: '<link rel="canonical" href="https://mirror.example/bridge-copy">',
      }),
    );
    const edited = await ingest(storeSession(store), ['pages/canonical.html', 'copy.html'], { cwd: dir });
    expect(edited.counts).toMatchObject({ new: 1, updated: 1, exactDuplicates: 1 });
    const library = edited.files.find((f) => f.id === 'https://news.example/library')!;
    expect(library.outcome).toBe('updated');
    expect(library.findings).toEqual([
      expect.objectContaining({ kind: 'revision', other: 'https://news.example/library' }),
    ]);
    const copy = edited.files.find((f) => f.id === 'https://mirror.example/bridge-copy')!;
    expect(copy.findings).toEqual([
      expect.objectContaining({ kind: 'exact', other: 'https://news.example/bridge', similarity: 1 }),
    ]);
  });

  it('gives the same staging area and state whatever the concurrency', async () => {
    const { dir } = await fixture();
    const one = await corpus(dir, 'one');
    const four = await corpus(dir, 'four');
    const a = await ingest(storeSession(one), ['pages'], { cwd: dir, concurrency: 1 });
    const b = await ingest(storeSession(four), ['pages'], { cwd: dir, concurrency: 4 });
    expect(b.counts).toEqual(a.counts);
    expect(b.files).toEqual(a.files);
    const strip = (items: Awaited<ReturnType<Store['status']>>['items']) =>
      items.map(({ stagedAt: _t, ...rest }) => rest);
    expect(strip((await four.status()).items)).toEqual(strip((await one.status()).items));
    expect(Buffer.from((await four.readState('dedup-index'))!)).toEqual(
      Buffer.from((await one.readState('dedup-index'))!),
    );
    expect(Buffer.from((await four.readState(LINES_STATE))!)).toEqual(Buffer.from((await one.readState(LINES_STATE))!));
  });

  it('stages the file given last when two files of a batch have the same id', async () => {
    const { dir, pages } = await fixture();
    const store = await corpus(dir);
    await writeFile(
      path.join(pages, 'zz-later.html'),
      `<!-- saved from url=(0029)https://news.example/bridge/ -->\n${page({ title: 'Bridge reopened', body: paragraphs('reopened', 6) })}`,
    );
    const result = await ingest(storeSession(store), ['pages'], { cwd: dir });
    const bridge = result.files.filter((f) => f.id === 'https://news.example/bridge');
    expect(bridge.map((f) => [f.source, f.outcome])).toEqual([
      ['pages/saved.html', 'superseded'],
      ['pages/zz-later.html', 'new'],
    ]);
    expect((await store.getStaged('https://news.example/bridge'))?.record?.document.title).toBe('Bridge reopened');
    const reversed = await ingest(
      storeSession(await corpus(dir, 'reversed')),
      ['pages/zz-later.html', 'pages/saved.html'],
      { cwd: dir },
    );
    expect(
      reversed.files.filter((f) => f.id === 'https://news.example/bridge').map((f) => [f.source, f.outcome]),
    ).toEqual([
      ['pages/saved.html', 'new'],
      ['pages/zz-later.html', 'superseded'],
    ]);
  });

  it("learns a site's repeated lines and removes them from that site's later pages", async () => {
    const dir = tempDirForTest('ingest-lines-');
    const store = await corpus(dir);
    const promo = 'Subscribe to the Harbour Gazette for two pounds a month';
    for (const n of [1, 2, 3, 4]) {
      await writeFile(
        path.join(dir, `p${n}.html`),
        page({
          title: `Story ${n}`,
          body: paragraphs(`story${n}`, 5),
          extra: `<p>${promo}</p>`,
          head: `<link rel="canonical" href="https://gazette.example/story-${n}">`,
        }),
      );
    }
    await ingest(storeSession(store), ['p1.html', 'p2.html', 'p3.html'], { cwd: dir });
    const before = (await store.getStaged('https://gazette.example/story-1'))!.record!.document.text;
    expect(before).toContain(promo);
    const table = JSON.parse(Buffer.from((await store.readState(LINES_STATE))!).toString('utf8'));
    expect(JSON.stringify(table)).toContain('subscribe to the harbour gazette');
    const later = await ingest(storeSession(store), ['p4.html'], { cwd: dir });
    expect(later.counts.new).toBe(1);
    const fourth = (await store.getStaged('https://gazette.example/story-4'))!.record!.document;
    expect(fourth.text).not.toContain(promo);
    expect(fourth.removed).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'repeated' })]));
  });
});

describe('reclean', () => {
  it('re-cleans stored raw pages, stages nothing when the output is the same, and names an unknown site', async () => {
    const { dir } = await fixture();
    const store = await corpus(dir);
    await ingest(storeSession(store), ['pages'], { cwd: dir });
    await store.accept('all');
    await store.commit({ message: 'first' });
    const session = storeSession(store);
    const result = await reclean(session, session, {});
    expect(result.counts).toMatchObject({ files: 4, unchanged: 4, new: 0, updated: 0, failed: 0 });
    const site = await reclean(session, session, { site: 'news.example' });
    expect(site.counts.files).toBe(2);
    await expect(reclean(session, session, { site: 'nowhere.example' })).rejects.toMatchObject({
      code: 'ingest.no-documents',
    });
  });
});

describe('page types', () => {
  const withType = (pageType: CleanDocument['pageType']) => ({ pageType }) as CleanDocument;

  it('gives a not-article finding for a page of another type, none for an article or an untyped page', () => {
    const scores = {
      article: 0.05,
      forum: 0.9,
      product: 0.01,
      collection: 0.01,
      listing: 0.01,
      documentation: 0.01,
      service: 0.01,
    };
    const [finding, ...rest] = notArticleFindings(
      withType({ type: 'forum', confidence: 0.9, scores }),
      'https://x.example/t/1',
    );
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      kind: 'not-article',
      other: 'https://x.example/t/1',
      similarity: 0.9,
      pageType: 'forum',
      confidence: 0.9,
      reason: 'the page reads as a forum thread, not a news article (page-type confidence 0.90)',
    });
    expect(notArticleFindings(withType({ type: 'article', confidence: 0.8, scores }), 'a')).toEqual([]);
    // An unsure model flags nothing.
    expect(notArticleFindings(withType({ type: 'listing', confidence: 0.55, scores }), 'a')).toEqual([]);
    expect(notArticleFindings(withType(undefined), 'a')).toEqual([]);
  });

  it('stages a forum thread with a not-article finding next to the articles (nothing dropped)', async () => {
    const dir = tempDirForTest('ingest-pagetype-');
    await mkdir(path.join(dir, 'pages'));
    const post = (i: number) =>
      `<div class="post topic-body" itemprop="comment"><div class="author"><a href="/u/u${i}">u${i}</a> <time datetime="2024-05-0${i}">May ${i}</time></div><div class="post-body"><p>${paragraphs(`reply${i}`, 1)[0]}</p></div><div class="reply-button">Reply</div></div>`;
    await writeFile(
      path.join(dir, 'pages/thread.html'),
      `<!-- saved from url=(0036)https://forum.example.org/t/tents/42 -->
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Which tent? - Example Forum</title>
<meta name="generator" content="Discourse 3.2"><meta property="og:type" content="website">
<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which tent?"}</script></head>
<body><header><a href="/">Example Forum</a></header><div id="main-outlet"><h1>Which tent?</h1>
${[1, 2, 3, 4, 5, 6].map(post).join('\n')}</div></body></html>`,
    );
    await writeFile(
      path.join(dir, 'pages/news.html'),
      page({ title: 'Library repairs', body: paragraphs('library', 6) }),
    );
    const store = await corpus(dir);
    const result = await ingest(storeSession(store), ['pages'], { cwd: dir });
    expect(result.counts).toMatchObject({ new: 2, failed: 0 });
    const thread = result.files.find((f) => f.source === 'pages/thread.html');
    expect(thread?.findings.map((f) => f.kind)).toEqual(['not-article']);
    const staged = await store.getStaged('https://forum.example.org/t/tents/42');
    expect(staged?.record?.document.pageType?.type).toBe('forum');
    expect(staged?.record?.findings[0]?.kind).toBe('not-article');
    for (const i of [1, 2, 3, 4, 5, 6]) expect(staged?.record?.document.text).toContain(`reply${i} paragraph 1`);
    const news = result.files.find((f) => f.source === 'pages/news.html');
    expect(news?.findings).toEqual([]);
  });
});

describe('canonical conflicts', () => {
  const revision = (similarity: number) => ({
    kind: 'revision' as const,
    other: 'https://n.example/a',
    similarity,
    reason: '',
  });

  it('flags a page claiming a canonical URL whose document differs a lot, not an edition or its own URL', () => {
    const claimed = { id: 'https://n.example/a', claimedFrom: 'file:b.html' };
    expect(canonicalConflictFindings(claimed, [revision(0.05)])).toEqual([
      expect.objectContaining({
        kind: 'canonical-conflict',
        other: 'https://n.example/a',
        similarity: 0.05,
        address: 'file:b.html',
      }),
    ]);
    expect(canonicalConflictFindings(claimed, [revision(CANONICAL_CONFLICT_BELOW)])).toEqual([]);
    expect(canonicalConflictFindings(claimed, [])).toEqual([]);
    // Its id is its own URL: a rewrite of the page itself is a revision, not a conflict.
    expect(canonicalConflictFindings({ id: 'https://n.example/a' }, [revision(0.05)])).toEqual([]);
  });
});

describe('ingest of a WARC gzipped whole', () => {
  // Records that share one gzip member are found again only by inflating the member from its
  // start; staging keeps their bytes from the first read instead (re-reading each page cost
  // time with the square of the pages). Removing the file once cleaning is done
  // shows staging does not read it again.
  it('stages every page without reading the file again, with spooled pages too', async () => {
    const dir = tempDirForTest('ingest-pipeline-');
    await mkdir(path.join(dir, 'in'));
    const file = path.join(dir, 'in/whole.warc.gz');
    const record = (options: Parameters<typeof WARCRecord.create>[0], body: string) =>
      WARCSerializer.serialize(
        WARCRecord.create(
          options,
          (async function* () {
            yield new TextEncoder().encode(body);
          })(),
        ),
        { gzip: false },
      );
    const records = [await record({ type: 'warcinfo' }, 'software: test\r\n')];
    for (const name of ['harbour', 'bridge', 'library']) {
      records.push(
        await record(
          { type: 'response', url: `https://news.example/${name}`, httpHeaders: { 'Content-Type': 'text/html' } },
          page({ title: `The ${name}`, body: paragraphs(name, 6) }),
        ),
      );
    }
    await writeFile(file, gzipSync(Buffer.concat(records)));
    for (const budget of [32 << 20, 0]) {
      const store = await corpus(dir, `corpus-${budget}`);
      const result = await ingest(storeSession(store), ['in'], {
        cwd: dir,
        spool: { budget },
        onStaging: () => void rmSync(file),
      });
      expect(result.failed).toEqual([]);
      expect(result.counts).toMatchObject({ files: 3, new: 3 });
      expect(result.files.map((entry) => entry.source).sort()).toEqual([
        'in/whole.warc.gz#0+1',
        'in/whole.warc.gz#0+2',
        'in/whole.warc.gz#0+3',
      ]);
      await writeFile(file, gzipSync(Buffer.concat(records)));
    }
  });
});
