import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
      message: expect.stringContaining('the file is over the 0.0 MiB limit'),
    });
    expect((await readInputFile(file, 'maps', 1024 * 1024)).length).toBeGreaterThan(64);
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
