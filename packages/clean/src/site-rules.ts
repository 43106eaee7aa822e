import { readFile } from 'node:fs/promises';

import { REMOVAL_CATEGORIES, hashValue } from '@corpuskit/document';

import { cleanError } from './errors.js';
import { RULES } from './rules.js';

/**
 * One per-site rule written as an object: a CSS selector, or a text pattern (a regular
 * expression tested, case-insensitively, against each block of text). `id` names the rule in
 * `removed[]` entries; when left out it is derived from the rule itself (`siteRuleId`).
 */
export interface SiteRuleEntry {
  id?: string;
  selector?: string;
  text?: string;
  /** Why the rule exists, in the words of whoever made it. */
  note?: string;
  /** Who made it, and when (ISO 8601): kept for the record, not used by the cleaner. */
  by?: string;
  at?: string;
}

/** Rules for one site (a host and its subdomains). A list item is a selector, or a rule object. */
export interface SiteRule {
  /** Elements (selectors) or blocks of text (patterns) removed, reported as category `site-rule`. */
  remove?: Array<string | SiteRuleEntry>;
  /** Elements or blocks of text no rule may remove. */
  keep?: Array<string | SiteRuleEntry>;
  /** A CSS selector for the article body; when it matches, Readability is not consulted. */
  content?: string;
}

/**
 * The per-site rules file (JSON):
 * `{ "disabledCategories": ["caption"], "sites": { "example.com": { "remove": [".promo", { "id": "r1", "text": "^Read more:" }], "keep": [".pullquote"], "content": "article .body" } } }`.
 */
export interface SiteRules {
  /** Categories (or rule ids) never applied: their blocks stay in the text. */
  disabledCategories?: string[];
  sites?: Record<string, SiteRule>;
}

export type SiteRuleAction = 'remove' | 'keep';

/** A selector rule ready to apply. */
interface ResolvedSelectorRule {
  id: string;
  selector: string;
}

/** A text rule ready to apply: `regex` is `pattern` compiled with the `iu` flags. */
export interface ResolvedTextRule {
  id: string;
  pattern: string;
  regex: RegExp;
}

export interface ResolvedSiteRules {
  host: string;
  remove: ResolvedSelectorRule[];
  keep: ResolvedSelectorRule[];
  removeText: ResolvedTextRule[];
  keepText: ResolvedTextRule[];
  content: string | null;
}

/** One rule of a rules file, flattened: what `corpuskit rules list` shows. */
export interface SiteRuleListing {
  id: string;
  site: string;
  action: SiteRuleAction;
  selector?: string;
  text?: string;
  note?: string;
  by?: string;
  at?: string;
}

const KNOWN_CATEGORIES = new Set<string>([...REMOVAL_CATEGORIES, ...RULES.map((rule) => rule.category)]);
const RULE_IDS = new Set(RULES.map((rule) => rule.id));
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function fail(message: string, subject?: string): never {
  throw cleanError('clean.bad-rules', message, subject);
}

/** A site's name as rules key it: lower case, no `www.`. */
export function normalizeSiteName(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
}

/**
 * The id a rule gets when its entry names none: the first 8 hex digits of the SHA-256 of the
 * site, the action and the selector or pattern. The same rule always gets the same id.
 */
