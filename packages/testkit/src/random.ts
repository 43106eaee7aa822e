/**
 * Seeded sources of numbers for generated test inputs: the same seed gives the same sequence on
 * every run and machine, so a failing input can be printed and reproduced.
 */

/**
 * Numbers in [0, 1) from mulberry32, a small 32-bit generator whose every step stays in 32-bit
 * integer arithmetic (`Math.imul`), so no bit is lost to floating point and low and high bits
 * are alike well spread.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Whole numbers below the argument, from `seededRandom(seed)`. */
export function seededInts(seed: number): (below: number) => number {
  const random = seededRandom(seed);
  return (below) => Math.floor(random() * below);
}
