// The product region of a product page without a marked main region: grown from the product's
// heading over its buy box, description and specifications, never into the page's frame or a
// pop-up outside it.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';
import { productHeading, productRegion } from './product-region.js';

const other = (i: number) => `<li><a href="/p/${i}">Other cup number ${i}</a></li>`;

// No <main>: the description and the spec table sit in a section below the buy box, and a long
// refund-policy pop-up (shown by script) sits outside the product's container.
const PRODUCT = `<!doctype html><html><head><title>Glass travel cup – Cup Shop</title>
<meta property="og:title" content="Glass travel cup"></head><body>
<header><nav><a href="/">Home</a> <a href="/cups">Cups</a> <a href="/cart">Cart</a></nav>
<h1 class="logo">Cup Shop</h1></header>
<div class="wrap">
 <div class="crumbs"><a href="/">Home</a> / <a href="/cups">Cups</a></div>
 <div class="product">
  <div class="gallery"><img src="/cup.jpg" alt=""></div>
  <div class="info"><h1>Glass travel cup</h1><p class="price">$24.00</p>
   <form action="/cart"><select name="size"><option>Small</option><option>Large</option></select>
   <button type="submit">Add to cart</button></form>
   <p>A travel cup blown from borosilicate glass with a silicone sleeve.</p></div>
 </div>
 <div class="details"><h2>Description</h2>
  <p>The cup keeps a hot drink warm for the length of a commute and goes in the dishwasher. Its sleeve is made of food-grade silicone and protects the hand from the heat.</p>
  <p>Each cup is blown by hand, so small bubbles in the glass are part of its character and not a fault of the piece.</p>
  <h2>Specifications</h2>
  <table><tr><th>Height</th><td>12 cm</td></tr><tr><th>Volume</th><td>340 ml</td></tr><tr><th>Weight</th><td>210 g</td></tr></table></div>
 <div class="also"><h2>You may also like</h2><ul>${[1, 2, 3, 4, 5, 6].map(other).join('')}</ul></div>
</div>
<div class="policy"><h2>Refund policy</h2>
 <p>Returns are accepted within thirty days of delivery when the goods are unused and in their original packaging; the buyer pays the return postage unless the goods arrived damaged, in which case we pay it and refund the full price including the original shipping charge.</p>
 <p>Refunds are made to the original means of payment within ten working days of our receiving the goods, and we will send an email when the refund has been made.</p>
 <p>Sale items, gift cards and personalised goods cannot be returned unless they are faulty, and a fault must be reported within fourteen days of delivery with a photograph.</p></div>
<footer><p>Cup Shop, 1 Harbour Street. Terms, privacy and cookie settings.</p></footer>
</body></html>`;

// The heading sits in a small hero beside a sidebar: no product region.
const HERO = `<!doctype html><html><head><title>Cups</title></head><body>
<div class="page"><div class="hero"><h1>Cups</h1></div>
<aside><p>Opening hours, the address of the shop and the phone number of the shop are listed here for callers.</p></aside>
${[1, 2, 3, 4].map((i) => `<p>Paragraph ${i} about the cups, the glass they are blown from and the people who blow them by hand in the workshop behind the shop.</p>`).join('')}
</div></body></html>`;

// No <main>: the buy box, then the description and specifications beside a row of 16 other
// products' cards (each a linked name and a price) in one container: the step from the buy box to
// the container adds more link text than other text, the cards' links.
const card = (i: number) =>
  `<li class="card"><a href="/p/board-${i}"><img src="/b${i}.jpg" alt=""><h3>Walnut serving board with handle, model ${i}, 40 cm</h3></a><span class="price">$${30 + i}.00</span></li>`;
const DESCRIPTION = `<div class="details"><h2>Description</h2>
 <p>The board is cut from a single piece of black walnut and finished with food-safe oil, so it can be used on both sides and sanded back when it wears thin after years of use.</p>
 <p>A groove around the edge of one side catches the juice of a roast, and rubber feet on the other keep it from sliding on the counter.</p>
 <h2>Specifications</h2><table><tr><th>Size</th><td>45 x 30 x 3 cm</td></tr><tr><th>Weight</th><td>2.4 kg</td></tr></table></div>`;
