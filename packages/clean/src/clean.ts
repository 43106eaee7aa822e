import { performance } from 'node:perf_hooks';

import { Readability } from '@mozilla/readability';
import { SCHEMA_VERSION, emptyMetadata, hostOf, normalizeText, sha256 } from '@corpuskit/document';
import type {
  CleanDocument,
  DocumentMetadata,
  DocumentStatus,
  EncodingSource,
  Removal,
  StatusReason,
} from '@corpuskit/document';

import { detectBinary } from './binary.js';
import { extractBlocks } from './blocks.js';
import type { Block } from './blocks.js';
import { decodeBytes, headerValue } from './decode.js';
import { ENGINES, flattenMarkup, nestingDepth, parseHtml, stripScriptsAndStyles } from './dom.js';
import type { EngineName } from './dom.js';
import { applyDomRules, captionShare } from './dom-rules.js';
import type { DomRuleContext, PendingRemoval } from './dom-rules.js';
import { cleanError } from './errors.js';
import { detectLanguage } from './language.js';
import { textToMarkdown, toMarkdown } from './markdown.js';
import { readPageMetadata, timeElementDate } from './metadata.js';
import type { PageMetadata } from './metadata.js';
import { CLEANER_VERSION, RULE_PACK_HASH } from './rules.js';
import { siteRulesFor } from './site-rules.js';
import type { SiteRules } from './site-rules.js';
import { applyTextRules } from './text-rules.js';
import type { TextRemoval } from './text-rules.js';
import { endsLikeSentence, squash, wordCount } from './text-util.js';

export interface CleanOptions {
  /** The page's URL: resolves relative links, picks per-site rules, is recorded in provenance. */
  url?: string | null;
  /** ISO 8601 fetch time: recorded, and dates after it are rejected. */
  fetchedAt?: string | null;
  /** HTTP response headers saved with the page (`content-type` charset is used for decoding). */
  headers?: Record<string, string | string[] | undefined>;
  /** The input's path or name as given, for provenance and error subjects. */
  source?: string | null;
  /** Keep or drop figure captions (default `drop`); image credits are always dropped. */
  captions?: 'keep' | 'drop';
  /** Categories (or rule ids) not applied: their blocks stay in the text. */
  disabledCategories?: string[];
  /** Per-site rules (see `loadSiteRules`). Its `disabledCategories` add to the option above. */
  siteRules?: SiteRules;
  /** Lines the ingest step found repeated across this site's pages: line -> page count. */
  repeatedLines?: ReadonlyMap<string, number> | Record<string, number>;
  /** DOM engine for HTML (default `linkedom`). */
  engine?: EngineName;
  /** Per-document time limit in milliseconds (default 30 000), checked between stages. */
  timeoutMs?: number;
  /** Largest input accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** For plain-text input: the title when the caller knows it (else the first line may be taken). */
  title?: string | null;
}

export const DEFAULT_ENGINE: EngineName = 'linkedom';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Fewer words than this in the text: status `short`. */
export const SHORT_WORDS = 80;
/** Fewer words than this: status `not-article`. */
export const NOT_ARTICLE_WORDS = 15;
/** Deeper markup is flattened before parsing (DOM engines and Readability recurse). */
export const MAX_DEPTH = 400;
/** Pages with more elements skip Readability: the article is taken from the whole body. */
export const MAX_READABILITY_ELEMENTS = 60_000;
/** Larger prepared markup is parsed with linkedom even when jsdom was asked for (with a warning). */
export const JSDOM_MAX_CHARS = 8_000_000;

interface Resolved {
  url: string | null;
  fetchedAt: string | null;
  source: string | null;
  captions: 'keep' | 'drop';
  disabled: Set<string>;
  siteRules: SiteRules | undefined;
  repeated: Map<string, number>;
  engine: EngineName;
  timeoutMs: number;
  maxBytes: number;
  contentType: string | null;
  title: string | null;
}

