import { tryCanonicalizeUrl } from '@corpuskit/document';
import type { MetadataField } from '@corpuskit/document';

import { isAfterFetch, parseDate } from './dates.js';
import { normalizeLanguageTag } from './language.js';
import { compileGroups, elementsByTag, matchGroups } from './selector-match.js';
import { squash, words, wordsFoundIn } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** Metadata read from the page before any rule touches it. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  description: string | null;
  declaredLanguage: string | null;
  /** Every description the page gives (meta tags, JSON-LD), for finding a visible lead. */
  descriptions: string[];
  /**
   * The JSON-LD Product's description (at least 60 characters): the product's own text, looked for
   * in a product page's panels only (a review article may show it in a sidebar's buy box).
   */
  productDescription: string | null;
  /**
   * The page's JSON-LD declares a news or blog article (`Article`, `NewsArticle`, `BlogPosting`
   * and their kinds; not a `WebPage`, a `CreativeWork`, a recipe or a review): the page is one
   * story, however short, not a listing of them. `og:type` is not read: site builders give
   * `article` to every page, the archives and listings too.
   */
  declaresArticle: boolean;
  sources: Partial<Record<MetadataField, string>>;
  /** Candidate dates from `<time>` elements inside the article (kept for after Readability). */
  warnings: string[];
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'report',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'scholarlyarticle',
  'techarticle',
  'liveblogposting',
  'socialmediaposting',
  'discussionforumposting',
  'medicalscholarlyarticle',
  'review',
  'recipe',
  'howto',
  'satiricalarticle',
  'advertisercontentarticle',
  'askpublicquestion',
  'creativework',
]);
/** The JSON-LD types of one story (declaresArticle). */
const STORY_TYPES = /^(?:\w*article|blogposting|liveblogposting|report)$/;
/** …unless it also declares a listing (a collection page whose parts are articles). */
const LISTING_TYPES = new Set(['collectionpage', 'searchresultspage', 'itemlist']);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'aboutpage', 'profilepage', 'qapage', 'faqpage']);

type Json = Record<string, unknown>;

function types(node: Json): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase().replace(/^.*[/#]/, ''));
}

/** Every object in a JSON-LD value: arrays, `@graph`, nested `mainEntity`/`mainEntityOfPage`. */
function flatten(value: unknown, out: Json[], depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
    return;
  }
  const node = value as Json;
  out.push(node);
  if (node['@graph']) flatten(node['@graph'], out, depth + 1);
  for (const key of ['mainEntity', 'mainEntityOfPage', 'hasPart']) {
    const child = node[key];
    if (child && typeof child === 'object') flatten(child, out, depth + 1);
  }
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return squash(decodeEntities(value)) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === 'object') {
    const node = value as Json;
    return stringOf(node.name ?? node['@value'] ?? null);
  }
  return null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&nbsp;/g, ' ');
}

function personNames(value: unknown, byId: Map<string, Json>, reference: string | null): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      if (!/^https?:\/\//.test(item)) names.push(...splitNames(squash(item), reference));
    } else if (item && typeof item === 'object') {
      let node = item as Json;
      if (typeof node['@id'] === 'string' && !node.name) node = byId.get(node['@id']) ?? node;
      const name = stringOf(node.name);
      if (name && !/^https?:\/\//.test(name)) names.push(name);
    }
  }
  return unique(names);
}

/** A clock time alone ("14:30", "2.30 pm", "14 Uhr"), or a part with no letters at all. */
const TIME_OR_NUMBERS = /^(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?|[^\p{L}]*)$/iu;

/**
 * The names in a byline or an author field: split at commas, semicolons, "and" (in a few
 * languages) and the separators `|`, `·`, `•`, with a leading "By" dropped. A part that is a date
 * ("12 May 2026", "Updated 12 May 2026, 14:30", "2024年5月2日", read by `parseDate` with the fetch
 * time as reference) or a clock time is the byline's date, not an author.
 */
