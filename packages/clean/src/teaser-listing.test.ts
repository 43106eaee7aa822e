// A listing page cleaned as an article: Readability takes the short intro above the run of
// teaser cards, and the cards (the page's content) are kept by taking the card region instead.
// A news article's box of related teasers is still left out, and so is the grid below a short
// article of one paragraph: one credited to an author, one whose page sections look like cards
// (the post is one of them), one in the page's <main> with the grid outside it.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const card = (i: number) => `
  <div class="entry"><a href="/trails/trail-${i}"><h3>Riverside trail number ${i}</h3></a>
  <ul class="facts"><li>Difficulty: intermediate</li><li>Length: ${i + 3} miles</li><li>Steward: volunteer crew ${i}</li></ul></div>`;

// No <main>, no article element: a heading and one intro paragraph in a box of their own, then
// ten cards of one shape whose text is a title link and a list of facts (nothing Readability scores).
const LISTING = `<!doctype html><html><head><title>Trails</title></head><body>
<header><nav><a href="/">Home</a> <a href="/join">Join</a> <a href="/events">Events</a></nav></header>
<div class="site"><div class="body">
<div class="head"><h1>Trails</h1>
<p>The riding club builds, maintains and rides the off-road trails of the county, with crews of volunteers who look after each of them through the year and report on their state after the rain.</p></div>
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

const tile = (i: number) => `
  <div class="card"><a href="/news/item-${i}"><h3>Harbour news item number ${i} of the week</h3></a>
  <ul class="meta"><li>One line about item ${i}</li><li>May ${i}, 2025</li></ul></div>`;

// A one-paragraph news brief with a byline above a large grid in the same container: the grid's
// region climbs over the brief, which is short enough to be a listing's intro, but it names its author.
const BRIEF_ONE = `<!doctype html><html><head><title>Ferry timetable changes from Monday</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><div class="content"><div class="story"><h1>Ferry timetable changes from Monday</h1>
<p class="byline">By Jane Doe</p>
<p>The ferry company said on Friday that the timetable for the winter months would change from Monday, with the first crossing leaving the harbour at seven, an hour later than in summer, and the last one returning at six in the evening.</p></div>
<h2>More news</h2>
<div class="grid">${Array.from({ length: 30 }, (_, i) => tile(i + 1)).join('')}</div>
</div></main>
<footer><p>The newspaper, its address and its terms.</p></footer></body></html>`;

const archived = (i: number) =>
  `<li><a href="/blog/2006/07/${10 + i}/post-${i}/">Older post number ${i} about the league</a></li>`;

// An old blog's page: no landmarks, the masthead, the menu, the post and the archive are sibling
// <div>s of one shape, each with links, so they make a group of "cards" whose region is the whole
// page. The post is one paragraph, with no byline; it stands in one of those cards.
const POST = `<!doctype html><html><head><title>The season is over</title></head><body>
<div id="wrap">
<div><p><a href="/">The Blog</a> <a href="https://social.example/theblog">The blog elsewhere</a> <a href="/feed">Feed</a></p></div>
<div><p><a href="/pop/">Pop</a> <a href="/politics/">Politics</a> <a href="/products/">Products</a> <a href="/archive/">Archive</a> <a href="/help/">Help</a></p></div>
<div><h2><a href="/blog/2006/07/29/the-season-is-over/">The season is over</a></h2>
<p>Thousands of young couples are splitting up these days. On the coast and in the mountains they sit in silence over their dinner, because the league has ended and with it the one thing they talked about all winter; now the summer leaves them alone with each other and with the long evenings, and nobody knows yet what they will find to say before the new season starts in the autumn.</p>
<p><a href="/blog/2006/07/29/the-season-is-over/#comments">1 comment</a></p></div>
<div><h3>Archive</h3><ul>${Array.from({ length: 14 }, (_, i) => archived(i + 1)).join('')}</ul></div>
<div><h3>Recent</h3><ul>${Array.from({ length: 14 }, (_, i) => archived(i + 20)).join('')}</ul></div>
</div></body></html>`;