function resolveOptions(options: CleanOptions): Resolved {
  const source = options.source ?? null;
  const bad = (message: string) => cleanError('clean.bad-option', message, source);
  const captions = options.captions ?? 'drop';
  if (captions !== 'keep' && captions !== 'drop')
    throw bad(`captions must be 'keep' or 'drop' (got '${String(captions)}')`);
  const engine = options.engine ?? DEFAULT_ENGINE;
  if (!ENGINES.includes(engine)) throw bad(`engine must be one of ${ENGINES.join(', ')} (got '${String(engine)}')`);
  let fetchedAt: string | null = null;
  if (options.fetchedAt) {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(options.fetchedAt) ? options.fetchedAt : `${options.fetchedAt}Z`;
    const ms = Date.parse(withZone);
    if (!Number.isFinite(ms)) throw bad(`fetchedAt is not an ISO 8601 time (got '${options.fetchedAt}')`);
    fetchedAt = new Date(ms).toISOString();
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw bad('timeoutMs must be a positive number');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(maxBytes > 0)) throw bad('maxBytes must be a positive number');
  const repeated = new Map<string, number>();
  const entries =
    options.repeatedLines instanceof Map ? [...options.repeatedLines] : Object.entries(options.repeatedLines ?? {});
  for (const [line, count] of entries) {
    const key = normalizeText(line);
    if (key !== '') repeated.set(key, Math.max(count, repeated.get(key) ?? 0));
  }
  return {
    url: options.url ?? null,
    fetchedAt,
    source,
    captions,
    disabled: new Set([...(options.disabledCategories ?? []), ...(options.siteRules?.disabledCategories ?? [])]),
    siteRules: options.siteRules,
    repeated,
    engine,
    timeoutMs,
    maxBytes,
    contentType: headerValue(options.headers, 'content-type'),
    title: options.title ?? null,
  };
}

class Deadline {
  private readonly end: number;
  constructor(
    private readonly ms: number,
    private readonly source: string | null,
  ) {
    this.end = performance.now() + ms;
  }
  check(stage: string): void {
    if (performance.now() > this.end) {
      throw cleanError('clean.timeout', `cleaning took longer than ${this.ms} ms (stopped at ${stage})`, this.source, {
        details: { timeoutMs: this.ms, stage },
      });
    }
  }
}

interface Pipeline {
  title: string | null;
  blocks: Block[];
  markdown: string;
  removals: Removal[];
  metadata: DocumentMetadata;
  reasons: StatusReason[];
  notArticle: boolean;
  engine: string;
  visibleChars: number;
}

/**
 * Clean a saved page (bytes, or an already decoded string) into a CleanDocument. Plain
 * text (by Content-Type or by content) goes through the text rules only.
 */
export async function clean(input: Uint8Array | string, options: CleanOptions = {}): Promise<CleanDocument> {
  const resolved = resolveOptions(options);
  const deadline = new Deadline(resolved.timeoutMs, resolved.source);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  checkInput(bytes, resolved);
  let text: string;
  let encoding = 'utf-8';
  let encodingSource: EncodingSource = 'string';
  const warnings: string[] = [];
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '');
  } else {
    const decoded = decodeBytes(bytes, resolved.contentType);
    text = decoded.text;
    encoding = decoded.encoding;
    encodingSource = decoded.encodingSource;
    warnings.push(...decoded.warnings);
  }
  if (text.trim() === '') throw cleanError('clean.empty-input', 'the input holds only white space', resolved.source);
  const plain = /^text\/plain\b/i.test(resolved.contentType ?? '') || !looksLikeHtml(text);
  const pipeline = plain ? textPipeline(text, resolved) : await htmlPipeline(text, resolved, warnings, deadline);
  deadline.check('language detection');
  return finish(pipeline, { bytes, encoding, encodingSource, warnings, resolved });
}

/** Clean text that is already plain (a scrape's output): text rules only. */
export async function cleanText(text: string, options: CleanOptions = {}): Promise<CleanDocument> {
  const resolved = resolveOptions(options);
  if (typeof text !== 'string') throw cleanError('clean.bad-option', 'cleanText takes a string', resolved.source);
  const bytes = new TextEncoder().encode(text);
  checkInput(bytes, resolved);
  if (text.trim() === '') throw cleanError('clean.empty-input', 'the input holds only white space', resolved.source);
  return finish(textPipeline(text.replace(/^\uFEFF/, ''), resolved), {
    bytes,
    encoding: 'utf-8',
    encodingSource: 'string',
    warnings: [],
    resolved,
  });
}

