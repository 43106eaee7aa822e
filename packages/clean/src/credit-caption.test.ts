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

describe('a drawing in <svg> is a picture beside a caption; plain text shows none', () => {
  const BEFORE =
    'Officials from both countries met in Geneva on Monday for the first time in a year to talk about the grain corridor and the ships that are waiting in port.';
  const AFTER =
    'The talks will go on next week, and the two delegations said they hoped to agree on a timetable for the inspections before the end of the month.';
  const CAPTION = 'Farmers gather outside the ministry on Monday.';
  const WIRE =
    'The foreign minister told reporters that the talks would focus on insurance for the grain ships, which both sides have said were too slow.';
  const html = (picture: string): Uint8Array =>
    new TextEncoder()
      .encode(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Grain talks</title></head><body><article><h1>Grain talks</h1>
<p>${BEFORE}</p>
<div class="photo">${picture}<p>${CAPTION} (Reuters)</p></div>
<p>${AFTER}</p>
<p>${WIRE} (Reuters)</p>
</article></body></html>`);

  it.each(ENGINES)('drops a caption beside a chart drawn in <svg> (%s)', async (engine) => {
    const drawing = '<svg viewBox="0 0 640 360"><rect width="640" height="360" fill="#c8d6c1"></rect></svg>';
    const document = await clean(html(drawing), { url: 'https://news.example/world/grain', engine });
    expect(document.text).not.toContain(CAPTION);
    expect(document.removed.find((removal) => removal.text.includes(CAPTION))?.rule).toBe('caption/credited-line');
    expect(textBlocks(document.text)).toContain(`${WIRE} (Reuters)`);
  });

  it.each(ENGINES)('keeps the line beside an icon, or with an icon in its text (%s)', async (engine) => {
    for (const icon of [
      '<svg aria-hidden="true" viewBox="0 0 512 512"><path d="M0 0h512v512z"></path></svg>',
      '<svg width="24" height="24" viewBox="0 0 24 24"><path d="M0 0h24v24z"></path></svg>',
      // Sized by CSS: only its viewBox tells.
      '<svg class="bullet" viewBox="0 0 24 24"><path d="M0 0h24v24z"></path></svg>',
      '<svg class="nav-icon" viewBox="0 0 512 512"><path d="M0 0h512v512z"></path></svg>',
      // A percentage is no number of pixels: the viewBox tells.
      '<span class="quote-mark"><svg width="100%" height="100%" viewBox="0 0 24 24"><path d="M0 0h24v24z"></path></svg></span>',
    ]) {
      const document = await clean(html(icon), { url: 'https://news.example/world/grain', engine });
      expect(textBlocks(document.text), icon).toContain(`${CAPTION} (Reuters)`);
    }
    const inline = new TextEncoder()
      .encode(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Grain talks</title></head><body><article><h1>Grain talks</h1>
<p>${BEFORE}</p>
<p>The foreign minister told reporters, in <a href="https://ministry.example/statement">a statement <svg viewBox="0 0 640 640"><path d="M0 0h640v640z"></path></svg></a>, that the talks would focus on insurance. (AFP)</p>
<p>${AFTER}</p>
</article></body></html>`);
    const document = await clean(inline, { url: 'https://news.example/world/grain', engine });
    expect(document.text).toContain('that the talks would focus on insurance. (AFP)');
  });

  it('keeps a one-sentence wire paragraph of a plain-text page, credit and all', async () => {
    const text = `Grain talks\n\n${BEFORE}\n\n${WIRE} (Reuters)\n\n${AFTER}\n\n${CAPTION} (AFP)\n`;
    const document = await clean(new TextEncoder().encode(text), {
      url: 'https://news.example/world/grain.txt',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    const kept = textBlocks(document.text);
    expect(kept).toContain(`${WIRE} (Reuters)`);
    expect(kept).toContain(`${CAPTION} (AFP)`);
    expect(document.removed.filter((removal) => removal.rule === 'caption/credited-line')).toEqual([]);
  });

  it.each(ENGINES)('takes the news agencies from the list of agencies, EPA too (%s)', async (engine) => {
    const text = `Grain talks\n\n${BEFORE}\n\n${WIRE} (EPA)\n\n${AFTER} / EPA-EFE\n\n${CAPTION} (Getty Images)\n`;
    const document = await clean(new TextEncoder().encode(text), {
      url: 'https://news.example/world/grain.txt',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      engine,
    });
    const kept = textBlocks(document.text);
    expect(kept).toContain(`${WIRE} (EPA)`);
    expect(kept).toContain(`${AFTER} / EPA-EFE`);
    // A picture library is no wire: its one-sentence caption goes.
    expect(document.text).not.toContain(CAPTION);
  });
});

