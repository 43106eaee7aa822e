import { PAGE_TYPES } from '@corpuskit/document';

import { ingestError } from './errors.js';
import type { ReviewFlag, ReviewItem } from './review-item.js';

/**
 * The `--where` filter over review items, shared by the CLI (`status`, `accept`, `reject`,
 * `export`) and the review app's queue API.
 *
 * An expression is terms separated by spaces; every term must hold. A term is `key:value`, with
 * `value1,value2` for any of several values, and a leading `-` or `!` to negate it. Keys:
 *
 * - `state:pending|accepted|rejected` (also the bare words `pending`, `accepted`, `rejected`)
 * - `kind:new|update|remove` (the change staged; bare `new`, `update`, `remove`)
 * - `site:HOST` (the host of the id, or a subdomain of it; `www.` is ignored)
 * - `finding:exact|near|revision|not-article|canonical-conflict|any|none` (bare `no-findings`, `findings`)
 * - `flag:suspect|not-article|exact-duplicate|near-duplicate|revision|duplicate|canonical-conflict|stale|previously-rejected`
 *   (bare `suspect`, `not-article`, `duplicate`, `revision`, `canonical-conflict`, `stale`, `previously-rejected`)
 * - `status:ok|short|not-article|suspect|error` (the cleaner's status)
 * - `type:article|not-article` (page type: did the cleaner find an article)
 * - `page:article|forum|product|collection|listing|documentation|service` (the cleaner's page type)
 * - `lang:CODE` (language, `en` also matches `en-GB`)
 * - `published:FROM..TO`, `staged:FROM..TO` (dates `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, either end
 *   may be left out; a single date means that year, month or day)
 * - `title:WORDS` (the title contains the text, ignoring case)
 * - `id:PREFIX` (the id starts with it)
 *
 * The same filter selects committed documents (`export --where`, scope `records`): there the
 * keys of the review queue (`state`, `kind`, `staged`) are refused.
 */
interface WhereTerm {
  key: WhereKey;
  values: string[];
  negate: boolean;
}

export interface WhereFilter {
  /** The expression as given (joined with ` ` when several were given). */
  source: string;
  terms: WhereTerm[];
}

const KEYS = [
  'state',
  'kind',
  'site',
  'finding',
  'flag',
  'status',
  'type',
  'page',
  'lang',
  'published',
  'staged',
  'title',
  'id',
] as const;
type WhereKey = (typeof KEYS)[number];

const KEY_ALIASES: Record<string, WhereKey> = {
  change: 'kind',
  language: 'lang',
  date: 'published',
  host: 'site',
  findings: 'finding',
  pagetype: 'page',
};

const CHOICES: Partial<Record<WhereKey, readonly string[]>> = {
  state: ['pending', 'accepted', 'rejected'],
  kind: ['new', 'update', 'remove'],
  finding: ['exact', 'near', 'revision', 'not-article', 'canonical-conflict', 'any', 'none'],
  flag: [
    'suspect',
    'not-article',
    'exact-duplicate',
    'near-duplicate',
    'revision',
    'duplicate',
    'canonical-conflict',
    'stale',
    'previously-rejected',
  ],
  status: ['ok', 'short', 'not-article', 'suspect', 'error'],
  type: ['article', 'not-article'],
  page: PAGE_TYPES,
};

const BARE: Record<string, [WhereKey, string]> = {
  pending: ['state', 'pending'],
  accepted: ['state', 'accepted'],
  rejected: ['state', 'rejected'],
  new: ['kind', 'new'],
  update: ['kind', 'update'],
  remove: ['kind', 'remove'],
  'no-findings': ['finding', 'none'],
  findings: ['finding', 'any'],
  suspect: ['flag', 'suspect'],
  'not-article': ['flag', 'not-article'],
  duplicate: ['flag', 'duplicate'],
  revision: ['flag', 'revision'],
  'canonical-conflict': ['flag', 'canonical-conflict'],
  stale: ['flag', 'stale'],
  'previously-rejected': ['flag', 'previously-rejected'],
  article: ['type', 'article'],
};

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Keys that need the record's summary (title, status, language, date); the rest read the entry only. */
const RECORD_KEYS = new Set<WhereKey>(['flag', 'status', 'type', 'page', 'lang', 'published', 'title']);

/** Keys about the review queue, meaningless for committed documents. */
const QUEUE_KEYS = new Set<WhereKey>(['state', 'kind', 'staged']);

/**
 * What a filter reads: a review item (the queue), or a committed document seen the same way
 * (`recordSubject`), which has no state, change or staging time.
 */
export type WhereSubject = Pick<
  ReviewItem,
  'id' | 'site' | 'status' | 'language' | 'publishedAt' | 'title' | 'findings' | 'flags'
> &
  Partial<Pick<ReviewItem, 'state' | 'change' | 'stagedAt' | 'pageType'>>;

export interface ParseWhereOptions {
  /** `queue` (default): staged entries; `records`: committed documents (queue keys refused). */
  scope?: 'queue' | 'records';
}

function fail(source: string, why: string): never {
  throw ingestError('ingest.bad-filter', `--where '${source}': ${why}`);
}

function checkDateRange(source: string, key: string, value: string): void {
  const [from, to, extra] = value.split('..');
  if (extra !== undefined) fail(source, `${key}: one range FROM..TO (got '${value}')`);
  const ends = to === undefined ? [from] : [from, to];
  if (ends.every((end) => end === '')) fail(source, `${key}: a date or a range is needed`);
  for (const end of ends) {
    if (end !== '' && end !== undefined && !DATE.test(end)) {
      fail(source, `${key}: dates are YYYY, YYYY-MM or YYYY-MM-DD (got '${end}')`);
    }
  }
}

