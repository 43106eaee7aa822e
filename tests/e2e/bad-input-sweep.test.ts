import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, tempCorpusWithGoodPage } from './helpers.js';

// Every kind of bad input in one folder beside good pages: one `ingest` of the folder and one
// `clean` of its files. Each bad file gets an error (or a warning) that names it and its cause,
// the good pages are staged or cleaned, and neither run stops at the first bad file.

interface IngestJson {
  new: number;
  failedCount: number;
  failed: Array<{ source: string; code: string; error: string }>;
  warnings: Array<{ source: string; message: string }>;
  items: Array<{ source: string; id: string | null; outcome: string; status: string | null; warnings: string[] }>;
}

/** Bytes that look random and are the same on every run. */
const noise = (length: number) =>
  Buffer.concat(
    Array.from({ length: Math.ceil(length / 32) }, (_, i) => createHash('sha256').update(`sweep:${i}`).digest()),
  ).subarray(0, length);

const RESPONSE =
  'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<!doctype html><html><body><p>The ferry timetable';
/** A WARC response record whose Content-Length promises more than the file holds. */
const CUT_WARC =
  'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://port.example/ferry\r\n' +
  'WARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:6a3c1a2e-0d4e-4a56-9f55-1d2c3b4a5e6f>\r\n' +
  `Content-Type: application/http; msgtype=response\r\nContent-Length: 4000\r\n\r\n${RESPONSE}`;
/** An MHTML file that ends inside its page part, before the closing boundary. */
const CUT_MHTML =
  'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://port.example/tides\r\nMIME-Version: 1.0\r\n' +
  'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--tides"\r\n\r\n' +
  '------MultipartBoundary--tides\r\nContent-Type: text/html\r\nContent-Location: https://port.example/tides\r\n\r\n' +
  '<!doctype html><html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1><p>High water at';
const WHOLE_MHTML = CUT_MHTML.replace(
  /<p>High water at$/,
  `<p>${'High water at the pier is at ten past six, and the tide turns an hour later. '.repeat(8)}</p></article></body></html>\r\n` +
    '------MultipartBoundary--tides\r\nContent-Type: image/png\r\nContent-Location: https://port.example/chart.png\r\n' +
    'Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo',
);

let dir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempCorpusWithGoodPage());
  const put = (name: string | Buffer, data: string | Uint8Array) =>
    writeFile(typeof name === 'string' ? path.join(dir, 'in', name) : name, data);
  await put('image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await put('random.html', noise(3000));
  await put('empty.html', '');
  await put('blank.html', '  \n\t\n');
  // Declares UTF-8, holds windows-1252 bytes.
  await put('wrong-charset.html', Buffer.from(articlePage('Caf\u00e9 cr\u00e8me on the quay'), 'latin1'));
  // A saved page with a 20 MB inlined image.
  await put(
    'big.html',
    articlePage('Harbour photographs').replace(
      '</article>',
      `<img src="data:image/png;base64,${'A'.repeat(20_000_000)}"></article>`,
    ),
  );
  // Markup no page should hold: unclosed script openings, 20 000 unclosed elements, stray end tags.
  await put('hostile.html', `<html><body>${'<div><b><i>'.repeat(20_000)}</table></td>${'<script '.repeat(50_000)}`);
  await put('new\nline.html', articlePage('Pier lights', { canonical: 'https://port.example/lights' }));
  await put(
    Buffer.concat([Buffer.from(path.join(dir, 'in/caf')), Buffer.from([0xe9]), Buffer.from('.html')]),
    'x',
  ).catch(
    () => {}, // macOS (APFS) refuses such names.
  );
  await symlink('/etc/hostname', path.join(dir, 'in/outside.html'));
  execFileSync('mkfifo', [path.join(dir, 'in/pipe.html')]);
  await put('cut.warc', CUT_WARC);
  const gzipped = gzipSync(CUT_WARC);
  await put('cut.warc.gz', gzipped.subarray(0, gzipped.length - 20));
  await put('cut.mhtml', CUT_MHTML);
  await put('whole.mhtml', WHOLE_MHTML);
  // The page part whole, only the closing boundary missing: a page, not a cut file.
  await put(
    'no-close.mhtml',
    WHOLE_MHTML.slice(0, WHOLE_MHTML.indexOf('</html>') + '</html>'.length).replaceAll('/tides', '/tides-saved'),
  );
});
afterAll(() => cleanup());

