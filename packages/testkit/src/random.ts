/**
 * A seeded source of whole numbers for generated test inputs: the same seed gives the same
 * sequence on every run and machine (a linear congruential generator, the C library's constants),
 * so a failing input can be printed and reproduced.
 */
export function seededInts(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}
