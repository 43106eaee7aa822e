/** Articles of deterministic pseudo-random words from a 5,000-word vocabulary (distinct per seed), for tests. */
export function article(seed: number, words = 400): string {
  let state = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    out.push(`w${state % 5000}`);
  }
  return out.join(' ');
}
