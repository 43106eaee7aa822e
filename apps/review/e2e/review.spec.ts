import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { cliJson, screenshot, servedFixtureCorpus, watchForExecution } from './helpers.js';

const served = servedFixtureCorpus('review');

/** Leave any text field so single-key shortcuts reach the app. */
async function leaveField(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

const reviewed = (page: Page) => page.getByTestId('reviewed-count');

test('review with the keyboard, restore a removed block, accept, commit, and see the change in the version diff', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  const staged = cliJson<{ pending: number; items: Array<{ id: string }> }>(['status', '--corpus', served.corpus.dir]);
  const total = staged.items.length;
  expect(total).toBeGreaterThanOrEqual(3);

  await page.goto(served.server.url);
  // The token went into an HttpOnly cookie and left the address bar.
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/#?\/?(queue)?/);
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await expect(reviewed(page)).toHaveText(`0 of ${total} reviewed`);
  await expect(page.getByTestId('doc-title')).toBeVisible();
  await screenshot(page, 'queue');

  // A near duplicate compares with the document it duplicates, word by word.
  await page.getByLabel('Filter by title or id').fill('Regroups');
  await leaveField(page);
  const finding = page.getByTestId('finding').first();
  await expect(finding).toContainText('Near duplicate');
  await finding.getByRole('button', { name: 'Compare side by side' }).click();
  await expect(finding.getByTestId('diff-body')).toContainText('Al Qaeda');
  await screenshot(page, 'queue-duplicate-compare');
  await finding.getByRole('button', { name: 'Hide comparison' }).click();

  // Typing in the filter must not trigger shortcuts ("Jihadists" holds j, a and s).
  await page.getByLabel('Filter by title or id').fill('Jihadists');
  await expect(page.getByTestId('doc-title')).toHaveText('Afghanistan: Jihadists celebrate Taliban victory');
  await expect(reviewed(page)).toHaveText(`0 of ${total} reviewed`);
  await expect(page.getByTestId('doc-state')).toHaveText('pending');
  await leaveField(page);

  // An update shows what it changes in the corpus version, word by word.
  await page.getByTestId('changes-tab').click();
  await expect(page.getByTestId('diff-body')).toContainText('Since this article was first published');
  await expect(page.getByTestId('diff-body').locator('ins.seg-ins').first()).toBeVisible();
  await screenshot(page, 'queue-changes-since-corpus');
  await page.getByRole('tab', { name: 'Cleaned text' }).click();

  // Removed blocks sit in place, collapsed; `e` expands them all.
  const removed = page.getByTestId('removed-block');
  expect(await removed.count()).toBeGreaterThan(0);
  await page.keyboard.press('e');
  const firstText = (await removed.first().locator('.removed-text').textContent())!.trim();
  expect(firstText.length).toBeGreaterThan(0);
  await screenshot(page, 'queue-removed-blocks');

  // Restore one block into the text, undo it with `u`, restore it again.
  const paragraphs = page.getByTestId('doc-text').locator('p');
  const before = await paragraphs.count();
  await removed.first().getByTestId('restore').click();
  await expect(paragraphs).toHaveCount(before + 1);
  await expect(paragraphs.filter({ hasText: firstText })).toHaveCount(1);
  await page.keyboard.press('u');
  await expect(paragraphs).toHaveCount(before);
  await removed.first().getByTestId('restore').click();
  await expect(paragraphs).toHaveCount(before + 1);

  // Accept with `a`.
  await page.keyboard.press('a');
  await expect(page.getByTestId('doc-state')).toHaveText('accepted');
  await expect(reviewed(page)).toHaveText(`1 of ${total} reviewed`);
  const bbc = cliJson<{ items: Array<{ id: string; state: string }> }>([
    'status',
    '--corpus',
    served.corpus.dir,
  ]).items.find((item) => item.id === 'https://www.bbc.co.uk/news/world-asia-58290318');
  expect(bbc?.state).toBe('accepted');

  // Back to the whole pending queue: j moves, r rejects with a note, u undoes it, s skips.
  await page.getByLabel('Filter by title or id').fill('');
  await leaveField(page);
  // Wait for the pending list to replace the filtered one: until then `j` has nowhere to go, the
  // accepted document stays current, and `r` would reject it instead of a pending document.
  await expect(page.getByText(`${total - 1} shown`, { exact: true })).toBeVisible();
  await page.keyboard.press('j');
  const target = await page.getByTestId('doc-title').textContent();
  await page.keyboard.press('r');
  await expect(page.locator('#reject-note')).toBeFocused();
  await page.keyboard.type('all boilerplate, sadly');
  await page.keyboard.press('Enter');
  await expect(reviewed(page)).toHaveText(`2 of ${total} reviewed`);
  await page.keyboard.press('u');
  await expect(reviewed(page)).toHaveText(`1 of ${total} reviewed`);
  await expect(page.getByTestId('doc-title')).toHaveText(target!);
  await expect(page.getByTestId('doc-state')).toHaveText('pending');
  await page.keyboard.press('s');
  await page.keyboard.press('k');

  // Help.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await screenshot(page, 'help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Bulk accept of the filtered selection, with confirmation, then undo, then again.
  await page.getByTestId('bulk-accept').click();
  const confirm = page.getByRole('dialog', { name: 'Accept the filtered documents?' });
  await expect(confirm).toBeVisible();
  await screenshot(page, 'bulk-accept-confirm');
  await confirm.getByTestId('bulk-confirm').click();
  await expect(reviewed(page)).toHaveText(`${total} of ${total} reviewed`);
  await page.keyboard.press('u');
  await expect(reviewed(page)).toHaveText(`1 of ${total} reviewed`);
  await page.getByTestId('bulk-accept').click();
  await page.getByTestId('bulk-confirm').click();
  await expect(reviewed(page)).toHaveText(`${total} of ${total} reviewed`);

  // Commit from the app.
  await page.getByTestId('commit-open').click();
  const commit = page.getByRole('dialog');
  await commit.getByLabel('Message').fill('later editions');
  await commit.getByLabel('Tag (optional)').fill('v2');
  await commit.getByRole('button', { name: 'Commit' }).click();
  await expect(page.getByTestId('log')).toBeVisible();
  await expect(page.getByTestId('log')).toContainText('later editions');
  await expect(page.getByTestId('log')).toContainText('v1');
  await screenshot(page, 'versions');
  const log = cliJson<Array<{ message: string }> | { versions: Array<{ message: string }> }>([
    'log',
    '--corpus',
    served.corpus.dir,
  ]);
  expect(JSON.stringify(log)).toContain('later editions');

  // Compare v1 with v2 and open the edited article.
  await page.getByTestId('compare').click();
  await expect(page.getByTestId('diff-counts')).toContainText(/modified [1-9]/);
  await page.getByTestId('diff-row').filter({ hasText: 'world-asia-58290318' }).first().click();
  await expect(page.getByTestId('diff-title')).toHaveText('Afghanistan: Jihadists celebrate Taliban victory');
  const inserted = page.getByTestId('diff-body').locator('ins.seg-ins');
  await expect(inserted.first()).toBeVisible();
  await expect(page.getByTestId('diff-body')).toContainText('Since this article was first published');
  await screenshot(page, 'diff-side-by-side');
  await page.getByRole('button', { name: 'Inline' }).click();
  await expect(inserted.first()).toBeVisible();
  await screenshot(page, 'diff-inline');

  // Unchanged paragraphs are collapsed and expand on demand.
  const expand = page.getByTestId('expand').first();
  if (await expand.isVisible()) {
    const rows = await page.getByTestId('diff-body').locator('.op').count();
    await expand.click();
    expect(await page.getByTestId('diff-body').locator('.op').count()).toBeGreaterThan(rows);
  }
  expect(watch.problems).toEqual([]);
});

test('the app refuses requests without its token', async ({ page, request }) => {
  const base = served.server.origin;
  const bare = await request.get(`${base}/`);
  expect(bare.status()).toBe(401);
  expect((await request.get(`${base}/api/queue`)).status()).toBe(401);
  const page401 = await page.goto(`${base}/`);
  expect(page401?.status()).toBe(401);
  const ok = await page.goto(served.server.url);
  const headers = ok!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  // From the page's own origin with the cookie, a write from another origin is still refused.
  const crossOrigin = await request.post(`${base}/api/decisions`, {
    headers: {
      origin: 'http://evil.example',
      'content-type': 'application/json',
      authorization: `Bearer ${served.server.token}`,
    },
    data: { action: 'accept', ids: ['https://www.bbc.co.uk/news/world-asia-58290318'] },
  });
  expect(crossOrigin.status()).toBe(403);
});
