// A collection page whose main region (<main>) holds the grid of products, and whose category
// description is written beside it, under the grid but outside <main>: the description is the
// page's text too and is taken into the region, after the grid. A cookie notice written the same
// way, the site's footer, a block of links and prose about other things than the category (a
// sign-up pop-up, the shop's delivery terms) beside the region are not.
import { WOOD_CARDS } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const DESCRIPTION = `<div class="category-description"><h2>Choosing wooden furniture</h2>
<p>Solid wood furniture lasts for decades when it is looked after, and every piece in this range is made from boards dried slowly in the open air for at least a year before they are cut.</p>
<p>Oak and ash are the hardest of the woods we use and suit benches and stools that are used every day; pine and larch are lighter and softer, and suit shelves that carry books or plants.</p>
<p>Every piece is finished with a plant oil that soaks into the wood: wipe it with a damp cloth, and give it a fresh coat of oil once a year to keep the colour deep.</p></div>`;

const NOTICE = `<div class="notice"><p>Small files called cookies remember your basket and, with your consent, measure how the pages are used by visitors from different places and on different devices.</p>
<p>Our partners may also store such files when you watch a video or share a page; you can change your privacy choices at any time on the settings page linked below.</p></div>`;

const LINKS = `<div class="more-categories"><p><a href="/c/tables">Tables in solid wood, made to order in oak, ash and walnut for kitchens and dining rooms</a></p>
<p><a href="/c/chairs">Chairs in solid wood, with seats of woven rush, paper cord or leather, to match every table</a></p></div>`;

// Prose beside the region that does not speak of the category: none of its longer words are the
// title's or the cards'.
const POPUP = `<div class="modal newsletter-popup"><p>Before you go: get ten percent off your first order when you join our mailing list, and be the first to hear about new pieces and sales.</p>
<p>We send one letter a month and never share your address with anyone else; you can leave the list at any time with one click.</p><button>No thanks</button></div>`;

const TERMS = `<div class="usp"><p>Free delivery on every order over one hundred pounds, by our own van to most of the country within three weeks of your order.</p>
<p>Not happy with a piece? Send it back within thirty days in its packaging and we refund the full price, including the delivery.</p></div>`;

const PAGE = `<!doctype html><html lang="en"><head><title>Wooden furniture</title></head><body>
<header><a href="/">Woodshop</a><nav><a href="/c/stools">Stools</a> <a href="/c/benches">Benches</a> <a href="/c/shelves">Shelves</a> <a href="/about">About</a></nav></header>
<main><h1>Wooden furniture</h1><ul class="grid">${WOOD_CARDS}</ul></main>
${DESCRIPTION}
${LINKS}
${NOTICE}
${POPUP}
${TERMS}
<footer><p>Woodshop Ltd is a small workshop in the hills, founded by two joiners who wanted to make furniture that is repaired rather than thrown away.</p><p>We answer every message within two working days, and we deliver by van to most of the country within three weeks of your order.</p></footer>
</body></html>`;

describe.each(ENGINES)('the prose beside a collection page’s main region (%s)', (engine) => {
  it('takes the category description under the grid, and not the notice, links, pop-up, terms or footer', async () => {
    const doc = await clean(PAGE, { engine, pageType: 'collection' });
    const text = doc.text;
    expect(text).toContain('Larch shelf in solid wood, oiled');
    expect(text).toContain('Oak and ash are the hardest of the woods we use');
    expect(text).toContain('give it a fresh coat of oil once a year');
    // In its place on the page: after the grid.
    expect(text.indexOf('Choosing wooden furniture')).toBeGreaterThan(text.indexOf('Larch shelf in solid wood'));
    expect(text).not.toContain('Small files called cookies remember your basket');
    expect(text).not.toContain('Tables in solid wood, made to order');
    expect(text).not.toContain('founded by two joiners');
    expect(text).not.toContain('get ten percent off your first order');
    expect(text).not.toContain('Free delivery on every order');
  });

  it('leaves a page cleaned as a listing as it was: its region is <main> alone', async () => {
    const doc = await clean(PAGE, { engine, pageType: 'listing' });
    expect(doc.text).toContain('Oak stool in solid wood, oiled');
    expect(doc.text).not.toContain('Oak and ash are the hardest of the woods we use');
  });
});
