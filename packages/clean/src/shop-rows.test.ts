// Review lists and rows of other products on a product page, customer reviews on a collection page (rule boilerplate/shop-rows).
import { countDomReads } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';
import { PRICE, shopRows } from './shop-rows.js';

/**
 * Parses `html` on `engine`, runs shopRows on the element `root` selects (or, with 'body', the
 * body) and hands the rows to `check` while the page is open.
 */
async function withRows(
  html: string,
  engine: 'linkedom' | 'jsdom',
  check: (rows: ReturnType<typeof shopRows>) => void,
  root = '.page',
  reviewsOnly = false,
): Promise<void> {
  const page = await parseHtml(html, engine, null, []);
  try {
    const el = root === 'body' ? page.document.body : page.document.body.querySelector(root)!;
    check(shopRows(el, [], reviewsOnly));
  } finally {
    page.close();
  }
}

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
      await withRows(
        PRODUCT,
        engine,
        (rows) => {
          expect(rows.map(({ element }) => element.getAttribute('class')).sort()).toEqual(['more', 'opinions']);
          expect(rows.find(({ element }) => element.getAttribute('class') === 'more')?.why).toBe(
            'a row of 6 product cards with prices',
          );
        },
        'body',
      );
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

// Reviews without rating markup: the container says what they are; "preview" is another word.
const NAMED = `<!doctype html><html><head><title>Kettle K3</title></head><body>
<div class="page"><h1>Kettle K3</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle', 'filter', 'cord'].map(para).join('')}</div>
<ul class="previews">${[1, 2, 3].map((i) => `<li>Preview ${i}: the kettle seen from side ${i}, in daylight on a kitchen table.</li>`).join('')}</ul>
<div id="customerReviews"><h2>What buyers say</h2><div class="list">${[1, 2, 3, 4]
  .map(
    (i) =>
      `<div class="entry"><b>Buyer ${i}</b><p>Opinion ${i}: it boils quickly and pours without dripping.</p></div>`,
  )
  .join('')}</div></div>
<h2>About Kettle K3</h2><p>Kettle K3 is a 1.5 litre kettle of brushed steel with a cool-touch handle and a base that turns all the way round.</p>
</div></body></html>`;

describe('reviews named as reviews, and "About <product>" on product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`takes a review list by its container's id, not a list of previews (${engine})`, async () => {
      await withRows(
        NAMED,
        engine,
        (rows) => {
          expect(rows.map(({ why }) => why)).toEqual(['a list of 4 items named as reviews']);
          expect(rows[0]!.element.textContent).toContain('Opinion 4');
          expect(rows[0]!.element.textContent).not.toContain('Preview 1');
        },
        'body',
      );
    });

    it(`keeps the product's "About" section on a product page; an article drops it (${engine})`, async () => {
      const doc = await clean(NAMED, { url: 'https://shop.example.com/k3', engine, pageType: 'product' });
      expect(doc.text).toContain('brushed steel with a cool-touch handle');
      expect(doc.text).toContain('Preview 2');
      expect(doc.text).not.toContain('Opinion 3');
      expect(doc.removed.some((r) => r.rule === 'boilerplate/about-company')).toBe(false);
      const asArticle = await clean(NAMED, { url: 'https://shop.example.com/k3', engine, pageType: 'article' });
      expect(asArticle.removed.some((r) => r.rule === 'boilerplate/about-company')).toBe(true);
      expect(asArticle.text).toContain('Opinion 3');
    });
  }
});

// A customer reviews section with a rating summary, a write form and reviews of two shapes (one
// with photos), longer than the product's copy; a block of quoted press reviews has no ratings.
const longReview = (i: number) =>
  `<p>Review ${i}: ${'we have used the kettle every morning for a month and it still boils quickly, pours without dripping and keeps its handle cool. '.repeat(8)}</p>`;
const SECTION = `<!doctype html><html><head><title>Kettle K4</title></head><body>
<div class="page"><h1>Kettle K4</h1>
<div class="copy">${['spout', 'lid', 'base'].map(para).join('')}</div>
<div class="press-reviews"><h2>Reviews</h2><blockquote>"The best kettle we tested this year." Kitchen Weekly</blockquote></div>
<section id="productReviews"><h2>Customer reviews</h2>
<div class="summary"><span class="rating-stars" aria-label="4.5 stars">4.5</span> 212 ratings</div>
<form action="/review"><button>Write a review</button></form>
<div class="review with-photos"><b>Buyer 1</b><img src="/r/1.jpg" alt="">${longReview(1)}</div>
<div class="review"><b>Buyer 2</b>${longReview(2)}</div>
</section>
</div></body></html>`;

