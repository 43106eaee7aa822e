import { execFileSync, spawn } from 'node:child_process';
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

import { WARCRecord, WARCSerializer } from 'warcio';
import { tempDir } from '@corpuskit/testkit';
import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readInputOrContainer } from './read-input.js';
import { decodeContent, looksLikeWarc, readWarc, readWarcPage, warcPosition } from './warc.js';

/** Whether ingest takes the file for a WARC (read record by record), not a page. */
const isWarcFile = async (file: string) => (await readInputOrContainer(file, file, 1e6, looksLikeWarc)) === null;

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

interface ChildItem {
  url?: string;
  skip?: string;
  offset: number;
}
interface ChildResult {
  items: ChildItem[];
  error: { code: string | null; subject: string | null; message: string } | null;
}

const CHILD = fileURLToPath(new URL('../test/read-warc-child.mjs', import.meta.url));

/**
 * Read WARC files with readWarc in a child process, killed after `ms`. A reading that spins on an
 * ended file starves its own event loop, so no timer in that process (vitest's timeout included)
 * would ever fire: in-process, a regression of the cut-short fixes hung the test run instead of
 * failing it. A file whose reading did not finish maps to null, and so does every file after it.
 */
function readInChild(
  cases: { file: string; maxBytes: number }[],
  ms = 30_000,
): Promise<{ results: Map<string, ChildResult | null>; output: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(cases)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, ms);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const results = new Map<string, ChildResult | null>(cases.map(({ file }) => [file, null]));
      const lines = stdout.split('\n').filter((line) => line.startsWith('{"file"'));
      for (const line of lines) {
        const { file, ...result } = JSON.parse(line) as ChildResult & { file: string };
        results.set(file, result);
      }
      // Whatever the child printed besides its result lines (warcio's console warnings, say).
      const output =
        stdout
          .split('\n')
          .filter((line) => line !== '' && !line.startsWith('{"'))
          .join('\n') + stderr;
      resolve({ results, output, killed });
    });
  });
}

/** A serialized record with its Content-Length set to `value`, or without one (null). */
function withLength(record: Uint8Array, value: string | null): Buffer {
  const text = Buffer.from(record).toString('latin1');
  return Buffer.from(
    text.replace(/Content-Length: \d+\r\n/, value === null ? '' : `Content-Length: ${value}\r\n`),
    'latin1',
  );
}

/** The Content-Length a serialized record gives. */
function contentLength(record: Uint8Array): number {
  return Number(/Content-Length: (\d+)\r\n/.exec(Buffer.from(record).toString('latin1'))![1]);
}