const boardPage = (details: string) => `<!doctype html><html><head><title>Walnut chopping board – Wood Shop</title>
<meta property="og:title" content="Walnut chopping board"></head><body>
<header><nav><a href="/">Home</a> <a href="/boards">Boards</a> <a href="/cart">Cart</a></nav></header>
<div class="content">
 <div class="product-top"><div class="gallery"><img src="/board.jpg" alt=""></div>
  <div class="buy"><h1>Walnut chopping board</h1><p class="price">$58.00</p><ul class="features">
   <li>Cut from one piece of black walnut, no glued strips</li><li>Juice groove on one side, rubber feet on the other</li>
   <li>Finished with food-safe oil, ready to use</li><li>Made by hand in our workshop in the valley</li>
   <li>Free delivery within three working days, returns within thirty days</li></ul><button>Add to cart</button></div></div>
 ${details}
 <div class="related"><h2>Customers also viewed</h2><ul class="cards">${Array.from({ length: 16 }, (_, i) => card(i)).join('')}</ul></div>
</div>
<footer><p>Wood Shop, 4 Mill Lane. Terms and privacy.</p></footer>
</body></html>`;

describe('product region of product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`grows from the product's heading over the description, not into the frame (${engine})`, async () => {
      const page = await parseHtml(PRODUCT, engine, null, []);
      try {
        const body = page.document.body;
        expect(productHeading(body)?.textContent).toBe('Glass travel cup');
        expect(productRegion(body)?.getAttribute('class')).toBe('wrap');
      } finally {
        page.close();
      }
    });

    it(`finds none when the heading's container stops at a sidebar with little text (${engine})`, async () => {
      const page = await parseHtml(HERO, engine, null, []);
      try {
        expect(productRegion(page.document.body)).toBeNull();
      } finally {
        page.close();
      }
    });

    it(`cleans a product page without a main region as its product region (${engine})`, async () => {
      const doc = await clean(PRODUCT, { url: 'https://cups.example.com/p/travel', engine, pageType: 'product' });
      expect(doc.title).toBe('Glass travel cup');
      for (const text of ['$24.00', 'goes in the dishwasher', 'small bubbles', 'Height', '340 ml'])
        expect(doc.text).toContain(text);
      for (const text of ['Refund policy', 'thirty days', 'Harbour Street', 'Other cup number 3', 'Add to cart'])
        expect(doc.text).not.toContain(text);
      const outside = doc.removed.filter((r) => r.rule === 'boilerplate/outside-article');
      expect(outside.some((r) => r.text.includes('thirty days'))).toBe(true);
      expect(outside.every((r) => r.reason === "outside the page's main region")).toBe(true);
      const chrome = doc.removed.filter((r) => r.rule === 'boilerplate/region-chrome');
      expect(chrome.some((r) => r.text.includes('Other cup number 3'))).toBe(true);
      // Cleaned as an article, the same page goes through Readability.
      const asArticle = await clean(PRODUCT, { url: 'https://cups.example.com/p/travel', engine, pageType: 'article' });
      const reasons = asArticle.removed.filter((r) => r.rule === 'boilerplate/outside-article').map((r) => r.reason);
      expect(reasons).not.toContain("outside the page's main region");
    });

    it(`takes in the description beside a row of other products' cards (${engine})`, async () => {
      const page = await parseHtml(boardPage(DESCRIPTION), engine, null, []);
      try {
        expect(productRegion(page.document.body)?.getAttribute('class')).toBe('content');
      } finally {
        page.close();
      }
      const doc = await clean(boardPage(DESCRIPTION), {
        url: 'https://wood.example.com/p/board',
        engine,
        pageType: 'product',
      });
      for (const text of ['$58.00', 'single piece of black walnut', 'catches the juice', 'Specifications', '2.4 kg'])
        expect(doc.text).toContain(text);
      for (const text of ['model 3, 40 cm', 'Customers also viewed', 'Mill Lane']) expect(doc.text).not.toContain(text);
    });

    it(`stops below a row of cards that comes with nothing but its heading (${engine})`, async () => {
      // The same step without the description: a heading and the cards, so the buy box is the region.
      const page = await parseHtml(boardPage('<p class="note">Ships in a gift box.</p>'), engine, null, []);
      try {
        expect(productRegion(page.document.body)?.getAttribute('class')).toBe('product-top');
      } finally {
        page.close();
      }
    });
  }
});