describe('a section of customer reviews with ratings on product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`takes the section named as reviews that holds a rating, not the press reviews (${engine})`, async () => {
      await withRows(SECTION, engine, (rows) => {
        expect(rows.map(({ element, why }) => [element.getAttribute('id'), why])).toEqual([
          ['productReviews', 'a section of customer reviews'],
        ]);
      });
    });

    it(`drops it from a product page whose text it is most of (${engine})`, async () => {
      const doc = await clean(SECTION, { url: 'https://shop.example.com/k4', engine, pageType: 'product' });
      expect(doc.text).toContain('The spout of this kettle');
      expect(doc.text).toContain('The best kettle we tested this year');
      expect(doc.text).not.toContain('Review 2: we have used');
      expect(doc.text).not.toContain('212 ratings');
      expect(
        doc.removed.some((r) => r.rule === 'boilerplate/shop-rows' && r.text.includes('Review 1: we have used')),
      ).toBe(true);
    });
  }
});

// An editorial review of the product, rated, is the page's content: its element names a review
// and holds a rating, but it holds the headline too.
const EDITORIAL = `<!doctype html><html><head><title>Kettle X review</title></head><body><main>
<article class="post product-review"><h1>Kettle X review</h1>
<span class="star-rating" aria-label="4 stars">4/5</span>
${[1, 2, 3, 4, 5, 6].map((i) => `<p>Part ${i} of the review: we boiled water in the Kettle X every morning for a month, and it kept its promise on speed and noise.</p>`).join('')}
</article>
<section class="specs"><h2>Specifications</h2><p>Capacity 1.7 litres, 3 kW, a stainless steel body, a filter that lifts out for cleaning.</p><p>In the box: the kettle, its base with a cord of 75 centimetres, a descaling guide and a card for the two-year guarantee, which covers the element and the switch.</p><p>Colours: brushed steel, matt black and cream; the handle and the lid button are black on all three.</p></section>
</main></body></html>`;

describe('an editorial review of a product', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`is the content, not a section of customer reviews (${engine})`, async () => {
      const doc = await clean(EDITORIAL, { url: 'https://reviews.example.com/kettle-x', engine, pageType: 'product' });
      expect(doc.text).toContain('Part 6 of the review');
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/shop-rows')).toEqual([]);
    });
  }
});

// Text shown only on hover or click: a delivery estimate in a role="tooltip" box, return terms in
// a popover and a form to report a lower price in a custom <tool-tip> element; the product's copy
// and its size table (whose class names a "tip" of another kind) stay.
const HOVER = `<!doctype html><html><head><title>Kettle K5</title></head><body>
<div class="page"><h1>Kettle K5</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle'].map(para).join('')}</div>
<p class="delivery">Arrives by Friday <span class="help" role="tooltip">Your order should arrive by this date if you buy today; the date depends on the carrier and your address.</span></p>
<div class="returns"><button>Returns</button><div class="returnsPopover">Buyers pay the return postage; a kettle that arrives broken is replaced at no cost within thirty days.</div></div>
<tool-tip><span>Seen it cheaper?</span><div class="content"><label>Where did you see a lower price?</label><input name="url"></div></tool-tip>
<ul class="tips-and-care"><li>Descale the kettle once a month in a hard water area.</li><li>Empty it after use.</li></ul>
</div></body></html>`;

describe('tooltips and popovers on product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`finds the tooltip, the popover and the <tool-tip>, not the care tips (${engine})`, async () => {
      await withRows(HOVER, engine, (rows) => {
        expect(rows.map(({ element, why }) => [element.localName.toLowerCase(), why])).toEqual([
          ['span', 'a tooltip or popover'],
          ['div', 'a tooltip or popover'],
          ['tool-tip', 'a tooltip or popover'],
        ]);
      });
    });

    it(`drops them from a product page and reports them; an article keeps them (${engine})`, async () => {
      const doc = await clean(HOVER, { url: 'https://shop.example.com/k5', engine, pageType: 'product' });
      expect(doc.text).toContain('The handle of this kettle');
      expect(doc.text).toContain('Descale the kettle once a month');
      expect(doc.text).not.toContain('the date depends on the carrier');
      expect(doc.text).not.toContain('Buyers pay the return postage');
      expect(doc.text).not.toContain('Where did you see a lower price');
      const hover = doc.removed.filter(
        (r) => r.rule === 'boilerplate/shop-rows' && r.reason.endsWith('a tooltip or popover'),
      );
      expect(hover.some((r) => r.text.includes('Buyers pay the return postage'))).toBe(true);
      const asArticle = await clean(HOVER, { url: 'https://shop.example.com/k5', engine, pageType: 'article' });
      expect(asArticle.text).toContain('Buyers pay the return postage');
    });
  }
});

