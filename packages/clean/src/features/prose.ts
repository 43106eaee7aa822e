/**
 * How a page's own text is written, for the page-type model (features/page.ts): read from the
 * text outside the page's frame (header, footer, menus, sidebars and their ARIA roles).
 *
 * - voice: the rate of first-person plural ("we", "our"), second-person ("you", "your") and
 *   first-person singular ("I", "my") words. A service page speaks for a business to its
 *   reader; an article reports in the third person; a forum post speaks for one person;
 * - rhythm: how many headings the text has and how many words stand between them. A service
 *   or landing page is a run of headed blocks of a sentence or two, an article a few long
 *   sections, a listing many short headed items;
 * - a `<title>` that asks or promises a how-to, a list or a comparison ("How to ...",
 *   "... ?", "10 ways ...", "... guide"): the title of an article;
 * - the share of links that leave the page's site (an article cites its sources; a shop,
 *   a listing or a service page links into its own site);
 * - the share of the page's text in its frame;
 * - the dates the text shows and where: how many per 1,000 words, how many different ones, over
 *   how much of the text they spread and where the first one stands. An article shows its date
 *   once, near its top; a listing, a feed or a thread a date on each item, down the page; a
 *   service or product page seldom one.
 *
 * Generic signals only: pronouns in a few languages, no class names, no site names.
 */

import { hostOf, letterDigitRuns } from '@corpuskit/document';

import { detectLanguage, normalizeLanguageTag } from '../language.js';
import { linksUnder } from '../selector-match.js';
import { normalizeSiteName } from '../site-rules.js';
import { nonSpaceLength } from './dom-walk.js';
import { isLandmark } from './landmarks.js';
import { HEADING_TAGS } from './headings.js';
import { lowerCase } from '../lower-case.js';

export const PROSE_FEATURES = [
  'pron-we',
  'pron-you',
  'pron-i',
  'log-sections',
  'log-median-section-words',
  'short-section-share',
  'title-question',
  'external-link-share',
  'frame-text-share',
  'dates-per-1000-words',
  'log-dates',
  'date-spread',
  'log-distinct-dates',
  'first-date-position',
] as const;

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);
/**
 * A pattern of whole words. `anyCase` words match in any letter case; `cased` words only as
 * written, where case tells a pronoun from something else: "US" is the country and "us" the
 * pronoun, "MA" and "ME" are states, "Mon" is Monday, "ihre" (her, their) is not the formal
 * "Ihre" (your). A lone lower-case "i" is counted apart (LONE_I), on English pages.
 */
function wordsPattern(anyCase: readonly string[], cased: readonly string[]): RegExp {
  const forms = anyCase.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]);
  return new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${[...forms, ...cased].join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}
const WE = wordsPattern(
  ['we', 'our', 'ours', "we['’](?:re|ve|ll)", 'wir', 'unser', 'unsere', 'unseren', 'unserer', 'nous', 'notre', 'nos'],
  ['us', 'Us'],
);
const YOU = wordsPattern(
  ['you', 'your', 'yours', "you['’](?:re|ve|ll)", 'vous', 'votre', 'vos'],
  ['Ihr', 'Ihre', 'Ihren', 'Ihnen'],
);
const I = wordsPattern(
  ['ich', 'mein', 'meine', 'mir', 'je', 'moi'],
  ['I', "I['’](?:m|ve|d)", "i['’](?:m|ve|d)", 'my', 'My', 'me', 'Me', 'mine', 'Mine', 'mon', 'ma', 'mes'],
);
/** English, and Scots: the language detector's answer for much informal English ("so i think"). */
const ENGLISH = new Set(['en', 'sco']);
/**
 * "i" written in lower case, as forum posts often are ("i think"): the pronoun on an English page
 * only (in Italian it is an article, "i giorni"; in Polish, Czech, Croatian or Catalan "and").
 * Not "i.e.", "(i)", the "i" of "i'm" (counted in I), or an "i" in code (pre, code).
 */
const LONE_I = /(?<![\p{L}\p{N}'’(])i(?![\p{L}\p{N}'’)]|\.\p{L})/gu;
const TITLE_QUESTION =
  /^(?:how|what|why|when|where|who|which|is|are|can|should|do|does)\b|\?|\b(?:guide|tips|ways|reasons|best|vs\.?|explained|review)\b|^\d+\s/i;
/**
 * A date written in the text: a numeric date (2024-03-05, 5.3.2024, 03/05/24), a day, a month
 * name and a year in either order (English, German, French, Spanish month names, full or short),
 * or a time ago ("3 days ago").
 */
