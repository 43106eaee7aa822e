// The card region of a collection or listing page without a marked main region: the parent of
// its repeated cards, with the page's heading and intro, without the sidebar, menus and footer.
import { describe, expect, it, vi } from 'vitest';

import { cardRegion } from './card-region.js';
import { clean } from './clean.js';
import { parseHtml } from './dom.js';
import { TextStats } from './features/dom-walk.js';

const job = (i: number) => `
  <li class="job"><a href="/jobs/${i}"><span class="title">Engineer role ${i} at Company${i}</span></a>
  <span class="meta">Remote, full time, posted ${i} days ago</span></li>`;

const pick = (i: number) => `<li class="pick"><a href="/story/${i}">Popular story ${i} of the week</a></li>`;

// No <main>: Readability picks the intro paragraph, the listing is a run of link rows.
const LISTING = `<!doctype html><html><head><title>Remote jobs</title></head><body>
<header><nav><a href="/">Home</a> <a href="/post">Post a job</a></nav></header>
<div class="page"><div class="content">
<div class="heading"><h1>Remote programming jobs</h1>
<p class="intro">The newest remote programming jobs from companies that hire anywhere, checked by hand every morning before they are listed here.</p></div>
<ul class="jobs">${Array.from({ length: 14 }, (_, i) => job(i + 1)).join('')}</ul>
<div class="pager"><a href="?page=2">Next page</a></div>
</div>
<aside class="sidebar"><h3>Popular</h3><ul>${[1, 2, 3, 4].map(pick).join('')}</ul></aside></div>
<footer><p>Company address, contact and the terms of the job board.</p></footer></body></html>`;

const ARTICLE = `<!doctype html><html><head><title>Council votes</title></head><body>
<div class="page"><h1>Council votes on the bridge</h1>
${[1, 2, 3, 4, 5].map((i) => `<p>Paragraph ${i} of the report on the vote about the bridge, with the figures the council gave and what the mayor said afterwards about the cost and the timetable of the works.</p>`).join('')}
<ul class="related">${[1, 2, 3].map(pick).join('')}</ul></div></body></html>`;

// A shop grid whose cards carry their state in their classes (first or last of a row, on sale,
// out of stock): no three of them have the same classes, yet they are one grid.
const STATES = ['first', 'sale', 'last', 'first outofstock', '', 'last sale', 'first', 'sale'];
const tile = (i: number) => `<li class="product post-${i} ${STATES[i - 1]}"><a href="/p/${i}">Linen shirt ${i}</a>
  <span class="price">$${20 + i}.00</span> <span>Washed linen, relaxed fit</span></li>`;
const SHOP_GRID = `<!doctype html><html><head><title>Shirts</title></head><body>
<header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header>
<div class="catalog"><h1>Shirts</h1><p>Shirts in linen and cotton, cut in our own workshop.</p>
<ul class="products">${Array.from({ length: 8 }, (_, i) => tile(i + 1)).join('')}</ul></div>
<aside><ul>${[1, 2, 3, 4].map(pick).join('')}</ul></aside>
<footer><p>Company address, contact and the terms of the shop.</p></footer></body></html>`;

// An article in a layout row: its column, a narrow column of teasers and a row of share links
// differ only in their width classes, but the article's column holds most of their text.
const COLUMNS = `<!doctype html><html><head><title>Appeal</title></head><body>
<header><nav><a href="/">Home</a> <a href="/topics">Topics</a></nav></header>
<div class="content"><div class="row">
<div class="columns wide"><h1>An appeal for the bridge</h1>
${[1, 2, 3, 4, 5].map((i) => `<p>Paragraph ${i} of the appeal about the bridge, with the figures the council gave and what <a href="/mayor">the mayor</a> said afterwards about the cost and the timetable.</p>`).join('')}</div>
<div class="columns narrow"><h3>Latest</h3><ul>${[1, 2, 3].map(pick).join('')}</ul></div>
<div class="columns full"><a href="/share/mail">Mail</a> <a href="/share/print">Print this page</a></div>
</div></div>
<footer><p>Company address, contact and the terms of the site.</p></footer></body></html>`;

// A blog's grid that opens with a featured card far longer than the rest: the loose group of all
// its cards fails the size test, the cards of one class shape are still a grid.
const teaser = (i: number) =>
  `<article class="post"><a href="/blog/${i}">Post ${i} from the workshop</a><p>Notes from week ${i} at the bench, with photographs.</p></article>`;
