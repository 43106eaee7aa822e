import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';
import { removeTeaserCards } from './teaser-cards.js';

const PARAGRAPH = (i: number) =>
  `<p>Paragraph ${i} of the report: the council met on Monday to discuss the new library, which has been planned for ten years and will stand next to the old market hall.</p>`;

/** A card: a thumbnail link, a category link and a date, a linked headline and an excerpt. */
const CARD = (i: number, excerpt: string) =>
  `<div class="post-item post-${i}"><a class="image" href="/story-${i}"></a><div class="meta"><a href="/town">Town</a> <span>12 May</span></div><h3 class="title"><a href="/story-${i}">Headline of the other story number ${i}</a></h3><p>${excerpt}</p></div>`;
const EXCERPT =
  'An excerpt of the other story, a few sentences long. It tells the reader what the story is about, who is in it and where it happened, so that they follow the link, read on and stay on the site a little longer.';

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Library plans</title></head><body><article><h1>Library plans</h1>${body}</article></body></html>`;
}

const ARTICLE = Array.from({ length: 12 }, (_, i) => PARAGRAPH(i + 1)).join('');
const url = 'https://news.example/library';

describe('teaser cards after the article', () => {
  it('removes a grid of linked headlines with excerpts after the text, in lists of cards too, on both engines alike', async () => {
    const lists = [0, 1, 2]
      .map((l) => `<div class="post-list">${CARD(2 * l + 1, EXCERPT)}${CARD(2 * l + 2, EXCERPT)}</div>`)
      .join('');
    const html = page(`${ARTICLE}<div class="more"><h2>More stories</h2>${lists}</div>`);
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { url, engine: 'linkedom' }),
      clean(html, { url, engine: 'jsdom' }),
    ]);
    expect(linkedom.text).toContain('Paragraph 8 of the report');
    expect(linkedom.text).not.toContain('Headline of the other story');
    const removed = linkedom.removed.filter((removal) => removal.rule === 'related/teaser-cards');
    expect(removed.map((removal) => removal.text).join(' ')).toContain('Headline of the other story number 6');
    expect(removed[0]?.category).toBe('related');
    expect(jsdom.text).toBe(linkedom.text);
    expect(jsdom.removed.map((r) => [r.rule, r.text])).toEqual(linkedom.removed.map((r) => [r.rule, r.text]));
  });

  it('keeps a list article whose linked sections are the body, and cards before the text', async () => {
    // A "best of" list: each item a linked heading and a paragraph; the intro is short.
    const items = Array.from({ length: 6 }, (_, i) => CARD(i + 1, `${EXCERPT} ${EXCERPT}`)).join('');
    const listArticle = await clean(page(`${PARAGRAPH(1)}<div class="list">${items}</div>`), {
      url,
      engine: 'linkedom',
    });
    expect(listArticle.text).toContain('Headline of the other story number 6');
    expect(listArticle.removed.some((removal) => removal.rule === 'related/teaser-cards')).toBe(false);
  });

  it('keeps a list of cards whose headlines link to other sites (a reading list, references)', async () => {
    const lists = [0, 1, 2]
      .map((l) => `<div class="post-list">${CARD(2 * l + 1, EXCERPT)}${CARD(2 * l + 2, EXCERPT)}</div>`)
      .join('')
      .replace(/href="\/story-/g, 'href="https://books.example/title-');
    const document = await clean(page(`${ARTICLE}<div class="more"><h2>Further reading</h2>${lists}</div>`), {
      url,
      engine: 'linkedom',
    });
    expect(document.text).toContain('Headline of the other story number 6');
    expect(document.removed.some((removal) => removal.rule === 'related/teaser-cards')).toBe(false);
    // The same cards linking to the page's own host (www. or not) are teasers.
    const own = await clean(
      page(
        `${ARTICLE}<div class="more"><h2>More stories</h2>${lists.replace(/books\.example/g, 'www.news.example')}</div>`,
      ),
      { url, engine: 'linkedom' },
    );
    expect(own.text).not.toContain('Headline of the other story number 6');
    // … and so are cards linking to a subdomain of the page's site (its blog), or the page on a
    // subdomain linking to the site's own host; a site whose name merely ends alike is another.
    for (const [host, removed] of [
      ['blog.news.example', true],
      ['news.example', true],
      ['goodnews.example', false],
    ] as const) {
      const cards = lists.replace(/books\.example/g, host);
      const from = host === 'news.example' ? 'https://www.blog.news.example/library' : url;
      const other = await clean(page(`${ARTICLE}<div class="more"><h2>More stories</h2>${cards}</div>`), {
        url: from,
        engine: 'linkedom',
      });
      expect(other.text.includes('Headline of the other story number 6'), host).toBe(!removed);
    }
  });

  it('removes cards that are each one link around a heading and a summary, on both engines', async () => {
    const LINK_CARD = (i: number) =>
      `<a class="card" href="/story-${i}"><h3>Headline of the other story number ${i}</h3><p>${EXCERPT}</p><span>Read more</span></a>`;
    const html = page(
      `${ARTICLE}<div class="more"><h2>More stories</h2>${[1, 2, 3].map(LINK_CARD).join('')}</div><p>© Town paper</p>`,
    );
    for (const engine of ENGINES) {
      const document = await clean(html, { url, engine });
      expect(document.text, engine).toContain('Paragraph 12 of the report');
      expect(document.text, engine).not.toContain('Headline of the other story');
      expect(document.text, engine).not.toContain('An excerpt of the other story');
      expect(document.removed.some((removal) => removal.rule === 'related/teaser-cards')).toBe(true);
    }
    // Linked paragraphs or questions with no heading in the link are the body's own.
    const LINKED_PARAGRAPH = (i: number) => `<a class="para" href="/part-${i}"><p>Part ${i}: ${EXCERPT}</p></a>`;
    for (const engine of ENGINES) {
      const linked = await clean(page(`${ARTICLE}${[1, 2, 3].map(LINKED_PARAGRAPH).join('')}`), { url, engine });
      expect(linked.text, engine).toContain('Part 3: An excerpt of the other story');
    }
    // A body whose paragraphs are each one link (a link-list piece of the article) is not cards:
    // the links hold more text than a card's excerpt.
    const LONG_LINK = (i: number) =>
      `<a class="step" href="/step-${i}"><p>${`Step ${i} of the plan, told at length. ${EXCERPT} `.repeat(4)}</p></a>`;
    for (const engine of ENGINES) {
      const steps = await clean(page(`${ARTICLE}${[1, 2, 3].map(LONG_LINK).join('')}`), { url, engine });
      expect(steps.text, engine).toContain('Step 3 of the plan');
    }
  });

  it('keeps cards without a linked headline (plain sections of the article)', async () => {
    const sections = Array.from({ length: 4 }, (_, i) =>
      CARD(i + 1, EXCERPT).replace(/<h3 class="title"><a href="[^"]*">([^<]*)<\/a><\/h3>/, '<h3 class="title">$1</h3>'),
    ).join('');
    const document = await clean(page(`${ARTICLE}<div class="parts">${sections}</div>`), { url, engine: 'linkedom' });
    expect(document.removed.some((removal) => removal.rule === 'related/teaser-cards')).toBe(false);
  });
});

describe('a long list of siblings on jsdom', () => {
  it("is walked along its siblings, not through jsdom's list of children", async () => {
    // jsdom looks the name `length` up among a collection's named items at each read, a scan of
    // the whole list: iterating the `children` of a parent of n children costs n² there.
    const { JSDOM } = await import('jsdom');
    const html = page(`${ARTICLE}${Array.from({ length: 2_000 }, (_, i) => PARAGRAPH(i + 13)).join('')}`);
    const { window } = new JSDOM(html);
    const { document } = window;
    const prototype = window.HTMLCollection.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'length')!;
    let reads = 0;
    Object.defineProperty(prototype, 'length', {
      ...descriptor,
      get(this: HTMLCollection) {
        reads += 1;
        return descriptor.get!.call(this) as number;
      },
    });
    const root = document.querySelector('article')!;
    const context = {
      document,
      stage: 'dom-after' as const,
      captions: 'drop' as const,
      disabled: new Set<string>(),
      site: null,
      removals: [],
      suspicions: [],
      bodyChars: root.textContent!.length,
      pageUrl: url,
    };
    removeTeaserCards(context, root, 'related/teaser-cards', 'teaser cards');
    window.close();
    expect(root.childElementCount).toBe(2_013);
    expect(reads).toBeLessThan(100);
  });
});
