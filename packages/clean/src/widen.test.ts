import { describe, expect, it } from 'vitest';

import { extractBlocks } from './blocks.js';
import { clean } from './clean.js';
import { ENGINES, parseHtml } from './dom.js';
import { widenPlan, widenedContainer } from './widen.js';

const ROOM = (i: number) =>
  `<p>Room ${i}, on floor ${i}, holds desks, lamps, plugs, shelves and chairs for twenty readers.</p>`;
const WING = (name: string) =>
  `<p>${`The ${name} wing was planned with the readers of the town over two winters of meetings in the old hall and it opens in the spring of next year when the last shelves are in place `.repeat(8).trim()}.</p>`;
/** The cleaner reports that it widened the article to a wider container. */
const reportsWidening = (document: { removed: Array<{ reason: string }> }) =>
  document.removed.some((removal) => /widened/.test(removal.reason));
/** A section nested three wrappers deep, as page builders write them; every section has the same classes. */
const SECTION = (name: string, inner: string) =>
  `<section class="part" id="${name}"><div class="part-a"><div class="part-b"><div class="part-text">${inner}</div></div></div></section>`;

/**
 * The body split across sibling sections: Readability's scores favour the section of short
 * comma-rich lines and leave out some of the long prose sections around it.
 */
function splitPage(extra = '', region = 'main'): string {
  return `<!doctype html><html lang="en"><head><title>The new library</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<${region}><h1>The new library</h1>
${SECTION('rooms', Array.from({ length: 12 }, (_, i) => ROOM(i + 1)).join(''))}
${SECTION('east', WING('east'))}${SECTION('west', WING('west'))}${SECTION('north', WING('north'))}
</${region.split(' ')[0]}>${extra}<footer><p>© 2024 Town paper.</p></footer></body></html>`;
}