export function siteRuleId(site: string, action: SiteRuleAction, rule: { selector?: string; text?: string }): string {
  const what = rule.selector !== undefined ? { selector: rule.selector.trim() } : { text: rule.text ?? '' };
  return hashValue({ site: normalizeSiteName(site), action, ...what }).slice(0, 8);
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

/** Compile a text pattern (`iu` flags). Throws `clean.bad-rules` naming where it is. */
export function compileTextPattern(pattern: string, where: string, subject?: string): RegExp {
  try {
    return new RegExp(pattern, 'iu');
  } catch (error) {
    fail(
      `${where}: '${pattern}' is not a valid text pattern (${error instanceof Error ? error.message : String(error)})`,
      subject,
    );
  }
}

function optionalString(entry: Record<string, unknown>, key: string, where: string, subject?: string): string | null {
  const value = entry[key];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') fail(`${where}.${key} must be a non-empty string`, subject);
  return value.trim();
}

/** Check one `remove`/`keep` list: strings are selectors, objects are rules with a selector or a text pattern. */
function ruleList(value: unknown, where: string, subject?: string): Array<string | SiteRuleEntry> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${where} must be a list of selectors or rule objects`, subject);
  return value.map((item: unknown, index): string | SiteRuleEntry => {
    const at = `${where}[${index}]`;
    if (typeof item === 'string') {
      if (item.trim() === '') fail(`${at} must not be empty`, subject);
      checkSelector(item, at, subject);
      return item.trim();
    }
    if (!item || typeof item !== 'object' || Array.isArray(item))
      fail(`${at} must be a selector or an object with "selector" or "text"`, subject);
    const entry = item as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!['id', 'selector', 'text', 'note', 'by', 'at'].includes(key)) {
        fail(`${at}: unknown key '${key}' (expected id, selector, text, note, by, at)`, subject);
      }
    }
    const selector = optionalString(entry, 'selector', at, subject);
    const text = typeof entry.text === 'string' && entry.text !== '' ? entry.text : null;
    if (entry.text !== undefined && text === null) fail(`${at}.text must be a non-empty string`, subject);
    if ((selector === null) === (text === null)) fail(`${at} needs exactly one of "selector" and "text"`, subject);
    if (selector !== null) checkSelector(selector, at, subject);
    if (text !== null) compileTextPattern(text, at, subject);
    const id = optionalString(entry, 'id', at, subject);
    if (id !== null && !RULE_ID.test(id)) fail(`${at}.id '${id}' must be letters, digits, '.', '_' or '-'`, subject);
    const out: SiteRuleEntry = {};
    if (id !== null) out.id = id;
    if (selector !== null) out.selector = selector;
    if (text !== null) out.text = text;
    for (const key of ['note', 'by', 'at'] as const) {
      const extra = optionalString(entry, key, at, subject);
      if (extra !== null) out[key] = extra;
    }
    return out;
  });
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
      if (sites[name]) fail(`sites: '${host}' is listed twice`, subject);
      if (!rule || typeof rule !== 'object' || Array.isArray(rule)) fail(`sites.${host} must be an object`, subject);
      const entry = rule as Record<string, unknown>;
      for (const key of Object.keys(entry)) {
        if (!['remove', 'keep', 'content'].includes(key)) {
          fail(`sites.${host}: unknown key '${key}' (expected remove, keep, content)`, subject);
        }
      }
      const remove = ruleList(entry.remove, `sites.${host}.remove`, subject);
      const keep = ruleList(entry.keep, `sites.${host}.keep`, subject);
      if (entry.content !== undefined && (typeof entry.content !== 'string' || entry.content.trim() === '')) {
        fail(`sites.${host}.content must be a non-empty string`, subject);
      }
      if (typeof entry.content === 'string') checkSelector(entry.content, `sites.${host}.content`, subject);
      sites[name] = {
        ...(remove.length > 0 ? { remove } : {}),
        ...(keep.length > 0 ? { keep } : {}),
        ...(typeof entry.content === 'string' ? { content: entry.content.trim() } : {}),
      };
    }
  }
  const out: SiteRules = { disabledCategories, sites };
  const seen = new Map<string, string>();
  for (const rule of listSiteRules(out)) {
    const other = seen.get(rule.id);
    if (other !== undefined) fail(`rule id '${rule.id}' is used twice (sites ${other} and ${rule.site})`, subject);
    seen.set(rule.id, rule.site);
  }
  return out;
}

/** Every selector and text rule of a rules file, with its id, site by site in file order. */
export function listSiteRules(rules: SiteRules): SiteRuleListing[] {
  const out: SiteRuleListing[] = [];
  for (const [site, rule] of Object.entries(rules.sites ?? {})) {
    for (const action of ['remove', 'keep'] as const) {
      for (const item of rule[action] ?? []) {
        const entry: SiteRuleEntry = typeof item === 'string' ? { selector: item } : item;
        out.push({
          id: entry.id ?? siteRuleId(site, action, entry),
          site,
          action,
          ...(entry.selector !== undefined ? { selector: entry.selector } : {}),
          ...(entry.text !== undefined ? { text: entry.text } : {}),
          ...(entry.note !== undefined ? { note: entry.note } : {}),
          ...(entry.by !== undefined ? { by: entry.by } : {}),
          ...(entry.at !== undefined ? { at: entry.at } : {}),
        });
      }
    }
  }
  return out;
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
  return parseSiteRules(text, subject);
}

/** Parse and check the JSON text of a rules file; `subject` names it in errors. */
export function parseSiteRules(text: string, subject?: string): SiteRules {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`, subject);
  }
  return validateSiteRules(parsed, subject);
}

/** Per file object: its rules by site, compiled once (a batch cleans many pages with one file). */
const compiledCache = new WeakMap<SiteRules, Map<string, ResolvedSiteRules>>();

function resolveSite(site: string, rule: SiteRule): ResolvedSiteRules {
  const resolved: ResolvedSiteRules = {
    host: site,
    remove: [],
    keep: [],
    removeText: [],
    keepText: [],
    content: rule.content ?? null,
  };
  for (const action of ['remove', 'keep'] as const) {
    for (const item of rule[action] ?? []) {
      const entry: SiteRuleEntry = typeof item === 'string' ? { selector: item } : item;
      const id = entry.id ?? siteRuleId(site, action, entry);
      if (entry.selector !== undefined) resolved[action].push({ id, selector: entry.selector });
      else if (entry.text !== undefined) {
        const where = `sites.${site}.${action}`;
        const list = action === 'remove' ? resolved.removeText : resolved.keepText;
        list.push({ id, pattern: entry.text, regex: compileTextPattern(entry.text, where) });
      }
    }
  }
  return resolved;
}

