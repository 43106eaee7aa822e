// Page types: the features of hand-made pages, the model's arithmetic, model checks, and how a
// page's type changes what is kept (a forum thread keeps its replies, an article drops them).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { PAGE_TYPES } from '@corpuskit/document';
import type { PageType } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { pageCaptionShare } from './dom-engine.js';
import { parseHtml } from './dom.js';
import { CHROME_FEATURES } from './features/chrome.js';
import { PAGE_FEATURE_NAMES } from './features/page.js';
import {
  WORD_SCORE_NAMES,
  bundledPageTypeModel,
  checkPageTypeModel,
  classifyPage,
  pageTypeFeatures,
  pageTypeInputs,
  pageTypeProbabilities,
  wordScores,
} from './page-type.js';
import type { PageTypeModel } from './page-type.js';
import { MIN_LEAD_OVER_ARTICLE, MIN_TYPE_CONFIDENCE, cleaningType, mainThread } from './page-type-rules.js';
import type { CleaningGain } from './page-type-rules.js';
import { mainRegion } from './type-roots.js';

const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 7 === 0 ? '.' : ''}`).join(' ');

const post = (i: number) => `
  <div class="post message" id="post-${i}">
    <div class="author"><a href="/u/user${i}">user${i}</a> <time datetime="2024-05-0${i}">May ${i}</time></div>
    <div class="post-body"><p>Reply number ${i} says ${words(40, `word${i}`)} and ends here.</p></div>
    <div class="comment-controls">Reply</div>
  </div>`;

const FORUM = `<!doctype html><html><head><title>Which tent for winter? - Outdoor forum</title>
<meta name="generator" content="Discourse 3.2">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Which tent"}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/latest">Latest</a></nav></header>
<main><h1>Which tent for winter?</h1><div class="topic-posts">${[1, 2, 3, 4, 5].map(post).join('')}</div></main>
<footer><a href="/about">About</a></footer></body></html>`;

const PRODUCT = `<!doctype html><html><head><title>Trail shoe X</title><meta property="og:type" content="product">
<script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer","price":"89.99"}}</script></head>
<body><h1>Trail shoe X</h1><div class="price">$89.99</div><form class="cart"><select><option>42</option></select>
<input type="number" name="qty"><button>Add to cart</button></form><p>${words(60, 'grip')}</p></body></html>`;

const DOCS = `<!doctype html><html><head><title>parse() - API reference</title></head><body>
<nav class="sidebar toc"><ul><li><a href="/docs/a">A</a></li><li><a href="/docs/b">B</a></li></ul></nav>
<main><h1>parse()</h1><p>${words(30, 'parses')}</p><pre><code>const x = parse(input);
console.log(x);</code></pre><h2>Options</h2><p>${words(20, 'option')}</p><pre><code>parse(input, { strict: true });</code></pre></main></body></html>`;

async function featuresOf(html: string, url: string): Promise<Record<string, number>> {
  const values = await pageTypeFeatures(html, { url });
  return Object.fromEntries(PAGE_FEATURE_NAMES.map((name, i) => [name, values[i]!]));
}

const ARTICLE_WITH_COMMENTS = `<!doctype html><html><head><title>Council votes on the bridge</title></head><body>
<main><article><h1>Council votes on the bridge</h1>
${[1, 2, 3, 4, 5, 6].map((i) => `<p>Paragraph ${i} of the report: ${words(70, `fact${i}`)} and so on.</p>`).join('')}
</article><section id="comments"><h2>3 Comments</h2>${[1, 2, 3].map(post).join('')}</section></main></body></html>`;

/** A model whose only signal is the bias: every page gets `type` (confidence e^b / (e^b + 6)). */
function constantModel(type: PageType, bias = 3): PageTypeModel {
  const n = PAGE_FEATURE_NAMES.length;
  return {
    kind: 'page-type/logistic',
    features: [...PAGE_FEATURE_NAMES],
    types: [...PAGE_TYPES],
    mean: new Array<number>(n).fill(0),
    scale: new Array<number>(n).fill(1),
    weights: PAGE_TYPES.map(() => new Array<number>(n).fill(0)),
    bias: PAGE_TYPES.map((t) => (t === type ? bias : 0)),
  };
}

/** A model whose probabilities are the softmax of `biases` on every page. */
function biasModel(biases: Partial<Record<PageType, number>>, cleaningGain?: CleaningGain): PageTypeModel {
  return {
    ...constantModel('article'),
    bias: PAGE_TYPES.map((t) => biases[t] ?? -5),
    ...(cleaningGain ? { cleaningGain } : {}),
  };
}

/**
 * A cleaning gain like the measured one: any other type's rules cost a page 0.03; the article
 * rules cost a forum 0.25 and a listing 0.13.
 */
function gainTable(): Record<PageType, Record<PageType, number>> {
  const gain = Object.fromEntries(
    PAGE_TYPES.map((t) => [t, Object.fromEntries(PAGE_TYPES.map((c) => [c, c === t ? 0 : -0.03]))]),
  ) as Record<PageType, Record<PageType, number>>;
  gain.forum.article = -0.25;
  gain.listing.article = -0.13;
  return gain;
}

const typedAs = (scores: Partial<Record<PageType, number>>) => {
  const all = Object.fromEntries(PAGE_TYPES.map((t) => [t, scores[t] ?? 0])) as Record<PageType, number>;
  const type = PAGE_TYPES.reduce((a, b) => (all[b] > all[a] ? b : a));
  return { type, confidence: all[type], scores: all };
};

describe('the type a page is cleaned as', () => {
  it('weighs the two most probable types by what each set of rules costs the other', () => {
    const gain = gainTable();
    // 0.55 article / 0.4 listing: as article 0.4 x -0.13 = -0.052; as listing 0.55 x -0.03 = -0.017.
    expect(cleaningType(typedAs({ article: 0.55, listing: 0.4, service: 0.05 }), gain)).toBe('listing');
    // 0.9 / 0.08: as article -0.0104, as listing -0.027.
    expect(cleaningType(typedAs({ article: 0.9, listing: 0.08, service: 0.02 }), gain)).toBe('article');
    // Two types that cost each other alike: the most probable one.
    expect(cleaningType(typedAs({ product: 0.5, collection: 0.45, article: 0.05 }), gain)).toBe('product');
    // A third type is never chosen, however its rules would score.
    const third = gainTable();
    for (const t of PAGE_TYPES) third[t].documentation = t === 'documentation' ? 0 : 1;
    expect(cleaningType(typedAs({ article: 0.5, service: 0.3, documentation: 0.2 }), third)).toBe('article');
  });
  it('without a gain, cleans as the most probable type from MIN_TYPE_CONFIDENCE, else as an article', () => {
    expect(cleaningType(typedAs({ listing: 0.6, article: 0.3, service: 0.1 }))).toBe('listing');
    const unsure = typedAs({ listing: 0.25, article: 0.24, service: 0.2, forum: 0.16, product: 0.15 });
    expect(unsure.confidence).toBeLessThan(MIN_TYPE_CONFIDENCE);
    expect(cleaningType(unsure)).toBe('article');
  });
  it('cleans as a region type (product, collection, listing, service) only when it leads the article by MIN_LEAD_OVER_ARTICLE', () => {
    expect(cleaningType(typedAs({ listing: 0.42, article: 0.33, service: 0.25 }))).toBe('article');
    expect(cleaningType(typedAs({ service: 0.45, article: 0.36, listing: 0.19 }))).toBe('article');
    expect(cleaningType(typedAs({ service: 0.45, article: 0.34, listing: 0.21 }))).toBe('service');
    // A lead of exactly 0.1 is enough (0.5 - 0.4 is 0.09999999999999998 in floating point).
    expect(cleaningType(typedAs({ service: 0.5, article: 0.4, listing: 0.1 }))).toBe('service');
    expect(cleaningType(typedAs({ listing: 0.45, article: 0.35, service: 0.2 }))).toBe('listing');
    // The lead is over the article only: two region types close together are not an article.
    expect(cleaningType(typedAs({ product: 0.45, collection: 0.4, article: 0.15 }))).toBe('product');
    // A forum and documentation need no lead (a forum is checked for its thread instead).
    expect(cleaningType(typedAs({ forum: 0.45, article: 0.4, listing: 0.15 }))).toBe('forum');
    expect(cleaningType(typedAs({ documentation: 0.45, article: 0.4, listing: 0.15 }))).toBe('documentation');
    expect(MIN_LEAD_OVER_ARTICLE).toBe(0.1);
  });
  it('cleans a page of articles-like probabilities as an article though the model reports a listing', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const url = 'https://news.example.org/2024/05/council-votes';
      const unsure = biasModel({ listing: Math.log(0.46), article: Math.log(0.4), service: Math.log(0.14) });
      const out = await clean(ARTICLE_WITH_COMMENTS, { url, engine, pageTypeModel: unsure });
      expect(out.pageType?.type, engine).toBe('listing');
      expect(out.pageType?.cleanedAs, engine).toBe('article');
      // Cleaned as an article, the comment thread under it goes.
      expect(out.text, engine).toContain('Paragraph 6 of the report');
      expect(out.text, engine).not.toContain('Reply number 2 says');
      const sure = biasModel({ listing: Math.log(0.7), article: Math.log(0.2), service: Math.log(0.1) });
      const asListing = await clean(ARTICLE_WITH_COMMENTS, { url, engine, pageTypeModel: sure });
      expect(asListing.pageType?.cleanedAs, engine).toBe('listing');
    }
  });
  it('reports the most probable type and, apart, the type it cleaned the page as', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      // P(article) 0.55, P(forum) 0.45: the article rules would drop the thread's replies.
      const model = biasModel({ article: Math.log(0.55), forum: Math.log(0.45) });
      const url = 'https://forum.example.org/t/x/1';
      const withGain = await clean(FORUM, { url, engine, pageTypeModel: { ...model, cleaningGain: gainTable() } });
      expect(withGain.pageType?.type, engine).toBe('article');
      expect(withGain.pageType?.cleanedAs, engine).toBe('forum');
      for (const i of [1, 2, 3, 4, 5]) expect(withGain.text, engine).toContain(`Reply number ${i} says`);
      // Only a thread cleaned as a forum loses the chrome around its posts.
      expect(withGain.removed.some((r) => r.rule === 'boilerplate/post-chrome')).toBe(true);
      const without = await clean(FORUM, { url, engine, pageTypeModel: model });
      expect(without.pageType?.type, engine).toBe('article');
      expect(without.pageType?.cleanedAs, engine).toBe('article');
      expect(without.removed.some((r) => r.rule === 'boilerplate/post-chrome')).toBe(false);
      const given = await clean(FORUM, { url, engine, pageType: 'forum' });
      expect(given.pageType?.cleanedAs, engine).toBe('forum');
    }
  });
  it('refuses a model whose cleaning gain misses a pair of types or is not a number', () => {
    const gain = gainTable() as Record<string, Record<string, number>>;
    delete gain.service!.forum;
    expect(() => checkPageTypeModel({ ...constantModel('article'), cleaningGain: gain })).toThrow(/cleaningGain/);
    const nan = gainTable();
    nan.article.listing = Number.NaN;
    expect(() => checkPageTypeModel({ ...constantModel('article'), cleaningGain: nan })).toThrow(/cleaningGain/);
    expect(checkPageTypeModel({ ...constantModel('article'), cleaningGain: gainTable() }).cleaningGain).toBeDefined();
  });
});

describe('page features', () => {
  it('has one value per name, all finite', async () => {
    const values = await pageTypeFeatures(FORUM, { url: 'https://forum.example.org/t/which-tent/123' });
    expect(values).toHaveLength(PAGE_FEATURE_NAMES.length);
    expect(values.every(Number.isFinite)).toBe(true);
    expect(new Set(PAGE_FEATURE_NAMES).size).toBe(PAGE_FEATURE_NAMES.length);
  });
  it('reads a forum thread: repeated posts with dates, forum JSON-LD, forum software, thread URL', async () => {
    const f = await featuresOf(FORUM, 'https://forum.example.org/t/which-tent/123');
    expect(f['ld-forum']).toBe(1);
    expect(f['gen-forum']).toBe(1);
    expect(f['url-subdomain-forum']).toBe(1);
    expect(f['url-t']).toBe(1);
    expect(f['log-max-repeat-with-time']).toBeCloseTo(Math.log1p(5), 12);
    expect(f['class-forum']).toBeGreaterThan(0);
    expect(f['ld-product']).toBe(0);
  });
  it('reads a product page: price, cart form, Product JSON-LD, og:type product', async () => {
    const f = await featuresOf(PRODUCT, 'https://shop.example.com/products/trail-shoe-x');
    expect(f['ld-product']).toBe(1);
    expect(f['og-product']).toBe(1);
    expect(f['log-prices']).toBeGreaterThan(0);
    expect(f['tag-form']).toBeGreaterThan(0);
    expect(f['class-shop']).toBeGreaterThan(0);
    expect(f['log-cart-buttons']).toBeCloseTo(Math.log1p(1), 12);
    expect(f['url-products']).toBe(1);
  });
  it('reads the URL without its tracking parameters: a campaign tag does not move the type', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const address = 'https://news.example.org/2024/05/council-votes';
      const tagged = `${address}?utm_source=letter&utm_campaign=spring&fbclid=abc123`;
      const plain = await pageTypeFeatures(ARTICLE_WITH_COMMENTS, { url: address, engine });
      expect(await pageTypeFeatures(ARTICLE_WITH_COMMENTS, { url: tagged, engine }), engine).toEqual(plain);
      // The bundled model types the page the same with and without the campaign tags.
      const a = await clean(ARTICLE_WITH_COMMENTS, { url: address, engine });
      const b = await clean(ARTICLE_WITH_COMMENTS, { url: tagged, engine });
      expect(b.pageType, engine).toEqual(a.pageType);
      // A parameter that selects content is still a query.
      const paged = await pageTypeFeatures(ARTICLE_WITH_COMMENTS, { url: `${address}?page=2&utm_medium=mail`, engine });
      expect(paged[PAGE_FEATURE_NAMES.indexOf('url-query')], engine).toBe(1);
      expect(plain[PAGE_FEATURE_NAMES.indexOf('url-query')], engine).toBe(0);
    }
  });
  it('reads a documentation page: code blocks and their share of the text', async () => {
    const f = await featuresOf(DOCS, 'https://docs.example.dev/api/parse');
    expect(f['tag-pre']).toBeCloseTo(Math.log1p(2), 12);
    expect(f['pre-text-share']).toBeGreaterThan(0.05);
    expect(f['url-subdomain-docs']).toBe(1);
    expect(f['class-docs']).toBeGreaterThan(0);
  });
  it('reads structure: microdata types, card headings that are links, the main region, pagination', async () => {
    const cards = [1, 2, 3, 4, 5, 6]
      .map(
        (i) =>
          `<div class="c" itemscope itemtype="https://schema.org/Product"><h3><a href="/p/${i}">Lamp ${i}</a></h3><span itemprop="price">${i}9.00</span></div>`,
      )
      .join('');
    const listing = `<!doctype html><html><head><title>Lamps</title><link rel="next" href="?page=2"></head><body>
