import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const CARD = (name: string, sale: string, was: string) =>
  `<li class="card"><a href="/products/${name.toLowerCase().replace(/ /g, '-')}"><h3>${name}</h3></a><p class="sale">${sale}</p><p class="was">${was}</p><div class="spinner">Loading...</div></li>`;

/** A shop's category page: a grid of cards, each a name, a sale price over the old one, and a spinner's word. */
const COLLECTION = `<!doctype html><html lang="en"><head><title>Mugs – Clay workshop</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main><h1>Mugs</h1><p>Every mug is thrown on the wheel in our workshop and glazed by hand, so no two are quite alike.</p>
<ul class="grid">${[
  ['Wide mug', '$15.99', '$19.99'],
  ['Tall mug', '$17.99', '$21.99'],
  ['Espresso cup', '$9.99', '$12.99'],
  ['Travel mug', '$24.99', '$29.99'],
  ['Tea bowl', '$19.99', '$23.99'],
  ['Milk jug', '$21.99', '$25.99'],
]
  .map(([n, s, w]) => CARD(n!, s!, w!))
  .join('')}</ul></main>
<footer><p>© 2026 Clay workshop</p></footer></body></html>`;

/** A news article closing on a donation box with its ladder of amounts. */
const ARTICLE = `<!doctype html><html lang="en"><head><title>The ferry timetable changes</title></head><body><article>
<h1>The ferry timetable changes</h1>
${'<p>The ferry will leave the harbour half an hour earlier from Monday, the operator said, after a month of delays caused by the works on the pier.</p>'.repeat(5)}
<p>Loading the ferry took an hour on the busiest days of the summer.</p>
<div class="donate"><p>May 2026</p><p>$5</p><p>$10</p><p>$25</p></div></article></body></html>`;

describe("a shop page's prices and a spinner's word", () => {
  for (const engine of ENGINES) {
    it(`keeps every card's prices and drops the loading word on a collection page (${engine})`, async () => {
      const document = await clean(COLLECTION, {
        url: 'https://shop.example/collections/mugs',
        engine,
        pageType: 'collection',
      });
      for (const price of ['$15.99', '$19.99', '$9.99', '$12.99', '$21.99', '$25.99'])
        expect(document.text).toContain(price);
      expect(document.text).toContain('Milk jug');
      expect(document.text).not.toContain('Loading');
      const spinner = document.removed.find((removal) => removal.text.trim() === 'Loading...');
      expect(spinner?.rule).toBe('boilerplate/loading');
    });

    it(`keeps or drops the loading word apart from disclaimers (${engine})`, async () => {
      const options = { url: 'https://shop.example/collections/mugs', engine, pageType: 'collection' } as const;
      const noDisclaimers = await clean(COLLECTION, { ...options, disabledCategories: ['boilerplate/disclaimer'] });
      expect(noDisclaimers.text).not.toContain('Loading');
      const noLoading = await clean(COLLECTION, { ...options, disabledCategories: ['boilerplate/loading'] });
      expect(noLoading.text).toContain('Loading');
      expect(noLoading.removed.some((removal) => removal.text.includes('Loading'))).toBe(false);
    });

    it(`still drops an article's donation ladder, and keeps a sentence about loading (${engine})`, async () => {
      const document = await clean(ARTICLE, { url: 'https://news.example/ferry', engine, pageType: 'article' });
      expect(document.text).toContain('Loading the ferry took an hour');
      expect(document.text).not.toMatch(/^\$10$/m);
      expect(document.removed.some((removal) => removal.rule === 'donation/ladder')).toBe(true);
    });
  }
});
