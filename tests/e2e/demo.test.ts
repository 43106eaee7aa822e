import { x } from 'tinyexec';
import { describe, expect, it } from 'vitest';

import { REPO } from './helpers.js';

describe('pnpm demo', () => {
  it('runs the whole story on the sample corpus and says what happened at each step', async () => {
    const result = await x(process.execPath, ['scripts/demo.mjs'], {
      nodeOptions: { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } },
      throwOnError: false,
    });
    expect(result.exitCode, result.stderr).toBe(0);
    for (const step of [
      '== 1. A new corpus',
      '== 5. Commit version 1',
      '== 8. Commit version 2',
      '== 10. The corpus checks out',
      '== 11. A crawl in, a dataset out',
    ]) {
      expect(result.stdout).toContain(step);
    }
    expect(result.stdout).toMatch(/Ingested 5 files in [\d.]+ s \(\d+ jobs?\): 5 new/);
    expect(result.stdout).toMatch(
      /Ingested 4 files in [\d.]+ s \(\d+ jobs?\): 1 new, 2 updated, 1 unchanged, 0 failed/,
    );
    expect(result.stdout).toContain('Committed version');
    expect(result.stdout).toMatch(/^ok: /m);
    expect(result.stdout).toMatch(/crawl\.warc\.gz: 11 WARC records, 5 HTML pages; skipped 1 warcinfo, 5 request/);
    expect(result.stdout).toMatch(/Exported 5 documents from HEAD .* as parquet \(hf layout\)/);
    expect(result.stdout).toContain('    path: data/train-*.parquet');
  });
});
