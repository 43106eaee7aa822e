import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const PARAGRAPHS = [
  'The harbour authority published its yearly report on Monday, showing that container traffic grew for the third year in a row while ferry traffic stayed flat.',
  'Most of the growth came from two new shipping lines to the east, which now call at the port twice a week and use the deep-water berth that opened last spring.',
  'The authority expects the numbers to level off next year, when a competing port further up the coast finishes its own expansion and starts to bid for the same lines.',
];
const BODY = PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('\n');

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.each(ENGINES)('no silent loss (%s)', (engine) => {
  it('a comment holding "<script" hides nothing: the parser ends the comment, not a pattern', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title>
<!-- the old counter: <script src="/counter.js"> (taken out in 2019) -->
</head><body><article><h1>Harbour report</h1>${BODY}</article>
<script>var views = 1;</script></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(document.status).not.toBe('short');
    expect(document.text).not.toContain('counter');
  });

  it('a script end tag written "</script" and a line break ends the script there', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title>
<script>window.config = { lines: 2 };</script
  type="text/javascript"></head><body><article><h1>Harbour report</h1>${BODY}</article>
<script>var views = 1;</script></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(document.text).not.toContain('window.config');
    expect(document.text).not.toContain('views');
  });

  it('a stray "<![CDATA[" in the body ends at the next ">", as in an HTML5 parser, and hides nothing', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title>
<script>//<![CDATA[
var views = 1;
//]]></script></head><body>
  <![CDATA[
<div id="top"></div><article><h1>Harbour report</h1>${BODY}
<svg><text><![CDATA[a > b]]></text></svg></article></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(document.status).toBe('ok');
    expect(document.text).not.toContain('CDATA');
    expect(document.text).not.toContain('views');
  });

  it('keeps JSON-LD for the metadata and drops styles and comments from the text', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour traffic grows","datePublished":"2024-05-02"}</script>
<style>p { color: red }</style></head><body><article><h1>Harbour report</h1><!-- teaser -->${BODY}<style>.x{}</style></article></body></html>`;
    const document = await clean(html, { engine });
    expect(document.metadata.publishedAt).toBe('2024-05-02');
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('reads the <noscript> version of a page whose visible body is an empty app shell', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body>
<section id="splash"><div class="dots"></div></section>
<noscript><div id="main"><article><h1>Harbour report</h1>${BODY}</article></div></noscript></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    // ... also with the script that draws it: a <noscript> that holds the page is no notice.
    const drawn = await clean(html.replace('</body>', '<script src="/app.js"></script></body>'), { engine });
    expect(drawn.text).toBe(PARAGRAPHS.join('\n\n'));
    // A page with its own text keeps its <noscript> notes out.
    const normal = await clean(
      `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>${BODY}</article>
<noscript><p>Please enable JavaScript to see the comments and the interactive map of the harbour and its berths. Without it the map, the live ship positions, the berth timetable and the reader comments under this report cannot be shown in your browser.</p></noscript></body></html>`,
      { engine },
    );
    expect(normal.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('drops soft hyphens from the text and the title', async () => {
    const html = `<!doctype html><html lang="de"><head><title>Bundes&shy;verfassungs&shy;gericht</title></head><body><article><h1>Bundes&shy;verfassungs&shy;gericht</h1>
<p>Das Bundes&shy;verfassungs&shy;gericht hat am Dienstag über die Klage ent&shy;schieden. Die Richter wiesen sie in allen Punkten ab und begründeten das ausführlich.</p>
<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p></article></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).not.toContain('\u00AD');
    expect(document.text).toContain('Das Bundesverfassungsgericht hat am Dienstag über die Klage entschieden.');
    expect(document.title).toBe('Bundesverfassungsgericht');
  });

  it('keeps a standfirst once, with its line break as a space, never glued or repeated', async () => {
    const standfirst =
      'The harbour authority reported<br>record container traffic on Monday, after a year in which two new shipping lines began to call.';
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body><article>
<header><h1>Harbour report</h1><p class="standfirst">${standfirst}</p></header>${BODY}</article></body></html>`;
    const document = await clean(html, { engine });
    expect(occurrences(document.text, 'record container traffic')).toBe(1);
    expect(document.text).not.toContain('reportedrecord');
    expect(document.text.startsWith('The harbour authority reported')).toBe(true);
  });

  it('a description holding the whole article is not put in front of it again (no lead longer than a lead)', async () => {
    // Some shop platforms write the article's text into og:description; the body starts with
    // the same words (a loose title line, then the heading), so the body itself looked like the lead.
    const more = [
      'Ferry companies asked the authority to keep the old passenger terminal open for another season, because the new one will not be finished before the summer timetable starts.',
      'The report also lists the costs of dredging the outer channel, which rose by a fifth after the storms of the winter moved more sand into the fairway than in any year before.',
      'Fishing boats landed less than last year, and the fish market will close on Mondays from the spring, when the new auction hall on the north quay takes over the early sales.',
    ];
    const paragraphs = [...PARAGRAPHS, ...more];
    const description = `Harbour report Harbour report ${paragraphs.join(' ')}`;
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title>
<meta property="og:description" content="${description}"></head><body><div class="article-content">Harbour report
<h1>Harbour report</h1>\n${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}</div></body></html>`;
    const document = await clean(html, { engine });
    for (const paragraph of paragraphs) expect(occurrences(document.text, paragraph)).toBe(1);
    expect(occurrences(document.text, 'The harbour authority published')).toBe(1);
  });

  it('reports what the article leaves out: a container whose class looks like an ad, a sidebar, the footer', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body>
<div class="top-strip"><p>Port news for the whole coast, every day</p></div>
<article><h1>Harbour report</h1><p>${PARAGRAPHS[0]}</p>
<div class="promo-ad-box"><p>Win a trip to the coast this summer</p></div>
<p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article>
<div class="sidebar"><h3>Most read</h3><p>Ferry timetable changes for the winter</p></div>
<div class="site-footer"><p>Harbour News is published by the Coast Press cooperative.</p></div>
</body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    const outside = document.removed.filter((removal) => removal.rule === 'boilerplate/outside-article');
    const reported = outside.map((removal) => removal.text).join(' | ');
    for (const text of [
      'Port news for the whole coast',
      'Win a trip to the coast this summer',
      'Ferry timetable changes',
      'published by the Coast Press cooperative',
    ]) {
      expect(reported).toContain(text);
    }
    for (const removal of outside) {
      expect(removal).toMatchObject({ category: 'boilerplate', stage: 'dom-after' });
      expect(removal.chars).toBe(removal.text.length);
    }
    // The ad container stood between the first and the second paragraph.
    expect(outside.find((removal) => removal.text.includes('Win a trip'))?.position).toBe(1);
    expect(outside.find((removal) => removal.text.includes('Port news'))?.position).toBe(0);
    expect(outside.find((removal) => removal.text.includes('Coast Press'))?.position).toBe(3);
    // Every visible word of the page is in the text or in removed[].
    const accounted = `${document.text} ${document.removed.map((removal) => removal.text).join(' ')}`;
    for (const word of ['Port', 'trip', 'Ferry', 'cooperative', 'Most']) expect(accounted).toContain(word);
  });

  it('leaves out a paragraph hidden by its inline style however the style is written, and reports it', async () => {
    const hidden = ['display:none !important', 'DISPLAY: NONE', 'color: grey; visibility: Hidden !important'];
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>
<p>${PARAGRAPHS[0]}</p>
${hidden.map((style, i) => `<p style="${style}">Hidden note ${i}: the pier tender closes a week early for every bidder.</p>`).join('\n')}
<p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p></article></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    const reported = document.removed.map((removal) => removal.text).join(' | ');
    for (const i of hidden.keys()) expect(reported).toContain(`Hidden note ${i}:`);
  });

  it("reports a template's markup when it takes the template out, whichever engine parsed it", async () => {
    // jsdom keeps a template's markup in its content fragment, linkedom among its children: the
    // removal reads it from either, so both engines report the same text.
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>
${BODY}
<template id="tide-card"><div class="card"><h3>Tide tables</h3><p>Subscribe to the weekly tide tables and harbour notices.</p></div></template>
</article></body></html>`;
    const document = await clean(html, { engine });
    expect(document.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(document.removed).toContainEqual(
      expect.objectContaining({
        rule: 'boilerplate/hidden',
        text: 'Tide tables Subscribe to the weekly tide tables and harbour notices.',
      }),
    );
  });

  it('cleans a page written without a <body> tag as one with it: the menu is taken out and reported', async () => {
    const page = (
      open: string,
      close: string,
    ) => `<!doctype html><html lang="en"><head><title>Harbour report</title></head>${open}
<nav class="site-menu"><a href="/">Home</a> <a href="/ports">Ports</a> <a href="/ferries">Ferries</a></nav>
<article><h1>Harbour report</h1>${BODY}</article>${close}</html>`;
    const without = await clean(page('', ''), { engine });
    const written = await clean(page('<body>', '</body>'), { engine });
    expect(without.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(without.removed.map((removal) => [removal.rule, removal.text])).toEqual(
      written.removed.map((removal) => [removal.rule, removal.text]),
    );
    expect(without.removed.map((removal) => removal.rule)).toContain('navigation/element');
  });

  it('does not report the text that is kept, nor when the report is turned off', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>${BODY}</article>
<div class="sidebar"><p>Ferry timetable changes for the winter</p></div></body></html>`;
    const document = await clean(html, { engine });
    const outside = document.removed.filter((removal) => removal.rule === 'boilerplate/outside-article');
    for (const paragraph of PARAGRAPHS) for (const removal of outside) expect(removal.text).not.toContain(paragraph);
    const off = await clean(html, { engine, disabledCategories: ['boilerplate/outside-article'] });
    expect(off.removed.filter((removal) => removal.rule === 'boilerplate/outside-article')).toHaveLength(0);
    expect(off.text).toBe(document.text);
  });
});
