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