function checkInput(bytes: Uint8Array, resolved: Resolved): void {
  if (bytes.length === 0) throw cleanError('clean.empty-input', 'the input is empty (0 bytes)', resolved.source);
  if (bytes.length > resolved.maxBytes) {
    throw cleanError(
      'clean.too-large',
      `the input is ${bytes.length} bytes, more than the limit of ${resolved.maxBytes} bytes`,
      resolved.source,
      {
        details: { bytes: bytes.length, maxBytes: resolved.maxBytes },
      },
    );
  }
  const declaresUtf16 = /charset\s*=\s*"?utf-16/i.test(resolved.contentType ?? '');
  const binary = declaresUtf16 ? null : detectBinary(bytes);
  if (binary)
    throw cleanError('clean.binary-input', `the input is not text but ${binary}`, resolved.source, {
      details: { format: binary },
    });
}

const HTML_HINT =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|span|br|a\s|h[1-6]|table|ul|ol|li|script|link)\b/i;

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536);
  if (!HTML_HINT.test(head)) return false;
  const tags = head.match(/<\/?[a-zA-Z][^>]{0,200}>/g)?.length ?? 0;
  return tags >= 2 || /^\s*</.test(head);
}

// ---------------------------------------------------------------------------------------
// Plain text

const TITLE_SMALL_WORDS = new Set(
  'a an the and or but of in on at to for from by with as is are was be vs via per der die das und oder von im in am zu mit für le la les de des du et un une el los las y del'.split(
    ' ',
  ),
);

/** A first line that reads as a headline: short, no final full stop, most words capitalised. */
function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (line.length > 160 || words.length < 3 || words.length > 24) return false;
  if (/[.,;:]$/.test(line)) return false;
  const content = words.filter(
    (word) => !TITLE_SMALL_WORDS.has(word.toLowerCase()) && word.replace(/\P{L}/gu, '').length >= 3,
  );
  if (content.length === 0) return false;
  const capitalised = content.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  return capitalised / content.length >= 0.75;
}

function textPipeline(text: string, resolved: Resolved): Pipeline {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => squash(line.replace(/[\u00AD\u200B\uFEFF]/g, '')))
    .filter((line) => line !== '');
  const blocks: Block[] = lines.map((line) => ({ text: line, kind: 'p', level: 0, linkChars: 0, nodes: [] }));
  let title = resolved.title;
  let titleSource: string | null = title ? 'option' : null;
  if (!title) {
    const candidate = lines
      .slice(0, 8)
      .find(
        (line) =>
          !/^[\d\s$€£.,%]+$/.test(line) && looksLikeTitle(line) && !/^(?:support|by|von|written by)\b/i.test(line),
      );
    if (candidate) {
      title = candidate;
      titleSource = 'first-line';
    }
  }
  const bylineLine = lines
    .slice(0, 12)
    .find(
      (line) =>
        /^(?:written by|by|von|text:)\s+\p{Lu}/iu.test(line) &&
        line.length < 80 &&
        !endsLikeSentence(line.replace(/\.$/, '')),
    );
  const byline = bylineLine ? bylineLine.replace(/^(?:written by|by|von|text:)\s+/i, '').trim() : null;
  const result = applyTextRules(blocks, {
    title,
    byline,
    captions: resolved.captions,
    disabled: resolved.disabled,
    repeated: resolved.repeated,
    plainText: true,
  });
  const metadata = emptyMetadata();
  if (titleSource) metadata.sources.title = titleSource;
  if (byline) {
    metadata.byline = byline;
    metadata.authors = [byline];
    metadata.sources.byline = 'text-line';
    metadata.sources.authors = 'text-line';
  }
  const removals = placeTextRemovals(result.removals, result.keptIndex, 'text');
  return {
    title,
    blocks: result.kept,
    markdown: textToMarkdown(result.kept.map((block) => block.text)),
    removals,
    metadata,
    reasons: [],
    notArticle: false,
    engine: 'text',
    visibleChars: lines.join(' ').length,
  };
}

function placeTextRemovals(removals: TextRemoval[], keptIndex: number[], stage: 'text'): Removal[] {
  return removals.map((removal) => ({
    category: removal.category,
    rule: removal.rule,
    reason: removal.reason,
    text: removal.text,
    chars: removal.text.length,
    stage,
    position: countBelow(keptIndex, removal.blockIndex),
  }));
}

