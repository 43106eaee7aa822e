import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { cli, cliJson, screenshot, servedFixtureCorpus, watchForExecution } from './helpers.js';

/*
 * Issue 14's app fixes not covered elsewhere, in real Chromium against `corpuskit serve`: a
 * decided removal is undone in the app (it was refused with 409), a canonical-URL conflict is
 * labelled as one (not as a revision), and a commit made in the app records the reviewer as
 * the version's author (it recorded none).
 */

const served = servedFixtureCorpus('decided');

const RUSI =
  'https://rusi.org/explore-our-research/publications/commentary/afghanistan-safe-haven-global-jihadism-once-more';
const PIER = 'https://pier.example/harbour-pier';

interface StatusJson {
  items: Array<{ id: string; change: string; state: string; flags: string[] }>;
}

const status = () => cliJson<StatusJson>(['status', '--corpus', served.corpus.dir]);

/** A small article page claiming `canonical`, each paragraph `sentence` with its number. */
function articleHtml(title: string, canonical: string, sentence: string): string {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${sentence} (part ${i + 1} of six).</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="${canonical}"></head><body><article><h1>${title}</h1>
${paragraphs}
</article></body></html>`;
}

async function open(page: Page, filter: string, title: string | RegExp): Promise<void> {
  await page.getByLabel('Filter by title or id').fill(filter);
  await expect(page.getByTestId('doc-title')).toHaveText(title);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('a decided removal is undone in the app: the entry is pending again', async ({ page }) => {
  const watch = watchForExecution(page);
  cli(['remove', RUSI, '--corpus', served.corpus.dir]);
  expect(status().items.find((item) => item.id === RUSI)).toMatchObject({ change: 'remove', state: 'pending' });

  await page.goto(served.server.url);
  await open(page, 'rusi.org', /safe haven/i);
  await page.keyboard.press('a');
  await expect(page.getByTestId('doc-state')).toHaveText('accepted');
  expect(status().items.find((item) => item.id === RUSI)?.state).toBe('accepted');

  await page.keyboard.press('u');
  await expect(page.getByTestId('doc-state')).toHaveText('pending');
  expect(status().items.find((item) => item.id === RUSI)).toMatchObject({ change: 'remove', state: 'pending' });
  await screenshot(page, 'removal-undone');
  expect(watch.problems).toEqual([]);
  // Leave the fixture as it was for the next tests.
  cli(['unstage', RUSI, '--corpus', served.corpus.dir]);
});

test('a page claiming the canonical URL of another document is labelled a canonical-URL conflict', async ({ page }) => {
  const watch = watchForExecution(page);
  const dir = served.corpus.dir;
  mkdirSync(join(dir, 'pier-first'));
  mkdirSync(join(dir, 'pier-other'));
  writeFileSync(
    join(dir, 'pier-first/pier.html'),
    articleHtml(
      'Harbour pier opens',
      PIER,
      'The new harbour pier opened on Saturday after two years of building work and a long dispute over its cost',
    ),
  );
  cli(['ingest', join(dir, 'pier-first'), '--corpus', dir, '--quiet']);
  cli(['accept', PIER, '--corpus', dir]);
  cli(['commit', '-m', 'the pier', '--corpus', dir]);
  writeFileSync(
    join(dir, 'pier-other/budget.html'),
    articleHtml(
      'Council budget approved',
      PIER,
      'Councillors voted late on Tuesday to approve a budget that cuts library hours and raises parking fees',
    ),
  );
  cli(['ingest', join(dir, 'pier-other'), '--corpus', dir, '--quiet']);
  const entry = status().items.find((item) => item.id === PIER)!;
  expect(entry.flags).toContain('canonical-conflict');

  await page.goto(served.server.url);
  await open(page, 'pier.example', 'Council budget approved');
  const finding = page.getByTestId('finding').filter({ hasText: 'canonical URL' });
  await expect(finding.locator('.finding-head strong')).toHaveText('Claims the canonical URL of another document');
  // The revision finding dedup also gives stays a revision; the conflict is its own card.
  await expect(page.getByTestId('finding').locator('.finding-head strong')).toHaveText([
    'Revision',
    'Claims the canonical URL of another document',
  ]);
  // The queue row names the conflict, not the revision listed before it.
  await expect(page.getByRole('option', { name: /Council budget approved/ }).getByTestId('row-finding')).toHaveText(
    'canonical conflict',
  );
  await finding.scrollIntoViewIfNeeded();
  await screenshot(page, 'canonical-conflict');
  expect(watch.problems).toEqual([]);
  cli(['unstage', PIER, '--corpus', dir]);
});

test("a commit made in the app records the app's reviewer as the version's author", async ({ page }) => {
  const watch = watchForExecution(page);
  await page.goto(served.server.url);
  const reviewer = page.getByTestId('reviewer-name');
  await reviewer.fill('Pat Playwright');
  await reviewer.press('Enter');
  await open(page, 'Jihadists', 'Afghanistan: Jihadists celebrate Taliban victory');
  await page.keyboard.press('a');
  await expect(page.getByTestId('doc-state')).toHaveText('accepted');

  await page.getByTestId('commit-open').click();
  await expect(page.getByTestId('commit-item')).toHaveCount(1);
  await page.getByLabel('Message').fill('the BBC edit');
  await page.getByRole('button', { name: 'Commit', exact: true }).click();
  await expect(page).toHaveURL(/#\/versions/);

  const log = cliJson<{ versions: Array<{ id: string; message: string; author: string | null }> }>([
    'log',
    '--corpus',
    served.corpus.dir,
  ]);
  expect(log.versions[0]).toMatchObject({ message: 'the BBC edit', author: 'Pat Playwright' });
  const row = page.getByTestId('log').locator('tr').filter({ hasText: 'the BBC edit' });
  await expect(row.getByTestId('version-author')).toHaveText('· by Pat Playwright');
  await screenshot(page, 'commit-author');
  expect(watch.problems).toEqual([]);
});