// What carries a tooltip is shown on the page: a glossary term marked has-tooltip inside a
// sentence, the visible line of the CSS-only pattern (a .tooltip holding its .tooltiptext), a spec
// table whose cells carry tooltips (with-tooltips).
const CARRIERS = `<!doctype html><html><head><title>Kettle K6</title></head><body>
<div class="page"><h1>Kettle K6</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle'].map(para).join('')}
<p>It boils a litre in ninety seconds thanks to its <span class="has-tooltip">rapid-boil element</span> and switches itself off when dry.</p>
<p class="delivery"><span class="tooltip">Free delivery in two days<span class="tooltiptext">On orders over 40 euros, to mainland addresses.</span></span></p></div>
<table class="specs with-tooltips"><tr><th>Capacity</th><td>1.7 litres</td></tr><tr><th>Power</th><td>3000 watts</td></tr><tr><th>Weight</th><td>1.1 kilograms</td></tr></table>
<div class="help-trigger tooltip"><span>Need help?</span></div>
<div class="tooltip-content" aria-hidden="true">Ask our staff by phone between nine and five.</div>
</div></body></html>`;

describe('what carries a tooltip on product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`keeps the term in a sentence, the visible line and the spec table; takes the popup (${engine})`, async () => {
      const doc = await clean(CARRIERS, { url: 'https://shop.example.com/k6', engine, pageType: 'product' });
      expect(doc.text).toContain('thanks to its rapid-boil element and switches itself off');
      expect(doc.text).toContain('Free delivery in two days');
      expect(doc.text).toContain('3000 watts');
      expect(doc.text).toContain('Need help?');
      expect(doc.text).not.toContain('Ask our staff by phone');
    });

    // The rating test of the sibling groups walks each item's elements (a selector query per item
    // took jsdom 95 s here). The reads of the tree are counted: twice the tooltips, twice the work.
    it(`walks the tooltips of one paragraph in work in proportion to them (${engine})`, async () => {
      const work = async (count: number) => {
        const tips = Array.from(
          { length: count },
          (_, i) => `Word ${i}. <span class="tooltip">Tip ${i} for the word.</span> `,
        ).join('');
        const html = `<!doctype html><html><body><div class="page"><h1>Kettle</h1><p>${tips}</p></div></body></html>`;
        const page = await parseHtml(html, engine, null, []);
        try {
          const el = page.document.body.querySelector('.page')!;
          const span = el.querySelector('span')!;
          let rows: ReturnType<typeof shopRows> = [];
          const reads = await countDomReads([span, span.firstChild!, el], () => {
            rows = shopRows(el);
          });
          expect(rows.length).toBe(count);
          return reads;
        } finally {
          page.close();
        }
      };
      const fewer = await work(2_500);
      const more = await work(5_000);
      expect(more / fewer).toBeLessThan(2.5);
    });
  }
});

// A product whose content holds a menu, a sidebar of offers and a footer on payment and delivery
// (a price in a footer does not make it a buy box); the product's name sits in a header, which stays.
const FRAME = `<!doctype html><html><head><title>Kettle K7</title></head><body>
<div class="page"><header class="product-head"><h1>Kettle K7</h1><p>Brushed steel, 1.5 litres.</p></header>
<nav><a href="/">Home</a> <a href="/kitchen">Kitchen</a> <a href="/kettles">Kettles</a> <button aria-expanded="false">More</button></nav>
<div class="copy">${['spout', 'lid', 'base', 'handle'].map(para).join('')}</div>
<aside><h2>This week only</h2><p>Ten per cent off every toaster with the code TOAST10 at the checkout.</p></aside>
<footer><p>We accept cards, bank transfers and gift vouchers. Free delivery from 50 €.</p><form><input type="email" name="email"><button>Sign up</button></form></footer>
</div></body></html>`;

