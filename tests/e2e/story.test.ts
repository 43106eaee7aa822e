import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SAMPLE_EDITIONS, SAMPLE_PAGES, corpuskit, tempCorpus } from './helpers.js';

const BBC = 'https://www.bbc.co.uk/news/world-asia-58290318';
const SOUTHFRONT = 'https://southfront.press/taliban-and-al-qaeda-putting-a-fox-in-charge-of-the-chicken-coop';
const FRONTIER =
  'https://www.frontieranalysis.example/2025/11/al-qaeda-regroups-in-afghanistan-under-interim-government-cover';
const SYNDICATED = 'https://www.asiasecuritywire.example/analysis/2025/11/19/al-qaeda-regroups-afghanistan';
const RUSI =
  'https://rusi.org/explore-our-research/publications/commentary/afghanistan-safe-haven-global-jihadism-once-more';
const LEDGER = 'https://www.eveningledger.example/voices/afghanistan-taliban-terror-threat-europe-uk-b1913450.html';

// The sample corpus's whole story, one step after another, on one temporary corpus.
describe('the sample corpus, end to end', () => {
  let dir = '';
  let cleanup = async () => {};
  const run = (...args: string[]) => corpuskit(args, { cwd: dir });

  beforeAll(async () => {
    ({ dir, cleanup } = await tempCorpus());
  });
  afterAll(() => cleanup());

  it('ingest: five new documents with ids from their origin, never a local path', async () => {
    const result = await run('ingest', SAMPLE_PAGES, '--json', '--jobs', '2');
    expect(result.code).toBe(0);
    const json = result.json<{ items: Array<{ id: string; outcome: string }> } & Record<string, unknown>>();
    expect(json).toMatchObject({
      schemaVersion: 1,
      files: 5,
      new: 5,
      updated: 0,
      unchanged: 0,
      failed: [],
      failedCount: 0,
    });
    expect(json.items.map((item) => item.id).sort()).toEqual([RUSI, SOUTHFRONT, BBC, LEDGER, FRONTIER].sort());
  });

  it('status --json: five pending items', async () => {
    const status = (await run('status', '--json')).json<{
      pending: number;
      items: Array<{ id: string; state: string }>;
    }>();
    expect(status).toMatchObject({ schemaVersion: 1, pending: 5, accepted: 0, rejected: 0 });
    expect(status.items.every((item) => item.state === 'pending')).toBe(true);
  });

  it('show: the cleaned text without the site furniture, as text, JSON, markdown and the raw page', async () => {
    const text = await run('show', SOUTHFRONT);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Abu Omar Khorasani was taken from Kabul’s Pul-i-Charkhi prison');
    for (const boilerplate of ['Support SouthFront', 'Notify of', 'Inline Feedbacks', '2,500 $', 'must never appear']) {
      expect(text.stdout).not.toContain(boilerplate);
    }
    const json = (await run('show', SOUTHFRONT, '--json')).json<{
      id: string;
      document: { removed: Array<{ category: string }> };
    }>();
    expect(json.id).toBe(SOUTHFRONT);
    expect(json.document.removed.map((r) => r.category)).toEqual(expect.arrayContaining(['comments', 'donation']));
    expect((await run('show', BBC, '--format', 'markdown')).stdout).toMatch(/pine-clad valleys/);
    const raw = await run('show', BBC, '--format', 'raw');
    expect(raw.stdout).toBe(await readFile(path.join(SAMPLE_PAGES, 'bbc-afghanistan-jihadists.html'), 'utf8'));
  });

  it('the windows-1252 page is decoded from its sidecar headers', async () => {
    const show = await run('show', FRONTIER);
    expect(show.stdout).toContain('Al Qaeda’s slow regrouping in Afghanistan');
    expect(show.stdout).toMatch(/windows-1252 \(http\)/);
  });

  it('accept, reject with a note, commit --json with a tag', async () => {
    expect((await run('accept', RUSI, BBC, LEDGER, FRONTIER)).code).toBe(0);
    const reject = await run('reject', SOUTHFRONT, '-m', 'republished commentary', '--json');
    expect(reject.json()).toMatchObject({ rejected: [SOUTHFRONT], note: 'republished commentary' });
    const commit = await run('commit', '-m', 'First crawl', '--tag', 'v1', '--json');
    expect(commit.code).toBe(0);
    const json = commit.json<{ version: string; tag: string; counts: Record<string, number> }>();
    expect(json.version).toMatch(/^[0-9a-f]{64}$/);
    expect(json).toMatchObject({ tag: 'v1', counts: { documents: 4, added: 4, modified: 0, removed: 0 } });
    const status = (await run('status', '--json')).json();
    expect(status).toMatchObject({ pending: 0, accepted: 0, rejected: 1 });
    expect((await run('unstage', '--rejected', '--json')).json()).toMatchObject({ unstaged: [SOUTHFRONT] });
  });

  it('the editions: two updates, one unchanged re-save, one syndicated copy flagged as a duplicate', async () => {
    const result = await run('ingest', SAMPLE_EDITIONS, '--ndjson');
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const files = lines.filter((line) => line.type === 'file');
    expect(files).toHaveLength(4);
    const outcome = (id: string) => files.find((f) => f.id === id)?.outcome;
    expect([outcome(BBC), outcome(LEDGER), outcome(RUSI), outcome(SYNDICATED)]).toEqual([
      'updated',
      'updated',
      'unchanged',
      'new',
    ]);
    const copy = files.find((f) => f.id === SYNDICATED) as { findings: Array<{ kind: string; other: string }> };
    expect(copy.findings[0]).toMatchObject({ other: FRONTIER });
    expect(['exact', 'near']).toContain(copy.findings[0]!.kind);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', files: 4, new: 1, updated: 2, unchanged: 1 });
  });

  it('accept --all, commit v2, log, tag, export', async () => {
    expect((await run('reject', SYNDICATED, '-m', 'syndicated copy')).code).toBe(0);
    expect((await run('accept', '--all', '--json')).json()).toMatchObject({ accepted: [BBC, LEDGER].sort() });
    const commit = (await run('commit', '-m', 'Editions', '--json')).json<{ version: string; counts: object }>();
    expect(commit.counts).toEqual({ documents: 4, added: 0, modified: 2, removed: 0 });
    expect((await run('tag', 'v2')).stdout).toMatch(/^Tagged [0-9a-f]{12} as v2/);
    const log = (await run('log', '--json')).json<{
      versions: Array<{ id: string; tags: string[]; message: string }>;
    }>();
    expect(log.versions.map((v) => [v.message, v.tags])).toEqual([
      ['Editions', ['v2']],
      ['First crawl', ['v1']],
    ]);
    const exported = await run('export', '--version', 'v1', '--format', 'jsonl');
    const records = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; text: string });
    expect(records.map((r) => r.id)).toEqual([RUSI, BBC, LEDGER, FRONTIER].sort());
    const v2 = (await run('export', '--format', 'jsonl')).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; text: string });
    expect(v2.find((r) => r.id === BBC)!.text).toContain('Analysts caution that al-Qaeda’s core leadership');
    expect(records.find((r) => r.id === BBC)!.text).not.toContain('Analysts caution');
    expect((await run('show', BBC, '--version', 'v1')).stdout).not.toContain('Analysts caution');
  });

  it('remove a document, commit; reclean changes nothing; fsck ok; gc', async () => {
    expect((await run('remove', LEDGER)).code).toBe(0);
    expect((await run('accept', LEDGER)).code).toBe(0);
    const commit = (await run('commit', '-m', 'Drop the opinion piece', '--json')).json<{ counts: object }>();
    expect(commit.counts).toEqual({ documents: 3, added: 0, modified: 0, removed: 1 });
    const reclean = await run('reclean', '--json');
    expect(reclean.code).toBe(0);
    expect(reclean.json()).toMatchObject({ files: 3, unchanged: 3, new: 0, updated: 0 });
    const site = await run('reclean', '--site', 'www.bbc.co.uk', '--json');
    expect(site.json()).toMatchObject({ files: 1, unchanged: 1 });
    const fsck = await run('fsck', '--json');
    expect(fsck.code).toBe(0);
    expect(fsck.json()).toMatchObject({ ok: true, problems: [] });
    const gc = await run('gc', '--dry-run', '--json');
    expect(gc.code).toBe(0);
    expect(gc.json()).toMatchObject({ dryRun: true });
  });
});
