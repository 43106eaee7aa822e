// A listing page cleaned as an article: Readability takes the short intro above the run of
// teaser cards, and the cards (the page's content) are kept by taking the card region instead.
// A news article's box of related teasers is still left out.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const card = (i: number) => `
  <div class="entry"><h3><a href="/trails/trail-${i}">Riverside trail number ${i}</a></h3>
  <p class="facts">Difficulty: intermediate. Length: ${i + 3} miles. Steward: volunteer crew ${i}.</p></div>`;

// No <main>, no article element: a heading, one intro paragraph, then ten cards of one shape.
const LISTING = `<!doctype html><html><head><title>Trails</title></head><body>
<header><nav><a href="/">Home</a> <a href="/join">Join</a> <a href="/events">Events</a></nav></header>
<div class="site"><div class="body">
<h1>Trails</h1>
<p>The riding club builds, maintains and rides the off-road trails of the county, with crews of volunteers who look after each of them through the year and report on their state after the rain.</p>
<div class="entries">${Array.from({ length: 10 }, (_, i) => card(i + 1)).join('')}</div>
</div></div>
<footer><p>The riding club, its address and its terms of membership.</p></footer></body></html>`;

const related = (i: number) => `
  <div class="teaser"><h4><a href="/news/story-${i}">Another story about the city budget, part ${i}</a></h4>
  <p>March ${i}, 2025. A short summary of the story about the budget and its vote.</p></div>`;

// A news article followed by a box of related teasers nearly as long as its body: the page's
// card region is the box, and the article Readability picked does not stand in it.
const ARTICLE = `<!doctype html><html><head><title>Council votes</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="site"><div class="body">
<div class="story"><h1>Council votes on the bridge</h1>
${[1, 2, 3, 4, 5, 6].map((i) => `<p>Paragraph ${i} of the report on the vote about the bridge, with the figures the council gave and what the mayor said afterwards about the cost of the works and their timetable, which the opposition disputed.</p>`).join('')}
</div>
<div class="more"><h2>Related</h2>
<div class="teasers">${Array.from({ length: 8 }, (_, i) => related(i + 1)).join('')}</div></div>
</div></div>
<footer><p>The newspaper, its address and its terms.</p></footer></body></html>`;

const more = (i: number) => `
  <div class="card"><h3><a href="/news/item-${i}">Harbour news item number ${i} of the week</a></h3>
  <p>One line about item ${i}. May ${i}, 2025</p></div>`;

// A news brief of two paragraphs above a large "more news" grid in the same container: the grid
// holds far more text than the brief, and the region of its cards climbs over the brief.
const BRIEF = `<!doctype html><html><head><title>Ferry</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><div class="content">
<div class="story"><h1>The ferry runs again</h1><p class="byline">By A. Writer</p>
<p>The harbour ferry runs again from Monday after three weeks in the yard, the operator said on Friday, with the old timetable and the old fares, and with a second crossing in the evening on weekdays until the end of the summer season.</p>
<p>Repairs to the engine took longer than planned because a part had to be made again abroad, and the spare boat the operator hired was too small for the morning crowds, who waited on the quay for an hour on some days of the closure.</p></div>
<h2>More news</h2>
${Array.from({ length: 30 }, (_, i) => more(i + 1)).join('')}
</div></main>
<footer><p>The newspaper, its address and its terms.</p></footer></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('a listing cleaned as an article on %s', (engine) => {
  it('keeps the run of teaser cards beside the intro Readability picked', async () => {
    const doc = await clean(LISTING, { url: 'https://club.example/trails/', engine, pageType: 'article' });
    expect(doc.text).toContain('The riding club builds');
    for (let i = 1; i <= 10; i++) {
      expect(doc.text).toContain(`Riverside trail number ${i}`);
      expect(doc.text).toContain(`Steward: volunteer crew ${i}.`);
    }
    expect(doc.text).not.toContain('terms of membership');
  });

  it("still leaves out a news article's box of related teasers", async () => {
    const doc = await clean(ARTICLE, { url: 'https://paper.example/news/bridge', engine, pageType: 'article' });
    expect(doc.text).toContain('Paragraph 6 of the report');
    expect(doc.text).not.toContain('Another story about the city budget');
  });

  it('leaves a short news brief of its own paragraphs above a large grid of teasers as it is', async () => {
    const doc = await clean(BRIEF, { url: 'https://paper.example/news/ferry', engine, pageType: 'article' });
    expect(doc.text).toContain('Repairs to the engine took longer');
    expect(doc.text).not.toContain('Harbour news item number');
  });
});
