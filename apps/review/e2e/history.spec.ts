import { expect, test } from '@playwright/test';

import { cli, cliJson, screenshot, servedFixtureCorpus, watchForExecution } from './helpers.js';

/*
 * The History view of one document, in real Chromium against `corpuskit serve`: the reviewer
 * name set in the app is recorded with the decision made there, the commit keeps it, and the
 * history lists every version with its change, content hash and decisions.
 */

const BBC = 'https://www.bbc.co.uk/news/world-asia-58290318';

const served = servedFixtureCorpus('history');

test('the reviewer name set in the app goes with the decision; History shows every version with its decisions', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  await page.goto(served.server.url);

  // The reviewer's name, kept by the app and sent with each decision.
  const reviewer = page.getByTestId('reviewer-name');
  await reviewer.fill('Pat Playwright');
  await reviewer.press('Enter');

  await page.getByLabel('Filter by title or id').fill('Jihadists');
  await expect(page.getByTestId('doc-title')).toHaveText('Afghanistan: Jihadists celebrate Taliban victory');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('a');
  await expect(page.getByTestId('doc-state')).toHaveText('accepted');
  const staged = cliJson<{ items: Array<{ id: string; decision: { by: string | null } | null }> }>([
    'status',
    '--corpus',
    served.corpus.dir,
  ]).items.find((item) => item.id === BBC);
  expect(staged?.decision?.by).toBe('Pat Playwright');

  // Before the commit: the staging area holds the accepted update, v1 the document as first added.
  await page.getByTestId('history-link').click();
  await expect(page).toHaveURL(/#\/history\//);
  await expect(page.getByTestId('history-title')).toHaveText('Afghanistan: Jihadists celebrate Taliban victory');
  const steps = page.getByTestId('history-step');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('staging area');
  await expect(steps.nth(0).getByTestId('history-staged-state')).toHaveText('accepted');
  await expect(steps.nth(0)).toContainText('Pat Playwright');
  await expect(steps.nth(1)).toContainText('v1');
  await expect(steps.nth(1)).toContainText('added');

  // Committed: a new version, "modified", with the decision, its note and the content hash it was about.
  cli(['reject', '--all', '-m', 'later', '--reviewer', 'someone else', '--corpus', served.corpus.dir]);
  cli(['commit', '-m', 'the BBC edit', '--corpus', served.corpus.dir]);
  const log = cliJson<{
    versions: Array<{ id: string; decisions: Array<{ id: string; by: string; contentHash: string }> }>;
  }>(['log', '--decisions', '--corpus', served.corpus.dir]);
  const decision = log.versions[0]!.decisions.find((d) => d.id === BBC)!;
  expect(decision.by).toBe('Pat Playwright');

  await page.reload();
  await expect(steps).toHaveCount(2);
  const latest = steps.nth(0);
  await expect(latest).toContainText(log.versions[0]!.id.slice(0, 12));
  await expect(latest).toContainText('modified');
  await expect(latest).toContainText('the BBC edit');
  await expect(latest.getByTestId('history-decision')).toContainText('accepted');
  await expect(latest.getByTestId('history-decision')).toContainText('Pat Playwright');
  await expect(latest.getByTestId('history-decision')).toContainText(`content ${decision.contentHash.slice(0, 7)}`);
  await expect(steps.nth(1).getByTestId('history-decision')).toContainText('accepted');
  await screenshot(page, 'history');

  // "what changed" opens the document diff between the two versions.
  await latest.getByRole('link', { name: 'what changed' }).click();
  await expect(page).toHaveURL(/#\/diff\/[0-9a-f]+\/[0-9a-f]+\//);
  expect(watch.problems).toEqual([]);
});
