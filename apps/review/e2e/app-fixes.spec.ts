import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

import type { QueueDetail } from '../server/api-types.js';
import { cliJson, screenshot, servedFixtureCorpus, watchForExecution } from './helpers.js';

const served = servedFixtureCorpus('app-fixes');

const BBC = 'https://www.bbc.co.uk/news/world-asia-58290318';

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, String(locator)).not.toBeNull();
  return found!;
}

/** The document's text pane as a sequence: R for a removed block, P for a kept paragraph. */
function textSequence(page: Page): Promise<string> {
  return page.getByTestId('doc-text').evaluate((element) =>
    Array.from(element.children)
      .map((child) => (child.matches('[data-testid=removed-block]') ? 'R' : child.tagName === 'P' ? 'P' : ''))
      .join(''),
  );
}

test('removed blocks stand in their place among the kept paragraphs, and the sticky bar covers nothing', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  await page.goto(served.server.url);
  await page.goto(`${served.server.origin}/#/queue/${encodeURIComponent(BBC)}`);
  await expect(page.getByTestId('doc-title')).toHaveText('Afghanistan: Jihadists celebrate Taliban victory');

  // What the server says about positions, and what the page shows.
  const detail = await page.evaluate(
    async (id) => (await (await fetch(`/api/queue/item?id=${encodeURIComponent(id)}`)).json()) as QueueDetail,
    BBC,
  );
  expect(detail.removed.length).toBeGreaterThan(5);
  let expected = '';
  for (let i = 0; i <= detail.blocks.length; i += 1) {
    expected += 'R'.repeat(detail.removed.filter((removal) => removal.position === i).length);
    if (i < detail.blocks.length) expected += 'P';
  }
  expect(await textSequence(page)).toBe(expected);
  // In place, not heaped after the last paragraph: most removed blocks stand before some kept text.
  const beforeText = expected
    .replace(/R+$/, '')
    .split('')
    .filter((mark) => mark === 'R').length;
  expect(beforeText).toBeGreaterThan(detail.removed.length / 2);
  await screenshot(page, 'removed-blocks-in-place');

  // The changes tab scrolls the diff up to the sticky action bar, not under it.
  await page.getByTestId('changes-tab').click();
  await expect(page.getByTestId('diff-body')).toContainText('Since this article was first published');
  const bar = await box(page.locator('.actionbar'));
  const tabs = await box(page.getByRole('tablist'));
  const head = await box(page.locator('.doc-diff-head'));
  expect(await page.locator('.queue-detail').evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  expect(tabs.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  expect(head.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  // And scrolling on, the bar's box never lies over the diff's text rows while they are below it.
  const firstRow = await box(page.locator('.op-row').first());
  expect(firstRow.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  await screenshot(page, 'changes-below-sticky-bar');

  // Back to the text, long enough to scroll the tabs right up to the bar: they stop below it.
  await page.getByRole('tab', { name: 'Cleaned text' }).click();
  await expect(page.getByTestId('doc-text')).toBeVisible();
  await expect.poll(async () => (await box(page.getByRole('tablist'))).y).toBeLessThan(bar.y + bar.height + 40);
  const textTabs = await box(page.getByRole('tablist'));
  expect(textTabs.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  const firstBlock = await box(page.getByTestId('doc-text').locator('> *').first());
  expect(firstBlock.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  expect(watch.problems).toEqual([]);
});

test('the bulk-accept dialog names the findings it takes, the commit dialog lists what it commits', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  const staged = cliJson<{ items: Array<{ id: string; title: string | null; flags: string[] }> }>([
    'status',
    '--corpus',
    served.corpus.dir,
  ]);
  const near = staged.items.filter((item) => item.flags.includes('near-duplicate')).length;
  const revisions = staged.items.filter((item) => item.flags.includes('revision')).length;
  expect(near).toBeGreaterThan(0);

  await page.goto(served.server.url);
  await expect(page.getByTestId('queue-total')).toHaveText(`${staged.items.length} shown`);
  await page.getByTestId('bulk-accept').click();
  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toContainText(`accepts the ${staged.items.length} pending documents`);
  const findings = page.getByTestId('bulk-findings');
  await expect(findings).toContainText(`${near} near-duplicate${near === 1 ? '' : 's'}`);
  if (revisions > 0) await expect(findings).toContainText(`${revisions} revision${revisions === 1 ? '' : 's'}`);
  await screenshot(page, 'bulk-accept-dialog');
  await page.getByTestId('bulk-confirm').click();
  await expect(page.getByTestId('reviewed-count')).toHaveText(
    `${staged.items.length} of ${staged.items.length} reviewed`,
  );

  await page.getByTestId('commit-open').click();
  const list = page.getByTestId('commit-list');
  await expect(page.getByTestId('commit-item')).toHaveCount(staged.items.length);
  for (const item of staged.items) {
    await expect(list).toContainText(item.id);
    if (item.title) await expect(list).toContainText(item.title);
  }
  await expect(page.getByTestId('commit-counts')).toContainText(/\d+ new|\d+ update/);
  await expect(page.getByTestId('commit-counts')).toContainText(`${near} near-duplicate`);
  // The list scrolls inside the dialog rather than pushing the buttons away.
  expect(await list.evaluate((element) => getComputedStyle(element).overflowY)).toBe('auto');
  const dialog = await box(page.locator('dialog.modal'));
  expect(dialog.y + dialog.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  await screenshot(page, 'commit-dialog');
  await page.getByLabel('Message').fill('second crawl');
  await page.getByRole('button', { name: 'Commit', exact: true }).click();
  await expect(page).toHaveURL(/#\/versions/);
  expect(watch.problems).toEqual([]);
});

test('the last row of the version-diff list is fully visible when scrolled to the end', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 330 });
  await page.goto(served.server.url);
  await page.goto(`${served.server.origin}/#/diff/v1/HEAD`);
  const rows = page.getByTestId('diff-row');
  await expect(rows.first()).not.toHaveText('…');
  const list = page.getByTestId('diff-list');
  // The window is small enough that the list scrolls.
  expect(await list.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await page.waitForTimeout(200);
  const last = rows.last();
  const listBox = await list.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.top + element.clientHeight };
  });
  const lastBox = await box(last);
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(listBox.bottom + 0.5);
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(page.viewportSize()!.height + 1);
  // Its two lines fit in the row: nothing is cut off inside it either.
  const meta = await box(last.locator('.row-meta'));
  expect(meta.y + meta.height).toBeLessThanOrEqual(lastBox.y + lastBox.height + 0.5);
  await screenshot(page, 'version-diff-last-row');
});
