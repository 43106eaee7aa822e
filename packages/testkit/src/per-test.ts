import { afterEach, beforeEach, onTestFinished } from 'vitest';

import { tempDir } from './temp.js';

/**
 * For every test of the file (vitest's `beforeEach`/`afterEach`): a fresh temporary folder is
 * handed to `setup` (which opens a corpus in it, say); after the test `teardown` runs (close
 * what is open then, even if the test reopened it) and the folder is removed.
 */
export function tempFolderPerTest(setup: (dir: string) => Promise<void>, teardown: () => Promise<void>): void {
  let cleanup: (() => void) | null = null;
  beforeEach(async () => {
    const folder = tempDir();
    cleanup = folder.cleanup;
    await setup(folder.dir);
  });
  afterEach(async () => {
    try {
      await teardown();
    } finally {
      cleanup?.();
      cleanup = null;
    }
  });
}

/**
 * A fresh temporary folder for the running test, removed when the test finishes (passed or
 * failed). For tests that make their folder inside the test body rather than in `beforeEach`.
 */
export function tempDirForTest(prefix?: string): string {
  const { dir, cleanup } = tempDir(prefix);
  onTestFinished(cleanup);
  return dir;
}
