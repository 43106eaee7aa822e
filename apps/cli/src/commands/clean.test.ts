import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../test-utils.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Rivers of the North | Field Notes</title>
<meta property="og:site_name" content="Field Notes"></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Rivers of the North</h1>
<p>The northern rivers freeze in November and thaw in late April, when the ice breaks up in a single night and the water rises by several metres.</p>
<p>Fishermen wait for that night all winter. They move their boats to higher ground and listen for the first cracks, which carry for kilometres across the valley.</p>
<h2>After the thaw</h2>
<p>Within a week the river is open again and the ferries resume. The villages on the far bank, cut off for five months, receive their first deliveries of fresh food.</p>
<div class="sharedaddy"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a><a href="https://twitter.com/intent/tweet?url=x">Twitter</a></div>
</article>
<footer>Copyright Field Notes</footer></body></html>`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corpuskit-clean-cli-'));
  await writeFile(join(dir, 'article.html'), ARTICLE);
  await writeFile(
    join(dir, 'notes.txt'),
    'First paragraph of plain notes about the rivers of the north and their ferries.\n\nSecond paragraph, also kept, about the thaw.\n',
  );
  await writeFile(join(dir, 'empty.html'), '');
  await writeFile(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('corpuskit clean', () => {
  it('prints the article text without navigation, title or share buttons', async () => {
    const { code, stdout } = await runCli(['clean', 'article.html'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('The northern rivers freeze in November');
    expect(stdout).toContain('After the thaw\n\nWithin a week');
    expect(stdout).not.toContain('Home');
    expect(stdout).not.toContain('Twitter');
    expect(stdout).not.toMatch(/^Rivers of the North/m);
  });

  it('prints markdown with headings', async () => {
    const { code, stdout } = await runCli(['clean', 'article.html', '--format', 'markdown'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('## After the thaw');
  });

  it('prints one CleanDocument as JSON with its source', async () => {
    const { code, stdout } = await runCli(
      ['clean', 'article.html', '--format', 'json', '--url', 'https://example.org/rivers'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(document.source).toBe('article.html');
    expect(document.title).toBe('Rivers of the North');
    expect(document.metadata.siteName).toBe('Field Notes');
    expect(document.provenance.url).toBe('https://example.org/rivers');
    expect(document.removed.some((removal: { category: string }) => removal.category === 'share')).toBe(true);
  });

  it('prints one JSON line per input in input order; failures are records and the exit code is 2', async () => {
    const { code, stdout, stderr } = await runCli(
      ['clean', 'notes.txt', 'empty.html', 'article.html', 'image.png', 'missing.html', '--format', 'jsonl'],
      { cwd: dir },
    );
    expect(code).toBe(2);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.source)).toEqual([
      'notes.txt',
      'empty.html',
      'article.html',
      'image.png',
      'missing.html',
    ]);
    expect(lines.map((line) => line.status)).toEqual(['short', 'error', 'ok', 'error', 'error']);
    expect(lines[1].error.code).toBe('clean.empty-input');
    expect(lines[3].error.code).toBe('clean.binary-input');
    expect(lines[4].error.code).toBe('clean.not-found');
    expect(lines[0].text).toBe(
      'First paragraph of plain notes about the rivers of the north and their ferries.\n\nSecond paragraph, also kept, about the thaw.',
    );
    expect(stderr).toContain('image.png');
  });

  it('fails with exit code 2 and names the file for a single bad input', async () => {
    const { code, stderr } = await runCli(['clean', 'image.png'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('image.png');
    expect(stderr).toContain('PNG');
  });

  it('rejects --format json with several files, and --url with several files', async () => {
    expect((await runCli(['clean', 'notes.txt', 'article.html', '--format', 'json'], { cwd: dir })).code).toBe(2);
    expect(
      (await runCli(['clean', 'notes.txt', 'article.html', '--url', 'https://example.org/'], { cwd: dir })).code,
    ).toBe(2);
    expect((await runCli(['clean', 'notes.txt', '--engine', 'webkit'], { cwd: dir })).code).toBe(2);
  });

  it('reports a bad rules file as an input error', async () => {
    await writeFile(join(dir, 'rules.json'), '{"sites": {"example.org": {"remove": "nav"}}}');
    const { code, stderr } = await runCli(['clean', 'article.html', '--rules', 'rules.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('sites.example.org.remove');
  });

  it('cleans with jsdom too', async () => {
    const { code, stdout } = await runCli(['clean', 'article.html', '--engine', 'jsdom'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Fishermen wait for that night all winter.');
  });

  it('stops reading standard input on Ctrl-C: one cli.interrupted document and exit 130', async () => {
    // A writer that never closes the pipe: before, the read waited for its end whatever the signal.
    const stdin = new PassThrough();
    stdin.write(ARTICLE.slice(0, 200));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { code, stdout, stderr } = await runCli(['clean', '-', '--json'], {
      cwd: dir,
      stdin,
      signal: controller.signal,
    });
    expect(code).toBe(130);
    expect(JSON.parse(stdout)).toMatchObject({
      source: '-',
      status: 'error',
      error: {
        code: 'cli.interrupted',
        kind: 'interrupted',
        subject: 'standard input',
        message: 'interrupted (Ctrl-C or SIGTERM) while it was being read',
      },
    });
    expect(stderr).toContain('standard input: interrupted');
  }, 10_000);
});