<header><a href="/">Home</a></header><main><h1>Lamps</h1>${cards}</main>
<nav>${[1, 2, 3, 4].map((i) => `<a href="?page=${i}">${i}</a>`).join(' ')}</nav></body></html>`;
    const f = await featuresOf(listing, 'https://shop.example.com/lamps');
    expect(f['md-product']).toBe(1);
    expect(f['md-price-props']).toBeCloseTo(Math.log1p(6), 12);
    // Six of the seven headings are links (the card titles); the <h1> is not.
    expect(f['heading-link-share']).toBeCloseTo(6 / 7, 12);
    expect(f['pagination']).toBe(1);
    expect(f['main-text-share']).toBeGreaterThan(0.8);
    const article = await featuresOf(ARTICLE_WITH_COMMENTS, 'https://news.example.com/2024/05/bridge');
    expect(article['md-product']).toBe(0);
    expect(article['heading-link-share']).toBe(0);
    expect(article['pagination']).toBe(0);
    expect(article['text-after-h1-share']).toBeGreaterThan(0.9);
    expect(article['heading-prose-share']).toBeGreaterThan(0);
  });
  const CATEGORY = `<!doctype html><html><head><title>Tents | Outdoor shop</title></head><body>
<h1>Tents</h1><div>128 products</div><label>Sort by</label><select><option>Featured</option><option>Price: low to high</option>
<option>Newest</option></select><aside><label><input type="checkbox"> 2 person</label><label><input type="checkbox"> 3 person</label></aside>
${[1, 2, 3, 4].map((i) => `<div class="c"><a href="/p/${i}">Tent ${i}</a> $${i}99.00 <button>Add to cart</button></div>`).join('')}</body></html>`;
  const SERVICE = `<!doctype html><html><head><title>Roof repair in Springfield</title></head><body>
