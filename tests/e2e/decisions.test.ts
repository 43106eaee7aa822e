import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, tempCorpus } from './helpers.js';

/*
 * Remembered decisions on the built CLI: rejections remembered by content across re-ingest (and
 * --reconsider), removals remembered, approvals going stale when a reclean changes the content,
 * `log --decisions`, `show --history`, and where the reviewer's name comes from.
 */

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const KEEP = 'https://alpha.example/keep';
const SPAM = 'https://alpha.example/spam';

type Runner = (...args: string[]) => ReturnType<typeof corpuskit>;

async function corpusWith(pages: Record<string, string>): Promise<{ dir: string; run: Runner }> {
  const { dir, cleanup } = await tempCorpus();
  cleanups.push(cleanup);
  await mkdir(path.join(dir, 'pages'));
  for (const [name, html] of Object.entries(pages)) await writeFile(path.join(dir, 'pages', name), html);
  const run: Runner = (...args) => corpuskit(args, { cwd: dir, env: { CORPUSKIT_REVIEWER: 'ana' } });
  return { dir, run };
}

const twoPages = () =>
  corpusWith({
    'keep.html': articlePage('A story worth keeping', { canonical: KEEP }),
    'spam.html': articlePage('Buy cheap harbour tickets', { canonical: SPAM }),
  });

interface FileJson {
  id: string;
  outcome: string;
  previously?: {
    decision: string;
    by: string | null;
    note: string | null;
    version: string | null;
    reconsidered: boolean;
  };
  stale?: { state: string; by: string | null };
}
interface IngestJson {
  new: number;
  previouslyRejected: number;
  reconsidered: number;
  stale: number;
  items: FileJson[];
}
interface StatusJson {
  pending: number;
  accepted: number;
  rejected: number;
  items: Array<{
    id: string;
    state: string;
    flags: string[];
    decision: {
      by: string | null;
      note: string | null;
      remembered?: { decision: string; version: string | null };
    } | null;
    stale?: { state: string; by: string | null; contentHash: string };
  }>;
}

describe('remembered rejections', () => {
  it('a rejected page ingested again after unstage --rejected stays rejected ("previously rejected"); --reconsider brings it back', async () => {
    const { run } = await twoPages();
    expect((await run('ingest', 'pages', '--jobs', '1')).code).toBe(0);
    expect((await run('reject', SPAM, '-m', 'advert', '--reviewer', 'bo')).code).toBe(0);
    expect((await run('unstage', '--rejected')).code).toBe(0);

    const again = await run('ingest', 'pages', '--jobs', '1', '--json');
    expect(again.code).toBe(0);
    const result = again.json<IngestJson>();
    expect(result).toMatchObject({ new: 0, previouslyRejected: 1 });
    // KEEP is still pending with the same content: unchanged.
    expect(result.items.find((f) => f.id === KEEP)?.outcome).toBe('unchanged');
    expect(result.items.find((f) => f.id === SPAM)).toMatchObject({
      outcome: 'rejected',
      previously: { decision: 'rejected', by: 'bo', note: 'advert', version: null, reconsidered: false },
    });
    const text = await run('ingest', 'pages', '--jobs', '1');
    expect(text.stdout).toContain('1 previously rejected');
    expect(text.stdout).toMatch(
      /rejected +https:\/\/alpha\.example\/spam[^\n]*\n +previously rejected: by bo at \S+ \("advert"\)/,
    );

    const status = (await run('status', '--json')).json<StatusJson>();
    expect(status).toMatchObject({ pending: 1, rejected: 1 });
    const spam = status.items.find((item) => item.id === SPAM)!;
    expect(spam).toMatchObject({
      state: 'rejected',
      decision: { by: 'bo', note: 'advert', remembered: { decision: 'rejected' } },
    });
    expect(spam.flags).toContain('previously-rejected');
    expect((await run('status')).stdout).toMatch(/previously rejected by bo at \S+, not committed yet/);

    // Committed, cleared, ingested again: the rejection names the version that recorded it.
    await run('accept', KEEP);
    const commit = (await run('commit', '-m', 'first', '--json')).json<{ version: string }>();
    await run('unstage', '--rejected');
    const third = (await run('ingest', 'pages', '--jobs', '1', '--json')).json<IngestJson>();
    expect(third.items.find((f) => f.id === SPAM)).toMatchObject({
      outcome: 'rejected',
      previously: { decision: 'rejected', version: commit.version },
    });

    const reconsider = await run('ingest', 'pages', '--jobs', '1', '--reconsider', '--json');
    expect(reconsider.json<IngestJson>()).toMatchObject({ reconsidered: 1, previouslyRejected: 0 });
    expect(reconsider.json<IngestJson>().items.find((f) => f.id === SPAM)).toMatchObject({
      outcome: 'new',
      previously: { decision: 'rejected', reconsidered: true },
    });
    expect((await run('status', '--json')).json<StatusJson>()).toMatchObject({ pending: 1, rejected: 0 });
  });

  it('a page accepted, committed, then removed stays out when the same content is ingested again', async () => {
    const { run } = await twoPages();
    await run('ingest', 'pages', '--jobs', '1');
    await run('accept', '--all');
    await run('commit', '-m', 'both');
    await run('remove', SPAM);
    await run('accept', SPAM, '-m', 'not news', '--reviewer', 'cy');
    const removal = (await run('commit', '-m', 'drop the advert', '--json')).json<{ version: string }>();
    const again = (await run('ingest', 'pages', '--jobs', '1', '--json')).json<IngestJson>();
    expect(again.items.find((f) => f.id === SPAM)).toMatchObject({
      outcome: 'rejected',
      previously: { decision: 'removed', by: 'cy', note: 'not news', version: removal.version },
    });
    expect((await run('status')).stdout).toMatch(/previously removed by cy at \S+, in version [0-9a-f]{12}/);
  });
});