/** The bytes of a file made of `first` then `broken`, each its own gzip member with `gzip`; and where `broken` starts. */
function joined(first: Uint8Array, broken: Uint8Array, gzip: boolean): { bytes: Buffer; offset: number } {
  const parts = gzip ? [gzipSync(first), gzipSync(broken)] : [Buffer.from(first), Buffer.from(broken)];
  return { bytes: Buffer.concat(parts), offset: parts[0]!.length };
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

  it('reads a WARC gzipped whole: each record has the member offset and its index, and is found again', async () => {
    const dir = tempDirForTest('ingest-warc-');
    const file = path.join(dir, 'whole.warc.gz');
    const records: Uint8Array[] = [await serialize({ type: 'warcinfo' }, enc.encode('software: test\r\n'), false)];
    for (const n of [1, 2, 3]) {
      // A request without header lines: warcio then eats the next record's "WA" in a gzip member
      // (its first line reads "RC/1.0"), which must not count as damage.
      records.push(
        await serialize(
          { type: 'request', url: `https://ex.com/${n}`, statusline: `GET /${n} HTTP/1.1` },
          new Uint8Array(),
          false,
        ),
        await serialize(
          { type: 'response', url: `https://ex.com/${n}`, httpHeaders: { 'Content-Type': 'text/html' } },
          enc.encode(`<html><body><p>page ${n}</p></body></html>`),
          false,
        ),
      );
    }
    await writeFile(file, gzipSync(Buffer.concat(records)));
    expect(await isWarcFile(file)).toBe(true);
    const items = [];
    for await (const item of readWarc(file, { maxBytes: 1e6 })) items.push(item);
    const pages = items.flatMap((item) => (item.kind === 'page' ? [item.page] : []));
    expect(
      items.map((item) => (item.kind === 'page' ? item.page : item)).map(({ offset, index }) => [offset, index]),
    ).toEqual(Array.from({ length: 7 }, (_, i) => [0, i]));
    expect(pages.map((page) => warcPosition(page))).toEqual(['0+2', '0+4', '0+6']);
    for (const [i, page] of pages.entries()) {
      const again = await readWarcPage(file, page.offset, 1e6, page.index);
      expect(again.url).toBe(`https://ex.com/${i + 1}`);
      expect(Buffer.from(again.payload).toString()).toBe(`<html><body><p>page ${i + 1}</p></body></html>`);
    }
    await expect(readWarcPage(file, 0, 1e6, 1)).rejects.toMatchObject({
      code: 'ingest.changed',
      message: 'the WARC record at 0+1 is no longer an HTML page',
    });
  });

  it('de-chunks a chunked page and reads on to the next record, in either form', async () => {
    const page = '<html><body><p>A page sent in two chunks.</p></body></html>';
    const body = `10\r\n${page.slice(0, 16)}\r\n${(page.length - 16).toString(16)}\r\n${page.slice(16)}\r\n0\r\n\r\n`;
    for (const gzip of [false, true]) {
      const dir = tempDirForTest('ingest-warc-');
      const file = path.join(dir, gzip ? 'c.warc.gz' : 'c.warc');
      const records = await Promise.all([
        serialize(
          {
            type: 'response',
            url: 'https://ex.com/chunked',
            httpHeaders: { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' },
          },
          enc.encode(body),
          gzip,
        ),
        serialize(
          { type: 'response', url: 'https://ex.com/c', httpHeaders: { 'Content-Type': 'text/html' } },
          html,
          gzip,
        ),
      ]);
      await writeFile(file, Buffer.concat(records));
      const pages: Array<[string | null, string]> = [];
      for await (const item of readWarc(file, { maxBytes: 1e6 })) {
        if (item.kind === 'page') pages.push([item.page.url, Buffer.from(item.page.payload).toString('utf8')]);
      }
      expect(pages).toEqual([
        ['https://ex.com/chunked', page],
        ['https://ex.com/c', Buffer.from(html).toString('utf8')],
      ]);
    }
  });

  it('refuses a named pipe as ingest.not-a-file naming it, at once, rather than waiting on it for a writer', async () => {
    const dir = tempDirForTest('ingest-warc-');
    const fifo = path.join(dir, 'pipe.warc');
    execFileSync('mkfifo', [fifo]);
    const read = (async () => {
      for await (const item of readWarc(fifo, { maxBytes: 1e6 })) void item;
    })();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<string>(
      (resolve) => (timer = setTimeout(() => resolve('still waiting after 2 s'), 2000)),
    );
    try {
      const outcome = await Promise.race([
        read.then(
          () => 'ended',
          (error: unknown) => error,
        ),
        waited,
      ]);
      expect(outcome).toMatchObject({ code: 'ingest.not-a-file', subject: fifo });
      expect((outcome as Error).message).toMatch(/named pipe/);
    } finally {
      clearTimeout(timer);
      // Lets a read blocked in opening the pipe go on (it then ends at once): nothing is left waiting.
      await (await open(fifo, 'r+')).close();
      await read.catch(() => undefined);
    }
  });

  it('is not fooled by a page that starts with the word WARC', async () => {
    const dir = tempDirForTest('ingest-warc-');
    await writeFile(path.join(dir, 'p.html'), 'WARC files explained\n\nA page about web archives.');
    expect(await isWarcFile(path.join(dir, 'p.html'))).toBe(false);
  });
});

/**
 * Damaged files: each is a good page record, then a broken record (then, for some, a good one);
 * the page comes out, then the file fails as ingest.bad-warc naming where the damage is. All of
 * them are read in one child process (see readInChild).
 */
