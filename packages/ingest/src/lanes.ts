/** Run `worker` over `items` with at most `limit` in flight; stop taking new items once aborted. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  worker: (item: T, index: number) => Promise<void>,
): Promise<Set<T>> {
  const reached = new Set<T>();
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      const item = items[index]!;
      reached.add(item);
      await worker(item, index);
    }
  });
  await Promise.all(lanes);
  return reached;
}

/**
 * Like `forEachLimited`, over an async stream shared by the lanes (so a WARC is read as it is
 * cleaned). Up to `readAhead` items are read before a lane asks for them, so a lane that
 * finishes takes its next item at once instead of waiting for it to be read. Items read ahead
 * but not handled because the run was aborted go to `onLeftOver`.
 */
export async function forEachStreamed<T>(
  items: AsyncIterator<T>,
  limit: number,
  signal: AbortSignal | undefined,
  worker: (item: T) => Promise<void>,
  { readAhead = 0, onLeftOver }: { readAhead?: number; onLeftOver?: (item: T) => void } = {},
): Promise<void> {
  let done = false;
  // An async generator answers queued `next()` calls one after another: the queue is the read-ahead.
  const ahead: Array<Promise<IteratorResult<T>>> = [];
  const take = (): Promise<IteratorResult<T>> => {
    while (!done && ahead.length < 1 + readAhead) ahead.push(items.next());
    return ahead.shift() ?? Promise.resolve({ done: true, value: undefined });
  };
  const lanes = Array.from({ length: Math.max(1, limit) }, async () => {
    while (!done && !signal?.aborted) {
      const next = await take();
      if (next.done) {
        done = true;
        return;
      }
      await worker(next.value);
    }
  });
  try {
    await Promise.all(lanes);
  } finally {
    for (const pending of ahead.splice(0)) {
      const next = await pending.catch(() => ({ done: true as const, value: undefined }));
      if (!next.done) onLeftOver?.(next.value);
    }
    await items.return?.(undefined);
  }
}
