import { join } from 'node:path';

import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output, to total every runner's results.
const reportDir = process.env.CORPUSKIT_TEST_REPORT_DIR;

// One config for the whole workspace. The `@corpuskit/source` condition makes every
// package resolve its siblings to their TypeScript sources, so tests never need a build.
export default defineConfig({
  resolve: { conditions: ['@corpuskit/source'] },
  ssr: { resolve: { conditions: ['@corpuskit/source'] } },
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/server/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', '**/e2e/**'],
          testTimeout: 30_000,
        },
      },
      {
        // End-to-end flows: they spawn the built CLI (`pnpm test` builds first).
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
    reporters: reportDir ? ['default', ['json', { outputFile: join(reportDir, 'vitest.json') }]] : ['default'],
  },
});
