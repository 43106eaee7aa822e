import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  collapseWhitespace,
  foldDashes,
  foldQuotes,
  letterDigitRuns,
  normalizeText,
  stripPunctuation,
  wordCount,
} from './normalize.js';

describe('normalizeText', () => {
  it('folds case, quotes, dashes, punctuation and white space', () => {
    expect(normalizeText('  “Don’t” — he SAID,\n\tthe   well‑known   ﬁx!  ')).toBe('dont he said the well known fix');
  });

  it('applies NFKC: full-width letters, ligatures and non-breaking spaces', () => {
    expect(normalizeText('ＡＢＣ\u00A0ﬂow')).toBe('abc flow');
  });

  it('folds ß the way full case folding does', () => {
    expect(normalizeText('Straße')).toBe(normalizeText('STRASSE'));
  });

  it('removes invisible characters instead of splitting words on them', () => {
    expect(normalizeText('co\u00ADoperate zero\u200Bwidth\uFEFF')).toBe('cooperate zerowidth');
  });

  it('keeps letters of every script', () => {
    expect(normalizeText('Привет, МИР! 東京は「晴れ」。')).toBe('привет мир 東京は 晴れ');
  });

  it('can keep punctuation and case when asked', () => {
    expect(normalizeText('Hello,  “World”', { punctuation: false, caseFold: false })).toBe('Hello, "World"');
  });

  it('drops an invisible character that NFKC makes (U+3164 HANGUL FILLER becomes U+1160)', () => {
    expect(normalizeText('a\u3164b')).toBe('ab');
    expect(normalizeText('\u3164')).toBe('');
    expect(normalizeText('\u3164', { caseFold: false })).toBe('');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });

  it('ignores differences of case and spacing (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(' ', '  ', '\n', '\t '),
        (words, gap) => {
          const loud = words.map((w) => w.toUpperCase()).join(gap);
          expect(normalizeText(loud)).toBe(words.join(' '));
        },
      ),
    );
  });

  it('never leaves leading, trailing or double spaces (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = normalizeText(text);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s{2}/);
      }),
    );
  });
});

describe('folds', () => {
  it('folds quote and dash styles', () => {
    expect(foldQuotes('‘a’ “b” „c“ «d»')).toBe(`'a' "b" "c" "d"`);
    expect(foldDashes('a–b—c−d')).toBe('a-b-c-d');
  });
});

describe('fast patterns', () => {
  // The straightforward forms the faster patterns in normalize.ts must match exactly.
  const reference = {
    collapse: (text: string) => text.replace(/\s+/gu, ' ').trim(),
    strip: (text: string) =>
      text.replace(/(?<=[\p{L}\p{N}])['\u2019](?=[\p{L}\p{N}])/gu, '').replace(/[\p{P}\p{S}]+/gu, ' '),
  };
  const tricky = fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\n',
    '\u00A0',
    '\u2003',
    "'",
    '\u2019',
    '.',
    ',',
    '!',
    '«',
    '—',
    '…',
    '€',
    'é',
    'a',
    '1',
    '東',
    '\u{1F600}',
    '\uD800',
    '_',
    '`',
    '~',
  );
  const texts = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(tricky, { maxLength: 30 }).map((parts) => parts.join('')),
  );

  it('collapseWhitespace equals the plain /\\s+/ form (property)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(collapseWhitespace(text)).toBe(reference.collapse(text));
      }),
    );
  });

  it('stripPunctuation equals the plain Unicode-property form (property)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(stripPunctuation(text)).toBe(reference.strip(text));
      }),
    );
  });

  it('ASCII punctuation and symbols are exactly the ranges the fast path assumes', () => {
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      expect(stripPunctuation(`a${char}b`)).toBe(reference.strip(`a${char}b`));
    }
  });
});

describe('wordCount', () => {
  it('counts runs of letters, digits and underscores, in any script', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('  -- ! ')).toBe(0);
    expect(wordCount("Don't stop: 3 snake_case words")).toBe(6);
    expect(wordCount('Größe über 10 km; naïve café')).toBe(6);
    expect(wordCount('Привет мир')).toBe(2);
  });
});

describe('letterDigitRuns', () => {
  const byRegex = (text: string, underscore: boolean) =>
    (text.match(underscore ? /[\p{L}\p{N}_]+/gu : /[\p{L}\p{N}]+/gu) ?? []).length;

  it('counts what the letter-and-digit regex matches, underscores only when asked', () => {
    expect(letterDigitRuns("Don't stop: 3 snake_case words")).toBe(7);
    expect(letterDigitRuns("Don't stop: 3 snake_case words", true)).toBe(6);
    expect(letterDigitRuns('Größe über 10 km; naïve café — 東京 ٣٤ Привет')).toBe(9);
  });

  it('reads letters outside the BMP as one code point and lone surrogates as separators', () => {
    // 𝐀𝐁 (mathematical bold letters) are letters written as surrogate pairs.
    expect(letterDigitRuns('a𝐀𝐁b c')).toBe(2);
    expect(letterDigitRuns('a\uD800b \uDC00c\uD835')).toBe(3);
  });

  it('agrees with the regex on mixed text', () => {
    const samples = [
      '',
      '  -- ! ',
      '_lead_ and __tail__',
      'x\u0301y ½ ² Ⅻ 〇 ﬁ',
      'نص عربي 123 и ещё текст',
      '\uD83D\uDE00 emoji 🙂 между words',
      'tab\tnew\nline\u00A0nbsp',
    ];
    for (const text of samples) {
      expect(letterDigitRuns(text)).toBe(byRegex(text, false));
      expect(letterDigitRuns(text, true)).toBe(byRegex(text, true));
    }
  });
});
