import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { cli, serve, tempDir, watchForExecution } from './helpers.js';

const require = createRequire(import.meta.url);
/** A common Markdown renderer (raw HTML passes through it, as CommonMark says), run in the browser. */
const MARKED = join(dirname(require.resolve('marked/package.json')), 'lib/marked.umd.js');

const FILLER =
  'The harbour authority said the new pier would open next spring after two years of delays, rising costs and a long dispute with the contractor.';

/** Page text that would be live HTML if Markdown output carried it raw. Each payload marks `window.__pwned`. */
const HOSTILE_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pier</title></head><body><article>
<h1>Pier &lt;img src=x onerror="window.__pwned='title'"&gt;</h1>
${Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}. ${FILLER}</p>`).join('\n')}
<p>Quoted markup: &lt;img src=x onerror=window.__pwned='img'//&gt; and &lt;script&gt;window.__pwned='script'&lt;/script&gt;.</p>
<p>&lt;svg onload="window.__pwned='svg'"&gt;&lt;/svg&gt; &lt;iframe srcdoc="&amp;lt;script&amp;gt;parent.__pwned='iframe'&amp;lt;/script&amp;gt;"&gt;&lt;/iframe&gt;</p>
<p>&lt;details open ontoggle="window.__pwned='details'"&gt;x&lt;/details&gt; &amp;lt;b&amp;gt; stays text.</p>
<p>A <a href="javascript:window.__pwned='link'">link that runs</a> and <a href="https://example.com/x&quot;onmouseover=&quot;window.__pwned='attr'">one that breaks out</a>.</p>
<table><tr><td><b onmouseover="window.__pwned='table'">cell</b></td><td>${FILLER}</td></tr></table>
</article></body></html>`;

let work: ReturnType<typeof tempDir>;

test.beforeAll(() => {
  work = tempDir('markdown');
  writeFileSync(join(work.dir, 'hostile.html'), HOSTILE_PAGE);
});

test.afterAll(() => work.remove());

async function renderInChromium(page: Page, markdown: string): Promise<void> {
  // Nothing may leave the machine: every request the rendered page would make is refused.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!DOCTYPE html><html><body><main id="out"></main></body></html>');
  await page.addScriptTag({ path: MARKED });
  await page.evaluate((source) => {
    const { marked } = window as unknown as { marked: { parse: (md: string) => string } };
    document.getElementById('out')!.innerHTML = marked.parse(source);
  }, markdown);
  // Give image errors, loads and toggles their turn; hover every element for handlers that need it.
  // Links are not clicked (that would navigate); the javascript: check is on their href.
  await page.waitForTimeout(500);
  for (const element of await page.locator('#out *').all()) await element.hover({ force: true }).catch(() => {});
  await page.waitForTimeout(200);
}

async function expectNothingRan(page: Page, problems: string[]): Promise<void> {
  const out = page.locator('#out');
  for (const tag of [
    'script',
    'img',
    'svg',
    'iframe',
    'details',
    'table',
    'a[href^="javascript:"]',
    '[onerror]',
    '[onload]',
    '[onmouseover]',
    '[ontoggle]',
  ]) {
    await expect(out.locator(tag), tag).toHaveCount(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(problems).toEqual([]);
  // The words are still there, as text.
  await expect(out).toContainText(`<img src=x onerror=window.__pwned='img'//>`);
  await expect(out).toContainText('&lt;b&gt; stays text.');
}

test('clean --format markdown, rendered by marked in Chromium, runs nothing and shows the markup as text', async ({
  page,
}) => {
  const markdown = cli(['clean', join(work.dir, 'hostile.html'), '--format', 'markdown']);
  expect(markdown).toContain('&lt;img src=x onerror');
  const watch = watchForExecution(page);
  await renderInChromium(page, markdown);
  await expectNothingRan(page, watch.problems);
});

test('the markdown stored in the corpus renders as inert text too', async ({ page }) => {
  const corpus = join(work.dir, 'corpus');
  cli(['init', corpus]);
  cli(['ingest', join(work.dir, 'hostile.html'), '--corpus', corpus, '--quiet']);
  const shown = JSON.parse(cli(['show', 'file:hostile.html', '--corpus', corpus, '--json'])) as {
    document?: { markdown: string };
    record?: { document: { markdown: string } };
  };
  const markdown = shown.document?.markdown ?? shown.record?.document.markdown;
  expect(typeof markdown).toBe('string');
  const watch = watchForExecution(page);
  await renderInChromium(page, markdown!);
  await expectNothingRan(page, watch.problems);
});

test('the review app shows bidi overrides in page text as visible marks', async ({ page }) => {
  const corpus = join(work.dir, 'bidi-corpus');
  const pages = join(work.dir, 'bidi');
  cli(['init', corpus]);
  const paragraphs = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}. ${FILLER}</p>`).join('\n');
  mkdirSync(pages);
  writeFileSync(
    join(pages, 'invoice.html'),
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Invoice</title><link rel="canonical" href="https://bidi.example/invoice"></head><body><article><h1>Invoice</h1>${paragraphs}<p>Open the attachment invoice\u202Efdp.exe before Friday.</p></article></body></html>`,
  );
  cli(['ingest', pages, '--corpus', corpus, '--quiet']);
  const server = await serve(corpus);
  try {
    await page.goto(server.url);
    await page.goto(`${server.origin}/#/queue/${encodeURIComponent('https://bidi.example/invoice')}`);
    const body = page.locator('main');
    await expect(body).toContainText('Open the attachment invoice⟦U+202E RLO⟧fdp.exe before Friday.');
    expect(await body.innerText()).not.toContain('\u202E');
  } finally {
    await server.stop();
  }
});
