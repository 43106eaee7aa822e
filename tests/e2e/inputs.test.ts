import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SAMPLE_PAGES, articlePage, corpuskit, tempCorpus } from './helpers.js';

const BBC = 'https://www.bbc.co.uk/news/world-asia-58290318';
const enc = new TextEncoder();

/** One WARC record, serialised (gzipped per record for .warc.gz, as crawlers write them). */
async function record(
  options: {
    type: 'warcinfo' | 'response' | 'request' | 'revisit' | 'metadata' | 'resource';
    url?: string;
    date?: string;
    httpHeaders?: Record<string, string>;
    statusline?: string;
    warcHeaders?: Record<string, string>;
  },
  body: Uint8Array,
  gzip: boolean,
): Promise<Uint8Array> {
  const created = WARCRecord.create(
    { warcVersion: 'WARC/1.1', ...options },
    (async function* () {
      yield body;
    })(),
  );
  return WARCSerializer.serialize(created, { gzip });
}

function chunked(body: Uint8Array): Uint8Array {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)].map((part) =>
    Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]),
  );
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

interface Page {
  url: string;
  date: string;
  html: string;
}

/** A WARC as a crawler writes it: warcinfo, request/response pairs, a revisit, metadata, an image. */
async function writeWarc(file: string, pages: Page[], gzip: boolean): Promise<void> {
  const parts: Uint8Array[] = [
    await record(
      { type: 'warcinfo', warcHeaders: { 'WARC-Filename': path.basename(file) } },
      enc.encode('software: corpuskit-test\r\n'),
      gzip,
    ),
  ];
  for (const [index, page] of pages.entries()) {
    parts.push(
      await record(
        {
          type: 'request',
          url: page.url,
          date: page.date,
          statusline: `GET ${new URL(page.url).pathname} HTTP/1.1`,
          httpHeaders: { Host: new URL(page.url).host },
        },
        new Uint8Array(),
        gzip,
      ),
    );
    const html = enc.encode(page.html);
    // One plain, one gzip-encoded and chunked, one brotli-encoded: every body must decode.
    const [body, headers] =
      index % 3 === 0
        ? [html, { 'Content-Type': 'text/html; charset=utf-8' }]
        : index % 3 === 1
          ? [
              chunked(gzipSync(html)),
              {
                'Content-Type': 'text/html; charset=UTF-8',
                'Content-Encoding': 'gzip',
                'Transfer-Encoding': 'chunked',
              },
            ]
          : [brotliCompressSync(html), { 'Content-Type': 'text/html', 'Content-Encoding': 'br' }];
    parts.push(
      await record(
        { type: 'response', url: page.url, date: page.date, statusline: 'HTTP/1.1 200 OK', httpHeaders: headers },
        body,
        gzip,
      ),
    );
  }
  parts.push(
    await record(
      {
        type: 'metadata',
        url: pages[0]!.url,
        date: pages[0]!.date,
        warcHeaders: { 'Content-Type': 'application/warc-fields' },
      },
      enc.encode('outlink: https://example.com/\r\n'),
      gzip,
    ),
    await record(
      {
        type: 'response',
        url: 'https://img.example/a.png',
        date: pages[0]!.date,
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': 'image/png' },
      },
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      gzip,
    ),
    await record(
      {
        type: 'revisit',
        url: pages[0]!.url,
        date: '2026-03-01T00:00:00Z',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': 'text/html' },
        warcHeaders: { 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' },
      },
      new Uint8Array(),
      gzip,
    ),
  );
  await writeFile(file, Buffer.concat(parts));
}

/** MHTML as Chrome writes it: quoted-printable HTML root part, a base64 image part. */
function mhtml(html: string, url: string): string {
  const boundary = '----MultipartBoundary--corpuskitTest----';
  const qp = Buffer.from(html, 'utf8')
    .toString('latin1')
    .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > 74) {
        let cut = 74;
        while (rest[cut - 1] === '=' || rest[cut - 2] === '=') cut -= 1;
        out.push(`${rest.slice(0, cut)}=`);
        rest = rest.slice(cut);
      }
      out.push(rest);
      return out;
    })
    .join('\r\n');
  return [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    'Subject: =?utf-8?Q?A_saved_page?=',
    'Date: Mon, 2 Mar 2026 09:30:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${url}`,
    '',
    qp,
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://img.example/x.png',
    '',
    'iVBORw0KGgo=',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

interface IngestJson {
  files: number;
  new: number;
  records: number;
  skippedRecords: number;
  failedCount: number;
  containers: Array<{
    source: string;
    format: string;
    records: number;
    pages: number;
    skipped: Record<string, number>;
  }>;
  items: Array<{ id: string; source: string; outcome: string }>;
}

describe('inputs: WARC, MHTML, gzip, shell globs, URL lists, standard input', () => {
  let dir = '';
  let cleanup = async () => {};
  const run = (...args: string[]) => corpuskit(args, { cwd: dir });
  let pages: Page[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = await tempCorpus());
    pages = [
      {
        url: BBC,
        date: '2026-02-01T08:00:00Z',
        html: await readFile(path.join(SAMPLE_PAGES, 'bbc-afghanistan-jihadists.html'), 'utf8'),
      },
      { url: 'https://news.example/harbour', date: '2026-02-02T09:15:00Z', html: articlePage('Harbour pier opens') },
      {
        url: 'https://news.example/bridge?utm_source=x',
        date: '2026-02-03T10:30:00Z',
        html: articlePage('Bridge repairs finish'),
      },
    ];
  });
  afterAll(() => cleanup());

  // `whole`: the plain WARC gzipped as one member (`gzip crawl.warc`), every record in it; its
  // records were all given the same offset, and staging found only the first (or none) again.
  for (const gzip of [false, true, 'whole'] as const) {
    const name = gzip === 'whole' ? 'whole.warc.gz' : gzip ? 'crawl.warc.gz' : 'crawl.warc';
    it(`${name}: one document per HTML record, ids and fetch times from the records, the rest skipped`, async () => {
      // Each in its own corpus: the same pages again would be "unchanged".
      const corpus = path.join(dir, `corpus-${gzip === 'whole' ? 'whole' : gzip ? 'gz' : 'plain'}`);
      await mkdir(corpus);
      expect((await corpuskit(['init'], { cwd: corpus })).code).toBe(0);
      const run = (...args: string[]) => corpuskit(args, { cwd: corpus });
      await writeWarc(path.join(corpus, name), pages, gzip === true);
      if (gzip === 'whole') await writeFile(path.join(corpus, name), gzipSync(await readFile(path.join(corpus, name))));
      const result = await run('ingest', name, '--json');
      expect(result.code, result.stderr).toBe(0);
      const json = result.json<IngestJson>();
      expect(json).toMatchObject({ files: 3, failedCount: 0, records: 10, skippedRecords: 7 });
      expect(json.containers).toEqual([
        {
          source: name,
          format: 'warc',
          records: 10,
          pages: 3,
          skipped: { warcinfo: 1, request: 3, metadata: 1, 'non-html': 1, revisit: 1 },
        },
      ]);
      const ids = json.items.map((item) => item.id).sort();
      expect(ids).toEqual(['https://news.example/bridge', 'https://news.example/harbour', BBC]);
      expect(json.items.every((item) => item.outcome === 'new')).toBe(true);
      // In a member shared with records before it, a record is OFFSET+INDEX (records before it there).
      const position = gzip === 'whole' ? '0\\+\\d+' : '\\d+';
      expect(json.items.map((item) => item.source)).toEqual(
        json.items.map(() => expect.stringMatching(new RegExp(`^${name.replace(/\./g, '\\.')}#${position}$`))),
      );
      expect(new Set(json.items.map((item) => item.source)).size).toBe(3);

      for (const page of pages) {
        const id = page.url.replace(/\?.*$/, '');
        const shown = await run('show', id, '--json');
        expect(shown.code, shown.stderr).toBe(0);
        const provenance = shown.json<{ document: { provenance: Record<string, unknown> } }>().document.provenance;
        expect(provenance.fetchedAt).toBe(new Date(page.date).toISOString());
        expect(provenance.url).toBe(page.url);
        expect(provenance.container).toMatchObject({
          format: 'warc',
          file: name,
          recordId: expect.stringMatching(/^<urn:uuid:/),
        });
        // The raw bytes kept are the HTTP payload, decoded: the page as served.
        const raw = await run('show', id, '--format', 'raw');
        expect(raw.stdout).toBe(page.html);
      }
      if (!gzip) {
        const text = await run('ingest', name);
        expect(text.stdout).toContain(
          `${name}: 10 WARC records, 3 HTML pages; skipped 1 warcinfo, 3 request, 1 metadata, 1 non-html, 1 revisit`,
        );
      }
    });
  }

  it('reclean works from the kept payloads: nothing changes', async () => {
    const result = await corpuskit(['reclean', '--json'], { cwd: path.join(dir, 'corpus-gz') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ failedCount: 0, new: 0, updated: 0 });
  });

  it('an MHTML page and a .html.gz page clean to the same text as their HTML original', async () => {
    const original = path.join(SAMPLE_PAGES, 'bbc-afghanistan-jihadists.html');
    const html = await readFile(original, 'utf8');
    await writeFile(path.join(dir, 'saved.mhtml'), mhtml(html, BBC));
    await writeFile(path.join(dir, 'saved.html.gz'), gzipSync(html));
    const expected = await run('clean', original, '--url', BBC);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(1000);
    const fromMhtml = await run('clean', 'saved.mhtml');
    expect(fromMhtml.code, fromMhtml.stderr).toBe(0);
    expect(fromMhtml.stdout).toBe(expected.stdout);
    const fromGzip = await run('clean', 'saved.html.gz', '--url', BBC);
    expect(fromGzip.stdout).toBe(expected.stdout);
    const json = await run('clean', 'saved.mhtml', '--format', 'json');
    expect(json.json()).toMatchObject({ provenance: { url: BBC, fetchedAt: '2026-03-02T09:30:00.000Z' } });

    // Ingested, both are the BBC page again: same content, nothing new to stage.
    const ingested = await run('ingest', 'saved.mhtml', 'saved.html.gz', '--json');
    expect(ingested.code, ingested.stderr).toBe(0);
    const items = ingested.json<IngestJson>().items;
    expect(items.map((item) => item.id)).toEqual([BBC, BBC]);
  });

  it('a zip or 7-Zip file is still a clear error naming the file', async () => {
    await writeFile(path.join(dir, 'pages.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]));
    await writeFile(path.join(dir, 'pages.7z'), Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]));
    const result = await run('ingest', 'pages.zip', 'pages.7z', '--json');
    expect(result.code).toBe(2);
    expect(result.json<{ failed: unknown[] }>().failed).toEqual([
      { source: 'pages.7z', code: 'ingest.binary', error: expect.stringMatching(/7-Zip archive/) },
      { source: 'pages.zip', code: 'ingest.binary', error: expect.stringMatching(/zip archive/) },
    ]);
  });

  it('files named one by one (a glob the shell expanded) get ids relative to their common folder', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) {
      await mkdir(path.join(dir, 'site', name), { recursive: true });
      await writeFile(path.join(dir, 'site', name, 'source.html'), articlePage(`Story ${name}`));
    }
    const result = await run(
      'ingest',
      'site/alpha/source.html',
      'site/beta/source.html',
      'site/gamma/source.html',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const json = result.json<IngestJson & { superseded: number }>();
    expect(json).toMatchObject({ new: 3, superseded: 0 });
    expect(json.items.map((item) => item.id).sort()).toEqual([
      'file:alpha/source.html',
      'file:beta/source.html',
      'file:gamma/source.html',
    ]);
  });

  it('--urls maps files to their origin (CSV and JSON Lines); - reads a page from standard input', async () => {
    await mkdir(path.join(dir, 'listed'), { recursive: true });
    await writeFile(path.join(dir, 'listed/one.html'), articlePage('Listed one'));
    await writeFile(path.join(dir, 'listed/two.html'), articlePage('Listed two'));
    await writeFile(
      path.join(dir, 'listed/urls.csv'),
      'path,url,fetched_at\none.html,https://listed.example/one,2026-01-05T12:00:00Z\n"two.html","https://listed.example/two",\n',
    );
    const csv = await run('ingest', 'listed/one.html', 'listed/two.html', '--urls', 'listed/urls.csv', '--json');
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.json<IngestJson>().items.map((item) => item.id)).toEqual([
      'https://listed.example/one',
      'https://listed.example/two',
    ]);
    const shown = await run('show', 'https://listed.example/one', '--json');
    expect(shown.json()).toMatchObject({ document: { provenance: { fetchedAt: '2026-01-05T12:00:00.000Z' } } });

    await writeFile(
      path.join(dir, 'urls.jsonl'),
      `${JSON.stringify({ path: 'listed/two.html', url: 'https://listed.example/2' })}\n`,
    );
    const jsonl = await run('ingest', 'listed/two.html', '--urls', 'urls.jsonl', '--json');
    expect(jsonl.json<IngestJson>().items.map((item) => item.id)).toEqual(['https://listed.example/2']);

    await writeFile(path.join(dir, 'bad.csv'), 'path,url\none.html,not a url\n');
    const bad = await run('ingest', 'listed/one.html', '--urls', 'bad.csv', '--json');
    expect(bad.code).toBe(2);
    expect(bad.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'ingest.bad-url-list',
      message: expect.stringMatching(/line 2/),
    });

    const page = articlePage('From a pipe');
    const piped = await corpuskit(['ingest', '-', '--url', 'https://pipe.example/story', '--json'], {
      cwd: dir,
      input: page,
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.json<IngestJson>().items).toMatchObject([
      { id: 'https://pipe.example/story', source: '-', outcome: 'new' },
    ]);
    const cleaned = await corpuskit(['clean', '-'], { cwd: dir, input: page });
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('From a pipe paragraph 1');
  });
});
