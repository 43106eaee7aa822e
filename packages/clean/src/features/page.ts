/**
 * Page-level features for the page-type model: generic signals only (no site names), read in
 * one walk of the parsed page. Every feature is a number; the list of names is fixed and the
 * model file records it, so a model trained on other features is refused.
 *
 * Groups:
 * - text and link density, paragraph shape, headings, sentences;
 * - element counts that mark a kind of page: forms and inputs, prices, code blocks, tables,
 *   `<time>` elements, `<article>` elements;
 * - repeated sibling structures (cards, posts, result rows): the largest group of siblings with
 *   the same tag and class, its share of the text and of the links; the posts marked up as
 *   microformats entries (`hentry`, `h-entry`: blog themes mark each post so, one on an article,
 *   many on a listing);
 * - the repeated group that reads like posts and the one that reads like cards (features/groups.ts);
 * - words that mark the chrome of a kind of page (reply, add to cart, contact us, read more ...);
 * - class/id tokens from a small vocabulary of words that name page parts (post, reply, price,
 *   cart, toc, sidebar, card ...), counted per group of words (forum, shop, docs ...). Other
 *   tokens are not used, nor single words: they let the model learn the templates of the
 *   training sites instead of kinds of page;
 * - JSON-LD `@type`s and `og:type`, the generator `<meta>` (forum and documentation software);
 * - URL shape: depth, dates, ids, extensions, path words from a small vocabulary;
 * - page chrome: sort and filter controls, cart and call-to-action buttons, docs chrome, head
 *   metadata of articles (features/chrome.ts);
 * - how the page's own text is written: its voice (we, you, I), the words between its headings,
 *   a title that asks or promises a how-to, links to other sites (features/prose.ts);
 * - how it lays out its prose: one container of paragraphs or paragraphs spread over many
 *   elements, headings per 1,000 words (features/layout.ts).
 *
 * The word lists are in features/vocab.ts; the head and URL features in features/page-meta.ts.
 */

import { letterDigitRuns } from '@corpuskit/document';

import { TextStats } from './dom-walk.js';
import { GROUP_FEATURES, groupFeatures } from './groups.js';
import { STRUCTURE_FEATURES, StructureCounts } from './structure.js';
import { CHROME_FEATURES, ChromeCounts, listDepthBelow, navBelow } from './chrome.js';
import { LAYOUT_FEATURES, LayoutCounts } from './layout.js';
import { PROSE_FEATURES, proseFeatures } from './prose.js';
import { PageWords } from './words.js';
import { URL_FEATURES, generatorFeatures, ldFeatures, ogFeatures, urlFeatures } from './page-meta.js';
import {
  CLASS_GROUPS,
  GENERATOR_GROUPS,
  LD_GROUPS,
  OG_TYPES,
  URL_VOCAB,
  WORD_GROUPS,
  wordGroupCounts,
} from './vocab.js';
import { lowerCase } from '../lower-case.js';

/**
 * A price: a currency sign before a number or a currency after it. A number is not tried again
 * from a later digit of its own run of digits, dots and commas (`(?<!\d[\d.,]*?)`): that start
 * fails or is inside a match whenever the run's first digit fails or matches, and trying every
 * digit made a long run of digits quadratic (100,000 digits: seconds).
 */
export const PRICE = /(?:[$€£¥₹]\s?\d[\d.,]*|(?<!\d[\d.,]*?)\d[\d.,]*\s?(?:€|\$|£|usd|eur|gbp|chf|kr|zł|руб))/gi;

const TEXT_FEATURES = [
  'log-text-chars',
  'log-words',
  'log-elements',
  'link-density',
  'p-text-share',
  'li-text-share',
  'heading-text-share',
  'pre-text-share',
  'table-text-share',
  'form-text-share',
  'longest-block-share',
  'log-longest-block',
  'avg-p-words',
  'sentence-ends-per-100-words',
  'question-marks-per-100-words',
  'digits-share',
  'log-prices',
  'prices-per-1000-words',
] as const;

