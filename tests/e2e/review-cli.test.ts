import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, tempCorpus } from './helpers.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

interface Item {
  id: string;
  hash: string;
  state: string;
  change: string;
  title: string | null;
  site: string | null;
  flags: string[];
}

/** Three stories on alpha.example, one copied word for word on beta.example, one short index page. */
async function reviewCorpus(): Promise<{ dir: string; run: (...args: string[]) => ReturnType<typeof corpuskit> }> {
  const { dir, cleanup } = await tempCorpus();
  cleanups.push(cleanup);
  await mkdir(path.join(dir, 'pages'));
  for (let i = 0; i < 3; i += 1) {
    await writeFile(
      path.join(dir, 'pages', `alpha-${i}.html`),
      articlePage(`Alpha story ${i}`, { canonical: `https://alpha.example/story-${i}` }),
    );
  }
  await writeFile(
    path.join(dir, 'pages', 'beta-copy.html'),
    articlePage('Alpha story 0', { canonical: 'https://beta.example/copied', seed: 'Alpha story 0' }),
  );
  const run = (...args: string[]) => corpuskit(args, { cwd: dir, env: { CORPUSKIT_REVIEWER: 'e2e' } });
  expect((await run('ingest', 'pages', '--jobs', '1')).code).toBe(0);
  return { dir, run };
}

describe('reviewing from the shell', () => {
  it('status shows titles, sites and flags; --short one line each; --where filters', async () => {
    const { run } = await reviewCorpus();
    const status = await run('status', '--json');
    const items = status.json<{ items: Item[] }>().items;
    expect(items).toHaveLength(4);
    const copy = items.find((item) => item.id === 'https://beta.example/copied')!;
    expect(copy).toMatchObject({ site: 'beta.example', title: 'Alpha story 0', change: 'new', state: 'pending' });
    expect(copy.flags).toContain('exact-duplicate');
    expect(items.filter((item) => item.flags.length === 0)).toHaveLength(3);

    const text = (await run('status')).stdout;
    expect(text).toContain('Alpha story 2');
    expect(text).toMatch(/Alpha story 0 {2}\[exact-duplicate\]/);
    expect(text).toContain('beta.example  https://beta.example/copied');

    const short = (await run('status', '--short')).stdout.trim().split('\n');
    expect(short).toHaveLength(4);
    expect(short.find((line) => line.includes('beta.example'))).toMatch(
      /^\?N [0-9a-f]{7,12} https:\/\/beta\.example\/copied \[exact-duplicate\]$/,
    );

    const dupes = (await run('status', '--short', '--where', 'finding:exact,near')).stdout.trim().split('\n');
    expect(dupes).toEqual([expect.stringContaining('https://beta.example/copied')]);
    const alpha = await run('status', '--where', 'site:alpha.example no-findings', '--json');
    expect(alpha.json<{ matched: number }>().matched).toBe(3);

    const bad = await run('status', '--where', 'colour:red');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown key 'colour'/);
  });

  it("accept --where 'no-findings' takes every clean pending entry; reject by short id; the rest stays", async () => {
    const { run } = await reviewCorpus();
    const accepted = await run('accept', '--where', 'no-findings', '--json');
    expect(accepted.code).toBe(0);
    expect(accepted.json<{ accepted: string[] }>().accepted.sort()).toEqual([
      'https://alpha.example/story-0',
      'https://alpha.example/story-1',
      'https://alpha.example/story-2',
    ]);
    const items = (await run('status', '--json')).json<{ items: Item[] }>().items;
    const copy = items.find((item) => item.id === 'https://beta.example/copied')!;
    expect(copy.state).toBe('pending');

    // A unique prefix of the id's hash, as git takes short commit ids.
    const rejected = await run('reject', copy.hash.slice(0, 6), '-m', 'copy', '--json');
    expect(rejected.code).toBe(0);
    expect(rejected.json()).toMatchObject({ rejected: ['https://beta.example/copied'] });
    // An ambiguous prefix names the candidates; an unknown one says so; both exit 2.
    const ambiguous = await run('accept', 'https://alpha.example/story-');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/ambiguous in the staging area: https:\/\/alpha\.example\/story-0, /);
    const unknown = await run('accept', 'https://nowhere.example/', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.json()).toMatchObject({ error: { code: 'store.not-staged' } });
    // A unique prefix of the id works too.
    expect((await run('accept', 'https://beta.exa')).code).toBe(0);
    expect((await run('status', '--short', '--where', 'rejected')).stdout.trim()).toBe('');
  });

  it('log --oneline; show of a removed id says which version last had it', async () => {
    const { run } = await reviewCorpus();
    await run('accept', '--all');
    expect((await run('commit', '-m', 'first crawl', '--tag', 'v1')).code).toBe(0);
    const hash = (await run('status', '--json')).json<{ items: Item[] }>().items;
    expect(hash).toEqual([]);
    expect((await run('remove', 'https://alpha.example/story-1')).code).toBe(0);
    await run('accept', '--all');
    expect((await run('commit', '-m', 'drop story 1\n\nmore words')).code).toBe(0);

    // A decided removal can be reopened (undone) before it is committed.
    expect((await run('remove', 'https://alpha.example/story-2')).code).toBe(0);
    await run('accept', 'https://alpha.example/story-2');
    const reopen = await run('reopen', 'https://alpha.example/story-2', '--json');
    expect(reopen.json()).toMatchObject({ reopened: ['https://alpha.example/story-2'] });
    expect((await run('status', '--short')).stdout.trim()).toMatch(
      /^\?D [0-9a-f]{7,12} https:\/\/alpha\.example\/story-2$/,
    );
    await run('unstage', 'https://alpha.example/story-2');

    const oneline = (await run('log', '--oneline')).stdout.trim().split('\n');
    expect(oneline).toHaveLength(2);
    expect(oneline[0]).toMatch(/^[0-9a-f]{12} drop story 1 \+0 ~0 -1$/);
    expect(oneline[1]).toMatch(/^[0-9a-f]{12} \(v1\) first crawl \+4 ~0 -0$/);

    const show = await run('show', 'https://alpha.example/story-1');
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(
      /no document with this id in HEAD; https:\/\/alpha\.example\/story-1 was last in version [0-9a-f]{12} \(v1\) of .*, removed in version [0-9a-f]{12}/,
    );
    const old = await run('show', 'https://alpha.example/story-1', '--version', 'v1');
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('title:     Alpha story 1');
    const never = await run('show', 'https://alpha.example/never');
    expect(never.stderr).toMatch(/nor in any earlier version/);
  });
});

