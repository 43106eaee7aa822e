import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import type { CleanOptions } from './options.js';

const SECTIONS = [
  [
    'schedule',
    'Timetable',
    'The ferry leaves every hour from the harbour, from six in the morning until ten at night, and on Sundays from eight.',
  ],
  [
    'fares',
    'Fares',
    'A single crossing costs four pounds for adults and half that for children under twelve; bicycles travel free.',
  ],
  [
    'tickets',
    'Tickets',
    'Tickets are sold on board and at the kiosk on the quay, by card or in cash, and a return ticket is valid for a month.',
  ],
  [
    'winter',
    'Winter sailings',
    'From November to March the last ferry leaves at eight, and crossings are cancelled when the wind is too strong.',
  ],
] as const;

const BODY = SECTIONS.map(
  ([id, heading, text]) => `<h2 id="${id}">${heading}</h2><p>${text}</p><p>${text.replace('The', 'This year the')}</p>`,
).join('');

const links = (prefix = '#') =>
  `<ul>${SECTIONS.map(([id, heading]) => `<li><a href="${prefix}${id}">${heading}</a></li>`).join('')}</ul>`;

function page(before: string): string {
  return `<!doctype html><html lang="en"><head><title>The island ferry</title></head><body><main><article><h1>The island ferry</h1><p>Everything you need to know before you cross to the island, from the timetable to the fares and the winter sailings of the ferry.</p>${before}${BODY}</article></main></body></html>`;
}

const options: CleanOptions = { url: 'https://ferry.example/guide', pageType: 'article' };

async function bothEngines(html: string) {
  const [linkedom, jsdom] = await Promise.all([
    clean(html, { ...options, engine: 'linkedom' }),
    clean(html, { ...options, engine: 'jsdom' }),
  ]);
  expect(jsdom.text).toBe(linkedom.text);
  return linkedom;
}

/** How many lines of the text read `line`. */
const count = (text: string, line: string) => text.split('\n').filter((l) => l.trim() === line).length;

