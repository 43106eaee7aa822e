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
    expect((await runCli(['ingest', 'pages', '--timeout', '0'], { cwd: dir })).stderr).toMatch(
      /--timeout must be a positive number/,
    );
    expect((await runCli(['ingest'], { cwd: dir })).code).toBe(2);
  });

  it('stops reading standard input on Ctrl-C: exit 130, nothing ingested', async () => {
    const dir = tempDirForTest('corpuskit-ingest-cmd-');
    await runCli(['init'], { cwd: dir });
    // A writer that never closes the pipe: before, the read waited for its end whatever the signal.
    const stdin = new PassThrough();
    stdin.write('<html><body><p>half a page');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await runCli(['ingest', '-'], { cwd: dir, stdin, signal: controller.signal });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('standard input: interrupted (Ctrl-C or SIGTERM) while it was being read');
    expect((await runCli(['status', '--json'], { cwd: dir })).stdout).not.toContain('half a page');
    // Under --json the one document is the interruption.
    const again = new PassThrough();
    again.write('<html><body><p>half a page');
    const jsonController = new AbortController();
    setTimeout(() => jsonController.abort(), 200);
    const json = await runCli(['ingest', '-', '--json'], { cwd: dir, stdin: again, signal: jsonController.signal });
    expect(json.code).toBe(130);
    expect(JSON.parse(json.stdout)).toMatchObject({
      schemaVersion: 1,
      error: { code: 'clean.interrupted', subject: 'standard input' },
    });
  }, 10_000);
});