export function splitNames(value: string, reference: string | null): string[] {
  const cleaned = value.replace(/^(?:by|von|par|por|di|door)\s+/i, '').trim();
  if (cleaned === '') return [];
  return cleaned
    .split(/\s*(?:,|;|\||·|•|\band\b|\bund\b|\bet\b|\by\b)\s*/)
    .map((name) => name.trim())
    .filter((name) => name.length > 1 && name.length < 80)
    .filter((name) => !/\d/.test(name) || !(TIME_OR_NUMBERS.test(name) || parseDate(name, { reference }) !== null));
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SCRIPT_META: ReadonlySet<string> = new Set(['script', 'meta']);

/** The page's `<script>` and `<meta>` elements, each in document order, found in one walk. */
function scriptsAndMetas(document: Document): { scripts: Element[]; metas: Element[] } {
  const scripts: Element[] = [];
  const metas: Element[] = [];
  for (const element of elementsByTag(document, SCRIPT_META)) {
    (lowerCase(element.localName) === 'meta' ? metas : scripts).push(element);
  }
  return { scripts, metas };
}

function readJsonLd(pageScripts: Element[], warnings: string[]): Json[] {
  const nodes: Json[] = [];
  // `script[type="application/ld+json"]` (the type compared without case, as selectors do in HTML).
  const scripts = pageScripts.filter((script) => script.getAttribute('type')?.toLowerCase() === 'application/ld+json');
  for (const script of scripts) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (raw === '') continue;
    try {
      flatten(JSON.parse(raw), nodes);
    } catch {
      try {
        // Control characters inside strings are a common fault of hand-made JSON-LD.
        // eslint-disable-next-line no-control-regex -- control characters are what is being removed
        flatten(JSON.parse(raw.replace(/[\u0000-\u001F]+/g, ' ')), nodes);
      } catch (error) {
        warnings.push(
          `invalid JSON-LD ignored (${error instanceof Error ? error.message.slice(0, 80) : 'parse error'})`,
        );
      }
    }
  }
  return nodes;
}

/** `meta` values by lower-cased name/property/itemprop, first occurrence wins. */
function readMeta(metas: Element[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of metas) {
    const content = meta.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute);
      if (!key) continue;
      for (const name of key.toLowerCase().split(/\s+/)) {
        if (!values.has(name)) values.set(name, squash(content));
      }
    }
  }
  return values;
}

interface Picked {
  value: string;
  source: string;
}

function firstMeta(
  meta: Map<string, string>,
  names: string[],
  accept: (value: string) => boolean = () => true,
): Picked | null {
  for (const name of names) {
    const value = meta.get(name);
    if (value && accept(value)) return { value, source: `meta[${name}]` };
  }
  return null;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'published_time',
  'article.published',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'dc.date.created',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'originalpublicationdate',
  'article_date_original',
  'cxenseparse:recs:publishtime',
  'displaydate',
  'citation_publication_date',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'datemodified',
  'modified_time',
  'article.updated',
  'last-modified',
  'dcterms.modified',
  'dc.date.modified',
  'lastmod',
  'revised',
];

/** A product's JSON-LD description when it is at least 60 characters, as `descriptions` holds them. */
function productDescriptionOf(product: Json | null): string | null {
  const description = stringOf(product?.description);
  return description !== null && description.length >= 60 ? description : null;
}

