import { createHook } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, describe, expect, it } from 'vitest';

import { expandInputs } from './expand.js';
import type { InputFile } from './expand.js';
import { pagesOf } from './pages.js';
import type { PageItem } from './pages.js';

// A real garbage collection, to check what a page keeps alive.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function warcOf(pages: Array<{ url: string; html: string }>): Promise<Uint8Array> {
  const parts = await Promise.all(
    pages.map(({ url, html }) =>
      WARCSerializer.serialize(
        WARCRecord.create(
          { type: 'response', url, date: '2026-01-02T03:04:05Z', httpHeaders: { 'Content-Type': 'text/html' } },
          (async function* () {
            yield new TextEncoder().encode(html);
          })(),
        ),
        { gzip: true },
      ),
    ),
  );
  return Buffer.concat(parts);
}

describe('pagesOf a WARC', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps no payload alive through `reread`: held pages cost their offset, not their bytes', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ingest-pages-'));
    const file = path.join(dir, 'crawl.warc.gz');
    const pages = Array.from({ length: 3 }, (_, i) => ({
      url: `https://ex.com/${i}`,
      html: `<html><body><p>${`page ${i} `.repeat(2000)}</p></body></html>`,
    }));
    await writeFile(file, await warcOf(pages));

    // Read in a function of its own, so nothing of the loop's frame stays behind.
    const { rereads, payloads } = await (async () => {
      const read = { rereads: [] as Array<() => Promise<Uint8Array>>, payloads: [] as Array<WeakRef<Uint8Array>> };
      for await (const item of pagesOf([{ path: file, source: 'crawl.warc.gz', relative: 'crawl.warc.gz' }], {
        maxBytes: 1 << 20,
      })) {
        if (item.kind !== 'page') throw new Error(`unexpected ${item.kind}`);
        read.rereads.push(item.page.reread);
        read.payloads.push(new WeakRef(item.page.bytes));
      }
      return read;
    })();
    expect(rereads).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(payloads.map((payload) => payload.deref())).toEqual([undefined, undefined, undefined]);
    // The bytes come back from the file when staging asks for them.
    for (const [i, reread] of rereads.entries()) {
      expect(new TextDecoder().decode(await reread())).toBe(pages[i]!.html);
    }
  });
});

/** The items of `pagesOf`, and how many files were opened and file system calls made meanwhile. */
async function pagesCounted(files: InputFile[], maxBytes: number) {
  let opened = 0;
  let calls = 0;
  const hook = createHook({
    init(_id, type) {
      // A FileHandle is made for each file opened through node:fs/promises; every call (open,
      // stat, read, including the ones that fail) is an FSREQPROMISE.
      if (type === 'FILEHANDLE') opened += 1;
      if (type === 'FSREQPROMISE') calls += 1;
    },
  });
  const items: PageItem[] = [];
  hook.enable();
  try {
    for await (const item of pagesOf(files, { maxBytes })) items.push(item);
  } finally {
    hook.disable();
  }
  return { items, opened, calls };
}

