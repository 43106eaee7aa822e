import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { expandInputs } from './expand.js';

async function tree(): Promise<string> {
  const dir = tempDirForTest('ingest-expand-');
  await mkdir(path.join(dir, 'pages/sub'), { recursive: true });
  await mkdir(path.join(dir, 'pages/saved_files'));
  await mkdir(path.join(dir, 'pages/.hidden'));
  await writeFile(path.join(dir, 'pages/b.html'), '<html></html>');
  await writeFile(path.join(dir, 'pages/b.html.json'), '{}');
  await writeFile(path.join(dir, 'pages/a.txt'), 'text');
  await writeFile(path.join(dir, 'pages/saved.html'), '<html></html>');
  await writeFile(path.join(dir, 'pages/saved_files/style.css'), 'p{}');
  await writeFile(path.join(dir, 'pages/sub/c.htm'), '<html></html>');
  await writeFile(path.join(dir, 'pages/.hidden/x.html'), '<html></html>');
  return dir;
}

describe('expandInputs', () => {
  it('walks folders recursively in a stable order, skipping sidecars, hidden files and saved assets', async () => {
    const cwd = await tree();
    const { files, failures, skipped } = await expandInputs(['pages'], { cwd });
    expect(failures).toEqual([]);
    expect(files.map((f) => [f.source, f.relative])).toEqual([
      ['pages/a.txt', 'a.txt'],
      ['pages/b.html', 'b.html'],
      ['pages/saved.html', 'saved.html'],
      ['pages/sub/c.htm', 'sub/c.htm'],
    ]);
    expect(files.every((f) => path.isAbsolute(f.path))).toBe(true);
    expect(skipped).toEqual(expect.arrayContaining(['pages/.hidden', 'pages/b.html.json', 'pages/saved_files/']));
  });

  it("takes only a regular file as a page's sidecar: a named pipe named like one is refused, not passed on", async () => {
    const dir = tempDirForTest('ingest-expand-');
    await writeFile(path.join(dir, 'page.html'), '<html></html>');
    execFileSync('mkfifo', [path.join(dir, 'page.json')]);
    const { files, failures } = await expandInputs(['.'], { cwd: dir });
    expect(files.map((f) => [f.source, f.sidecars])).toEqual([['page.html', []]]);
    expect(failures.map((f) => [f.source, f.error.code, f.error.message])).toEqual([
      [
        'page.json',
        'ingest.not-a-file',
        "a named pipe (FIFO), not a regular file: refused (not read as a page's sidecar either)",
      ],
    ]);
  });

  it('refuses a named pipe beside a page given by name or by pattern as the walk does: one failure, the page goes on without it', async () => {
    const dir = tempDirForTest('ingest-expand-');
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/page.html'), '<html></html>');
    await writeFile(path.join(dir, 'in/page.html.json'), '{}');
    execFileSync('mkfifo', [path.join(dir, 'in/page.json')]);
    await symlink('in', path.join(dir, 'alias'));
    const refused = [
      'in/page.json',
      'ingest.not-a-file',
      "a named pipe (FIFO), not a regular file: refused (not read as a page's sidecar either)",
    ];
    const asWalked = await expandInputs(['in'], { cwd: dir });
    for (const inputs of [
      ['in/page.html'],
      ['in/*.html'],
      ['in/page.html', 'in'],
      ['./in/page.html', 'in'],
      [path.join(dir, 'in/page.html'), 'in'],
      ['in', './in/page.html'],
      // The same folder reached through a link: the page is one file, and so is its sidecar.
      ['in', 'alias/page.html'],
      ['alias', 'in/page.html'],
      ['alias/page.html', 'in'],
    ]) {
      const { files, failures } = await expandInputs(inputs, { cwd: dir });
      expect(
        files.map((f) => f.sidecars?.map((sidecar) => path.basename(sidecar))),
        inputs.join(' '),
      ).toEqual([['page.html.json']]);
      expect(
        failures.map((f) => [f.error.code, f.error.message]),
        inputs.join(' '),
      ).toEqual([refused.slice(1)]);
      expect(failures[0]!.source).toBe(`${path.dirname(files[0]!.source)}/page.json`);
    }
    expect(asWalked.failures.map((f) => [f.source, f.error.code, f.error.message])).toEqual([refused]);
  });

  it('takes a link as a sidecar only when it leads to a regular file', async () => {
    const dir = tempDirForTest('ingest-expand-');
    await writeFile(path.join(dir, 'page.html'), '<html></html>');
    await writeFile(path.join(dir, 'other.html'), '<html></html>');
    await writeFile(path.join(dir, 'meta.data'), '{}');
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    await symlink(path.join(dir, 'pipe'), path.join(dir, 'page.json'));
    await symlink(path.join(dir, 'meta.data'), path.join(dir, 'other.json'));
    const { files, failures } = await expandInputs(['.'], { cwd: dir });
    expect(files.map((f) => [f.source, f.sidecars])).toEqual([
      ['meta.data', []],
      ['other.html', [path.join(dir, 'other.json')]],
      ['page.html', []],
    ]);
    expect(failures.map((f) => [f.source, f.error.message])).toEqual([
      ['page.json', "a named pipe (FIFO), not a regular file: refused (not read as a page's sidecar either)"],
      ['pipe', 'a named pipe (FIFO), not a regular file: refused'],
    ]);
  });

  it('does not read a sidecar that is a link leading out of the folder or pattern given, unless links may be followed', async () => {
    const dir = tempDirForTest('ingest-expand-');
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/page.html'), '<html></html>');
    await writeFile(path.join(dir, 'elsewhere.json'), '{}');
    await symlink(path.join(dir, 'elsewhere.json'), path.join(dir, 'in/page.json'));
    for (const input of ['in', 'in/*.html']) {
      const { files, warnings } = await expandInputs([input], { cwd: dir });
      expect(
        files.map((f) => [f.source, f.sidecars]),
        input,
      ).toEqual([['in/page.html', []]]);
      expect(
        warnings.map((w) => [w.source, w.message]),
        input,
      ).toEqual([['in/page.json', expect.stringMatching(/elsewhere\.json, outside in: skipped/)]]);
      const followed = await expandInputs([input], { cwd: dir, followSymlinks: true });
      expect(
        followed.files.map((f) => f.sidecars),
        input,
      ).toEqual([[path.join(dir, 'in/page.json')]]);
    }
  });

  it("bounds a named page's sidecars by the page's own folder: the same warning, skip and sidecars whatever the order or spelling", async () => {
    const dir = tempDirForTest('ingest-expand-');
    await mkdir(path.join(dir, 'real/in'), { recursive: true });
    await writeFile(path.join(dir, 'real/in/page.html'), '<html></html>');
    await writeFile(path.join(dir, 'real/away.json'), '{}');
    await symlink('../away.json', path.join(dir, 'real/in/page.json'));
    // The folder is given through a link, as `cwd/in`.
    await mkdir(path.join(dir, 'cwd'));
    await symlink('../real/in', path.join(dir, 'cwd/in'));
    const cwd = path.join(dir, 'cwd');
    for (const inputs of [
      ['in/page.html', 'in'],
      ['in', 'in/page.html'],
      ['in/page.html'],
      ['in/*.html'],
      ['in/*.html', 'in'],
      ['in', 'in/*.html'],
      ['in'],
    ]) {
      const shown = inputs.join(' ');
      const { files, warnings, skipped } = await expandInputs(inputs, { cwd });
      expect(
        files.map((f) => [f.source, f.sidecars]),
        shown,
      ).toEqual([['in/page.html', []]]);
      expect(
        warnings.map((w) => [w.source, w.message]),
        shown,
      ).toEqual([['in/page.json', expect.stringMatching(/real\/away\.json, outside in: skipped/)]]);
      expect(
        skipped.filter((source) => source === 'in/page.json'),
        shown,
      ).toHaveLength(1);
      const followed = await expandInputs(inputs, { cwd, followSymlinks: true });
      expect(
        followed.files.map((f) => f.sidecars),
        shown,
      ).toEqual([[path.join(cwd, 'in/page.json')]]);
      expect(followed.warnings, shown).toEqual([]);
    }
  });

  it("bounds every page's sidecars by the page's own folder, so a page in a subfolder gets the same sidecars however it was given", async () => {
    const dir = tempDirForTest('ingest-expand-');
    await mkdir(path.join(dir, 'in/sub'), { recursive: true });
    await mkdir(path.join(dir, 'in/other'));
    await writeFile(path.join(dir, 'in/sub/page.html'), '<html></html>');
    await writeFile(path.join(dir, 'in/other/meta.json'), '{}');
    await symlink('../other/meta.json', path.join(dir, 'in/sub/page.json'));
    for (const inputs of [
      ['in/sub/page.html', 'in'],
      ['in', 'in/sub/page.html'],
      ['in/sub/page.html'],
      ['in/**/*.html'],
      ['in'],
    ]) {
      const shown = inputs.join(' ');
      const { files, warnings, skipped } = await expandInputs(inputs, { cwd: dir });
      // (A walk of `in` takes `in/other/meta.json` as a page too.)
      expect(
        files.filter((f) => f.source.endsWith('.html')).map((f) => [f.source, f.sidecars]),
        shown,
      ).toEqual([['in/sub/page.html', []]]);
      expect(
        warnings.map((w) => [w.source, w.message]),
        shown,
      ).toEqual([['in/sub/page.json', expect.stringMatching(/other\/meta\.json, outside in\/sub: skipped/)]]);
      expect(skipped, shown).toContain('in/sub/page.json');
      const followed = await expandInputs(inputs, { cwd: dir, followSymlinks: true });
      expect(
        followed.files.filter((f) => f.source.endsWith('.html')).map((f) => f.sidecars),
        shown,
      ).toEqual([[path.join(dir, 'in/sub/page.json')]]);
    }
  });

  it('expands globs relative to their static prefix, and lists each file once', async () => {
    const cwd = await tree();
    const { files } = await expandInputs(['pages/**/*.htm*', 'pages/b.html'], { cwd });
    expect(files.map((f) => f.relative)).toEqual(['b.html', 'saved.html', 'sub/c.htm']);
  });

  it('reports a missing path, an empty pattern and a directory loop, and goes on', async () => {
    const cwd = await tree();
    await symlink(path.join(cwd, 'pages'), path.join(cwd, 'pages/sub/loop'));
    const { files, failures } = await expandInputs(['missing.html', 'nothing/*.html', 'pages'], { cwd });
    expect(files).toHaveLength(4);
    expect(failures.map((f) => [f.source, f.error.code])).toEqual([
      ['missing.html', 'ingest.not-found'],
      ['nothing/*.html', 'ingest.not-found'],
      ['pages/sub/loop', 'ingest.directory-loop'],
    ]);
    expect(failures[2]!.error.message).toMatch(/directory loop/);
  });
  it('fails a file whose name is not valid UTF-8 with that cause, and walks on (where the file system allows such names)', async () => {
    const dir = tempDirForTest('ingest-expand-');
    await mkdir(path.join(dir, 'pages'));
    await writeFile(path.join(dir, 'pages/ok.html'), '<html></html>');
    await writeFile(path.join(dir, 'pages/caf\u00e9.html'), '<html></html>');
    const latin1Name = Buffer.concat([
      Buffer.from(path.join(dir, 'pages/latin1-')),
      Buffer.from([0xe9, 0xff]),
      Buffer.from('.html'),
    ]);
    try {
      await writeFile(latin1Name, '<html></html>');
    } catch (error) {
      // macOS (APFS) refuses such names: nothing to walk there.
      expect((error as { code?: string }).code).toBe('EILSEQ');
      return;
    }
    // Two names that Node decodes alike (both "caf\uFFFD.html"), and a folder.
    const raw = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
    await writeFile(raw(path.join(dir, 'pages/caf'), [0xe8], '.html'), '<html></html>');
    await writeFile(raw(path.join(dir, 'pages/caf'), [0xe7], '.html'), '<html></html>');
    await mkdir(raw(path.join(dir, 'pages/dir'), [0xff]));
    await writeFile(raw(path.join(dir, 'pages/dir'), [0xff], '/x.html'), '<html></html>');
    const { files, failures } = await expandInputs(['pages'], { cwd: dir });
    expect(files.map((f) => f.source)).toEqual(['pages/caf\u00e9.html', 'pages/ok.html']);
    const message = (what: string, name: string, after = '') =>
      `the ${what} name is not valid UTF-8 (${name}), so it cannot be opened by name${after}: rename it`;
    expect(
      failures.map((f) => [f.source, f.error.code, f.error.message]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual([
      ['pages/caf\\xe7.html', 'ingest.unreadable', message('file', 'caf\\xe7.html')],
      ['pages/caf\\xe8.html', 'ingest.unreadable', message('file', 'caf\\xe8.html')],
      ['pages/dir\\xff', 'ingest.unreadable', message('folder', 'dir\\xff', ' (nothing in it is read)')],
      ['pages/latin1-\\xe9\\xff.html', 'ingest.unreadable', message('file', 'latin1-\\xe9\\xff.html')],
    ]);

    // Given by name (a shell passes the bytes; Node decodes them with U+FFFD): not "no such file".
    const given = await expandInputs(
      ['pages/latin1-\uFFFD\uFFFD.html', 'pages/caf\uFFFD.html', 'pages/none\uFFFD.html'],
      {
        cwd: dir,
      },
    );
    expect(given.failures.map((f) => [f.source, f.error.code, f.error.message])).toEqual([
      [
        'pages/latin1-\uFFFD\uFFFD.html',
        'ingest.unreadable',
        'the name is not valid UTF-8 (latin1-\\xe9\\xff.html), so it cannot be opened by the name Node was given: rename it',
      ],
      [
        'pages/caf\uFFFD.html',
        'ingest.unreadable',
        expect.stringMatching(
          /^the name is not valid UTF-8 \(caf\\x(e7|e8)\.html or caf\\x(e7|e8)\.html\), so it cannot/,
        ),
      ],
      ['pages/none\uFFFD.html', 'ingest.not-found', 'no such file or directory'],
    ]);
  });
});
