/**
 * Structure features of a page for the page-type model (features/page.ts), counted in its walk:
 * schema.org microdata/RDFa types, headings that are links (card titles) against headings that
 * head prose, the text after the first `<h1>`, the share of the page's text in its `<main>`
 * region, pagination links, and the shape of the `<article>` elements. Generic signals only: no
 * class names, no site names.
 */

import type { TextStats } from './dom-walk.js';
import { LD_GROUPS } from './vocab.js';
import { HEADING_TAGS } from './headings.js';
import { lowerCase } from '../lower-case.js';

/** schema.org types given in the body's markup (itemtype / typeof), grouped as the JSON-LD ones. */
const MICRODATA_FEATURES = LD_GROUPS.map(([name]) => `md-${name.slice(3)}`);

export const STRUCTURE_FEATURES = [
  ...MICRODATA_FEATURES,
  'md-price-props',
  'heading-link-share',
  'log-heading-links',
  'heading-prose-share',
  'text-after-h1-share',
  'p-after-h1-share',
  'main-text-share',
  'main-link-density',
  'pagination',
  'log-articles-with-heading',
  'article-max-text-share',
] as const;

const TYPE_ATTRS = ['itemtype', 'typeof'];
const PAGER_TEXT =
  /^(?:\d{1,4}|next|previous|prev|older|newer|»|›|>|>>|weiter|zurück|suivant|précédent|siguiente|anterior|successivo|precedente|następna|далее)$/i;

export interface StructureInput {
  document: Document;
  /** Visible characters of the body. */
  totalChars: number;
}

/**
 * The counts behind STRUCTURE_FEATURES, gathered element by element by the page walk
 * (features/page.ts): `enter` before an element's children, `leave` after them, for every
 * element of the body within depth 200 outside script, style, template, noscript and svg
 * elements. The page walk skips a `<head>` inside the body; `walk` reads it here.
 */
export class StructureCounts {
  private readonly md = new Array<number>(MICRODATA_FEATURES.length).fill(0);
  private priceProps = 0;
  private headings = 0;
  private headingLinks = 0;
  private headingProse = 0;
  private afterH1 = -1;
  private pAfterH1 = 0;
  private mainChars = 0;
  private mainLinkChars = 0;
  private pagerLinks = 0;
  private articlesWithHeading = 0;
  private articleMax = 0;
  private seenChars = 0;

  constructor(private readonly stats: TextStats) {}

  /** Count `el` (`tag`: its lower-case name) before its children. */
  enter(el: Element, tag: string): void {
    const stats = this.stats;
    for (const attr of TYPE_ATTRS) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      for (const raw of value.split(/\s+/)) {
        const type = raw.replace(/^.*[/#:]/, '').toLowerCase();
        LD_GROUPS.forEach(([, re], i) => {
          if (re.test(type)) this.md[i] = 1;
        });
      }
    }
    const prop = el.getAttribute('itemprop');
    if (prop && /\b(?:price|lowprice|pricecurrency|offers|availability|sku|gtin\d*|mpn)\b/i.test(prop))
      this.priceProps++;
    if (HEADING_TAGS.has(tag)) {
      const t = stats.of(el);
      if (t.chars > 0) {
        this.headings++;
        if (t.linkChars >= 0.6 * t.chars) this.headingLinks++;
        else if (nextProseChars(el, stats) >= 120) this.headingProse++;
        if (tag === 'h1' && this.afterH1 < 0) this.afterH1 = this.seenChars;
      }
    }
    if ((tag === 'main' || el.getAttribute('role') === 'main') && this.mainChars === 0) {
      const t = stats.of(el);
      this.mainChars = t.chars;
      this.mainLinkChars = t.linkChars;
    }
    if (tag === 'article') {
      const t = stats.of(el);
      if (t.chars > this.articleMax) this.articleMax = t.chars;
      if (el.querySelector('h1, h2, h3, h4')) this.articlesWithHeading++;
    }
    if (tag === 'a') {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase();
      const text = (el.textContent ?? '').trim();
      if (/\b(?:next|prev)\b/.test(rel) || PAGER_TEXT.test(text)) this.pagerLinks++;
    }
    if (tag === 'p' && this.afterH1 >= 0) this.pAfterH1 += stats.of(el).chars;
  }

  /** Count `el` after its children (`hasElementChild`: it has some). */
  leave(el: Element, hasElementChild: boolean): void {
    // Text of leaves only, in document order: how much text came before the first <h1>.
    if (!hasElementChild) this.seenChars += this.stats.of(el).chars;
  }

  /** Count the subtree of `el`, `depth` below the body, by a walk of its own. */
  walk(el: Element, depth: number): void {
    if (depth > 200) return;
    const tag = lowerCase(el.localName);
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript' || tag === 'svg') return;
    this.enter(el, tag);
    let hasElementChild = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      hasElementChild = true;
      this.walk(c, depth + 1);
    }
    this.leave(el, hasElementChild);
  }

  /** The values of STRUCTURE_FEATURES, in order, from the counts and the head's pagination links. */
  values({ document, totalChars }: StructureInput): number[] {
    const share = (x: number) => (totalChars > 0 ? Math.min(1, x / totalChars) : 0);
    const headLinks = document.head?.querySelector('link[rel~="next"], link[rel~="prev"]') ? 1 : 0;
    const { headings, headingLinks, headingProse, afterH1, mainChars } = this;
    return [
      ...this.md,
      Math.log1p(this.priceProps),
      headings > 0 ? headingLinks / headings : 0,
      Math.log1p(headingLinks),
      headings > 0 ? headingProse / headings : 0,
      afterH1 >= 0 ? share(totalChars - afterH1) : 0,
      share(this.pAfterH1),
      share(mainChars),
      mainChars > 0 ? this.mainLinkChars / mainChars : 0,
      Math.min(1, (this.pagerLinks >= 3 ? 0.5 : 0) + (headLinks ? 0.5 : 0)),
      Math.log1p(this.articlesWithHeading),
      share(this.articleMax),
    ];
  }
}

/** Characters of non-link text in the elements following a heading, up to the next heading. */
function nextProseChars(heading: Element, stats: TextStats): number {
  let chars = 0;
  for (let s = heading.nextElementSibling; s && chars < 120; s = s.nextElementSibling) {
    if (HEADING_TAGS.has(lowerCase(s.localName))) break;
    const t = stats.of(s);
    chars += t.chars - t.linkChars;
  }
  return chars;
}
