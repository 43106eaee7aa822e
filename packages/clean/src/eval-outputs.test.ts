// The page-by-page output check (packages/clean/eval/outputs.mjs): write every page's full output
// with the built package, compare two such files.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../eval/outputs.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

let dir: string;

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lines(file: string): Array<{ set: string; id: string; doc?: { text: string; title: string | null } }> {
  const raw = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(raw) : raw)
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { set: string; id: string; doc?: { text: string; title: string | null } });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-outputs-'));
  // A data directory holding one set, laid out as the Readability test pages are.
  for (const name of ['german-news', 'wordpress-article']) {
    mkdirSync(join(dir, 'data', 'readability-test-pages', name), { recursive: true });
    copyFileSync(join(fixtures, name, 'input.html'), join(dir, 'data', 'readability-test-pages', name, 'source.html'));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval/outputs.mjs', () => {
  it('writes the whole CleanDocument of every page, the same twice', () => {
    const data = join(dir, 'data');
    execFileSync(
      process.execPath,
      [script, 'write', '--data', data, '--engine', 'linkedom', '--out', join(dir, 'a.jsonl.gz')],
      {
        stdio: 'pipe',
      },
    );
    execFileSync(
      process.execPath,
      [script, 'write', '--data', data, '--engine', 'linkedom', '--out', join(dir, 'b.jsonl')],
      {
        stdio: 'pipe',
      },
    );
    const written = lines(join(dir, 'a.jsonl.gz'));
    expect(written.map((record) => `${record.set}/${record.id}`)).toEqual([
      'readability/german-news',
      'readability/wordpress-article',
    ]);
    expect(written[0]!.doc!.text.length).toBeGreaterThan(200);
    const same = run(['compare', join(dir, 'a.jsonl.gz'), join(dir, 'b.jsonl')]);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('2 pages; 2 identical, 0 differ, 0 in one file only');
  });

  it('names the pages and fields that differ, and the pages in one file only', () => {
    const records = lines(join(dir, 'b.jsonl'));
    const changed = structuredClone(records);
    changed[0]!.doc!.text = `${changed[0]!.doc!.text} extra`;
    changed[0]!.doc!.title = 'Another title';
    writeFileSync(join(dir, 'c.jsonl'), `${changed.map((record) => JSON.stringify(record)).join('\n')}\n`);
    writeFileSync(join(dir, 'd.jsonl'), `${JSON.stringify(records[0])}\n`);

    const differ = run(['compare', join(dir, 'b.jsonl'), join(dir, 'c.jsonl')]);
    expect(differ.status).toBe(1);
    expect(differ.stdout).toContain('2 pages; 1 identical, 1 differ');
    expect(differ.stdout).toMatch(/readability\/german-news: title, text \(from char \d+/);

    const ignored = run(['compare', join(dir, 'b.jsonl'), join(dir, 'c.jsonl'), '--ignore', 'text,title']);
    expect(ignored.status).toBe(0);

    const missing = run(['compare', join(dir, 'b.jsonl'), join(dir, 'd.jsonl')]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('readability/wordpress-article only in');
  });

  it('refuses a missing data directory or engine with a clear message', () => {
    const noData = run(['write', '--data', join(dir, 'nowhere'), '--out', join(dir, 'x.jsonl')]);
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('does not exist');
    const badEngine = run(['write', '--data', join(dir, 'data'), '--engine', 'chrome', '--out', join(dir, 'x.jsonl')]);
    expect(badEngine.status).toBe(2);
    expect(badEngine.stderr).toContain('--engine must be linkedom or jsdom');
  });
});
