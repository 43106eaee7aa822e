import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { articlePage, corpuskit, interruptedCorpuskit, tempDir } from './helpers.js';

// Hostile pages are generated here, never checked in. Every run has a kill timer: a page that
// is not stopped fails the test (the process is killed) instead of hanging the suite.
const KILL_AFTER_MS = 150_000;

interface CleanLine {
  source: string;
  status: string;
  title?: string;
  error?: { code: string; message: string };
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CleanLine);

/** One element with `count` attributes: jsdom's parser checks each new one against all before it. */
function manyAttributes(count: number): string {
  const attributes = Array.from({ length: count }, (_, i) => `data-a${i}="x"`).join(' ');
  return `<!DOCTYPE html><html><head><title>Attributes</title></head><body><div ${attributes}>hello</div></body></html>`;
}

describe('corpuskit clean on hostile pages', () => {
  let dir = '';
  let cleanup = async () => {};
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeFile(path.join(dir, 'attributes.html'), manyAttributes(100_000));
    // 300,000 paragraphs: a DOM of far more than 64 MiB, where an article needs ~20.
    const paragraphs = '<p>A short paragraph of words.</p>'.repeat(300_000);
    await writeFile(
      path.join(dir, 'giant.html'),
      `<!DOCTYPE html><html><head><title>Giant</title></head><body><article><h1>Giant</h1>${paragraphs}</article></body></html>`,
    );
    await writeFile(path.join(dir, 'pier.html'), articlePage('The pier opens'));
  });
  afterAll(() => cleanup());

  it('stops a page stuck in the parser at --timeout, names it and the cause, and goes on to the next file', async () => {
    // Unstopped, jsdom parses this page for minutes: the time limit was only checked between stages.
    const started = Date.now();
    const result = await corpuskit(
      [
        'clean',
        'attributes.html',
        'pier.html',
        '--engine',
        'jsdom',
        '--timeout',
        '5000',
        '--format',
        'jsonl',
        '--verbose',
      ],
      { cwd: dir, killAfterMs: KILL_AFTER_MS },
    );
    const seconds = (Date.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(2);
    const [stuck, next] = lines(result.stdout);
    expect(stuck).toMatchObject({
      source: 'attributes.html',
      status: 'error',
      error: { code: 'clean.timeout', message: expect.stringContaining('longer than 5000 ms') },
    });
    expect(next).toMatchObject({ source: 'pier.html', status: 'ok', title: 'The pier opens' });
    expect(result.stderr).toContain('attributes.html: cleaning took longer than 5000 ms and was stopped');
    // The stopped thread's replacement cleaned a small page with jsdom before pier.html's clock
    // started: before, pier.html paid jsdom's first use (~0.7 s of CPU) inside its own limit.
    expect(result.stderr).toMatch(
      /pier\.html: a fresh cleaning thread \(it replaced one that was stopped or recycled\) warmed up first, in \d+ ms, outside the page's time limit/,
    );
    // Stopped a second past its limit. The next page's clock starts once its fresh thread has
    // loaded the cleaner, so a slow start on a busy machine does not fail it. The bound leaves
    // room for such a machine.
    expect(seconds).toBeLessThan(90);
  }, 200_000);

  it('stops a page past its --max-memory with an out-of-memory error naming it, and goes on', async () => {
    const result = await corpuskit(['clean', 'giant.html', 'pier.html', '--max-memory', '64', '--format', 'jsonl'], {
      cwd: dir,
      killAfterMs: KILL_AFTER_MS,
    });
    expect(result.code, result.stderr).toBe(2);
    const [giant, next] = lines(result.stdout);
    expect(giant).toMatchObject({
      source: 'giant.html',
      status: 'error',
      error: {
        code: 'clean.out-of-memory',
        message: expect.stringContaining('ran out of memory (its thread reached its 64 MiB heap limit)'),
      },
    });
    // A fresh thread cleans the next page.
    expect(next).toMatchObject({ source: 'pier.html', status: 'ok', title: 'The pier opens' });
  }, 200_000);

  it('a single page past its limit fails with exit code and message, not a crash', async () => {
    const result = await corpuskit(['clean', 'giant.html', '--max-memory', '64'], {
      cwd: dir,
      killAfterMs: KILL_AFTER_MS,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('giant.html: cleaning ran out of memory');
  }, 200_000);

  it('refuses a --max-memory that is not a whole number of MiB', async () => {
    const result = await corpuskit(['clean', 'pier.html', '--max-memory', '8'], { cwd: dir, killAfterMs: 60_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--max-memory must be a whole number of MiB, at least 16 (got '8')");
  });

  it('cleans standard input on the thread too', async () => {
    const result = await corpuskit(['clean', '-', '--format', 'jsonl'], {
      cwd: dir,
      input: articlePage('The quay reopens'),
      killAfterMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toMatchObject([{ source: '-', status: 'ok', title: 'The quay reopens' }]);
  });
  it('holds standard input to --max-size, not the default limit', async () => {
    const result = await corpuskit(['clean', '-', '--max-size', '1'], {
      cwd: dir,
      input: articlePage('A long page').replace('</body>', `<p>${'word '.repeat(300_000)}</p></body>`),
      killAfterMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('standard input is over the 1048576 byte limit');
  });

  /**
   * Run the CLI with --verbose and send `signal` 1 s after it says it is cleaning `file` (its signal
   * handlers are installed by then, and the page is on its way to the thread): a page stuck in
   * jsdom's parser is then in hand. No fixed delay from the start, which a busy machine can outrun.
   */
  const interrupted = (args: string[], signal: NodeJS.Signals, file: string) =>
    interruptedCorpuskit([...args, '--verbose'], {
      cwd: dir,
      signal,
      cue: { stream: 'stderr', text: `${file}: cleaning` },
      afterMs: 1_000,
    });

  it('stops the page in hand at once on Ctrl-C, keeps what was cleaned and exits 130', async () => {
    // pier.html is cleaned, then the stuck page is in hand when SIGINT comes: before, it ran on
    // to its time limit (here 120 s) and the run ended with exit 0 as if complete.
    const run = await interrupted(
      [
        'clean',
        'pier.html',
        'attributes.html',
        'pier.html',
        '--engine',
        'jsdom',
        '--timeout',
        '120000',
        '--format',
        'jsonl',
      ],
      'SIGINT',
      'attributes.html',
    );
    expect(run.signalled, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(lines(run.stdout)).toMatchObject([{ source: 'pier.html', status: 'ok' }]);
    expect(run.stderr).toContain('interrupted: 2 of 3 files not reached');
    expect(run.seconds).toBeLessThan(30);
  }, 90_000);

  it('with --json, SIGTERM during the page still prints one JSON document, an interrupted error', async () => {
    const run = await interrupted(
      ['clean', 'attributes.html', '--engine', 'jsdom', '--timeout', '120000', '--json'],
      'SIGTERM',
      'attributes.html',
    );
    expect(run.signalled, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(JSON.parse(run.stdout)).toMatchObject({
      source: 'attributes.html',
      status: 'error',
      error: { code: 'cli.interrupted', kind: 'interrupted', message: expect.stringContaining('interrupted') },
    });
    expect(run.seconds).toBeLessThan(30);
  }, 90_000);

  /**
   * Run `clean <args> --verbose` with half a page on a standard input that stays open (before, the
   * read ignored the signal and waited for its end), and send SIGTERM once the CLI says it is
   * reading it (its signal handlers are installed by then).
   */
  const interruptedReading = (args: string[]) =>
    interruptedCorpuskit(['clean', ...args, '--verbose'], {
      cwd: dir,
      signal: 'SIGTERM',
      stdin: articlePage('Half a page').slice(0, 300),
      cue: { stream: 'stderr', text: 'reading standard input' },
    });

  it('SIGTERM while standard input is still open stops the read: exit 130 and what was not reached', async () => {
    const run = await interruptedReading(['-', 'pier.html']);
    expect(run.signalled, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('standard input: interrupted (Ctrl-C or SIGTERM) while it was being read');
    expect(run.stderr).toContain('interrupted: 2 of 2 files not reached');
    expect(run.seconds).toBeLessThan(30);
  }, 90_000);

  it('names standard input, not the file before it, when SIGTERM stops the read of `clean pier.html -`', async () => {
    const run = await interruptedReading(['pier.html', '-']);
    expect(run.signalled, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('standard input: interrupted (Ctrl-C or SIGTERM) while it was being read');
    expect(run.stderr).not.toContain('pier.html: interrupted');
    expect(run.stderr).toContain('interrupted: 2 of 2 files not reached');
  }, 90_000);
});
