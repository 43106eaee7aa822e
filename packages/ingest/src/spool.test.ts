import { readdir } from 'node:fs/promises';

import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { runCleanTask } from './clean-task.js';
import type { Cleaned } from './results.js';
import { CleanedSpool } from './spool.js';

async function cleaned(n: number): Promise<Cleaned> {
  const html = `<html><head><title>Page ${n}</title></head><body><article><h1>Page ${n}</h1>${'<p>The ferry timetable changes on Monday for the winter months, the operator said.</p>'.repeat(5 + n)}</article></body></html>`;
  const bytes = Buffer.from(html);
  const page = await runCleanTask({
    bytes,
    source: `p${n}.html`,
    url: `https://ferry.example/${n}`,
    fetchedAt: null,
    headers: {},
    repeatedLines: {},
    maxBytes: 1 << 20,
    deflateRaw: true,
    dedupSignature: true,
  });
  return { source: `p${n}.html`, seq: n, id: `https://ferry.example/${n}`, raw: async () => bytes, ...page };
}

describe('CleanedSpool', () => {
  it('gives back each page as it was, from memory within the budget and from its file past it; leaves no file', async () => {
    const dir = tempDirForTest('spool-test-');
    const pages = await Promise.all([0, 1, 2, 3].map(cleaned));
    expect(pages[0]!.rawDeflated).toBeInstanceOf(Uint8Array);
    expect(pages[0]!.dedup!.shingles).toBeInstanceOf(Float64Array);
    const spool = new CleanedSpool({ budget: 1, dir });
    const memory = new CleanedSpool();
    const spilled = await Promise.all(pages.map((page) => spool.add(page)));
    const held = await Promise.all(pages.map((page) => memory.add(page)));
    expect([spool.spilled, memory.spilled]).toEqual([4, 0]);
    // The spool's file is unlinked as soon as it is open: nothing shows in its folder.
    expect(await readdir(dir)).toEqual([]);
    for (const [i, page] of pages.entries()) {
      for (const pending of [spilled[i]!, held[i]!]) {
        expect(pending).toMatchObject({ id: page.id, seq: i, contentHash: page.contentHash, title: `Page ${i}` });
        const back = await pending.load();
        const { raw: _raw, ...rest } = back;
        const { raw: _raw2, ...want } = page;
        expect(rest).toEqual(want);
        expect(back.dedup!.shingles).toBeInstanceOf(Float64Array);
        expect(Buffer.from(await back.raw())).toEqual(Buffer.from(await page.raw()));
      }
    }
    // Loaded twice (staging reads a page to check it, then to stage it): the same again.
    expect((await spilled[2]!.load()).document).toEqual(pages[2]!.document);
    await spool.close();
    await memory.close();
    expect(await readdir(dir)).toEqual([]);
  });
});
