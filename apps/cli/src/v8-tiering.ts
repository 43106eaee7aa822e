import { setFlagsFromString } from 'node:v8';

/**
 * How much bytecode a function runs before V8 considers optimising it with TurboFan, for every
 * thread of a corpuskit process (16x V8's default on Node 20, 66 KiB).
 *
 * Why: cleaning a page runs a lot of code a few times (jsdom/linkedom, Readability, the rules),
 * and with V8's default budget much of it gets optimised, deoptimised and optimised again on
 * V8's background compiler threads. Each cleaning thread or worker process compiles for itself,
 * so with `--jobs 2` on two cores those compiler threads take CPU from the cleaning threads. With
 * this budget the 130 bench pages cost about 40% less compiler CPU and 10-20% less CPU in total
 * at `--jobs 2` (apps/cli/bench/ingest.mjs prints the split per thread); the functions that
 * matter are still optimised, only later. Measured figures in the ingest README's scaling section.
 */
export const INTERRUPT_BUDGET = 1_080_000;

/** True when node was started with its own `--interrupt-budget`: that one is kept. */
export function hasOwnBudget(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg));
}

/**
 * Set the budget for this process (the main thread and every worker thread started after this
 * call), unless node was started with its own. Returns whether it was set.
 */
export function tuneTiering(execArgv: readonly string[] = process.execArgv): boolean {
  if (hasOwnBudget(execArgv)) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
