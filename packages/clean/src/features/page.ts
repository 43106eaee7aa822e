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
 *   the same tag and class, its share of the text and of the links;
 * - the repeated group that reads like posts and the one that reads like cards (features/groups.ts);
 * - words that mark the chrome of a kind of page (reply, add to cart, contact us, read more ...);
 * - class/id tokens from a small vocabulary of words that name page parts (post, reply, price,
 *   cart, toc, sidebar, card ...). Other tokens are not used: hashed, they let the model learn
 *   the templates of the training sites instead of kinds of page;
 * - JSON-LD `@type`s and `og:type`, the generator `<meta>` (forum and documentation software);
 * - URL shape: depth, dates, ids, extensions, path words from a small vocabulary.
 */

import { TextStats } from './dom-walk.js';
import { GROUP_FEATURES, groupFeatures } from './groups.js';

/** Words of class and id attributes that name parts of pages (matched as whole tokens). */
const CLASS_VOCAB = [
  'comment',
  'comments',
  'reply',
  'replies',
  'post',
  'posts',
  'thread',
  'topic',
  'forum',
  'message',
  'discussion',
  'author',
  'user',
  'username',
  'avatar',
  'vote',
  'votes',
  'answer',
  'question',
  'quote',
  'signature',
  'product',
  'price',
  'cart',
  'basket',
  'buy',
  'sku',
  'stock',
  'checkout',
  'rating',
  'review',
  'reviews',
  'variant',
  'qty',
  'quantity',
  'gallery',
  'doc',
  'docs',
  'documentation',
  'sidebar',
  'toc',
  'api',
  'highlight',
  'syntax',
  'code',
  'markdown',
  'admonition',
  'note',
  'warning',
  'card',
  'cards',
  'grid',
  'item',
  'items',
  'tile',
  'listing',
  'list',
  'result',
  'results',
  'pagination',
  'pager',
  'filter',
  'filters',
  'facet',
  'sort',
  'category',
  'breadcrumb',
  'breadcrumbs',
  'hero',
  'cta',
  'service',
  'services',
  'pricing',
  'contact',
  'testimonial',
  'testimonials',
  'feature',
  'features',
  'team',
  'faq',
  'article',
  'entry',
  'content',
  'body',
  'story',
  'byline',
  'share',
  'tags',
  'related',
  'newsletter',
  'blog',
  'news',
  'date',
  'meta',
  'excerpt',
  'teaser',
  'summary',
  'title',
  'btn',
  'button',
  'form',
  'search',
  'menu',
  'nav',
  'footer',
  'header',
  'widget',
  'banner',
  'slider',
  'carousel',
  'modal',
  'popup',
] as const;

/** Words of URL paths that name kinds of pages. */
const URL_VOCAB = [
  'forum',
  'forums',
  'thread',
  'threads',
  'topic',
  'topics',
  't',
  'discussion',
  'discussions',
  'community',
  'questions',
  'q',
  'board',
  'viewtopic',
  'showthread',
  'product',
  'products',
  'p',
  'dp',
  'shop',
  'store',
  'item',
  'buy',
  'docs',
  'doc',
  'documentation',
  'api',
  'reference',
  'guide',
  'guides',
  'manual',
  'learn',
  'tutorial',
  'tutorials',
  'help',
  'kb',
  'wiki',
  'category',
  'categories',
  'collections',
  'collection',
  'tag',
  'tags',
  'archive',
  'search',
  'list',
  'page',
  'blog',
  'news',
  'article',
  'articles',
  'story',
  'stories',
  'post',
  'posts',
  'services',
  'service',
  'solutions',
  'about',
  'contact',
  'pricing',
  'features',
  'industries',
  'en',
] as const;

const LD_GROUPS: Array<[string, RegExp]> = [
  [
    'ld-article',
    /^(?:article|newsarticle|blogposting|reportagenewsarticle|opinionnewsarticle|analysisnewsarticle|liveblogposting|scholarlyarticle|report)$/,
  ],
  ['ld-forum', /^(?:discussionforumposting|qapage|question|answer|comment|socialmediaposting)$/],
  ['ld-product', /^(?:product|offer|aggregateoffer|productgroup|individualproduct|productmodel|vehicle|car)$/],
  ['ld-collection', /^(?:itemlist|collectionpage|searchresultspage|offercatalog|listitem)$/],
  ['ld-docs', /^(?:techarticle|apireference|softwaresourcecode|howto|softwareapplication)$/],
  [
    'ld-service',
    /^(?:service|localbusiness|professionalservice|organization|corporation|faqpage|contactpage|aboutpage|event|course|jobposting|place|restaurant|store|medicalorganization)$/,
  ],
  ['ld-webpage', /^(?:webpage|website)$/],
  ['ld-breadcrumb', /^breadcrumblist$/],
  ['ld-review', /^(?:review|aggregaterating|rating)$/],
  ['ld-person', /^(?:person|profilepage)$/],
];