/** The rules for `host` (exact host, or the nearest parent domain listed), or null. */
export function siteRulesFor(rules: SiteRules | undefined, host: string | null): ResolvedSiteRules | null {
  if (!rules?.sites || !host) return null;
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = new Map();
    compiledCache.set(rules, compiled);
  }
  let name = normalizeSiteName(host);
  for (;;) {
    const rule = rules.sites[name];
    if (rule) {
      let resolved = compiled.get(name);
      if (!resolved) {
        resolved = resolveSite(name, rule);
        compiled.set(name, resolved);
      }
      return resolved;
    }
    const dot = name.indexOf('.');
    if (dot < 0) return null;
    name = name.slice(dot + 1);
  }
}

/** The hash of a rules file's content (its normal form): recorded in provenance and in versions. */
export function siteRulesHash(rules: SiteRules): string {
  return hashValue(rules);
}

/** A rule to add to a rules file: a selector or a text pattern, for a site, to remove or to keep. */
export interface NewSiteRule {
  site: string;
  action: SiteRuleAction;
  selector?: string;
  text?: string;
  note?: string;
  by?: string;
  at?: string;
}

/**
 * A copy of `rules` with one more rule (checked like the rest of the file), and the rule as
 * listed. Adding a rule the file already has (same site, action and selector or pattern) is
 * refused with `clean.rule-exists`, naming its id.
 */
export function addSiteRule(rules: SiteRules, rule: NewSiteRule): { rules: SiteRules; rule: SiteRuleListing } {
  const site = normalizeSiteName(rule.site);
  if ((rule.selector === undefined) === (rule.text === undefined)) {
    fail('a rule needs exactly one of a selector and a text pattern');
  }
  const entry: SiteRuleEntry = {
    ...(rule.selector !== undefined ? { selector: rule.selector.trim() } : { text: rule.text! }),
  };
  entry.id = siteRuleId(site, rule.action, entry);
  for (const key of ['note', 'by', 'at'] as const) {
    const value = rule[key]?.trim();
    if (value) entry[key] = value;
  }
  const existing = listSiteRules(rules).find(
    (listed) =>
      listed.site === site &&
      listed.action === rule.action &&
      (entry.selector !== undefined ? listed.selector === entry.selector : listed.text === entry.text),
  );
  if (existing) {
    throw cleanError('clean.rule-exists', `the rules already ${rule.action} this on ${site} (rule ${existing.id})`);
  }
  const sites = { ...rules.sites };
  const current = sites[site] ?? {};
  sites[site] = { ...current, [rule.action]: [...(current[rule.action] ?? []), entry] };
  const next = validateSiteRules({ ...rules, sites });
  return { rules: next, rule: listSiteRules(next).find((listed) => listed.id === entry.id)! };
}

/**
 * A copy of `rules` without the rule `id` (a full id, or a unique prefix of at least 4
 * characters), and the rule removed. Throws `clean.no-such-rule` or `clean.ambiguous-rule`.
 */
export function removeSiteRule(rules: SiteRules, id: string): { rules: SiteRules; rule: SiteRuleListing } {
  const listed = listSiteRules(rules);
  let matches = listed.filter((rule) => rule.id === id);
  if (matches.length === 0 && id.length >= 4) matches = listed.filter((rule) => rule.id.startsWith(id));
  if (matches.length === 0) throw cleanError('clean.no-such-rule', `no rule with the id '${id}'`, id);
  if (matches.length > 1) {
    throw cleanError(
      'clean.ambiguous-rule',
      `'${id}' names ${matches.length} rules (${matches.map((rule) => rule.id).join(', ')})`,
      id,
    );
  }
  const target = matches[0]!;
  const sites: Record<string, SiteRule> = {};
  for (const [site, rule] of Object.entries(rules.sites ?? {})) {
    const keepItem = (action: SiteRuleAction) => (item: string | SiteRuleEntry) => {
      if (site !== target.site || action !== target.action) return true;
      const entry: SiteRuleEntry = typeof item === 'string' ? { selector: item } : item;
      return (entry.id ?? siteRuleId(site, action, entry)) !== target.id;
    };
    const remove = (rule.remove ?? []).filter(keepItem('remove'));
    const keep = (rule.keep ?? []).filter(keepItem('keep'));
    if (remove.length === 0 && keep.length === 0 && rule.content === undefined) continue;
    sites[site] = {
      ...(remove.length > 0 ? { remove } : {}),
      ...(keep.length > 0 ? { keep } : {}),
      ...(rule.content !== undefined ? { content: rule.content } : {}),
    };
  }
  return { rules: validateSiteRules({ ...rules, sites }), rule: target };
}