describe('pnpm -s corpuskit from a folder inside the clone', () => {
  it('scripts/corpuskit.mjs works in the folder pnpm was started from (INIT_CWD), not the repository root', async () => {
    const { dir, cleanup } = await tempCorpus();
    cleanups.push(cleanup);
    const { x } = await import('tinyexec');
    const { REPO } = await import('./helpers.js');
    const result = await x(process.execPath, [path.join(REPO, 'scripts/corpuskit.mjs'), 'status', '--json'], {
      nodeOptions: { cwd: REPO, env: { ...process.env, INIT_CWD: dir, NO_COLOR: '1', CORPUSKIT_CORPUS: '' } },
      throwOnError: false,
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ corpus: dir, pending: 0 });
  });
});

describe('pending diffs', () => {
  it('diff HEAD staged --doc ID shows a pending update before it is accepted', async () => {
    const { dir, run } = await reviewCorpus();
    await run('accept', '--all');
    await run('commit', '-m', 'v1');
    const id = 'https://alpha.example/story-1';
    await writeFile(
      path.join(dir, 'pages', 'alpha-1.html'),
      articlePage('Alpha story 1', { canonical: id, paragraphs: 7 }),
    );
    expect((await run('ingest', 'pages/alpha-1.html')).code).toBe(0);
    const diff = await run('diff', 'HEAD', 'staged', '--doc', id, '--exit-code');
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain(`staged:${id} (pending review)`);
    expect(diff.stdout).toContain('Alpha story 1 paragraph 7');
    const json = (await run('diff', 'HEAD', 'staged', '--doc', id, '--json')).json<{
      pending: boolean;
      changed: boolean;
    }>();
    expect(json).toMatchObject({ pending: true, changed: true });
    // One similarity: the diff shows the number the revision finding carries, in the same words.
    const status = (await run('status', '--json')).json<{
      items: Array<{ id: string; findings: Array<{ kind: string; similarity: number }> }>;
    }>();
    const revision = status.items.find((item) => item.id === id)!.findings.find((f) => f.kind === 'revision')!;
    const full = await run('diff', 'HEAD', 'staged', '--doc', id, '--json');
    expect(full.json<{ similarity: { value: number } }>().similarity.value).toBe(revision.similarity);
    const percent = `${(Math.floor(revision.similarity * 1000) / 10).toFixed(1)}% similar (shared 5-word sequences, Jaccard)`;
    expect(diff.stdout).toContain(`similarity: ${percent}`);
    expect((await run('status')).stdout).toContain(`revision`);
    expect((await run('show', id)).stdout).toContain(percent);
    // Rejected, it is no longer part of what staged would commit.
    await run('reject', id, '-m', 'not yet');
    expect((await run('diff', 'HEAD', 'staged', '--doc', id, '--exit-code')).code).toBe(0);
  });
});