const GENERATOR_GROUPS: Array<[string, RegExp]> = [
  [
    'gen-forum',
    /discourse|phpbb|vbulletin|xenforo|invision|ips community|mybb|smf|nodebb|flarum|vanilla|discuz|khoros|lithium/i,
  ],
  [
    'gen-docs',
    /docusaurus|sphinx|mkdocs|gitbook|hugo|jekyll|vitepress|vuepress|readthedocs|antora|nextra|mintlify|docfx|doxygen|javadoc/i,
  ],
  ['gen-shop', /shopify|woocommerce|magento|prestashop|bigcommerce|opencart|shopware|salesforce commerce/i],
  ['gen-cms', /wordpress|drupal|joomla|ghost|typo3|squarespace|wix|webflow|hubspot/i],
];

const OG_TYPES = ['article', 'product', 'website', 'profile', 'video', 'book'] as const;

const PRICE = /(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|usd|eur|gbp|chf|kr|zł|руб))/gi;
const DATE_IN_PATH = /\/(?:19|20)\d\d(?:[/-](?:0?[1-9]|1[0-2]))?(?:[/-]|$)/;

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
] as const;

/** Words that mark the chrome of a kind of page, counted per 1000 words of the page's text. */
const WORD_GROUPS: Array<[string, RegExp]> = [
  [
    'words-forum',
    /\b(?:repl(?:y|ies)|quote|posts?|joined|wrote|said|registered|thread|answered|asked|upvotes?|votes?|members?|antworten|beiträge|beitrag|zitat|zitieren|mitglied|registriert|réponses?|répondre|respuestas?|responder|risposte|odpowiedzi)\b/giu,
  ],
  [
    'words-shop',
    /\b(?:add to (?:cart|bag|basket)|in stock|out of stock|buy now|free (?:shipping|delivery|returns)|sku|warenkorb|lieferzeit|versandkostenfrei|auf lager|panier|en stock|carrito|envío|carrello|spedizione)\b/giu,
  ],
  [
    'words-service',
    /\b(?:contact us|get (?:a|your) (?:free )?(?:quote|estimate)|get started|book (?:a|an|now|your)|our (?:services|team|clients|experts)|request a|call (?:us|now)|free consultation|schedule a|kontaktieren sie uns|unsere leistungen|contactez-nous|contáctenos)\b/giu,
  ],
  [
    'words-listing',
    /\b(?:read more|continue reading|weiterlesen|mehr lesen|lire la suite|leer más|leggi tutto|load more|show more|next page|previous page|older posts|newer posts|page \d+ of \d+|results?)\b/giu,
  ],
  [
    'words-docs',
    /\b(?:parameters?|returns?|arguments?|syntax|usage|installation|install|example|examples|default|deprecated|configuration|function|method|namespace|endpoint)\b/giu,
  ],
];

const URL_FEATURES = [
  'url-depth',
  'url-home',
  'url-date',
  'url-numeric-segment',
  'url-long-numeric',
  'url-html-ext',
  'url-query',
  'url-last-words',
  'url-last-hyphens',
  'url-subdomain-forum',
  'url-subdomain-docs',
  'url-subdomain-shop',
] as const;

/** Every feature name, in the order of the values. */
export const PAGE_FEATURE_NAMES: readonly string[] = [
  ...TEXT_FEATURES,
  ...TAG_COUNTS.map((t) => `tag-${t}`),
  ...TAG_COUNTS.map((t) => `tag-${t}-per-1000-words`),
  ...REPEAT_FEATURES,
  ...GROUP_FEATURES,
  ...WORD_GROUPS.map(([name]) => name),
  ...CLASS_VOCAB.map((t) => `class-${t}`),
  ...LD_GROUPS.map(([name]) => name),
  ...OG_TYPES.map((t) => `og-${t}`),
  ...GENERATOR_GROUPS.map(([name]) => name),
  ...URL_FEATURES,
  ...URL_VOCAB.map((t) => `url-${t}`),
];

const BLOCKISH = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'td', 'th', 'blockquote', 'dd', 'dt']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);
const CLASS_INDEX = new Map<string, number>(CLASS_VOCAB.map((t, i) => [t, i]));
const URL_INDEX = new Map<string, number>(URL_VOCAB.map((t, i) => [t, i]));
const TAG_INDEX = new Map<string, number>(TAG_COUNTS.map((t, i) => [t, i]));

