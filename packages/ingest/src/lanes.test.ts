import { describe, expect, it } from 'vitest';

import { forEachStreamed } from './lanes.js';

/** A stream of numbers that records when each is read. */
function counting(count: number, log: string[]): AsyncGenerator<number> {
  return (async function* () {
    for (let i = 0; i < count; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push(`read ${i}`);
      yield i;
    }
  })();
}

describe('forEachStreamed', () => {
  it('reads the next items while the lanes work, and handles each item once, in any order', async () => {
    const log: string[] = [];
    const handled: number[] = [];
    await forEachStreamed(
      counting(10, log),
      2,
      undefined,
      async (item) => {
        log.push(`start ${item}`);
        await new Promise((resolve) => setTimeout(resolve, 15));
        handled.push(item);
      },
      { readAhead: 2 },
    );
    expect([...handled].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Items 2 and 3 were read while 0 and 1 were still being handled.
    expect(log.indexOf('read 3')).toBeLessThan(log.indexOf('start 2'));
  });

  it('without read-ahead, reads an item only when a lane asks for it', async () => {
    const log: string[] = [];
    await forEachStreamed(counting(4, log), 1, undefined, async (item) => {
      log.push(`start ${item}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(log).toEqual(['read 0', 'start 0', 'read 1', 'start 1', 'read 2', 'start 2', 'read 3', 'start 3']);
  });

  it('hands items read ahead but not handled (aborted) to onLeftOver, so none is lost', async () => {
    const controller = new AbortController();
    const handled: number[] = [];
    const leftOver: number[] = [];
    await forEachStreamed(
      counting(20, []),
      2,
      controller.signal,
      async (item) => {
        handled.push(item);
        if (handled.length === 3) controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 10));
      },
      { readAhead: 3, onLeftOver: (item) => leftOver.push(item) },
    );
    expect(leftOver.length).toBeGreaterThan(0);
    const seen = [...handled, ...leftOver].sort((a, b) => a - b);
    // Every item read is either handled or left over, each once, and they are the first ones.
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i));
    expect(seen.length).toBeLessThan(20);
  });
});
