import { defineConfig } from 'vitest/config';

// End-to-end tests: they spawn the BUILT CLI (apps/cli/dist/bin.js) on temporary corpora, so
// run `pnpm build` first. Kept out of the root config, which runs unit tests against sources.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