/** The features of a parsed page, in the order of PAGE_FEATURE_NAMES. */
export function pageFeatures(document: Document, url: string | null): number[] {
  const body = document.body ?? document.documentElement;
  const tagCounts = new Array<number>(TAG_COUNTS.length).fill(0);
  const classCounts = new Array<number>(CLASS_VOCAB.length).fill(0);
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

  const stats = new TextStats();
  const elementText = (el: Element) => stats.of(el);
  const info = body ? elementText(body) : null;
  const totalChars = info ? info.chars : 0;
  const linkChars = info ? info.linkChars : 0;
  const text = body ? (body.textContent ?? '') : '';
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

  const ldTexts: string[] = [];
  const metas: Element[] = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag)) {
      if (tag === 'script' && /ld\+json/i.test(el.getAttribute('type') ?? '')) ldTexts.push(el.textContent ?? '');
      return;
    }
    if (tag === 'meta') metas.push(el);
    elements++;
    const tagIndex = TAG_INDEX.get(tag);
    if (tagIndex !== undefined) tagCounts[tagIndex]!++;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
    if (cls.length > 1) {
      for (const token of cls.split(/[^a-z0-9]+/)) {
        if (token.length < 2 || /^\d+$/.test(token)) continue;
        const v = CLASS_INDEX.get(token);
        if (v !== undefined) classCounts[v]!++;
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
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, depth + 1);
  };
  if (body) walk(body, 0);
  // The head: metadata and JSON-LD (scripts in the body were seen by the walk).
  const head = document.head;
  if (head && head !== body) {
    for (let c = head.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.localName.toLowerCase();
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
    ...tagCounts.map((n) => Math.log1p(n)),
    ...tagCounts.map((n) => Math.log1p(per1000(n))),
    Math.log1p(maxRepeat),
    share(maxRepeatChars),
    maxRepeatChars > 0 ? maxRepeatLinkChars / maxRepeatChars : 0,
    maxRepeat > 0 ? Math.log1p(maxRepeatChars / 6 / maxRepeat) : 0,
    Math.log1p(repeatGroups5),
    share(repeatCharsAll),
    Math.log1p(maxRepeatWithTime),
    ...(body ? groupFeatures(body, stats) : new Array<number>(GROUP_FEATURES.length).fill(0)),
    ...WORD_GROUPS.map(([, re]) => Math.log1p(per1000((text.match(re) ?? []).length))),
    ...classCounts.map((n) => Math.log1p(n)),
    ...ldFeatures(ldTexts),
    ...ogFeatures(metas),
    ...generatorFeatures(metas),
    ...urlFeatures(url),
  ];
  return values;
}

function ldFeatures(scripts: string[]): number[] {
  const out = new Array<number>(LD_GROUPS.length).fill(0);
  for (const raw of scripts) {
    const types: string[] = [];
    for (const m of raw.matchAll(/"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g)) {
      for (const t of m[1]!.matchAll(/"([^"]+)"/g)) types.push(t[1]!.replace(/^.*[/#]/, '').toLowerCase());
    }
    for (const t of types) {
      LD_GROUPS.forEach(([, re], i) => {
        if (re.test(t)) out[i] = 1;
      });
    }
  }
  return out;
}

function metaContent(metas: Element[], names: string[]): string {
  for (const meta of metas) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (names.includes(key)) return (meta.getAttribute('content') ?? '').toLowerCase().trim();
  }
  return '';
}

function ogFeatures(metas: Element[]): number[] {
  const og = metaContent(metas, ['og:type']);
  return OG_TYPES.map((t) => (og === t || og.startsWith(`${t}.`) || og.startsWith(`${t}:`) ? 1 : 0));
}

function generatorFeatures(metas: Element[]): number[] {
  const generator = metaContent(metas, ['generator']);
  return GENERATOR_GROUPS.map(([, re]) => (generator && re.test(generator) ? 1 : 0));
}

function urlFeatures(url: string | null): number[] {
  const fixed = new Array<number>(URL_FEATURES.length).fill(0);
  const vocab = new Array<number>(URL_VOCAB.length).fill(0);
  let parsed: URL | null;
  try {
    parsed = url ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (parsed) {
    const path = decodeURIComponentSafe(parsed.pathname).toLowerCase();
    const segments = path.split('/').filter(Boolean);
    const last = segments[segments.length - 1] ?? '';
    const host = parsed.hostname.toLowerCase();
    const sub = host.split('.').slice(0, -2).join('.');
    fixed[0] = Math.min(8, segments.length) / 4;
    fixed[1] = segments.length === 0 ? 1 : 0;
    fixed[2] = DATE_IN_PATH.test(path) ? 1 : 0;
    fixed[3] = segments.some((s) => /^\d+$/.test(s)) ? 1 : 0;
    fixed[4] = /\d{5,}/.test(path) ? 1 : 0;
    fixed[5] = /\.(?:s?html?|php|aspx?|jsp)$/.test(last) ? 1 : 0;
    fixed[6] = parsed.search.length > 1 ? 1 : 0;
    fixed[7] = Math.min(20, last.split(/[-_.]+/).filter((w) => /\p{L}/u.test(w)).length) / 10;
    fixed[8] = Math.min(20, (last.match(/-/g) ?? []).length) / 10;
    fixed[9] = /(?:^|\.)(?:forums?|community|discuss|discussions|board|boards|talk)(?:\.|$)/.test(sub) ? 1 : 0;
    fixed[10] = /(?:^|\.)(?:docs?|developers?|dev|api|learn|help|support|wiki|kb)(?:\.|$)/.test(sub) ? 1 : 0;
    fixed[11] = /(?:^|\.)(?:shop|store)(?:\.|$)/.test(sub) ? 1 : 0;
    for (const segment of segments) {
      for (const word of segment.split(/[^\p{L}\p{N}]+/u)) {
        if (!word) continue;
        const v = URL_INDEX.get(word);
        if (v !== undefined) vocab[v] = 1;
      }
    }
  }
  return [...fixed, ...vocab];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