describe('stale approvals', () => {
  it('an approval goes stale when a reclean changes the content it saw: the entry is pending again and status says so', async () => {
    // A line the site repeats on every page: once three pages carry it, the cleaner drops it as
    // boilerplate, so re-cleaning the first page changes its content.
    const appeal = '<p>Support independent reporting from the Example Gazette with a monthly gift today.</p>';
    const page = (n: number) =>
      articlePage(`Gazette story ${n}`, { canonical: `https://gazette.example/story-${n}` }).replace(
        '</article>',
        `${appeal}\n</article>`,
      );
    const { run } = await corpusWith({ 'g1.html': page(1), 'g2.html': page(2), 'g3.html': page(3) });
    const first = 'https://gazette.example/story-1';
    await run('ingest', 'pages/g1.html', '--jobs', '1');
    await run('accept', first, '--reviewer', 'dee');
    const before = (await run('status', '--json')).json<StatusJson>();
    expect(before).toMatchObject({ accepted: 1 });
    await run('ingest', 'pages/g2.html', 'pages/g3.html', '--jobs', '1');
    expect((await run('show', first)).stdout).toContain('Support independent reporting');

    const reclean = await run('reclean', '--site', 'gazette.example', '--json');
    expect(reclean.code).toBe(0);
    const result = reclean.json<IngestJson>();
    expect(result.stale).toBe(1);
    expect(result.items.find((f) => f.id === first)).toMatchObject({ stale: { state: 'accepted', by: 'dee' } });
    expect((await run('show', first)).stdout).not.toContain('Support independent reporting');

    const status = (await run('status', '--json')).json<StatusJson>();
    expect(status).toMatchObject({ pending: 3, accepted: 0 });
    const entry = status.items.find((item) => item.id === first)!;
    expect(entry.stale).toMatchObject({ state: 'accepted', by: 'dee' });
    expect(entry.flags).toContain('stale');
    const text = (await run('status')).stdout;
    expect(text).toContain('1 entry is pending again: its content changed after the decision (stale)');
    expect(text).toMatch(/stale: accepted by dee at \S+ for earlier content \([0-9a-f]{7}\)/);
    expect((await run('status', '--short', '--where', 'stale')).stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^\?N [0-9a-f]+ https:\/\/gazette\.example\/story-1 \[(revision, )?stale\]$/),
    ]);
    // Nothing accepted any more: nothing to commit until it is reviewed again.
    expect((await run('commit', '-m', 'too early')).code).not.toBe(0);
  });
});

