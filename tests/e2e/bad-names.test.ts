import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { corpuskit, tempCorpus } from './helpers.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

interface IngestJson {
  files: number;
  new: number;
  failedCount: number;
  items: Array<{ source: string; id: string | null; outcome: string }>;
}

describe('file names with control characters', () => {
  it('a 10,000-file batch with one tab-named file stages all 10,000, the odd one under an escaped id', async () => {
    const { dir, cleanup } = await tempCorpus();
    cleanups.push(cleanup);
    await mkdir(path.join(dir, 'in'));
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < 9_999; i += 1) {
      const name = `p${String(i).padStart(5, '0')}.html`;
      writes.push(writeFile(path.join(dir, 'in', name), `<title>Page ${i}</title><p>Page ${i} of the batch.</p>`));
    }
    writes.push(writeFile(path.join(dir, 'in', 'tab\tname.html'), '<title>Tab</title><p>The page with a tab.</p>'));
    await Promise.all(writes);

    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.stderr).not.toMatch(/invalid document id/);
    expect(result.code).toBe(0);
    const json = result.json<IngestJson>();
    expect(json).toMatchObject({ files: 10_000, new: 10_000, failedCount: 0 });
    const odd = json.items.find((item) => item.source === 'in/tab\tname.html');
    expect(odd).toMatchObject({ id: 'file:tab%09name.html', outcome: 'new' });

    const show = await corpuskit(['show', 'file:tab%09name.html', '--json'], { cwd: dir });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('The page with a tab.');
    // 10,000 pages take about 35 s on an idle 2-core machine; leave room for a busy one.
  }, 600_000);

  it('newline, CR, ESC and DEL in names get distinct escaped ids', async () => {
    const { dir, cleanup } = await tempCorpus();
    cleanups.push(cleanup);
    await mkdir(path.join(dir, 'in'));
    const names = ['new\nline.html', 'carriage\rreturn.html', 'esc\u001b[31mape.html', 'del\u007f.html'];
    for (const [i, name] of names.entries()) {
      await writeFile(path.join(dir, 'in', name), `<title>N${i}</title><p>Page number ${i}.</p>`);
    }
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const ids = result
      .json<IngestJson>()
      .items.map((item) => item.id)
      .sort();
    expect(ids).toEqual([
      'file:carriage%0Dreturn.html',
      'file:del%7F.html',
      'file:esc%1B[31mape.html',
      'file:new%0Aline.html',
    ]);
  });
});