/** Number of kept blocks whose original index is below `index`. */
function countBelow(keptIndex: number[], index: number): number {
  let count = 0;
  for (const kept of keptIndex) if (kept < index) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------------
// HTML

async function htmlPipeline(
  html: string,
  resolved: Resolved,
  warnings: string[],
  deadline: Deadline,
): Promise<Pipeline> {
  let markup = stripScriptsAndStyles(html);
  const depth = nestingDepth(markup);
  const preReasons: StatusReason[] = [];
  if (depth > MAX_DEPTH) {
    markup = flattenMarkup(markup);
    warnings.push(`elements are nested ${depth} deep; the page was flattened to its paragraphs before parsing`);
    preReasons.push({
      code: 'too-deep',
      message: `elements nested ${depth} deep (more than ${MAX_DEPTH}); structure was dropped`,
    });
  }
  deadline.check('markup preparation');
  const url = resolved.url ?? savedFromUrl(html);
  let engine = resolved.engine;
  if (engine === 'jsdom' && markup.length > JSDOM_MAX_CHARS) {
    engine = 'linkedom';
    warnings.push(
      `the page is ${markup.length} characters after preparation, too large for jsdom in reasonable time and memory; linkedom was used`,
    );
  }
  let page = await parseHtml(markup, engine, url, warnings);
  try {
    deadline.check('DOM parsing');
    let document = page.document;
    const body = document.body ?? document.documentElement;
    if (!body) throw cleanError('clean.dom-failed', 'the page has no body', resolved.source);
    const pageMeta = readPageMetadata(document, { url, fetchedAt: resolved.fetchedAt });
    warnings.push(...pageMeta.warnings);
    const articleRoots = articleRootsOf(document);
    const timeDate = timeElementDate(articleRoots, resolved.fetchedAt);
    const bodyText = squash(body.textContent ?? '');
    const visibleChars = bodyText.length;
    const lead = findLead(body, bodyText, pageMeta.descriptions);

    const site = siteRulesFor(resolved.siteRules, hostOf(url ?? '') ?? hostFromUrl(url));
    const removals: PendingRemoval[] = [];
    const suspicions: string[] = [];
    const context: DomRuleContext = {
      document,
      stage: 'dom-before',
      captions: resolved.captions,
      disabled: resolved.disabled,
      site,
      removals,
      suspicions,
      bodyChars: visibleChars,
    };
    if (context.captions === 'drop' && captionShare(body) > 0.5) {
      context.captions = 'keep';
      warnings.push('captions hold most of the text on this page (a gallery or slideshow); they are kept');
    }
    applyDomRules(context, body);
    deadline.check('DOM rules');

    let root: Element | null = null;
    let readable: ReturnType<Readability<Element>['parse']> = null;
    const reasons: StatusReason[] = [...preReasons];
    if (site?.content) {
      try {
        root = document.querySelector(site.content);
      } catch {
        warnings.push(`per-site content selector '${site.content}' is not valid here`);
      }
      if (!root) warnings.push(`per-site content selector '${site.content}' matched nothing; Readability used`);
    }
    if (!root) {
      try {
        readable = new Readability<Element>(document, {
          keepClasses: true,
          charThreshold: 400,
          // Readability's cost grows faster than the page; beyond this the body is used.
          maxElemsToParse: MAX_READABILITY_ELEMENTS,
          serializer: (node) => node as Element,
        }).parse();
        root = readable?.content ?? null;
      } catch (error) {
        warnings.push(
          `Readability failed (${error instanceof Error ? error.message.slice(0, 120) : String(error)}); the whole body is used`,
        );
      }
    }
    deadline.check('Readability');
    let notArticle = false;
    if (!root || squash(root.textContent ?? '') === '') {
      notArticle = true;
      reasons.push({
        code: 'no-article',
        message: 'no article body was found on the page; the text is what remains of the body',
      });
      // Readability strips the document while it searches: start again from a fresh parse.
      page.close();
      page = await parseHtml(markup, engine, url, []);
      document = page.document;
      context.document = document;
      context.stage = 'dom-before';
      removals.length = 0;
      root = document.body ?? document.documentElement;
      applyDomRules(context, root!);
    }
    context.stage = 'dom-after';
    context.bodyChars = squash(root!.textContent ?? '').length;
    applyDomRules(context, root!);
    deadline.check('DOM rules after Readability');

    // JSON-LD and meta titles are clean; a bare <title> usually carries the site name, which
    // Readability's title heuristics strip.
    const fromTitleElement = pageMeta.sources.title === 'title-element';
    const readableTitle = readable?.title ? squash(readable.title) : null;
    let title: string | null;
    const withoutSite = pageMeta.title ? cleanTitle(pageMeta.title, pageMeta.siteName, null) : null;
    if (pageMeta.title && (!fromTitleElement || !readableTitle || withoutSite !== squash(pageMeta.title))) {
      title = fromTitleElement ? withoutSite : cleanTitle(pageMeta.title, pageMeta.siteName, readableTitle);
    } else {
      title = readableTitle ?? (pageMeta.title ? cleanTitle(pageMeta.title, pageMeta.siteName, null) : null);
      if (readableTitle) pageMeta.sources.title = 'readability';
    }
    const byline = pageMeta.byline ?? readableByline(readable?.byline ?? null);
    const blocks = extractBlocks(root!, removals);
    const result = applyTextRules(blocks, {
      title,
      byline,
      captions: context.captions,
      disabled: resolved.disabled,
      repeated: resolved.repeated,
      plainText: false,
    });
    deadline.check('text rules');
    if (lead && !notArticle) addLead(lead, result, blocks);
    const markdownBody = markdownOf(document, root!, blocks, result.keptIndex, result.kept);
    const markdown = result.keptIndex[0] === -1 ? `${result.kept[0]!.text}\n\n${markdownBody}` : markdownBody;
    deadline.check('markdown');

    const placed: Removal[] = removals.map((removal) => ({
      category: removal.category,
      rule: removal.rule,
      reason: removal.reason,
      text: removal.text,
      chars: removal.text.length,
      stage: removal.stage,
      ...(removal.blockIndex === undefined ? {} : { position: countBelow(result.keptIndex, removal.blockIndex) }),
    }));
    placed.push(...placeTextRemovals(result.removals, result.keptIndex, 'text'));
    for (const message of suspicions) reasons.push({ code: 'large-removal', message });

    const metadata = buildMetadata(pageMeta, readable, timeDate, byline);
    return {
      title,
      blocks: result.kept,
      markdown,
      removals: placed,
      metadata,
      reasons,
      notArticle,
      engine,
      visibleChars,
    };
  } finally {
    page.close();
  }
}

/**
 * `article, [itemprop="articleBody"], main, [role="main"]` in document order, by one walk
 * (a selector list through linkedom's matcher cost a few per cent of the cleaning time).
 */
function articleRootsOf(document: Document): Element[] {
  const out: Element[] = [];
  const walk = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.localName.toLowerCase();
      if (
        tag === 'article' ||
        tag === 'main' ||
        child.getAttribute('itemprop') === 'articleBody' ||
        child.getAttribute('role') === 'main'
      )
        out.push(child);
      if (tag !== 'template') walk(child);
    }
  };
  walk(document);
  return out;
}

