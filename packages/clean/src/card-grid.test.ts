// A collection or listing page whose text ends on its grid of cards: the last cards are short
// lines that are not sentences, the shape `boilerplate/trailing-short` removes after an article.
// Here they are cards of the grid that holds the page's text and stay, like the cards above them.
// Short lines after the grid (a count, "Back to top") and a short list of links at the end of a
// page whose text is prose are still removed.
import { WOOD_CARDS, WOODS } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { inCardGrid } from './card-grid.js';
import { clean } from './clean.js';
import { ENGINES, parseHtml } from './dom.js';

const page = (main: string) => `<!doctype html><html lang="en"><head><title>Wooden furniture</title></head><body>
<header><a href="/">Woodshop</a><nav><a href="/c/stools">Stools</a> <a href="/c/benches">Benches</a></nav></header>
<main><h1>Wooden furniture</h1>${main}</main>
<footer><p>© Woodshop Ltd</p></footer></body></html>`;

const GRID_LAST = page(`<ul class="grid">${WOOD_CARDS}</ul>`);
const GRID_THEN_LINES = page(
  `<ul class="grid">${WOOD_CARDS}</ul><div class="count">Showing 30 of 30 products</div><div class="top"><a href="#top">Back to top</a></div>`,
);

const PROSE = [
  'Solid wood furniture lasts for decades when it is looked after, and every piece we make starts as boards dried slowly in the open air for at least a year.',
  'Oak and ash are the hardest of the woods we use and suit benches and stools that are used every day; pine and larch are lighter and suit shelves.',
  'Every piece is finished with a plant oil that soaks into the wood: wipe it with a damp cloth, and give it a fresh coat of oil once a year to keep the colour deep.',
  'We build to order in a small workshop, so a bench takes about three weeks from the day you order it to the day our van brings it to your door.',
]
  .map((text) => `<p>${text}</p>`)
  .join('');
const PROSE_THEN_LINKS = page(
  `<div class="intro">${PROSE}</div><ul class="searches"><li class="search"><a href="/s/oak">Oak stools</a></li><li class="search"><a href="/s/ash">Ash benches</a></li><li class="search"><a href="/s/pine">Pine shelves</a></li><li class="search"><a href="/s/elm">Elm tables</a></li></ul>`,
);

// A page built of sections of one class shape (as page builders write every page): the grid in
// one, a line in another, a "Follow us" box in the last. The sections hold all the words but are
// not cards (one holds most of the text, few hold a link); the box's lines, plain or linked, go.
const section = (inner: string) =>
  `<section class="builder-section builder-top-section"><div class="builder-container">${inner}</div></section>`;
const FOLLOW = ['Instagram', 'Facebook', 'Pinterest', 'Gift cards'];
const sectionsPage = (follow: string) =>
  `<!doctype html><html lang="en"><head><title>Wooden furniture</title></head><body>
<header><a href="/">Woodshop</a><nav><a href="/c/stools">Stools</a></nav></header>
<main>${section('<h1>Wooden furniture</h1>')}${section(`<ul class="grid">${WOOD_CARDS}</ul>`)}${section('<p>All our furniture is made to order in our workshop.</p>')}${section(`<div class="follow"><h4>Follow us</h4>${follow}</div>`)}</main>
<footer><p>© Woodshop Ltd</p></footer></body></html>`;
const SECTIONS_PLAIN = sectionsPage(FOLLOW.map((name) => `<p>${name}</p>`).join(''));
const SECTIONS_LINKED = sectionsPage(FOLLOW.map((name) => `<p><a href="/${name.length}">${name}</a></p>`).join(''));

describe.each(ENGINES)('the last cards of a grid that ends the page (%s)', (engine) => {
  it.each(['collection', 'listing'] as const)(
    'keeps every card of a %s page that ends on its grid',
    async (pageType) => {
      const doc = await clean(GRID_LAST, { engine, pageType });
      for (const wood of WOODS) expect(doc.text).toContain(`${wood} shelf in solid wood, oiled`);
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/trailing-short')).toEqual([]);
    },
  );

  it('removes the short lines after the grid, and keeps the cards above them', async () => {
    const doc = await clean(GRID_THEN_LINES, { engine, pageType: 'collection' });
    expect(doc.text).toContain('Larch shelf in solid wood, oiled');
    expect(doc.text).not.toContain('Showing 30 of 30 products');
    expect(doc.text).not.toContain('Back to top');
  });

  it.each([
    ['plain', SECTIONS_PLAIN],
    ['linked', SECTIONS_LINKED],
  ])('removes a box of %s short lines after the grid on a page of builder sections', async (_kind, html) => {
    const doc = await clean(html, { engine, pageType: 'collection' });
    expect(doc.text).toContain('Beech shelf in solid wood, oiled');
    for (const name of ['Follow us', ...FOLLOW]) expect(doc.text).not.toContain(name);
  });

  it('removes a short list of links that ends a page of prose: the list is not the page’s grid', async () => {
    const doc = await clean(PROSE_THEN_LINKS, { engine, pageType: 'collection' });
    expect(doc.text).toContain('give it a fresh coat of oil once a year');
    expect(doc.text).not.toContain('Pine shelves');
    expect(doc.text).not.toContain('Elm tables');
  });
});

describe('inCardGrid on a huge list', () => {
  it('decides on 200,000 linked items without overflowing the stack (an archive or sitemap page)', async () => {
    const items = Array.from(
      { length: 200_000 },
      (_, i) => `<li class="entry"><a href="/p/${i}">Entry ${i}</a></li>`,
    ).join('');
    const page = await parseHtml(
      `<!doctype html><html><body><main><ul class="entries">${items}</ul></main></body></html>`,
      'linkedom',
      null,
      [],
    );
    try {
      const kept = [...page.document.querySelectorAll('li')].map((element) => ({ element, chars: 8, words: 2 }));
      expect(inCardGrid(kept[kept.length - 1]!.element, kept)).toBe(true);
    } finally {
      page.close();
    }
  }, 60_000);
});
