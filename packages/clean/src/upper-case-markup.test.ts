/**
 * Pages written in upper case (HTML 4 era editors: `<DIV CLASS=…>`, `<A HREF=…>`, `<META NAME=…>`)
 * are cleaned and described the same on both engines: HTML parsers lower-case attribute names, so
 * the rules, the link density and the metadata read them as they read lower-case markup.
 */

import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<P>Paragraph ${i + 1} about the pool: the council met on Monday to discuss the repairs, and the plans shown to residents in the town hall will be decided in the spring.</P>`,
).join('\n');

const HEAD =
  '<TITLE>Pool repairs</TITLE><META NAME="author" CONTENT="Jane Smith">' +
  '<LINK REL="canonical" HREF="https://towntimes.example/news/pool.html">';

const BODY =
  `<DIV ID="story"><H1>Pool repairs</H1>${PARAGRAPHS}` +
  '<DIV HIDDEN><P>Hidden with an upper-case attribute, never shown to a reader.</P></DIV>' +
  '<DIV CLASS="sharing"><A HREF="https://social.example/share">Share this story</A></DIV></DIV>';

function page(upper: boolean): string {
  const markup = `<!DOCTYPE html><HTML><HEAD>${HEAD}</HEAD><BODY>${BODY}</BODY></HTML>`;
  return upper
    ? markup
    : markup.replace(/<\/?[A-Za-z]+[^>]*>/g, (tag) =>
        tag.replace(/^<\/?[A-Z]+|\s[A-Z]+(?==|[\s>])/g, (name) => name.toLowerCase()),
      );
}

describe('a page written in upper case', () => {
  it('is cleaned and described as the same page in lower case, on both engines', async () => {
    const url = 'https://towntimes.example/news/pool.html?from=home';
    for (const engine of ENGINES) {
      const upper = await clean(page(true), { url, engine });
      const lower = await clean(page(false), { url, engine });
      expect(page(false)).toContain('<div hidden><p>');
      expect(upper.text).toContain('Paragraph 6 about the pool');
      expect(upper.text).not.toContain('Hidden with an upper-case attribute');
      expect(upper.text).not.toContain('Share this story');
      expect(upper.removed.map((removal) => removal.rule)).toContain('boilerplate/hidden');
      expect(upper.text).toBe(lower.text);
      expect(upper.removed.map((removal) => removal.rule)).toEqual(lower.removed.map((removal) => removal.rule));
      expect(upper.metadata.canonicalUrl).toBe('https://towntimes.example/news/pool.html');
      expect(upper.metadata.byline).toBe('Jane Smith');
      expect(upper.metadata).toEqual(lower.metadata);
      expect(upper.pageType).toEqual(lower.pageType);
    }
  });
});