// The buy box drawn as an aside beside the gallery (price, variants, the one-line pitch) and a
// footer closing the description (care and warranty): both the product's.
const BUY_BOX = `<!doctype html><html><head><title>Kettle K8</title></head><body>
<main><div class="product"><h1>Kettle K8</h1>
<div class="gallery"><img src="k8.jpg" alt="The kettle"></div>
<aside class="buy"><p class="price">€ 49,00</p><p>Boils 1.7 litres in under three minutes and keeps the water hot for an hour with the lid closed.</p>
<form action="/cart"><select name="colour"><option>Steel</option><option>Black</option></select><button>Add to basket</button></form></aside>
<div class="description">${['spout', 'lid', 'base', 'handle'].map(para).join('')}<footer><p>Two-year warranty; descale once a month in hard water areas.</p></footer></div>
</div></main></body></html>`;

describe('menus, sidebars and footers inside a product page', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`finds the nav, the aside and the footer, not the header (${engine})`, async () => {
      await withRows(FRAME, engine, (rows) => {
        expect(rows.map(({ element, why }) => [element.localName.toLowerCase(), why])).toEqual([
          ['nav', 'a page landmark (nav)'],
          ['aside', 'a page landmark (aside)'],
          ['footer', 'a page landmark (footer)'],
        ]);
      });
    });

    it(`drops them from a product page; the header with the name stays (${engine})`, async () => {
      const doc = await clean(FRAME, { url: 'https://shop.example.com/k7', engine, pageType: 'product' });
      expect(doc.text).toContain('Brushed steel, 1.5 litres.');
      expect(doc.text).toContain('The handle of this kettle');
      expect(doc.text).not.toContain('TOAST10');
      expect(doc.text).not.toContain('gift vouchers');
    });

    it(`looks inside a landmark that holds the product's name (${engine})`, async () => {
      const framed = FRAME.replace('<div class="page">', '<div class="page"><aside>').replace(
        '</div></body>',
        '</aside></div></body>',
      );
      await withRows(framed, engine, (rows) => {
        expect(rows.map(({ element }) => element.localName.toLowerCase())).toEqual(['nav', 'aside', 'footer']);
        expect(rows[1]!.element.textContent).toContain('TOAST10');
      });
    });

    it(`keeps a buy box drawn as an aside and a footer closing the description (${engine})`, async () => {
      await withRows(BUY_BOX, engine, (rows) => expect(rows).toEqual([]), '.product');
      const doc = await clean(BUY_BOX, { url: 'https://shop.example.com/k8', engine, pageType: 'product' });
      expect(doc.text).toContain('keeps the water hot for an hour');
      expect(doc.text).toContain('Two-year warranty');
      // Without its price and form the aside is a sidebar; a footer after a block is the page's.
      const bare = BUY_BOX.replace('<p class="price">€ 49,00</p>', '')
        .replace(/<form[\s\S]*?<\/form>/, '')
        .replace('<footer>', '</div><footer>')
        .replace('</footer></div>', '</footer>');
      const framed = await parseHtml(bare, engine, null, []);
      try {
        const rows = shopRows(framed.document.body.querySelector('.product')!);
        expect(rows.map(({ element }) => element.localName.toLowerCase())).toEqual(['aside', 'footer']);
      } finally {
        framed.close();
      }
    });
  }
});

describe('prices written after their number', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`finds a row of cards priced "24,90 €" or "30 euros" (${engine})`, async () => {
      for (const write of [(i: number) => `${20 + i},90 €`, (i: number) => `${30 + i} euros`]) {
        const cards = [1, 2, 3, 4]
          .map((i) => `<li class="tile"><a href="/p/${i}">Teapot model ${i}</a> <span>${write(i)}</span></li>`)
          .join('');
        const html = `<!doctype html><html><body><div class="page"><h1>Kettle K9</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle'].map(para).join('')}</div><ul>${cards}</ul></div></body></html>`;
        const page = await parseHtml(html, engine, null, []);
        try {
          const rows = shopRows(page.document.body.querySelector('.page')!);
          expect(rows.map(({ why }) => why)).toEqual(['a row of 4 product cards with prices']);
        } finally {
          page.close();
        }
      }
    });
  }
});