const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const DATES = new RegExp(
  [
    String.raw`\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b`,
    String.raw`\b(?:0?[1-9]|[12]\d|3[01])[./](?:0?[1-9]|1[0-2])[./](?:19|20)?\d\d\b`,
    String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b`,
    String.raw`\b\d{1,2}\.?\s+(?:${MONTHS})\.?,?\s+(?:19|20)\d\d\b`,
    String.raw`\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b`,
  ].join('|'),
  // Without the `u` flag: the same dates (the month names' letters fold alike either way), read
  // about ten times faster.
  'gi',
);
/** A section of fewer words than this is a short block (a card's or a feature's blurb). */
const SHORT_SECTION_WORDS = 40;

/** The values of PROSE_FEATURES, in order. */
export function proseFeatures(body: Element, document: Document, url: string | null): number[] {
  // The words of each section: the text before the first heading, then after each heading.
  const sections: number[] = [0];
  const text: string[] = [];
  // The same text outside code (pre, code), where a lone "i" is a loop's counter.
  const outsideCode: string[] = [];
  let headings = 0;
  let frameChars = 0;
  let textChars = 0;
  const links: Element[] = [];
  const walk = (el: Element, inFrame: boolean, depth: number, inCode: boolean): void => {
    if (depth > 200) return;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const t = node.textContent ?? '';
        if (inFrame) frameChars += nonSpaceLength(t);
        else {
          textChars += nonSpaceLength(t);
          text.push(t);
          if (!inCode) outsideCode.push(t);
          sections[sections.length - 1]! += letterDigitRuns(t);
        }
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      const tag = lowerCase(child.localName);
      if (SKIP.has(tag)) continue;
      const frame = inFrame || isLandmark(child);
      if (!frame && tag === 'a' && child.hasAttribute('href')) links.push(child);
      if (!frame && HEADING_TAGS.has(tag)) {
        headings++;
        sections.push(0);
        for (const link of linksUnder(child)) links.push(link);
        continue;
      }
      walk(child, frame, depth + 1, inCode || tag === 'pre' || tag === 'code');
    }
  };
  walk(body, false, 0, false);

  const own = text.join(' ');
  // The words of the joined text: those of its parts (a space ends every run of letters).
  let words = 0;
  for (const n of sections) words += n;
  const count = (re: RegExp, of = own) => of.match(re)?.length ?? 0;
  const rate = (n: number) => (words > 0 ? Math.log1p((1000 * n) / words) : 0);
  const loneI = count(LONE_I, outsideCode.join(' '));
  const english = loneI > 0 && ENGLISH.has(pageLanguage(document, own)?.split('-')[0] ?? '');
  const headed = sections.slice(1).sort((a, b) => a - b);
  const median = headed.length > 0 ? headed[Math.floor(headed.length / 2)]! : words;
  const short = headed.length > 0 ? headed.filter((n) => n < SHORT_SECTION_WORDS).length / headed.length : 0;
  const dates = dateSignals(own, words);
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();

  return [
    rate(count(WE)),
    rate(count(YOU)),
    rate(count(I) + (english ? loneI : 0)),
    Math.log1p(headings),
    Math.log1p(median),
    short,
    title && TITLE_QUESTION.test(title) ? 1 : 0,
    externalLinkShare(links, url),
    frameChars + textChars > 0 ? frameChars / (frameChars + textChars) : 0,
    ...dates,
  ];
}

/**
 * The date signals of PROSE_FEATURES for `text` of `words` words: dates per 1,000 words (on a
 * log scale), the count of dates and of different dates (log), the share of the text's tenths
 * that hold one, and the first date's place in the text (0 at its start, 1 at its end or
 * without a date).
 */
function dateSignals(text: string, words: number): number[] {
  let count = 0;
  let first = 1;
  const tenths = new Set<number>();
  const distinct = new Set<string>();
  const length = Math.max(1, text.length);
  for (const m of text.matchAll(DATES)) {
    const at = m.index / length;
    if (count === 0) first = at;
    count++;
    tenths.add(Math.min(9, Math.floor(at * 10)));
    distinct.add(m[0].toLowerCase().replace(/\s+/g, ' '));
  }
  return [
    words > 0 ? Math.log1p((1000 * count) / words) : 0,
    Math.log1p(count),
    tenths.size / 10,
    Math.log1p(distinct.size),
    first,
  ];
}

/** The page's language: the one its `<html lang>` declares, else the one detected in its own text. */
function pageLanguage(document: Document, text: string): string | null {
  const html = document.documentElement;
  return normalizeLanguageTag(html?.getAttribute('lang') ?? html?.getAttribute('xml:lang')) ?? detectLanguage(text);
}

/**
 * The share of `links` (the page's own, outside its frame; not anchors, scripts, mail or phone)
 * that go to another site than `url`'s. Without a URL, every absolute link counts as external.
 */
function externalLinkShare(links: readonly Element[], url: string | null): number {
  const host = url ? hostOf(url) : null;
  const site = host === null ? null : normalizeSiteName(host);
  let external = 0;
  let all = 0;
  for (const link of links) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (href === '' || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) continue;
    all++;
    if (!/^(?:https?:)?\/\//i.test(href)) continue;
    const target = hostOf(href.startsWith('//') ? `https:${href}` : href);
    if (target === null) continue;
    const other = normalizeSiteName(target);
    if (site === null || (other !== site && !other.endsWith(`.${site}`) && !site.endsWith(`.${other}`))) external++;
  }
  return all > 0 ? external / all : 0;
}