<h1>Roof repair you can trust</h1><p>${words(30, 'roof')}</p><a href="/quote">Get a free quote</a>
<a href="tel:+15550100">Call us</a><a href="mailto:info@example.com">info@example.com</a>
<form><input type="text" name="name"><input type="email" name="email"><input type="tel" name="phone"><textarea></textarea>
<button>Request a callback</button></form></body></html>`;
  const DOCS_CHROME = `<!doctype html><html><head><title>Install - Tool docs</title></head><body>
<nav><ul><li><a href="/docs">Guide</a><ul><li><a href="/docs/install">Install</a></li><li><a href="/docs/use">Use</a></li></ul></li></ul>
<select><option>2.1</option><option>2.0</option><option>1.9</option></select></nav>
<main><h1>Install</h1><p>${words(30, 'install')}</p><a href="/edit">Edit this page</a>
<a href="/docs/use">Next: Using the tool</a></main></body></html>`;
  const NEWS = `<!doctype html><html><head><title>Council votes on the bridge - City News</title>
<meta property="article:published_time" content="2024-05-02T10:00:00Z"><meta name="author" content="Ana Ruiz"></head><body>
<h1>Council votes on the bridge</h1><p>By Ana Ruiz</p><p>May 2, 2024</p>
${[1, 2, 3].map((i) => `<p>Paragraph ${i}: ${words(60, `fact${i}`)} and so on.</p>`).join('')}</body></html>`;
  const chrome = async (html: string, url: string) => {
    const f = await featuresOf(html, url);
    // Counts are given as log(1 + n): read them back as n; flags as they are.
    return Object.fromEntries(
      CHROME_FEATURES.map((n) => [n, n.startsWith('log-') ? Math.round(Math.expm1(f[n]!) * 1000) / 1000 : f[n]]),
    );
  };
  it('reads page chrome: sort and filter controls, cart buttons, calls to action, docs chrome, article metadata', async () => {
    const shop = await chrome(CATEGORY, 'https://shop.example.com/c/tents');
    expect(shop).toMatchObject({ 'sort-control': 1, 'log-checkboxes': 2, 'result-count': 1 });
    expect(shop['log-cart-buttons']).toBe(4);
    expect(shop['log-cta']).toBe(0);
    expect(shop['meta-published']).toBe(0);
    const service = await chrome(SERVICE, 'https://roofs.example.com/repair');
    // "Get a free quote", "Call us", "Request a callback"; the mail link's text is no call.
    expect(service['log-cta']).toBe(3);
    expect(service['log-tel-mail-links']).toBe(2);
    expect(service['log-form-fields']).toBe(4);
    expect(service['sort-control']).toBe(0);
    expect(service['log-docs-chrome']).toBe(0);
    const docs = await chrome(DOCS_CHROME, 'https://tool.example.dev/docs/install');
    expect(docs['log-docs-chrome']).toBe(1);
    expect(docs['log-sidebar-tree-links']).toBe(2);
    expect(docs['prev-next-titled']).toBe(1);
    expect(docs['version-select']).toBe(1);
    expect(docs['log-cta']).toBe(0);
    const news = await chrome(NEWS, 'https://news.example.com/2024/05/bridge');
    expect(news['meta-published']).toBe(1);
    expect(news['meta-author']).toBe(1);
    expect(news['byline-line']).toBe(1);
    expect(news['log-short-dates']).toBe(1);
    expect(news['title-h1-match']).toBe(1);
    expect(service['title-h1-match']).toBe(0);
    for (const html of [CATEGORY, SERVICE, DOCS_CHROME, NEWS]) {
      const a = await pageTypeFeatures(html, { url: 'https://example.com/x', engine: 'linkedom' });
      const b = await pageTypeFeatures(html, { url: 'https://example.com/x', engine: 'jsdom' });
      for (let i = 0; i < a.length; i++) expect(b[i], PAGE_FEATURE_NAMES[i]).toBeCloseTo(a[i]!, 9);
    }
  });
  it('reads how the text is written: its voice, the words between its headings, its title, links to other sites', async () => {
    const landing = `<!doctype html><html><head><title>Roof repair in Springfield</title></head><body>
      <header><nav><a href="/">Home</a> <a href="/about">About us and our story, our team, our values</a></nav></header>
      <h1>Roof repair</h1><p>We fix your roof. Our crew comes to you.</p>
      <h2>Leaks</h2><p>We find the leak and you get a fixed price.</p>
      <h2>Gutters</h2><p>Our gutters last; you will not see them overflow.</p>
      <h2>Storm damage</h2><p>Call us and we come the same day.</p>
      <p><a href="/contact">Contact</a> <a href="https://maps.example.org/roofs">Map</a></p>
      <footer>Roofs Ltd, our address, our phone</footer></body></html>`;
    const story = `<!doctype html><html><head><title>How do bridges carry trains?</title></head><body>
      <h1>How do bridges carry trains?</h1><p>${words(120, 'span')}</p>
      <h2>Steel</h2><p>${words(90, 'girder')} <a href="https://archive.example.net/1">a report</a></p>
      <p>The engineer said she had measured it. <a href="https://other.example.com/2">Study</a>
      <a href="https://news.example.com/more">More</a></p></body></html>`;
    const a = await featuresOf(landing, 'https://www.roofs.example.com/repair');
    const b = await featuresOf(story, 'https://news.example.com/2024/05/bridges');
    // The landing page speaks as "we" to "you"; the report does neither, and has no "I" either.
    expect(a['pron-we']).toBeGreaterThan(Math.log1p(150));
    expect(a['pron-you']).toBeGreaterThan(Math.log1p(100));
    expect(b['pron-we']).toBe(0);
    expect(b['pron-you']).toBe(0);
    expect(b['pron-i']).toBe(0);
    // Four headings over blocks of a sentence each, against two over long sections.
    expect(Math.round(Math.expm1(a['log-sections']!))).toBe(4);
    expect(a['short-section-share']).toBe(1);
    expect(Math.round(Math.expm1(b['log-sections']!))).toBe(2);
    expect(Math.round(Math.expm1(b['log-median-section-words']!))).toBeGreaterThanOrEqual(90);
    expect(b['short-section-share']).toBe(0);
    expect(a['title-question']).toBe(0);
    expect(b['title-question']).toBe(1);
    // One of the landing page's own two links leaves the roofer's site (its menu's two are the
    // frame's); two of three leave the news site.
    expect(a['external-link-share']).toBeCloseTo(1 / 2, 9);
    expect(b['external-link-share']).toBeCloseTo(2 / 3, 9);
    // The header, menu and footer are part of the landing page's text, the story has none.
    expect(a['frame-text-share']).toBeGreaterThan(0.2);
    expect(b['frame-text-share']).toBe(0);
    for (const html of [landing, story]) {
      const x = await pageTypeFeatures(html, { url: 'https://roofs.example.com/x', engine: 'linkedom' });
      const y = await pageTypeFeatures(html, { url: 'https://roofs.example.com/x', engine: 'jsdom' });
      for (let i = 0; i < x.length; i++) expect(y[i], PAGE_FEATURE_NAMES[i]).toBeCloseTo(x[i]!, 9);
    }
  });
  it('tells pronouns by case from the words they are written like: US, MA, ME, Mon, German ihre', async () => {
    const page = (text: string) =>
      `<!doctype html><html><head><title>Notes</title></head><body><p>${text} ${words(60, 'filler')}</p></body></html>`;
    const none = await featuresOf(
      page(
        'Exports to the US rose. Offices in Boston, MA and Portland, ME open Mon to Fri, i.e. (i) weekdays; ihre Kinder.',
      ),
      'https://example.com/a',
    );
    expect(none['pron-we']).toBe(0);
    expect(none['pron-i']).toBe(0);
    expect(none['pron-you']).toBe(0);
    const some = await featuresOf(
      page('Call us. Us first. I said my piece; write to me. Ihre Anfrage.'),
      'https://example.com/a',
    );
    const rate = (n: number) => Math.log1p((1000 * n) / (60 + 13));
    expect(some['pron-we']).toBeCloseTo(rate(2), 9);
    expect(some['pron-i']).toBeCloseTo(rate(3), 9);
    expect(some['pron-you']).toBeCloseTo(rate(1), 9);
  });
  it('counts a lone lower-case i as I on an English page only (an article in Italian, "and" in Polish)', async () => {
    const post = (lang: string, text: string) =>
      `<!doctype html><html${lang}><head><title>Re: boiler</title></head><body><p>${text}</p></body></html>`;
    const english = 'so i think the valve is stuck, i tried twice and then i gave up on the whole thing for good';
    const lower = await featuresOf(post(' lang="en"', english), 'https://example.com/t/1');
    // The same post written with capitals: the same three.
    const upper = await featuresOf(post(' lang="en"', english.replace(/\bi\b/g, 'I')), 'https://example.com/t/1');
    expect(lower['pron-i']).toBeCloseTo(Math.log1p((1000 * 3) / 21), 9);
    expect(lower['pron-i']).toBeCloseTo(upper['pron-i']!, 9);
    // Undeclared: the language of the text decides.
    const undeclared = await featuresOf(post('', english), 'https://example.com/t/1');
    expect(undeclared['pron-i']).toBeCloseTo(lower['pron-i']!, 9);
    const italian =
      'Tutti i giorni i ragazzi vanno a scuola con i libri nuovi e tornano a casa per la cena con la famiglia';
    expect((await featuresOf(post(' lang="it"', italian), 'https://example.it/a'))['pron-i']).toBe(0);
    expect((await featuresOf(post('', italian), 'https://example.it/a'))['pron-i']).toBe(0);
    const polish =
      'Kupiłem nowy kocioł i zawór, i teraz woda jest ciepła i czysta, a rachunki są niższe niż w zeszłym roku';
    expect((await featuresOf(post(' lang="pl"', polish), 'https://example.pl/a'))['pron-i']).toBe(0);
    expect((await featuresOf(post('', polish), 'https://example.pl/a'))['pron-i']).toBe(0);
    // A loop's counter in code is not the pronoun.
    const loop = (counter: string) =>
      `${english}</p><pre><code>for (${counter} = 0; ${counter} < n; ${counter}++) total += a[${counter}];</code></pre><p>`;
    const withI = await featuresOf(post(' lang="en"', loop('i')), 'https://example.com/t/1');
    const withJ = await featuresOf(post(' lang="en"', loop('j')), 'https://example.com/t/1');
    expect(withJ['pron-i']).toBeGreaterThan(0);
    expect(withI['pron-i']).toBeCloseTo(withJ['pron-i']!, 9);
  });
  it("counts a page's own links to other sites against its URL, else its canonical URL, not its frame's", async () => {
    const html = `<!doctype html><html><head><title>Tents</title>
      <link rel="canonical" href="https://www.tents.example.com/winter"></head><body>
      <nav><a href="https://facebook.example.org/tents">Like</a> <a href="https://x.example.net/tents">Follow</a></nav>
      <main><h1><a href="https://tents.example.com/winter">Winter tents</a></h1><p>${words(80, 'tent')}
      <a href="https://www.tents.example.com/poles">Poles</a> <a href="/pegs">Pegs</a>
      <a href="https://review.example.org/tents">A review</a></p></main>
      <footer><a href="https://partner.example.org/">Partner</a></footer></body></html>`;
    // Four own links (the heading's among them); one leaves the site. The menu and footer's
    // three are left out.
    const withUrl = await featuresOf(html, 'https://tents.example.com/winter');
    expect(withUrl['external-link-share']).toBeCloseTo(1 / 4, 9);
    const values = await pageTypeFeatures(html);
    expect(values[PAGE_FEATURE_NAMES.indexOf('external-link-share')]).toBeCloseTo(1 / 4, 9);
    expect(values[PAGE_FEATURE_NAMES.indexOf('url-depth')]).toBe(withUrl['url-depth']);
    const jsdom = await pageTypeFeatures(html, { engine: 'jsdom' });
    for (let i = 0; i < values.length; i++) expect(jsdom[i], PAGE_FEATURE_NAMES[i]).toBeCloseTo(values[i]!, 9);
  });
  it('counts the links of a heading holding 200,000 of them without overflowing the call stack', async () => {
    // The heading's links were spread into one push call: a RangeError past about 150,000.
    const links = '<a href="/more">More</a>'.repeat(200_000);
    const html = `<!doctype html><html><head><title>Tents</title></head><body><main><h2>${links}</h2>
      <p>${words(80, 'tent')} <a href="https://review.example.org/tents">A review</a></p></main></body></html>`;
    const values = await pageTypeFeatures(html, { url: 'https://tents.example.com/winter', engine: 'linkedom' });
    expect(values[PAGE_FEATURE_NAMES.indexOf('external-link-share')]).toBeCloseTo(1 / 200_001, 12);
  }, 60_000);
  it('clean() types a page without a URL by its canonical URL', async () => {
    const html = `<!doctype html><html><head><title>Tents</title>
      <link rel="canonical" href="https://tents.example.com/winter"></head><body><main><h1>Winter tents</h1>
      <p>${words(80, 'tent')} <a href="https://tents.example.com/poles">Poles</a>
      <a href="https://tents.example.com/pegs">Pegs</a></p></main></body></html>`;
    // A model that says product for links to other sites, article otherwise.
    const model = constantModel('article', 1);
    model.weights[PAGE_TYPES.indexOf('product')]![PAGE_FEATURE_NAMES.indexOf('external-link-share')] = 5;
    expect((await clean(html, { pageTypeModel: model })).pageType?.type).toBe('article');
    const elsewhere = html.replace('https://tents.example.com/winter', 'https://other.example.org/winter');
    expect((await clean(elsewhere, { pageTypeModel: model })).pageType?.type).toBe('product');
  });
  it('gives the same values on jsdom and linkedom', async () => {
    const a = await pageTypeFeatures(FORUM, { url: 'https://forum.example.org/t/x/1', engine: 'linkedom' });
    const b = await pageTypeFeatures(FORUM, { url: 'https://forum.example.org/t/x/1', engine: 'jsdom' });
    for (let i = 0; i < a.length; i++) expect(b[i], PAGE_FEATURE_NAMES[i]).toBeCloseTo(a[i]!, 9);
  });
});

describe('page-type model', () => {
  it('computes softmax probabilities of standardised features', () => {
    const model = constantModel('article');
    const n = PAGE_FEATURE_NAMES.length;
    // One feature with weight 2 for forum, mean 1 and scale 2: x = 5 -> z_forum = 2 * (5 - 1) / 2 = 4.
    model.mean[0] = 1;
    model.scale[0] = 2;
    model.bias = new Array<number>(PAGE_TYPES.length).fill(0);
    model.weights[1]![0] = 2;
    const x = new Array<number>(n).fill(0);
    x[0] = 5;
    const p = pageTypeProbabilities(model, x);
    const e4 = Math.exp(4);
    expect(p[1]).toBeCloseTo(e4 / (e4 + 6), 12);
    expect(p[0]).toBeCloseTo(1 / (e4 + 6), 12);
    const result = classifyPage(model, x);
    expect(result.type).toBe('forum');
    expect(result.confidence).toBe(Math.round((1000 * e4) / (e4 + 6)) / 1000);
    expect(Object.keys(result.scores).sort()).toEqual([...PAGE_TYPES].sort());
  });
  it('refuses a model made for other features', () => {
    const model = constantModel('article');
    expect(() => checkPageTypeModel({ ...model, features: model.features.slice(1) })).toThrow(/features/);
    expect(() => checkPageTypeModel({ ...model, types: ['article', 'blog'] })).toThrow(/types/);
    expect(() => checkPageTypeModel({ ...model, kind: 'other' })).toThrow(/kind/);
    expect(checkPageTypeModel(model)).toBe(model);
  });
  it('scores the words a page names itself with by its learned vocabulary', () => {
    const words = {
      vocabulary: ['h:pricing', 'u:blog', 'u:services'],
      // Per type (PAGE_TYPES order: article forum product collection listing documentation service).
      weights: PAGE_TYPES.map((t) => (t === 'service' ? [2, -1, 3] : t === 'listing' ? [0, 2, -1] : [0, 0, 0])),
    };
    // u:services and h:pricing, each counted once, u:other unknown: sums service 5, listing -1, others 0;
    // mean 4/7, over sqrt(2 words found).
    const scores = wordScores(words, ['u:services', 'h:pricing', 'h:pricing', 'u:other']);
    const mean = 4 / 7;
    expect(scores[PAGE_TYPES.indexOf('service')]).toBeCloseTo((5 - mean) / Math.SQRT2, 12);
    expect(scores[PAGE_TYPES.indexOf('listing')]).toBeCloseTo((-1 - mean) / Math.SQRT2, 12);
    expect(scores[PAGE_TYPES.indexOf('article')]).toBeCloseTo(-mean / Math.SQRT2, 12);
    expect(wordScores(words, [])).toEqual(new Array(PAGE_TYPES.length).fill(0));
  });
  it.each(['linkedom', 'jsdom'] as const)(
    'clean() types a page by the words of its URL, title, headings and buttons when the model has a vocabulary (%s)',
    async (engine) => {
      const n = PAGE_FEATURE_NAMES.length;
      const base = constantModel('article', 1);
      const service = PAGE_TYPES.indexOf('service');
      const model = checkPageTypeModel({
        ...base,
        features: [...PAGE_FEATURE_NAMES, ...WORD_SCORE_NAMES],
        mean: [...base.mean, ...WORD_SCORE_NAMES.map(() => 0)],
        scale: [...base.scale, ...WORD_SCORE_NAMES.map(() => 1)],
        // The service score is all the model reads.
        weights: PAGE_TYPES.map((_, t) => [
          ...new Array<number>(n).fill(0),
          ...PAGE_TYPES.map((__, k) => (t === service && k === service ? 1 : 0)),
        ]),
        words: {
          vocabulary: ['b:quote', 'h:plumbing', 't:services', 'u:services'],
          weights: PAGE_TYPES.map((_, t) => (t === service ? [2, 2, 2, 2] : [0, 0, 0, 0])),
        },
      });
      const page = (title: string, h1: string, button: string) =>
        `<!doctype html><html><head><title>${title}</title></head><body><h1>${h1}</h1>
