import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { tempDirForTest } from '@corpuskit/testkit/per-test';
import { describe, expect, it } from 'vitest';

import { originHints, readOrigin } from './origin.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('originHints', () => {
  it("reads the browser's saved-from comment", () => {
    const hints = originHints(
      utf8('<!DOCTYPE html>\n<!-- saved from url=(0030)https://example.com/a/b?x=1 -->\n<html>'),
    );
    expect(hints).toMatchObject({ url: 'https://example.com/a/b?x=1', urlSource: 'saved-from', fetchedAt: null });
  });

  it("reads SingleFile's header: url and saved date", () => {
    const page = `<!DOCTYPE html> <html lang="en"><!--
 Page saved with SingleFile 
 url: https://news.example/story?utm_source=x 
 saved date: Wed Sep 01 2021 08:12:44 GMT+0100 (British Summer Time)
--><head></head></html>`;
    expect(originHints(utf8(page))).toMatchObject({
      url: 'https://news.example/story?utm_source=x',
      urlSource: 'singlefile',
      fetchedAt: '2021-09-01T07:12:44.000Z',
    });
  });

  it('reads <link rel=canonical>, then og:url, canonicalised, from the head only', () => {
    const canonical = originHints(
      utf8(
        '<head><meta property="og:url" content="https://a.example/og"><link href="HTTPS://A.example/x/?utm_medium=e&amp;b=2" rel="canonical"></head>',
      ),
    );
    expect(canonical.declaredCanonical).toBe('https://a.example/x?b=2');
    expect(
      originHints(utf8('<head><meta property="og:url" content="https://a.example/og/"></head>')).declaredCanonical,
    ).toBe('https://a.example/og');
    expect(
      originHints(utf8('<head></head><body><link rel="canonical" href="https://a.example/late"></body>'))
        .declaredCanonical,
    ).toBeNull();
  });
});

describe('readOrigin', () => {
  it('prefers a JSON sidecar beside the page and normalises its headers', async () => {
    const dir = tempDirForTest('ingest-origin-');
    const page = path.join(dir, 'page.html');
    const bytes = utf8('<!-- saved from url=(0023)https://other.example/ --><html></html>');
    await writeFile(page, bytes);
    await writeFile(
      `${page}.json`,
      JSON.stringify({
        url: 'https://site.example/p',
        fetchedAt: '2021-09-23T08:04:51Z',
        headers: { 'Content-Type': 'text/html; charset=windows-1252' },
      }),
    );
    expect(await readOrigin(page, bytes)).toEqual({
      url: 'https://site.example/p',
      urlSource: 'sidecar',
      fetchedAt: '2021-09-23T08:04:51.000Z',
      headers: { 'content-type': 'text/html; charset=windows-1252' },
      sidecar: `${page}.json`,
      declaredCanonical: null,
    });
  });

  it('refuses a sidecar that is not a regular file without waiting on it, naming it', async () => {
    const dir = tempDirForTest('ingest-origin-');
    const page = path.join(dir, 'page.html');
    await writeFile(page, '<html></html>');
    const pipe = path.join(dir, 'page.json');
    execFileSync('mkfifo', [pipe]);
    try {
      const read = readOrigin(page, utf8('<html></html>'));
      const timeout = new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000));
      await expect(Promise.race([read, timeout])).rejects.toMatchObject({
        code: 'ingest.bad-sidecar',
        subject: pipe,
        message: 'the sidecar page.json is a named pipe (FIFO), not a regular file: refused',
      });
    } finally {
      // A read left waiting on the pipe (without the fix) is let go: a writer opens it and closes.
      try {
        closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader waiting: nothing to let go.
      }
    }
  });

  it('names a malformed sidecar and the cause', async () => {
    const dir = tempDirForTest('ingest-origin-');
    const page = path.join(dir, 'page.html');
    await writeFile(page, '<html></html>');
    await writeFile(path.join(dir, 'page.json'), '{ "url": ');
    await expect(readOrigin(page, utf8('<html></html>'))).rejects.toMatchObject({
      code: 'ingest.bad-sidecar',
      subject: path.join(dir, 'page.json'),
      message: expect.stringMatching(/not valid JSON/),
    });
  });
});
