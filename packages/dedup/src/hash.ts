/**
 * 32-bit integer hashing for shingles and MinHash permutations, in plain `Math.imul` integer
 * arithmetic (no floats, no BigInt): the mixing steps of MurmurHash3 (x86, 32-bit), written
 * here from its published description. Two independently seeded 32-bit lanes give a 64-bit
 * hash where one is needed.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** One MurmurHash3 body step: mix a 32-bit block `k` into the running hash `h`. */
export function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The MurmurHash3 finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * MurmurHash3 (x86, 32-bit) of a string's UTF-16 code units in `[start, end)`, two units per
 * block. Equal substrings hash equal whatever string they sit in.
 */
export function hashCodeUnits(text: string, start: number, end: number, seed: number): number {
  let h = seed | 0;
  let i = start;
  for (; i + 1 < end; i += 2) h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  if (i < end) {
    let k = Math.imul(text.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ ((end - start) * 2));
}

/**
 * SplitMix32-style generator of seed constants: deterministic for a seed, well spread.
 * Used to derive the per-lane and per-permutation constants from the one user seed.
 */
export function seedSequence(seed: number, count: number): Int32Array {
  const out = new Int32Array(count);
  let state = seed | 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) | 0;
    out[i] = fmix32(state ^ fmix32(state + 0x632be5ab));
  }
  return out;
}
