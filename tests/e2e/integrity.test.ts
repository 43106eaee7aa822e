import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { x } from 'tinyexec';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { BIN, articlePage, corpuskit, tempCorpus, tempDir, type Run } from './helpers.js';

// The store's integrity promises, tried as an unlucky user would: a damaged refs.json, a
// flipped byte in a pack, a read-only corpus, a full disk.

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

interface ErrorJson {
  error: { code: string; kind: string; message: string };
}
interface FsckJson {
  ok: boolean;
  problems: Array<{ kind: string; object?: string; message: string }>;
}

const id = (n: number): string => `https://harbour.example/story-${n}`;

/**
 * The corpus every test starts from, built once for the file by the CLI (three stories ingested,
 * accepted, committed and tagged v1; one story ingested and pending): six runs that cost more
 * than most tests. Each test damages its own byte-for-byte copy (see committedCorpus).
 */
let template: Promise<{ dir: string; cleanup: () => Promise<void> }> | null = null;
afterAll(async () => (await template)?.cleanup());

async function buildTemplate(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const corpus = await tempCorpus();
  const { dir } = corpus;
  await mkdir(path.join(dir, 'in'));
  for (let n = 0; n < 4; n++) {
    await writeFile(
      path.join(dir, 'in', `story-${n}.html`),
      articlePage(`Harbour story ${n}`, { canonical: id(n), seed: `Harbour story ${n}` }),
    );
  }
  const run = (...args: string[]): Promise<Run> => corpuskit(args, { cwd: dir });
  for (const n of [0, 1, 2]) expect((await run('ingest', `in/story-${n}.html`)).code).toBe(0);
  expect((await run('accept', '--all')).code).toBe(0);
  expect((await run('commit', '-m', 'three stories', '--tag', 'v1')).code).toBe(0);
  expect((await run('ingest', 'in/story-3.html')).code).toBe(0);
  expect((await run('fsck')).code).toBe(0);
  return corpus;
}

/** A corpus with one committed version (three stories, tagged v1) and one story pending: a copy of the template. */
async function committedCorpus(): Promise<string> {
  template ??= buildTemplate();
  const source = (await template).dir;
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  await cp(source, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

/** Every file under `.corpuskit/objects` and `.corpuskit/staging` with its bytes. */
async function storedFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const sub of ['objects', 'staging', 'versions']) {
    const folder = path.join(dir, '.corpuskit', sub);
    for (const name of await readdir(folder)) {
      out.set(`${sub}/${name}`, (await readFile(path.join(folder, name))).toString('base64'));
    }
  }
  return out;
}

describe('a damaged refs.json', () => {
  const damage: Array<[string, (refs: string) => string]> = [
    ['"staging" renamed', (refs) => refs.replace('"staging"', '"stagiog"')],
    ['"head" renamed', (refs) => refs.replace('"head"', '"hebd"')],
    ['emptied to {}', () => '{}'],
  ];
  for (const [what, change] of damage) {
    it(`${what}: fsck fails, reads fail with exit 4, gc refuses and removes nothing; fsck --repair rebuilds it`, async () => {
      const dir = await committedCorpus();
      const refsPath = path.join(dir, '.corpuskit/refs.json');
      const good = JSON.parse(await readFile(refsPath, 'utf8')) as { head: string; staging: string };
      await writeFile(refsPath, change(await readFile(refsPath, 'utf8')));
      const before = await storedFiles(dir);
      const run = (...args: string[]): Promise<Run> => corpuskit(args, { cwd: dir });

      const fsck = await run('fsck', '--json');
      expect(fsck.code).toBe(1);
      expect(fsck.json<FsckJson>().problems).toContainEqual(expect.objectContaining({ kind: 'bad-refs' }));
      for (const args of [['status'], ['log']]) {
        const read = await run(...args, '--json');
        expect(read.code, args.join(' ')).toBe(4);
        expect(read.json<ErrorJson>().error).toMatchObject({ code: 'store.bad-refs', kind: 'corrupt' });
      }
      for (const args of [['gc'], ['gc', '--dry-run']]) {
        const gc = await run(...args, '--json');
        expect(gc.code, args.join(' ')).toBe(4);
        expect(gc.json<ErrorJson>().error.kind).toBe('corrupt');
      }
      expect(await storedFiles(dir)).toEqual(before);

      const dry = await run('fsck', '--repair', '--dry-run', '--json');
      expect(dry.code).toBe(0);
      expect(await storedFiles(dir)).toEqual(before);
      const repaired = await run('fsck', '--repair', '--json');
      expect(repaired.code).toBe(0);
      expect(repaired.json()).toMatchObject({
        ok: true,
        lost: [],
        refs: { rebuilt: true, head: good.head, staging: good.staging },
      });
      expect((await run('fsck')).code).toBe(0);
      const status = await run('status', '--json');
      expect(status.json()).toMatchObject({ pending: 1, items: [expect.objectContaining({ id: id(3) })] });
      expect((await run('log', '--json')).code).toBe(0);
      expect((await run('gc', '--dry-run', '--json')).json()).toMatchObject({ unreachable: [] });
    });
  }
});

