import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

import { buildFixtureCorpus, cli, screenshot, serve, tempDir, watchForExecution } from './helpers.js';
import type { Served } from './helpers.js';

const HOSTILE_ID = 'https://hostile.example/articles/script-everywhere';

let corpus: ReturnType<typeof tempDir>;
let server: Served;

test.beforeAll(async () => {
  corpus = tempDir('hostile');
  buildFixtureCorpus(corpus.dir, { hostile: true });
  server = await serve(corpus.dir);
});

test.afterAll(async () => {
  await server.stop();
  corpus.remove();
});

/** Nothing from the page became markup inside `root`, and no page script left a trace. */
async function expectInert(page: Page, root: string): Promise<void> {
  const scope = page.locator(root);
  for (const tag of [
    'script',
    'img',
    'svg',
    'iframe',
    'object',
    'embed',
    'math',
    'a[href^="javascript:"]',
    '[onerror]',
    '[onload]',
  ]) {
    await expect(scope.locator(tag), `${tag} in ${root}`).toHaveCount(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

test('a page full of scripts, handlers and javascript: links renders as inert text in the queue and its removed blocks', async ({
  page,
}) => {
  const watch = watchForExecution(page);
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });

  await page.goto(server.url);
  await page.goto(`${server.origin}/#/queue/${encodeURIComponent(HOSTILE_ID)}`);
  const title = page.getByTestId('doc-title');
  await expect(title).toContainText('Hostile headline');
  // The markup in the title is shown literally.
  await expect(title).toContainText(/<svg onload=alert\('og'\)>|<script>/);

  const text = page.getByTestId('doc-text');
  await expect(text).toContainText('<script>alert("body")</script>');
  await expect(text).toContainText('<img src=x onerror="window.__pwned=3">');
  await expect(text).toContainText('<a href="javascript:alert(2)">click</a>');

  // Removed blocks (comments, caption, navigation) hold hostile text too: expand them all.
  await page.keyboard.press('e');
  const removed = page.getByTestId('removed-block');
  expect(await removed.count()).toBeGreaterThan(0);
  await expect(page.locator('.removed-text').filter({ hasText: "<script>alert('comment')</script>" })).toHaveCount(1);
  // Metadata (author) holds an <img onerror>.
  await expect(page.locator('.doc-side')).toContainText('<img src=x onerror="window.__pwned=2"> Mallory');

  await expectInert(page, '#root');
  await screenshot(page, 'hostile-queue');

  // Restore a hostile removed block: still text.
  const comments = removed.filter({ hasText: 'comments' }).first();
  await comments.getByTestId('restore').click();
  await expect(text).toContainText("<script>alert('comment')</script>");
  await expectInert(page, '#root');
  await page.waitForTimeout(300);
  expect(watch.problems).toEqual([]);
  expect(violations).toEqual([]);
});

test('the hostile page renders inertly in the version diff too', async ({ page }) => {
  const watch = watchForExecution(page);
  cli(['accept', HOSTILE_ID, '--corpus', corpus.dir]);
  cli(['commit', '-m', 'hostile page', '--tag', 'v2', '--corpus', corpus.dir]);

  await page.goto(server.url);
  await page.goto(`${server.origin}/#/diff/v1/v2/${encodeURIComponent(HOSTILE_ID)}`);
  await expect(page.getByTestId('diff-title')).toContainText('Hostile headline');
  const body = page.getByTestId('diff-body');
  await expect(body).toContainText('<script>alert("body")</script>');
  await expect(body.locator('ins.seg-ins').filter({ hasText: '<img src=x onerror="window.__pwned=3">' })).toHaveCount(
    1,
  );
  await page.getByRole('button', { name: 'Inline' }).click();
  await expect(body).toContainText('<a href="javascript:alert(2)">click</a>');
  await expectInert(page, '#root');
  await screenshot(page, 'hostile-diff');
  await page.waitForTimeout(300);
  expect(watch.problems).toEqual([]);
});