const FEATURED = `<!doctype html><html><head><title>Blog</title></head><body>
<header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<div class="blog"><h1>The workshop blog</h1><div class="posts">
<article class="post featured"><a href="/blog/0">The new workshop opens</a>${'<p>A long excerpt of the featured post about the new workshop, its benches, its tools and the people who will work there from the spring on.</p>'.repeat(6)}</article>
${[1, 2, 3, 4].map(teaser).join('')}</div></div>
<footer><p>Company address, contact and the terms of the site.</p></footer></body></html>`;

// A shop grid whose tiles each hold an add-to-cart form (a hidden input with the item's id and a
// button) beside a longer filter column whose rows are check boxes: the tiles are cards, the rows
// are not.
const cartTile = (i: number) => `<div class="tile"><a href="/p/${i}">Wool blanket ${i}, woven in the valley</a>
  <span class="price">$${40 + i}.00</span><form action="/cart"><input type="hidden" name="item" value="${i}"><button>Add</button></form></div>`;
const filterRow = (i: number) =>
  `<div class="facet"><label><input type="checkbox" name="colour" value="${i}"> Colour ${i} of the wool <a href="?c=${i}">only</a></label></div>`;
const CART_GRID = `<!doctype html><html><head><title>Blankets</title></head><body>
<header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header>
<div class="shop"><div class="filters">${Array.from({ length: 16 }, (_, i) => filterRow(i + 1)).join('')}</div>
<div class="catalog"><h1>Blankets</h1><div class="grid">${Array.from({ length: 8 }, (_, i) => cartTile(i + 1)).join('')}</div></div></div>
<footer><p>Company address, contact and the terms of the shop.</p></footer></body></html>`;