/** Flip one byte of the stored text of `story-<n>` in its pack; returns the pack's path. */
async function flipTextByte(dir: string, n: number): Promise<string> {
  const objects = path.join(dir, '.corpuskit/objects');
  const marker = Buffer.from(`Harbour story ${n} paragraph 3`);
  for (const name of await readdir(objects)) {
    const file = path.join(objects, name);
    const bytes = await readFile(file);
    const at = bytes.indexOf(marker);
    if (at < 0) continue;
    bytes[at] = bytes[at]! ^ 0x20;
    await writeFile(file, bytes);
    return file;
  }
  throw new Error(`no pack holds the text of story ${n}`);
}

describe('a flipped byte in a pack', () => {
  it('show and export fail with exit 4 naming the object and pack, never print wrong text; gc refuses; fsck calls it corrupt', async () => {
    const dir = await committedCorpus();
    const pack = await flipTextByte(dir, 1);
    const packName = `objects/${path.basename(pack)}`;
    const before = await storedFiles(dir);
    const run = (...args: string[]): Promise<Run> => corpuskit(args, { cwd: dir });

    const show = await run('show', id(1), '--json');
    expect(show.code).toBe(4);
    const error = show.json<ErrorJson>().error;
    expect(error.code).toBe('store.corrupt');
    expect(error.message).toContain(packName);
    expect(error.message).toMatch(/object [0-9a-f]{64}/);
    const showText = await run('show', id(1));
    expect(showText.code).toBe(4);
    expect(showText.stdout).not.toContain('harbour story 1 paragraph 3');
    expect(showText.stderr).toContain(packName);

    const exported = await run('export', '--format', 'jsonl');
    expect(exported.code).toBe(4);
    expect(exported.stdout).not.toContain('harbour story 1 paragraph 3');
    expect(exported.stderr).toContain(packName);
    // The other documents still read.
    expect((await run('show', id(0))).code).toBe(0);

    const gc = await run('gc', '--json');
    expect(gc.code).toBe(4);
    expect(gc.json<ErrorJson>().error.code).toBe('store.gc-refused');
    expect(await storedFiles(dir)).toEqual(before);

    const fsck = await run('fsck', '--json');
    expect(fsck.code).toBe(1);
    const problems = fsck.json<FsckJson>().problems;
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'hash-mismatch' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'corrupt-object', message: expect.stringContaining(id(1)) }),
    );
    expect(problems.filter((p) => p.kind === 'missing-object')).toEqual([]);

    const dry = await run('fsck', '--repair', '--dry-run', '--json');
    expect(dry.code).toBe(1);
    const report = dry.json<{ lost: Array<{ object: string; usedBy: string[] }>; moved: string[] }>();
    expect(report.lost).toHaveLength(1);
    expect(report.lost[0]!.usedBy.join('\n')).toContain(id(1));
    expect(report.moved).toEqual([packName]);
    expect(await storedFiles(dir)).toEqual(before);
  });
});

