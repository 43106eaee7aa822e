import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

import { WARCRecord, WARCSerializer } from 'warcio';
import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { decodeContent, isWarcFile, readWarc, readWarcPage } from './warc.js';

const enc = new TextEncoder();
const html = enc.encode('<html><body><p>Héllo</p></body></html>');

async function serialize(options: Parameters<typeof WARCRecord.create>[0], body: Uint8Array, gzip: boolean) {
  const record = WARCRecord.create(
    options,
    (async function* () {
      yield body;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip });
}

/**
 * Write `first` then `broken` (each its own gzip member with `gzip`), read the file, and check
 * that the page of `first` comes out and the file then fails naming the broken record's offset.
 */
async function expectCutShort(file: string, first: Uint8Array, broken: Uint8Array, gzip: boolean, maxBytes: number) {
  await writeFile(file, gzip ? Buffer.concat([gzipSync(first), gzipSync(broken)]) : Buffer.concat([first, broken]));
  const offset = gzip ? gzipSync(first).length : first.length;
  const urls: (string | null)[] = [];
  const reading = (async () => {
    for await (const item of readWarc(file, { maxBytes })) if (item.kind === 'page') urls.push(item.page.url);
  })();
  await expect(reading).rejects.toMatchObject({
    code: 'ingest.bad-warc',
    subject: file,
    message: expect.stringMatching(
      new RegExp(
        `record at offset ${offset} is cut short: its Content-Length runs \\d+ bytes past the end of the file`,
      ),
    ),
  });
  expect(urls).toEqual(['https://ex.com/a']);
}

describe('decodeContent', () => {
  it('undoes gzip, deflate (zlib and raw), br and a chain of them', () => {
    expect(decodeContent(gzipSync(html), 'gzip', 1e6)).toEqual(Buffer.from(html));
    expect(decodeContent(deflateSync(html), 'deflate', 1e6)).toEqual(Buffer.from(html));
    expect(decodeContent(deflateRawSync(html), 'deflate', 1e6)).toEqual(Buffer.from(html));
    expect(decodeContent(brotliCompressSync(html), 'br', 1e6)).toEqual(Buffer.from(html));
    expect(decodeContent(brotliCompressSync(gzipSync(html)), 'gzip, br', 1e6)).toEqual(Buffer.from(html));
    expect(decodeContent(html, 'identity', 1e6)).toBe(html);
    expect(() => decodeContent(html, 'compress', 1e6)).toThrow(/unsupported Content-Encoding 'compress'/);
    expect(() => decodeContent(gzipSync(new Uint8Array(5000)), 'gzip', 1000)).toThrow();
  });
});

describe('readWarc', () => {
  for (const gzip of [false, true]) {
    it(`streams pages and skips with reasons, and finds a record again by offset (${gzip ? 'gzip' : 'plain'})`, async () => {
      const dir = tempDirForTest('ingest-warc-');
      const file = path.join(dir, gzip ? 'a.warc.gz' : 'a.warc');
      const records = await Promise.all([
        serialize({ type: 'warcinfo' }, enc.encode('software: test\r\n'), gzip),
        serialize(
          {
            type: 'response',
            url: 'https://ex.com/a',
            date: '2026-01-02T03:04:05Z',
            httpHeaders: { 'Content-Type': 'text/html' },
          },
          html,
          gzip,
        ),
        serialize(
          {
            type: 'response',
            url: 'https://ex.com/gone',
            statusline: 'HTTP/1.1 404 Not Found',
            httpHeaders: { 'Content-Type': 'text/html' },
          },
          html,
          gzip,
        ),
        serialize(
          {
            type: 'resource',
            url: 'https://ex.com/r',
            date: '2026-01-03T00:00:00Z',
            warcHeaders: { 'Content-Type': 'text/html' },
          },
          html,
          gzip,
        ),
        serialize(
          { type: 'response', url: 'https://ex.com/s.css', httpHeaders: { 'Content-Type': 'text/css' } },
          enc.encode('p{}'),
          gzip,
        ),
      ]);
      await writeFile(file, Buffer.concat(records));
      expect(await isWarcFile(file)).toBe(true);
      const items = [];
      for await (const item of readWarc(file, { maxBytes: 1e6 })) items.push(item);
      expect(items.map((item) => (item.kind === 'page' ? item.page.url : item.reason))).toEqual([
        'warcinfo',
        'https://ex.com/a',
        'not-ok',
        'https://ex.com/r',
        'non-html',
      ]);
      const first = items[1]!;
      if (first.kind !== 'page') throw new Error('expected a page');
      expect(first.page).toMatchObject({
        fetchedAt: '2026-01-02T03:04:05.000Z',
        headers: { 'content-type': 'text/html' },
      });
      expect(new Uint8Array(first.page.payload)).toEqual(html);
      const resource = items[3]!;
      if (resource.kind !== 'page') throw new Error('expected a page');
      const again = await readWarcPage(file, resource.page.offset, 1e6);
      expect(again.url).toBe('https://ex.com/r');
      expect(new Uint8Array(again.payload)).toEqual(html);
    });
  }

  // Before the fix every one of these spun without end after the first page (warcio asking an
  // ended file stream for more): checked, the test run then never finishes.
  for (const gzip of [false, true]) {
    for (const shape of ['truncated', 'long Content-Length'] as const) {
      it(`gives the page before a record cut short, then fails naming its offset (${shape}, ${gzip ? 'gzip' : 'plain'})`, async () => {
        const dir = tempDirForTest('ingest-warc-');
        const file = path.join(dir, gzip ? 'cut.warc.gz' : 'cut.warc');
        const page = (url: string) =>
          serialize({ type: 'response', url, httpHeaders: { 'Content-Type': 'text/html' } }, html, false);
        const [first, second] = await Promise.all([page('https://ex.com/a'), page('https://ex.com/b')]);
        const text = Buffer.from(second).toString('latin1');
        const broken =
          shape === 'truncated'
            ? Buffer.from(second).subarray(0, second.length - 30)
            : Buffer.from(text.replace(/Content-Length: \d+/, 'Content-Length: 100000'), 'latin1');
        await expectCutShort(file, first, broken, gzip, 1e6);
      });
    }
  }

  // A cut-short record that is skipped, not read as a page: warcio's own skip of its rest spun
  // without end (and starved the event loop, so no test timeout fired) before skipRest.
  for (const gzip of [false, true]) {
    for (const kind of ['non-html', 'request', 'too-large'] as const) {
      it(`fails naming its offset when a skipped record is cut short (${kind}, ${gzip ? 'gzip' : 'plain'})`, async () => {
        const dir = tempDirForTest('ingest-warc-');
        const file = path.join(dir, gzip ? 'cut-skip.warc.gz' : 'cut-skip.warc');
        const first = await serialize(
          { type: 'response', url: 'https://ex.com/a', httpHeaders: { 'Content-Type': 'text/html' } },
          html,
          false,
        );
        const body = kind === 'too-large' ? new Uint8Array(4000).fill(60) : html;
        const second = await serialize(
          kind === 'request'
            ? { type: 'request', url: 'https://ex.com/b', statusline: 'GET /b HTTP/1.1' }
            : {
                type: 'response',
                url: 'https://ex.com/b',
                httpHeaders: { 'Content-Type': kind === 'non-html' ? 'image/png' : 'text/html' },
              },
          body,
          false,
        );
        const broken = Buffer.from(second).subarray(0, second.length - 30);
        await expectCutShort(file, first, broken, gzip, 1000);
      });
    }
  }

  it('is not fooled by a page that starts with the word WARC', async () => {
    const dir = tempDirForTest('ingest-warc-');
    await writeFile(path.join(dir, 'p.html'), 'WARC files explained\n\nA page about web archives.');
    expect(await isWarcFile(path.join(dir, 'p.html'))).toBe(false);
  });
});
