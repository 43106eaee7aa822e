// Review lists and rows of other products on a product page (rule boilerplate/shop-rows).
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';
import { shopRows } from './shop-rows.js';

const para = (topic: string) =>
  `<p>The ${topic} of this kettle is made to last: it is described here in a sentence long enough to read as product copy, with the details a buyer asks about before ordering.</p>`;

const review = (i: number) => `<div class="item" itemprop="review" itemscope itemtype="https://schema.org/Review">
  <span itemprop="reviewRating">${i % 5}</span><b>Buyer ${i}</b><p>Review ${i}: the kettle boils fast and the handle stays cool.</p></div>`;

const tile = (i: number) =>
  `<li class="tile"><a href="/p/${i}"><img src="/i/${i}.jpg" alt="">Teapot model ${i}</a> <span>€ ${20 + i},00</span></li>`;

// No <main>: the product copy, a table of sizes with prices (the product's own), reviews, a row of other products.
const PRODUCT = `<!doctype html><html><head><title>Kettle K2</title></head><body>
<div class="page"><h1>Kettle K2</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle', 'filter', 'cord'].map(para).join('')}</div>
<table class="sizes"><tr><td>1 litre</td><td>€ 39,00</td></tr><tr><td>1.5 litre</td><td>€ 45,00</td></tr><tr><td>2 litre</td><td>€ 49,00</td></tr></table>
<section class="opinions"><h2>What buyers say</h2>${[1, 2, 3, 4, 5].map(review).join('')}</section>
<section class="more"><h2>Other teapots</h2><ul>${[1, 2, 3, 4, 5, 6].map(tile).join('')}</ul></section>
</div></body></html>`;

describe('review lists and product rows on product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`finds the reviews and the row of other products, not the product's own size table (${engine})`, async () => {
      const page = await parseHtml(PRODUCT, engine, null, []);
      try {
        const rows = shopRows(page.document.body);
        expect(rows.map(({ element }) => element.getAttribute('class')).sort()).toEqual(['more', 'opinions']);
        expect(rows.find(({ element }) => element.getAttribute('class') === 'more')?.why).toBe(
          'a row of 6 product cards with prices',
        );
      } finally {
        page.close();
      }
    });

    it(`drops them from a product page and reports them; an article keeps them (${engine})`, async () => {
      const doc = await clean(PRODUCT, { url: 'https://shop.example.com/k2', engine, pageType: 'product' });
      expect(doc.text).toContain('The handle of this kettle');
      expect(doc.text).toContain('1.5 litre');
      expect(doc.text).not.toContain('Review 3: the kettle');
      expect(doc.text).not.toContain('Teapot model 4');
      const rows = doc.removed.filter((r) => r.rule === 'boilerplate/shop-rows');
      expect(rows.some((r) => r.text.includes('What buyers say') && r.text.includes('Review 5'))).toBe(true);
      // (Readability leaves the link-dense row out itself here; shopRows finds it above.)
      expect(doc.removed.some((r) => r.text.includes('Teapot model 6'))).toBe(true);
      const asArticle = await clean(PRODUCT, { url: 'https://shop.example.com/k2', engine, pageType: 'article' });
      expect(asArticle.removed.some((r) => r.rule === 'boilerplate/shop-rows')).toBe(false);
    });
  }
});