describe('container widening', () => {
  it('takes every section of a body split across siblings, on both engines alike', async () => {
    const url = 'https://news.example/library';
    const [linkedom, jsdom] = await Promise.all([
      clean(splitPage(), { url, engine: 'linkedom' }),
      clean(splitPage(), { url, engine: 'jsdom' }),
    ]);
    for (const name of ['east', 'west', 'north']) expect(linkedom.text).toContain(`The ${name} wing was planned`);
    expect(linkedom.text).toContain('Room 12, on floor 12');
    expect(linkedom.text).not.toContain('© 2024 Town paper.');
    const footer = linkedom.removed.find((removal) => removal.text.includes('© 2024 Town paper.'));
    expect(footer?.rule).toBe('boilerplate/outside-article');
    expect(footer?.reason).toMatch(/widened/);
    expect(jsdom.text).toBe(linkedom.text);
    expect(jsdom.removed.map((r) => [r.rule, r.text])).toEqual(linkedom.removed.map((r) => [r.rule, r.text]));
  });

  it('takes sections whose prose stands among tables, but not a layout that is mostly other text', async () => {
    // Readability takes the rooms (prose of their own, a quarter of the page's); each wing's
    // section also holds a table of short rows, so the wider container is under half prose.
    const LONG_ROOM = (i: number) =>
      `<p>Room ${i}, on floor ${i}, holds desks, lamps, plugs, shelves, and chairs for twenty readers, and a tea urn.</p>`;
    const rows = (n: number) =>
      `<table>${Array.from({ length: n }, (_, i) => `<tr><td>Shelf ${i + 1} by the window</td></tr>`).join('')}</table>`;
    const html = (n: number) => `<!doctype html><html lang="en"><head><title>The new library</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><h1>The new library</h1>${SECTION('rooms', Array.from({ length: 12 }, (_, i) => LONG_ROOM(i + 1)).join(''))}
${['east', 'west', 'north'].map((name) => SECTION(name, `${WING(name)}${rows(n)}`)).join('')}
</main><footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const url = 'https://news.example/library';
    for (const engine of ENGINES) {
      const document = await clean(html(100), { url, engine, pageType: 'article' });
      for (const name of ['east', 'west', 'north']) expect(document.text).toContain(`The ${name} wing was planned`);
      expect(document.text).toContain('Shelf 100 by the window');
      expect(reportsWidening(document)).toBe(true);
    }
    // Four times the rows: the container is mostly other text, and nothing is widened.
    const crowded = await clean(html(400), { url, pageType: 'article' });
    expect(crowded.text).toContain('Room 12, on floor 12');
    expect(crowded.text).not.toContain('The east wing was planned');
  });

  it('counts as prose Japanese paragraphs and text broken by <br> that ends in a signature', async () => {
    // Readability takes the rooms (short comma-rich lines, no prose); the wings hold the prose.
    // Each Japanese paragraph is 43 characters: too few to count letter for letter, enough once a
    // character of a script without spaces weighs as a word's letters do.
    const JAPANESE = (name: string) =>
      `<p>${name}の棟は町の読者と二度の冬をかけて計画された。古い会館での話し合いは毎週続いた。</p>`.repeat(5);
    const LINES = (name: string) =>
      `<div class="part-note">${`The ${name} wing was planned with the readers of the town over two winters of meetings.<br>`.repeat(7)}Town paper, 12 March</div>`;
    const page = (wing: (name: string) => string, lang: string) =>
      `<!doctype html><html lang="${lang}"><head><title>The new library</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><h1>The new library</h1>${SECTION('rooms', Array.from({ length: 12 }, (_, i) => ROOM(i + 1)).join(''))}
${['east', 'west', 'north'].map((name) => SECTION(name, wing(name))).join('')}</main>
<footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const url = 'https://news.example/library';
    for (const engine of ENGINES) {
      const japanese = await clean(page(JAPANESE, 'ja'), { url, engine, pageType: 'article' });
      for (const name of ['east', 'west', 'north']) expect(japanese.text).toContain(`${name}の棟は町の読者と`);
      expect(reportsWidening(japanese)).toBe(true);
      const lines = await clean(page(LINES, 'en'), { url, engine, pageType: 'article' });
      for (const name of ['east', 'west', 'north']) expect(lines.text).toContain(`The ${name} wing was planned`);
      expect(reportsWidening(lines)).toBe(true);
    }
  });

  it('takes a section of under 1,500 characters left out of an article, on a page cleaned as an article or a service page only', async () => {
    // Readability takes the rooms (half the prose, less a little); the one wing section it leaves
    // out holds about 1,400 characters.
    const LONG_ROOM = (i: number) =>
      `<p>Room ${i}, on floor ${i}, holds desks, lamps, plugs, shelves, and chairs for twenty readers, and a tea urn.</p>`;
    const html = `<!doctype html><html lang="en"><head><title>The new library</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><h1>The new library</h1>${SECTION('rooms', Array.from({ length: 12 }, (_, i) => LONG_ROOM(i + 1)).join(''))}
${SECTION('east', WING('east'))}</main><footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const url = 'https://news.example/library';
    for (const engine of ENGINES) {
      const document = await clean(html, { url, engine, pageType: 'article' });
      expect(document.text).toContain('The east wing was planned');
      expect(document.text).toContain('Room 12, on floor 12');
      expect(reportsWidening(document)).toBe(true);
    }
    // Cleaned as another type (its text not one article's body), 1,500 characters stay the bar.
    const documentation = await clean(html, { url, pageType: 'documentation' });
    expect(documentation.text).not.toContain('The east wing was planned');
    expect(reportsWidening(documentation)).toBe(false);
    // A service page with no main region marked (with one, the region is its content) has the
    // lower bar too.
    const unmarked = html.replace('<main>', '<div class="page">').replace('</main>', '</div>');
    for (const engine of ENGINES) {
      const service = await clean(unmarked, { url, engine, pageType: 'service' });
      expect(service.text, engine).toContain('The east wing was planned');
      expect(service.text, engine).toContain('Room 12, on floor 12');
      expect(reportsWidening(service), engine).toBe(true);
    }
  });

  /** A plumber's page: an intro, three service sections Readability leaves out, then `after`. */
  const plumberPage = (
    after: string,
  ) => `<!doctype html><html lang="en"><head><title>Plumbers in Leeds</title></head><body>
<header><a href="/">Pipe and Sons</a><nav><a href="/services">Services</a> <a href="/contact">Contact</a></nav></header>
<div class="page"><div class="sec"><h2>Plumbers in Leeds</h2>
<p>We are a family firm of plumbers in Leeds with thirty years of work in homes and small shops, and we answer the phone day and night when a pipe bursts.</p>
<p>Our engineers carry the common parts in their vans, so most repairs are done on the first visit, and we give a fixed price before any work starts.</p>
<p>Most of our customers find us through their neighbours, and more than half of our work each year comes from homes we have worked in before.</p>
<p>We work across the city and the villages around it, and we charge nothing extra for calls in the evening or at weekends when a job cannot wait.</p>
<p>Every job comes with a written guarantee of a year on the parts and the work, and we take the old parts away to be recycled when we leave.</p></div>
<div class="sec extra"><h2>Boiler servicing</h2><p>A yearly service keeps a boiler safe: we check the burner, the seals and the flue, clean the heat exchanger and test the gas pressure, and email you a certificate the same day.</p></div>
<div class="sec extra"><h2>Bathroom fitting</h2><p>From a new tap to a whole new bathroom, we plan the room with you, order the fittings and do the plumbing, tiling and wiring ourselves, one team from the first day to the last.</p></div>
<div class="sec extra"><h2>Landlord checks</h2><p>Landlords must have the gas appliances of each let home checked every year; we test them, fill in the official form and remind you a month before the next check.</p></div>
${after}</div><footer><p>Pipe and Sons Ltd, 4 Mill Lane, Leeds</p></footer></body></html>`;
  const TEASERS = `<div class="blog"><h2>From our blog</h2>${[
    [
      'Five signs your boiler needs a service',
      'A boiler that makes new noises, burns with a yellow flame or keeps losing pressure is telling you it is time to call an engineer.',
    ],
    [
      'How to bleed a radiator in ten minutes',
      'Cold patches at the top of a radiator mean trapped air; this is how to let it out safely with a radiator key and an old cloth.',
    ],
    [
      'Should you repair or replace an old boiler?',
      'We compare the cost of keeping an old boiler running with the price of a new one over ten years, and the grants that help with it.',
    ],
  ]
    .map(
      ([title, summary], i) =>
        `<div class="card"><h3><a href="/blog/${i}">${title}</a></h3><p>${summary}</p><a href="/blog/${i}">Read more</a></div>`,
    )
    .join('')}</div>`;

  it("takes a service page's own sections at the lower bar but not teaser cards beside them", async () => {
    // The teasers' summaries are prose that puts the page under the article's lower bar: the
    // wider container holds them, and the article's teaser-card rule, run on a service page
    // widened at that bar, removes them; the service sections stay.
    const url = 'https://plumber.example/';
    for (const engine of ENGINES) {
      const service = await clean(plumberPage(TEASERS), { url, engine, pageType: 'service' });
      expect(reportsWidening(service), engine).toBe(true);
      expect(service.text, engine).toContain('A yearly service keeps a boiler safe');
      expect(service.text, engine).toContain('Landlords must have the gas appliances');
      for (const teaser of ['From our blog', 'Five signs your boiler', 'trapped air', 'grants that help', 'Read more'])
        expect(service.text, `${engine}: ${teaser}`).not.toContain(teaser);
      expect(
        service.removed.some((removal) => removal.rule === 'related/teaser-cards'),
        engine,
      ).toBe(true);
    }
    // The same box with each card one link around its heading and summary, or linking to the
    // firm's blog on a subdomain of its site.
    const linkCards = TEASERS.replace(
      /<div class="card"><h3><a href="([^"]*)">([^<]*)<\/a><\/h3>/g,
      '<a class="card" href="$1"><h3>$2</h3>',
    ).replace(/<a href="\/blog\/\d">Read more<\/a><\/div>/g, '<span>Read more</span></a>');
    expect(linkCards).toContain('<a class="card" href="/blog/2"><h3>Should you repair');
    const subdomain = TEASERS.replace(/href="\/blog\//g, 'href="https://blog.plumber.example/');
    for (const box of [linkCards, subdomain])
      for (const engine of ENGINES) {
        const service = await clean(plumberPage(box), { url, engine, pageType: 'service' });
        expect(service.text, engine).toContain('Landlords must have the gas appliances');
        expect(service.text, engine).not.toContain('Five signs your boiler');
        expect(service.text, engine).not.toContain('trapped air');
      }
  });

  it("takes an imprint's headings and short paragraphs beside the container on a service page", async () => {
    // An imprint: a liability note of comma-rich lines Readability takes, and beside it the
    // firm's own headed sections, each a short line or two and a plain sentence (under the
    // article's lower bar together, and more prose than the note).
    const NOTE = (topic: string) =>
      `<p>For ${topic}, as for all our pages, we take care, check the facts, name the sources, and correct errors.</p>`;
    const SECTION_OF = (heading: string, lines: string) => `<div class="sec extra"><h2>${heading}</h2>${lines}</div>`;
    const html = `<!doctype html><html lang="en"><head><title>Imprint</title></head><body>
<header><a href="/">Eich Design</a><nav><a href="/work">Work</a> <a href="/contact">Contact</a></nav></header>
<div class="content"><div class="sec"><h1>Imprint</h1>${['design', 'print', 'web sites', 'photos', 'fonts', 'prices'].map(NOTE).join('')}</div>
${SECTION_OF('Owner', '<p>Anna Eich</p><p>Mill Road 4, 29614 Soltau</p><p>Anna Eich answers for the contents of these pages under the press law of the state and the rules of the trade.</p>')}
${SECTION_OF('Disputes', '<p>We are neither obliged nor willing to take part in a dispute settlement before a consumer board of the state.</p>')}
${SECTION_OF('Rights', '<p>The texts and layouts on these pages are our own work and copying them needs our written consent beforehand.</p>')}
${SECTION_OF('Links', '<p>Our pages link to the sites of others whose contents we cannot check and whose owners answer for them.</p>')}
${SECTION_OF('Data', '<p>Phone 05191 4411</p><p>How we handle what you send us through the contact form is set out in full on a page of its own in the footer.</p>')}
${SECTION_OF('Tax', '<p>Our tax number is given on every invoice and the tax office of the district keeps the firm on its register.</p>')}
${SECTION_OF('Pictures', '<p>Photos by the owner</p><p>The pictures on these pages were taken by the owner herself unless another name stands right under them.</p>')}
${SECTION_OF('Hosting', '<p>These pages are served from a data centre in the state by a firm that keeps no record of your visit here.</p>')}
</div><footer><p>© Eich Design</p></footer></body></html>`;
    const url = 'https://eich.example/imprint';
    for (const engine of ENGINES) {
      const service = await clean(html, { url, engine, pageType: 'service' });
      expect(reportsWidening(service), engine).toBe(true);
      expect(service.text, engine).toContain('For design, as for all our pages');
      for (const line of [
        'Owner',
        'Mill Road 4, 29614 Soltau',
        'consumer board',
        'Rights',
        'Phone 05191 4411',
        'tax office of the district',
        'Photos by the owner',
        'keeps no record of your visit',
      ])
        expect(service.text, `${engine}: ${line}`).toContain(line);
    }
  });

  it('leaves an article alone when it holds most of the prose (a long aside stays out)', async () => {
    const aside = `<aside class="more">${WING('south')}</aside>`;
    const html = `<!doctype html><html lang="en"><head><title>The new library</title></head><body>
<article><h1>The new library</h1>${WING('east')}${WING('west')}${WING('north')}</article>${aside}
<footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const document = await clean(html, { url: 'https://news.example/library', engine: 'linkedom' });
    expect(document.text).toContain('The north wing was planned');
    expect(document.text).not.toContain('The south wing was planned');
    expect(reportsWidening(document)).toBe(false);
  });

  it('does not widen to the whole body when the prose is spread over the page', async () => {
    // Most of the prose sits in the footer and a sidebar, outside any one container but the body.
    const html = splitPage(`<div class="side">${WING('south')}${WING('moon')}</div>`).replace(
      '<footer><p>© 2024 Town paper.</p></footer>',
      `<footer>${WING('harbour')}${WING('river')}${WING('hill')}${WING('mill')}</footer>`,
    );
    const document = await clean(html, { url: 'https://news.example/library', engine: 'linkedom' });
    expect(reportsWidening(document)).toBe(false);
  });

  it('takes sections whose classes differ only in a numbered token, not sections of another shape', async () => {
    // Readability takes the rooms section, which now holds a quarter of the prose too.
    // In a plain container (the page's main region is another case: see below).
    const wings = (classes: string[]) =>
      splitPage('', 'div')
        .replace(
          'Room 12, on floor 12, holds desks, lamps, plugs, shelves and chairs for twenty readers.</p>',
          (room) => `${room}${WING('south')}`,
        )
        .replace(/class="part"/g, () => `class="${classes.shift() ?? 'part'}"`);
    const numbered = wings([
      'row-wrapper dnd-section row-1',
      'row-wrapper dnd-section row-2',
      'row-wrapper dnd-section row-3',
      'row-wrapper dnd-section row-4',
    ]);
    const widened = await clean(numbered, { url: 'https://news.example/library', engine: 'linkedom' });
    for (const name of ['east', 'west', 'north']) expect(widened.text).toContain(`The ${name} wing was planned`);
    expect(reportsWidening(widened)).toBe(true);
    const other = await clean(wings(['part', 'promo-box', 'side-note', 'comment-box']), {
      url: 'https://news.example/library',
      engine: 'linkedom',
    });
    expect(reportsWidening(other)).toBe(false);
    expect(other.text).not.toContain('The west wing was planned');
    // Named apart, with a grid token in common (a main column and widget columns): not one shape.
    const columns = await clean(wings(['story col-md-8', 'widgets col-md-4', 'widgets col-md-4', 'widgets col-md-4']), {
      url: 'https://news.example/library',
      engine: 'linkedom',
    });
    expect(reportsWidening(columns)).toBe(false);
    expect(columns.text).not.toContain('The west wing was planned');
  });

  it("takes the page's main region when the intro and the body sit in differently named sections of it (a recipe)", async () => {
    const intro = `<section class="page-intro"><div class="summary">${'<p>A loaf for every day, tangy and forgiving, with no kneading and no shaping, that bakes in a tin while you do something else.</p>'.repeat(4)}</div></section>`;
    const step = (i: number) =>
      `<li>Step ${i}: stir the dough with a wet spatula for a minute, cover the bowl and leave it in a warm corner of the kitchen until it has risen by half again.</li>`;
    const steps = `<div class="page-content"><h2>Instructions</h2><ol>${Array.from({ length: 16 }, (_, i) => step(i + 1)).join('')}</ol></div>`;
    const html = (region: string) =>
      `<!doctype html><html lang="en"><head><title>Everyday loaf</title></head><body><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav><${region}><h1>Everyday loaf</h1>${intro}${steps}</${region.split(' ')[0]}><footer><p>© 2024 Bakery.</p></footer></body></html>`;
    const url = 'https://bakery.example/loaf';
    const [linkedom, jsdom] = await Promise.all([
      clean(html('main'), { url, engine: 'linkedom' }),
      clean(html('main'), { url, engine: 'jsdom' }),
    ]);
    expect(linkedom.text).toContain('A loaf for every day');
    expect(linkedom.text).toContain('Step 16: stir the dough');
    expect(reportsWidening(linkedom)).toBe(true);
    expect(jsdom.text).toBe(linkedom.text);
    // The same sections in a plain container are not alike: nothing is widened there.
    const plain = await clean(html('div class="content"'), { url, engine: 'linkedom' });
    expect(reportsWidening(plain)).toBe(false);
  });

  it("does not take into the article signed reader posts beside it in the page's main region", async () => {
    // No comment marker: the posts (sentences broken by <br>, then a name and a date) count as
    // prose, and the article holds under half of the page's prose.
    const PARA = (i: number) =>
      `<p>Paragraph ${i}: the harbour board met on Tuesday to decide what to do with the old ferry pier, closed since the storm in March.</p>`;
    const POST = (i: number) =>
      `<li class="post"><div class="post-body">Post ${i}: I grew up by that pier and fished there every summer.<br>It would be a shame to lose it, whatever the board decides next month.<br>Reader ${i}, 3 May 2024</div></li>`;
    const html = `<!doctype html><html lang="en"><head><title>What next for the pier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article class="story"><h1>What next for the pier</h1>${Array.from({ length: 8 }, (_, i) => PARA(i + 1)).join('')}</article>
<section class="talk"><h2>Your views</h2><ol>${Array.from({ length: 12 }, (_, i) => POST(i + 1)).join('')}</ol></section></main>
<footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const url = 'https://news.example/pier';
    for (const engine of ENGINES) {
      const document = await clean(html, { url, engine, pageType: 'article' });
      expect(document.text).toContain('Paragraph 8: the harbour board');
      expect(document.text).not.toContain('Post 1: I grew up');
      expect(reportsWidening(document)).toBe(false);
    }
  });

  it("takes the page's main region when the body is a timeline whose entries each name a date", async () => {
    // A date in an entry's sentence is not a post's date line, and entries of plain text are the
    // body's own parts, not containers: the timeline is not a group of posts beside the intro.
    const intro = `<section class="page-intro"><div class="summary">${'<p>How the bridge came to be closed, step by step, from the first crack found by an inspector to the vote of the council that shut it to every car.</p>'.repeat(4)}</div></section>`;
    const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
    const entry = (i: number) =>
      `<li>Entry ${i}: on ${1 + (i % 27)} ${MONTHS[i % 6]} 2023 the engineers went back under the deck with lamps and gauges and wrote down what they saw in the steel.</li>`;
    const body = `<div class="page-content"><h2>Timeline</h2><ol>${Array.from({ length: 16 }, (_, i) => entry(i + 1)).join('')}</ol></div>`;
    const html = `<!doctype html><html lang="en"><head><title>The bridge timeline</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>The bridge timeline</h1>${intro}${body}</main><footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const url = 'https://news.example/bridge';
    for (const engine of ENGINES) {
      const document = await clean(html, { url, engine, pageType: 'article' });
      expect(document.text).toContain('How the bridge came to be closed');
      expect(document.text).toContain('Entry 16: on 17 September 2023');
      expect(reportsWidening(document)).toBe(true);
    }
  });

  it("never widens out of the page's main region that holds the article (a wall of testimonials beside it)", async () => {
    const PARA = (i: number) =>
      `<p>Part ${i} of the guide: put the child to bed at the same time, say goodnight, leave the room, and if they cry, wait a few minutes, go back, say the same words, and leave again, every night for a week.</p>`;
    const REVIEW = (i: number) =>
      `<div class="quote"><p>Review ${i} says the staff were kind and quick and the doctor took the time to listen to all of our many questions about sleep.</p><span class="name">Parent ${i}</span></div>`;
    const reviews = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => REVIEW(from + i)).join('');
    const html = `<!doctype html><html lang="en"><head><title>Sleep guide</title></head><body><div id="root"><div class="site"><main><article><h1>Sleep guide</h1>${Array.from({ length: 10 }, (_, i) => PARA(i + 1)).join('')}</article><div class="share"><a href="/share">Share this guide</a></div></main><section class="reviews">${reviews(1, 14)}</section></div><div class="reviews-wall">${reviews(14, 28)}</div></div></body></html>`;
    const document = await clean(html, { url: 'https://clinic.example/sleep', engine: 'linkedom' });
    expect(document.text).toContain('Part 10 of the guide');
    expect(document.text).not.toContain('Review 20 says');
    expect(reportsWidening(document)).toBe(false);
  });
});