<p>${words(80, 'detail')}</p><button>${button}</button><template><h2>Services</h2></template></body></html>`;
      const inputs = await pageTypeInputs(page('Our services', 'Plumbing repairs', 'Get a quote'), {
        url: 'https://acme.example/services/plumbing',
        engine,
      });
      expect(inputs.features).toEqual(
        await pageTypeFeatures(page('Our services', 'Plumbing repairs', 'Get a quote'), {
          url: 'https://acme.example/services/plumbing',
          engine,
        }),
      );
      expect([...inputs.words].sort()).toEqual(
        ['b:get', 'b:quote', 'h:plumbing', 'h:repairs', 't:our', 't:services', 'u:plumbing', 'u:services'].sort(),
      );
      const typed = await clean(page('Our services', 'Plumbing repairs', 'Get a quote'), {
        url: 'https://acme.example/services/plumbing',
        pageTypeModel: model,
        engine,
      });
      expect(typed.pageType?.type).toBe('service');
      // The same page under other words (and the template's heading not read): the bias's article.
      const other = await clean(page('Spring fair', 'The fair opens', 'Read more'), {
        url: 'https://acme.example/2024/fair',
        pageTypeModel: model,
        engine,
      });
      expect(other.pageType?.type).toBe('article');
    },
  );
  it('refuses a vocabulary that is not a list of words with a finite weight per type and word', () => {
    const base = constantModel('article');
    const withWords = (words: unknown) => ({
      ...base,
      features: [...PAGE_FEATURE_NAMES, ...WORD_SCORE_NAMES],
      mean: [...base.mean, ...WORD_SCORE_NAMES.map(() => 0)],
      scale: [...base.scale, ...WORD_SCORE_NAMES.map(() => 1)],
      weights: base.weights.map((w) => [...w, ...WORD_SCORE_NAMES.map(() => 0)]),
      words,
    });
    const ok = { vocabulary: ['u:a'], weights: PAGE_TYPES.map(() => [0]) };
    expect(checkPageTypeModel(withWords(ok)).words).toEqual(ok);
    expect(() => checkPageTypeModel(withWords({ vocabulary: 'u:a', weights: ok.weights }))).toThrow(/vocabulary/);
    expect(() => checkPageTypeModel(withWords({ vocabulary: ['u:a'], weights: [[0]] }))).toThrow(/words.weights/);
    expect(() =>
      checkPageTypeModel(withWords({ vocabulary: ['u:a'], weights: PAGE_TYPES.map(() => [Number.NaN]) })),
    ).toThrow(/words.weights/);
    // A vocabulary without its scores among the features, or scores without a vocabulary.
    expect(() => checkPageTypeModel({ ...base, words: ok })).toThrow(/features/);
    expect(() => checkPageTypeModel({ ...withWords(ok), words: undefined })).toThrow(/features/);
  });
  it('clean() names a bad model option as a bad option', async () => {
    const bad = { ...constantModel('article'), features: ['x'] } as PageTypeModel;
    await expect(clean(FORUM, { pageTypeModel: bad })).rejects.toMatchObject({ code: 'clean.bad-option' });
  });
  it('the bundled model types the sample corpus pages as articles, the same way on every run', async () => {
    const model = bundledPageTypeModel();
    expect(model.features).toEqual([...PAGE_FEATURE_NAMES, ...WORD_SCORE_NAMES]);
    expect(model.words?.vocabulary.length).toBeGreaterThan(100);
    const dir = join(import.meta.dirname, '../../../corpus/pages');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, name), 'utf8');
      const doc = await clean(html, { url: `https://news.example.com/2024/05/${name}` });
      expect(doc.pageType?.type, name).toBe('article');
      const again = await clean(html, { url: `https://news.example.com/2024/05/${name}` });
      expect(again.pageType).toEqual(doc.pageType);
    }
  });
});

