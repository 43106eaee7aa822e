/**
 * Structure features of a page for the page-type model (features/page.ts), read after its main
 * walk: schema.org microdata/RDFa types, headings that are links (card titles) against headings
 * that head prose, the text after the first `<h1>`, the share of the page's text in its `<main>`
 * region, pagination links, and the shape of the `<article>` elements. Generic signals only: no
 * class names, no site names.
 */

import type { TextStats } from './dom-walk.js';
import { LD_GROUPS } from './vocab.js';

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
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PAGER_TEXT =
  /^(?:\d{1,4}|next|previous|prev|older|newer|»|›|>|>>|weiter|zurück|suivant|précédent|siguiente|anterior|successivo|precedente|następna|далее)$/i;

export interface StructureInput {
  body: Element;
  document: Document;
  stats: TextStats;
  /** Visible characters of the body. */
  totalChars: number;
}

/** The values of STRUCTURE_FEATURES, in order. */
export function structureFeatures({ body, document, stats, totalChars }: StructureInput): number[] {
  const md = new Array<number>(MICRODATA_FEATURES.length).fill(0);
  let priceProps = 0;
  let headings = 0;
  let headingLinks = 0;
  let headingProse = 0;
  let afterH1 = -1;
  let pAfterH1 = 0;
  let mainChars = 0;
  let mainLinkChars = 0;
  let pagerLinks = 0;
  let articlesWithHeading = 0;
  let articleMax = 0;
  let seenChars = 0;

  const share = (x: number) => (totalChars > 0 ? Math.min(1, x / totalChars) : 0);
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    const tag = el.localName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript' || tag === 'svg') return;
    for (const attr of TYPE_ATTRS) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      for (const raw of value.split(/\s+/)) {
        const type = raw.replace(/^.*[/#:]/, '').toLowerCase();
        LD_GROUPS.forEach(([, re], i) => {
          if (re.test(type)) md[i] = 1;
        });
      }
    }
    const prop = el.getAttribute('itemprop');
    if (prop && /\b(?:price|lowprice|pricecurrency|offers|availability|sku|gtin\d*|mpn)\b/i.test(prop)) priceProps++;
    if (HEADINGS.has(tag)) {
      const t = stats.of(el);
      if (t.chars > 0) {
        headings++;
        if (t.linkChars >= 0.6 * t.chars) headingLinks++;
        else if (nextProseChars(el, stats) >= 120) headingProse++;
        if (tag === 'h1' && afterH1 < 0) afterH1 = seenChars;
      }
    }
    if ((tag === 'main' || el.getAttribute('role') === 'main') && mainChars === 0) {
      const t = stats.of(el);
      mainChars = t.chars;
      mainLinkChars = t.linkChars;
    }
    if (tag === 'article') {
      const t = stats.of(el);
      if (t.chars > articleMax) articleMax = t.chars;
      if (el.querySelector('h1, h2, h3, h4')) articlesWithHeading++;
    }
    if (tag === 'a') {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase();
      const text = (el.textContent ?? '').trim();
      if (/\b(?:next|prev)\b/.test(rel) || PAGER_TEXT.test(text)) pagerLinks++;
    }
    if (tag === 'p' && afterH1 >= 0) pAfterH1 += stats.of(el).chars;
    let hasElementChild = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      hasElementChild = true;
      walk(c, depth + 1);
    }
    // Text of leaves only, in document order: how much text came before the first <h1>.
    if (!hasElementChild) seenChars += stats.of(el).chars;
  };
  walk(body, 0);
  const headLinks = document.head?.querySelector('link[rel~="next"], link[rel~="prev"]') ? 1 : 0;
  return [
    ...md,
    Math.log1p(priceProps),
    headings > 0 ? headingLinks / headings : 0,
    Math.log1p(headingLinks),
    headings > 0 ? headingProse / headings : 0,
    afterH1 >= 0 ? share(totalChars - afterH1) : 0,
    share(pAfterH1),
    share(mainChars),
    mainChars > 0 ? mainLinkChars / mainChars : 0,
    Math.min(1, (pagerLinks >= 3 ? 0.5 : 0) + (headLinks ? 0.5 : 0)),
    Math.log1p(articlesWithHeading),
    share(articleMax),
  ];
}

/** Characters of non-link text in the elements following a heading, up to the next heading. */
function nextProseChars(heading: Element, stats: TextStats): number {
  let chars = 0;
  for (let s = heading.nextElementSibling; s && chars < 120; s = s.nextElementSibling) {
    if (HEADINGS.has(s.localName.toLowerCase())) break;
    const t = stats.of(s);
    chars += t.chars - t.linkChars;
  }
  return chars;
}
