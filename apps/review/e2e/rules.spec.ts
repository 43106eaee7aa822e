import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { cli, cliJson, screenshot, serve, tempDir, watchForExecution } from './helpers.js';
import type { Served } from './helpers.js';

const SENTENCE =
  'The harbour board met on Tuesday to agree the plans for the new ferry terminal on the east side of the bay, and to set the fares for the first summer';
const SHARE = 'Spread the word about this story';

/** An article whose share box the rule pack removes (the block the reviewer wants kept on one site). */
function page(url: string, title: string): string {
  const body = Array.from(
    { length: 6 },
    (_, i) => `<p>${title} paragraph ${i + 1}: ${SENTENCE}, number ${i * 3 + 1}.</p>`,
  );
  body.splice(3, 0, `<div class="sharedaddy"><p>${SHARE}</p></div>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="${url}"></head>
<body><article><h1>${title}</h1>${body.join('\n')}</article></body></html>`;
}

let corpus: ReturnType<typeof tempDir>;
let server: Served;

test.beforeAll(() => {
  corpus = tempDir('rules');
  const first = join(corpus.dir, 'first');
  const later = join(corpus.dir, 'later');
  mkdirSync(first);
  mkdirSync(later);
  writeFileSync(join(first, 'ferry.html'), page('https://harbour.example/ferry', 'Ferry terminal'));
  writeFileSync(join(first, 'quay.html'), page('https://bay.example/quay', 'New quay'));
  writeFileSync(join(later, 'fares.html'), page('https://harbour.example/fares', 'Summer fares'));
  const dir = join(corpus.dir, 'corpus');
  cli(['init', dir]);
  cli(['ingest', first, '--corpus', dir, '--quiet']);
  cli(['accept', '--all', '--corpus', dir]);
  cli(['commit', '-m', 'first', '--corpus', dir]);
  cli(['ingest', later, '--corpus', dir, '--quiet']);
});

test.beforeEach(async () => {
  server = await serve(join(corpus.dir, 'corpus'));
});

test.afterEach(async () => {
  await server.stop();
});

test.afterAll(() => corpus.remove());

test('a removed block becomes a rule for its site: proposal, preview with diffs, saved, re-clean stages the changes', async ({
  page,
}) => {
  const dir = join(corpus.dir, 'corpus');
  const watch = watchForExecution(page);
  await page.goto(server.url);
  await expect(page.getByTestId('doc-title')).toHaveText('Summer fares');
  await expect(page.getByTestId('doc-text')).not.toContainText(SHARE);

  // The share box the rule pack removed, in its place; open it and make a rule from it.
  const block = page.getByTestId('removed-block').filter({ hasText: 'share' }).first();
  await block.getByRole('button', { name: /Removed/ }).click();
  await expect(block.locator('.removed-text')).toHaveText(SHARE);
  await block.getByTestId('make-rule').click();

  const dialog = page.getByTestId('rule-dialog');
  await expect(dialog.getByTestId('rule-site')).toHaveText('harbour.example');
  // A removed block: the proposal keeps it, by the selector of its element.
  await expect(dialog.getByRole('radio', { name: /^keep/ })).toBeChecked();
  await expect(dialog.getByTestId('rule-selector')).toHaveValue('div.sharedaddy');
  await dialog.getByTestId('rule-note').fill('our share box holds the standfirst on this site');
  await screenshot(page, 'rule-proposal');

  // Preview: both harbour.example documents change (one staged, one committed), not bay.example's.
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByTestId('rule-preview-summary')).toContainText(
    '2 documents of 2 on harbour.example would change',
  );
  await expect(dialog.getByTestId('rule-preview-summary')).toContainText('(1 staged, 1 committed)');
  const docs = dialog.getByTestId('rule-preview-doc');
  await expect(docs).toHaveCount(2);
  await docs.filter({ hasText: 'Ferry terminal' }).getByRole('button').first().click();
  await expect(dialog.getByTestId('diff-body')).toContainText(SHARE);
  await expect(dialog.getByTestId('diff-body').locator('ins.seg-ins').first()).toBeVisible();
  await screenshot(page, 'rule-preview');
  // Nothing was written by the preview.
  expect(cliJson<{ rules: unknown[] }>(['rules', 'list', '--corpus', dir]).rules).toEqual([]);

  // Save: the rule is in the corpus's rule file, with its id.
  await dialog.getByTestId('rule-save').click();
  await expect(dialog.getByTestId('rule-saved')).toBeVisible();
  const rules = cliJson<{ rules: Array<{ id: string; site: string; action: string; selector: string; note: string }> }>(
    ['rules', 'list', '--corpus', dir],
  ).rules;
  expect(rules).toEqual([
    expect.objectContaining({
      site: 'harbour.example',
      action: 'keep',
      selector: 'div.sharedaddy',
      note: 'our share box holds the standfirst on this site',
    }),
  ]);
  await expect(dialog.getByTestId('rule-saved')).toContainText(rules[0]!.id);

  // Re-clean the site: the changes are staged for review, the other site is untouched.
  await dialog.getByTestId('rule-reclean').click();
  await expect(dialog.getByTestId('rule-staged')).toContainText('Staged 2 documents of 2 on harbour.example');
  await screenshot(page, 'rule-staged');
  const status = cliJson<{ items: Array<{ id: string; change: string; state: string }> }>(['status', '--corpus', dir]);
  expect(status.items.map((item) => [item.id, item.change, item.state])).toEqual([
    ['https://harbour.example/fares', 'new', 'pending'],
    ['https://harbour.example/ferry', 'update', 'pending'],
  ]);
  await page.getByRole('button', { name: 'Close' }).click();
  // The open document now keeps the block; the re-cleaned committed one is in the queue.
  await expect(page.getByTestId('doc-text')).toContainText(SHARE);
  await expect(page.getByText('Ferry terminal').first()).toBeVisible();
  await screenshot(page, 'rule-queue-after');
  expect(watch.problems).toEqual([]);
});

test('a kept paragraph proposes a text rule to remove it; a bad pattern is refused with its reason', async ({
  page,
}) => {
  await page.goto(server.url);
  await expect(page.getByTestId('doc-title')).toBeVisible();
  const paragraph = page.locator('.kept-block').first();
  await paragraph.hover();
  await paragraph.getByTestId('make-rule-kept').click();
  const dialog = page.getByTestId('rule-dialog');
  await expect(dialog.getByRole('radio', { name: 'remove', exact: true })).toBeChecked();
  await expect(dialog.getByTestId('rule-text')).toHaveValue(/^\^/);
  await dialog.getByTestId('rule-text').fill('(unclosed');
  await dialog.getByTestId('rule-preview').click();
  await expect(dialog.getByTestId('rule-error')).toContainText('not a valid text pattern');
  await expect(dialog.getByTestId('rule-save')).toBeDisabled();
});
