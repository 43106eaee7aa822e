import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, tempCorpus } from './helpers.js';

interface IngestJson {
  new: number;
  failed: Array<{ source: string; code: string; error: string }>;
}

describe('a pathological page (1,000,000 small elements)', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeAll(async () => ({ dir, cleanup } = await tempCorpus()));
  afterAll(() => cleanup());

  it('times out inside the per-page limit (its worker stopped) and the batch goes on', async () => {
    await mkdir(path.join(dir, 'in'));
    const spans = '<span>w</span>'.repeat(1_000_000);
    await writeFile(
      path.join(dir, 'in/huge.html'),
      `<!DOCTYPE html><html><head><title>Huge</title></head><body><article><h1>Huge</h1>${spans}</article></body></html>`,
    );
    for (const name of ['pier', 'bridge', 'tunnel']) {
      await writeFile(path.join(dir, `in/${name}.html`), articlePage(`The ${name} opens`));
    }
    const started = Date.now();
    const result = await corpuskit(['ingest', 'in', '--timeout', '10', '--jobs', '2', '--json'], { cwd: dir });
    const seconds = (Date.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(1);
    const json = result.json<IngestJson>();
    // Two guards can stop it, whichever comes first: the cleaner's own deadline between its stages
    // (clean.timeout) or the pool stopping the worker a second past the limit (ingest.timeout).
    expect(json.failed).toEqual([
      {
        source: 'in/huge.html',
        code: expect.stringMatching(/^(clean|ingest)\.timeout$/),
        error: expect.stringMatching(/longer than (10 s|10000 ms)/),
      },
    ]);
    expect(json.new).toBe(3);
    // The page is stopped at the limit (plus a second's grace), not run to its end: unlimited,
    // such a page took minutes. The bound leaves room for a busy machine.
    expect(seconds).toBeLessThan(120);
  }, 300_000);
});

describe('a page whose cleaning does not fit in a thread’s heap', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeAll(async () => ({ dir, cleanup } = await tempCorpus()));
  afterAll(() => cleanup());

  it('fails alone as ingest.too-large naming the page; its thread is replaced and the batch goes on', async () => {
    await mkdir(path.join(dir, 'in'));
    // 300,000 paragraphs: a DOM of well over 96 MiB in the cleaning thread, where an article needs ~20.
    const paragraphs = '<p>A short paragraph of words.</p>'.repeat(300_000);
    await writeFile(
      path.join(dir, 'in/giant.html'),
      `<!DOCTYPE html><html><head><title>Giant</title></head><body><article><h1>Giant</h1>${paragraphs}</article></body></html>`,
    );
    for (const name of ['harbour', 'quay', 'lock']) {
      await writeFile(path.join(dir, `in/${name}.html`), articlePage(`The ${name} reopens`));
    }
    const result = await corpuskit(['ingest', 'in', '--jobs', '2', '--timeout', '120', '--json', '--verbose'], {
      cwd: dir,
      env: { CORPUSKIT_THREAD_HEAP: '96' },
    });
    expect(result.code, result.stderr).toBe(1);
    const json = result.json<IngestJson>();
    expect(json.failed).toEqual([
      {
        source: 'in/giant.html',
        code: 'ingest.too-large',
        error: expect.stringContaining('ran out of memory (its cleaning thread reached its 96 MiB heap limit)'),
      },
    ]);
    expect(json.new).toBe(3);
    // --verbose reports memory once cleaning is done: the lost thread was replaced by a third one.
    const line =
      /memory after cleaning 4 pages: RSS \d+ MB .*cleaning threads' heaps used\/total .* \((\d+) threads started\)/.exec(
        result.stderr,
      );
    expect(line, result.stderr).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThanOrEqual(3);
    // The threads are stopped before staging: none is left to report after it.
    expect(result.stderr).toMatch(/memory after staging: RSS \d+ MB .*cleaning threads' heaps used\/total - MB/);
  }, 300_000);

  it('refuses a CORPUSKIT_THREAD_HEAP that is not a whole number of MiB', async () => {
    const result = await corpuskit(['ingest', 'in'], { cwd: dir, env: { CORPUSKIT_THREAD_HEAP: 'lots' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("CORPUSKIT_THREAD_HEAP must be a whole number of MiB, at least 16 (got 'lots')");
  });
});
