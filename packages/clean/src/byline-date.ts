/**
 * A publication date written only in the page's visible text: the dateline or byline by the
 * headline ("By Ana Lindqvist - June 12, 2025", "Published on 2 mai 2024", "Mar 27, 2024").
 * Read when neither the metadata nor a `<time>` element in the article gives one.
 *
 * Only short lines close to the first `<h1>` are read: the few lines before it (a kicker with
 * the date) and the lines after it up to the second long paragraph, where the article's own
 * text starts and any date is a date the article talks about. A line counts only when it is
 * short (a byline of a dozen words at most, not a sentence) and the date in it names its year.
 */

import { isAfterFetch, parseDate } from './dates.js';
import { lowerCase } from './lower-case.js';

/** Lines longer than this, or of more words, are prose, not a byline. */
const MAX_LINE_CHARS = 120;
const MAX_LINE_WORDS = 12;
/** A paragraph this long is the article's text. */
const LONG_LINE_CHARS = 200;
const LINES_BEFORE_HEADLINE = 3;
const MAX_LINES_AFTER_HEADLINE = 40;
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'button', 'select', 'option']);
const YEAR = /\b(?:19|20)\d\d\b/;

/**
 * The own text of each element that has some, in document order (a "line" of the page), up to
 * the last line the date search can read: `MAX_LINES_AFTER_HEADLINE` lines after the first
 * `<h1>` line (the rest of the page is not walked).
 */
function lines(root: Element): Array<{ element: Element; text: string }> {
  const out: Array<{ element: Element; text: string }> = [];
  let last = Infinity;
  const walk = (el: Element, depth: number): void => {
    if (out.length > last || depth > 200 || SKIP.has(lowerCase(el.localName))) return;
    let own = '';
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) own += node.nodeValue ?? '';
      else if (node.nodeType === 1) {
        const child = node as Element;
        const tag = lowerCase(child.localName);
        // Inline children are part of the line; block children are lines of their own.
        if (INLINE.has(tag)) own += ` ${child.textContent ?? ''}`;
      }
    }
    const text = own.replace(/\s+/g, ' ').trim();
    if (text) {
      out.push({ element: el, text });
      if (last === Infinity && lowerCase(el.localName) === 'h1') last = out.length - 1 + MAX_LINES_AFTER_HEADLINE;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (!INLINE.has(lowerCase(c.localName))) walk(c, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

const INLINE = new Set([
  'a',
  'span',
  'b',
  'strong',
  'em',
  'i',
  'small',
  'time',
  'abbr',
  'u',
  'mark',
  'sup',
  'sub',
  'bdi',
]);

/** The date of the byline or dateline by the page's first `<h1>`; null when there is none. */
export function bylineDate(body: Element, fetchedAt: string | null): string | null {
  const all = lines(body);
  const headline = all.findIndex(({ element }) => lowerCase(element.localName) === 'h1');
  if (headline < 0) return null;
  let long = 0;
  const end = Math.min(all.length, headline + 1 + MAX_LINES_AFTER_HEADLINE);
  for (let i = Math.max(0, headline - LINES_BEFORE_HEADLINE); i < end; i++) {
    if (i === headline) continue;
    const { text } = all[i]!;
    if (text.length >= LONG_LINE_CHARS && i > headline && ++long >= 2) break;
    if (text.length > MAX_LINE_CHARS || !YEAR.test(text) || text.split(' ').length > MAX_LINE_WORDS) continue;
    const date = parseDate(text, { reference: fetchedAt });
    if (!date || !text.includes(date.slice(0, 4))) continue;
    if (isAfterFetch(date, fetchedAt)) continue;
    return date;
  }
  return null;
}
