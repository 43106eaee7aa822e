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

describe('a heading of a box of its own, which Readability dropped with the box', () => {
  const engines = ['linkedom', 'jsdom'] as const;
  /** Boxes whose body is no text: only their heading is text of the page. */
  const boxes = {
    sponsor: '<div class="sponsor"><h3>Sponsored by Acme Pools</h3><img src="/acme.png" alt=""></div>',
    social:
      '<h4 class="social-header">Follow us</h4><div class="social"><a href="https://social.example/town" class="icon-social"></a></div>',
    player: '<aside class="box"><h3>Listen to this story</h3><audio src="/story.mp3"></audio></aside>',
    video:
      '<div class="video-header"><h3>Watch the council meeting</h3></div><div class="video"><iframe src="https://video.example/embed/1"></iframe></div>',
    gallery:
      '<h3 class="gallery-header">In pictures</h3><div class="gallery"><figure><img src="/a.jpg" alt=""></figure><figure><img src="/b.jpg" alt=""></figure></div>',
  };

  it.each(engines)('stays out: a sponsor, icon links, a player, a video, a gallery (%s)', async (engine) => {
    for (const [name, box] of Object.entries(boxes)) {
      const document = await clean(page(`${paragraphs('library', 1, 3)}${box}${paragraphs('library', 4, 6)}`), {
        ...options,
        engine,
      });
      expect(document.text, name).toContain('Paragraph 6 about the library');
      expect(document.text, name).not.toMatch(/Sponsored by|Follow us|Listen to this|Watch the council|In pictures/);
    }
  });

  it.each(engines)(
    'the title of an accordion item whose text starts deep in its panel stays out (%s)',
    async (engine) => {
      const item =
        '<div class="item"><h3 class="item-header">When does the library open?</h3><section class="panel"><article class="panel-body"><div class="text"><p>The library opens in the spring of next year, when the builders hand the keys to the council and the books have moved in.</p></div></article></section></div>';
      const document = await clean(page(`${paragraphs('library', 1, 4)}${item}${paragraphs('library', 5, 8)}`), {
        ...options,
        engine,
      });
      expect(document.text).toContain('The library opens in the spring of next year');
      expect(document.text).not.toContain('When does the library open?');
    },
  );

  it.each(engines)('a section heading with a picture before its text is put back (%s)', async (engine) => {
    const html = page(
      `${paragraphs('library', 1, 4)}${heading('Inside the new reading room')}<figure><img src="/room.jpg" alt=""></figure>${paragraphs('room', 1, 3)}`,
    );
    const blocks = (await clean(html, { ...options, engine })).text.split('\n\n');
    const at = blocks.indexOf('Inside the new reading room');
    expect(blocks[at - 1]).toContain('Paragraph 4 about the library');
    expect(blocks[at + 1]).toContain('Paragraph 1 about the room');
  });
});
