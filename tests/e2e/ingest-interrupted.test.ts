import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { articlePage, corpuskit, interruptedCorpuskit, tempCorpus, tempDir } from './helpers.js';

describe('ingest interrupted mid-batch', () => {
  it('SIGTERM during a many-file ingest exits 130 (interrupted), as --help says, and lists what was not reached', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      expect((await corpuskit(['init'], { cwd: dir })).code).toBe(0);
      await mkdir(path.join(dir, 'pages'));
      for (let index = 0; index < 300; index += 1) {
        await writeFile(path.join(dir, 'pages', `page-${index}.html`), articlePage(`Page number ${index}`));
      }
      // Signalled at its first --verbose line: the command runs, bin.ts's signal handlers are installed.
      const { code, stdout, stderr, signalled } = await interruptedCorpuskit(
        ['ingest', 'pages', '--jobs', '1', '--verbose', '--json'],
        { cwd: dir, signal: 'SIGTERM', cue: { stream: 'stderr', text: '' }, killAfterMs: 120_000 },
      );
      expect(signalled, stderr).toBe(true);
      expect(code, stderr).toBe(130);
      const result = JSON.parse(stdout) as { interrupted: boolean; failed: Array<{ error?: { message?: string } }> };
      expect(result.interrupted).toBe(true);
      expect(JSON.stringify(result.failed)).toContain('not ingested: the run was interrupted');
    } finally {
      await cleanup();
    }
  }, 180_000);

  it('SIGTERM while `ingest -` reads standard input ends as an interrupted batch, in --ndjson too: exit 130', async () => {
    const { dir, cleanup } = await tempCorpus();
    try {
      const run = await interruptedCorpuskit(
        ['ingest', '-', '--url', 'https://port.example/half', '--ndjson', '--verbose'],
        {
          cwd: dir,
          signal: 'SIGTERM',
          stdin: articlePage('Half a page').slice(0, 300),
          cue: { stream: 'stderr', text: 'reading standard input' },
        },
      );
      expect(run.signalled, run.stderr).toBe(true);
      expect(run.code, run.stderr).toBe(130);
      // Before: exit 130 but nothing on stdout, no summary line.
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toMatchObject([
        { type: 'file', source: '-', outcome: 'failed', error: { code: 'cli.interrupted', kind: 'interrupted' } },
        { type: 'summary', files: 1, new: 0, failed: [{ source: '-', code: 'cli.interrupted' }], interrupted: true },
      ]);
      expect(run.stderr).toContain('standard input: interrupted (Ctrl-C or SIGTERM) while it was being read');
      expect((await corpuskit(['status', '--json'], { cwd: dir })).json()).toMatchObject({ pending: 0, items: [] });
    } finally {
      await cleanup();
    }
  }, 90_000);

  it('`ingest - --corpus DIR` naming no corpus refuses at once, with the pipe still open: exit 2, nothing read', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await mkdir(path.join(dir, 'empty'));
      for (const corpus of [path.join(dir, 'missing'), path.join(dir, 'empty')]) {
        // Before, the refusal came only once standard input ended: the CLI said 'reading standard
        // input' and waited on the open pipe until the SIGTERM this test sends then (exit 130).
        const run = await interruptedCorpuskit(['ingest', '-', '--corpus', corpus, '--verbose', '--json'], {
          cwd: dir,
          signal: 'SIGTERM',
          stdin: articlePage('Half a page').slice(0, 300),
          cue: { stream: 'stderr', text: 'reading standard input' },
          afterMs: 500,
        });
        expect(run.signalled, run.stderr).toBe(false);
        expect(run.code, run.stderr).toBe(2);
        expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'store.not-a-corpus', subject: corpus } });
      }
    } finally {
      await cleanup();
    }
  }, 90_000);
});
