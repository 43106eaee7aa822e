import { execFileSync, spawnSync } from 'node:child_process';
import { access, chmod, constants, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { BIN, articlePage, corpuskit, tempCorpusWithGoodPage } from './helpers.js';

interface IngestJson {
  files: number;
  new: number;
  unchanged: number;
  failedCount: number;
  failed: Array<{ source: string; code: string; error: string }>;
  items: Array<{ source: string; id: string | null; outcome: string; warnings: string[]; status: string | null }>;
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function corpusWithPages(): Promise<string> {
  const { dir, cleanup } = await tempCorpusWithGoodPage();
  cleanups.push(cleanup);
  return dir;
}

describe('bad inputs: a clear error per file, the batch goes on, exit 1', () => {
  it('binary files are named by their format, whatever their extension; empty files are empty', async () => {
    const dir = await corpusWithPages();
    await writeFile(
      path.join(dir, 'in/photo.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    await writeFile(path.join(dir, 'in/report.htm'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
    await writeFile(path.join(dir, 'in/archive.html'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0]));
    await writeFile(path.join(dir, 'in/blank.html'), '');
    await writeFile(path.join(dir, 'in/spaces.txt'), '   \n\n\t ');
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = result.json<IngestJson>();
    expect(json).toMatchObject({ files: 6, new: 1, failedCount: 5 });
    expect(json.failed).toEqual([
      { source: 'in/archive.html', code: 'ingest.binary', error: expect.stringMatching(/zip archive/) },
      { source: 'in/blank.html', code: 'ingest.empty', error: 'the file is empty' },
      { source: 'in/photo.html', code: 'ingest.binary', error: 'not HTML or text: this is a PNG image' },
      { source: 'in/report.htm', code: 'ingest.binary', error: 'not HTML or text: this is a PDF document' },
      { source: 'in/spaces.txt', code: 'ingest.empty', error: 'the file holds only whitespace' },
    ]);
    const text = await corpuskit(['ingest', 'in/photo.html', 'in/good.html'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('error: in/photo.html: not HTML or text: this is a PNG image');
  });

  it('nothing usable at all is exit 2; a missing path names it', async () => {
    const dir = await corpusWithPages();
    await writeFile(path.join(dir, 'in/blank.html'), '');
    const result = await corpuskit(['ingest', 'in/blank.html', 'missing.html', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.json<IngestJson>().failed).toEqual([
      { source: 'in/blank.html', code: 'ingest.empty', error: 'the file is empty' },
      { source: 'missing.html', code: 'ingest.not-found', error: 'no such file or directory' },
    ]);
  });

  it('a 20 MB page (a saved page with an inlined image) is cleaned like any other', async () => {
    const dir = await corpusWithPages();
    const image = `data:image/png;base64,${'iVBORw0KGgo'.repeat(Math.ceil((20 * 1024 * 1024) / 11))}`;
    const big = articlePage('A very large saved page', { canonical: 'https://port.example/big' }).replace(
      '</article>',
      `<figure><img src="${image}" alt="chart"></figure></article>`,
    );
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    await writeFile(path.join(dir, 'in/big.html'), big);
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.json<IngestJson>()).toMatchObject({ files: 2, new: 2, failedCount: 0 });
    const limited = await corpuskit(['ingest', 'in/big.html', '--max-size', '10', '--json'], { cwd: dir });
    expect(limited.code).toBe(2);
    expect(limited.json<IngestJson>().failed[0]).toMatchObject({
      code: 'ingest.too-large',
      error: expect.stringMatching(/^the file is 20\.\d MiB, over the 10\.0 MiB limit/),
    });
  });

  it('bytes that are not in the declared charset are decoded with a warning, not a crash', async () => {
    const dir = await corpusWithPages();
    const latin1 = Buffer.from(
      articlePage('Caf\u00e9 society', {
        canonical: 'https://port.example/cafe',
        seed: 'Caf\u00e9 \u00abcorner\u00bb',
      }),
      'latin1',
    );
    await writeFile(path.join(dir, 'in/cafe.html'), latin1);
    const result = await corpuskit(['ingest', 'in/cafe.html', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const item = result.json<IngestJson>().items[0]!;
    expect(item).toMatchObject({ id: 'https://port.example/cafe', outcome: 'new' });
    expect(item.warnings.join(' ')).toMatch(/invalid UTF-8/);
    const text = await corpuskit(['ingest', 'in/cafe.html', '--verbose'], { cwd: dir });
    expect(text.code).toBe(0);
  });

  it('an unreadable file is reported as such (when permissions can stop this user)', async () => {
    const dir = await corpusWithPages();
    const file = path.join(dir, 'in/locked.html');
    await writeFile(file, articlePage('Locked', { canonical: 'https://port.example/locked' }));
    await chmod(file, 0o000);
    const blocked = await access(file, constants.R_OK).then(
      () => false,
      () => true,
    );
    try {
      const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
      const json = result.json<IngestJson>();
      if (blocked) {
        expect(result.code).toBe(1);
        expect(json.failed).toEqual([
          { source: 'in/locked.html', code: 'ingest.unreadable', error: 'permission denied: the file cannot be read' },
        ]);
      } else {
        // Running as root: mode 000 does not stop reads, so the file is simply ingested.
        expect(result.code).toBe(0);
        expect(json).toMatchObject({ new: 2, failedCount: 0 });
      }
    } finally {
      await chmod(file, 0o644);
    }
  });

  it('a directory loop made of symbolic links is reported once and the walk finishes', async () => {
    const dir = await corpusWithPages();
    await mkdir(path.join(dir, 'in/a/b'), { recursive: true });
    await writeFile(
      path.join(dir, 'in/a/b/deep.html'),
      articlePage('Deep', { canonical: 'https://port.example/deep' }),
    );
    await symlink(path.join(dir, 'in/a'), path.join(dir, 'in/a/b/back-to-a'));
    await symlink(path.join(dir, 'in/a/b/nowhere'), path.join(dir, 'in/a/dangling'));
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = result.json<IngestJson>();
    expect(json.new).toBe(2);
    expect(json.failed).toEqual([
      { source: 'in/a/b/back-to-a', code: 'ingest.directory-loop', error: expect.stringMatching(/^directory loop/) },
      { source: 'in/a/dangling', code: 'ingest.unreadable', error: expect.stringMatching(/broken symbolic link/) },
    ]);
  });

  it('a page over the time limit fails with a timeout, named', async () => {
    const dir = await corpusWithPages();
    const result = await corpuskit(['ingest', 'in', '--timeout', '0.001', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.json<IngestJson>().failed).toEqual([
      {
        source: 'in/good.html',
        code: expect.stringMatching(/^(clean|ingest)\.timeout$/),
        error: expect.stringMatching(/time|took longer/),
      },
    ]);
  });

  it('a malformed sidecar names the sidecar file', async () => {
    const dir = await corpusWithPages();
    await writeFile(
      path.join(dir, 'in/good.html.json'),
      '{"url": "https://port.example/pier", "fetchedAt": "yesterday"}',
    );
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.json<IngestJson>().failed).toEqual([
      { source: 'in/good.html', code: 'ingest.bad-sidecar', error: '"fetchedAt" must be a date' },
    ]);
  });

  it('a named pipe where a sidecar would be is refused at once, not waited on: the page and the batch go on', async () => {
    const dir = await corpusWithPages();
    execFileSync('mkfifo', [path.join(dir, 'in/good.json')]);
    // Killed after 20 s: a CLI that waits for a writer on the pipe fails here instead of hanging.
    const walked = await corpuskit(['ingest', 'in', '--json'], { cwd: dir, killAfterMs: 20_000 });
    expect(walked.code).toBe(1);
    const json = walked.json<IngestJson>();
    expect(json).toMatchObject({ files: 2, new: 1, failedCount: 1 });
    expect(json.items.find((item) => item.source === 'in/good.html')).toMatchObject({ outcome: 'new', status: 'ok' });
    expect(json.failed).toEqual([
      {
        source: 'in/good.json',
        code: 'ingest.not-a-file',
        error: "a named pipe (FIFO), not a regular file: refused (not read as a page's sidecar either)",
      },
    ]);
    // The page named on its own, or by a pattern, goes the same way: the pipe is that one failure,
    // and the page is ingested without it (unchanged now: the walk took it).
    for (const input of ['in/good.html', 'in/*.html']) {
      const named = await corpuskit(['ingest', input, '--json'], { cwd: dir, killAfterMs: 20_000 });
      expect(named.code).toBe(1);
      const result = named.json<IngestJson>();
      expect(result).toMatchObject({ files: 2, unchanged: 1, failedCount: 1 });
      expect(result.failed).toEqual(json.failed);
    }
  });

  it('a page named on its own with a named pipe beside it as its sidecar is ingested without it, and the batch goes on', async () => {
    const dir = await corpusWithPages();
    execFileSync('mkfifo', [path.join(dir, 'in/good.html.json')]);
    await writeFile(
      path.join(dir, 'in/next.html'),
      articlePage('Another page entirely', { canonical: 'https://port.example/next' }),
    );
    const named = await corpuskit(['ingest', 'in/good.html', 'in/next.html', '--json'], {
      cwd: dir,
      killAfterMs: 20_000,
    });
    expect(named.code).toBe(1);
    const json = named.json<IngestJson>();
    expect(json).toMatchObject({ files: 3, new: 2, failedCount: 1 });
    expect(json.items.map((item) => [item.source, item.outcome])).toEqual([
      ['in/good.html', 'new'],
      ['in/good.html.json', 'failed'],
      ['in/next.html', 'new'],
    ]);
    expect(json.failed).toEqual([
      {
        source: 'in/good.html.json',
        code: 'ingest.not-a-file',
        error: "a named pipe (FIFO), not a regular file: refused (not read as a page's sidecar either)",
      },
    ]);
  });

  it('a name that is not valid UTF-8, given on the command line, is named as such by clean and ingest', async () => {
    const dir = await corpusWithPages();
    const name = Buffer.concat([Buffer.from(path.join(dir, 'in/caf')), Buffer.from([0xe9]), Buffer.from('.html')]);
    try {
      await writeFile(name, articlePage('Caf\u00e9 opens'));
    } catch (error) {
      // macOS (APFS) refuses such names.
      expect((error as { code?: string }).code).toBe('EILSEQ');
      return;
    }
    // Node cannot pass such bytes as an argument; the shell can (printf's octal escape).
    const run = (command: string) =>
      spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${command} "in/caf$(printf '\\351').html" --json`], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const clean = run('clean');
    expect(clean.status).toBe(2);
    expect(JSON.parse(clean.stdout)).toMatchObject({
      error: {
        code: 'ingest.unreadable',
        message: expect.stringContaining(
          'the name is not valid UTF-8 (caf\\xe9.html), so it cannot be opened by the name Node was given: rename it',
        ),
      },
    });
    const ingest = run('ingest');
    expect(JSON.parse(ingest.stdout).failed).toEqual([
      {
        source: 'in/caf\uFFFD.html',
        code: 'ingest.unreadable',
        error:
          'the name is not valid UTF-8 (caf\\xe9.html), so it cannot be opened by the name Node was given: rename it',
      },
    ]);
  });
});
