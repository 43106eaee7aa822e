import { describe, expect, it } from 'vitest';

import { formatMemory, sampleMemory } from './memory.js';

describe('memory report (ingest --verbose)', () => {
  it('samples this process: RSS within its peak, the heap within RSS', () => {
    const sample = sampleMemory(null);
    expect(sample.rss).toBeGreaterThan(0);
    expect(sample.peakRss).toBeGreaterThanOrEqual(sample.rss);
    expect(sample.heapUsed).toBeLessThanOrEqual(sample.heapTotal);
    expect(sample.heapTotal).toBeLessThan(sample.rss);
    if (process.platform === 'linux') expect(sample.anonymous).toBeGreaterThan(0);
    expect(formatMemory(sample)).not.toContain('cleaning threads');
  });

  it("lists each cleaning thread's heap and the threads started", () => {
    const mib = 1024 * 1024;
    const line = formatMemory({
      rss: 512 * mib,
      peakRss: 600 * mib,
      anonymous: 470 * mib,
      heapUsed: 20 * mib,
      heapTotal: 30 * mib,
      external: 45 * mib,
      arrayBuffers: 10 * mib,
      pool: {
        threads: [
          { threadId: 4, used: 180 * mib, total: 220 * mib, malloced: 2 * mib },
          { threadId: 5, used: 120 * mib, total: 150 * mib, malloced: 1 * mib },
        ],
        started: 3,
      },
    });
    expect(line).toBe(
      "RSS 512 MB (peak 600, anonymous 470); main heap 20/30 MB, external 45 (array buffers 10); cleaning threads' heaps used/total 180/220 120/150 MB, malloced 3 (3 threads started)",
    );
  });
});
