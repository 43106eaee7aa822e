import { describe, expect, it } from 'vitest';

import { nonSpaceLength } from './dom-walk.js';

describe('nonSpaceLength', () => {
  it('gives the length of the text with every \\s character taken out', () => {
    for (const text of ['', ' ', 'a b', '\t\n a\u00a0b\u2003c\u3000\ufeff ', 'word\u200bjoined', 'Ünïcödé 😀 x']) {
      expect(nonSpaceLength(text)).toBe(text.replace(/\s+/g, '').length);
    }
  });

  it('counts as white space exactly the code units \\s matches', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (nonSpaceLength(char) !== char.replace(/\s+/g, '').length) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
});
