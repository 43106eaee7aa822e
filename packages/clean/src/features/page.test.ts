import { describe, expect, it } from 'vitest';

import { parseHtml } from '../dom.js';
import { PAGE_FEATURE_NAMES, PRICE, pageFeatures } from './page.js';

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

/** The page features of `html` parsed with `engine` at `url`, as a lookup by feature name. */
async function featuresOf(html: string, engine: 'linkedom' | 'jsdom', url: string | null) {
  const page = await parseHtml(html, engine, url, []);
  const values = pageFeatures(page.document, url);
  page.close();
  return (name: string) => values[PAGE_FEATURE_NAMES.indexOf(name)]!;
}

describe.each(['linkedom', 'jsdom'] as const)('the page walk on %s', (engine) => {
  it('counts the chrome and structure features of the body, a head inside it for structure only', async () => {
    const page = await parseHtml(
      `<!doctype html><html><head><title>Winter tents</title></head><body>
<p>Intro text here</p><h1>Winter tents</h1>
<nav><ul><li><a href="/a">Top</a><ul><li><a href="/b">Deep one</a></li><li><a href="/c">Deep two</a></li></ul></li></ul></nav>
<div itemscope itemtype="https://schema.org/Product"><button>Add to cart</button></div>
<svg><a href="/d">Drawn</a></svg><p>Outro</p></body></html>`,
      engine,
      null,
      [],
    );
    const { document } = page;
    // A <head> element inside the body (a parser leaves none there; a script could put one).
    const inner = document.createElement('head');
    inner.innerHTML = '<div itemtype="https://schema.org/FAQPage"><button>Add to cart</button></div>';
    document.body.append(inner);
    const values = pageFeatures(document, null);
    const feature = (name: string) => values[PAGE_FEATURE_NAMES.indexOf(name)];
    // Structure: the product and, in the head inside the body, the FAQ page; the text before
    // the <h1> is the intro line (13 of the 60 visible characters: the head inside the body is not text).
    expect(feature('md-product')).toBe(1);
    expect(feature('md-service')).toBe(1);
    expect(feature('text-after-h1-share')).toBeCloseTo(1 - 13 / 60, 12);
    // Chrome: the nested links of the navigation, one cart button (not the head's).
    expect(feature('log-sidebar-tree-links')).toBeCloseTo(Math.log1p(2), 12);
    expect(feature('log-cart-buttons')).toBeCloseTo(Math.log1p(1), 12);
    expect(feature('h1-count-one')).toBe(1);
    page.close();
  });

  it('takes a breadcrumb trail for a breadcrumb, not for a collection; an item list is one', async () => {
    // A product page whose trail is given both as JSON-LD and as microdata: both are made of
    // ListItems, as every BreadcrumbList is.
    const trail = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://shop.test/' },
        { '@type': 'ListItem', position: 2, name: 'Tents', item: 'https://shop.test/tents' },
      ],
    });
    const onProduct = await featuresOf(
      `<!doctype html><html><head><title>Ridge tent</title>
<script type="application/ld+json">${trail}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Ridge tent","offers":{"@type":"Offer","price":"199.00"}}</script>
</head><body>
<ol itemscope itemtype="https://schema.org/BreadcrumbList">
<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/"><span itemprop="name">Home</span></a></li>
<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/tents"><span itemprop="name">Tents</span></a></li>
</ol>
<h1>Ridge tent</h1><p>A two-person tent for four seasons.</p><button>Add to cart</button></body></html>`,
      engine,
      'https://shop.test/tents/ridge',
    );
    expect(onProduct('ld-breadcrumb')).toBe(1);
    expect(onProduct('md-breadcrumb')).toBe(1);
    expect(onProduct('ld-product')).toBe(1);
    expect(onProduct('ld-collection')).toBe(0);
    expect(onProduct('md-collection')).toBe(0);

    // A category page that lists its products as an ItemList, in JSON-LD and in microdata.
    const list = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://shop.test/tents/ridge' },
        { '@type': 'ListItem', position: 2, url: 'https://shop.test/tents/dome' },
      ],
    });
    const onCategory = await featuresOf(
      `<!doctype html><html><head><title>Tents</title>
<script type="application/ld+json">${list}</script></head><body><h1>Tents</h1>
<ul itemscope itemtype="https://schema.org/ItemList">
<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a href="/tents/ridge">Ridge tent</a></li>
<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a href="/tents/dome">Dome tent</a></li>
</ul></body></html>`,
      engine,
      'https://shop.test/tents',
    );
    expect(onCategory('ld-collection')).toBe(1);
    expect(onCategory('md-collection')).toBe(1);
    expect(onCategory('ld-breadcrumb')).toBe(0);
  });
});

