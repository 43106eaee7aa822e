import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../test-utils.js';

const PARAGRAPHS = [
  'The harbour authority said on Tuesday that the northern pier would close for repairs until the spring.',
  'Fishermen who rely on the pier were told to use the southern landing, which is smaller and often crowded.',
  'A spokesperson for the authority said the decision followed an inspection that found cracked supports.',
  'Local traders worry that the closure will cut the number of visitors during the quiet winter months.',
  'The council has promised a small fund to help businesses most affected by the works on the waterfront.',
  'Engineers expect the repairs to cost about four million pounds, paid partly by a regional grant.',
  'Residents will be able to comment on the plans at a public meeting in the town hall next month.',
  'The pier was built in the late nineteenth century and last renovated more than thirty years ago.',
  'Several boats have already moved to a neighbouring harbour where berths are cheaper this season.',
  'The authority said it would publish weekly updates on the progress of the works on its website.',
];
const OTHER = [
  'A new exhibition of early photography opens at the city museum this weekend with over two hundred prints.',
  'The curator said many of the images had never been shown in public and came from family albums.',
  'Visitors can also attend talks on how the first cameras were built and how the pictures were developed.',
  'The museum expects large crowds and recommends booking tickets online ahead of the opening days.',
];

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'corpuskit-dedup-'));
  await writeFile(path.join(dir, 'original.txt'), PARAGRAPHS.join('\n\n'));
  await writeFile(path.join(dir, 'shouting.txt'), PARAGRAPHS.join('\n\n').toUpperCase());
  await writeFile(path.join(dir, 'unrelated.txt'), OTHER.join('\n\n'));
  const html = `<!doctype html><html><head><title>Pier to close</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Pier to close</h1>${PARAGRAPHS.slice(0, 9)
      .map((p) => `<p>${p}</p>`)
      .join('\n')}</article>
    <footer>Copyright the Harbour Gazette</footer></body></html>`;
  await writeFile(path.join(dir, 'page.html'), html);
  await writeFile(path.join(dir, 'image.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('corpuskit dedup', () => {
  it('lists exact and near clusters among files as JSON, cleaning HTML first', async () => {
    const { code, stdout } = await runCli(
      ['dedup', 'original.txt', 'shouting.txt', 'unrelated.txt', 'page.html', '--json'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.documents).toBe(4);
    expect(json.clusters).toHaveLength(1);
    const [cluster] = json.clusters;
    expect(cluster.kind).toBe('near');
    expect(cluster.representative).toBe('original.txt');
    const members = Object.fromEntries(
      cluster.members.map((m: { source: string; similarity: number }) => [m.source, m.similarity]),
    );
    expect(Object.keys(members).sort()).toEqual(['original.txt', 'page.html', 'shouting.txt']);
    expect(members['shouting.txt']).toBe(1);
    expect(members['page.html']).toBeGreaterThan(0.8);
    expect(members['page.html']).toBeLessThan(1);
    expect(json.settings).toMatchObject({ preset: 'default', permutations: 112, bands: 16, rows: 7, threshold: 0.8 });
    expect(json.sCurve.probabilityAtThreshold).toBeGreaterThan(0.97);
    expect(json.failed).toEqual([]);
  });

  it('prints clusters and the S-curve as text; a bad file is reported and the batch goes on (exit 1)', async () => {
    const { code, stdout, stderr } = await runCli(['dedup', 'original.txt', 'shouting.txt', 'image.png'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('exact cluster, representative original.txt');
    expect(stdout).toMatch(/shouting\.txt {2}100\.0% similar \(shared 5-word sequences, Jaccard\)/);
    expect(stdout).toContain('LSH 16 bands x 7 rows');
    expect(stdout).toMatch(/failed image\.png: .*PNG/);
    expect(stderr).toMatch(/image\.png/);
  });

  it('takes banding and preset options, and rejects bad ones as usage errors', async () => {
    const custom = await runCli(['dedup', 'original.txt', 'unrelated.txt', '--bands', '20', '--rows', '5', '--json'], {
      cwd: dir,
    });
    expect(custom.code).toBe(0);
    expect(JSON.parse(custom.stdout).settings).toMatchObject({ bands: 20, rows: 5, permutations: 100 });
    const syndication = await runCli(['dedup', 'original.txt', '--preset', 'syndication', '--json'], { cwd: dir });
    expect(JSON.parse(syndication.stdout).settings).toMatchObject({
      preset: 'syndication',
      shingleSize: 2,
      threshold: 0.45,
    });
    const bad = await runCli(
      ['dedup', 'original.txt', '--bands', '40', '--rows', '7', '--permutations', '112', '--json'],
      {
        cwd: dir,
      },
    );
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'dedup.bad-option', kind: 'usage' });
    const preset = await runCli(['dedup', 'original.txt', '--preset', 'fast'], { cwd: dir });
    expect(preset.code).toBe(2);
    expect(preset.stderr).toMatch(/--preset must be default or syndication/);
    const version = await runCli(['dedup', 'original.txt', '--version', 'HEAD'], { cwd: dir });
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/--version .* cannot be used with paths/);
  });

  it('exits 1 with --exit-code when duplicates are found', async () => {
    const found = await runCli(['dedup', 'original.txt', 'shouting.txt', '--exit-code'], { cwd: dir });
    expect(found.code).toBe(1);
    const none = await runCli(['dedup', 'original.txt', 'unrelated.txt', '--exit-code'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No duplicates.');
  });

  it('without paths lists clusters among the corpus documents at HEAD, a --version, or staged', async () => {
    const corpus = await mkdtemp(path.join(tmpdir(), 'corpuskit-dedup-corpus-'));
    try {
      expect((await runCli(['init'], { cwd: corpus })).code).toBe(0);
      const pages = path.join(corpus, 'pages');
      await mkdir(pages);
      await writeFile(path.join(pages, 'pier.txt'), PARAGRAPHS.join('\n\n'));
      await writeFile(path.join(pages, 'pier-short.txt'), PARAGRAPHS.slice(0, 9).join('\n\n'));
      await writeFile(path.join(pages, 'museum.txt'), OTHER.join('\n\n'));
      expect((await runCli(['ingest', 'pages'], { cwd: corpus })).code).toBe(0);
      expect((await runCli(['accept', '--all'], { cwd: corpus })).code).toBe(0);

      const staged = await runCli(['dedup', '--version', 'staged', '--json'], { cwd: corpus });
      expect(staged.code).toBe(0);
      expect(JSON.parse(staged.stdout)).toMatchObject({ version: 'staged', documents: 3 });
      expect(JSON.parse(staged.stdout).clusters).toHaveLength(1);
      const head = await runCli(['dedup', '--json'], { cwd: corpus });
      expect(JSON.parse(head.stdout)).toMatchObject({ version: 'HEAD', documents: 0, clusters: [] });

      expect((await runCli(['commit', '-m', 'three pages', '--tag', 'v1'], { cwd: corpus })).code).toBe(0);
      const { code, stdout } = await runCli(['dedup', '--json'], { cwd: corpus });
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      expect(json).toMatchObject({ version: 'HEAD', documents: 3, failed: [], skipped: [] });
      expect(json.clusters).toHaveLength(1);
      const [cluster] = json.clusters;
      expect(cluster.kind).toBe('near');
      const members = Object.fromEntries(
        cluster.members.map((m: { source: string; similarity: number }) => [m.source, m.similarity]),
      );
      const ids = Object.keys(members).sort();
      expect(ids).toHaveLength(2);
      expect(ids[0]).toMatch(/pier-short\.txt$/);
      expect(ids[1]).toMatch(/pier\.txt$/);
      expect(members[cluster.representative]).toBe(1);
      const other = ids.find((id) => id !== cluster.representative) ?? '';
      expect(members[other]).toBeGreaterThan(0.8);
      expect(members[other]).toBeLessThan(1);

      const text = await runCli(['dedup', '--threshold', '0.95'], { cwd: corpus });
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^version HEAD: 3 document\(s\), 0 cluster\(s\)/);
      expect(text.stdout).toContain('No duplicates.');

      const short = ids[0] ?? '';
      expect((await runCli(['remove', short], { cwd: corpus })).code).toBe(0);
      await runCli(['accept', '--all'], { cwd: corpus });
      expect((await runCli(['commit', '-m', 'drop the short copy'], { cwd: corpus })).code).toBe(0);
      const now = JSON.parse((await runCli(['dedup', '--json'], { cwd: corpus })).stdout);
      expect(now).toMatchObject({ documents: 2, clusters: [] });
      const before = JSON.parse((await runCli(['dedup', '--version', 'v1', '--json'], { cwd: corpus })).stdout);
      expect(before).toMatchObject({ version: 'v1', documents: 3 });
      expect(before.clusters).toHaveLength(1);
      const missing = await runCli(['dedup', '--version', 'v9', '--json'], { cwd: corpus });
      expect(missing.code).toBe(2);
      expect(JSON.parse(missing.stdout).error).toMatchObject({ kind: 'not-found' });
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });

  it('without paths on an empty corpus reports no clusters and exits 0', async () => {
    const corpus = await mkdtemp(path.join(tmpdir(), 'corpuskit-dedup-empty-'));
    try {
      await runCli(['init'], { cwd: corpus });
      const json = await runCli(['dedup', '--json'], { cwd: corpus });
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ version: 'HEAD', documents: 0, clusters: [] });
      const text = await runCli(['dedup'], { cwd: corpus });
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('No duplicates.');
      const outside = await runCli(['dedup'], { cwd: dir, env: {} });
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/not inside a corpus/);
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });
});
