import { fileURLToPath } from 'node:url';

import { expect, test } from '@playwright/test';

import { cli, screenshot, serve, tempDir, watchForExecution } from './helpers.js';
import type { Served } from './helpers.js';

const ID = 'https://harbour.example/news/ferry-terminal-future';
const FIRST = fileURLToPath(new URL('./fixtures/moves/first/', import.meta.url));
const SECOND = fileURLToPath(new URL('./fixtures/moves/second/', import.meta.url));

let corpus: ReturnType<typeof tempDir>;
let server: Served;

test.beforeAll(async () => {
  corpus = tempDir('moves');
  cli(['init', corpus.dir]);
  cli(['ingest', FIRST, '--corpus', corpus.dir, '--quiet']);
  cli(['accept', '--all', '--corpus', corpus.dir]);
  cli(['commit', '-m', 'first edition', '--tag', 'first', '--corpus', corpus.dir]);
  cli(['ingest', SECOND, '--corpus', corpus.dir, '--quiet']);
  cli(['accept', '--all', '--corpus', corpus.dir]);
  cli(['commit', '-m', 'second edition', '--tag', 'second', '--corpus', corpus.dir]);
  server = await serve(corpus.dir);
});

test.afterAll(async () => {
  await server.stop();
  corpus.remove();
});

test('a moved paragraph is linked between its old and new places, and word edits are highlighted', async ({ page }) => {
  const watch = watchForExecution(page);
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/versions`);
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('diff-counts')).toContainText('modified 1');
  // j selects the first loaded row: wait for the list's first page as a person would.
  await expect(page.getByTestId('diff-row').first()).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByTestId('diff-title')).toHaveText('Council weighs three plans for the old ferry terminal');
  await expect(page.locator('.doc-diff-head .doc-id')).toHaveText(ID);

  const body = page.getByTestId('diff-body');
  await expect(body.locator('ins.seg-ins').filter({ hasText: 'early' })).toHaveCount(1);
  const source = body.getByTestId('move-source');
  const target = body.getByTestId('move-target');
  await expect(source).toHaveCount(1);
  await expect(target).toHaveCount(1);
  await expect(source).toContainText('moved to ¶2');
  await expect(target).toContainText('moved from ¶5');
  await screenshot(page, 'diff-moves');

  await source.click();
  await expect(body.locator('.target-flash')).toContainText('boat builders');
  await target.click();
  await expect(body.locator('.target-flash')).toContainText('moved to ¶2');
  expect(watch.problems).toEqual([]);
});
