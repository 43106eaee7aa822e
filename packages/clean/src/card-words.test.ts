// A collection page whose cards all repeat the shop's wording (prices, delivery, reviews, a
// basket button): a box of customer quotes beside the grid that speaks of prices, delivery and
// reviews does not speak of the goods because every card names them, and stays out; the
// category's description, which names the goods, still comes in (collection-description.test.ts).
import { WOODS } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const CARDS = WOODS.flatMap((wood, i) =>
  ['stool', 'bench', 'shelf'].map(
    (thing, j) =>
      `<li class="card"><a href="/p/${wood.toLowerCase()}-${thing}">${wood} ${thing}</a>` +
      `<span class="price">Regular price £${60 + i * 7 + j * 3}.00 Sale price £${40 + i * 7 + j * 3}.00</span>` +
      `<span class="usp">Free delivery</span><span class="rating">4.8 (12 reviews)</span><button>Add to basket</button></li>`,
  ),
).join('');

const DESCRIPTION = `<div class="category-description"><h2>Choosing wooden furniture</h2>
<p>Every piece in this range is made from boards dried slowly in the open air for at least a year before they are cut, so that it does not warp in a warm room.</p>
<p>Oak and ash are the hardest of the woods we use and suit benches and stools that are used every day; pine and larch are lighter and suit shelves that carry books or plants.</p></div>`;

const QUOTES = `<div class="testimonials"><p>My bench came with free delivery within a week, and the price was lower than in any shop in town, which I did not expect at all. Anna, Leeds</p>
<p>Five stars from me: the reviews were right, the shelf is sturdy and the delivery team carried it up three floors without a word of complaint. Tom, York</p></div>`;

const page = (
  beside: string,
): string => `<!doctype html><html lang="en"><head><title>Wooden furniture</title></head><body>
<header><a href="/">Woodshop</a><nav><a href="/c/stools">Stools</a> <a href="/c/benches">Benches</a> <a href="/about">About</a></nav></header>
<main><h1>Wooden furniture</h1><ul class="grid">${CARDS}</ul></main>
${beside}
<footer><p>Woodshop Ltd, a small workshop in the hills.</p></footer>
</body></html>`;

describe.each(ENGINES)('the wording every card of a collection repeats (%s)', (engine) => {
  it('does not bring in a box of quotes that shares only that wording and two names of the goods', async () => {
    const doc = await clean(page(QUOTES), { engine, pageType: 'collection' });
    expect(doc.text).toContain('Larch shelf');
    expect(doc.text).not.toContain('My bench came with free delivery');
    expect(doc.text).not.toContain('the reviews were right');
  });

  it('still brings in the description, which names the goods and the woods', async () => {
    const doc = await clean(page(`${DESCRIPTION}\n${QUOTES}`), { engine, pageType: 'collection' });
    expect(doc.text).toContain('Oak and ash are the hardest of the woods we use');
    expect(doc.text.indexOf('Choosing wooden furniture')).toBeGreaterThan(doc.text.indexOf('Larch shelf'));
    expect(doc.text).not.toContain('My bench came with free delivery');
  });
});