describe('cleaning by page type', () => {
  it('finds the container of repeated posts', async () => {
    const page = await parseHtml(FORUM, 'linkedom', null, []);
    try {
      const root = mainThread(page.document.body);
      expect(root?.getAttribute('class')).toBe('topic-posts');
    } finally {
      page.close();
    }
  });
  it('keeps every post of a forum thread, and records the page type', async () => {
    const doc = await clean(FORUM, { url: 'https://forum.example.org/t/x/1', pageTypeModel: constantModel('forum') });
    expect(doc.pageType?.type).toBe('forum');
    for (const i of [1, 2, 3, 4, 5]) expect(doc.text).toContain(`Reply number ${i} says`);
    expect(doc.text).not.toContain('Latest');
  });
  it('cleans an article typed forum as an article when its thread is not the main content', async () => {
    const page = await parseHtml(ARTICLE_WITH_COMMENTS, 'linkedom', null, []);
    try {
      expect(mainThread(page.document.body)).toBeNull();
    } finally {
      page.close();
    }
    const doc = await clean(ARTICLE_WITH_COMMENTS, {
      url: 'https://news.example.com/2024/05/bridge',
      pageTypeModel: constantModel('forum'),
    });
    expect(doc.pageType?.type).toBe('forum');
    expect(doc.text).toContain('Paragraph 6 of the report');
    for (const i of [1, 2, 3]) expect(doc.text).not.toContain(`Reply number ${i} says`);
    expect(doc.removed.some((r) => r.category === 'comments' && r.text.includes('Reply number 2 says'))).toBe(true);
  });
  it('cleans a thread as an article when the model is not confident it is a forum', async () => {
    // bias 0.5: confidence e^0.5 / (e^0.5 + 6) = 0.22, under MIN_TYPE_CONFIDENCE.
    const unsure = await clean(FORUM, {
      url: 'https://forum.example.org/t/x/1',
      pageTypeModel: constantModel('forum', 0.5),
    });
    expect(unsure.pageType?.confidence).toBeLessThan(MIN_TYPE_CONFIDENCE);
    const sure = await clean(FORUM, { url: 'https://forum.example.org/t/x/1', pageTypeModel: constantModel('forum') });
    expect(sure.pageType?.confidence).toBeGreaterThanOrEqual(MIN_TYPE_CONFIDENCE);
    for (const i of [1, 2, 3, 4, 5]) expect(sure.text).toContain(`Reply number ${i} says`);
    // Only a thread cleaned as a forum loses the chrome around its posts.
    expect(sure.removed.some((r) => r.rule === 'boilerplate/post-chrome')).toBe(true);
    expect(unsure.removed.some((r) => r.rule === 'boilerplate/post-chrome')).toBe(false);
  });
  it('cleans without page types when asked, as an article', async () => {
    const doc = await clean(FORUM, { url: 'https://forum.example.org/t/x/1', pageTypeModel: false });
    expect(doc.pageType).toBeUndefined();
  });
});

