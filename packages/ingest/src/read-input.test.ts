import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readInputFile } from './read-input.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'corpuskit-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readInputFile', () => {
  it('reads a regular file up to the limit', async () => {
    await writeFile(path.join(dir, 'a.html'), 'x'.repeat(100));
    expect((await readInputFile(path.join(dir, 'a.html'), 'a.html', 100)).length).toBe(100);
    await expect(readInputFile(path.join(dir, 'a.html'), 'a.html', 99)).rejects.toMatchObject({
      code: 'ingest.too-large',
      subject: 'a.html',
    });
  });

  it('counts the bytes read, not the size stat reports', async () => {
    // Files under /proc report size 0 and still hold bytes.
    const file = '/proc/self/maps';
    expect((await stat(file)).size).toBe(0);
    await expect(readInputFile(file, 'maps', 64)).rejects.toMatchObject({
      code: 'ingest.too-large',
      message: expect.stringContaining('the file is over the 64-byte limit'),
    });
    expect((await readInputFile(file, 'maps', 1024 * 1024)).length).toBeGreaterThan(64);
  });

  it('reads a file of several chunks byte for byte', async () => {
    const bytes = Buffer.alloc(2.5 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    await writeFile(path.join(dir, 'big.html'), bytes);
    const read = await readInputFile(path.join(dir, 'big.html'), 'big.html', 4 * 1024 * 1024);
    expect(Buffer.from(read).equals(bytes)).toBe(true);
    await expect(readInputFile(path.join(dir, 'big.html'), 'big.html', 2 * 1024 * 1024)).rejects.toMatchObject({
      code: 'ingest.too-large',
    });
  });

  it('reads small pages without making the heap collect itself every few pages', async () => {
    // A buffer as large as the limit for each small page is memory outside V8's heap, which it
    // answers with a full collection every few dozen pages (a batch of 1,000 tiny pages: ~100).
    const pages = path.join(dir, 'pages');
    await mkdir(pages);
    const files = Array.from({ length: 400 }, (_, i) => path.join(pages, `p${i}.html`));
    await Promise.all(files.map((file, i) => writeFile(file, `<title>Page ${i}</title><p>Page ${i}.</p>`)));
    let full = 0;
    const observer = new PerformanceObserver((list) => {
      // A gc entry's detail says which collection it was (its kind).
      for (const entry of list.getEntries() as Array<PerformanceEntry & { detail?: { kind?: number } }>)
        if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
    });
    observer.observe({ entryTypes: ['gc'] });
    try {
      for (const file of files)
        expect((await readInputFile(file, 'p.html', 10 * 1024 * 1024)).length).toBeGreaterThan(20);
      // Let the observer see the last entries.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      observer.disconnect();
    }
    expect(full).toBeLessThan(5);
  });

  it('refuses named pipes and devices at once, naming what they are', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile(fifo, 'pipe', 1024)).rejects.toMatchObject({
      code: 'ingest.not-a-file',
      message: 'a named pipe (FIFO), not a regular file: refused',
    });
    await expect(readInputFile('/dev/zero', '/dev/zero', 1024)).rejects.toMatchObject({
      message: 'a character device, not a regular file: refused',
    });
  });

  it('refuses a limit past what a string can hold', async () => {
    await expect(readInputFile(path.join(dir, 'a.html'), 'a.html', 1024 ** 3)).rejects.toMatchObject({ kind: 'usage' });
  });
});
