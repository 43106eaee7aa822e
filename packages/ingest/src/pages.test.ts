import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { WARCRecord, WARCSerializer } from 'warcio';
import { afterAll, describe, expect, it } from 'vitest';

import { pagesOf } from './pages.js';

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