/**
 * The visible lead paragraph: the page's description when it is also shown on the page
 * (a standfirst above the body, which Readability often leaves out). Null when the
 * description is short or not shown.
 */
function findLead(body: Element, bodyText: string, descriptions: string[]): string | null {
  for (const description of descriptions) {
    const probe = squash(description.replace(/(?:\.\.\.|…)$/, '')).slice(0, 60);
    if (!bodyText.includes(probe)) continue;
    for (const selector of ['p', 'h2, h3, strong, b', 'div, span, section, header']) {
      for (const element of Array.from(body.querySelectorAll(selector))) {
        const text = squash(element.textContent ?? '');
        if (text.length < probe.length || text.length > Math.max(description.length * 1.6, 400)) continue;
        if (text.startsWith(probe)) return text;
      }
    }
  }
  // A standfirst marked up as such next to the headline.
  const h1 = body.querySelector('h1');
  if (!h1) return null;
  for (const element of Array.from(body.querySelectorAll('p, div'))) {
    if (!LEAD_CLASS.test(element.getAttribute('class') ?? '')) continue;
    const text = squash(element.textContent ?? '');
    if (text.length < 80 || text.length > 600 || !endsLikeSentence(text)) continue;
    const parent = element.parentElement;
    if (parent && (parent.contains(h1) || parent.parentElement?.contains(h1))) return text;
  }
  return null;
}

