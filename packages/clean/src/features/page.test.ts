import { describe, expect, it } from 'vitest';

import { PRICE } from './page.js';

/** The price pattern as written before, tried from every position (the reference). */
const EVERY_START = /(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|usd|eur|gbp|chf|kr|zł|руб))/gi;

describe('price pattern', () => {
  it('finds what the pattern tried from every digit finds', () => {
    const texts = [
      '',
      'Now $ 12.99, was 15,00 € — 3 USD or 4eur; 1.234,56 kr and 99 zł, 10 руб',
      '2024 12 prices 5 usd 6.7.8,9€ ,5€ .5 usd a5usd 5usda x.5 gbp 1..2 chf',
      'Version 1.2.3 of 4,5,6 items for 7 GBP8 EUR',
      '£5 £ 6 ¥7,000 ₹8.50 $.5 $,5 €',
      `${'9'.repeat(50)}€ ${'1.'.repeat(30)}2 usd ${'3,'.repeat(30)}x`,
    ];
    for (const text of texts) expect(text.match(PRICE)).toEqual(text.match(EVERY_START));
    expect(texts[1]!.match(PRICE)).toHaveLength(7);
  });

  it('reads a run of 200,000 digits and dots in linear time', () => {
    // Tried from every digit, a run of n digits with no currency after it cost n² steps.
    for (const run of ['1234567890'.repeat(20_000), '1.'.repeat(100_000), `${'5'.repeat(200_000)} usd`]) {
      const start = performance.now();
      const found = run.match(PRICE) ?? [];
      expect(found.length).toBe(run.endsWith('usd') ? 1 : 0);
      expect(performance.now() - start).toBeLessThan(1_000);
    }
  });
});
