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

/** A photo with its caption in the site's own class scheme (no figcaption, no known caption class). */
const PHOTO = (i: number) =>
  `<div class="story__media"><div class="story__picture"><img src="/p${i}.jpg" alt=""></div><span class="story__photo-caption">Photo ${i}: the old quay at low tide, seen from the ferry.</span></div>`;

const photoPage = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Ferries every hour</title></head><body><article><h1>Ferries every hour</h1>${body}</article></body></html>`;

describe('captions named by their class', () => {
  it('removes a caption beside its picture from an article and reports it, on both engines', async () => {
    const body = [1, 2, 3, 4, 5, 6].map((i) => PARAGRAPH(i) + (i % 3 === 0 ? PHOTO(i) : '')).join('');
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(photoPage(body), { url: 'https://news.example/ferry', engine, pageType: 'article' });
      expect(document.text).toContain('Part 6: the ferry');
      expect(document.text).not.toContain('the old quay at low tide');
      const removal = document.removed.find((r) => r.text.includes('Photo 3: the old quay'));
      expect(removal?.rule).toBe('caption/named');
    }
  });

  it('keeps them when they are most of the text (a gallery), and on other page types', async () => {
    const gallery = PARAGRAPH(1) + Array.from({ length: 12 }, (_, i) => PHOTO(i + 1)).join('');
    const asGallery = await clean(photoPage(gallery), { url: 'https://news.example/ferry', pageType: 'article' });
    expect(asGallery.text).toContain('Photo 12: the old quay');
    const body = [1, 2, 3, 4, 5, 6].map((i) => PARAGRAPH(i) + (i === 3 ? PHOTO(i) : '')).join('');
    const asProduct = await clean(photoPage(body), { url: 'https://news.example/ferry', pageType: 'product' });
    expect(asProduct.removed.some((r) => r.rule === 'caption/named')).toBe(false);
  });

  it('stays within the time limit on thousands of captions and on deeply nested ones, on both engines', async () => {
    const many = PARAGRAPH(1) + Array.from({ length: 10_000 }, (_, i) => PHOTO(i)).join('') + PARAGRAPH(2);
    const nested = `${PARAGRAPH(1)}<div class="story__media"><img src="/a.jpg" alt="">${'<div class="photo__caption">'.repeat(300)}The quay.${'</div>'.repeat(300)}</div>${PARAGRAPH(2)}`;
    for (const engine of ['linkedom', 'jsdom'] as const) {
      for (const markup of [many, nested]) {
        const started = performance.now();
        const document = await clean(photoPage(markup), {
          url: 'https://news.example/ferry',
          engine,
          pageType: 'article',
        });
        expect(performance.now() - started).toBeLessThan(20_000);
        expect(document.text).toContain('Part 2: the ferry');
      }
    }
  }, 120_000);
});
