import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const PARAGRAPH = (i: number) =>
  `<p>Part ${i}: the ferry to the islands will run every hour from May, the shipping company said on Monday, and a second boat will be added on summer weekends when the queues at the quay are longest.</p>`;

/** A vote of radio buttons valued 1 to 5 under the article, with its prompt and its average. */
const VOTE = `<form class="vote"><p>Rate this story</p>${[1, 2, 3, 4, 5]
  .map((n) => `<input type="radio" name="stars" value="${n}" aria-label="${n} of 5">`)
  .join('')}<span>4.2 (31 votes)</span></form>`;

const page = `<!doctype html><html lang="en"><head><title>Ferries every hour</title></head><body><article><h1>Ferries every hour</h1>${Array.from({ length: 6 }, (_, i) => PARAGRAPH(i + 1)).join('')}${VOTE}</article></body></html>`;

describe('rating widgets', () => {
  it('removes a run of controls numbered 1 to 5 and its prompt from an article, on both engines', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(page, { url: 'https://news.example/ferry', engine, pageType: 'article' });
      expect(document.text).toContain('Part 6: the ferry');
      expect(document.text).not.toContain('Rate this story');
      const removal = document.removed.find((r) => r.text.includes('Rate this story'));
      expect(removal?.rule).toBe('boilerplate/rating-widget');
    }
  });

  it('leaves the widget on other page types (a product page shows its rating)', async () => {
    const document = await clean(page, { url: 'https://news.example/ferry', pageType: 'product' });
    expect(document.removed.some((r) => r.rule === 'boilerplate/rating-widget')).toBe(false);
  });
});