/** Whether the user `nobody` can run the built CLI from where this checkout lies. */
function nobodyCanRun(): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, 4)`], {
    uid: 65534,
    gid: 65534,
    cwd: '/',
  });
  return probe.status === 0;
}

/**
 * How to run the CLI on a corpus it may read but not write: after chmod -w when we are not root;
 * as root, as `nobody` when that user can read the checkout, else on a read-only bind mount.
 */
function readOnlyMode(): 'chmod' | 'nobody' | 'mount' {
  if (process.getuid?.() !== 0) return 'chmod';
  return nobodyCanRun() ? 'nobody' : 'mount';
}

async function readOnly(dir: string, args: string[], mode: 'chmod' | 'nobody' | 'mount'): Promise<Run> {
  const result = await x(process.execPath, [BIN, ...args], {
    nodeOptions: {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', CORPUSKIT_CORPUS: '', HOME: '/tmp' },
      ...(mode === 'nobody' ? { uid: 65534, gid: 65534 } : {}),
    },
    throwOnError: false,
  });
  return {
    code: result.exitCode ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: <T>() => JSON.parse(result.stdout) as T,
  };
}

async function chmodTree(dir: string, mode: (isDir: boolean) => number): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(full, mode);
    await chmod(full, mode(entry.isDirectory()));
  }
  await chmod(dir, mode(true));
}

describe('a read-only corpus', () => {
  it('fsck, gc --dry-run, status, log, show, export and diff work without the write lock', async () => {
    const dir = await committedCorpus();
    const mode = readOnlyMode();
    // Readable and searchable by everyone, writable by nobody but root (and not by us when we are not root).
    await chmodTree(dir, (isDir) => (isDir ? 0o555 : 0o444));
    cleanups.unshift(() => chmodTree(dir, (isDir) => (isDir ? 0o755 : 0o644)));
    if (mode === 'mount') {
      const bind = spawnSync('mount', ['--bind', '-o', 'ro', dir, dir], { encoding: 'utf8' });
      expect(bind.status, `a read-only bind mount: ${bind.stderr}`).toBe(0);
      spawnSync('mount', ['-o', 'remount,bind,ro', dir, dir]);
      cleanups.unshift(async () => void spawnSync('umount', [dir]));
    }
    const before = await storedFiles(dir);

    const fsck = await readOnly(dir, ['fsck', '--json'], mode);
    expect(fsck.stderr).toBe('');
    expect(fsck.code).toBe(0);
    expect(fsck.json()).toMatchObject({ ok: true, problems: [] });
    const gc = await readOnly(dir, ['gc', '--dry-run', '--json'], mode);
    expect(gc.code).toBe(0);
    expect(gc.json()).toMatchObject({ dryRun: true, unreachable: [] });
    for (const args of [
      ['status', '--json'],
      ['log', '--json'],
      ['show', id(0)],
      ['export', '--format', 'jsonl'],
      ['diff', 'HEAD', 'staged', '--json'],
    ]) {
      const result = await readOnly(dir, args, mode);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    // A write still fails, clearly.
    const accept = await readOnly(dir, ['accept', '--all', '--json'], mode);
    expect(accept.code).toBeGreaterThan(2);
    expect(accept.json<ErrorJson>().error).toMatchObject({ code: 'store.io', kind: 'io' });
    expect(accept.json<ErrorJson>().error.message).toContain(path.join(dir, '.corpuskit'));
    expect(await storedFiles(dir)).toEqual(before);
  });
});

describe('a full disk', () => {
  it('a write that runs out of space names the path, exits 6 and leaves the corpus as it was', async () => {
    const dir = await committedCorpus();
    const big = path.join(dir, 'big');
    await mkdir(big);
    for (let n = 10; n < 40; n++) {
      await writeFile(
        path.join(big, `story-${n}.html`),
        articlePage(`Harbour story ${n}`, { canonical: id(n), seed: `Harbour story ${n}`, paragraphs: 40 }),
      );
    }
    const before = await storedFiles(dir);
    const statusBefore = (await corpuskit(['status', '--json'], { cwd: dir })).stdout;
    // RLIMIT_FSIZE: a write past 64 KiB fails with EFBIG, as a full disk fails with ENOSPC.
    const limited = spawnSync(
      'prlimit',
      ['--fsize=65536', process.execPath, BIN, 'ingest', 'big', '--jobs', '1', '--json'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(limited.error).toBeUndefined();
    expect(limited.status).toBe(6);
    const error = (JSON.parse(limited.stdout) as ErrorJson).error;
    expect(error).toMatchObject({ code: 'store.io', kind: 'io' });
    expect(error.message).toMatch(/^cannot write \/\S+: file too large/);
    expect(error.message).toContain(path.join(dir, '.corpuskit') + path.sep);
    expect(error.message).toContain('EFBIG');
    expect(await storedFiles(dir)).toEqual(before);
    expect((await corpuskit(['status', '--json'], { cwd: dir })).stdout).toBe(statusBefore);
    expect((await corpuskit(['fsck'], { cwd: dir })).code).toBe(0);
  });
});
