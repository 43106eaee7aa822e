// The filter panel of a collection or listing page (boilerplate/filter-panel): named, made of
// check boxes, or a list of counted choices goes; the grid, a card's own boxes and a section of
// prose whose class happens to say "facet" stay.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const tile = (i: number) =>
  `<li class="tile"><a href="/p/${i}"><img src="/i/${i}.jpg" alt=""> Linen shirt number ${i}</a><span>Washed linen, relaxed fit, cut in our own workshop</span><span class="price">$${20 + i}.00</span></li>`;
const GRID = `<ul class="grid">${Array.from({ length: 16 }, (_, i) => tile(i + 1)).join('')}</ul>`;
const page = (inside: string) => `<!doctype html><html><head><title>Shirts</title></head><body>
<header><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav></header>
<main><h1>Linen shirts</h1><p>Shirts in washed linen, cut and sewn in our own workshop by the sea.</p>${inside}${GRID}</main>
<footer><p>Our address, our terms and how to reach us.</p></footer></body></html>`;

const box = (label: string) => `<label><input type="checkbox"> ${label}</label>`;
const CHECK_BOXES = `<div class="side"><h3>Colour</h3>${['Sand', 'Olive', 'Navy', 'Rust', 'Chalk'].map(box).join('')}</div>`;
const COUNTED = `<div class="side"><ul>${['Shirts (16)', 'Trousers (9)', 'Dresses (4)', 'Hats (12)'].map((t) => `<li><a href="/c/${t.length}">${t}</a></li>`).join('')}</ul></div>`;
const NAMED = `<div class="refinementBar"><span>Sort by</span> <a href="?sort=new">Newest</a> <a href="?sort=price">Price</a></div>`;
const PROSE = `<div class="facet-notes"><h3>How to wash linen</h3><p>Wash linen cool and on a gentle cycle, then hang it to dry: it softens with every wash and needs no iron if it is hung while damp.</p></div>`;
const CARD_BOXES = `<ul><li class="tile"><a href="/p/99">Shirt in your colour</a><span class="price">$30.00</span><div>${['Sand', 'Olive', 'Navy', 'Rust'].map((c) => box(`${c} dye`)).join('')}</div></li></ul>`;

// A filtering script's names on the grid itself: the cards are `filter-item`s in a
// `filter-grid`, under a row of filter buttons.
const work = (i: number, kind: string) =>
  `<div class="cell filter-item ${kind}"><a href="/work/${i}"><img src="/w/${i}.jpg" alt=""></a><h3><a href="/work/${i}">Boathouse number ${i}</a></h3><p>One of our ${kind}, finished in ${2010 + i} on the river bank.</p></div>`;
const PORTFOLIO = `<!doctype html><html><head><title>Our work</title></head><body><main><h1>Our work</h1>
<p>Houses, studios and halls we have drawn and built along the river since the practice opened.</p>
<ul class="work-filter"><li><a href="#" data-filter="*">All</a></li><li><a href="#" data-filter=".houses">Houses</a></li><li><a href="#" data-filter=".halls">Halls</a></li></ul>
<div class="filter-grid">${Array.from({ length: 10 }, (_, i) => work(i + 1, i % 2 ? 'houses' : 'halls')).join('')}</div></main></body></html>`;
// A listing's list of titles with their years: a year in brackets is not a count of results.
const FILMS = `<div class="side"><h3>At a glance</h3><ul>${['Harbour Lights (1994)', 'The Quiet Field (2001)', 'Salt and Iron (1987)', 'Winter Ferry (2012)'].map((t) => `<li>${t}</li>`).join('')}</ul></div>`;