// Other products in sections named so by the theme (related products, recently viewed), linked
// but with no price shown; the product's own related care notes (no link) and its "also
// available" line stay.
const OTHERS = `<!doctype html><html><head><title>Kettle K10</title></head><body>
<div class="page"><h1>Kettle K10</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle'].map(para).join('')}</div>
<div class="related-care"><p>Descale the kettle once a month in a hard water area, with vinegar or citric acid.</p></div>
<p class="alsoAvailable">Also available in <a href="/k10-black">black</a>.</p>
<section class="related-products"><h2>You may like</h2><div><a href="/p/jug">Milk jug in steel</a></div><div><a href="/p/tin">Tea tin</a></div></section>
<div id="recentlyViewed"><h2>Seen lately</h2><a href="/p/toaster">Toaster T2</a></div>
</div></body></html>`;

// The product's own parts named with words that also name other products: what a set holds, what
// is in the box, a sentence about a similar model.
const OWN_PARTS = `<!doctype html><html><head><title>Kettle K5</title></head><body>
<div class="page"><h1>Kettle K5 breakfast set</h1>
<div class="copy">${['spout', 'lid', 'base', 'handle'].map(para).join('')}</div>
<div class="bundle-items"><h2>In this set</h2><ul><li><a href="/p/k5">Kettle K5</a>, 1.7 litres, brushed steel</li><li><a href="/p/t2">Toaster T2</a>, four slots and a bagel setting</li></ul></div>
<section id="accessories"><h2>In the box</h2><p>The kettle, its base, a limescale filter and the <a href="/k5.pdf">user manual</a>.</p></section>
<p class="note similar-models">Also sold as K5B in black; see the <a href="/compare">comparison table</a> for the differences in finish.</p>
</div></body></html>`;

describe('sections named as other products on product pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`takes the related products and the recently viewed, not the care notes (${engine})`, async () => {
      await withRows(OTHERS, engine, (rows) => {
        expect(
          rows.map(({ element, why }) => [element.getAttribute('class') || element.getAttribute('id'), why]),
        ).toEqual([
          ['related-products', 'a section named as other products'],
          ['recentlyViewed', 'a section named as other products'],
        ]);
      });
    });

    it(`keeps the product's own parts named with the same words (${engine})`, async () => {
      const doc = await clean(OWN_PARTS, { url: 'https://shop.example.com/k5', engine, pageType: 'product' });
      for (const kept of ['Toaster T2, four slots', 'In this set', 'a limescale filter', 'Also sold as K5B in black'])
        expect(doc.text).toContain(kept);
      expect(doc.removed.some((r) => r.reason.endsWith('a section named as other products'))).toBe(false);
    });

    // The pages below were once quadratic (23 s to 514 s); their work is counted, not timed.
    // A price is read from a number's first digit: a run of digits and commas is not read again
    // from each of its digits (500 such sidebars took jsdom and linkedom seconds each). That work
    // is the price pattern's, which no count of tree reads sees: see "reads a long run of digits"
    // below; here the sidebars are only read.
    it(`reads long runs of digits in sidebars (${engine})`, async () => {
      const aside = `<aside><p>${'1,'.repeat(1_000)}</p></aside>`;
      const html = `<!doctype html><html><body><div class="page"><h1>Kettle</h1>${para('lid')}${aside.repeat(500)}</div></body></html>`;
      await withRows(html, engine, (rows) => {
        expect(rows.length).toBeGreaterThan(0);
        expect([...new Set(rows.map(({ why }) => why))]).toEqual(['a page landmark (aside)']);
      });
    });

    // Whether a form asks for text is read once per form, not once per button: a sidebar's form
    // of 5,000 filter buttons before its search field queried the form 5,000 times (linkedom 40 s,
    // jsdom 514 s). The reads of the tree are counted on linkedom: twice the buttons, twice the
    // work (once per button, four times). On jsdom the counter itself reads its selector engine's
    // steps, which cost seconds here: the page is only read there.
    it(`reads a sidebar form of many buttons in work in proportion to it, and takes it as a landmark (${engine})`, async () => {
      const work = async (count: number) => {
        const buttons = Array.from(
          { length: count },
          (_, i) => `<button type="button" aria-label="size ${i}"></button>`,
        ).join('');
        const aside = `<aside><form>${buttons}<input type="search" name="q"></form></aside>`;
        const html = `<!doctype html><html><body><div class="page"><h1>Kettle</h1>${para('lid')}${para('spout')}${para('base')}<div>${aside}</div></div></body></html>`;
        const page = await parseHtml(html, engine, null, []);
        try {
          const el = page.document.body.querySelector('.page')!;
          let rows: ReturnType<typeof shopRows> = [];
          const read = () => {
            rows = shopRows(el);
          };
          const reads =
            engine === 'linkedom'
              ? await countDomReads([el.querySelector('button')!, el.querySelector('p')!.firstChild!, el], read)
              : (read(), 0);
          expect(rows.map(({ why }) => why)).toEqual(['a page landmark (aside)']);
          return reads;
        } finally {
          page.close();
        }
      };
      const fewer = await work(2_500);
      const more = await work(5_000);
      if (engine === 'linkedom') expect(more / fewer).toBeLessThan(2.5);
    });

    // Whether an element holds the headline is read from one walk up from each h1, not from a walk
    // of every element's subtree (a chain of 150 nested blocks of 300 spans took jsdom 23 s). The
    // reads of the tree are counted, not timed: a chain twice as deep is twice the work (2.0 on both
    // engines; 2.8 on jsdom when each row's links were found by its selector engine, which climbs
    // from each item to the root).
    it(`walks deeply nested product content in work in proportion to it (${engine})`, async () => {
      const level = Array.from({ length: 300 }, (_, i) => `<span>chip ${i}</span>`).join('');
      const work = async (depth: number) => {
        const html = `<!doctype html><html><body><div class="page"><h1>Kettle</h1>${para('lid')}${`<div>${level}`.repeat(depth)}${'</div>'.repeat(depth)}</div></body></html>`;
        const page = await parseHtml(html, engine, null, []);
        try {
          const el = page.document.body.querySelector('.page')!;
          const span = el.querySelector('span')!;
          return await countDomReads([span, span.firstChild!, el], () => {
            shopRows(el);
          });
        } finally {
          page.close();
        }
      };
      const shallow = await work(20);
      const deep = await work(40);
      expect(deep / shallow).toBeLessThan(2.5);
    });

    it(`drops them from a product page; an article keeps them (${engine})`, async () => {
      const doc = await clean(OTHERS, { url: 'https://shop.example.com/k10', engine, pageType: 'product' });
      expect(doc.text).toContain('Descale the kettle once a month');
      expect(doc.text).toContain('Also available in black');
      expect(doc.text).not.toContain('Milk jug in steel');
      expect(doc.text).not.toContain('Toaster T2');
      const named = doc.removed.filter((r) => r.reason.endsWith('a section named as other products'));
      expect(named.some((r) => r.text.includes('Toaster T2'))).toBe(true);
      const asArticle = await clean(OTHERS, { url: 'https://shop.example.com/k10', engine, pageType: 'article' });
      expect(asArticle.removed.some((r) => r.rule === 'boilerplate/shop-rows')).toBe(false);
    });
  }
});