const episode = (i: number) => `
  <div class="tile"><a href="/sound/${1000 + i}/episode-${i}"><h3>Episode ${i}: voices from the night shift</h3></a>
  <ul><li>A documentary in ${i + 2} parts</li><li>${20 + i} minutes</li></ul></div>`;

// A podcast episode's page: its one paragraph stands in the page's <main>; a grid of other
// episodes, far longer, follows in the page's wrapper, outside <main> (the grid's region climbs
// over <main>: the rest of the wrapper is little beside it).
const EPISODE = `<!doctype html><html><head><title>The voice of the blank ballot</title></head><body>
<div class="wrapper">
<div class="top"><a href="/">Radio</a> <a href="/podcasts">Podcasts</a> <a href="/search">Search</a></div>
<main><div class="cover"><h1>The voice of the blank ballot</h1>
<p>Should blank ballots count among the votes cast? The question comes back at every election, and this episode follows a voter who has cast one for twenty years, asks the people who count them what becomes of them, and hears a specialist of electoral law explain why the rule has never changed.</p></div></main>
<div class="more"><h2>You may also like</h2>${Array.from({ length: 30 }, (_, i) => episode(i + 1)).join('')}</div>
</div></body></html>`;

const grid = () =>
  `<h2>More news</h2>\n<div class="grid">${Array.from({ length: 30 }, (_, i) => tile(i + 1)).join('')}</div>`;

// A wire brief credited to nobody: one long paragraph and three short ones that end like
// sentences, above a "more news" grid of 30 tiles in the same <main>. Only the first paragraph
// is 100 characters long: a short sentence is still a paragraph of the brief.
const BRIEF_SHORT = `<!doctype html><html><head><title>Ferry timetable changes from Monday</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><div class="content"><div class="story"><h1>Ferry timetable changes from Monday</h1>
<p>The ferry company said on Friday that the timetable for the winter months would change from Monday, with the first crossing leaving the harbour at seven.</p>
<p>The last boat returns at six in the evening.</p>
<p>Season tickets bought in summer remain valid.</p>
<p>The café on board stays closed until March.</p></div>
${grid()}
</div></main>
<footer><p>The newspaper, its address and its terms.</p></footer></body></html>`;

// The same brief in Chinese: three dense paragraphs of 45 to 60 characters, none of them 100
// characters long, each a full sentence or two.
const BRIEF_ZH = `<!doctype html><html lang="zh"><head><title>渡轮时刻表自周一起调整</title></head><body>
<header><nav><a href="/">首页</a> <a href="/news">新闻</a></nav></header>
<main><div class="content"><div class="story"><h1>渡轮时刻表自周一起调整</h1>
<p>渡轮公司星期五表示，冬季时刻表将从星期一开始实行，第一班船早上七点离港，比夏季晚一个小时，最后一班船晚上六点返回。</p>
<p>公司说，这次调整是因为冬季乘客减少，同时码头需要进行维修，维修工程预计在三月底之前完成。</p>
<p>夏季购买的季票仍然有效，船上的咖啡馆在三月之前暂停营业，乘客可以自带食物和饮料上船。</p></div>
${grid()}
</div></main>
<footer><p>The newspaper, its address and its terms.</p></footer></body></html>`;

// A one-paragraph brief credited to nobody whose page declares it a news article in JSON-LD.
const BRIEF_DECLARED = BRIEF_ONE.replace('<p class="byline">By Jane Doe</p>', '').replace(
  '</title>',
  '</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable changes from Monday","datePublished":"2025-05-09T08:00:00Z"}</script>',
);

// The listing of trails on a site that types every page `og:type` article with a publication
// time (site builders do): its intro still takes the grid.
const LISTING_OG = LISTING.replace(
  '</title>',
  '</title><meta property="og:type" content="article"><meta property="article:published_time" content="2023-07-12T06:34:44-05:00">',
);

