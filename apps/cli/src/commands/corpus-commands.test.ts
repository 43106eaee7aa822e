import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { runCli } from '../test-utils.js';

const tempDir = (): string => tempDirForTest('corpuskit-cli-');

describe('corpus commands (in-process)', () => {
  it('init creates a corpus that the other commands find from a subfolder', async () => {
    const dir = tempDir();
    const init = await runCli(['init', 'c', '--json'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ schemaVersion: 1, corpus: path.join(dir, 'c'), created: true });
    await mkdir(path.join(dir, 'c/sub/deeper'), { recursive: true });
    const status = await runCli(['status', '--json'], { cwd: path.join(dir, 'c/sub/deeper') });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      corpus: path.join(dir, 'c'),
      pending: 0,
      accepted: 0,
      rejected: 0,
      items: [],
    });
  });

  it('export stopped by Ctrl-C exits 130 with ingest.interrupted, as an interruption, not as bad input', async () => {
    const dir = tempDir();
    await runCli(['init'], { cwd: dir });
    await writeFile(
      path.join(dir, 'a.html'),
      '<html><head><title>Pier</title></head><body><article><h1>Pier</h1><p>The pier was rebuilt after the storm of last winter, and the fishermen came back.</p></article></body></html>',
    );
    expect((await runCli(['ingest', 'a.html'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['accept', '--all'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['commit', '-m', 'one'], { cwd: dir })).code).toBe(0);
    const controller = new AbortController();
    controller.abort();
    const stopped = await runCli(['export', '--format', 'jsonl.gz', '-o', 'shards', '--json'], {
      cwd: dir,
      signal: controller.signal,
    });
    // Before, the error's kind was 'input': exit 2, as if the corpus or the request were at fault.
    expect(stopped.code).toBe(130);
    expect(JSON.parse(stopped.stdout).error).toMatchObject({ code: 'ingest.interrupted', kind: 'interrupted' });
  });

  it('init refuses an existing corpus with exit 2', async () => {
    const dir = tempDir();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const again = await runCli(['init', '--json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).error).toMatchObject({ code: 'store.already-a-corpus' });
  });

  it('finds the corpus by --corpus first, then CORPUSKIT_CORPUS, and says how to make one when there is none', async () => {
    const dir = tempDir();
    await runCli(['init', 'a'], { cwd: dir });
    await runCli(['init', 'b'], { cwd: dir });
    const byEnv = await runCli(['status', '--json'], { cwd: dir, env: { CORPUSKIT_CORPUS: path.join(dir, 'a') } });
    expect(JSON.parse(byEnv.stdout).corpus).toBe(path.join(dir, 'a'));
    const byFlag = await runCli(['status', '--json', '--corpus', 'b'], {
      cwd: dir,
      env: { CORPUSKIT_CORPUS: path.join(dir, 'a') },
    });
    expect(JSON.parse(byFlag.stdout).corpus).toBe(path.join(dir, 'b'));
    const none = await runCli(['status'], { cwd: dir, env: {} });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/not inside a corpus .*corpuskit init/);
  });

  it('an empty corpus: nothing to commit (2), empty log, fsck ok, gc, no tags', async () => {
    const dir = tempDir();
    await runCli(['init'], { cwd: dir });
    const commit = await runCli(['commit', '-m', 'nothing'], { cwd: dir });
    expect(commit.code).toBe(2);
    expect(commit.stderr).toMatch(/nothing to commit/);
    expect((await runCli(['commit'], { cwd: dir })).stderr).toMatch(/commit needs a message/);
    const log = await runCli(['log', '--json'], { cwd: dir });
    expect(JSON.parse(log.stdout)).toMatchObject({ versions: [] });
    const fsck = await runCli(['fsck', '--json'], { cwd: dir });
    expect(fsck.code).toBe(0);
    expect(JSON.parse(fsck.stdout)).toMatchObject({ ok: true, problems: [] });
    expect((await runCli(['gc', '--dry-run'], { cwd: dir })).stdout).toMatch(/^Would remove 0 unreachable objects/);
    expect((await runCli(['tag'], { cwd: dir })).stdout).toMatch(/No tags yet/);
  });

  it('usage errors: accept with neither ids nor --all, unstage with both ids and --rejected, unknown ids', async () => {
    const dir = tempDir();
    await runCli(['init'], { cwd: dir });
    expect((await runCli(['accept'], { cwd: dir })).stderr).toMatch(/accept needs document ids/);
    expect((await runCli(['unstage', 'x', '--rejected'], { cwd: dir })).code).toBe(2);
    const unknown = await runCli(['reject', 'https://example.com/nope', '--json'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error).toMatchObject({ kind: 'not-found', code: 'store.not-staged' });
    const show = await runCli(['show', 'https://example.com/nope'], { cwd: dir });
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/https:\/\/example.com\/nope: no document with this id in HEAD/);
  });
});