describe('log --decisions and show --history', () => {
  it('each version lists the decisions it committed; show --history gives every version of one id', async () => {
    const { run, dir } = await twoPages();
    await run('ingest', 'pages', '--jobs', '1');
    await run('accept', KEEP, '-m', 'fine', '--reviewer', 'ana');
    await run('reject', SPAM, '-m', 'advert', '--reviewer', 'bo');
    const v1 = (await run('commit', '-m', 'first', '--tag', 'v1', '--json')).json<{ version: string }>().version;
    await writeFile(
      path.join(dir, 'pages', 'keep.html'),
      articlePage('A story worth keeping', { canonical: KEEP, seed: 'An edited story' }),
    );
    await run('ingest', 'pages/keep.html', '--jobs', '1');
    await run('accept', KEEP, '-m', 'edit ok', '--reviewer', 'cy');
    const v2 = (await run('commit', '-m', 'second', '--json')).json<{ version: string }>().version;

    const log = await run('log', '--decisions');
    expect(log.code).toBe(0);
    const blocks = log.stdout.split(/\n(?=version )/);
    expect(blocks[0]).toContain(`version ${v2.slice(0, 12)}`);
    expect(blocks[0]).toMatch(
      /accepted update https:\/\/alpha\.example\/keep {2}by cy at \S+ {2}content [0-9a-f]{7} \(was [0-9a-f]{7}\): edit ok/,
    );
    expect(blocks[0]).not.toContain(SPAM);
    expect(blocks[1]).toContain(`version ${v1.slice(0, 12)}`);
    expect(blocks[1]).toMatch(
      /rejected new +https:\/\/alpha\.example\/spam {2}by bo at \S+ {2}content [0-9a-f]{7}: advert/,
    );
    expect(blocks[1]).toMatch(/accepted new +https:\/\/alpha\.example\/keep {2}by ana/);
    const oneline = (await run('log', '--oneline', '--decisions')).stdout.trim().split('\n');
    expect(oneline).toHaveLength(5);

    const json = (await run('log', '--decisions', '--json')).json<{
      versions: Array<{
        id: string;
        decisions: Array<{ id: string; decision: string; by: string; contentHash: string }>;
      }>;
    }>();
    expect(json.versions.map((v) => v.decisions.map((d) => `${d.decision} ${d.id} ${d.by}`))).toEqual([
      [`accepted ${KEEP} cy`],
      // In the order they were made.
      [`accepted ${KEEP} ana`, `rejected ${SPAM} bo`],
    ]);

    const history = await run('show', KEEP, '--history', '--json');
    expect(history.code).toBe(0);
    const steps = history.json<{
      history: Array<{
        version: string | null;
        change: string;
        contentHash: string | null;
        decisions: Array<{ by: string; contentHash: string }>;
      }>;
    }>().history;
    expect(steps.map((s) => [s.version, s.change, s.decisions.map((d) => d.by)])).toEqual([
      [v2, 'modified', ['cy']],
      [v1, 'added', ['ana']],
    ]);
    expect(steps[0]!.contentHash).toBe(steps[0]!.decisions[0]!.contentHash);
    expect(steps[0]!.contentHash).not.toBe(steps[1]!.contentHash);
    const text = (await run('show', KEEP.slice(0, 24), '--history')).stdout;
    expect(text).toContain(`History of ${KEEP}`);
    expect(text).toMatch(new RegExp(`version ${v1.slice(0, 12)} \\(v1\\)`));
    expect(text).toMatch(/added, content [0-9a-f]{7}/);

    // The rejected id never reached a version: its history is the rejection v1 recorded and the staged entry.
    const spam = (await run('show', SPAM, '--history')).stdout;
    expect(spam).toMatch(/staging area {2}new rejected/);
    expect(spam).toMatch(/rejected new +by bo at \S+ {2}content [0-9a-f]{7}: advert/);
    const never = await run('show', 'https://alpha.example/never', '--history');
    expect(never.code).toBe(2);
    expect(never.stderr).toContain('no version or staged entry has this id');
  });
});

describe('the reviewer name', () => {
  it('comes from --reviewer, else CORPUSKIT_REVIEWER, else git config user.name', async () => {
    const { dir } = await twoPages();
    const gitConfig = path.join(dir, 'gitconfig');
    await writeFile(gitConfig, '[user]\n\tname = Gita from git\n');
    const env = { GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, CORPUSKIT_REVIEWER: '' };
    const run = (extra: NodeJS.ProcessEnv, ...args: string[]) =>
      corpuskit(args, { cwd: dir, env: { ...env, ...extra } });
    await run({}, 'ingest', 'pages', '--jobs', '1');
    expect((await run({}, 'accept', KEEP, '--json')).json()).toMatchObject({ by: 'Gita from git' });
    await run({}, 'reopen', KEEP);
    expect((await run({ CORPUSKIT_REVIEWER: 'env name' }, 'accept', KEEP, '--json')).json()).toMatchObject({
      by: 'env name',
    });
    expect(
      (await run({ CORPUSKIT_REVIEWER: 'env name' }, 'reject', SPAM, '--reviewer', 'flag name', '--json')).json(),
    ).toMatchObject({ by: 'flag name' });
    const status = (await run({}, 'status', '--json')).json<StatusJson>();
    expect(status.items.map((item) => item.decision?.by)).toEqual(['env name', 'flag name']);
    await writeFile(gitConfig, '');
    await run({}, 'reopen', KEEP);
    expect((await run({}, 'accept', KEEP, '--json')).json()).toMatchObject({ by: null });
  });
});
