import { describe, expect, it } from 'vitest';

import { parseHtml } from '../dom.js';
import { TextStats } from './dom-walk.js';
import { LAYOUT_FEATURES, layoutFeatures } from './layout.js';
import { PAGE_FEATURE_NAMES, pageFeatures } from './page.js';

const para = (n: number) => `<p>${'Words of a long paragraph that says something. '.repeat(n)}</p>`;

const ARTICLE = `<!doctype html><html><head><title>A report</title></head><body>
<nav><a href="/news/first-story-about-something">First story about something</a></nav>
<article><h1>A report</h1>${para(4)}${para(5)}${para(3)}
<p>Read <a href="/2024/05/another-report">another report</a>.</p></article>
<footer><p>Footer line</p></footer></body></html>`;

const card = (i: number) =>
  `<div class="card"><h2><a href="/posts/the-title-of-post-${i}">The title of post ${i}</a></h2>${para(3)}</div>`;
const LISTING = `<!doctype html><html><head><title>Posts</title></head><body>
<h1>Posts</h1><div class="grid">${[1, 2, 3, 4].map(card).join('')}</div></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('layout features on %s', (engine) => {
  const features = async (html: string) => {
    const page = await parseHtml(html, engine, 'https://example.org/blog/', []);
    try {
      const body = page.document.body;
      const words = (body.textContent ?? '').split(/\s+/).filter(Boolean).length;
      const values = layoutFeatures(body, new TextStats(), words);
      const named = Object.fromEntries(LAYOUT_FEATURES.map((name, i) => [name, values[i]!])) as Record<
        (typeof LAYOUT_FEATURES)[number],
        number
      >;
      return { words, ...named };
    } finally {
      page.close();
    }
  };

  it('reads an article as one container of paragraphs', async () => {
    const f = await features(ARTICLE);
    // Four paragraphs in the <article>: all of the page's text outside links but the footer line.
    expect(f['log-max-p-parent-count']).toBeCloseTo(Math.log1p(4), 12);
    expect(f['max-p-parent-share']).toBeGreaterThan(0.95);
    expect(f['log-p-parents-3']).toBeCloseTo(Math.log1p(1), 12);
    expect(f['headings-per-1000-words']).toBeCloseTo(1000 / f.words / 10, 12);
  });

  it('reads a listing as paragraphs spread one to an element, under many headings', async () => {
    const f = await features(LISTING);
    // No element holds more than one paragraph directly.
    expect(f['log-max-p-parent-count']).toBeCloseTo(Math.log1p(1), 12);
    expect(f['max-p-parent-share']).toBeLessThan(0.3);
    expect(f['log-p-parents-3']).toBe(0);
    expect(f['headings-per-1000-words']).toBeCloseTo(5000 / f.words / 10, 12);
  });

  it('is part of the page features, in their order', async () => {
    const page = await parseHtml(LISTING, engine, 'https://example.org/blog/', []);
    try {
      const values = pageFeatures(page.document, 'https://example.org/blog/');
      expect(values).toHaveLength(PAGE_FEATURE_NAMES.length);
      const at = PAGE_FEATURE_NAMES.indexOf('log-max-p-parent-count');
      expect(at).toBe(PAGE_FEATURE_NAMES.length - LAYOUT_FEATURES.length + 1);
      expect(values[at]).toBeCloseTo(Math.log1p(1), 12);
    } finally {
      page.close();
    }
  });
});