describe('the price pattern', () => {
  // A number is read from its first digit, not again from each digit after it: on a run of 40,000
  // digits and commas that reads no price, read from each digit the pattern made some 8·10^8
  // steps (seconds), read once it makes 40,000 (under a millisecond). The work is the pattern
  // engine's, which no count of tree reads sees, so the bound is on this process's CPU time, with
  // a margin of hundreds over the linear reading: a loaded machine does not move it.
  it('reads a long run of digits once', () => {
    const run = `${'1,'.repeat(20_000)} per year`;
    const before = process.cpuUsage();
    expect(PRICE.test(run)).toBe(false);
    expect(PRICE.test(`${run} 49,00 €`)).toBe(true);
    const { user, system } = process.cpuUsage(before);
    expect((user + system) / 1000).toBeLessThan(200);
  });
});

// A collection page: a grid of rated product cards (the content) and, under it, the shop's customer reviews.
const ratedCard = (i: number) =>
  `<li class="card"><a href="/p/lamp-${i}">Desk lamp number ${i}</a><span class="rating" aria-label="4.${i} stars">4.${i}</span><span>€ ${30 + i},00</span></li>`;
const shopperReview = (name: string, words: string) =>
  `<div class="review-card"><span class="stars" aria-label="5 stars">5</span><b>${name}</b><p>${words}</p></div>`;
const COLLECTION = `<!doctype html><html><head><title>Desk lamps</title></head><body>
<header><nav><a href="/">Home</a> <a href="/lamps">Lamps</a></nav></header>
<main><h1>Desk lamps</h1><p>Our desk lamps come with a weighted base, a long cord and a switch you can reach without looking.</p><p>Every shade is made of recycled tin, and each lamp takes an ordinary bulb that any corner store will sell you.</p>
<ul class="grid">${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(ratedCard).join('')}</ul>
<section class="customer-reviews"><h2>What our buyers wrote</h2>
${shopperReview('Noor', 'The lamp arrived in two days and the warm light is kind to my eyes during late evenings of reading.')}
${shopperReview('Tomas', 'Sturdy arm that keeps its angle, and the switch has a pleasant click that my whole family likes.')}
${shopperReview('Ines', 'I ordered a second one for the guest room because the first has worked flawlessly for a full year.')}
</section></main>
<footer><p>Shop address and opening hours.</p></footer></body></html>`;

