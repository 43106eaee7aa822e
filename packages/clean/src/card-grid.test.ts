// A collection or listing page whose text ends on its grid of cards: the last cards are short
// lines that are not sentences, the shape `boilerplate/trailing-short` removes after an article.
// Here they are cards of the grid that holds the page's text and stay, like the cards above them.
// Short lines after the grid (a count, "Back to top") and a short list of links at the end of a
// page whose text is prose are still removed.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const NAMES = ['Oak', 'Ash', 'Elm', 'Birch', 'Maple', 'Cedar', 'Pine', 'Beech', 'Alder', 'Larch'];
const CARDS = NAMES.flatMap((wood, i) =>
  ['stool', 'bench', 'shelf'].map(
    (thing, j) =>
      `<li class="card"><a href="/p/${wood.toLowerCase()}-${thing}">${wood} ${thing} in solid wood, oiled</a><span class="price">£${40 + i * 7 + j * 3}.00</span></li>`,
  ),
).join('');

const page = (main: string) => `<!doctype html><html lang="en"><head><title>Wooden furniture</title></head><body>
<header><a href="/">Woodshop</a><nav><a href="/c/stools">Stools</a> <a href="/c/benches">Benches</a></nav></header>
<main><h1>Wooden furniture</h1>${main}</main>
<footer><p>© Woodshop Ltd</p></footer></body></html>`;

const GRID_LAST = page(`<ul class="grid">${CARDS}</ul>`);
const GRID_THEN_LINES = page(
  `<ul class="grid">${CARDS}</ul><div class="count">Showing 30 of 30 products</div><div class="top"><a href="#top">Back to top</a></div>`,
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

describe.each(ENGINES)('the last cards of a grid that ends the page (%s)', (engine) => {
  it.each(['collection', 'listing'] as const)(
    'keeps every card of a %s page that ends on its grid',
    async (pageType) => {
      const doc = await clean(GRID_LAST, { engine, pageType });
      for (const wood of NAMES) expect(doc.text).toContain(`${wood} shelf in solid wood, oiled`);
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/trailing-short')).toEqual([]);
    },
  );

  it('removes the short lines after the grid, and keeps the cards above them', async () => {
    const doc = await clean(GRID_THEN_LINES, { engine, pageType: 'collection' });
    expect(doc.text).toContain('Larch shelf in solid wood, oiled');
    expect(doc.text).not.toContain('Showing 30 of 30 products');
    expect(doc.text).not.toContain('Back to top');
  });

  it('removes a short list of links that ends a page of prose: the list is not the page’s grid', async () => {
    const doc = await clean(PROSE_THEN_LINKS, { engine, pageType: 'collection' });
    expect(doc.text).toContain('give it a fresh coat of oil once a year');
    expect(doc.text).not.toContain('Pine shelves');
    expect(doc.text).not.toContain('Elm tables');
  });
});