// A one-article page whose menus are not marked as such: the header is a <div> holding a menu of
// three sections, each with its submenu in columns of links. The menu's sections are many links
// each, its columns sit inside a list item: neither is a grid of cards.
const menuColumn = (section: number, col: number) =>
  `<div class="col"><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/s${section}/c${col}/${i}">Topic ${section}.${col}.${i} of the office</a></li>`).join('')}</ul></div>`;
const MEGA_MENU = `<!doctype html><html><head><title>Fuel sales</title></head><body>
<div id="top"><div class="menu"><ul>${[1, 2, 3].map((s) => `<li><a href="/s${s}">Section ${s}</a><div class="sub">${[1, 2, 3].map((c) => menuColumn(s, c)).join('')}</div></li>`).join('')}</ul></div></div>
<div id="content"><h1>Fuel sales fell in November</h1>
<p>Sales of fuel in the country fell by 2.3 per cent in the first eleven months of the year against the year before, from 91.5 to 89.4 million tonnes, the office reported on Tuesday.</p>
<p>The main products developed as follows (in million tonnes, January to November of both years):</p>
<table><tr><th>Product</th><th>Last year</th><th>This year</th></tr>
<tr><td>Petrol</td><td>15.02</td><td>15.12</td></tr><tr><td>Diesel</td><td>33.11</td><td>31.98</td></tr><tr><td>Heating oil</td><td>11.04</td><td>8.61</td></tr></table>
<p>Imports of crude oil rose slightly over the same months, while exports of finished products fell for the third year running.</p></div>
<div id="bottom"><p>Office address, contact and the legal notice.</p></div></body></html>`;

// A blog post whose sidebar is a box marked role="complementary" holding its widgets as <aside>
// boxes (a blog series, the author, a tag list), each a heading, a line and a link.
const widget = (i: number) =>
  `<aside class="widget"><h2>Widget ${i}</h2><p>A short line about the series number ${i} of the blog, for new readers.</p><a href="/series/${i}">Read the series</a></aside>`;
const SIDEBAR_WIDGETS = `<!doctype html><html><head><title>Charging stations</title></head><body>
<div id="page"><div id="content"><main id="primary"><article><h1>Charging stations</h1>
<p>I would invest in smart and economical charging stations for electric cars, if someone built them well.</p>
<p>I wonder why none of them competes yet on the service around the charging, the waiting and the paying.</p>
<p>Thanks for reading, and for the comments on the last post.</p></article></main>
<div id="secondary" role="complementary">${[1, 2, 3, 4, 5].map(widget).join('')}</div></div></div></body></html>`;

describe('card region of collection and listing pages', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`groups cards whose classes differ only in their state (${engine})`, async () => {
      const page = await parseHtml(SHOP_GRID, engine, null, []);
      try {
        expect(cardRegion(page.document.body)?.getAttribute('class')).toBe('catalog');
      } finally {
        page.close();
      }
    });

    it(`finds a grid of one class shape beside a featured card far larger than the rest (${engine})`, async () => {
      const page = await parseHtml(FEATURED, engine, null, []);
      try {
        expect(cardRegion(page.document.body)?.getAttribute('class')).toBe('blog');
      } finally {
        page.close();
      }
    });

    it(`takes tiles with a hidden input for cards, not rows of check boxes (${engine})`, async () => {
      const page = await parseHtml(CART_GRID, engine, null, []);
      try {
        expect(cardRegion(page.document.body)?.getAttribute('class')).toBe('catalog');
      } finally {
        page.close();
      }
    });

    it(`takes no layout columns of unlike sizes for cards (${engine})`, async () => {
      const page = await parseHtml(COLUMNS, engine, null, []);
      try {
        expect(cardRegion(page.document.body)).toBeNull();
      } finally {
        page.close();
      }
    });

    it(`finds the cards' container with the heading and intro, not the sidebar (${engine})`, async () => {
      const page = await parseHtml(LISTING, engine, null, []);
      try {
        const region = cardRegion(page.document.body);
        expect(region?.getAttribute('class')).toBe('content');
      } finally {
        page.close();
      }
    });

    it(`reads the text statistics the caller keeps of the same tree, and finds the same region (${engine})`, async () => {
      const page = await parseHtml(LISTING, engine, null, []);
      try {
        const body = page.document.body;
        // As the page features leave them: the body's statistics asked first.
        const stats = new TextStats();
        stats.of(body);
        const asked = vi.spyOn(stats, 'of');
        const region = cardRegion(body, stats);
        expect(asked).toHaveBeenCalled();
        expect(region).toBe(cardRegion(body));
        expect(region?.getAttribute('class')).toBe('content');
      } finally {
        page.close();
      }
    });

    it(`finds none on an article whose only repeated links are a short related list (${engine})`, async () => {
      const page = await parseHtml(ARTICLE, engine, null, []);
      try {
        expect(cardRegion(page.document.body)).toBeNull();
      } finally {
        page.close();
      }
    });

    it(`takes no menu of sections with submenus for cards (${engine})`, async () => {
      const page = await parseHtml(MEGA_MENU, engine, null, []);
      try {
        expect(cardRegion(page.document.body)).toBeNull();
      } finally {
        page.close();
      }
      // Cleaned as a listing, the page keeps its article (through Readability), not the menu.
      const doc = await clean(MEGA_MENU, { url: 'https://office.example.org/fuel', engine, pageType: 'listing' });
      expect(doc.text).toContain('from 91.5 to 89.4 million tonnes');
      expect(doc.text).toContain('Heating oil');
      expect(doc.text).toContain('Imports of crude oil rose slightly');
      expect(doc.text).not.toContain('Topic 2.2.3 of the office');
    });

    it(`takes no sidebar of widget boxes for cards (${engine})`, async () => {
      const page = await parseHtml(SIDEBAR_WIDGETS, engine, null, []);
      try {
        expect(cardRegion(page.document.body)).toBeNull();
      } finally {
        page.close();
      }
      const doc = await clean(SIDEBAR_WIDGETS, {
        url: 'https://blog.example.org/charging',
        engine,
        pageType: 'listing',
      });
      expect(doc.text).toContain('smart and economical charging stations');
      expect(doc.text).toContain('Thanks for reading');
      expect(doc.text).not.toContain('series number 3 of the blog');
    });

    it(`cleans a listing without a main region as its cards, the rest reported (${engine})`, async () => {
      const doc = await clean(LISTING, { url: 'https://jobs.example.com/remote', engine, pageType: 'listing' });
      expect(doc.text).toContain('Remote programming jobs');
      expect(doc.text).toContain('checked by hand every morning');
      for (const i of [1, 2, 7, 13, 14]) {
        expect(doc.text).toContain(`Engineer role ${i} at Company${i}`);
        expect(doc.text).toContain(`posted ${i} days ago`);
      }
      expect(doc.text).not.toContain('Popular story 1');
      expect(doc.text).not.toContain('terms of the job board');
      const outside = doc.removed.filter((r) => r.rule === 'boilerplate/outside-article');
      expect(outside.some((r) => r.text.includes('Popular story 2'))).toBe(true);
      expect(outside.every((r) => r.reason === "outside the page's main region")).toBe(true);
      // The same page cleaned as an article goes through Readability.
      const asArticle = await clean(LISTING, { url: 'https://jobs.example.com/remote', engine, pageType: 'article' });
      const reasons = asArticle.removed.filter((r) => r.rule === 'boilerplate/outside-article').map((r) => r.reason);
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons).not.toContain("outside the page's main region");
    });
  }
});
