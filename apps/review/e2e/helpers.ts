import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { test } from '@playwright/test';
import type { Page } from '@playwright/test';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(REPO, 'apps/cli/dist/bin.js');
const SAMPLE_PAGES = join(REPO, 'corpus/pages');
const SAMPLE_EDITIONS = join(REPO, 'corpus/editions');
const HOSTILE_PAGES = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

const CHILD_ENV = { ...process.env, NO_COLOR: '1', CI: 'true' };

/** Run the real, built CLI and return its stdout (throws with its stderr when it fails). */
export function cli(args: string[]): string {
  try {
    return execFileSync(process.execPath, [CLI, ...args], {
      cwd: REPO,
      env: CHILD_ENV,
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`corpuskit ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`, { cause: error });
  }
}

export function cliJson<T>(args: string[]): T {
  return JSON.parse(cli([...args, '--json'])) as T;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `corpuskit-e2e-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The fixture corpus, made with the CLI as a user would: the sample pages ingested, accepted
 * and committed as `v1`; then the later editions (and, when asked, the hostile page) ingested
 * and left pending for review.
 */
export function buildFixtureCorpus(dir: string, options: { hostile?: boolean } = {}): void {
  cli(['init', dir]);
  cli(['ingest', SAMPLE_PAGES, '--corpus', dir, '--quiet']);
  cli(['accept', '--all', '--corpus', dir]);
  cli(['commit', '-m', 'first crawl', '--tag', 'v1', '--corpus', dir]);
  cli(['ingest', SAMPLE_EDITIONS, ...(options.hostile ? [HOSTILE_PAGES] : []), '--corpus', dir, '--quiet']);
}

export interface Served {
  url: string;
  token: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `corpuskit serve --json --port 0 --no-open` on a corpus; resolves with the printed {url, token}. */
export async function serve(dir: string): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--json', '--port', '0', '--no-open', '--corpus', dir], {
    cwd: REPO,
    env: CHILD_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`serve printed nothing: ${stderr}`)), 30_000);
    lines.once('line', (first) => {
      clearTimeout(timer);
      resolve(first);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const { url, token } = JSON.parse(line) as { url: string; token: string };
  return {
    url,
    token,
    origin: new URL(url).origin,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Save a screenshot of a main view as a test artifact (apps/review/test-results/screenshots/). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Fail the test on any sign that page content ran: a dialog (alert/confirm/prompt), an
 * uncaught error, or a CSP violation report.
 */
export function watchForExecution(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon|401|Unauthorized/i.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return { problems };
}

/**
 * The hooks most specs share: one fixture corpus for the spec file (built once, removed at the
 * end) and a fresh `corpuskit serve` on it for each test. Read `corpus` and `server` inside tests.
 */
export function servedFixtureCorpus(name: string): { readonly corpus: { dir: string }; readonly server: Served } {
  const state = {} as { corpus: ReturnType<typeof tempDir>; server: Served };
  test.beforeAll(() => {
    state.corpus = tempDir(name);
    buildFixtureCorpus(state.corpus.dir);
  });
  test.beforeEach(async () => {
    state.server = await serve(state.corpus.dir);
  });
  test.afterEach(async () => {
    await state.server.stop();
  });
  test.afterAll(() => state.corpus.remove());
  return state;
}