// A thread whose posts carry an author card (rank, post count, join date) and a signature.
const cardPost = (i: number) => `
  <div class="post" id="p${i}">
    <div class="profile"><a href="/members/m${i}">member${i}</a><div>Senior Member</div><div>Posts: ${900 + i}</div><div>Joined: Dec 2021</div></div>
    <div class="content"><div class="text"><p>Answer ${i}: ${words(60, `point${i}`)} and that is all.</p><p>Second paragraph ${i}: ${words(25, `more${i}`)}.</p></div>
    <div class="signature">My rig ${i}: a loud one</div></div>
  </div>`;
const CARD_FORUM = `<!doctype html><html><head><title>Pump trouble - Housing forum</title></head><body>
<header><nav><a href="/">Forums</a></nav></header>
<main><h1>Pump trouble</h1><div class="thread">${[1, 2, 3, 4].map(cardPost).join('')}</div></main></body></html>`;

// A collection page: an intro and a grid of cards in <main>, shop chrome around it.
const card = (i: number) =>
  `<div class="card"><h3><a href="/c/item-${i}">Item ${i} lamp</a></h3><p>Lamp ${i} is ${words(12, `glow${i}`)}.</p></div>`;
const COLLECTION = `<!doctype html><html><head><title>Lamps</title></head><body>
<header><div class="promo">Free delivery on orders over 50</div></header>
<main><h1>Lamps</h1><section class="intro"><p>Our lamps ${words(50, 'light')}.</p></section>
<section class="grid">${[1, 2, 3, 4, 5, 6, 7, 8].map(card).join('')}</section>
<section class="guide"><h2>Choosing a lamp</h2><p>Pick one ${words(45, 'choose')}.</p></section></main>
<footer><p>Shop address and opening hours of the store in the old town.</p></footer></body></html>`;

// A listing whose cards are links from edge to edge (title, date and teaser all inside the
// anchor), in a <main> that holds little text outside links: a footer of plain text outweighs it.
const linkCard = (i: number) =>
  `<a class="story" href="/recipes/${i}"><span class="title">Recipe ${i}: bean stew number ${i}</span><span class="teaser">Stew ${i} ${words(10, `bean${i}`)}.</span></a>`;