describe('readWarc on a damaged file', () => {
  type Records = Record<'first' | 'second' | 'third', Uint8Array>;
  interface Case {
    name: string;
    /** The file's bytes and the offset the error must name. */
    build: (records: Records) => Promise<{ bytes: Buffer; offset: number }> | { bytes: Buffer; offset: number };
    message: RegExp;
    maxBytes?: number;
    /** What comes out before the error (default: the first page only). */
    pages?: string[];
  }
  const cases: Case[] = [];
  const cutShort = /^record at offset \d+ is cut short: its Content-Length runs \d+ bytes past the end of the file/;

  for (const gzip of [false, true]) {
    const label = gzip ? 'gzip' : 'plain';
    // A record cut short, read as a page: warcio's own reading of it spun without end.
    cases.push(
      {
        name: `a page record cut short (truncated, ${label})`,
        build: ({ first, second }) => joined(first, second.subarray(0, second.length - 30), gzip),
        message: cutShort,
      },
      {
        name: `a page record cut short (long Content-Length, ${label})`,
        build: ({ first, second }) => joined(first, withLength(second, '100000'), gzip),
        message: cutShort,
      },
    );
    // A cut-short record that is skipped, not read as a page: warcio's own skip of its rest spun
    // without end and starved the event loop.
    for (const kind of ['non-html', 'request', 'too-large'] as const) {
      cases.push({
        name: `a skipped record cut short (${kind}, ${label})`,
        build: async ({ first }) => {
          const skipped = await serialize(
            kind === 'request'
              ? { type: 'request', url: 'https://ex.com/b', statusline: 'GET /b HTTP/1.1' }
              : {
                  type: 'response',
                  url: 'https://ex.com/b',
                  httpHeaders: { 'Content-Type': kind === 'non-html' ? 'image/png' : 'text/html' },
                },
            kind === 'too-large' ? new Uint8Array(4000).fill(60) : html,
            false,
          );
          return joined(first, skipped.subarray(0, skipped.length - 30), gzip);
        },
        message: cutShort,
        maxBytes: 1000,
      });
    }
    // Content-Length values warcio took without a word: a missing one as 0, "abc" as no limit
    // (the record swallowed the rest of the file), one too small as a record followed by junk
    // (it printed "Content-Length Too Small" on the console and read the rest as the next record).
    for (const [value, message] of [
      [null, /^record at offset \d+ has no Content-Length, so where it ends is unknown$/],
      ['abc', /^record at offset \d+ has a Content-Length that is not a count of bytes \("abc"\)/],
      ['-5', /^record at offset \d+ has a Content-Length that is not a count of bytes \("-5"\)/],
      ['0', /^record at offset \d+ goes on past its Content-Length \(0\): what follows it is not the blank line/],
      ['small', /^record at offset \d+ goes on past its Content-Length \(\d+\): what follows it is not the blank line/],
      ['large', /^record at offset \d+ goes on past its Content-Length \(\d+\): what follows it is not the blank line/],
    ] as const) {
      cases.push({
        name: `Content-Length ${value === 'small' ? 'too small' : value === 'large' ? 'too large' : (value ?? 'missing')} (${label})`,
        build: ({ first, second, third }) => {
          const length =
            value === 'small'
              ? String(contentLength(second) - 10)
              : value === 'large'
                ? String(contentLength(second) + 20)
                : value;
          return joined(first, Buffer.concat([withLength(second, length), third]), gzip);
        },
        message,
      });
    }
  }

  // A Content-Length too large that happens to end on the blank line after the next record's WARC
  // headers: the record's end looks right, but what follows that blank line (the next record's
  // HTTP headers) is no record. Before, the record was given out, and staged, with the next one's
  // WARC headers in its page.
  cases.push({
    name: 'Content-Length too large, ending on a blank line inside the next record (plain)',
    build: ({ first, second, third }) => {
      const blank = Buffer.from(third).indexOf('\r\n\r\n');
      const long = withLength(second, String(contentLength(second) + 4 + blank + 2));
      return joined(first, Buffer.concat([long, third]), false);
    },
    message:
      /^record at offset \d+ runs past its end: after its Content-Length \(\d+\) and a blank line comes "HTTP\/1\.1 200 OK", not the next record's WARC\/ line/,
  });

  // The same with the run-over more than 4 KiB into the next record, ending just before a line end
  // in its HTML: the check looked for the swallowed WARC headers in the last 4 KiB of the body
  // only, so the page was given out with the next record's WARC headers in it (fresh-eyes s25 #1).
  const lines = Array.from({ length: 200 }, (_, i) => `<p>Line ${i} of page C, a paragraph of ordinary text.</p>`);
  const bigPage = () =>
    serialize(
      { type: 'response', url: 'https://ex.com/c', httpHeaders: { 'Content-Type': 'text/html' } },
      enc.encode(`<html><body>\n${lines.join('\n')}\n</body></html>`),
      false,
    );
  for (const gzip of [false, true]) {
    cases.push({
      name: `Content-Length too large by over 4 KiB, ending before a line end in the next record's HTML (${gzip ? 'gzip' : 'plain'})`,
      build: async ({ first, second }) => {
        const big = Buffer.from(await bigPage());
        const stop = big.indexOf('\n', big.indexOf('Line 120 of page C'));
        expect(stop).toBeGreaterThan(6000);
        const long = withLength(second, String(contentLength(second) + 4 + stop));
        return joined(first, Buffer.concat([long, big]), gzip);
      },
      message:
        /^record at offset \d+ runs past its end: after its Content-Length \(\d+\) and a blank line comes "<p>Line 121 of page C, a paragraph of or", not the next record's WARC\/ line/,
    });
  }
  // ... and ending on the next record's bare WARC/1.0 line (its header lines follow the blank line).
  cases.push({
    name: `Content-Length too large, ending after the next record's WARC/1.0 (plain)`,
    build: ({ first, second, third }) => {
      const long = withLength(second, String(contentLength(second) + 4 + 'WARC/1.0'.length));
      return joined(first, Buffer.concat([long, third]), false);
    },
    message:
      /^record at offset \d+ runs past its end: after its Content-Length \(\d+\) and a blank line comes "WARC-Target-URI: https:\/\/ex\.com\/c", not the next record's WARC\/ line/,
  });

  // A chunked page whose Content-Length is too large: the bytes after its final (0-size) chunk
  // hold the next record's WARC headers. Before, those bytes were discarded unread, the page came
  // out, and the error came at the next read, naming the junk after the swallowed headers.
  const chunkedPage = () => {
    const page = '<html><body><p>A page sent in chunks.</p></body></html>';
    return serialize(
      {
        type: 'response',
        url: 'https://ex.com/b',
        httpHeaders: { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' },
      },
      enc.encode(`${page.length.toString(16)}\r\n${page}\r\n0\r\n\r\n`),
      false,
    );
  };
  for (const [where, past] of [
    // ... ending on the blank line after those WARC headers (what follows: its HTTP headers) ...
    ['on the blank line after the next WARC headers', (third: Buffer) => third.indexOf('\r\n\r\n') + 2],
    // ... or at the end of the next record (what follows looks like a record's end).
    ['at the end of the next record', (third: Buffer) => third.length],
  ] as const) {
    for (const gzip of [false, true]) {
      cases.push({
        name: `chunked page, Content-Length too large, ending ${where} (${gzip ? 'gzip' : 'plain'})`,
        build: async ({ first, third }) => {
          const chunked = await chunkedPage();
          const long = withLength(chunked, String(contentLength(chunked) + 4 + past(Buffer.from(third))));
          return joined(first, Buffer.concat([long, third, third]), gzip);
        },
        message:
          /^record at offset \d+ runs past its end: after its final chunk come the next record's WARC headers \("WARC\/1\.0"\)/,
      });
    }
  }

  // Junk (or zero padding) after a whole last record: the records come out, then the junk fails
  // as no record, naming its first line (JSON: 40 NULs print as \u0000 each).
  for (const [what, junk, firstLine] of [
    ['a line of junk', Buffer.from('junk after\r\n'), '"junk after"'],
    ['zero padding', Buffer.alloc(512), '"(?:\\\\u0000){40}"'],
  ] as const) {
    cases.push({
      name: `${what} after the last record (plain)`,
      build: ({ first, second, third }) => ({
        bytes: Buffer.concat([first, second, third, junk]),
        offset: first.length + second.length + third.length,
      }),
      message: new RegExp(
        `^no WARC record starts at offset \\d+ \\(no WARC-Type; its first line is ${firstLine}\\): the record before it runs longer or shorter than its Content-Length says`,
      ),
      pages: ['https://ex.com/a', 'https://ex.com/b', 'https://ex.com/c'],
    });
  }

  // warcio stops at the first place it finds no record header, as if the file ended there,
  // silently: records separated by LF LF, and per-record gzip members ending in a third CRLF.
  const stopped =
    /^what follows the record at offset \d+ cannot be read as a WARC record \(records separated by something other than a blank CRLF line/;
  cases.push(
    {
      name: 'records separated by LF LF instead of CRLF CRLF (plain)',
      build: ({ first, second, third }) => {
        const lf = (record: Uint8Array) =>
          Buffer.concat([Buffer.from(record).subarray(0, record.length - 4), Buffer.from('\n\n')]);
        return { bytes: Buffer.concat([lf(first), lf(second), lf(third)]), offset: 0 };
      },
      message: stopped,
    },
    {
      name: 'gzip members that end in a third CRLF',
      build: ({ first, second, third }) => {
        const extra = (record: Uint8Array) => gzipSync(Buffer.concat([record, Buffer.from('\r\n')]));
        return { bytes: Buffer.concat([extra(first), extra(second), extra(third)]), offset: 0 };
      },
      message: stopped,
    },
  );

  // A gzip member cut inside a record: pako hands out nothing of an unfinished member, and warcio
  // took the end of the file for a clean end (the record was lost without a word).
  const cutMember = /^the gzip member at offset \d+ is cut short: the file ends inside it/;
  for (const [where, keep] of [
    ['compressed data', (n: number) => Math.floor(n / 2)],
    ['gzip header', () => 12],
    ['gzip trailer', (n: number) => n - 4],
  ] as const) {
    cases.push({
      name: `a gzip member cut in its ${where}`,
      build: ({ first, second }) => {
        const member = gzipSync(second);
        return {
          bytes: Buffer.concat([gzipSync(first), member.subarray(0, keep(member.length))]),
          offset: gzipSync(first).length,
        };
      },
      message: cutMember,
    });
  }
  // ... and followed by a whole member: warcio read on from the damage as if it were plain text.
  // Depending on the bytes, inflating on into the next member fails there or runs to the end of the file.
  const damaged =
    /^the gzip (data at offset \d+ is damaged \(.+\): the records from there on|member at offset \d+ is cut short: the file ends inside it)/;
  for (const [where, keep] of [
    ['compressed data', (n: number) => Math.floor(n / 2)],
    ['gzip trailer', (n: number) => n - 4],
  ] as const) {
    cases.push({
      name: `a gzip member cut in its ${where}, then a whole one`,
      build: ({ first, second, third }) => {
        const member = gzipSync(second);
        const bytes = Buffer.concat([gzipSync(first), member.subarray(0, keep(member.length)), gzipSync(third)]);
        return { bytes, offset: gzipSync(first).length };
      },
      message: damaged,
    });
  }

  const files = new Map<string, string>();
  let run: Awaited<ReturnType<typeof readInChild>>;

  beforeAll(async () => {
    const { dir, cleanup } = tempDir('ingest-warc-damaged-');
    removeFolder = cleanup;
    const page = (url: string) =>
      serialize({ type: 'response', url, httpHeaders: { 'Content-Type': 'text/html' } }, html, false);
    const [first, second, third] = await Promise.all([
      page('https://ex.com/a'),
      page('https://ex.com/b'),
      page('https://ex.com/c'),
    ]);
    const offsets = new Map<string, number>();
    for (const [i, item] of cases.entries()) {
      const { bytes, offset } = await item.build({ first, second, third });
      const file = path.join(dir, `${i}.warc`);
      await writeFile(file, bytes);
      files.set(item.name, file);
      offsets.set(item.name, offset);
    }
    expectedOffsets = offsets;
    run = await readInChild(cases.map((item) => ({ file: files.get(item.name)!, maxBytes: item.maxBytes ?? 1e6 })));
  }, 60_000);
  let expectedOffsets = new Map<string, number>();
  let removeFolder = () => {};
  afterAll(() => removeFolder());

  it('reads every file to its end (none spins), printing nothing of its own', () => {
    const unfinished = cases.filter((item) => run.results.get(files.get(item.name)!) === null).map((item) => item.name);
    expect({ killed: run.killed, unfinished }).toEqual({ killed: false, unfinished: [] });
    expect(run.output).toBe('');
  });

  it.each(cases.map((item) => [item.name, item] as const))(
    '%s: the page before it, then an error naming the offset',
    (name, item) => {
      const file = files.get(name)!;
      const result = run.results.get(file);
      expect(result, 'the reading did not finish').not.toBeNull();
      expect(result!.items.map((entry) => entry.url ?? entry.skip)).toEqual(item.pages ?? ['https://ex.com/a']);
      expect(result!.error).toMatchObject({ code: 'ingest.bad-warc', subject: file });
      expect(result!.error!.message).toMatch(item.message);
      expect(result!.error!.message).toContain(`offset ${expectedOffsets.get(name)} `);
    },
  );
});