describe('navigation/contents: a table of contents', () => {
  it('goes with its label, on both engines, and the headings it repeats stay', async () => {
    const labels = [
      '<div class="guide-box"><p><strong>Table of Contents</strong></p>' +
        links() +
        '<p>Reading time: about four minutes, with a map of the harbour at the end of the guide.</p></div>',
      '<h2>In this article</h2>' + links(),
      // A label Readability drops (it takes out every <button>): found before it, on the whole page.
      '<div><div><button>Inhaltsverzeichnis <span>Hide</span></button></div><nav-list>' + links() + '</nav-list></div>',
    ];
    for (const toc of labels) {
      const document = await bothEngines(page(toc));
      for (const [, heading] of SECTIONS) expect(count(document.text, heading)).toBe(1);
      expect(document.text).not.toMatch(/Table of Contents|In this article|On this page|Inhaltsverzeichnis/);
      const removals = document.removed.filter((removal) => removal.rule === 'navigation/contents');
      expect(removals.length).toBeGreaterThan(0);
      // Out of the part Readability kept, never before it: the list may be what decides that part.
      expect(removals.every((removal) => removal.stage === 'dom-after')).toBe(true);
      expect(document.text).toContain('bicycles travel free');
    }
  });

  it('takes its label when Readability replaced the element that carried the mark', async () => {
    // The label marked before Readability is the <div> around it; Readability puts the paragraph
    // in its place, and the mark is gone with the <div>.
    const document = await bothEngines(
      page('<div class="toc"><div class="toctitle"><p>Sommaire [afficher]</p></div>' + links() + '</div>'),
    );
    expect(document.text).not.toContain('Sommaire');
    for (const [, heading] of SECTIONS) expect(count(document.text, heading)).toBe(1);
    expect(document.removed.find((removal) => removal.text.includes('Sommaire'))?.rule).toBe('navigation/contents');
  });

  it('takes the label of a table of contents another rule took', async () => {
    // <nav> goes as navigation markup; its label, outside it, names nothing any more.
    const document = await bothEngines(
      page('<div class="guide"><h3>Table of contents</h3><nav>' + links() + '</nav></div>'),
    );
    expect(document.text).not.toContain('Table of contents');
    for (const [, heading] of SECTIONS) expect(count(document.text, heading)).toBe(1);
    expect(document.removed.find((removal) => removal.text === 'Table of contents')?.rule).toBe('navigation/contents');
    // The same label over a list of links to other pages is left to the rules for such lines.
    const elsewhere = await bothEngines(
      page('<div class="guide"><h3>Table of contents</h3><nav>' + links('/ferry/') + '</nav></div>'),
    );
    expect(elsewhere.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
  });

  it('stays when no label names it, when its links leave the page, or on another type of page', async () => {
    const cases = [
      // A listicle's jump list, introduced by a sentence of the article.
      '<p>Here is what this guide covers:</p>' + links(),
      // Links to other pages under the same label: a menu, not this page's sections.
      '<p>In this article</p>' + links('/ferry/'),
      // Links to sections the page does not have.
      '<p>Contents</p>' + links('#elsewhere-'),
    ];
    for (const toc of cases) {
      const document = await bothEngines(page(toc));
      for (const [, heading] of SECTIONS) expect(count(document.text, heading)).toBe(2);
      expect(document.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
    }
    // Under the label, entries that are sentences with a section link in them: a summary of the
    // article, its own text. They stay, word for word.
    const summaries = [
      `<div class="box"><h3>In this article</h3><ul>${SECTIONS.map(
        ([id, heading]) =>
          `<li>The ${heading.toLowerCase()} changed this spring after the council vote; see <a href="#${id}">${heading.toLowerCase()}</a> for what it means for islanders.</li>`,
      ).join('')}</ul></div>`,
      `<div class="box"><p>Contents</p><ul>${SECTIONS.map(
        ([id, heading]) =>
          `<li><a href="#${id}">${heading}</a>: what changed this spring, and why the council voted for it.</li>`,
      ).join('')}</ul></div>`,
    ];
    for (const toc of summaries) {
      const document = await bothEngines(page(toc));
      for (const [, heading] of SECTIONS)
        expect(document.text).toMatch(
          new RegExp(`(?:see ${heading.toLowerCase()} for what it means|${heading}: what changed this spring)`),
        );
      expect(document.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
    }
    const listing = await clean(page('<p>Table of contents</p>' + links()), { ...options, pageType: 'documentation' });
    expect(listing.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
  });
});

describe('navigation/contents: what it does not take', () => {
  it('keeps a summary whose entries are sentences over sub-lists of section links', async () => {
    const sub = (from: number, to: number) =>
      `<ul>${SECTIONS.slice(from, to)
        .map(([id, heading]) => `<li><a href="#${id}">${heading}</a></li>`)
        .join('')}</ul>`;
    const toc =
      '<h3>In this article</h3><ul>' +
      `<li>Why the council changed the timetable and the fares this spring, after a long vote that split the island in two.${sub(0, 2)}</li>` +
      `<li>What islanders pay now for tickets and for the winter sailings, which the harbour board cut back again.${sub(2, 4)}</li></ul>`;
    const document = await bothEngines(page(toc));
    expect(document.text).toContain('after a long vote that split the island in two.');
    expect(document.text).toContain('which the harbour board cut back again.');
    expect(document.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
    // Parent items that are only headings of their sub-lists (a word or two) are still a table of contents.
    const parts = await bothEngines(
      page(`<h3>In this article</h3><ul><li>Part one${sub(0, 2)}</li><li>Part two${sub(2, 4)}</li></ul>`),
    );
    expect(parts.text).not.toContain('In this article');
    expect(parts.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(true);
  });

  it('keeps entries whose words beside the link are neither numbering nor the heading', async () => {
    const verdicts = ['Best for families:', 'Cheapest way across:', 'Worth it:', 'Skip if windy:'];
    const toc = `<p>In this article</p><ul>${SECTIONS.map(
      ([id, heading], index) => `<li>${verdicts[index]} <a href="#${id}">${heading}</a></li>`,
    ).join('')}</ul>`;
    const document = await bothEngines(page(toc));
    for (const verdict of verdicts) expect(document.text).toContain(verdict);
    expect(document.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
    // Numbering, or words of the heading the entry links to, are a table of contents' own.
    const numbered = [
      (id: string, heading: string, index: number) => `<li>Step ${index + 1}: <a href="#${id}">${heading}</a></li>`,
      (id: string, heading: string, index: number) =>
        `<li>${['I', 'II', 'III', 'IV'][index]}. <a href="#${id}">${heading}</a></li>`,
      (id: string, heading: string) => `<li>${heading} <a href="#${id}">(jump)</a></li>`,
    ];
    for (const entry of numbered) {
      const list = await bothEngines(
        page(
          `<p>In this article</p><ul>${SECTIONS.map(([id, heading], index) => entry(id, heading, index)).join('')}</ul>`,
        ),
      );
      expect(list.text).not.toContain('In this article');
      for (const [, heading] of SECTIONS) expect(count(list.text, heading)).toBe(1);
    }
  });

  it('ignores the marks of the rule that the saved page carries itself', async () => {
    const marked =
      '<p data-corpuskit-contents-label="0">Ferry tickets went up by a pound in March, the first rise in six years.</p>' +
      '<p data-corpuskit-contents="3">The harbour master says the new boat will be in service by the summer.</p>';
    const document = await bothEngines(page(marked));
    expect(document.text).toContain('Ferry tickets went up by a pound in March');
    expect(document.text).toContain('The harbour master says the new boat');
    expect(document.removed.some((removal) => removal.rule === 'navigation/contents')).toBe(false);
  });
});

describe('navigation/contents: the element around a table of contents', () => {
  const removals = (document: { removed: Array<{ rule: string; text: string }> }) =>
    document.removed.filter((removal) => removal.rule === 'navigation/contents').map((removal) => removal.text);

  it('goes whole when it holds the label and the list alone, and only they go when it holds more', async () => {
    const alone = await bothEngines(page(`<section><p>Contents</p><div>${links()}</div></section>`));
    expect(removals(alone)).toEqual(['Contents Timetable Fares Tickets Winter sailings']);
    // A note between the label and the list is the article's: the label and the list go, one by one.
    const note = 'Each section ends with what changed this spring.';
    const noted = await bothEngines(page(`<section><p>Contents</p><p>${note}</p><div>${links()}</div></section>`));
    expect(removals(noted)).toEqual(['Contents', 'Timetable Fares Tickets Winter sailings']);
    expect(noted.text).toContain(note);
    for (const [, heading] of SECTIONS) expect(count(noted.text, heading)).toBe(1);
  });

  it('names no list across a paragraph of prose, nor from more than three levels up', async () => {
    // "Contents" first in a part that holds prose besides the list labels that part, not the list.
    const prose =
      'Reading time: about four minutes, with a map of the harbour at the end of the guide and the timetable for this ' +
      "winter. Prices are those of the council's spring vote, and they hold until next year.";
    const apart = await bothEngines(page(`<section><p>Contents</p><p>${prose}</p><div>${links()}</div></section>`));
    expect(removals(apart)).toEqual([]);
    for (const [, heading] of SECTIONS) expect(count(apart.text, heading)).toBe(2);
    // The label stands before the list's third wrapper at most (wrappers Readability keeps as they
    // are: it merges nested <div>s into one).
    const wrapped = (levels: number) =>
      `<section><p>Contents</p>${'<figure>'.repeat(levels)}${links()}${'</figure>'.repeat(levels)}</section>`;
    const third = await bothEngines(page(wrapped(3)));
    expect(removals(third)).toEqual(['Contents Timetable Fares Tickets Winter sailings']);
    const fourth = await bothEngines(page(wrapped(4)));
    expect(removals(fourth)).toEqual([]);
    for (const [, heading] of SECTIONS) expect(count(fourth.text, heading)).toBe(2);
  });
});

describe('navigation/contents: a label with its toggle word', () => {
  it('is found in the languages of the label list', async () => {
    const labels = [
      'Sommaire masquer',
      'Sommaire [afficher]',
      'Inhalt verbergen',
      'Inhaltsverzeichnis ausblenden',
      'Índice ocultar',
      'Contenido [mostrar]',
      'Indice nascondi',
      'Inhoudsopgave verbergen',
      'Spis treści ukryj',
      'Содержание скрыть',
    ];
    for (const label of labels) {
      const document = await bothEngines(page(`<h2>${label}</h2>${links()}`));
      expect(document.text, label).not.toContain(label.split(' ')[0]);
      expect(document.removed.find((removal) => removal.text === label)?.rule, label).toBe('navigation/contents');
      for (const [, heading] of SECTIONS) expect(count(document.text, heading), label).toBe(1);
    }
  });
});
