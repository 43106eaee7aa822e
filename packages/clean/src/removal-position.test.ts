import { readFileSync } from 'node:fs';

import { textBlocks } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const WORDPRESS = readFileSync(new URL('../test/fixtures/wordpress-article/input.html', import.meta.url));

/** Each removal's text beside the kept block it stood before (`END` after the last). */
function placed(document: Awaited<ReturnType<typeof clean>>): Array<[string, string]> {
  const blocks = textBlocks(document.text);
  return document.removed.map((removal) => [
    removal.text.slice(0, 24),
    removal.position === undefined ? 'NONE' : (blocks[removal.position]?.slice(0, 24) ?? 'END'),
  ]);
}

describe.each(ENGINES)('removed blocks keep their place among the kept blocks (%s)', (engine) => {
  it('places widgets removed before Readability, outside the article, by the page blocks around them', async () => {
    const document = await clean(new Uint8Array(WORDPRESS), { engine });
    expect(document.removed.length).toBeGreaterThan(10);
    expect(document.removed.every((removal) => Number.isInteger(removal.position))).toBe(true);
    const where = new Map(placed(document));
    // Page furniture above the article stands before its first block, widgets after it at the end.
    expect(where.get('We use cookies to improv')).toBe('The harbour bridge close');
    expect(where.get('Skip to content')).toBe('The harbour bridge close');
    expect(where.get('Sign up for our daily ne')).toBe('END');
    expect(where.get('Support independent loca')).toBe('END');
    // Inside the article: the share bar between the second paragraph and the sub-heading.
    expect(where.get('Share this: Facebook X E')).toBe('Traffic diverted');
  });

  it('places a block removed inside another removed element where the outer one stood', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Quay works</title></head><body>
<article><h1>Quay works</h1>
<p>The harbour authority began rebuilding the old quay on Monday, a job that will take most of the summer and close two berths.</p>
<figure><img src="quay.jpg" alt=""><figcaption>The quay at low tide. <span class="credit">Photo: Harbour Authority</span></figcaption></figure>
<p>Ferries will use the eastern berth while the work goes on, and the timetable stays the same for passengers on every line.</p>
<p>The authority said the quay had not been rebuilt since the 1950s and that the new one should last at least another sixty years.</p>
</article></body></html>`;
    const document = await clean(html, { engine, captions: 'drop' });
    const credit = document.removed.find((removal) => removal.text.includes('Photo: Harbour Authority'));
    expect(credit, JSON.stringify(document.removed)).toBeDefined();
    expect(textBlocks(document.text)[credit!.position!]).toMatch(/^Ferries will use/);
  });

  it('leaves the text as it was: positions are the only change', async () => {
    const document = await clean(new Uint8Array(WORDPRESS), { engine });
    expect(document.text).toBe(
      readFileSync(new URL('../test/fixtures/wordpress-article/expected.txt', import.meta.url), 'utf8').replace(
        /\n$/,
        '',
      ),
    );
  });
});