const LEAD_CLASS =
  /(?:^|[\s_-])(?:teaser|lead|lede|intro|standfirst|summary|excerpt|subtitle|subheadline|dek|deck|abstract|vorspann|chapeau|bajada|entradilla|sottotitolo)(?:$|[\s_-])/i;

/** Put the lead in front of the text unless it is there already or a rule removed it. */
function addLead(
  lead: string,
  result: { kept: Block[]; keptIndex: number[]; removals: TextRemoval[] },
  blocks: Block[],
): void {
  const probe = lead.slice(0, 60);
  if (result.kept.some((block) => block.text.includes(probe))) return;
  if (result.removals.some((removal) => removal.text.includes(probe))) return;
  if (blocks.some((block) => block.text.includes(probe))) return;
  result.kept.unshift({ text: lead, kind: 'p', level: 0, linkChars: 0, nodes: [] });
  result.keptIndex.unshift(-1);
}

function hostFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The URL a browser's "Save page" wrote into the file: `<!-- saved from url=(0042)https://… -->`. */
function savedFromUrl(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return match ? match[1]! : null;
}

function readableByline(byline: string | null): string | null {
  if (!byline) return null;
  const cleaned = squash(byline).replace(/^(?:by|von|par|por)\s+/i, '');
  return cleaned.length > 0 && cleaned.length < 120 ? cleaned : null;
}

/** Drop a trailing " | Site" or " - Site" from a title taken from meta tags or `<title>`. */
function cleanTitle(title: string, siteName: string | null, readableTitle: string | null): string {
  const squashed = squash(title);
  if (siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = squashed
      .replace(new RegExp(`\\s+[|\\-–—:·•]\\s+${escaped}\\s*$`, 'i'), '')
      .replace(new RegExp(`^${escaped}\\s+[|\\-–—:·•]\\s+`, 'i'), '');
    if (stripped.length >= 10) return stripped;
  }
  if (
    readableTitle &&
    squashed.startsWith(squash(readableTitle)) &&
    readableTitle.length >= 15 &&
    / [|–—-] [^|–—-]{2,40}$/.test(squashed)
  ) {
    return squash(readableTitle);
  }
  return squashed;
}

function buildMetadata(
  page: PageMetadata,
  readable: {
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    excerpt?: string | null;
    lang?: string | null;
  } | null,
  timeDate: string | null,
  byline: string | null,
): DocumentMetadata {
  const metadata = emptyMetadata();
  const sources = { ...page.sources };
  metadata.byline = byline;
  metadata.authors = page.authors.length > 0 ? page.authors : byline ? [byline] : [];
  if (!page.byline && byline) {
    sources.byline = 'readability';
    sources.authors = 'readability';
  }
  metadata.publishedAt = page.publishedAt ?? timeDate;
  if (!page.publishedAt && timeDate) sources.publishedAt = 'time-element';
  metadata.modifiedAt = page.modifiedAt;
  metadata.siteName = page.siteName ?? (readable?.siteName ? squash(readable.siteName) : null);
  if (!page.siteName && metadata.siteName) sources.siteName = 'readability';
  metadata.canonicalUrl = page.canonicalUrl;
  metadata.description = page.description ?? (readable?.excerpt ? squash(readable.excerpt).slice(0, 500) : null);
  if (!page.description && metadata.description) sources.description = 'first-paragraph';
  metadata.declaredLanguage = page.declaredLanguage;
  metadata.sources = sources;
  return metadata;
}

/** Markdown of the article after the text rules: removed blocks leave the DOM, trimmed ones are rewritten. */
function markdownOf(document: Document, root: Element, blocks: Block[], keptIndex: number[], kept: Block[]): string {
  const keptSet = new Map<number, Block>();
  keptIndex.forEach((index, k) => keptSet.set(index, kept[k]!));
  blocks.forEach((block, index) => {
    const survivor = keptSet.get(index);
    if (survivor && survivor.text === block.text) return;
    const first = block.nodes[0];
    if (survivor && first?.parentNode) {
      const replacement = document.createElement('p');
      replacement.textContent = survivor.text;
      first.parentNode.insertBefore(replacement, first);
    }
    for (const node of block.nodes) node.parentNode?.removeChild(node);
  });
  try {
    return toMarkdown(root);
  } catch {
    return textToMarkdown(kept.map((block) => block.text));
  }
}

