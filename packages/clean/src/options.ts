import { performance } from 'node:perf_hooks';

import { DEFAULT_MAX_BYTES, normalizeText } from '@corpuskit/document';

import { headerValue } from './decode.js';
import { ENGINES } from './dom.js';
import type { EngineName } from './dom.js';
import { cleanError } from './errors.js';
import { bundledPageTypeModel, checkPageTypeModel } from './page-type.js';
import type { PageTypeModel } from './page-type.js';
import type { PageType } from './rules.js';
import { siteRulesHash, validateSiteRules } from './site-rules.js';
import type { SiteRules } from './site-rules.js';

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
  /** Per-document time limit in milliseconds (default 30 000), checked between stages and inside the DOM rules' loops. */
  timeoutMs?: number;
  /** Largest input accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** For plain-text input: the title when the caller knows it (else the first line may be taken). */
  title?: string | null;
  /** The page's type when the caller knows it: rules limited to other page types are skipped. */
  pageType?: PageType | null;
  /**
   * Page-type model used when `pageType` is not given (default: the bundled one); `false` skips
   * page typing, and every page is cleaned as an article.
   */
  pageTypeModel?: PageTypeModel | false;
}

export const DEFAULT_ENGINE: EngineName = 'linkedom';
const DEFAULT_TIMEOUT_MS = 30_000;
/** Fewer words than this in the text: status `short`. */
export const SHORT_WORDS = 80;
/** Fewer words than this: status `not-article`. */
export const NOT_ARTICLE_WORDS = 15;
/** Deeper markup is flattened before parsing (DOM engines and Readability recurse). */
export const MAX_DEPTH = 400;
/**
 * Pages with more elements, or with an element of more child elements, are cleaned with linkedom
 * even when jsdom was asked for (with a warning): jsdom finds a node's place among its siblings
 * by counting them again after every change, so Readability's moves and replacements there cost
 * the square of a long sibling list (5,000 sibling boxes: 4 s; 20,000: 45 s), and a running
 * Readability call cannot be stopped by the time limit. linkedom gives the page the same output
 * in seconds. No dev page comes near either limit (most: 15,795 elements, 1,521 siblings).
 */
export const JSDOM_MAX_ELEMENTS = 60_000;
export const JSDOM_MAX_CHILDREN = 3_000;
/** Larger prepared markup is parsed with linkedom even when jsdom was asked for (with a warning). */
export const JSDOM_MAX_CHARS = 8_000_000;

/** The options after checking, with defaults filled in. */
export interface Resolved {
  url: string | null;
  fetchedAt: string | null;
  source: string | null;
  captions: 'keep' | 'drop';
  disabled: Set<string>;
  /** The per-site rules checked and in their normal form. */
  siteRules: SiteRules | undefined;
  /** `siteRulesHash` of them, recorded in provenance; null without per-site rules. */
  siteRulesHash: string | null;
  repeated: Map<string, number>;
  engine: EngineName;
  timeoutMs: number;
  maxBytes: number;
  contentType: string | null;
  title: string | null;
  pageType: PageType | null;
  pageTypeModel: PageTypeModel | false;
}

export function resolveOptions(options: CleanOptions): Resolved {
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
  const siteRules = options.siteRules === undefined ? undefined : checkedSiteRules(options.siteRules, source);
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
    disabled: new Set([...(options.disabledCategories ?? []), ...(siteRules?.rules.disabledCategories ?? [])]),
    siteRules: siteRules?.rules,
    siteRulesHash: siteRules?.hash ?? null,
    repeated,
    engine,
    timeoutMs,
    maxBytes,
    contentType: headerValue(options.headers, 'content-type'),
    title: options.title ?? null,
    pageType: options.pageType ?? null,
    pageTypeModel: resolvePageTypeModel(options.pageTypeModel, bad),
  };
}

/** Per rules object given: its checked form and hash, worked out once for a batch of pages. */
const checkedRules = new WeakMap<SiteRules, { rules: SiteRules; hash: string }>();

function checkedSiteRules(rules: SiteRules, source: string | null): { rules: SiteRules; hash: string } {
  let checked = checkedRules.get(rules);
  if (!checked) {
    try {
      const normal = validateSiteRules(rules);
      checked = { rules: normal, hash: siteRulesHash(normal) };
    } catch (error) {
      throw cleanError(
        'clean.bad-rules',
        `per-site rules: ${error instanceof Error ? error.message : String(error)}`,
        source,
        { cause: error },
      );
    }
    checkedRules.set(rules, checked);
  }
  return checked;
}

function resolvePageTypeModel(
  option: PageTypeModel | false | undefined,
  bad: (message: string) => Error,
): PageTypeModel | false {
  if (option === false) return false;
  if (option === undefined) return bundledPageTypeModel();
  try {
    return checkPageTypeModel(option);
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
}
/** The time limit of one `clean` call, checked between stages and inside the DOM rules' loops. */
export class Deadline {
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
