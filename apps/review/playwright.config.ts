import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from '@playwright/test';

/** Debian's chromium (Playwright cannot download its own browsers here); override with CHROMIUM_PATH. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * CI collects every runner's JSON report in $CORPUSKIT_TEST_REPORT_DIR (`.ci/results`). turbo's
 * strict environment mode may not pass that variable to this task, so the folder is also found
 * by its place in the repository when it exists.
 */
const ciResults = fileURLToPath(new URL('../../.ci/results/', import.meta.url));
const reportDir = process.env.CORPUSKIT_TEST_REPORT_DIR ?? (existsSync(ciResults) ? ciResults : undefined);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // Failure artifacts; the screenshots of the main views go to test-results/screenshots/.
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/results.json' }],
    ...(reportDir
      ? [['json', { outputFile: join(reportDir, 'playwright-review.json') }] as ['json', { outputFile: string }]]
      : []),
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
