// Arithmetic of the paragraph alignment: word overlap, Dice similarity, the heaviest in-order chain.

/** Size of the multiset intersection of two sorted arrays. */
export function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return n;
}

export function dice(shared: number, a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * shared) / (a + b);
}

/**
 * Heaviest increasing subsequence of `values` (distinct integers in `[offset, offset + size)`)
 * with `weights`: the in-order matches that keep the most text in place, so the paragraphs
 * reported as moved are the least text possible. O(n log n) with a Fenwick tree of maxima.
 */
export function heaviestIncreasing(
  values: readonly number[],
  weights: readonly number[],
  offset: number,
  size: number,
): Set<number> {
  const treeBest = new Float64Array(size + 1);
  const treeAt = new Int32Array(size + 1).fill(-1);
  const best = new Float64Array(values.length);
  const previous = new Int32Array(values.length).fill(-1);
  let top = -1;
  for (let k = 0; k < values.length; k += 1) {
    const position = values[k]! - offset + 1;
    // Best chain ending below this position.
    let before = 0;
    let beforeAt = -1;
    for (let x = position - 1; x > 0; x -= x & -x) {
      if (treeBest[x]! > before) {
        before = treeBest[x]!;
        beforeAt = treeAt[x]!;
      }
    }
    best[k] = before + weights[k]!;
    previous[k] = beforeAt;
    for (let x = position; x <= size; x += x & -x) {
      if (best[k]! > treeBest[x]!) {
        treeBest[x] = best[k]!;
        treeAt[x] = k;
      }
    }
    if (top < 0 || best[k]! > best[top]!) top = k;
  }
  const kept = new Set<number>();
  for (let k = top; k >= 0; k = previous[k]!) kept.add(k);
  return kept;
}
