import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Kind, countWords, joinBlocks, scan, splitBlocks } from './tokenize.js';

const piece = fc.constantFrom(
  'word',
  "don't",
  'l\u2019eau',
  'naïve',
  'e\u0301',
  '_',
  '42',
  ' ',
  '  ',
  '\n',
  '\n\n',
  ' \n \n ',
  ',',
  '.',
  '\u2014',
  '\u201C',
  "'",
  '今日は',
  'ภาษาไทย',
  '😀',
  '\u00A0',
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('scans into pieces that give the text back', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(scan(t).pieces.join('')).toBe(t);
      }),
    );
  });

  it('counts words the way the scanner splits them', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(countWords(t)).toBe(scan(t).kinds.filter((kind) => kind === Kind.Word).length);
      }),
    );
    expect(countWords("It's a well-known café, 42 times.")).toBe(7);
  });

  it('splits blocks and joins them back exactly', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { blocks, layout } = splitBlocks(t);
        expect(joinBlocks(blocks, layout)).toBe(t);
        for (const block of blocks) expect(block).toBe(block.trim());
      }),
    );
    expect(splitBlocks('a\n\nb\n\n\nc')).toEqual({
      blocks: ['a', 'b', 'c'],
      layout: { lead: '', trail: '', separators: { '2': '\n\n\n' } },
    });
  });

  it('segments scripts written without spaces into words', () => {
    const { pieces, kinds } = scan('東京は雨です。 Thai: ภาษาไทยง่าย');
    expect(pieces.length).toBeGreaterThan(6);
    expect(kinds.filter((kind) => kind === Kind.Word).length).toBeGreaterThan(4);
  });
});
