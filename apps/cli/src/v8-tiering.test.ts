import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { INTERRUPT_BUDGET, hasOwnBudget, tuneTiering } from './v8-tiering.js';

describe('V8 tiering budget', () => {
  it('keeps a budget node was started with, in either spelling', () => {
    expect(hasOwnBudget(['--interrupt-budget=1000'])).toBe(true);
    expect(hasOwnBudget(['--import', 'x.mjs', '--interrupt_budget=1000'])).toBe(true);
    expect(hasOwnBudget(['--interrupt-budget-for-feedback-allocation=5'])).toBe(false);
    expect(hasOwnBudget(['--max-old-space-size=512'])).toBe(false);
    expect(tuneTiering(['--interrupt-budget=1000'])).toBe(false);
  });

  it('sets a budget V8 accepts', () => {
    // V8 prints an error for a flag it does not know; a child node shows what it says.
    const child = spawnSync(
      process.execPath,
      ['-e', `require('node:v8').setFlagsFromString('--interrupt-budget=${INTERRUPT_BUDGET}'); console.log('ok')`],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('ok');
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    expect(known).toMatch(/--interrupt-budget=\d+/);
    expect(tuneTiering([])).toBe(true);
  });
});
