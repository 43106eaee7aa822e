import { describe, expect, it } from 'vitest';

import { countDomReads } from '@corpuskit/testkit';
import { parseHTML } from 'linkedom';

import { clean } from './clean.js';

const PARAGRAPH = (i: number) =>
  `<p>Part ${i}: the ferry to the islands will run every hour from May, the shipping company said on Monday, and a second boat will be added on summer weekends when the queues at the quay are longest.</p>`;

/** A vote of radio buttons valued 1 to 5 under the article, with its prompt and its average. */
const VOTE = `<form class="vote"><p>Rate this story</p>${[1, 2, 3, 4, 5]
  .map((n) => `<input type="radio" name="stars" value="${n}" aria-label="${n} of 5">`)
  .join('')}<span>4.2 (31 votes)</span></form>`;

const page = `<!doctype html><html lang="en"><head><title>Ferries every hour</title></head><body><article><h1>Ferries every hour</h1>${Array.from({ length: 6 }, (_, i) => PARAGRAPH(i + 1)).join('')}${VOTE}</article></body></html>`;

describe('rating widgets', () => {
  it('removes a run of controls numbered 1 to 5 and its prompt from an article, on both engines', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(page, { url: 'https://news.example/ferry', engine, pageType: 'article' });
      expect(document.text).toContain('Part 6: the ferry');
      expect(document.text).not.toContain('Rate this story');
      const removal = document.removed.find((r) => r.text.includes('Rate this story'));
      expect(removal?.rule).toBe('boilerplate/rating-widget');
    }
  });

  it('leaves the widget on other page types (a product page shows its rating)', async () => {
    const document = await clean(page, { url: 'https://news.example/ferry', pageType: 'product' });
    expect(document.removed.some((r) => r.rule === 'boilerplate/rating-widget')).toBe(false);
  });
});

/** A photo with its caption in the site's own class scheme (no figcaption, no known caption class). */
const PHOTO = (i: number) =>
  `<div class="story__media"><div class="story__picture"><img src="/p${i}.jpg" alt=""></div><span class="story__photo-caption">Photo ${i}: the old quay at low tide, seen from the ferry.</span></div>`;

const photoPage = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Ferries every hour</title></head><body><article><h1>Ferries every hour</h1>${body}</article></body></html>`;

/** A photo whose caption names no number (captions numbered in a run are steps, not captions). */
const PHOTO_OF = (i: number) =>
  PHOTO(i).replace(
    `Photo ${i}: the old quay`,
    `The old quay (${i.toString(36).replace(/\d/g, (d) => 'klmnopqrst'[Number(d)]!)})`,
  );

/** A time limit a loaded machine cannot reach: these tests count work, they do not time it. */
const UNHURRIED = { url: 'https://news.example/ferry', pageType: 'article', timeoutMs: 600_000 } as const;

/** Run `task` with linkedom's tree reads counted (testkit's countDomReads on linkedom's node classes). */
async function countLinkedomReads(task: () => Promise<void>): Promise<number> {
  const { document } = parseHTML('<html><body><p>text</p></body></html>');
  const element = document.body.firstElementChild!;
  return countDomReads([element, element.firstChild!, document.body], task);
}

describe('captions named by their class', () => {
  it('removes a caption beside its picture from an article and reports it, on both engines', async () => {
    const body = [1, 2, 3, 4, 5, 6].map((i) => PARAGRAPH(i) + (i % 3 === 0 ? PHOTO(i) : '')).join('');
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(photoPage(body), { url: 'https://news.example/ferry', engine, pageType: 'article' });
      expect(document.text).toContain('Part 6: the ferry');
      expect(document.text).not.toContain('the old quay at low tide');
      const removal = document.removed.find((r) => r.text.includes('Photo 3: the old quay'));
      expect(removal?.rule).toBe('caption/named');
    }
  });

  it('keeps them when they are most of the text (a gallery), and on other page types', async () => {
    const gallery = PARAGRAPH(1) + Array.from({ length: 12 }, (_, i) => PHOTO(i + 1)).join('');
    const asGallery = await clean(photoPage(gallery), { url: 'https://news.example/ferry', pageType: 'article' });
    expect(asGallery.text).toContain('Photo 12: the old quay');
    const body = [1, 2, 3, 4, 5, 6].map((i) => PARAGRAPH(i) + (i === 3 ? PHOTO(i) : '')).join('');
    const asProduct = await clean(photoPage(body), { url: 'https://news.example/ferry', pageType: 'product' });
    expect(asProduct.removed.some((r) => r.rule === 'caption/named')).toBe(false);
  });

  it('removes hundreds of captions beside their pictures, on both engines', async () => {
    // Captions are a fifth of the text here, and unnumbered (a numbered run is a list of steps).
    const body = Array.from({ length: 500 }, (_, i) => PARAGRAPH(i) + PHOTO_OF(i)).join('');
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const document = await clean(photoPage(body), { ...UNHURRIED, engine });
      expect(document.text).toContain('Part 499: the ferry');
      expect(document.text).not.toContain('the old quay at low tide');
      expect(document.removed.filter((r) => r.rule === 'caption/named')).toHaveLength(500);
    }
  }, 120_000);

  it('removes thousands of captions with work in proportion to the page (linkedom)', async () => {
    // Counted, not timed: the DOM reads of the whole clean() of a page of n and of 2n captioned
    // photos. A step that went over the page for each caption would make it four times as much.
    const work = async (photos: number) => {
      const body = Array.from({ length: photos }, (_, i) => PARAGRAPH(i) + PHOTO_OF(i)).join('');
      let document: Awaited<ReturnType<typeof clean>> | undefined;
      const reads = await countLinkedomReads(async () => {
        document = await clean(photoPage(body), { ...UNHURRIED, engine: 'linkedom' });
      });
      expect(document!.removed.filter((r) => r.rule === 'caption/named')).toHaveLength(photos);
      return reads;
    };
    const once = await work(1_000);
    const twice = await work(2_000);
    // Twice the page is twice the work (2.0 today); going over the page once per caption, 2.5 (a
    // querySelectorAll or a climb per caption) to 2.9 (a document.querySelector per caption).
    expect(twice / once).toBeLessThan(2.2);
  }, 120_000);

  it('reads nested captions once, however deep (linkedom)', async () => {
    const nested = (depth: number) =>
      `${PARAGRAPH(1)}<div class="story__media"><img src="/a.jpg" alt="">${'<div class="photo__caption">'.repeat(depth)}The quay.${'</div>'.repeat(depth)}</div>${PARAGRAPH(2)}`;
    const work = async (depth: number) => {
      let text = '';
      const reads = await countLinkedomReads(async () => {
        text = (await clean(photoPage(nested(depth)), { ...UNHURRIED, engine: 'linkedom' })).text;
      });
      expect(text).toContain('Part 2: the ferry');
      expect(text).not.toContain('The quay.');
      return reads;
    };
    // The page's own work is the same at both depths: twice as deep is less than twice the work
    // (1.3 today), unless each caption is read with the ones under it (2.7).
    const shallow = await work(180);
    const deep = await work(360);
    expect(deep / shallow).toBeLessThan(2);
  }, 120_000);
});
