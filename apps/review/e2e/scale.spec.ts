import { expect, test } from '@playwright/test';

import { screenshot, serve, tempDir, watchForExecution } from './helpers.js';
import type { Served } from './helpers.js';
import { BIG_ID, articleId, buildScaleCorpus } from './scale-corpus.js';

const COUNT = 10_000;

let corpus: ReturnType<typeof tempDir>;
let server: Served;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  corpus = tempDir('scale');
  await buildScaleCorpus(corpus.dir, COUNT);
  server = await serve(corpus.dir);
});

test.afterAll(async () => {
  await server.stop();
  corpus.remove();
});

test('a 10,000-document version diff renders only what is on screen and loads pages as they scroll in', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/diff/v1/v2`);
  await expect(page.getByTestId('diff-counts')).toContainText(`modified ${COUNT + 1}`);
  await expect(page.locator('.diff-summary')).toContainText(`${(COUNT + 1).toLocaleString('en-US')} documents`);
  const rows = page.getByTestId('diff-row');
  await expect(rows.first()).not.toHaveText('…');
  expect(await rows.count()).toBeLessThan(60);
  await screenshot(page, 'scale-version-diff');

  // Scroll to the end: the last page is fetched on demand and its rows appear.
  const list = page.getByTestId('diff-list');
  await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const lastId = Array.from({ length: COUNT }, (_, i) => articleId(i))
    .sort()
    .at(-1)!;
  await expect(rows.filter({ hasText: lastId })).toHaveCount(1);
  expect(await rows.count()).toBeLessThan(60);

  // Filters narrow the list on the server: one site.
  await page.getByLabel('Site').selectOption('site3.example');
  await expect(page.locator('.diff-summary')).toContainText(/1,42\d documents/);
  expect(watch.problems).toEqual([]);
});

test('a 200 KB document diff is virtualised: collapsed runs expand, and the whole text stays reachable', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/diff/v1/v2/${encodeURIComponent(BIG_ID)}`);
  await expect(page.getByTestId('diff-title')).toHaveText('The whole history of the harbour');
  const body = page.getByTestId('diff-body');
  await expect(body.locator('ins.seg-ins').first()).toBeVisible();
  expect(await body.locator('.op-row').count()).toBeLessThan(80);
  await screenshot(page, 'scale-document-diff');

  // The moved paragraph links to its old place, far away in the virtual list.
  const target = body.getByTestId('move-target');
  await expect(target).toHaveCount(1);
  await target.click();
  await expect(body.locator('.target-flash')).toContainText('Paragraph 701 of the long read');

  // Expanding every unchanged run keeps the list virtual, and the end stays reachable.
  await page.getByTestId('expand-all').click();
  await body.evaluate((element) => element.scrollTo(0, 0));
  await expect(body.locator('.op-row').first()).toBeVisible();
  expect(await body.locator('.op-row').count()).toBeLessThan(80);
  await body.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(body).toContainText('A closing paragraph added in the second edition');
  expect(await body.locator('.op-row').count()).toBeLessThan(80);
  expect(watch.problems).toEqual([]);
});

test('a queue of 10,000 pending documents is a virtual list', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('reviewed-count')).toHaveText(`0 of ${COUNT.toLocaleString('en-US')} reviewed`, {
    timeout: 60_000,
  });
  const rows = page.locator('.queue-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  // Sorted by id: site0's articles 0, 7, 14 come first.
  await expect(page.locator('.queue-row.current')).toContainText('Article 14');
  await screenshot(page, 'scale-queue');
});
