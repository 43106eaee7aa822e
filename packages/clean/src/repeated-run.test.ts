import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const PARAGRAPH = (topic: string, i: number) =>
  `<p>Paragraph ${i} about the ${topic}: the council met on Monday to discuss it, and the plans that were shown to residents in the town hall will be decided in the spring.</p>`;

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Library plans</title></head><body><article><h1>Library plans</h1>${body}</article></body></html>`;
}

const url = 'https://news.example/library';

describe('a run of paragraphs the page carries twice', () => {
  it('keeps the first copy and reports the second, on both engines alike', async () => {
    const intro = [1, 2].map((i) => PARAGRAPH('library', i)).join('');
    const run = [3, 4, 5, 6].map((i) => PARAGRAPH('library', i)).join('');
    // The same section once for wide screens and once for narrow ones (a style sheet hides one).
    const html = page(`${intro}<div class="desktop">${run}</div><div class="mobile">${run}</div>`);
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { url, engine: 'linkedom' }),
      clean(html, { url, engine: 'jsdom' }),
    ]);
    expect(linkedom.text.split('Paragraph 3 about the library')).toHaveLength(2);
    expect(linkedom.text.split('Paragraph 6 about the library')).toHaveLength(2);
    expect(linkedom.text).toContain('Paragraph 1 about the library');
    const removed = linkedom.removed.filter((removal) => removal.rule === 'boilerplate/repeated-run');
    expect(removed).toHaveLength(4);
    expect(removed[0]?.category).toBe('boilerplate');
    expect(removed[0]?.reason).toContain('Paragraph 3 about the library');
    expect(jsdom.text).toBe(linkedom.text);
    expect(jsdom.removed.map((r) => [r.rule, r.text])).toEqual(linkedom.removed.map((r) => [r.rule, r.text]));
  });

  it('keeps repeated short lines, a repeat of fewer than three paragraphs, and paragraphs that only look alike', async () => {
    const week = (n: number) =>
      `<h2>Week ${n}</h2><p>Warm up: ten minutes of easy running.</p><p>Main set: four hill repeats.</p><p>Cool down: ten minutes of walking.</p>`;
    const two = [1, 2].map((i) => PARAGRAPH('market', i)).join('');
    const html = page(
      `${[1, 2, 3].map((i) => PARAGRAPH('library', i)).join('')}${week(1)}${week(2)}${two}${PARAGRAPH('pool', 1)}${two}` +
        `${[1, 2, 3, 4].map((i) => PARAGRAPH('bridge', i)).join('')}${[1, 2, 3, 4].map((i) => PARAGRAPH('park', i)).join('')}`,
    );
    const document = await clean(html, { url });
    expect(document.removed.filter((removal) => removal.rule === 'boilerplate/repeated-run')).toEqual([]);
    expect(document.text.split('Warm up: ten minutes of easy running')).toHaveLength(3);
    expect(document.text.split('Paragraph 2 about the market')).toHaveLength(3);
  });

  // Before the latest copies alone started runs, this page took time in the cube of its rows.
  it('keeps a page of thousands of identical short rows', async () => {
    const rows = '<p>Reply to this post</p>'.repeat(5_000);
    const document = await clean(page(`${PARAGRAPH('library', 1)}${rows}`), { url });
    expect(document.removed.filter((removal) => removal.rule === 'boilerplate/repeated-run')).toEqual([]);
    // (the last few go as short lines after the article)
    expect(document.text.split('Reply to this post').length).toBeGreaterThan(4_900);
  });
});