const TAG_COUNTS = [
  'p',
  'a',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'article',
  'section',
  'aside',
  'nav',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'table',
  'pre',
  'code',
  'img',
  'time',
  'blockquote',
  'dl',
  'iframe',
  'video',
  'figure',
  'figcaption',
  'kbd',
  'svg',
  'label',
] as const;

const REPEAT_FEATURES = [
  'log-max-repeat',
  'max-repeat-text-share',
  'max-repeat-link-density',
  'max-repeat-avg-words',
  'log-repeat-groups-5',
  'repeat-text-share-all',
  'log-max-repeat-with-time',
  'log-h-entries',
] as const;

/** Every feature name, in the order of the values. */
export const PAGE_FEATURE_NAMES: readonly string[] = [
  ...TEXT_FEATURES,
  ...TAG_COUNTS.map((t) => `tag-${t}`),
  ...REPEAT_FEATURES,
  ...GROUP_FEATURES,
  ...WORD_GROUPS.map(([name]) => name),
  ...CLASS_GROUPS.map(([name]) => name),
  ...LD_GROUPS.map(([name]) => name),
  ...OG_TYPES.map((t) => `og-${t}`),
  ...GENERATOR_GROUPS.map(([name]) => name),
  ...URL_FEATURES,
  ...URL_VOCAB.map((t) => `url-${t}`),
  ...STRUCTURE_FEATURES,
  ...CHROME_FEATURES,
  ...PROSE_FEATURES,
  ...LAYOUT_FEATURES,
];

const BLOCKISH = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'td', 'th', 'blockquote', 'dd', 'dt']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);
const CLASS_INDEX = new Map<string, number>(CLASS_GROUPS.flatMap(([, words], i) => words.map((w) => [w, i] as const)));
const TAG_INDEX = new Map<string, number>(TAG_COUNTS.map((t, i) => [t, i]));

/** Class and id values up to this long are read once per page (see `classGroupsOf`). */
const MAX_CLASS_KEY_CHARS = 256;

/** A microformats post: the class `hentry` (microformats 1) or `h-entry` (microformats 2). */
const ENTRY_CLASS = /(?:^|\s)h-?entry(?=\s|$)/;
/** The index `classGroupIndexes` gives a microformats post, after the class groups'. */
const ENTRY_INDEX = CLASS_GROUPS.length;

/**
 * The class group of each token of a class and id value that names one, in token order, and
 * ENTRY_INDEX when the value marks a microformats post.
 */
