import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { squash, squashedLength } from './text-util.js';

/** Every UTF-16 code unit `\s` matches, found by asking the engine, not from a list. */
const WHITE_SPACE = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));

describe('squashedLength', () => {
  it("is squash's length for texts of every white-space character, letters and look-alikes", () => {
    expect(WHITE_SPACE.length).toBeGreaterThan(20);
    // Characters next to white space that are not: zero-width space and joiner, Mongolian vowel
    // separator, a lone surrogate, a letter and a digit.
    const alphabet = [...WHITE_SPACE, ' ', ' ', '\u200b', '\u200d', '\u180e', '\ud83d', 'a', '7', 'é'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(squashedLength(text)).toBe(squash(text).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a run of white space between words once and none at the ends', () => {
    expect(squashedLength('  one \u00a0\t two\n')).toBe('one two'.length);
    expect(squashedLength('\u3000\u2028 ')).toBe(0);
    expect(squashedLength('')).toBe(0);
  });
});
