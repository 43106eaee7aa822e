// The eval (packages/clean/eval/run.mjs) refuses to run without the built cleaner. It is spawned
// from a copy of the eval beside a stand-in build whose workspace dependency has no dist, which
// is how a half-built workspace looks to it.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const evalDir = fileURLToPath(new URL('../eval/', import.meta.url));
const modules = fileURLToPath(new URL('../node_modules/', import.meta.url));

let dir: string;

/** The part of an `--out` report these tests read: the one page's row of the linkedom cleaner. */
interface Report {
  sets: {
    readability: {
      systems: {
        'clean-linkedom': { perPage: { 'one-page': { predictedType: string | null; cleanedAs: string | null } } };
      };
    };
  };
}

function runEval(...extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(dir, 'clean', 'eval', 'run.mjs'),
      ...['--data', join(dir, 'data'), '--set', 'readability', '--engine', 'linkedom'],
      ...['--baselines', 'none', '--no-cache', '--jobs', '1'],
      ...extra,
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-eval-run-'));
  const pkg = join(dir, 'clean');
  mkdirSync(join(pkg, 'eval'), { recursive: true });
  for (const name of readdirSync(evalDir).filter((f) => f.endsWith('.mjs')))
    copyFileSync(join(evalDir, name), join(pkg, 'eval', name));
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: '@corpuskit/clean', version: '0.0.0', type: 'module', exports: { '.': './dist/index.js' } }),
  );
  // A stand-in build of the cleaner that imports a workspace package, as the real one does.
  mkdirSync(join(pkg, 'dist'));
  writeFileSync(
    join(pkg, 'dist', 'index.js'),
    [
      "import { DOCUMENT_SCHEMA } from '@corpuskit/document';",
      "export const CLEANER_VERSION = 'stand-in';",
      // The stand-in types every page as an article unless it is told a type.
      'export async function clean(_html, options = {}) {',
      "  const pageType = options.pageType ?? 'article';",
      "  return { text: `A paragraph of text ${pageType} ${DOCUMENT_SCHEMA}`, status: 'ok', pageType: { type: pageType, confidence: 1, cleanedAs: pageType } };",
      '}',
    ].join('\n'),
  );
  // The workspace package, without its dist until a test builds it.
  mkdirSync(join(dir, 'document'));
  writeFileSync(
    join(dir, 'document', 'package.json'),
    JSON.stringify({ name: '@corpuskit/document', type: 'module', exports: { '.': './dist/index.js' } }),
  );
  mkdirSync(join(pkg, 'node_modules', '@corpuskit'), { recursive: true });
  symlinkSync(join(dir, 'document'), join(pkg, 'node_modules', '@corpuskit', 'document'), 'dir');
  for (const name of ['@mozilla', 'html-encoding-sniffer', 'jsdom', 'linkedom'])
    symlinkSync(join(modules, name), join(pkg, 'node_modules', name), 'dir');
  // One page, laid out as the Readability test pages are.
  const page = join(dir, 'data', 'readability-test-pages', 'one-page');
  mkdirSync(page, { recursive: true });
  writeFileSync(
    join(page, 'source.html'),
    '<!doctype html><html><head><title>A page</title></head><body><p>A paragraph of text.</p></body></html>',
  );
  writeFileSync(join(page, 'expected.html'), '<p>A paragraph of text.</p>');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval/run.mjs', () => {
  it('fails with the missing module named, and prints no figures, when the cleaner cannot be imported', () => {
    const result = runEval();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cannot import @corpuskit/clean');
    expect(result.stderr).toContain(join('document', 'dist', 'index.js'));
    expect(result.stderr).toContain('pnpm build');
    expect(result.stdout).toBe('');
  });

  it('evaluates the same stand-in once the workspace package is built', () => {
    mkdirSync(join(dir, 'document', 'dist'));
    writeFileSync(join(dir, 'document', 'dist', 'index.js'), "export const DOCUMENT_SCHEMA = 'one';\n");
    const result = runEval();
    expect(result.stderr).not.toContain('cannot import');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cleaner: @corpuskit/clean stand-in');
    expect(result.stdout).toContain('readability-test-pages (1 pages)');
  });

  it('replays the page types of an earlier run with --types-from', () => {
    const first = join(dir, 'first.json');
    expect(runEval('--out', first).status).toBe(0);
    const typeOf = (file: string) =>
      (JSON.parse(readFileSync(file, 'utf8')) as Report).sets.readability.systems['clean-linkedom'].perPage['one-page']
        .predictedType;
    expect(typeOf(first)).toBe('article');
    // An earlier run that typed the page as a forum: the replay cleans it as a forum.
    const earlier = join(dir, 'earlier.json');
    const report = JSON.parse(readFileSync(first, 'utf8')) as Report;
    const row = report.sets.readability.systems['clean-linkedom'].perPage['one-page'];
    row.predictedType = 'forum';
    row.cleanedAs = 'forum';
    writeFileSync(earlier, JSON.stringify(report));
    const replay = join(dir, 'replay.json');
    const result = runEval('--types-from', earlier, '--out', replay);
    expect(result.status).toBe(0);
    expect(typeOf(replay)).toBe('forum');
    // Two eval processes one after the other: 5 s alone, over 30 s on a loaded 2-core machine.
  }, 120_000);

  it('refuses a --types-from file without page types, naming it', () => {
    const empty = join(dir, 'untyped.json');
    writeFileSync(empty, JSON.stringify({ sets: {} }));
    const result = runEval('--types-from', empty);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--types-from ${empty}: no page types in it`);
    expect(result.stdout).toBe('');
  });
});
