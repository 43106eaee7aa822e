import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const BODY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Part ${i + 1} of the report on the ferry. The harbour board counted the passengers on every crossing this summer and found that the morning boats were full on most weekdays, while the evening boats ran half empty, which it wants to change with cheaper tickets after six.</p>`,
).join('');

const INTRO = [
  'The island ferry will run every hour from next spring, the harbour board decided on Tuesday after a year of complaints about the long gaps between boats.',
  'The board says the new timetable costs less than a second boat would, because the old boat can turn round faster once the pier has been rebuilt.',
];

/**
 * A page builder's article: the headline and the intro in one section, the body in the next
 * (Readability takes the body's section and leaves the intro out), and a sidebar.
 */
function page(intro: string): string {
  return `<!doctype html><html lang="en"><head><title>Ferry every hour</title></head><body>
<div class="builder">
  <section class="hero"><h1>The ferry will run every hour</h1><div class="text-widget">${intro}</div></section>
  <section class="content"><div class="text-widget">${BODY}</div></section>
</div>
<aside><p>More from the harbour</p></aside>
</body></html>`;
}

const url = 'https://news.example/ferry';
const paragraphs = (texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('');

describe('an intro between the headline and the body Readability took', () => {
  it('goes in front of the body, once and in order, on both engines alike', async () => {
    const html = page(paragraphs(INTRO));
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { url, engine: 'linkedom', pageType: 'article' }),
      clean(html, { url, engine: 'jsdom', pageType: 'article' }),
    ]);
    const text = linkedom.text;
    expect(text.indexOf(INTRO[0]!)).toBe(0);
    expect(text.indexOf(INTRO[1]!)).toBeGreaterThan(0);
    expect(text.indexOf(INTRO[1]!)).toBeLessThan(text.indexOf('Part 1 of the report'));
    expect(text.split(INTRO[0]!)).toHaveLength(2);
    expect(linkedom.markdown.startsWith(INTRO[0]!)).toBe(true);
    // Shown, so not reported as left out of the article.
    const outside = linkedom.removed.filter((removal) => removal.rule === 'boilerplate/outside-article');
    expect(outside.some((removal) => removal.text.includes('harbour board decided'))).toBe(false);
    expect(jsdom.text).toBe(text);
  });

  it('is not a lone paragraph, a paragraph the body holds, or text on a page of another type', async () => {
    const lone = await clean(page(`${paragraphs(INTRO.slice(0, 1))}<p>By Ann Lee</p>`), { url, pageType: 'article' });
    expect(lone.text).not.toContain('harbour board decided');
    // Apart, with a short line between them: two boxes, not an intro.
    const apart = await clean(page(`<p>${INTRO[0]}</p><p>Share this story</p><p>${INTRO[1]}</p>`), {
      url,
      pageType: 'article',
    });
    expect(apart.text).not.toContain('harbour board decided');
    expect(apart.text).not.toContain('turn round faster');
    // The body's own opening shown again beside the headline, with a note in front: kept once.
    const opening = BODY.split('</p>')
      .slice(0, 2)
      .map((paragraph) => paragraph.replace('<p>', '<p>Updated in May. '))
      .join('</p>');
    const teaser = await clean(page(`${opening}</p>`), { url, pageType: 'article' });
    expect(teaser.text.split('Part 1 of the report')).toHaveLength(2);
    const service = await clean(page(paragraphs(INTRO)), { url, pageType: 'service' });
    expect(service.text.indexOf(INTRO[0]!)).not.toBe(0);
  });

  it('is not a run of teaser cards under their own headings, nor text under a headline that is not the title', async () => {
    const cards = INTRO.map((text, i) => `<h3><a href="/story-${i}">Another story ${i}</a></h3><p>${text}</p>`).join(
      '',
    );
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const teasers = await clean(page(cards), { url, engine, pageType: 'article' });
      expect(teasers.text.startsWith('Part 1 of the report')).toBe(true);
      expect(teasers.text).not.toContain('harbour board decided');
      // A site's logo written as the h1: the notice under it is not the article's opening.
      const logo = page(paragraphs(INTRO)).replace('<h1>The ferry will run every hour</h1>', '<h1>Harbour Daily</h1>');
      const notice = await clean(logo, { url, engine, pageType: 'article' });
      expect(notice.text).not.toContain('harbour board decided');
    }
  });

  it.each(['linkedom', 'jsdom'] as const)(
    'is not a run of teaser cards, each one link around its text, about the same subject (%s)',
    async (engine) => {
      // The cards' text speaks of the ferry too; a link around a whole card leads to another story.
      const cards = INTRO.map((text, i) => `<a class="card" href="/news/ferry-${i + 1}"><p>${text}</p></a>`).join('');
      const document = await clean(page(cards), { url, engine, pageType: 'article' });
      expect(document.text).toContain('Part 1 of the report');
      expect(document.text).not.toContain('harbour board decided');
      // The same paragraphs without the links are the intro.
      const plain = await clean(page(paragraphs(INTRO)), { url, engine, pageType: 'article' });
      expect(plain.text.startsWith(INTRO[0]!)).toBe(true);
    },
  );

  it('is not an author bio and a funding note that stand where an intro would', async () => {
    const bio = [
      'Ann Lee has covered the islands for the paper since 2009 and before that reported on shipping and the ports for a trade magazine in the city.',
      'This article was written with support from the regional transport fund, which had no say over what we wrote or where it was published.',
    ];
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(page(paragraphs(bio)), { url, engine, pageType: 'article' });
      expect(document.text.startsWith('Part 1 of the report')).toBe(true);
      expect(document.text).not.toContain('covered the islands');
      expect(document.text).not.toContain('transport fund');
    }
  });

  it('is an intro that speaks of the article in other forms of its words', async () => {
    // No longer word here is written as in the body ("crossings", "summers", "boards"), yet
    // most are the body's words inflected.
    const inflected = [
      "Crossings grew crowded through summers, with mornings packed and evenings deserted, as the port's counters reported.",
      'Cheapest ticketing for the late sailings, planners hope, changes that pattern once the boards agree to it this winter.',
    ];
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(page(paragraphs(inflected)), { url, engine, pageType: 'article' });
      expect(document.text.startsWith(inflected[0]!)).toBe(true);
    }
  });

  it('goes through the text rules like the body', async () => {
    const signup =
      'Sign up for our newsletter to get the harbour news in your inbox every morning, free of charge and without ads.';
    const document = await clean(page(paragraphs([...INTRO, signup])), { url, pageType: 'article' });
    expect(document.text).toContain(INTRO[1]);
    expect(document.text).not.toContain('Sign up for our newsletter');
    expect(document.removed.some((removal) => removal.text.includes('Sign up for our newsletter'))).toBe(true);
  });
});