describe('the walk for posts in the main region', () => {
  // The article holds a seventh of the prose; the rest stands in thousands of siblings of one
  // parent, each named apart but for one shared class token (no two alike). Compared pairwise,
  // they took minutes; a time limit was checked only after the walk.
  const n = 8_000;
  const PARA = (i: number) =>
    `<p>Paragraph ${i} of the story: the new road would run past the school, and the parents asked for a crossing.</p>`;
  const NOTE = (i: number) =>
    `<div class="note note-${i} kind-${i}"><p>Note ${i} on the plan: the council will hear the residents again in the spring, and then vote on the road.</p></div>`;
  const html = `<!doctype html><html lang="en"><body><main><article>${Array.from({ length: n / 6 }, (_, i) => PARA(i)).join('')}</article>${Array.from({ length: n }, (_, i) => NOTE(i)).join('')}</main></body></html>`;

  it('weighs thousands of siblings of distinct shapes in linear time and reports its progress', async () => {
    const page = await parseHtml(html, 'linkedom', null, []);
    try {
      const blocks = extractBlocks(page.document.body, []);
      const plan = widenPlan(blocks, extractBlocks(page.document.querySelector('article')!, []), true);
      expect(plan).not.toBeNull();
      let reports = 0;
      const started = performance.now();
      const container = widenedContainer(blocks, plan!, () => reports++);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(container?.localName).toBe('main');
      expect(reports).toBeGreaterThanOrEqual(Math.floor(n / 1024));
      // A time limit that runs out stops the walk.
      expect(() =>
        widenedContainer(blocks, plan!, () => {
          throw new Error('time is up');
        }),
      ).toThrow('time is up');
    } finally {
      page.close();
    }
  });
});
