/**
 * A hash map from int32 keys to non-negative int32 values in two typed arrays: open
 * addressing, linear probing, backward-shift deletion (no tombstones), grown at half full.
 * Keys are expected to be well mixed already (LSH band keys are), so the slot is `key & mask`.
 * About 16 bytes per entry at most, against several times that for a `Map`.
 */
export class IntMap {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    const { keys, values, mask } = this;
    let i = key & mask;
    for (;;) {
      const value = values[i]!;
      if (value === -1 || keys[i] === key) return value;
      i = (i + 1) & mask;
    }
  }

  /** Set `key` to `value` (>= 0). */
  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.values.length) this.grow();
    const { keys, values, mask } = this;
    let i = key & mask;
    while (values[i] !== -1) {
      if (keys[i] === key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    this.count++;
  }

  /** Remove `key`; false when it was not there. */
  delete(key: number): boolean {
    const { keys, values, mask } = this;
    let i = key & mask;
    for (;;) {
      if (values[i] === -1) return false;
      if (keys[i] === key) break;
      i = (i + 1) & mask;
    }
    // Backward shift: move later entries of the probe run into the gap when their home allows.
    values[i] = -1;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (values[j] === -1) break;
      const home = keys[j]! & mask;
      const between = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!between) {
        keys[i] = keys[j]!;
        values[i] = values[j]!;
        values[j] = -1;
        i = j;
      }
    }
    this.count--;
    return true;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const size = oldValues.length * 2;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < oldValues.length; i++) if (oldValues[i] !== -1) this.set(oldKeys[i]!, oldValues[i]!);
  }
}