describe.each(['linkedom', 'jsdom'] as const)('card features on %s', (engine) => {
  const features = (body: string) =>
    featuresOf(`<!doctype html><html><head><title>Cards</title></head><body>${body}</body></html>`, engine, null);

  it('reads the date, byline and teaser of news teasers, and no price', async () => {
    const teaser = (i: number) =>
      `<li class="teaser"><h3><a href="/news/${i}">Council votes on the new bridge, part ${i}</a></h3>
<time datetime="2026-03-0${i}">3 March 2026</time><span>By Jane Doe</span>
<p>The council met on Tuesday evening and voted to fund the second half of the bridge over the river.</p></li>`;
    const feature = await features(`<h1>News</h1><ul>${[1, 2, 3, 4].map(teaser).join('')}</ul>
<footer><ul><li><a href="/a">About us</a></li><li><a href="/b">Contact</a></li><li><a href="/c">Jobs</a></li></ul></footer>`);
    expect(feature('card-date-share')).toBe(1);
    expect(feature('card-byline-share')).toBe(1);
    expect(feature('card-teaser-share')).toBe(1);
    expect(feature('card-buy-share')).toBe(0);
    expect(feature('cards-price-share')).toBe(0);
  });

  it('finds product cards with no text outside their links, and their prices', async () => {
    // Each card: a linked image and name and a price; far less than 40 characters outside links,
    // so they are no repeated group with text of their own, but they are cards.
    const card = (i: number) =>
      `<div class="card"><a href="/p/${i}"><img src="/i/${i}.jpg" alt=""></a><a href="/p/${i}">Mug ${i}</a><span>$${i}9.00</span></div>`;
    const feature = await features(`<h1>Mugs</h1><div class="grid">${[1, 2, 3, 4, 5].map(card).join('')}</div>`);
    expect(feature('cards-price-share')).toBe(1);
  });

  it('takes the cards inside sections of a grid, not the sections', async () => {
    // Three sections, each a heading, a link and four cards, two of them priced: the cards'
    // price share is 1/2. Counted as cards, the sections (each holding a price) would raise it.
    const card = (s: number, i: number) =>
      `<div class="card"><a href="/p/${s}${i}"><img src="/i/${s}${i}.jpg" alt=""></a><a href="/p/${s}${i}">Item ${s}${i}</a>${
        i % 2 ? `<span>${i}0,00 €</span>` : '<span>Sold out</span>'
      }</div>`;
    const section = (s: number) =>
      `<section class="shelf"><h2><a href="/c/${s}">Shelf ${s}</a></h2><div class="row">${[1, 2, 3, 4]
        .map((i) => card(s, i))
        .join('')}</div></section>`;
    const feature = await features(`<h1>Shop</h1><main>${[1, 2, 3].map(section).join('')}</main>`);
    expect(feature('cards-price-share')).toBe(0.5);
  });
});

describe.each(['linkedom', 'jsdom'] as const)('dates and microformats posts on %s', (engine) => {
  const features = (body: string) =>
    featuresOf(`<!doctype html><html><head><title>Page</title></head><body>${body}</body></html>`, engine, null);
  const sentence = 'The council met on Tuesday evening and voted to fund the second half of the bridge.';

  it('sees one date near the top of an article and a date down every item of a listing', async () => {
    const article = await features(
      `<header><p>Updated 1 June 2026</p></header><h1>Bridge</h1><p>Posted March 3, 2026</p>${`<p>${sentence}</p>`.repeat(10)}`,
    );
    // One date in the page's own text (the header's is the frame's), at its start.
    expect(article('log-dates')).toBeCloseTo(Math.log1p(1), 12);
    expect(article('log-distinct-dates')).toBeCloseTo(Math.log1p(1), 12);
    expect(article('date-spread')).toBe(0.1);
    expect(article('first-date-position')).toBeLessThan(0.05);

    const item = (i: number) =>
      `<li><h3><a href="/n/${i}">Item ${i}</a></h3><p>${sentence}</p><p>2026-03-0${i}</p></li>`;
    const listing = await features(`<h1>News</h1><ul>${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(item).join('')}</ul>`);
    expect(listing('log-dates')).toBeCloseTo(Math.log1p(9), 12);
    expect(listing('log-distinct-dates')).toBeCloseTo(Math.log1p(9), 12);
    expect(listing('date-spread')).toBeGreaterThanOrEqual(0.8);
    expect(listing('dates-per-1000-words')).toBeGreaterThan(article('dates-per-1000-words'));

    const none = await features(`<h1>Our services</h1>${`<p>${sentence}</p>`.repeat(5)}`);
    expect(none('log-dates')).toBe(0);
    expect(none('dates-per-1000-words')).toBe(0);
    expect(none('first-date-position')).toBe(1);
  });

  it('counts posts marked hentry or h-entry, not classes that only contain the word', async () => {
    const feature = await features(
      `<article class="post hentry"><p>${sentence}</p></article><article class="h-entry"><p>${sentence}</p></article>
<div class="hentry-meta">x</div><div class="entry">y</div><div id="main" class="site h-entry">z</div>`,
    );
    expect(feature('log-h-entries')).toBeCloseTo(Math.log1p(3), 12);
  });
});
