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
];

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
