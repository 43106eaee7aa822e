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

/** Like `forEachLimited`, over an async stream shared by the lanes (so a WARC is read as it is cleaned). */
export async function forEachStreamed<T>(
  items: AsyncIterator<T>,
  limit: number,
  signal: AbortSignal | undefined,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  let done = false;
  const lanes = Array.from({ length: Math.max(1, limit) }, async () => {
    while (!done && !signal?.aborted) {
      const next = await items.next();
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
    await items.return?.(undefined);
  }
}
