/**
 * How a page lays out its prose, for the page-type model (features/page.ts): aimed at the pages
 * the other features mistake for articles (service pages, listings of posts).
 *
 * - the prose container: the element with the most `<p>` text (outside links) in its direct
 *   `<p>` children, its share of the page's text outside links and its number of paragraphs,
 *   and how many elements hold three paragraphs or more. An article's body is one such
 *   container; a listing spreads its excerpts over its cards, a service page over its sections;
 * - headings per 1,000 words.
 *
 * Generic signals only: element names, no words of any language, no class names, no site names.
 * (Counts of links to article-like pages and of teaser cards were tried beside these and left
 * out: under site CV they typed news articles with related-story rails as listings.)
 */

import type { TextStats } from './dom-walk.js';
import { HEADING_TAGS } from './headings.js';
import { lowerCase } from '../lower-case.js';

export const LAYOUT_FEATURES = [
  'max-p-parent-share',
  'log-max-p-parent-count',
  'log-p-parents-3',
  'headings-per-1000-words',
] as const;

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);

/**
 * The layout counts of the elements a page walk visits (the walk of features/page.ts, which
 * skips what SKIP names and goes 200 deep; see layoutFeatures), each visited before its children.
 */
export class LayoutCounts {
  private maxParagraphChars = 0;
  private maxParagraphs = 0;
  private parents3 = 0;
  private headings = 0;

  constructor(private readonly stats: TextStats) {}

  visit(el: Element, tag: string): void {
    if (HEADING_TAGS.has(tag)) this.headings++;
    let paragraphChars = 0;
    let paragraphs = 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (lowerCase(c.localName) !== 'p') continue;
      const t = this.stats.of(c);
      const own = t.chars - t.linkChars;
      if (own > 0) {
        paragraphChars += own;
        paragraphs++;
      }
    }
    if (paragraphChars > this.maxParagraphChars) {
      this.maxParagraphChars = paragraphChars;
      this.maxParagraphs = paragraphs;
    }
    if (paragraphs >= 3) this.parents3++;
  }

  /** The values of LAYOUT_FEATURES for `body` (the walk's root) of `words` words. */
  values(body: Element, words: number): number[] {
    const page = this.stats.of(body);
    const ownText = Math.max(1, page.chars - page.linkChars);
    return [
      Math.min(1, this.maxParagraphChars / ownText),
      Math.log1p(this.maxParagraphs),
      Math.log1p(this.parents3),
      words > 0 ? Math.min(100, (1000 * this.headings) / words) / 10 : 0,
    ];
  }
}

/** The layout features of a page's body, in the order of LAYOUT_FEATURES, by a walk of its own. */
export function layoutFeatures(body: Element, stats: TextStats, words: number): number[] {
  const counts = new LayoutCounts(stats);
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    const tag = lowerCase(el.localName);
    if (SKIP.has(tag)) return;
    counts.visit(el, tag);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, depth + 1);
  };
  walk(body, 0);
  return counts.values(body, words);
}
