import { describe, expect, it } from 'vitest';

import { WORD_GROUPS, wordGroupCounts } from './vocab.js';

/** The counts as the word groups' own `/giu` patterns give them. */
const unicodeCounts = (text: string) => WORD_GROUPS.map(([, re]) => (text.match(re) ?? []).length);

describe('word group counts', () => {
  it('count what the /giu patterns count, in the order of WORD_GROUPS', () => {
    const texts = [
      '',
      'Reply Quote POSTS joined 3 Replies. He wrote: "Beiträge" and RÉPONSES, Réponse; odpowiedzi',
      'Add to cart. IN STOCK, free shipping! Envío gratis, auf Lager, Warenkorb; sku: 12',
      'Contact us to get a free quote or book now. Contáctenos — contactez-nous. Schedule a call now',
      'Read more… Page 2 of 14, page 10 of 3, older posts / newer posts. Results: 4 result(s). Leer más',
      'Parameters: returns, arguments. Usage: install the default configuration (deprecated) method',
      'postscript repliesx unreplied xsaid said_ said1 stocking', // no whole word
    ];
    for (const text of texts) expect(wordGroupCounts(text)).toEqual(unicodeCounts(text));
    expect(wordGroupCounts(texts[1]!)[0]).toBe(10);
  });

  it('fold the long s and the Kelvin sign as /iu does (letters of words, and word characters for \\b)', () => {
    // ſ folds to s and K to k: "ſaid" and "booK now" are words of the groups under /iu.
    expect(wordGroupCounts('He ſaid so')[0]).toBe(1);
    expect(wordGroupCounts('booK now')[2]).toBe(1);
    // Both are word characters under /iu: "Kquote" and "quoteſ" are not the word "quote".
    const text = 'Kquote said quoteſ';
    expect(wordGroupCounts(text)).toEqual(unicodeCounts(text));
    expect(wordGroupCounts(text)[0]).toBe(1);
  });

  it('differ between /i and /iu on no character but the long s and the Kelvin sign', () => {
    // The letters the patterns are written with, and the word characters of \b: a character
    // matching one of them under one flag and not the other must be among those the counting
    // guards against (a new word with ß, å or a Greek letter would fail here).
    const letters = new Set(
      WORD_GROUPS.flatMap(([, re]) => [...re.source.replace(/\\./g, '')].filter((c) => /\p{L}/u.test(c))),
    );
    const atoms = [...letters].map((c) => [new RegExp(`^${c}$`, 'iu'), new RegExp(`^${c}$`, 'i')] as const);
    atoms.push([/^\w$/iu, /^\w$/i]);
    const differing: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (atoms.some(([unicode, plain]) => unicode.test(ch) !== plain.test(ch))) differing.push(ch);
    }
    expect(differing).toEqual(['\u017F', '\u212A']);
  });
});
