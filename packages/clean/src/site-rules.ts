import { readFile } from 'node:fs/promises';

import { REMOVAL_CATEGORIES } from '@corpuskit/document';

import { cleanError } from './errors.js';
import { RULES } from './rules.js';

/** Rules for one site (a host and its subdomains). */
export interface SiteRule {
  /** CSS selectors whose elements are removed (reported as category `site-rule`). */
  remove?: string[];
  /** CSS selectors whose elements no rule may remove. */
  keep?: string[];
  /** A CSS selector for the article body; when it matches, Readability is not consulted. */
  content?: string;
}

/**
 * The per-site rules file (JSON):
 * `{ "disabledCategories": ["caption"], "sites": { "example.com": { "remove": [".promo"], "keep": [".pullquote"], "content": "article .body" } } }`.
 */
export interface SiteRules {
  /** Categories (or rule ids) never applied: their blocks stay in the text. */
  disabledCategories?: string[];
  sites?: Record<string, SiteRule>;
}

export interface ResolvedSiteRules {
  host: string;
  remove: string[];
  keep: string[];
  content: string | null;
}

const KNOWN_CATEGORIES = new Set<string>([...REMOVAL_CATEGORIES, ...RULES.map((rule) => rule.category)]);
const RULE_IDS = new Set(RULES.map((rule) => rule.id));

function fail(message: string, subject?: string): never {
  throw cleanError('clean.bad-rules', message, subject);
}

function stringList(value: unknown, where: string, subject?: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    fail(`${where} must be a list of non-empty strings`, subject);
  }
  return (value as string[]).map((item) => item.trim());
}

/** A syntax check for selectors that needs no DOM: balanced brackets, quotes and parentheses. */
function checkSelector(selector: string, where: string, subject?: string): void {
  let depthSquare = 0;
  let depthRound = 0;
  let quote: string | null = null;
  for (const char of selector) {
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') depthSquare += 1;
    else if (char === ']') depthSquare -= 1;
    else if (char === '(') depthRound += 1;
    else if (char === ')') depthRound -= 1;
    if (depthSquare < 0 || depthRound < 0) break;
  }
  if (quote || depthSquare !== 0 || depthRound !== 0 || /^[>+~,]|[>+~,]$/.test(selector.trim())) {
    fail(`${where}: '${selector}' is not a valid CSS selector`, subject);
  }
}

/** Check a parsed rules object and return it in its normal form. Throws `clean.bad-rules`. */
export function validateSiteRules(value: unknown, subject?: string): SiteRules {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail('the rules file must hold a JSON object', subject);
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (key !== 'disabledCategories' && key !== 'sites' && key !== '$schema') {
      fail(`unknown key '${key}' (expected "disabledCategories" and "sites")`, subject);
    }
  }
  const disabledCategories = stringList(input.disabledCategories, 'disabledCategories', subject);
  for (const name of disabledCategories) {
    if (!KNOWN_CATEGORIES.has(name) && !RULE_IDS.has(name)) {
      fail(
        `disabledCategories: unknown category or rule '${name}' (categories: ${[...KNOWN_CATEGORIES].join(', ')})`,
        subject,
      );
    }
  }
  const sites: Record<string, SiteRule> = {};
  if (input.sites !== undefined) {
    if (!input.sites || typeof input.sites !== 'object' || Array.isArray(input.sites)) {
      fail('sites must be an object keyed by host name', subject);
    }
    for (const [host, rule] of Object.entries(input.sites as Record<string, unknown>)) {
      const name = host
        .trim()
        .toLowerCase()
        .replace(/^www\./, '');
      if (!/^[a-z0-9.-]+(:\d+)?$/.test(name)) fail(`sites: '${host}' is not a host name`, subject);
      if (!rule || typeof rule !== 'object' || Array.isArray(rule)) fail(`sites.${host} must be an object`, subject);
      const entry = rule as Record<string, unknown>;
      for (const key of Object.keys(entry)) {
        if (!['remove', 'keep', 'content'].includes(key)) {
          fail(`sites.${host}: unknown key '${key}' (expected remove, keep, content)`, subject);
        }
      }
      const remove = stringList(entry.remove, `sites.${host}.remove`, subject);
      const keep = stringList(entry.keep, `sites.${host}.keep`, subject);
      if (entry.content !== undefined && (typeof entry.content !== 'string' || entry.content.trim() === '')) {
        fail(`sites.${host}.content must be a non-empty string`, subject);
      }
      for (const selector of [...remove, ...keep, ...(typeof entry.content === 'string' ? [entry.content] : [])]) {
        checkSelector(selector, `sites.${host}`, subject);
      }
      sites[name] = {
        ...(remove.length > 0 ? { remove } : {}),
        ...(keep.length > 0 ? { keep } : {}),
        ...(typeof entry.content === 'string' ? { content: entry.content.trim() } : {}),
      };
    }
  }
  return { disabledCategories, sites };
}

/**
 * Load per-site rules from JSON text (anything starting with `{`) or from a file path.
 * Throws `clean.bad-rules` naming the file and the problem.
 */
export async function loadSiteRules(fileContentsOrPath: string): Promise<SiteRules> {
  const trimmed = fileContentsOrPath.trim();
  let text = trimmed;
  let subject: string | undefined;
  if (!trimmed.startsWith('{')) {
    subject = fileContentsOrPath;
    try {
      text = await readFile(fileContentsOrPath, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw cleanError(
        'clean.bad-rules',
        code === 'ENOENT' ? 'rules file not found' : `cannot read the rules file (${code ?? String(error)})`,
        subject,
        { cause: error },
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`, subject);
  }
  return validateSiteRules(parsed, subject);
}

/** The rules for `host` (exact host, or the nearest parent domain listed), or null. */
export function siteRulesFor(rules: SiteRules | undefined, host: string | null): ResolvedSiteRules | null {
  if (!rules?.sites || !host) return null;
  let name = host.toLowerCase().replace(/^www\./, '');
  for (;;) {
    const rule = rules.sites[name];
    if (rule) return { host: name, remove: rule.remove ?? [], keep: rule.keep ?? [], content: rule.content ?? null };
    const dot = name.indexOf('.');
    if (dot < 0) return null;
    name = name.slice(dot + 1);
  }
}