/** Read the page's own metadata: JSON-LD (arrays and @graph), meta tags, links, `<html lang>`. */
export function readPageMetadata(
  document: Document,
  options: { url: string | null; fetchedAt: string | null },
): PageMetadata {
  const warnings: string[] = [];
  const sources: Partial<Record<MetadataField, string>> = {};
  const { scripts, metas } = scriptsAndMetas(document);
  const nodes = readJsonLd(scripts, warnings);
  const byId = new Map<string, Json>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPES.has(type))) ?? null;
  const page = nodes.find((node) => types(node).some((type) => PAGE_TYPES.has(type))) ?? null;
  const website = nodes.find((node) => types(node).includes('website')) ?? null;
  // A shop's product: its description is the product's own text (see productDescription).
  const product = nodes.find((node) => types(node).includes('product')) ?? null;
  const main = article ?? page;
  const meta = readMeta(metas);

  const pick = (field: MetadataField, ...candidates: Array<Picked | null>): string | null => {
    for (const candidate of candidates) {
      if (candidate && candidate.value.trim() !== '') {
        sources[field] = candidate.source;
        return candidate.value;
      }
    }
    return null;
  };
  const fromLd = (value: unknown): Picked | null => {
    const text = stringOf(value);
    return text ? { value: text, source: 'json-ld' } : null;
  };

  const titleElement = squash(document.querySelector('title')?.textContent ?? '');
  const title = pick(
    'title',
    fromLd(ldTitle(main, article !== null, titleElementText(document))),
    firstMeta(meta, [
      'dc:title',
      'dc.title',
      'dcterm:title',
      'dcterms.title',
      'og:title',
      'twitter:title',
      'parsely-title',
      'sailthru.title',
      'headline',
    ]),
    titleElement ? { value: titleElement, source: 'title-element' } : null,
  );

  // Authors: JSON-LD, then meta tags (not profile URLs), then byline markup.
  let authors: string[] = [];
  if (main?.author !== undefined) {
    authors = personNames(main.author, byId, options.fetchedAt);
    if (authors.length > 0) sources.authors = 'json-ld';
  }
  if (authors.length === 0) {
    const fromMeta = firstMeta(
      meta,
      [
        'dc:creator',
        'dc.creator',
        'dcterm:creator',
        'dcterms.creator',
        'author',
        'parsely-author',
        'article:author',
        'sailthru.author',
        'byl',
        'twitter:creator:name',
      ],
      (value) => !/^https?:\/\//.test(value) && !value.startsWith('@'),
    );
    if (fromMeta) {
      authors = splitNames(fromMeta.value, options.fetchedAt);
      if (authors.length > 0) sources.authors = fromMeta.source;
    }
  }
  if (authors.length === 0) {
    // The first element of each selector, all found in one walk (`querySelector` for each).
    const found = matchGroups(document, AUTHOR_SELECTORS).map((hits) => hits[0]?.element ?? null);
    for (const [index, selector] of AUTHOR_SELECTOR_LIST.entries()) {
      const element = found[index] ?? null;
      const text = element ? squash(element.textContent ?? '') : '';
      if (text && text.length < 100) {
        authors = splitNames(text, options.fetchedAt);
        if (authors.length > 0) {
          sources.authors = `element(${selector})`;
          break;
        }
      }
    }
  }
  const byline = authors.length > 0 ? authors.join(', ') : null;
  if (byline && sources.authors) sources.byline = sources.authors;

  const dateOf = (field: 'publishedAt' | 'modifiedAt', candidates: Array<Picked | null>): string | null => {
    for (const candidate of candidates) {
      if (!candidate) continue;
      const parsed = parseDate(candidate.value, { reference: options.fetchedAt });
      if (!parsed) continue;
      if (isAfterFetch(parsed, options.fetchedAt)) {
        warnings.push(`${field} ${parsed} from ${candidate.source} is after the fetch time; ignored`);
        continue;
      }
      sources[field] = candidate.source;
      return parsed;
    }
    return null;
  };
  const metaDates = (names: string[]) => names.map((name) => firstMeta(meta, [name]));
  const publishedAt = dateOf('publishedAt', [
    fromLd(main?.datePublished ?? article?.dateCreated),
    ...metaDates(PUBLISHED_META),
  ]);
  const modifiedAt = dateOf('modifiedAt', [fromLd(main?.dateModified), ...metaDates(MODIFIED_META)]);

  const publisher = main?.publisher ? stringOf(main.publisher) : null;
  const siteName = pick(
    'siteName',
    firstMeta(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site:name']),
    publisher ? { value: publisher, source: 'json-ld' } : null,
    fromLd(website?.name),
  );

  const base = options.url ?? undefined;
  const absolute = (href: string | null | undefined): string | null => {
    if (!href) return null;
    try {
      const url = new URL(href.trim(), base);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
      return tryCanonicalizeUrl(url.href) ?? url.href;
    } catch {
      return null;
    }
  };
  const canonicalLink = absolute(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'));
  const ogUrl = absolute(meta.get('og:url'));
  const ldUrl = absolute(
    stringOf(main?.url) ?? (typeof main?.mainEntityOfPage === 'string' ? main.mainEntityOfPage : null),
  );
  const canonicalUrl = pick(
    'canonicalUrl',
    canonicalLink ? { value: canonicalLink, source: 'link[rel=canonical]' } : null,
    ogUrl ? { value: ogUrl, source: 'meta[og:url]' } : null,
    ldUrl ? { value: ldUrl, source: 'json-ld' } : null,
  );

  const description = pick(
    'description',
    firstMeta(meta, ['og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.abstract']),
    fromLd(main?.description),
  );

  const html = document.documentElement;
  const declared = (
    [
      { value: html?.getAttribute('lang') ?? html?.getAttribute('xml:lang'), source: 'html[lang]' },
      { value: meta.get('content-language') ?? null, source: 'meta[http-equiv=content-language]' },
      { value: meta.get('og:locale') ?? null, source: 'meta[og:locale]' },
      { value: stringOf(main?.inLanguage), source: 'json-ld' },
    ] as Array<{ value: string | null | undefined; source: string }>
  )
    .map((candidate) => ({ value: normalizeLanguageTag(candidate.value), source: candidate.source }))
    .find((candidate) => candidate.value !== null);
  if (declared) sources.language = declared.source;

  return {
    title: title ? decodeEntities(title) : null,
    byline,
    authors,
    publishedAt,
    modifiedAt,
    siteName,
    canonicalUrl,
    description,
    declaredLanguage: declared?.value ?? null,
    declaresArticle:
      nodes.some((node) => types(node).some((type) => STORY_TYPES.test(type))) &&
      !nodes.some((node) => types(node).some((type) => LISTING_TYPES.has(type))),
    descriptions: [
      ...new Set(
        [
          meta.get('og:description'),
          meta.get('description'),
          meta.get('twitter:description'),
          stringOf(main?.description),
        ].filter((value): value is string => typeof value === 'string' && value.length >= 60),
      ),
    ],
    productDescription: productDescriptionOf(product),
    sources,
    warnings,
  };
}

function titleElementText(document: Document): string {
  return squash(document.querySelector('title')?.textContent ?? '');
}

/**
 * The JSON-LD title: `headline`, or `name` for articles. When both are given and differ
 * (some sites put a description in one of them), the one closer to `<title>` wins.
 */
function ldTitle(node: Json | null, isArticle: boolean, titleText: string): string | null {
  if (!node) return null;
  const headline = stringOf(node.headline);
  const name = isArticle ? stringOf(node.name) : null;
  if (!headline || !name || headline === name) return headline ?? name;
  const target = words(titleText);
  const overlap = (text: string) => {
    const own = words(text);
    return own.size === 0 ? 0 : wordsFoundIn(own, target) / own.size;
  };
  return overlap(name) > overlap(headline) ? name : headline;
}

/** Elements that name the author, in order of trust (each a group of one selector). */
const AUTHOR_SELECTOR_LIST = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  'a[rel="author"]',
  '.byline .author',
  '.byline',
  '.author-name',
  '.article-author',
  '.author',
];
const AUTHOR_SELECTORS = compileGroups(AUTHOR_SELECTOR_LIST.map((selector) => [selector]));

/**
 * A publication date from a `<time>` element inside the article (never elsewhere on the
 * page, where sidebars list other articles' dates).
 */
export function timeElementDate(articleRoots: ParentNode[], fetchedAt: string | null): string | null {
  for (const root of articleRoots) {
    const times = Array.from(root.querySelectorAll('time[datetime], time[pubdate], [itemprop="datePublished"]'));
    const preferred =
      times.find(
        (time) =>
          time.getAttribute('itemprop') === 'datePublished' ||
          time.hasAttribute('pubdate') ||
          /publish|posted|entry-date/i.test(time.getAttribute('class') ?? ''),
      ) ?? times[0];
    if (!preferred) continue;
    const parsed = parseDate(
      preferred.getAttribute('datetime') ?? preferred.getAttribute('content') ?? preferred.textContent,
      { reference: fetchedAt },
    );
    if (parsed && !isAfterFetch(parsed, fetchedAt)) return parsed;
  }
  return null;
}
