import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const PARAGRAPH = (topic: string, i: number) =>
  `<p>Paragraph ${i} about the ${topic}: the council met on Monday to discuss it, and the plans that were shown to residents in the town hall will be decided in the spring.</p>`;
const paragraphs = (topic: string, from: number, to: number): string =>
  Array.from({ length: to - from + 1 }, (_, k) => PARAGRAPH(topic, from + k)).join('');

/** A section heading of a class Readability strips as boilerplate ("header"), with its anchor button. */
const heading = (text: string) =>
  `<h2 class="header-anchor-post">${text}<div class="anchor"><button aria-label="Link">#</button></div></h2>`;

function page(body: string, aside = ''): string {
  return `<!doctype html><html lang="en"><head><title>Library plans</title></head><body><article><h1>Library plans</h1><div class="body">${body}</div></article>${aside}</body></html>`;
}

const options = { url: 'https://news.example/library', pageType: 'article' as const };

describe('section headings Readability dropped from inside the body', () => {
  it('are put back between the paragraphs they stood between, on both engines alike', async () => {
    const html = page(
      `${paragraphs('library', 1, 4)}${heading('What the library will cost')}${paragraphs('cost', 1, 4)}${heading('When it opens')}${paragraphs('opening', 1, 3)}`,
    );
    const [linkedom, jsdom] = await Promise.all([
      clean(html, { ...options, engine: 'linkedom' }),
      clean(html, { ...options, engine: 'jsdom' }),
    ]);
    const blocks = linkedom.text.split('\n\n');
    const at = blocks.indexOf('What the library will cost');
    expect(blocks[at - 1]).toContain('Paragraph 4 about the library');
    expect(blocks[at + 1]).toContain('Paragraph 1 about the cost');
    expect(blocks[blocks.indexOf('When it opens') + 1]).toContain('Paragraph 1 about the opening');
    expect(linkedom.markdown).toContain('## What the library will cost');
    expect(linkedom.removed.map((removal) => removal.text)).not.toContain('What the library will cost');
    expect(jsdom.text).toBe(linkedom.text);
  });

  it('are not brought in from outside the body, nor when they stood beside other dropped text', async () => {
    const html = page(
      `${paragraphs('library', 1, 5)}${heading('Share this story')}<div class="social"><a href="/share">Share on the network</a> and tell your friends about the library.</div>${paragraphs('library', 6, 9)}`,
      `<aside>${heading('Most read')}<p>Another story about the bridge that was read by many people this week.</p></aside>`,
    );
    const document = await clean(html, options);
    expect(document.text).toContain('Paragraph 9 about the library');
    // A heading the page hides (kept for print) stays out, as Readability would not show it.
    const hidden = await clean(
      page(`${paragraphs('library', 1, 4)}<h2 style="display:none">Printed edition</h2>${paragraphs('library', 5, 8)}`),
      options,
    );
    expect(hidden.text).toContain('Paragraph 5 about the library');
    expect(hidden.text).not.toContain('Printed edition');
    expect(document.text).not.toContain('Share this story');
    expect(document.text).not.toContain('Most read');
  });
});
