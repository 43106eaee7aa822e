import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const ROOM = (i: number) =>
  `<p>Room ${i}, on floor ${i}, holds desks, lamps, plugs, shelves and chairs for twenty readers.</p>`;
const WING = (name: string) =>
  `<p>${`The ${name} wing was planned with the readers of the town over two winters of meetings in the old hall and it opens in the spring of next year when the last shelves are in place `.repeat(8).trim()}.</p>`;
/** A section nested three wrappers deep, as page builders write them; every section has the same classes. */
const SECTION = (name: string, inner: string) =>
  `<section class="part" id="${name}"><div class="part-a"><div class="part-b"><div class="part-text">${inner}</div></div></div></section>`;

/**
 * The body split across sibling sections: Readability's scores favour the section of short
 * comma-rich lines and leave out some of the long prose sections around it.
 */
function splitPage(extra = ''): string {
  return `<!doctype html><html lang="en"><head><title>The new library</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<main><h1>The new library</h1>
${SECTION('rooms', Array.from({ length: 12 }, (_, i) => ROOM(i + 1)).join(''))}
${SECTION('east', WING('east'))}${SECTION('west', WING('west'))}${SECTION('north', WING('north'))}
</main>${extra}<footer><p>© 2024 Town paper.</p></footer></body></html>`;
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

  it('leaves an article alone when it holds most of the prose (a long aside stays out)', async () => {
    const aside = `<aside class="more">${WING('south')}</aside>`;
    const html = `<!doctype html><html lang="en"><head><title>The new library</title></head><body>
<article><h1>The new library</h1>${WING('east')}${WING('west')}${WING('north')}</article>${aside}
<footer><p>© 2024 Town paper.</p></footer></body></html>`;
    const document = await clean(html, { url: 'https://news.example/library', engine: 'linkedom' });
    expect(document.text).toContain('The north wing was planned');
    expect(document.text).not.toContain('The south wing was planned');
    expect(document.removed.some((removal) => /widened/.test(removal.reason))).toBe(false);
  });

  it('does not widen to the whole body when the prose is spread over the page', async () => {
    // Most of the prose sits in the footer and a sidebar, outside any one container but the body.
    const html = splitPage(`<div class="side">${WING('south')}${WING('moon')}</div>`).replace(
      '<footer><p>© 2024 Town paper.</p></footer>',
      `<footer>${WING('harbour')}${WING('river')}${WING('hill')}${WING('mill')}</footer>`,
    );
    const document = await clean(html, { url: 'https://news.example/library', engine: 'linkedom' });
    expect(document.removed.some((removal) => /widened/.test(removal.reason))).toBe(false);
  });

  it('takes sections whose classes differ only in a numbered token, not sections of another shape', async () => {
    // Readability takes the rooms section, which now holds a quarter of the prose too.
    const wings = (classes: string[]) =>
      splitPage()
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
    expect(widened.removed.some((removal) => /widened/.test(removal.reason))).toBe(true);
    const other = await clean(wings(['part', 'promo-box', 'side-note', 'comment-box']), {
      url: 'https://news.example/library',
      engine: 'linkedom',
    });
    expect(other.removed.some((removal) => /widened/.test(removal.reason))).toBe(false);
    expect(other.text).not.toContain('The west wing was planned');
  });
});
