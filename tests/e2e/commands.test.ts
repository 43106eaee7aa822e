import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, tempCorpus, tempDir } from './helpers.js';

const COMMANDS = [
  'init',
  'ingest',
  'status',
  'accept',
  'reject',
  'remove',
  'unstage',
  'reclean',
  'commit',
  'tag',
  'log',
  'show',
  'export',
  'fsck',
  'gc',
];

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function corpus(): Promise<string> {
  const { dir, cleanup } = await tempCorpus();
  cleanups.push(cleanup);
  return dir;
}

async function writePages(dir: string, folder: string, count: number): Promise<string[]> {
  await mkdir(path.join(dir, folder), { recursive: true });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `https://${folder}.example/story-${i}`;
    ids.push(id);
    await writeFile(path.join(dir, folder, `story-${i}.html`), articlePage(`${folder} story ${i}`, { canonical: id }));
  }
  return ids;
}

describe('help', () => {
  it('every command has --help with examples, exit 0', async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    for (const command of COMMANDS) {
      const help = await corpuskit([command, '--help'], { cwd: dir });
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: corpuskit ${command}`);
      expect(help.stdout, command).toMatch(/Examples:\n {2}\$ corpuskit /);
    }
    const top = await corpuskit(['--help'], { cwd: dir });
    for (const command of COMMANDS) expect(top.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });
});

describe('exit codes', () => {
  it('0 ok, 2 usage (bad flag value, unknown option, missing message) with JSON errors under --json', async () => {
    const dir = await corpus();
    expect((await corpuskit(['status'], { cwd: dir })).code).toBe(0);
    const jobs = await corpuskit(['ingest', '.', '--jobs', 'many', '--json'], { cwd: dir });
    expect(jobs.code).toBe(2);
    expect(jobs.json()).toMatchObject({
      error: { code: 'cli.usage', message: expect.stringMatching(/--jobs must be a positive whole number/) },
    });
    const unknown = await corpuskit(['commit', '--frobnicate'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error: .*frobnicate/);
    expect((await corpuskit(['commit'], { cwd: dir })).stderr).toMatch(/error: commit needs a message/);
  });

  it('2 not-found: no corpus here, unknown version, unknown document; 2 conflict: a tag that exists', async () => {
    const { dir: outside, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const none = await corpuskit(['log', '--json'], { cwd: outside });
    expect(none.code).toBe(2);
    expect(none.json()).toMatchObject({ error: { code: 'cli.no-corpus' } });
    const dir = await corpus();
    const [id] = await writePages(dir, 'news', 1);
    await corpuskit(['ingest', 'news'], { cwd: dir });
    await corpuskit(['accept', '--all'], { cwd: dir });
    expect((await corpuskit(['commit', '-m', 'one', '--tag', 'v1'], { cwd: dir })).code).toBe(0);
    expect((await corpuskit(['show', id!, '--version', 'v9'], { cwd: dir })).stderr).toMatch(
      /no version, tag or reference named v9/,
    );
    expect((await corpuskit(['show', 'https://news.example/nope'], { cwd: dir })).code).toBe(2);
    const tag = await corpuskit(['tag', 'v1', 'HEAD', '--json'], { cwd: dir });
    expect(tag.code).toBe(0);
    const again = await corpuskit(['commit', '-m', 'nothing', '--json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.json()).toMatchObject({ error: { code: 'store.nothing-to-commit', kind: 'conflict' } });
  });

  it('1 findings: fsck finds a damaged object; 4 corrupt: a damaged refs file', async () => {
    const dir = await corpus();
    await writePages(dir, 'news', 2);
    await corpuskit(['ingest', 'news'], { cwd: dir });
    await corpuskit(['accept', '--all'], { cwd: dir });
    await corpuskit(['commit', '-m', 'two'], { cwd: dir });
    const objects = path.join(dir, '.corpuskit/objects');
    const files = await findFiles(objects);
    expect(files.length).toBeGreaterThan(0);
    const victim = files.sort()[0]!;
    const bytes = await readFile(victim);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    await writeFile(victim, bytes);
    const fsck = await corpuskit(['fsck', '--json'], { cwd: dir });
    expect(fsck.code).toBe(1);
    expect(fsck.json()).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ message: expect.any(String) })],
    });
    await writeFile(path.join(dir, '.corpuskit/refs.json'), '{ not json');
    const status = await corpuskit(['status', '--json'], { cwd: dir });
    expect(status.code).toBe(4);
    expect(status.json()).toMatchObject({ error: { kind: 'corrupt' } });
  });

  it('3 locked: another live process holds the lock; nothing staged is lost, and it works once released', async () => {
    const dir = await corpus();
    const ids = await writePages(dir, 'news', 2);
    await corpuskit(['ingest', 'news/story-0.html'], { cwd: dir });
    const lock = path.join(dir, '.corpuskit/lock');
    const holder = {
      pid: process.pid,
      hostname: hostname(),
      command: 'test holding the lock',
      startedAt: new Date().toISOString(),
      token: 'e2e',
    };
    await writeFile(lock, JSON.stringify(holder));
    const blocked = await corpuskit(['ingest', 'news', '--wait', '0', '--json'], { cwd: dir });
    expect(blocked.code).toBe(3);
    expect(blocked.json()).toMatchObject({
      error: { code: 'store.locked', message: expect.stringMatching(/locked by process \d+ .*test holding the lock/) },
    });
    const accept = await corpuskit(['accept', '--all'], { cwd: dir, env: { CORPUSKIT_LOCK_WAIT: '0' } });
    expect(accept.code).toBe(3);
    const { rm } = await import('node:fs/promises');
    await rm(lock);
    const status = await corpuskit(['status', '--json'], { cwd: dir });
    expect(status.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toEqual([ids[0]]);
    const retry = await corpuskit(['ingest', 'news', '--json'], { cwd: dir });
    expect(retry.code).toBe(0);
    expect(retry.json()).toMatchObject({ new: 1, unchanged: 1 });
  }, 60_000);
});

describe('two ingests at once', () => {
  it('the second waits for the lock; every page of both ends up staged', async () => {
    const dir = await corpus();
    const first = await writePages(dir, 'alpha', 6);
    const second = await writePages(dir, 'beta', 6);
    const [a, b] = await Promise.all([
      corpuskit(['ingest', 'alpha', '--jobs', '1', '--json'], { cwd: dir }),
      corpuskit(['ingest', 'beta', '--jobs', '1', '--json'], { cwd: dir }),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.json()).toMatchObject({ new: 6 });
    expect(b.json()).toMatchObject({ new: 6 });
    const status = (await corpuskit(['status', '--json'], { cwd: dir })).json<{
      pending: number;
      items: Array<{ id: string }>;
    }>();
    expect(status.pending).toBe(12);
    expect(status.items.map((i) => i.id).sort()).toEqual([...first, ...second].sort());
    const fsck = await corpuskit(['fsck', '--json'], { cwd: dir });
    expect(fsck.json()).toMatchObject({ ok: true });
  });
});

describe('the same result whatever the job count', () => {
  it('--jobs 1 and --jobs 3 stage identical records', async () => {
    const one = await corpus();
    const three = await corpus();
    for (const dir of [one, three]) await writePages(dir, 'news', 5);
    const a = await corpuskit(['ingest', 'news', '--jobs', '1', '--json'], { cwd: one });
    const b = await corpuskit(['ingest', 'news', '--jobs', '3', '--json'], { cwd: three });
    expect(b.json<{ items: unknown }>().items).toEqual(a.json<{ items: unknown }>().items);
    const records = async (dir: string) =>
      (await corpuskit(['status', '--json'], { cwd: dir }))
        .json<{ items: Array<{ record: string; contentHash: string }> }>()
        .items.map((i) => [i.record, i.contentHash]);
    expect(await records(three)).toEqual(await records(one));
  });
});

async function findFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await findFiles(full)));
    else out.push(full);
  }
  return out;
}