const LINK_CARDS = `<!doctype html><html><head><title>Stews</title></head><body>
<header><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav></header>
<main><h1>Stews</h1><div class="stories">${Array.from({ length: 12 }, (_, i) => linkCard(i + 1)).join('')}</div></main>
<footer>${[1, 2, 3].map((i) => `<p>Footer note ${i}: ${words(40, `legal${i}`)}.</p>`).join('')}</footer></body></html>`;

const slide = (i: number) =>
  `<figure><img src="/s${i}.jpg" alt=""><figcaption>Slide ${i} shows harbour${i} ${words(45, `boat${i}`)}.</figcaption></figure>`;

const SLIDESHOW = `<!doctype html><html><head><title>The harbour in pictures</title></head><body>
<main><h1>The harbour in pictures</h1><p>${words(12, 'intro')}.</p>${[1, 2, 3, 4].map(slide).join('')}</main>
<div class="column">${[1, 2, 3, 4, 5].map((i) => `<p>Column ${i} ${words(40, `market${i}`)}.</p>`).join('')}</div>
</body></html>`;

const SHELL = `<!doctype html><html><head><title>Which pump? - Community</title>
<meta property="og:description" content="Our building's pump failed for the third time this winter and the landlord says a new one is on order. Has anyone asked the housing office to step in, or is it better to call a plumber and send the bill on?">
</head><body><div id="app"></div><script>start()</script></body></html>`;

// The same shell saved with its notice to turn script on and the site's footer around the empty mount point.
const SHELL_WITH_FOOTER = SHELL.replace(
  '<div id="app"></div>',
  '<noscript>You need to enable JavaScript to run this app.</noscript><div id="app"></div><footer><p>Harbour Community Trust, 12 Quay Street. Questions about the forum go to the volunteers at the front desk.</p><a href="/privacy">Privacy</a></footer>',
);

// The same shell with its site's frame drawn without landmark tags: a menu in a <header>, and a
// footer that only its class names (two paragraphs of blurb under a small heading).
const SHELL_WITH_NAMED_FOOTER = SHELL.replace(
  '<div id="app"></div>',
  `<header><nav><a href="/">Home</a> <a href="/forum">Forum</a> <a href="/help">Help</a></nav></header><div id="app"></div><div class="site-footer"><h4>About the Trust</h4><p>Harbour Community Trust has looked after the flats on the quay since 1978, from an office that is still run by the tenants who opened it.</p><p>Repairs reported before two o'clock are booked the same day, and any question about the forum can be left with the volunteers at the front desk.</p></div>`,
);

// The same shell with a spinner's word in its mount element, as its script leaves it before it runs.
const SHELL_LOADING = SHELL.replace(
  '<div id="app"></div>',
  '<div id="app"><div class="spinner"><span>Loading…</span></div></div>',
);

// A page whose article is in a declarative shadow root: the page's own markup, shown without script.
const SHADOW_ARTICLE = `<!doctype html><html><head><title>Tides</title><script type="module" src="/elements.js"></script></head><body>
<tide-article><template shadowrootmode="open"><article><h2>How tides are read</h2><p>A tide table lists the times and heights of high and low water at one port for each day of the year, computed from the moon and the sun.</p><p>Heights are given above chart datum, the lowest level the water normally reaches, so a negative figure means shallow channels may not be passable.</p></article></template></tide-article>
<footer>© Harbour Office</footer></body></html>`;