describe('customer reviews on collection pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`finds the customer reviews and leaves the rated product cards (${engine})`, async () => {
      await withRows(
        COLLECTION,
        engine,
        (rows) => {
          expect(rows.map(({ element }) => element.getAttribute('class'))).toEqual(['customer-reviews']);
        },
        'main',
        true,
      );
    });

    it(`cleans a collection page without its customer reviews, its cards kept (${engine})`, async () => {
      const doc = await clean(COLLECTION, { engine, pageType: 'collection' });
      expect(doc.text).toContain('Desk lamp number 9');
      expect(doc.text).not.toContain('warm light is kind to my eyes');
      expect(doc.removed.some((r) => r.rule === 'boilerplate/shop-rows' && r.text.includes('Sturdy arm'))).toBe(true);
    });
  }
});

// Rated cards without a price shown (the price is drawn by script): a name, stars, a count of colours, a link.
const unpricedCard = (i: number) =>
  `<li class="tile"><b>Hard case ${i}</b><span class="rating" aria-label="4 stars">4</span><span>${i + 2} colours</span><a href="/compare/${i}">Compare</a></li>`;
const UNPRICED_GRID = `<!doctype html><html><head><title>Hard cases</title></head><body><main><h1>Hard cases</h1>
<p>Our hard cases are made of a light shell that bends a little instead of cracking, with a lining that comes out for washing.</p>
<p>Each one comes with a spare set of wheels in the box and a cover for the handle, so a long trip does not mark it.</p>
<p>The smaller sizes fit the overhead bins of most planes, and the larger ones hold enough for two people on a long weekend.</p>
<p>A case that fails within ten years of use is mended or replaced by the workshop, whatever the damage and wherever it was bought.</p>
<p>The handles are tested by lifting a full case a thousand times, and the zips by opening and closing them until the teeth wear out.</p>
<section class="all-cases"><h2>All cases</h2><ul class="grid">${[1, 2, 3, 4, 5, 6].map(unpricedCard).join('')}</ul></section></main></body></html>`;

describe('rated cards on collection pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`does not read rated cards without a price as reviews: a review is written in sentences (${engine})`, async () => {
      await withRows(UNPRICED_GRID, engine, (rows) => expect(rows).toEqual([]), 'main', true);
    });
  }
});

// A collection of recipes: rated cards whose linked titles lead to the recipes, each with a line about it.
const recipeCard = (name: string, line: string, stars: string) =>
  `<li class="recipe"><span class="rating stars" aria-label="${stars} out of 5 stars">${stars}</span><h3><a href="/recipes/${name.toLowerCase().replace(/ /g, '-')}">${name}</a></h3><p>${line}</p></li>`;
const RECIPES = `<!doctype html><html><head><title>Winter soups</title></head><body><main><h1>Winter soups</h1>
<p>Soups for the cold months, cooked in one pot and ready within the hour, most of them from what a cupboard holds in January.</p>
<p>Every recipe here was cooked three times in our test kitchen before we wrote it down, and each one keeps for days in the fridge.</p>
<p>Most of them freeze well in flat bags, so a double batch on a quiet Sunday gives a fast supper on a busy weeknight later on.</p>
<ul class="recipes">
${recipeCard('Barley and leek pot', 'A slow pot of pearl barley and sweet leeks, finished with a spoon of mustard.', '4.6')}
${recipeCard('Smoky bean bowl', 'Three kinds of beans simmered with paprika until the broth turns thick and red.', '4.4')}
${recipeCard('Parsnip cream', 'Roasted parsnips blended with a little milk and a pinch of nutmeg for a silky bowl.', '4.8')}
${recipeCard('Green pea broth', 'Frozen peas and fresh mint in a clear broth that takes fifteen minutes from start to table.', '4.2')}
${recipeCard('Red onion soup', 'Onions cooked down for an hour, then topped with toasted bread and a sharp cheese.', '4.7')}
${recipeCard('Pumpkin and ginger', 'Sweet pumpkin warmed with fresh ginger and a squeeze of lime just before serving.', '4.5')}
</ul></main></body></html>`;

