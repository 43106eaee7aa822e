import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { runCli } from '../test-utils.js';

const SAMPLE = fileURLToPath(new URL('../../../../corpus/pages', import.meta.url));

async function corpusWithSample(): Promise<string> {
  const dir = tempDirForTest('corpuskit-ingest-cmd-');
  await runCli(['init'], { cwd: dir });
  await cp(SAMPLE, path.join(dir, 'pages'), { recursive: true });
  return dir;
}

describe('corpuskit ingest (in-process)', () => {
  it('ingests the sample pages: counts and items as JSON, a summary as text', async () => {
    const dir = await corpusWithSample();
    const json = await runCli(['ingest', 'pages', '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 1, files: 5, new: 5, failed: [], failedCount: 0 });
    const text = await runCli(['ingest', 'pages'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Ingested 5 files in [\d.]+ s \(1 job\): 0 new, 0 updated, 5 unchanged, 0 failed/);
  });

  it('--ndjson: one line per file, then a summary line; exit 1 when a file fails', async () => {
    const dir = await corpusWithSample();
    await writeFile(path.join(dir, 'pages/notes.pdf'), '%PDF-1.4\n');
    const result = await runCli(['ingest', 'pages', '--ndjson'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
    expect(lines.filter((line) => line.type === 'file').map((line) => line.outcome)).toEqual([
      'new',
      'new',
      'new',
      'failed',
      'new',
      'new',
    ]);
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      new: 5,
      failed: [{ source: 'pages/notes.pdf', code: 'ingest.binary' }],
    });
  });

  it('refuses --json with --ndjson and nonsense option values', async () => {
    const dir = await corpusWithSample();
    expect((await runCli(['ingest', 'pages', '--json', '--ndjson'], { cwd: dir })).code).toBe(2);
    // Refused before the batch: before, the five pages were cleaned and staged, then refused.
    expect(JSON.parse((await runCli(['status', '--json'], { cwd: dir })).stdout)).toMatchObject({
      pending: 0,
      items: [],
    });
    expect((await runCli(['ingest', 'pages', '--timeout', '0'], { cwd: dir })).stderr).toMatch(
      /--timeout must be a positive number/,
    );
    expect((await runCli(['ingest'], { cwd: dir })).code).toBe(2);
  });

  /** `ingest - ...args` with half a page on a standard input that stays open, stopped after `ms`. */
  async function stoppedReading(dir: string, args: string[] = [], ms = 200) {
    // A writer that never closes the pipe: before, the read waited for its end whatever the signal.
    const stdin = new PassThrough();
    stdin.write('<html><body><p>half a page');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), ms);
    return runCli(['ingest', '-', ...args], { cwd: dir, stdin, signal: controller.signal });
  }

  it('stops reading standard input on Ctrl-C: exit 130, nothing ingested', async () => {
    const dir = tempDirForTest('corpuskit-ingest-cmd-');
    await runCli(['init'], { cwd: dir });
    const result = await stoppedReading(dir);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('standard input: interrupted (Ctrl-C or SIGTERM) while it was being read');
    expect(result.stdout).toContain('interrupted: files not reached are listed as failed');
    // Nothing staged (status lists no page text, so looking for the half page proved nothing).
    expect(JSON.parse((await runCli(['status', '--json'], { cwd: dir })).stdout)).toMatchObject({
      pending: 0,
      items: [],
    });
  }, 10_000);

  it('checks every option before reading standard input: a bad one is refused at once, with the pipe still open', async () => {
    const dir = tempDirForTest('corpuskit-ingest-cmd-');
    await runCli(['init'], { cwd: dir });
    for (const [args, said] of [
      [['--in-flight', '0'], /--in-flight must be a positive whole number/],
      [['--max-payload', 'lots'], /--max-payload must be a positive number/],
      [['--jobs', '2', '--redis', 'redis://127.0.0.1:1'], /--jobs and --redis cannot be combined/],
      [['--json', '--ndjson'], /--json and --ndjson cannot be combined/],
    ] as const) {
      // Before, these were checked once standard input ended, which an open pipe never does:
      // the read went on until the Ctrl-C that comes here after 3 s (exit 130).
      const result = await stoppedReading(dir, [...args], 3_000);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr + result.stdout).toMatch(said);
    }
  }, 30_000);

  it('ends a stop while reading standard input as an interrupted batch under --json and --ndjson alike', async () => {
    const dir = tempDirForTest('corpuskit-ingest-cmd-');
    await runCli(['init'], { cwd: dir });
    // The error is the CLI's, not the clean command's (before: clean.interrupted, and a document of another shape).
    const failedStdin = {
      source: '-',
      outcome: 'failed',
      error: {
        code: 'cli.interrupted',
        kind: 'interrupted',
        message: expect.stringContaining('while it was being read'),
      },
    };
    const json = await stoppedReading(dir, ['--json']);
    expect(json.code).toBe(130);
    expect(JSON.parse(json.stdout)).toMatchObject({
      schemaVersion: 1,
      corpus: dir,
      files: 1,
      new: 0,
      interrupted: true,
      failed: [{ source: '-', code: 'cli.interrupted' }],
      items: [failedStdin],
    });
    // Before, --ndjson printed nothing at all: no summary line.
    const ndjson = await stoppedReading(dir, ['--ndjson']);
    expect(ndjson.code).toBe(130);
    const lines = ndjson.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { schemaVersion: 1, type: 'file', ...failedStdin },
      { schemaVersion: 1, type: 'summary', files: 1, new: 0, interrupted: true },
    ]);
  }, 10_000);
});
