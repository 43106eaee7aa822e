import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const PARAGRAPH = (topic: string, i: number) =>
  `<p>Paragraph ${i} about the ${topic}: the council met on Monday to discuss it, and the plans that were shown to residents in the town hall will be decided in the spring.</p>`;

const paragraphs = (topic: string, from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, k) => PARAGRAPH(topic, from + k)).join('');

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Library plans</title></head><body><article><h1>Library plans</h1>${body}</article></body></html>`;
}

const url = 'https://news.example/library';
const rule = 'boilerplate/after-prose';
const BOX_LINE = 'Jane Rivers has covered the town council for this paper since 2015 and writes about housing.';
/** Two paragraphs beside the story's element: the article's container is the one around both. */
const INTRO = paragraphs('intro', 1, 2);

describe('blocks after the element that holds the article’s prose', () => {
  it('go when they are outside it, on both engines alike', async () => {
    const html = page(
      `${INTRO}<div class="story">${paragraphs('library', 1, 10)}</div><div class="box"><p>${BOX_LINE}</p></div>`,
    );
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { url, engine: 'linkedom', pageType: 'article' }),
      clean(html, { url, engine: 'jsdom', pageType: 'article' }),
    ]);
    expect(linkedom.text).toContain('Paragraph 10 about the library');
    expect(linkedom.text).not.toContain('Jane Rivers');
    const removed = linkedom.removed.filter((removal) => removal.rule === rule);
    expect(removed.map((removal) => removal.text)).toEqual([BOX_LINE]);
    expect(removed[0]?.category).toBe('boilerplate');
    expect(removed[0]?.reason).toContain('prose');
    expect(jsdom.text).toBe(linkedom.text);
    expect(jsdom.removed.map((r) => [r.rule, r.text])).toEqual(linkedom.removed.map((r) => [r.rule, r.text]));
  });

  it('stay inside the element, and when the body is split across sibling elements', async () => {
    const inside = await clean(
      page(`${INTRO}<div class="story">${paragraphs('library', 1, 10)}<p>${BOX_LINE}</p></div>`),
      {
        url,
        pageType: 'article',
      },
    );
    expect(inside.text).toContain('Jane Rivers');
    // Two halves of the body: the element holding most of the prose is the one around both.
    const split = await clean(
      page(
        `<div class="part">${paragraphs('library', 1, 3)}</div><div class="part">${paragraphs('library', 4, 6)}<p>${BOX_LINE}</p></div>`,
      ),
      { url, pageType: 'article' },
    );
    expect(split.text).toContain('Paragraph 6 about the library');
    expect(split.text).toContain('Jane Rivers');
    expect([...inside.removed, ...split.removed].filter((removal) => removal.rule === rule)).toEqual([]);
  });

  it('stay when a box splits the body unevenly: the rest of the body is not a tail', async () => {
    const ad = '<div class="ad-slot"><a href="/ad">Advertisement</a></div>';
    // the body's second part, of the first part's shape, after an ad
    const bodies = [
      `<div class="article-body">${paragraphs('library', 1, 9)}</div>${ad}<div class="article-body">${paragraphs('library', 10, 11)}</div>`,
      `<div class="article-body">${paragraphs('library', 1, 12)}</div><div class="signup">Sign up</div><div class="article-body">${paragraphs('library', 13, 14)}</div>`,
    ];
    for (const body of bodies) {
      const html = page(`${body}<div class="author-box"><p>${BOX_LINE}</p></div>`);
      const [linkedom, jsdom] = await Promise.all([
        clean(html, { url, engine: 'linkedom', pageType: 'article' }),
        clean(html, { url, engine: 'jsdom', pageType: 'article' }),
      ]);
      expect(linkedom.text).toMatch(/Paragraph 1[04] about the library/);
      expect(linkedom.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).not.toContain(
        PARAGRAPH('library', 10).replace(/<\/?p>/g, ''),
      );
      expect(jsdom.text).toBe(linkedom.text);
    }
  });

  it('go after a news brief of two paragraphs, but not its own update note nor the rest of its body', async () => {
    const brief = `<div class="story">${paragraphs('bridge', 1, 2)}</div>`;
    const update = 'Update, 5 pm: The bridge has reopened to cars, and buses will use it again from Friday.';
    // A box of two short lines (a single sentence after a brief is its last line, below).
    const box =
      '<div class="box"><p>Jane Rivers writes about housing.</p></div><div class="box"><p>Her book came out last year.</p></div>';
    const boxed = await clean(page(`${brief}${box}`), { url, pageType: 'article' });
    expect(boxed.text).toContain('Paragraph 2 about the bridge');
    expect(boxed.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
      'Jane Rivers writes about housing.',
      'Her book came out last year.',
    ]);
    const updated = await clean(
      page(`${brief}${box}<p><strong>${update.slice(0, 14)}</strong>${update.slice(14)}</p>`),
      { url, pageType: 'article' },
    );
    expect(updated.text).toContain('Paragraph 2 about the bridge');
    expect(updated.text.split('\n\n').at(-1)).toBe(update);
    expect(updated.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([
      'Jane Rivers writes about housing.',
      'Her book came out last year.',
    ]);
    // A date line is no update note: it has no sentence of its own.
    const dated = await clean(page(`${brief}<p>Updated 4 March 2024</p>`), { url, pageType: 'article' });
    expect(dated.text).not.toContain('Updated 4 March 2024');
    // The brief's body split by a picture: its last sentence, alone after it, is the body's.
    const last = 'Residents can comment on the plan at the town hall until Friday.';
    const split = await clean(
      page(
        `<div class="text-block">${paragraphs('bridge', 1, 2)}</div><div class="image-block"><figure><img src="/b.jpg" alt=""></figure></div><div class="text-block"><p>${last}</p></div>`,
      ),
      { url, pageType: 'article' },
    );
    expect(split.text).toContain(last);
    expect(split.removed.filter((removal) => removal.rule === rule)).toEqual([]);
  });

  it("stay when they are a later part of the body drawn in the prose element's own class, though Readability unwrapped it", async () => {
    const last = 'Residents can comment on the plan at the town hall until Friday.';
    const picture = '<div class="image-block"><figure><img src="/b.jpg" alt=""></figure></div>';
    // Three paragraphs, a picture, the story's closing line in a div of the body's class: Readability
    // makes that div its paragraph, which no longer shows the class.
    const html = page(
      `<div class="text-block">${paragraphs('bridge', 1, 3)}</div>${picture}<div class="text-block"><p>${last}</p></div>`,
    );
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { url, engine: 'linkedom', pageType: 'article' }),
      clean(html, { url, engine: 'jsdom', pageType: 'article' }),
    ]);
    expect(linkedom.text.split('\n\n').at(-1)).toBe(last);
    expect(linkedom.removed.filter((removal) => removal.rule === rule)).toEqual([]);
    expect(jsdom.text).toBe(linkedom.text);
    // The same line in a div of another class is a box beside the body, and what follows a later
    // part of the body's class is still a tail.
    const boxed = await clean(
      page(
        `<div class="text-block">${paragraphs('bridge', 1, 3)}</div>${picture}<div class="note"><p>${last}</p></div>`,
      ),
      { url, pageType: 'article' },
    );
    expect(boxed.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([last]);
    const after = await clean(
      page(
        `<div class="text-block">${paragraphs('bridge', 1, 3)}</div>${picture}<div class="text-block"><p>${last}</p></div><div class="box"><p>${BOX_LINE}</p></div>`,
      ),
      { url, pageType: 'article' },
    );
    expect(after.text).toContain(last);
    expect(after.removed.filter((removal) => removal.rule === rule).map((removal) => removal.text)).toEqual([BOX_LINE]);
  });

  it('stay when a per-site keep rule protects their element, as from the DOM rules', async () => {
    const html = page(
      `${INTRO}<div class="story">${paragraphs('library', 1, 10)}</div><div class="box"><p>${BOX_LINE}</p></div>`,
    );
    for (const keep of ['div.box', '.box p', 'body > article']) {
      const document = await clean(html, {
        url,
        pageType: 'article',
        siteRules: { sites: { 'news.example': { keep: [keep] } } },
      });
      expect(document.text, keep).toContain(BOX_LINE);
      expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
    }
    const elsewhere = await clean(html, {
      url,
      pageType: 'article',
      siteRules: { sites: { 'other.example': { keep: ['div.box'] } } },
    });
    expect(elsewhere.text).not.toContain(BOX_LINE);
    // Only the rules mark what they keep: a page that carries the mark itself protects nothing.
    const claimed = await clean(
      html.replace('<div class="box"><p>', '<div class="box" data-corpuskit-keep><p data-corpuskit-keep>'),
      {
        url,
        pageType: 'article',
        siteRules: { sites: { 'news.example': { keep: ['aside.pullquote'] } } },
      },
    );
    expect(claimed.text).not.toContain(BOX_LINE);
  });

  // (A section of three paragraphs of prose after the story is the rule's keep example.)
  it('stay when they are more than a quarter of the text, or the page is not an article', async () => {
    const hours = Array.from(
      { length: 10 },
      (_, i) =>
        `<p>Reading room ${i + 1} of the old library is open from nine to five on weekdays and until noon on Saturdays.</p>`,
    );
    const large = await clean(
      page(`${INTRO}<div class="story">${paragraphs('library', 1, 12)}</div><div class="box">${hours.join('')}</div>`),
      { url, pageType: 'article' },
    );
    expect(large.text).toContain('Reading room 10');
    const html = page(
      `${INTRO}<div class="story">${paragraphs('library', 1, 10)}</div><div class="box"><p>${BOX_LINE}</p></div>`,
    );
    const service = await clean(html, { url, pageType: 'service' });
    expect(service.text).toContain('Jane Rivers');
    for (const document of [large, service])
      expect(document.removed.filter((removal) => removal.rule === rule)).toEqual([]);
  });
});

describe('a lone link line left last once the box under it went (related/closing-link)', () => {
  const box = `<div class="box"><p>${BOX_LINE}</p></div>`;
  const tails = {
    'a forum link goes': ['<p><a href="/forum/library">The library in our readers’ forum</a></p>', false],
    'a section of one source under its heading stays': [
      '<h3>Source</h3><p><a href="https://council.example/minutes">Council minutes of 3 March</a></p>',
      true,
    ],
    'a link to the report, a document file, stays': [
      '<p><a href="https://council.example/files/library-plans.PDF#page=2">The full plans, 40 pages</a></p>',
      true,
    ],
  } as const;
  for (const engine of ['linkedom', 'jsdom'] as const) {
    for (const [name, [tail, kept]] of Object.entries(tails)) {
      it(`${name} (${engine})`, async () => {
        const doc = await clean(page(`<div class="story">${paragraphs('library', 1, 8)}${tail}</div>${box}`), {
          url,
          engine,
          pageType: 'article',
        });
        expect(doc.text).not.toContain(BOX_LINE);
        const line = tail
          .replace(/<[^>]+>/g, '|')
          .split('|')
          .filter(Boolean)
          .at(-1)!;
        const closing = doc.removed.filter((r) => r.rule === 'related/closing-link');
        if (kept) {
          expect(doc.text.trim().endsWith(line)).toBe(true);
          expect(closing).toEqual([]);
        } else {
          expect(doc.text).not.toContain(line);
          expect(closing.map((r) => r.text)).toEqual([line]);
        }
      });
    }
  }
});