describe.each(['linkedom', 'jsdom'] as const)('a listing cleaned as an article on %s', (engine) => {
  const asArticle = (html: string, url: string) => clean(html, { url, engine, pageType: 'article' });

  it('keeps the run of teaser cards beside the intro Readability picked', async () => {
    const doc = await asArticle(LISTING, 'https://club.example/trails/');
    expect(doc.text).toContain('The riding club builds');
    for (let i = 1; i <= 10; i++) {
      expect(doc.text).toContain(`Riverside trail number ${i}`);
      expect(doc.text).toContain(`Steward: volunteer crew ${i}`);
    }
    expect(doc.text).not.toContain('terms of membership');
  });

  it("still leaves out a news article's box of related teasers", async () => {
    const doc = await asArticle(ARTICLE, 'https://paper.example/news/bridge');
    expect(doc.text).toContain('Paragraph 6 of the report');
    expect(doc.text).not.toContain('Another story about the city budget');
  });

  it('leaves a short news brief of its own paragraphs above a large grid of teasers as it is', async () => {
    const doc = await asArticle(BRIEF, 'https://paper.example/news/ferry');
    expect(doc.text).toContain('Repairs to the engine took longer');
    expect(doc.text).not.toContain('Harbour news item number');
  });

  it('leaves a one-paragraph news brief that names its author above a large grid as it is', async () => {
    const doc = await asArticle(BRIEF_ONE, 'https://paper.example/news/ferry-timetable');
    expect(doc.text).toContain('the timetable for the winter months would change');
    expect(doc.text).not.toContain('Harbour news item number');
  });

  it('leaves a one-paragraph post that stands in one of the "cards" (the page sections) as it is', async () => {
    const doc = await asArticle(POST, 'https://blog.example/blog/2006/07/29/the-season-is-over/');
    expect(doc.text).toContain('Thousands of young couples are splitting up');
    expect(doc.text).not.toContain('Older post number');
    expect(doc.text).not.toContain('Politics');
  });

  it("leaves a one-paragraph text in the page's <main> as it is when the grid stands outside <main>", async () => {
    const doc = await asArticle(EPISODE, 'https://radio.example/sound/999/blank-ballot');
    expect(doc.text).toContain('Should blank ballots count');
    expect(doc.text).not.toContain('voices from the night shift');
  });

  it('keeps the cards beside the intro of a listing that og:type calls an article', async () => {
    const doc = await asArticle(LISTING_OG, 'https://club.example/trails/');
    expect(doc.text).toContain('The riding club builds');
    for (let i = 1; i <= 10; i++) expect(doc.text).toContain(`Riverside trail number ${i}`);
  });

  it('leaves a brief of one long and three short paragraphs, credited to nobody, above a grid as it is', async () => {
    const doc = await asArticle(BRIEF_SHORT, 'https://paper.example/2025/05/09/ferry-timetable');
    expect(doc.text).toContain('the timetable for the winter months would change');
    expect(doc.text).toContain('The café on board stays closed until March.');
    expect(doc.text).not.toContain('Harbour news item number');
  });

  it('leaves a brief of three dense Chinese paragraphs, credited to nobody, above a grid as it is', async () => {
    const doc = await asArticle(BRIEF_ZH, 'https://paper.example/2025/05/09/ferry-timetable');
    expect(doc.text).toContain('冬季时刻表将从星期一开始实行');
    expect(doc.text).toContain('乘客可以自带食物和饮料上船');
    expect(doc.text).not.toContain('Harbour news item number');
  });

  it('leaves a one-paragraph brief whose JSON-LD declares a news article above a grid as it is', async () => {
    const doc = await asArticle(BRIEF_DECLARED, 'https://paper.example/2025/05/09/ferry-timetable');
    expect(doc.text).toContain('the timetable for the winter months would change');
    expect(doc.text).not.toContain('Harbour news item number');
  });
});
