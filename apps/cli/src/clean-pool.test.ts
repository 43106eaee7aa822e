import { exitCodeFor } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { createCleanPool } from './clean-pool.js';

describe('createCleanPool (in-process, from the sources)', () => {
  it('an already aborted signal rejects the page at once and leaves no time-limit timer to reject unheard', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const controller = new AbortController();
    controller.abort();
    const pool = await createCleanPool({ jobs: 1, timeoutMs: 50, warmUp: false, signal: controller.signal });
    try {
      expect(pool.mode).toBe('in-process');
      const stopped = await pool.cleanDocument({ file: 'a.html', options: {}, cwd: process.cwd() }).catch((e) => e);
      expect(stopped).toMatchObject({ code: 'cli.interrupted', kind: 'interrupted', subject: 'a.html' });
      // The error's kind decides the exit code (before, 'input': 2, and each command set 130 itself).
      expect(exitCodeFor(stopped)).toBe(130);
      // Past the time limit: a timer created before the abort check would have rejected by now.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await pool.destroy();
    }
  });
});