const FAILED = [
  {
    source: 'in/cut.mhtml',
    code: 'ingest.bad-mhtml',
    error: /cut short: it ends inside the page part, before its closing boundary/,
  },
  { source: 'in/cut.warc', code: 'ingest.bad-warc', error: /record at offset 0 is cut short/ },
  { source: 'in/cut.warc.gz', code: 'ingest.bad-warc', error: /cut short: the file ends inside it/ },
  { source: 'in/empty.html', code: 'ingest.empty', error: /the file is empty/ },
  { source: 'in/blank.html', code: 'ingest.empty', error: /only whitespace/ },
  { source: 'in/image.html', code: 'ingest.binary', error: /this is a PNG image/ },
  { source: 'in/random.html', code: 'ingest.binary', error: /binary data/ },
  { source: 'in/pipe.html', code: 'ingest.not-a-file', error: /named pipe \(FIFO\)/ },
];

describe('a folder of every kind of bad input beside good pages', () => {
  it('ingest names each bad file and its cause, stages the good pages, and exits 1', async () => {
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir, killAfterMs: 240_000 });
    expect(result.code).toBe(1);
    const json = result.json<IngestJson>();
    for (const { source, code, error } of FAILED)
      expect(json.failed).toContainEqual({ source, code, error: expect.stringMatching(error) });
    const notUtf8 = json.failed.find((failure) => failure.source.startsWith('in/caf'));
    if (notUtf8)
      expect(notUtf8).toMatchObject({ code: 'ingest.unreadable', error: expect.stringMatching(/not valid UTF-8/) });
    expect(json.failedCount).toBe(FAILED.length + (notUtf8 ? 1 : 0));
    expect(json.warnings).toContainEqual({
      source: 'in/outside.html',
      message: expect.stringMatching(/outside in: skipped/),
    });
    const item = (source: string) => json.items.find((entry) => entry.source === source);
    for (const source of ['in/good.html', 'in/big.html', 'in/new\nline.html', 'in/whole.mhtml', 'in/no-close.mhtml'])
      expect(item(source)).toMatchObject({ outcome: 'new', status: 'ok' });
    expect(item('in/new\nline.html')?.id).toBe('https://port.example/lights');
    expect(item('in/wrong-charset.html')?.warnings.join(' ')).toMatch(/invalid UTF-8 byte sequences replaced/);
    expect(item('in/hostile.html')?.outcome).toBe('new');
  });

  it('clean goes through the same files, one JSON line each, an error naming the file and cause for each bad one', async () => {
    const files = [
      'good.html',
      'cut.warc',
      'cut.mhtml',
      'image.html',
      'empty.html',
      'pipe.html',
      'whole.mhtml',
      'hostile.html',
    ];
    const result = await corpuskit(['clean', ...files.map((file) => `in/${file}`), '--format', 'jsonl'], {
      cwd: dir,
      killAfterMs: 120_000,
    });
    expect(result.code).toBe(2);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { source: string; status: string; error?: { code: string; message: string } });
    expect(lines.map((line) => line.source)).toEqual(files.map((file) => `in/${file}`));
    const bySource = (file: string) => lines.find((line) => line.source === `in/${file}`)!;
    expect(bySource('good.html').status).toBe('ok');
    expect(bySource('whole.mhtml').status).toBe('ok');
    expect(bySource('hostile.html').status).not.toBe('error');
    // A WARC holds many pages: clean does not read it as one page of HTTP headers and markup.
    expect(bySource('cut.warc')).toMatchObject({
      status: 'error',
      error: { code: 'ingest.warc-archive', message: expect.stringMatching(/WARC archive holds many pages/) },
    });
    expect(bySource('cut.mhtml')).toMatchObject({ status: 'error', error: { code: 'ingest.bad-mhtml' } });
    expect(bySource('image.html')).toMatchObject({
      status: 'error',
      error: { message: expect.stringMatching(/PNG image/) },
    });
    expect(bySource('empty.html')).toMatchObject({
      status: 'error',
      error: { message: expect.stringMatching(/empty/) },
    });
    expect(bySource('pipe.html')).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/FIFO/) } });
  });
});
