import { textBlocks } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const ENGINES = ['linkedom', 'jsdom'] as const;

function page(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  return new TextEncoder().encode(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Neue Radwege</title></head><body><article><h1>Neue Radwege</h1>${body}</article></body></html>`,
  );
}

const BODY = [
  'Die Stadt will bis zum Sommer drei neue Radwege durch die Innenstadt bauen, wie der Ausschuss am Dienstagabend nach langer Debatte mit knapper Mehrheit beschlossen hat.',
  'Die Opposition kritisierte die Kosten von mehr als vier Millionen Euro und forderte, zuerst die bestehenden Wege zu sanieren, bevor neue gebaut würden.',
  'Die Arbeiten sollen im April beginnen und bis zum Herbst abgeschlossen sein, teilte die Verwaltung mit; Umleitungen werden rechtzeitig ausgeschildert.',
] as const;

describe('German compound credit words end a caption', () => {
  const captions = [
    ['Radfahrer auf dem Deich.', 'Symbolbild: Jane Roe / Bildagentur Muster'],
    ['Der Ausschuss im Rathaus.', 'Bildquelle: Stadt Musterhausen'],
    ['Die Baustelle an der Kreuzung.', 'Pressefoto: Stadtwerke'],
  ] as const;
  const html = page([BODY[0], captions[0].join(' '), BODY[1], captions[1].join(' '), captions[2].join(' '), BODY[2]]);

  it.each(ENGINES)('drops the captions with their credits, whole (%s)', async (engine) => {
    const document = await clean(html, { url: 'https://zeitung.example/lokales/radwege', engine });
    for (const paragraph of BODY) expect(textBlocks(document.text)).toContain(paragraph);
    for (const [caption, credit] of captions) {
      expect(document.text).not.toContain(caption);
      expect(document.text).not.toContain(credit);
      expect(document.removed.find((removal) => removal.text.includes(credit))?.rule, credit).toBe(
        'image-credit/trailing-credit',
      );
    }
  });

  it.each(ENGINES)('keeps the caption and cuts the whole credit when captions are kept (%s)', async (engine) => {
    const document = await clean(html, { url: 'https://zeitung.example/lokales/radwege', engine, captions: 'keep' });
    for (const [caption, credit] of captions) {
      expect(textBlocks(document.text)).toContain(caption);
      expect(document.text).not.toContain(credit);
    }
  });
});

describe('a credit that only names its source makes a caption beside a picture', () => {
  const PROSE = [
    'The foreign minister told reporters that the talks would focus on insurance for the grain ships, which both sides have said were too slow. (Reuters)',
    'Most of the loans come from private houses along the coast, and a few are on display courtesy of the maritime museum in the next town.',
  ];
  const CAPTION = 'Farmers gather outside the ministry on Monday.';
  const html = new TextEncoder()
    .encode(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Grain talks</title></head><body><article><h1>Grain talks</h1>
<p>Officials from both countries met in Geneva on Monday for the first time in a year to talk about the grain corridor and the ships that are waiting in port.</p>
<p>${PROSE[0]}</p>
<p>The talks will go on next week, and the two delegations said they hoped to agree on a timetable for the inspections before the end of the month.</p>
<figure><img src="farmers.jpg" alt=""></figure><p>${CAPTION} (Reuters)</p>
<p>${PROSE[1]}</p>
<p>The exhibition in the town hall opens on Saturday and runs until the end of May, with guided tours on Saturday mornings for small groups.</p>
</article></body></html>`);

  it.each(ENGINES)(
    'keeps one sentence of prose that ends by citing an agency or thanking a museum (%s)',
    async (engine) => {
      const document = await clean(html, { url: 'https://news.example/world/grain', engine });
      const kept = textBlocks(document.text);
      for (const paragraph of PROSE) expect(kept).toContain(paragraph);
      expect(document.text).not.toContain(CAPTION);
      expect(document.removed.find((removal) => removal.text.includes(CAPTION))?.rule).toBe('caption/credited-line');
    },
  );
});