// ---------------------------------------------------------------------------------------

function finish(
  pipeline: Pipeline,
  input: {
    bytes: Uint8Array;
    encoding: string;
    encodingSource: EncodingSource;
    warnings: string[];
    resolved: Resolved;
  },
): CleanDocument {
  const { resolved } = input;
  const blocksText = pipeline.blocks.map((block) => block.text);
  const text = blocksText.join('\n\n');
  const metadata = pipeline.metadata;
  metadata.detectedLanguage = detectLanguage(text);
  metadata.language = metadata.declaredLanguage ?? metadata.detectedLanguage;
  if (metadata.language && !metadata.sources.language) metadata.sources.language = 'detected';
  if (pipeline.title && !metadata.sources.title) metadata.sources.title = 'readability';
  if (
    metadata.declaredLanguage &&
    metadata.detectedLanguage &&
    metadata.declaredLanguage.split('-')[0] !== metadata.detectedLanguage &&
    text.length > 500
  ) {
    input.warnings.push(
      `declared language ${metadata.declaredLanguage} differs from the detected ${metadata.detectedLanguage}`,
    );
  }

  const words = wordCount(text);
  const removedChars = pipeline.removals.reduce((sum, removal) => sum + removal.chars, 0);
  const reasons = [...pipeline.reasons];
  const keptChars = text.length;
  for (const removal of largestRemovals(pipeline.removals)) {
    if (
      removal.chars > 1000 &&
      removal.chars > keptChars &&
      removal.category !== 'comments' &&
      removal.stage === 'text'
    ) {
      reasons.push({
        code: 'large-removal',
        message: `rule ${removal.rule} removed ${removal.chars} characters, more than the ${keptChars} kept`,
      });
    }
  }
  if (
    !pipeline.notArticle &&
    pipeline.visibleChars > 5000 &&
    keptChars < 1000 &&
    keptChars < pipeline.visibleChars * 0.08
  ) {
    reasons.push({
      code: 'short-result',
      message: `the text keeps ${keptChars} of the ${pipeline.visibleChars} characters visible on the page`,
    });
  }
  let status: DocumentStatus = 'ok';
  if (pipeline.notArticle || text === '') {
    status = 'not-article';
    if (text === '' && !reasons.some((reason) => reason.code === 'no-article')) {
      reasons.push({ code: 'no-text', message: 'no text is left after cleaning' });
    }
  } else if (reasons.some((reason) => ['large-removal', 'short-result', 'too-deep'].includes(reason.code))) {
    status = 'suspect';
  } else if (words < NOT_ARTICLE_WORDS) {
    status = 'not-article';
    reasons.push({ code: 'too-little-text', message: `${words} words are left: too few for an article` });
  } else if (words < SHORT_WORDS) {
    status = 'short';
    reasons.push({ code: 'short-text', message: `${words} words, fewer than ${SHORT_WORDS}` });
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    status,
    reasons,
    title: pipeline.title,
    text,
    markdown: pipeline.markdown,
    metadata,
    removed: pipeline.removals,
    stats: {
      words,
      chars: keptChars,
      removedChars,
      blocks: blocksText.length,
      inputBytes: input.bytes.length,
      textToHtmlRatio: input.bytes.length === 0 ? 0 : Math.round((keptChars / input.bytes.length) * 10000) / 10000,
    },
    provenance: {
      source: resolved.source,
      url: resolved.url,
      rawSha256: sha256(input.bytes),
      encoding: input.encoding,
      encodingSource: input.encodingSource,
      fetchedAt: resolved.fetchedAt,
      cleanerVersion: CLEANER_VERSION,
      rulePackHash: RULE_PACK_HASH,
      engine: pipeline.engine,
    },
    warnings: [...new Set(input.warnings)],
  };
}

/** Removals merged per rule and position run, so a thread cut in 40 lines counts as one. */
function largestRemovals(removals: Removal[]): Removal[] {
  const merged = new Map<string, Removal>();
  for (const removal of removals) {
    const key = `${removal.rule}@${removal.position ?? 'x'}`;
    const existing = merged.get(key);
    if (existing) existing.chars += removal.chars;
    else merged.set(key, { ...removal });
  }
  return [...merged.values()];
}
