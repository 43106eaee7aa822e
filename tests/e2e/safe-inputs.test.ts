import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, open, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { BIN, articlePage, corpuskit, tempCorpusWithGoodPage, tempDir } from './helpers.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function scratch(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('decoding a page without a charset declaration', () => {
  it('one stray invalid byte in a UTF-8 page gives one U+FFFD and a warning, not a page of mojibake', async () => {
    const dir = await scratch();
    const text = 'Die Bürgermeisterin von Köln sagte am Dienstag, die neue Brücke über den Rhein werde teurer.';
    const page = Buffer.concat([
      Buffer.from(`<html><head><title>Brücke in Köln</title></head><body><article><h1>Brücke in Köln</h1>`),
      Buffer.from(`<p>${text} Grüße `),
      Buffer.from([0xe9]),
      Buffer.from(` aus Zürich.</p><p>${text}</p><p>${text}</p></article></body></html>`),
    ]);
    await writeFile(path.join(dir, 'page.html'), page);
    const result = await corpuskit(['clean', 'page.html', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = result.json<{ text: string; warnings: string[]; provenance: { encoding: string } }>();
    expect(json.provenance.encoding).toBe('utf-8');
    expect(json.text).toContain('Grüße \uFFFD aus Zürich.');
    expect(json.text).not.toContain('Ã¼');
    expect(json.warnings).toContain('1 invalid UTF-8 byte sequence replaced by U+FFFD');
  });
});

interface IngestJson {
  files: number;
  new: number;
  failedCount: number;
  failed: Array<{ source: string; code: string; error: string }>;
  warnings: Array<{ source: string; message: string }>;
  items: Array<{ source: string; id: string | null; outcome: string }>;
}

async function corpus(): Promise<string> {
  const { dir, cleanup } = await tempCorpusWithGoodPage();
  cleanups.push(cleanup);
  return dir;
}