describe('cleaning by page type: forum posts, main regions, app shells', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`drops the author cards and signatures around each post of a forum thread (${engine})`, async () => {
      const doc = await clean(CARD_FORUM, {
        url: 'https://forum.example.org/t/pump/1',
        engine,
        pageTypeModel: constantModel('forum'),
      });
      for (const i of [1, 2, 3, 4]) {
        expect(doc.text).toContain(`Answer ${i}: point${i}`);
        expect(doc.text).toContain(`Second paragraph ${i}`);
        expect(doc.text).not.toContain(`Posts: ${900 + i}`);
        expect(doc.text).not.toContain(`My rig ${i}`);
      }
      const chrome = doc.removed.filter((r) => r.rule === 'boilerplate/post-chrome');
      expect(chrome.some((r) => r.text.includes('Posts: 901') && r.category === 'boilerplate')).toBe(true);
      expect(chrome.some((r) => r.text.includes('My rig 4'))).toBe(true);
      // As an article (the thread is not cleaned as a forum) the rule does not run.
      const asArticle = await clean(CARD_FORUM, {
        url: 'https://forum.example.org/t/pump/1',
        engine,
        pageTypeModel: false,
      });
      expect(asArticle.removed.some((r) => r.rule === 'boilerplate/post-chrome')).toBe(false);
      // Turned off, nothing goes under its id.
      const off = await clean(CARD_FORUM, {
        url: 'https://forum.example.org/t/pump/1',
        engine,
        pageTypeModel: constantModel('forum'),
        disabledCategories: ['boilerplate/post-chrome'],
      });
      expect(off.text).toContain('Posts: 901');
    });

    it(`takes a collection page's content from its main region, cards included (${engine})`, async () => {
      const doc = await clean(COLLECTION, {
        url: 'https://shop.example.com/collections/lamps',
        engine,
        pageTypeModel: constantModel('collection'),
      });
      expect(doc.text).toContain('Our lamps light');
      expect(doc.text).toContain('Pick one choose');
      for (const i of [1, 2, 3, 8]) expect(doc.text).toContain(`Lamp ${i} is glow${i}`);
      expect(doc.text).not.toContain('Free delivery on orders');
      expect(doc.text).not.toContain('opening hours');
      expect(
        doc.removed.some((r) => r.rule === 'boilerplate/outside-article' && r.text.includes('opening hours')),
      ).toBe(true);
    });

    it(`finds the main region only when it holds most of the page's text (${engine})`, async () => {
      const page = await parseHtml(COLLECTION, engine, null, []);
      try {
        expect(mainRegion(page.document.body)?.localName.toLowerCase()).toBe('main');
      } finally {
        page.close();
      }
      const small = COLLECTION.replace(
        '<footer>',
        `<div>${'<p>Store notes and long policy text here.</p>'.repeat(60)}</div><footer>`,
      );
      const other = await parseHtml(small, engine, null, []);
      try {
        expect(mainRegion(other.document.body)).toBeNull();
        expect(mainRegion(other.document.body, true)).toBeNull();
      } finally {
        other.close();
      }
    });

    it(`takes a listing's main region of link cards, counting their link text (${engine})`, async () => {
      const page = await parseHtml(LINK_CARDS, engine, null, []);
      try {
        // Outside links, the footer has more text than the main region; with them, it has less.
        expect(mainRegion(page.document.body, true)).toBeNull();
        expect(mainRegion(page.document.body, true, true)?.localName.toLowerCase()).toBe('main');
      } finally {
        page.close();
      }
      const doc = await clean(LINK_CARDS, {
        url: 'https://food.example.com/recipes/stews',
        engine,
        pageTypeModel: constantModel('listing'),
      });
      for (const i of [1, 2, 7, 12]) expect(doc.text).toContain(`Recipe ${i}: bean stew number ${i}`);
      expect(doc.text).not.toContain('Footer note');
      expect(
        doc.removed.some(
          (r) =>
            r.rule === 'boilerplate/outside-article' &&
            r.text.includes('Footer note 2') &&
            r.reason === "outside the page's main region",
        ),
      ).toBe(true);
      // An article is not measured with its links: the same page cleaned as one goes through Readability.
      const asArticle = await clean(LINK_CARDS, {
        url: 'https://food.example.com/recipes/stews',
        engine,
        pageTypeModel: constantModel('article'),
      });
      expect(asArticle.removed.some((r) => r.reason === "outside the page's main region")).toBe(false);
    });

    it(`measures a shop page's main region on the text a reader sees, not its pop-ups (${engine})`, async () => {
      // A policy pop-up shown only on a click, with more text than the whole page.
      const policy = `<div role="dialog" aria-modal="true"><h2>Terms of service</h2>${'<p>Orders are accepted when they are confirmed by e-mail, and the terms in force on that day apply to them.</p>'.repeat(40)}</div>`;
      const withPopup = COLLECTION.replace('<footer>', `<footer>${policy}`);
      const page = await parseHtml(withPopup, engine, null, []);
      try {
        expect(mainRegion(page.document.body)).toBeNull();
        expect(mainRegion(page.document.body, true)?.localName.toLowerCase()).toBe('main');
      } finally {
        page.close();
      }
      const doc = await clean(withPopup, {
        url: 'https://shop.example.com/collections/lamps',
        engine,
        pageTypeModel: constantModel('collection'),
      });
      for (const i of [1, 2, 3, 8]) expect(doc.text).toContain(`Lamp ${i} is glow${i}`);
      expect(doc.text).not.toContain('Orders are accepted');
      expect(
        doc.removed.some((r) => r.rule === 'boilerplate/outside-article' && r.text.includes('Orders are accepted')),
      ).toBe(true);
    });

    it(`keeps a slideshow's captions when the main region holds them, whatever the text around it (${engine})`, async () => {
      const doc = await clean(SLIDESHOW, {
        url: 'https://news.example.com/slideshow/harbour',
        engine,
        pageTypeModel: constantModel('listing'),
      });
      for (const i of [1, 2, 3, 4]) expect(doc.text).toContain(`Slide ${i} shows harbour${i}`);
      expect(doc.warnings.some((w) => w.includes('captions hold most of the text'))).toBe(true);
      // Counted on the whole body, the column of prose beside the region outweighs the captions.
      const page = await parseHtml(SLIDESHOW, engine, null, []);
      try {
        expect(pageCaptionShare(page.document.body)).toBeLessThan(0.5);
        expect(pageCaptionShare(mainRegion(page.document.body)!)).toBeGreaterThan(0.5);
      } finally {
        page.close();
      }
      // As an article (Readability, no main region) the rule is decided on the body: captions go.
      const asArticle = await clean(SLIDESHOW, {
        url: 'https://news.example.com/slideshow/harbour',
        engine,
        pageTypeModel: false,
      });
      expect(asArticle.removed.some((r) => r.rule === 'caption/figure' && r.text.includes('Slide 1 shows'))).toBe(true);
    });

    // Before, the description was given as the page's text (status reason description-only), and
    // a shell with a footer or a notice to turn script on had that for its text: neither is what
    // the page says. Its saved HTML holds no content, and the output says so.
    it(`gives no text for a page drawn by script whose saved HTML holds no content (${engine})`, async () => {
      for (const html of [SHELL, SHELL_WITH_FOOTER, SHELL_WITH_NAMED_FOOTER, SHELL_LOADING]) {
        const doc = await clean(html, { url: 'https://community.example.org/t/which-pump/7', engine });
        expect(doc.text).toBe('');
        expect(doc.status).toBe('not-article');
        expect(doc.reasons).toEqual([
          { code: 'no-content', message: expect.stringContaining('the saved HTML holds no content') },
        ]);
        // The description stays the page's metadata.
        expect(doc.metadata.description).toContain("Our building's pump failed for the third time this winter");
      }
      const withFooter = await clean(SHELL_WITH_FOOTER, {
        url: 'https://community.example.org/t/which-pump/7',
        engine,
      });
      const left = withFooter.removed.filter((removal) => removal.rule === 'boilerplate/outside-article');
      expect(left.map((removal) => removal.text).join(' ')).toContain('You need to enable JavaScript to run this app.');
      expect(left.map((removal) => removal.text).join(' ')).toContain('Harbour Community Trust, 12 Quay Street');
      expect(left[0]!.reason).toMatch(/drawn by script/);
    });

    // Its frame is the page's header, footer, menus and sidebars however drawn: a footer named by
    // its class is not the text of a page drawn by script (it was, as status short).
    it(`reports a shell's frame drawn without a <footer> tag as left out (${engine})`, async () => {
      const doc = await clean(SHELL_WITH_NAMED_FOOTER, { url: 'https://community.example.org/t/which-pump/7', engine });
      expect(doc.text).toBe('');
      const left = doc.removed.filter((removal) => removal.rule === 'boilerplate/outside-article');
      expect(left.map((removal) => removal.text).join(' ')).toContain(
        'Harbour Community Trust has looked after the flats',
      );
      expect(left[0]!.reason).toMatch(/drawn by script/);
    });

    // A declarative shadow root was removed as a hidden template: its text lost, and on jsdom the
    // page called drawn by script with no content. It is revealed in its host and read as content.
    it(`reads the content of a declarative shadow root (${engine})`, async () => {
      const doc = await clean(SHADOW_ARTICLE, { url: 'https://tides.example.org/guide/reading', engine });
      expect(doc.reasons.map((reason) => reason.code)).not.toContain('no-content');
      expect(doc.text).toContain('A tide table lists the times and heights of high and low water');
      expect(doc.text).toContain('Heights are given above chart datum');
      expect(doc.removed.some((removal) => removal.text.includes('A tide table lists'))).toBe(false);
    });

    it(`still cleans a page whose script draws only part of it (${engine})`, async () => {
      const doc = await clean(
        SHELL.replace(
          '<div id="app"></div>',
          `<div id="app"></div><main><p>${'The pump was replaced on Monday after three failures this winter. '.repeat(4)}</p></main>`,
        ),
        {
          url: 'https://community.example.org/t/which-pump/7',
          engine,
        },
      );
      expect(doc.text).toContain('The pump was replaced on Monday');
      expect(doc.reasons.map((reason) => reason.code)).not.toContain('no-content');
      // A heading over paragraphs of prose is content, even written into a footer.
      const prose = '<p>The pump was replaced on Monday after three failures this winter, the housing office said.</p>';
      const inFooter = await clean(
        SHELL.replace(
          '<div id="app"></div>',
          `<div id="app"></div><footer><h2>Pump replaced</h2>${prose}${prose.replace('Monday', 'Tuesday')}</footer>`,
        ),
        {
          url: 'https://community.example.org/t/which-pump/7',
          engine,
        },
      );
      expect(inFooter.reasons.map((reason) => reason.code)).not.toContain('no-content');
      expect(inFooter.text).toContain('The pump was replaced on Tuesday');
      // A page with no <body> tag and its head left open: linkedom parses its content into the head.
      const noBody = await clean(
        `<!doctype html><html><head><title>Pump</title><script>var a = 1;</script><div class="content">${prose}${prose.replace('Monday', 'Tuesday')}</div></html>`,
        { url: 'https://community.example.org/t/which-pump/7', engine },
      );
      expect(noBody.reasons.map((reason) => reason.code)).not.toContain('no-content');
      expect(noBody.text).toContain('The pump was replaced on Tuesday');
    });
  }
});