describe('pagesOf page files', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ingest-pages-'));
    dirs.push(dir);
    return dir;
  };

  it('opens a page once: the test for a WARC, the read and the sidecar lookup share it', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'pages'));
    for (let i = 0; i < 30; i++) {
      await writeFile(path.join(dir, 'pages', `p${i}.html`), `<title>Page ${i}</title><p>Page ${i} of the batch.</p>`);
    }
    await writeFile(path.join(dir, 'pages', 'p7.html.json'), JSON.stringify({ url: 'https://example.com/seven' }));
    const { files } = await expandInputs(['pages'], { cwd: dir });
    expect(files).toHaveLength(30);
    const { items, opened, calls } = await pagesCounted(files, 1024 * 1024);
    expect(items.map((item) => item.kind)).toEqual(Array(30).fill('page'));
    const seven = items.find((item) => item.kind === 'page' && item.page.source === 'pages/p7.html');
    expect(seven?.kind === 'page' && seven.page.url).toBe('https://example.com/seven');
    // One handle a page and one for the sidecar; open, stat and two reads a page (the second
    // finds the end), the sidecar's read. Before: two handles a page and nine calls (the WARC
    // test's own open, stat and read, and the two sidecar names looked for).
    expect(opened).toBe(31);
    expect(calls).toBeLessThanOrEqual(4 * 30 + 4);
  });

  it('names the file and the cause for each bad input, and the batch goes on', async () => {
    const dir = await tempDir();
    const at = (name: string): InputFile => ({ path: path.join(dir, name), source: name, relative: name });
    const limit = 100 * 1024;
    await writeFile(path.join(dir, 'a page.html'), '<title>First</title><p>First page.</p>');
    await writeFile(path.join(dir, 'empty.html'), '');
    await writeFile(path.join(dir, 'image.html'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const large = `<title>Large</title><p>${'word '.repeat(limit / 5)}</p>`;
    await writeFile(path.join(dir, 'large.html'), large);
    // Over the limit by a few bytes: MiB to one decimal would say 0.1 of both, so bytes are shown.
    const largeBytes = `${large.length.toLocaleString('en-US')} bytes`;
    const near = `<title>Near</title><p>${'x'.repeat(limit - 100)}</p>`;
    await writeFile(path.join(dir, 'near.html'), near);
    await writeFile(
      path.join(dir, 'latin1.html'),
      Buffer.from('<title>Caf\xe9</title><p>Caf\xe9 cr\xe8me.</p>', 'latin1'),
    );
    await symlink(path.join(dir, 'a page.html'), path.join(dir, 'link.html'));
    await symlink(path.join(dir, 'gone.html'), path.join(dir, 'dangling.html'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
    await writeFile(
      path.join(dir, 'crawl.warc.gz'),
      await warcOf([{ url: 'https://ex.com/w', html: '<p>In a WARC.</p>' }]),
    );
    // A WARC over the limit is still a WARC: it is read record by record, never whole.
    const pad = Array.from({ length: 40 }, (_, i) => ({
      url: `https://ex.com/${i}`,
      html: `<p>${'y'.repeat(4000)}${i}</p>`,
    }));
    await writeFile(path.join(dir, 'big.warc'), await warcOf(pad));
    const names = ['a page.html', 'empty.html', 'image.html', 'large.html', 'near.html', 'latin1.html'];
    names.push('link.html', 'dangling.html', 'pipe.html', 'crawl.warc.gz', 'big.warc', 'last.html');
    await writeFile(path.join(dir, 'last.html'), '<title>Last</title><p>Last page.</p>');
    const { items } = await pagesCounted(names.map(at), limit);
    const sourceOf = (item: PageItem) => (item.kind === 'page' ? item.page.source : item.source);
    const outcome = (item: PageItem) =>
      item.kind === 'failed' ? `${item.source}: ${item.error.code} ${item.error.message}` : `page ${sourceOf(item)}`;
    const big = items.filter((item) => item.kind === 'page' && sourceOf(item).startsWith('big.warc#'));
    expect(big).toHaveLength(40);
    expect(items.filter((item) => !big.includes(item)).map(outcome)).toEqual([
      'page a page.html',
      'empty.html: ingest.empty the file is empty',
      'image.html: ingest.binary not HTML or text: this is a PNG image',
      `large.html: ingest.too-large the file is ${largeBytes}, over the 102,400-byte limit (raise it with --max-size, up to 512.0 MiB)`,
      'page near.html',
      'page latin1.html',
      'page link.html',
      'dangling.html: ingest.not-found the file disappeared before it was read',
      'pipe.html: ingest.not-a-file a named pipe (FIFO), not a regular file: refused',
      'page crawl.warc.gz#0',
      'page last.html',
    ]);
    const read = (source: string) => {
      const item = items.find((one) => sourceOf(one) === source);
      return item?.kind === 'page' ? Buffer.from(item.page.bytes) : null;
    };
    expect(read('near.html')?.toString('utf8')).toBe(near);
    expect(read('latin1.html')?.toString('latin1')).toBe('<title>Caf\xe9</title><p>Caf\xe9 cr\xe8me.</p>');
    expect(read('link.html')?.toString('utf8')).toBe('<title>First</title><p>First page.</p>');
  });
});
