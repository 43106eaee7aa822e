import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { DocumentRecord } from '@corpuskit/document';
import { makeRecord } from '@corpuskit/testkit';
import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { runCli } from '../test-utils.js';

const P1 = 'The council met on Tuesday to discuss the new bridge over the river.';
const P2 = 'Residents said the noise from the works had kept them awake for weeks.';
const P3 = 'A spokesman for the contractor apologised and promised quieter machines.';
const OLD = [P1, P2, P3].join('\n\n');
const P4 = 'The bridge is due to open next spring, two years later than planned.';
const OLD4 = [P1, P2, P3, P4].join('\n\n');
const NEW4 = [P2.replace('weeks', 'months'), P3, P4, P1].join('\n\n');
const NEW = [P2.replace('weeks', 'months'), P3, P1].join('\n\n');

async function files(entries: Record<string, string | Uint8Array>): Promise<string> {
  const dir = tempDirForTest('corpuskit-diff-');
  for (const [name, content] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

describe('corpuskit diff FILE FILE', () => {
  it('shows word-level changes and moves as text', async () => {
    const cwd = await files({ 'old.txt': OLD4, 'new.txt': NEW4 });
    const { code, stdout } = await runCli(['diff', 'old.txt', 'new.txt'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('--- old.txt');
    expect(stdout).toContain('[-weeks-]{+months+}');
    expect(stdout).toMatch(/moved from old ¶1/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints the diff model as JSON with --json and --format json', async () => {
    const cwd = await files({ 'old.txt': OLD4, 'new.txt': NEW4 });
    for (const flags of [['--json'], ['--format', 'json']]) {
      const { code, stdout } = await runCli(['diff', 'old.txt', 'new.txt', ...flags], { cwd });
      expect(code).toBe(0);
      const diff = JSON.parse(stdout);
      expect(diff).toMatchObject({ schemaVersion: 1, kind: 'document-diff', changed: true });
      expect(diff.old.id).toBe('old.txt');
      expect(diff.stats.blocks.moved).toBe(1);
    }
  });

  it('prints a unified patch', async () => {
    const cwd = await files({ 'old.txt': OLD, 'new.txt': NEW });
    const { code, stdout } = await runCli(['diff', 'old.txt', 'new.txt', '--format', 'patch'], { cwd });
    expect(code).toBe(0);
    expect(stdout.startsWith('--- old.txt\n+++ new.txt\n')).toBe(true);
    expect(stdout).toContain(`\n-${P1}\n`);
    expect(stdout).toContain(`\n+${P2.replace('weeks', 'months')}\n`);
    expect(stdout).toMatch(/^@@ -1,\d+ \+1,\d+ @@$/m);
  });

  it('sets the exit code with --exit-code, honouring the ignore options', async () => {
    const cwd = await files({
      'a.txt': 'He said \u201Cyes\u201D \u2014 twice.',
      'b.txt': 'he said "yes" - twice.',
      'c.txt': 'He said \u201Cyes\u201D \u2014 twice.',
    });
    expect((await runCli(['diff', 'a.txt', 'c.txt', '--exit-code'], { cwd })).code).toBe(0);
    expect((await runCli(['diff', 'a.txt', 'b.txt', '--exit-code'], { cwd })).code).toBe(1);
    expect((await runCli(['diff', 'a.txt', 'b.txt'], { cwd })).code).toBe(0);
    const ignoring = await runCli(
      ['diff', 'a.txt', 'b.txt', '--exit-code', '--ignore-case', '--ignore-quotes', '--json'],
      {
        cwd,
      },
    );
    expect(ignoring.code).toBe(0);
    expect(JSON.parse(ignoring.stdout).ignore).toEqual({
      whitespace: false,
      case: true,
      punctuation: false,
      quotes: true,
      dashes: true,
    });
    const punctuation = await runCli(
      ['diff', 'a.txt', 'b.txt', '--exit-code', '--ignore-case', '--ignore-punctuation'],
      {
        cwd,
      },
    );
    expect(punctuation.code).toBe(0);
  });

  it('cleans HTML files before diffing them', async () => {
    const page = (body: string): string =>
      `<!doctype html><html><head><title>Bridge news</title></head><body><nav><a href="/">Home</a></nav><article><h1>Bridge news</h1>${body}</article></body></html>`;
    const long = `${P1} ${P2} ${P3}`;
    const cwd = await files({
      'old.html': page(`<p>${long}</p><p>${P3} ${P1}</p>`),
      'new.html': page(`<p>${long.replace('Tuesday', 'Wednesday')}</p><p>${P3} ${P1}</p>`),
    });
    const { code, stdout } = await runCli(['diff', 'old.html', 'new.html', '--json'], { cwd });
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect(diff.stats.words).toMatchObject({ added: 1, removed: 1 });
    expect(JSON.stringify(diff.blocks)).not.toContain('<p>');
  });

  it('names the missing side and the cause', async () => {
    const cwd = await files({ 'old.txt': OLD, 'bin.dat': new Uint8Array([0, 1, 2, 0, 3]) });
    const missing = await runCli(['diff', 'old.txt', 'nope.txt', '--json'], { cwd, env: {} });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'diff.no-such-side', subject: 'nope.txt' });
    const binary = await runCli(['diff', 'old.txt', 'bin.dat', '--json'], { cwd });
    expect(binary.code).toBe(2);
    expect(JSON.parse(binary.stdout).error).toMatchObject({ code: 'diff.binary-file', subject: 'bin.dat' });
    const neither = await runCli(['diff', 'v1', 'v2', '--json'], { cwd, env: {} });
    expect(neither.code).toBe(2);
    expect(JSON.parse(neither.stdout).error).toMatchObject({ code: 'diff.no-such-side', subject: 'v1, v2' });
    const folder = await runCli(['diff', '.', 'old.txt', '--json'], { cwd });
    expect(JSON.parse(folder.stdout).error).toMatchObject({ code: 'diff.directory' });
  });
});

describe('corpuskit diff VERSION VERSION', () => {
  /** A stored record, as ingest would make it from a plain-text page. */
  function record(id: string, text: string): DocumentRecord {
    return makeRecord(id, text, { source: id, stats: { words: 0 } });
  }

  async function corpusWithTwoVersions(): Promise<string> {
    const cwd = await files({});
    const { initCorpus } = await import('@corpuskit/store');
    const store = await initCorpus(cwd);
    await store.stage([
      { record: record('file:pages/bridge.txt', OLD) },
      { record: record('file:pages/budget.txt', 'The budget grew by two percent this year.') },
      { record: record('file:pages/gone.txt', 'An article that will be removed later on.') },
    ]);
    await store.accept('all');
    await store.commit({ message: 'first', tag: 'v1' });
    await store.stage([
      { record: record('file:pages/bridge.txt', NEW) },
      { record: record('file:pages/new.txt', 'A brand new article about the river and its bridge.') },
    ]);
    await store.stageRemoval(['file:pages/gone.txt']);
    await store.accept('all');
    await store.commit({ message: 'second' });
    return cwd;
  }

  it('summarises first, then lists documents by size of change; --doc diffs one document', async () => {
    const cwd = await corpusWithTwoVersions();
    const json = await runCli(['diff', 'v1', 'HEAD', '--json'], { cwd });
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result.summary).toEqual({ added: 1, removed: 1, modified: 1, renamed: 0, unchanged: 1 });
    expect(result.documents.map((d: { id: string; change: string }) => [d.id, d.change])).toEqual([
      ['file:pages/new.txt', 'added'],
      ['file:pages/gone.txt', 'removed'],
      ['file:pages/bridge.txt', 'modified'],
    ]);
    const text = await runCli(['diff', 'v1', 'HEAD', '--exit-code'], { cwd });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('1 added, 1 removed, 1 modified, 0 renamed, 1 unchanged');
    expect((await runCli(['diff', 'HEAD', 'HEAD', '--exit-code'], { cwd })).code).toBe(0);

    const one = await runCli(['diff', 'HEAD~1', 'HEAD', '--doc', 'file:pages/bridge.txt'], { cwd });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('[-weeks-]{+months+}');
    await writeFile(path.join(cwd, 'local.txt'), NEW.replace('months', 'years'));
    const mixed = await runCli(['diff', 'HEAD', 'local.txt', '--doc', 'file:pages/bridge.txt'], { cwd });
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toContain('[-months-]{+years+}');
    const added = await runCli(['diff', 'v1', 'HEAD', '--doc', 'file:pages/new.txt', '--json'], { cwd });
    expect(JSON.parse(added.stdout).stats.blocks.inserted).toBe(1);
    const help = await runCli(['diff', '--help'], { cwd });
    expect(help.stdout).toContain('Formats (--format): text, json, patch');
    const patch = await runCli(['diff', 'v1', 'HEAD', '--format', 'patch'], { cwd });
    expect(patch.stdout).toContain('+++ b/file:pages/new.txt');
    const unknown = await runCli(['diff', 'v1', 'nope', '--json'], { cwd });
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error.code).toMatch(/unknown-ref/);
  });
});