describe('rated cards that lead to their pages on collection pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`keeps a grid of rated recipe cards (${engine})`, async () => {
      await withRows(RECIPES, engine, (rows) => expect(rows).toEqual([]), 'main', true);
      const doc = await clean(RECIPES, { engine, pageType: 'collection' });
      expect(doc.text).toContain('Three kinds of beans simmered with paprika');
      expect(doc.text).toContain('Pumpkin and ginger');
    });
  }
});

// The same recipe cards named as reviews by their classes: an index of rated recipes, each leading to its page.
const RECIPE_REVIEWS = RECIPES.replace('<ul class="recipes">', '<ul class="reviews-list">').replaceAll(
  '<li class="recipe">',
  '<li class="review-card">',
);

describe('an index of rated cards named as reviews on collection pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`keeps the cards that lead to their pages (${engine})`, async () => {
      const doc = await clean(RECIPE_REVIEWS, { engine, pageType: 'collection' });
      expect(doc.text).toContain('Three kinds of beans simmered with paprika');
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/shop-rows')).toEqual([]);
    });
  }
});

// A magazine's roundup of its own critics' capsule reviews, cleaned as a collection: a section
// named as reviews, each item rated and written in sentences, no links, and nothing that says the
// reviews are a shop's customers'.
const capsule = (title: string, stars: number, words: string) =>
  `<li class="capsule-review"><h3>${title}</h3><div class="rating" aria-label="${stars} of 5 stars">${'★'.repeat(stars)}</div><p>${words}</p><span class="byline">Our theatre critic</span></li>`;
const ROUNDUP = `<!doctype html><html><head><title>Plays opening this month</title></head><body>
<nav><a href="/">Front page</a> <a href="/stage">Stage</a></nav>
<main><h1>Plays opening this month, in brief</h1>
<p>Five new productions reached the small stages of the harbour district this month, and our critic saw each of them twice before writing.</p>
<p>The rooms are tiny, the budgets smaller, and the best of the five do more with a single lamp and a chair than the big houses manage with a revolving set.</p>
<p>Stars are out of five and judge the evening as a whole. Tickets for all five are still on sale at the door, and three of the runs have been extended into next month.</p>
<ul class="reviews">
${capsule('The Lighthouse Keeper', 4, 'A two-hander that trusts its silences. The second act sags when the brother arrives, but the ending lands with real weight.')}
${capsule('Salt in the Bread', 3, 'Lively and warm, though the jokes repeat and the songs stop the story rather than carry it forward.')}
${capsule('North Window', 5, 'The month’s best evening: a quiet family drama whose final scene left the whole room holding its breath.')}
${capsule('Paper Boats', 2, 'A bold idea buried under too many props; the cast works hard against a script that never settles on a tone.')}
${capsule('The Long Ferry', 4, 'Funny, sad and very short, with a lead performance that makes one corner of the harbour feel enormous.')}
</ul></main><footer>Harbour district weekly</footer></body></html>`;

describe("a critics' roundup on collection pages", () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`keeps the publication's own capsule reviews: nothing says they are customers' (${engine})`, async () => {
      await withRows(ROUNDUP, engine, (rows) => expect(rows).toEqual([]), 'main', true);
      const doc = await clean(ROUNDUP, { engine, pageType: 'collection' });
      expect(doc.text).toContain('whose final scene left the whole room holding its breath');
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/shop-rows')).toEqual([]);
    });

    it(`takes the same reviews with a sign that they are customers', under a collection's reason (${engine})`, async () => {
      const signs = [
        ROUNDUP.replace('<ul class="reviews">', '<ul class="reviews customer-reviews">'),
        ROUNDUP.replaceAll('Our theatre critic', 'Verified buyer'),
        ROUNDUP.replace('<ul class="reviews">', '<div class="reviews"><ul>').replace(
          '</ul></main>',
          '</ul><a href="#new-review">Write a review</a></div></main>',
        ),
        ROUNDUP.replace('<main>', '<main itemscope itemtype="https://schema.org/Product">'),
      ];
      for (const [i, html] of signs.entries()) {
        const doc = await clean(html, { engine, pageType: 'collection' });
        expect(doc.text, `sign ${i}`).not.toContain('whose final scene left the whole room holding its breath');
        const taken = doc.removed.filter((r) => r.rule === 'boilerplate/shop-rows');
        expect(taken.length).toBe(1);
        expect(taken[0]!.reason).toMatch(/^not the collection's content: /);
      }
    });
  }
});
