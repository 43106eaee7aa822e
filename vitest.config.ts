import { defineConfig } from 'vitest/config';

// One config for the whole workspace. The `@corpuskit/source` condition makes every
// package resolve its siblings to their TypeScript sources, so tests never need a build.
export default defineConfig({
  resolve: { conditions: ['@corpuskit/source'] },
  ssr: { resolve: { conditions: ['@corpuskit/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/server/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/e2e/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
