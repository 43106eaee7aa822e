import { describe, expect, it } from 'vitest';

import { forEachStreamed } from './lanes.js';

/** A stream of numbers that records when each is read and calls `onRead` after each read. */
function counting(count: number, log: string[], onRead?: (i: number) => void): AsyncGenerator<number> {
  return (async function* () {
    for (let i = 0; i < count; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.push(`read ${i}`);
      onRead?.(i);
      yield i;
    }
  })();
}

describe('forEachStreamed', () => {
  it('reads the next items while the lanes work, and handles each item once, in any order', async () => {
    const log: string[] = [];
    const handled: number[] = [];
    // The first two items are held until item 3 has been read (or 5 s pass): read-ahead must read
    // items 2 and 3 while both lanes are busy. Waiting on the read itself, not on a clock, keeps
    // the order the same on a loaded machine.
    let readThree!: () => void;
    const threeRead = new Promise<void>((resolve) => (readThree = resolve));
    await forEachStreamed(
      counting(10, log, (i) => i === 3 && readThree()),
      2,
      undefined,
      async (item) => {
        log.push(`start ${item}`);
        if (item < 2) await Promise.race([threeRead, new Promise((resolve) => setTimeout(resolve, 5000))]);
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