function parseTerm(source: string, word: string, scope: 'queue' | 'records'): WhereTerm {
  const term = parseWord(source, word);
  if (scope === 'records' && QUEUE_KEYS.has(term.key)) {
    fail(
      source,
      `'${word}' is about the review queue; committed documents have no ${term.key} (use it with status, accept or reject)`,
    );
  }
  return term;
}

function parseWord(source: string, word: string): WhereTerm {
  let negate = false;
  let rest = word;
  if (rest.startsWith('-') || rest.startsWith('!')) {
    negate = true;
    rest = rest.slice(1);
  }
  const colon = rest.indexOf(':');
  if (colon < 0) {
    const bare = BARE[rest.toLowerCase()];
    if (!bare) {
      fail(
        source,
        `unknown term '${word}' (bare words: ${Object.keys(BARE).join(', ')}; or key:value with ${KEYS.join(', ')})`,
      );
    }
    return { key: bare[0], values: [bare[1]], negate };
  }
  const rawKey = rest.slice(0, colon).toLowerCase();
  const key = (KEYS as readonly string[]).includes(rawKey) ? (rawKey as WhereKey) : KEY_ALIASES[rawKey];
  if (!key) fail(source, `unknown key '${rawKey}' (keys: ${KEYS.join(', ')})`);
  const raw = rest.slice(colon + 1);
  const values = (key === 'title' ? [raw] : raw.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (values.length === 0) fail(source, `'${word}' has no value`);
  const choices = CHOICES[key];
  for (const value of values) {
    if (choices && !choices.includes(value.toLowerCase())) {
      fail(source, `${key} is one of ${choices.join(', ')} (got '${value}')`);
    }
    if (key === 'published' || key === 'staged') checkDateRange(source, key, value);
  }
  return { key, values: choices ? values.map((value) => value.toLowerCase()) : values, negate };
}

/** Split on spaces, keeping `title:"two words"` together. */
function words(expression: string): string[] {
  const out: string[] = [];
  const pattern = /(?:[^\s"]+|"[^"]*")+/g;
  for (const match of expression.matchAll(pattern)) out.push(match[0].replace(/"/g, ''));
  return out;
}

/** Parse one or several `--where` expressions (all must hold); throws a usage error naming the bad term. */
export function parseWhere(expressions: string | readonly string[], options: ParseWhereOptions = {}): WhereFilter {
  const scope = options.scope ?? 'queue';
  const list = (typeof expressions === 'string' ? [expressions] : [...expressions]).filter(
    (expression) => expression.trim() !== '',
  );
  const source = list.join(' ');
  const terms: WhereTerm[] = [];
  for (const expression of list) for (const word of words(expression)) terms.push(parseTerm(expression, word, scope));
  return { source, terms };
}

/** Whether matching needs each entry's record summary (title, status, language, dates). */
export function whereNeedsRecords(filter: WhereFilter): boolean {
  return filter.terms.some((term) => RECORD_KEYS.has(term.key));
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function inDateRange(iso: string | null, range: string): boolean {
  if (!iso) return false;
  const [from = '', to] = range.split('..');
  if (to === undefined) return iso.startsWith(from);
  if (from !== '' && iso.slice(0, from.length) < from) return false;
  if (to !== '' && iso.slice(0, to.length) > to) return false;
  return true;
}

const FLAG_OF: Record<string, ReviewFlag[]> = {
  duplicate: ['exact-duplicate', 'near-duplicate'],
};

function valueMatches(key: WhereKey, value: string, item: WhereSubject): boolean {
  switch (key) {
    case 'state':
      return item.state === value;
    case 'kind':
      return item.change === value;
    case 'site': {
      if (!item.site) return false;
      const host = bareHost(item.site);
      const want = bareHost(value);
      return host === want || host.endsWith(`.${want}`);
    }
    case 'finding':
      if (value === 'none') return item.findings.length === 0;
      if (value === 'any') return item.findings.length > 0;
      return item.findings.some((finding) => finding.kind === value);
    case 'flag':
      return (FLAG_OF[value] ?? [value as ReviewFlag]).some((flag) => item.flags.includes(flag));
    case 'status':
      return item.status === value;
    case 'type':
      if (item.status === null || item.status === 'error') return false;
      return value === 'not-article' ? item.status === 'not-article' : item.status !== 'not-article';
    case 'page':
      return item.pageType === value;
    case 'lang': {
      const language = item.language?.toLowerCase();
      const want = value.toLowerCase();
      return language !== undefined && (language === want || language.startsWith(`${want}-`));
    }
    case 'published':
      return inDateRange(item.publishedAt, value);
    case 'staged':
      return inDateRange(item.stagedAt ?? null, value);
    case 'title':
      return item.title !== null && item.title.toLowerCase().includes(value.toLowerCase());
    case 'id':
      return item.id.startsWith(value);
  }
}

/** Whether an item passes the filter. */
export function matchesWhere(filter: WhereFilter, item: WhereSubject): boolean {
  return filter.terms.every((term) => term.values.some((value) => valueMatches(term.key, value, item)) !== term.negate);
}

/** The terms in words, for help texts and the app's filter hints. */
export const WHERE_HELP = [
  'state:pending|accepted|rejected, kind:new|update|remove, site:HOST,',
  'finding:exact|near|revision|not-article|canonical-conflict|any|none (no-findings),',
  'flag:suspect|not-article|duplicate|revision|canonical-conflict|stale|previously-rejected,',
  'status:ok|short|not-article|suspect|error, type:article|not-article,',
  `page:${PAGE_TYPES.join('|')}, lang:CODE,`,
  'published:FROM..TO, staged:FROM..TO, title:TEXT, id:PREFIX; -term negates; terms separated by spaces all hold',
].join(' ');