describe('ingest stays inside the folders it is given', () => {
  it('a symbolic link to /etc stages nothing from it, and says so', async () => {
    const dir = await corpus();
    await symlink('/etc', path.join(dir, 'in/etc'));
    await symlink('/etc/hostname', path.join(dir, 'in/hostname.txt'));
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = result.json<IngestJson>();
    expect(json).toMatchObject({ files: 1, new: 1, failedCount: 0 });
    expect(json.items.map((item) => item.source)).toEqual(['in/good.html']);
    expect(json.warnings).toEqual([
      { source: 'in/etc', message: expect.stringContaining('symbolic link to /etc, outside in') },
      { source: 'in/hostname.txt', message: expect.stringContaining('outside in') },
    ]);
    const status = await corpuskit(['status', '--json'], { cwd: dir });
    expect(status.stdout).not.toMatch(/file:etc|shadow|passwd/);
    const text = await corpuskit(['ingest', 'in'], { cwd: dir });
    expect(text.stdout).toMatch(
      /skipped\s+in\/etc: symbolic link to \/etc, outside in: skipped \(give --follow-symlinks/,
    );
    const glob = await corpuskit(['ingest', 'in/*', '--json'], { cwd: dir });
    expect(glob.json<IngestJson>().items.map((item) => item.source)).toEqual(['in/good.html']);
  });

  it('links inside the folder are followed; --follow-symlinks follows the others', async () => {
    const dir = await corpus();
    const outside = path.join(dir, 'elsewhere');
    await mkdir(outside);
    await writeFile(path.join(outside, 'far.html'), articlePage('Far away', { canonical: 'https://far.example/a' }));
    await mkdir(path.join(dir, 'in/sub'));
    await writeFile(path.join(dir, 'in/sub/near.html'), articlePage('Near', { canonical: 'https://near.example/a' }));
    await symlink('sub', path.join(dir, 'in/alias'));
    await symlink(outside, path.join(dir, 'in/far'));
    const plain = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    const plainJson = plain.json<IngestJson>();
    expect(plainJson.items.map((item) => item.id).sort()).toEqual([
      'https://near.example/a',
      'https://port.example/pier',
    ]);
    expect(plainJson.warnings).toEqual([{ source: 'in/far', message: expect.stringContaining('outside in') }]);
    const follow = await corpuskit(['ingest', 'in', '--follow-symlinks', '--json'], { cwd: dir });
    expect(follow.json<IngestJson>().items.map((item) => item.id)).toContain('https://far.example/a');
    expect(follow.json<IngestJson>().warnings).toEqual([]);
  });
});

describe('special files and sizes', () => {
  it('a FIFO in a folder fails with a clear error without hanging; the batch goes on', async () => {
    const dir = await corpus();
    execFileSync('mkfifo', [path.join(dir, 'in/pipe.html')]);
    const result = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = result.json<IngestJson>();
    expect(json).toMatchObject({ new: 1, failedCount: 1 });
    expect(json.failed).toEqual([
      { source: 'in/pipe.html', code: 'ingest.not-a-file', error: 'a named pipe (FIFO), not a regular file: refused' },
    ]);
  });

  it('clean of a FIFO, of /dev/zero and of a device refuses at once', async () => {
    const dir = await scratch();
    execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
    const pipe = await corpuskit(['clean', 'pipe.html'], { cwd: dir });
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toContain('pipe.html: a named pipe (FIFO), not a regular file: refused');
    const zero = await corpuskit(['clean', '/dev/zero'], { cwd: dir });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('/dev/zero: a character device, not a regular file: refused');
    const ingest = await corpuskit(['ingest', '/dev/null', '--json'], { cwd: await corpus() });
    expect(ingest.code).toBe(2);
    expect(ingest.json<IngestJson>().failed[0]).toMatchObject({ code: 'ingest.not-a-file' });
  });

  it('a 3 GB file is a clear too-large error (exit 2), in clean and in ingest', async () => {
    const dir = await corpus();
    const handle = await open(path.join(dir, 'in/huge.html'), 'w');
    await handle.truncate(3 * 1024 * 1024 * 1024);
    await handle.close();
    const clean = await corpuskit(['clean', 'in/huge.html'], { cwd: dir });
    expect(clean.code).toBe(2);
    expect(clean.stderr).toContain('in/huge.html: the file is 3072.0 MiB, over the 64.0 MiB limit');
    const ingest = await corpuskit(['ingest', 'in', '--json'], { cwd: dir });
    expect(ingest.code).toBe(1);
    expect(ingest.json<IngestJson>().failed).toEqual([
      {
        source: 'in/huge.html',
        code: 'ingest.too-large',
        error: expect.stringContaining('3072.0 MiB, over the 64.0 MiB'),
      },
    ]);
    const over = await corpuskit(['ingest', 'in', '--max-size', '4096'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--max-size is at most 512');
  });
});

describe('terminal output', () => {
  it('show, status and ingest print no escape sequence or bidi override from page text or file names', async () => {
    const dir = await corpus();
    const name = 'ansi\u001b]0;owned\u0007.html';
    await writeFile(
      path.join(dir, 'in', name),
      articlePage('Invoice \u202efdp.exe &#27;[2J ready', { canonical: 'https://term.example/a' }).replace(
        '</article>',
        '<p>Clear \u001b[2J\u001b[H the screen and \u001b]52;c;b3duZWQ=\u0007 the clipboard.</p></article>',
      ),
    );
    const ingest = await corpuskit(['ingest', 'in', '--verbose'], { cwd: dir });
    expect(ingest.code).toBe(0);
    for (const run of [
      ingest,
      await corpuskit(['status'], { cwd: dir }),
      await corpuskit(['show', 'https://term.example/a'], { cwd: dir }),
      await corpuskit(['status', '--json'], { cwd: dir }),
    ]) {
      // eslint-disable-next-line no-control-regex -- what must not reach the terminal
      expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(ingest.stdout).toContain('ansi\\u001B]0;owned\\u0007.html');
    // On a terminal, bidi overrides are escaped too.
    const tty = execFileSync(
      'script',
      ['-qec', `${process.execPath} ${BIN} show https://term.example/a`, '/dev/null'],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(tty).toContain('Invoice \\u202Efdp.exe');
    expect(tty).not.toContain('\u202e');
  });
});

describe('a reader that goes away', () => {
  it('status | head and export | head end quietly with exit 0', async () => {
    const dir = await corpus();
    await Promise.all(
      Array.from({ length: 1500 }, (_, i) =>
        writeFile(path.join(dir, 'in', `p${i}.html`), `<title>Page ${i}</title><p>Page number ${i} of many.</p>`),
      ),
    );
    expect((await corpuskit(['ingest', 'in', '--quiet'], { cwd: dir })).code).toBe(0);
    const piped = (command: string) =>
      spawnSync(
        'bash',
        ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" ${command} | head -c 100 > /dev/null`],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
    const status = piped('status');
    expect(status.stderr).not.toMatch(/EPIPE|Error/);
    expect(status.status).toBe(0);
    expect((await corpuskit(['accept', '--all'], { cwd: dir })).code).toBe(0);
    expect((await corpuskit(['commit', '-m', 'many'], { cwd: dir })).code).toBe(0);
    const exported = piped('export --format jsonl');
    expect(exported.stderr).not.toMatch(/EPIPE|Error/);
    expect(exported.status).toBe(0);
  });
});
