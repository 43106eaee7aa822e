import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { x } from 'tinyexec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BIN, SAMPLE_PAGES, articlePage, corpuskit, tempCorpus } from './helpers.js';

/** Every file under the corpus folder with a hash of its bytes (the lock file aside). */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.name !== 'lock') {
        out[path.relative(root, file)] = createHash('sha256')
          .update(await readFile(file))
          .digest('hex');
      }
    }
  };
  await walk(path.join(root, '.corpuskit'));
  return out;
}

/**
 * The CLI with a file size limit (RLIMIT_FSIZE, `ulimit -f` in KiB): a write past it fails with
 * EFBIG, as a write to a full disk fails with ENOSPC, through the same code paths.
 */
async function withFileLimit(kib: number, args: string[], cwd: string) {
  const result = await x('bash', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
    nodeOptions: { cwd, env: { ...process.env, NO_COLOR: '1' } },
    throwOnError: false,
  });
  return { code: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

interface IngestJson {
  error?: { code: string; kind: string; message: string; path: string | null };
  new: number;
  failedCount: number;
  items: Array<{ source: string; id: string | null; outcome: string; error: { code: string; message: string } | null }>;
}

describe('disk full while ingesting or exporting', () => {
  let dir = '';
  let cleanup = async () => {};
  const run = (...args: string[]) => corpuskit(args, { cwd: dir });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempCorpus());
    await mkdir(path.join(dir, 'first'));
    await writeFile(path.join(dir, 'first/pier.html'), articlePage('Harbour pier opens'));
    expect((await run('ingest', 'first')).code).toBe(0);
    expect((await run('accept', '--all')).code).toBe(0);
    expect((await run('commit', '-m', 'First')).code).toBe(0);
  });
  afterAll(() => cleanup());

  it('ingest: every page reported, the error names the path, exit 6, the corpus exactly as it was', async () => {
    const before = await snapshot(dir);
    const result = await withFileLimit(64, ['ingest', SAMPLE_PAGES, '--json'], dir);
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const json = JSON.parse(result.stdout) as IngestJson;
    expect(json.error).toMatchObject({ code: 'store.io', kind: 'io' });
    expect(json.error!.path).toContain(path.join(dir, '.corpuskit'));
    expect(json.error!.message).toContain(json.error!.path);
    expect(json.error!.message).toMatch(/EFBIG/);
    const pages = (await readdir(SAMPLE_PAGES)).filter((name) => name.endsWith('.html'));
    expect(json.items.map((item) => path.basename(item.source)).sort()).toEqual(pages.sort());
    for (const item of json.items) {
      expect(item).toMatchObject({ outcome: 'failed', error: { code: 'ingest.not-staged' } });
      expect(item.id).not.toBeNull();
      expect(item.error!.message).toContain(json.error!.path);
    }
    expect(json).toMatchObject({ new: 0, failedCount: pages.length });

    // Nothing half-written: no pack, no staged entry, not even the dedup or repeated-line state.
    expect(await snapshot(dir)).toEqual(before);
    const fsck = await run('fsck', '--json');
    expect(fsck.code, fsck.stdout).toBe(0);
    const again = await run('ingest', SAMPLE_PAGES, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect(again.json<IngestJson>().new).toBe(pages.length);
  });

  it('text output says staging stopped and names the file', async () => {
    const other = await tempCorpus();
    const result = await withFileLimit(64, ['ingest', SAMPLE_PAGES], other.dir);
    await other.cleanup();
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/error: staging stopped: cannot write \/.*\.corpuskit\/.*EFBIG/);
    expect(result.stdout).toMatch(/failed +.*bbc-afghanistan-jihadists\.html: not staged: cannot write /);
  });

  it('export to a full device: an I/O error naming the output, exit 6, no stack trace', async () => {
    expect(existsSync('/dev/full')).toBe(true);
    for (const args of [
      ['export', '-o', '/dev/full'],
      ['export', '--format', 'parquet', '-o', '/dev/full'],
    ]) {
      const result = await run(...args, '--json');
      expect(result.code, args.join(' ')).toBe(6);
      expect(result.json<{ error: { kind: string; subject: string; message: string } }>().error).toMatchObject({
        kind: 'io',
        subject: '/dev/full',
        message: expect.stringMatching(/ENOSPC/),
      });
    }
    const stdout = await x('bash', ['-c', `exec "$0" "$@" > /dev/full`, process.execPath, BIN, 'export'], {
      nodeOptions: { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
      throwOnError: false,
    });
    expect(stdout.exitCode).toBe(6);
    expect(stdout.stderr).toMatch(/cannot write to standard output: ENOSPC/);
    expect(stdout.stderr).not.toMatch(/\n\s+at /);
  });
});