function classGroupIndexes(value: string): number[] {
  const out: number[] = ENTRY_CLASS.test(value) ? [ENTRY_INDEX] : [];
  for (const token of value.toLowerCase().split(/[^a-z0-9]+/)) {
    if (token.length < 2 || /^\d+$/.test(token)) continue;
    const v = CLASS_INDEX.get(token);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/**
 * The features of a parsed page, in the order of PAGE_FEATURE_NAMES. `bodyText`: the body's
 * `textContent` when the caller has read it already. `stats`: where the text statistics of the
 * page's elements are kept, the body's asked first (a caller may read them again while the tree
 * is unchanged). `wordsOut`: when given, the words the page names itself with (features/words.ts)
 * are pushed to it, read in the same walk.
 */
export function pageFeatures(
  document: Document,
  url: string | null,
  bodyText?: string,
  stats: TextStats = new TextStats(),
  wordsOut?: string[],
): number[] {
  const body = document.body ?? document.documentElement;
  const tagCounts = new Array<number>(TAG_COUNTS.length).fill(0);
  const classCounts = new Array<number>(CLASS_GROUPS.length).fill(0);
  let pChars = 0;
  let liChars = 0;
  let headingChars = 0;
  let preChars = 0;
  let tableChars = 0;
  let formChars = 0;
  let longestBlock = 0;
  let pWordsTotal = 0;
  let pCount = 0;
  let elements = 0;
  let maxRepeat = 0;
  let maxRepeatChars = 0;
  let maxRepeatLinkChars = 0;
  let repeatGroups5 = 0;
  let repeatCharsAll = 0;
  let maxRepeatWithTime = 0;
  let entries = 0;

  const elementText = (el: Element) => stats.of(el);
  const info = body ? elementText(body) : null;
  const totalChars = info ? info.chars : 0;
  const linkChars = info ? info.linkChars : 0;
  const text = body ? (bodyText ?? body.textContent ?? '') : '';
  const words = letterDigitRuns(text);

  // The class groups of each distinct class and id value, read once per page (most values repeat
  // from element to element). Long values are not kept: V8 hashes a string of more than 16,383
  // characters by its length, so many long keys of one length would make every look-up slow.
  const classGroups = new Map<string, number[]>();
  const classGroupsOf = (value: string): number[] => {
    const known = classGroups.get(value);
    if (known) return known;
    const groups = classGroupIndexes(value);
    if (value.length <= MAX_CLASS_KEY_CHARS) classGroups.set(value, groups);
    return groups;
  };

  const ldTexts: string[] = [];
  const metas: Element[] = [];
  // The chrome, structure and layout features are counted in the same walk (features/chrome.ts,
  // features/structure.ts, features/layout.ts): one walk of the body instead of four.
  const chrome = new ChromeCounts(stats);
  const structure = new StructureCounts(stats);
  const layout = new LayoutCounts(stats);
  const pageWords = wordsOut ? new PageWords() : null;
  const walk = (el: Element, depth: number, inNav: boolean, listDepth: number): void => {
    if (depth > 200) return;
    const tag = lowerCase(el.localName);
    if (SKIP.has(tag)) {
      if (tag === 'script' && /ld\+json/i.test(el.getAttribute('type') ?? '')) ldTexts.push(el.textContent ?? '');
      // The structure features read a <head> inside the body; the others skip it.
      else if (tag === 'head') structure.walk(el, depth);
      return;
    }
    chrome.visit(el, tag, inNav, listDepth);
    structure.enter(el, tag);
    layout.visit(el, tag);
    pageWords?.visit(el, tag);
    if (tag === 'meta') metas.push(el);
    elements++;
    const tagIndex = TAG_INDEX.get(tag);
    if (tagIndex !== undefined) tagCounts[tagIndex]!++;
    const className = el.getAttribute('class');
    const id = el.getAttribute('id');
    if (className || id) {
      for (const v of classGroupsOf(`${className ?? ''} ${id ?? ''}`)) {
        if (v === ENTRY_INDEX) entries++;
        else classCounts[v]!++;
      }
    }
    if (BLOCKISH.has(tag) || tag === 'table' || tag === 'form') {
      const chars = elementText(el).chars;
      if (tag === 'p') {
        pChars += chars;
        pCount++;
        pWordsTotal += chars / 6;
      } else if (tag === 'li') liChars += chars;
      else if (tag[0] === 'h' && tag.length === 2) headingChars += chars;
      else if (tag === 'pre') preChars += chars;
      else if (tag === 'table') tableChars += chars;
      else if (tag === 'form') formChars += chars;
      if (BLOCKISH.has(tag) && chars > longestBlock) longestBlock = chars;
    }
    // Repeated siblings: children with the same tag and class.
    let childCount = 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) childCount++;
    if (childCount >= 3) {
      const groups = new Map<string, Element[]>();
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        const key = `${c.localName}.${c.getAttribute('class') ?? ''}`;
        const list = groups.get(key);
        if (list) list.push(c);
        else groups.set(key, [c]);
      }
      for (const [key, list] of groups) {
        if (list.length < 3 || key.startsWith('option') || key.startsWith('br')) continue;
        let chars = 0;
        let links = 0;
        let withTime = 0;
        for (const item of list) {
          const t = elementText(item);
          chars += t.chars;
          links += t.linkChars;
          if (t.times > 0) withTime++;
        }
        if (chars < 50) continue;
        if (list.length >= 5) {
          repeatGroups5++;
          repeatCharsAll += chars;
        }
        if (list.length > maxRepeat || (list.length === maxRepeat && chars > maxRepeatChars)) {
          maxRepeat = list.length;
          maxRepeatChars = chars;
          maxRepeatLinkChars = links;
        }
        if (withTime >= 3 && withTime > maxRepeatWithTime) maxRepeatWithTime = withTime;
      }
    }
    const nav = navBelow(el, tag, inNav);
    const list = listDepthBelow(tag, listDepth);
    let hasElementChild = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      hasElementChild = true;
      walk(c, depth + 1, nav, list);
    }
    structure.leave(el, hasElementChild);
  };
  if (body) walk(body, 0, false, 0);
  // The head: metadata and JSON-LD (scripts in the body were seen by the walk).
  const head = document.head;
  if (head && head !== body) {
    for (let c = head.firstElementChild; c; c = c.nextElementSibling) {
      const tag = lowerCase(c.localName);
      if (tag === 'meta') metas.push(c);
      else if (tag === 'script' && /ld\+json/i.test(c.getAttribute('type') ?? '')) ldTexts.push(c.textContent ?? '');
    }
  }

  const share = (x: number) => (totalChars > 0 ? Math.min(1, x / totalChars) : 0);
  const per1000 = (x: number) => (words > 0 ? Math.min(200, (1000 * x) / words) : 0);
  const prices = (text.match(PRICE) ?? []).length;
  const digits = (text.match(/\d/g) ?? []).length;
  const sentenceEnds = (text.match(/[.!?。！？](?:\s|$)/g) ?? []).length;
  const questions = (text.match(/[?？]/g) ?? []).length;

  const values: number[] = [
    Math.log1p(totalChars),
    Math.log1p(words),
    Math.log1p(elements),
    totalChars > 0 ? linkChars / totalChars : 0,
    share(pChars),
    share(liChars),
    share(headingChars),
    share(preChars),
    share(tableChars),
    share(formChars),
    share(longestBlock),
    Math.log1p(longestBlock),
    pCount > 0 ? Math.min(200, pWordsTotal / pCount) / 50 : 0,
    words > 0 ? Math.min(30, (100 * sentenceEnds) / words) : 0,
    words > 0 ? Math.min(30, (100 * questions) / words) : 0,
    text.length > 0 ? digits / text.length : 0,
    Math.log1p(prices),
    per1000(prices) / 10,
    // Counts only: a tag's rate per 1000 words would be, on the log scale the model reads, its
    // count less `log-words` (both here), and the 30 rates cost held-out sites accuracy
    // (site CV 0.875 -> 0.882 without them).
    ...tagCounts.map((n) => Math.log1p(n)),
    Math.log1p(maxRepeat),
    share(maxRepeatChars),
    maxRepeatChars > 0 ? maxRepeatLinkChars / maxRepeatChars : 0,
    maxRepeat > 0 ? Math.log1p(maxRepeatChars / 6 / maxRepeat) : 0,
    Math.log1p(repeatGroups5),
    share(repeatCharsAll),
    Math.log1p(maxRepeatWithTime),
    Math.log1p(entries),
    ...(body ? groupFeatures(body, stats) : new Array<number>(GROUP_FEATURES.length).fill(0)),
    ...wordGroupCounts(text).map((n) => Math.log1p(per1000(n))),
    ...classCounts.map((n) => Math.log1p(n)),
    ...ldFeatures(ldTexts),
    ...ogFeatures(metas),
    ...generatorFeatures(metas),
    ...urlFeatures(url),
    ...(body ? structure.values({ document, totalChars }) : new Array<number>(STRUCTURE_FEATURES.length).fill(0)),
    ...(body
      ? chrome.values({ document, totalChars, words, metas })
      : new Array<number>(CHROME_FEATURES.length).fill(0)),
    ...(body ? proseFeatures(body, document, url) : new Array<number>(PROSE_FEATURES.length).fill(0)),
    ...(body ? layout.values(body, words) : new Array<number>(LAYOUT_FEATURES.length).fill(0)),
  ];
  if (pageWords) wordsOut!.push(...pageWords.words(document, url));
  return values;
}
