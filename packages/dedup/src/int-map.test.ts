import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { IntMap } from './int-map.js';

describe('IntMap', () => {
  it('behaves like a Map under any sequence of sets and deletes (property)', () => {
    // Few distinct low bits in the keys force long probe runs and wrap-around.
    const key = fc.oneof(
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 40 }).map((k) => k * 64),
    );
    const operation = fc.tuple(fc.boolean(), key, fc.nat({ max: 1000 }));
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const map = new IntMap();
        const reference = new Map<number, number>();
        for (const [isSet, k, value] of operations) {
          if (isSet) {
            map.set(k, value);
            reference.set(k, value);
          } else {
            expect(map.delete(k)).toBe(reference.delete(k));
          }
          expect(map.size).toBe(reference.size);
        }
        for (const [, k] of operations) expect(map.get(k)).toBe(reference.get(k) ?? -1);
      }),
      { numRuns: 300 },
    );
  });
});
