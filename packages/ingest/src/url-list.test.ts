import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { deepestCommonFolder } from './common-folder.js';
import { readUrlList } from './url-list.js';

describe('URL lists', () => {
  it('reads CSV (quoted fields, optional fetched_at) and JSON Lines, paths relative to the list', async () => {
    const dir = tempDirForTest('ingest-urls-');
    await writeFile(
      path.join(dir, 'urls.csv'),
      'Path,URL,fetched_at\r\n"a, b.html",https://example.com/a,2026-01-02T03:04:05Z\r\nsub/c.html,https://example.com/c,\r\n',
    );
    const csv = await readUrlList('urls.csv', dir);
    expect([...csv]).toEqual([
      [path.join(dir, 'a, b.html'), { url: 'https://example.com/a', fetchedAt: '2026-01-02T03:04:05.000Z' }],
      [path.join(dir, 'sub/c.html'), { url: 'https://example.com/c', fetchedAt: null }],
    ]);
    await writeFile(
      path.join(dir, 'urls.jsonl'),
      '{"path":"a.html","url":"https://example.com/a","fetchedAt":"2026-01-02"}\n\n{"path":"/abs/b.html","url":null}\n',
    );
    const jsonl = await readUrlList(path.join(dir, 'urls.jsonl'), '/');
    expect([...jsonl]).toEqual([
      [path.join(dir, 'a.html'), { url: 'https://example.com/a', fetchedAt: '2026-01-02T00:00:00.000Z' }],
      ['/abs/b.html', { url: null, fetchedAt: null }],
    ]);
  });

  it('names the list and the line of a bad row', async () => {
    const dir = tempDirForTest('ingest-urls-');
    await writeFile(path.join(dir, 'bad.csv'), 'path,url\na.html,https://example.com/a\nb.html,ftp://x\n');
    await expect(readUrlList('bad.csv', dir)).rejects.toMatchObject({
      code: 'ingest.bad-url-list',
      subject: 'bad.csv',
      message: expect.stringMatching(/^line 3: "url" is not an http\(s\) URL/),
    });
    await writeFile(path.join(dir, 'bad.jsonl'), '{"path":"a.html"}\n{"path":\n');
    await expect(readUrlList('bad.jsonl', dir)).rejects.toMatchObject({ message: expect.stringMatching(/^line 2:/) });
    await expect(readUrlList('missing.csv', dir)).rejects.toMatchObject({ code: 'ingest.bad-url-list' });
  });
});

describe('deepestCommonFolder', () => {
  it('is the folder every file is under', () => {
    expect(deepestCommonFolder(['/d/a/source.html', '/d/b/source.html'])).toBe('/d');
    expect(deepestCommonFolder(['/d/a/x.html'])).toBe('/d/a');
    expect(deepestCommonFolder(['/d/a/x.html', '/e/y.html'])).toBe('/');
    expect(deepestCommonFolder(['/d/ab/x.html', '/d/a/y.html'])).toBe('/d');
  });
});
