import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

/** A customer's word, as a shop's site footer shows them on every page (long sentences: prose). */
const QUOTE = (name: string) =>
  `<p>I ordered the linen set from the workshop in the spring and it arrived within a week, wrapped in paper with a handwritten card from ${name}. The cloth is heavy and soft, the stitching is even, and after many washes it still looks new. I have since bought two more for my sisters and will order again.</p><p>${name}</p>`;

/**
 * A product page with no marked main region: the product (its name, price and a short
 * description) in the page's body, and a wall of customer quotes in the site's footer, wrapped
 * in a page builder's div. The quotes are nearly all of the page's prose.
 */
function shopPage(footerWrap: boolean): string {
  const quotes = ['Ana', 'Bea', 'Cleo', 'Dina', 'Eva', 'Fay', 'Gia', 'Hana'].map(QUOTE).join('');
  const footer = `<footer class="site-footer"><h2>What our customers say</h2>${quotes}<p>© 2026 Linen workshop</p></footer>`;
  return `<!doctype html><html lang="en"><head><title>Rust linen dress – Linen workshop</title>
<meta property="og:title" content="Rust linen dress"></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/about">About</a></nav></header>
<div class="page"><div class="product"><h1>Rust linen dress</h1><p class="price">€132.00</p>
<div class="summary"><h2>Description</h2><p>A strappy dress in three layers of washed linen, with a side zip and one pocket on the right: light and cool for the summer evenings.</p>
<ul><li>Materials: 100% linen</li><li>Care: dry clean only</li></ul></div>
<form action="/cart"><button>Add to cart</button></form></div></div>
${footerWrap ? `<div class="footer-wrap">${footer}</div>` : footer}
</body></html>`;
}

describe('container widening leaves the page frame alone', () => {
  for (const engine of ENGINES) {
    for (const wrap of [false, true]) {
      it(`keeps a product's description, not the site footer's quotes (${engine}${wrap ? ', footer wrapped' : ''})`, async () => {
        const document = await clean(shopPage(wrap), {
          url: 'https://shop.example/product/rust-linen-dress/',
          engine,
          pageType: 'product',
        });
        expect(document.text).toContain('A strappy dress in three layers of washed linen');
        expect(document.text).toContain('Materials: 100% linen');
        expect(document.text).not.toContain('I ordered the linen set from the workshop');
        const quotes = document.removed.find((removal) => removal.text.includes('I ordered the linen set'));
        expect(quotes).toBeDefined();
      });
    }
  }
});

/** The shop's story, as a site footer tells it on every page: long paragraphs of prose. */
const STORY = (i: number) =>
  `<p>In the year ${1990 + i} the workshop moved to a larger hall by the river, where the looms stand in two long rows and the cloth is washed in soft water before it is cut, sewn and pressed by hand for the orders of the week.</p>`;

/**
 * A product page with no marked main region whose product is short lines (a name, a price,
 * options, a spec list) and whose site footer tells the shop's story at length: Readability
 * takes the footer, which holds most of the page's prose.
 */
function storyPage(): string {
  const specs = ['Length: 110 cm', 'Fabric: washed linen', 'Colour: rust', 'Pockets: one', 'Zip: side', 'Lining: none']
    .map((line) => `<li>${line}</li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><title>Rust linen dress – Linen workshop</title>
<meta property="og:title" content="Rust linen dress"></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/about">About</a></nav></header>
<div class="page"><div class="product"><h1>Rust linen dress</h1><p class="price">€132.00</p>
<h2>Details</h2><ul>${specs}</ul><h2>Sizes</h2><ul><li>Small: chest 86 cm</li><li>Medium: chest 92 cm</li><li>Large: chest 98 cm</li></ul></div></div>
<footer><h2>Our story</h2>${[1, 2, 3, 4, 5, 6].map(STORY).join('')}<p>© 2026 Linen workshop</p></footer>
</body></html>`;
}

describe("a product page's region is not the site footer Readability took", () => {
  for (const engine of ENGINES) {
    it(`takes the page around its frame when Readability's pick stands in the footer (${engine})`, async () => {
      const document = await clean(storyPage(), {
        url: 'https://shop.example/product/rust-linen-dress/',
        engine,
        pageType: 'product',
      });
      expect(document.text).toContain('Fabric: washed linen');
      expect(document.text).toContain('Medium: chest 92 cm');
      expect(document.text).not.toContain('the workshop moved to a larger hall');
    });
  }
});