describe('pictures Readability drops still make the line beside them a caption', () => {
  const BEFORE =
    'Officials from both countries met in Geneva on Monday for the first time in a year to talk about the grain corridor and the ships that are waiting in port.';
  const AFTER =
    'The talks will go on next week, and the two delegations said they hoped to agree on a timetable for the inspections before the end of the month.';
  const CAPTION = 'Farmers gather outside the ministry on Monday.';
  const html = (picture: string): Uint8Array =>
    new TextEncoder()
      .encode(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Grain talks</title></head><body><article><h1>Grain talks</h1>
<p>${BEFORE}</p>
${picture}<p>${CAPTION} (Reuters)</p>
<p>${AFTER}</p>
</article></body></html>`);

  it.each(ENGINES)('drops a caption beside a picture painted with CSS or a drawing in a frame (%s)', async (engine) => {
    for (const picture of [
      `<div class="hero" style="background-image: url('farmers.jpg'); height: 320px"></div>`,
      '<p><a href="/farmers.jpg" style="background: #222 url(farmers.jpg) center / cover"></a></p>',
      '<div class="chart"><svg viewBox="0 0 640 360"><rect width="640" height="360"></rect></svg></div>',
    ]) {
      const document = await clean(html(picture), { url: 'https://news.example/world/grain', engine });
      expect(document.text, picture).not.toContain(CAPTION);
      expect(document.removed.find((removal) => removal.text.includes(CAPTION))?.rule, picture).toBe(
        'caption/credited-line',
      );
      expect(textBlocks(document.text)).toContain(AFTER);
    }
  });

  it.each(ENGINES)('drops a caption beside a drawing or a painting that says what it shows (%s)', async (engine) => {
    for (const picture of [
      '<div><svg role="img" aria-label="Farmers outside the ministry" width="100%" viewBox="0 0 1000 120"><rect width="1000" height="120"></rect></svg></div>',
      `<div role="img" aria-label="Farmers outside the ministry" style="background-image: url('farmers.jpg')"></div>`,
    ]) {
      const document = await clean(html(picture), { url: 'https://news.example/world/grain', engine });
      expect(document.text, picture).not.toContain(CAPTION);
    }
  });

  it.each(ENGINES)('keeps the line beside a painted colour, a divider, a shape or a bullet (%s)', async (engine) => {
    for (const decoration of [
      '<div class="band" style="background: #e8e2d0; height: 320px"></div>',
      '<div class="divider" style="background-image: url(/img/wave.png); height: 20px"></div>',
      '<p><span class="dot" style="background: url(dot.png); width: 12px; height: 12px"></span></p>',
      // A section divider's shape: stretched to its box, in an element named for it, wide and short.
      '<div class="section-shape section-shape-bottom"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 100" preserveAspectRatio="none"><path d="M0 0v100h1000V0z"></path></svg></div>',
      '<div><svg viewBox="0 0 1000 100" preserveAspectRatio="none"><path d="M0 0v100h1000V0z"></path></svg></div>',
      '<div class="deco"><svg viewBox="0 0 1440 120"><path d="M0 0v120h1440V0z"></path></svg></div>',
      '<div class="hero-divider"><svg viewBox="0 0 640 360"><rect width="640" height="360"></rect></svg></div>',
      // Painted with no size, label, figure or link to an image: a spacer, a wave, an overlay.
      '<div class="wave" style="background-image: url(/img/wave.svg)"></div>',
      `<div style="background-image: url('texture.png')"></div>`,
      '<div class="overlay" style="background-image: url(shade.png); height: 320px"></div>',
      '<div class="strip" style="background-image: url(band.png); width: 1200px; height: 60px"></div>',
    ]) {
      const document = await clean(html(decoration), { url: 'https://news.example/world/grain', engine });
      expect(textBlocks(document.text), decoration).toContain(`${CAPTION} (Reuters)`);
    }
  });
});