const EVENTS = [
  'Open studio evening at the old mill',
  'Tide pools walk for families',
  'Choir concert in the church',
  'Farmers market by the harbour',
  'Night sky talk at the library',
  'Repair cafe in the village hall',
];
const eventsPage = (inside: string) =>
  `<!doctype html><html><head><title>Events</title></head><body><main><h1>What's on</h1>${Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1} about what is on in and around the bay this month: walks, talks, markets and music, most of them free.</p>`,
  ).join('')}${inside}</main></body></html>`;

async function textOf(html: string, engine: 'linkedom' | 'jsdom', pageType: 'collection' | 'listing' | 'article') {
  const doc = await clean(html, { url: 'https://shop.example/shirts', engine, pageType });
  return { text: doc.text, filters: doc.removed.filter((r) => r.rule === 'boilerplate/filter-panel') };
}

describe.each(['linkedom', 'jsdom'] as const)('filter panels (%s)', (engine) => {
  it('removes a panel of check boxes, a list of counted choices and a panel named a filter', async () => {
    for (const [panel, target] of [
      [CHECK_BOXES, 'Olive'],
      [COUNTED, 'Trousers (9)'],
      [NAMED, 'Newest'],
    ] as const) {
      const { text, filters } = await textOf(page(panel), engine, 'collection');
      expect(text).not.toContain(target);
      expect(filters.map((r) => r.text).join(' ')).toContain(target);
      expect(text).toContain('Linen shirt number 7');
      expect(text).toContain('Shirts in washed linen');
    }
    const { text } = await textOf(page(COUNTED), engine, 'listing');
    expect(text).not.toContain('Trousers (9)');
  });

  it('keeps prose in a block whose class says facet, and the boxes of a card', async () => {
    const prose = await textOf(page(PROSE), engine, 'collection');
    expect(prose.text).toContain('Wash linen cool');
    expect(prose.filters).toHaveLength(0);
    const card = await textOf(page(CARD_BOXES), engine, 'collection');
    expect(card.text).toContain('Olive dye');
    expect(card.filters).toHaveLength(0);
  });

  it('keeps cards that a filtering script names, without their filter buttons', async () => {
    for (const pageType of ['collection', 'listing'] as const) {
      const { text } = await textOf(PORTFOLIO, engine, pageType);
      for (let i = 1; i <= 10; i++) expect(text).toContain(`Boathouse number ${i}`);
      expect(text).not.toContain('Halls\n');
    }
  });

  it('keeps a list of results named for a filtering script whose items link to the page with a query', async () => {
    // An older site's listing: each event at /events?event=N, the list inside #filter-results
    // (what the filter filters). The links are titles beside a date, not filter labels.
    const event = (i: number, title: string) =>
      `<li class="event"><a href="/events?event=${i}">${title}</a> <time>Sat ${i + 3} Oct</time></li>`;
    const titles = EVENTS;
    const intro = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1} about what is on in and around the bay this month: walks, talks, markets and music, most of them free.</p>`,
    ).join('');
    const html = `<!doctype html><html><head><title>Events</title></head><body><main><h1>What's on</h1>${intro}
<section id="filter-results"><ul>${titles.map((t, i) => event(i, t)).join('')}</ul></section></main></body></html>`;
    for (const pageType of ['collection', 'listing'] as const) {
      const doc = await clean(html, { url: 'https://www.example.net/events', engine, pageType });
      for (const title of titles) expect(doc.text).toContain(title);
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/filter-panel')).toHaveLength(0);
    }
    // The same events as bare title links, or with the date inside the link: links that differ
    // only in one key's number open records.
    for (const item of [
      (i: number, title: string) => `<li><a href="/events?event=${i}">${title}</a></li>`,
      (i: number, title: string) => `<li><a href="/events?event=${i}">${title} <time>Sat ${i + 3} Oct</time></a></li>`,
    ]) {
      const bare = html.replace(/<ul>.*<\/ul>/s, `<ul>${titles.map((t, i) => item(i, t)).join('')}</ul>`);
      const doc = await clean(bare, { url: 'https://www.example.net/events', engine, pageType: 'listing' });
      // (A list of bare short lines at the end may still go as trailing lines, another rule.)
      expect(doc.removed.filter((r) => r.rule === 'boilerplate/filter-panel')).toHaveLength(0);
    }
    // The same list of bare labels, each a link back to the page with a query, is a filter.
    const labels = `<section id="filter-results"><ul>${['Walks', 'Talks', 'Markets', 'Music'].map((t) => `<li><a href="/events?kind=${t}">${t}</a></li>`).join('')}</ul></section>`;
    const filter = await clean(html.replace('</main>', `${labels}</main>`), {
      url: 'https://www.example.net/events',
      engine,
      pageType: 'listing',
    });
    expect(
      filter.removed
        .filter((r) => r.rule === 'boilerplate/filter-panel')
        .map((r) => r.text)
        .join(' '),
    ).toContain('Markets');
  });

  it('keeps a list of results with a pager inside #filter-results (fresh-eyes s25 #2)', async () => {
    const pager = `<ul class="pager">${[1, 2, 3].map((n) => `<li><a href="/events?page=${n}">${n}</a></li>`).join('')}</ul>`;
    const paged = `<ul class="pager"><li><a href="/events?kind=walks&amp;page=2">2</a></li><li><a href="/events?start=20">Next</a></li></ul>`;
    const dated = (i: number, title: string) =>
      `<li class="event"><a href="/events?event=${i}">${title}</a> <time>Sat ${i + 3} Oct</time></li>`;
    for (const item of [dated, (i: number, title: string) => `<li><a href="/events?event=${i}">${title}</a></li>`])
      for (const bar of [pager, paged]) {
        const html = eventsPage(
          `<section id="filter-results"><ul>${EVENTS.map((t, i) => item(i, t)).join('')}</ul>${bar}</section>`,
        );
        const doc = await clean(html, { url: 'https://www.example.net/events', engine, pageType: 'listing' });
        expect(doc.removed.filter((r) => r.rule === 'boilerplate/filter-panel')).toHaveLength(0);
        // (Bare title lines at the end may still go as trailing lines, another rule.)
        if (item === dated) expect(doc.text).toContain('Tide pools walk for families');
      }
  });

  it('removes a filter panel whose links carry numeric ids and no counts (fresh-eyes s25 #3)', async () => {
    const cats = ['Walks', 'Talks', 'Markets', 'Music', 'Family', 'Outdoors'];
    const results = EVENTS.map(
      (t, i) => `<li class="event"><a href="/events?event=${i}">${t}</a> <time>Sat ${i + 3} Oct</time></li>`,
    ).join('');
    for (const query of [(i: number) => String(10 + i), (_: number, c: string) => c.toLowerCase()]) {
      const panel = `<div class="filters"><ul>${cats.map((c, i) => `<li><a href="/events?cat=${query(i, c)}">${c}</a></li>`).join('')}</ul></div>`;
      const doc = await clean(eventsPage(`${panel}<ul>${results}</ul>`), {
        url: 'https://www.example.net/events',
        engine,
        pageType: 'listing',
      });
      const removed = doc.removed.filter((r) => r.rule === 'boilerplate/filter-panel').map((r) => r.text);
      expect(removed.join(' ')).toContain('Outdoors');
      expect(doc.text).toContain('Tide pools walk for families');
    }
  });

  it('takes a link with a year beside it for a title, not a counted label (fresh-eyes s25 #14)', async () => {
    const films = ['Harbour Lights (1994)', 'The Quiet Field (2001)', 'Salt and Iron (1987)', 'Winter Ferry (2012)'];
    const list = `<section id="filter-results"><ul>${films
      .map((f) => f.split(' ('))
      .map(([t, y]) => `<li><a href="/films?film=${t!.toLowerCase().replace(/ /g, '-')}">${t}</a> (${y}</li>`)
      .join('')}</ul></section>`;
    const doc = await clean(eventsPage(list), { url: 'https://www.example.net/films', engine, pageType: 'listing' });
    expect(doc.removed.filter((r) => r.rule === 'boilerplate/filter-panel')).toHaveLength(0);
    expect(doc.text).toContain('Salt and Iron');
  });

  it('keeps a list of titles with their years', async () => {
    const { text, filters } = await textOf(page(FILMS), engine, 'listing');
    expect(text).toContain('The Quiet Field (2001)');
    expect(filters).toHaveLength(0);
  });

  it('runs on collection and listing pages only', async () => {
    const { filters } = await textOf(page(CHECK_BOXES), engine, 'article');
    expect(filters).toHaveLength(0);
  });
});
