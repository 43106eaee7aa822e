import { readFileSync } from 'node:fs';

import { hashValue } from '@corpuskit/document';

import { DATE_PARSER } from './dates.js';
import { MODEL_WEIGHTS } from './models.js';
import { ADS_PROMO_RULES } from './rules-ads-promo.js';
import { COMMENTS_SHARE_RULES } from './rules-comments-share.js';
import { DONATION_CREDIT_RULES } from './rules-donation-credit.js';
import { METADATA_BOILERPLATE_RULES } from './rules-metadata-boilerplate.js';
import { RELATED_AUTHOR_RULES } from './rules-related-author.js';
import type { DomProcedure, LineProcedure, RuleDefinition, TextProcedure } from './rule-types.js';

export { PAGE_TYPES } from './rule-types.js';
export type {
  DomMatcher,
  DomProcedure,
  LineProcedure,
  LineTest,
  PageType,
  RuleDefinition,
  RuleExample,
  RuleStage,
  TextProcedure,
} from './rule-types.js';

/**
 * The rule pack: one definition per rule (id, category, description, stages, page types,
 * matcher, examples). Rules prefer evidence (known widget markup, link density, position after
 * the article, runs of short lines) over single words; the word lists they use cover English,
 * German, French, Spanish, Italian and Dutch.
 */
const RULE_PACK = [
  ...DONATION_CREDIT_RULES,
  ...COMMENTS_SHARE_RULES,
  ...RELATED_AUTHOR_RULES,
  ...ADS_PROMO_RULES,
  ...METADATA_BOILERPLATE_RULES,
] as const;

/** The id of a rule of the pack (`category/name`). */
export type RuleId = (typeof RULE_PACK)[number]['id'];

/** A rule as the public API describes it: the full definition. */
export type Rule = RuleDefinition;

/** The rules, in the order of the pack. */
export const RULES: readonly RuleDefinition[] = [...RULE_PACK];

const BY_ID = new Map<string, RuleDefinition>(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: RuleId): RuleDefinition;
export function ruleById(id: string): RuleDefinition;
export function ruleById(id: string): RuleDefinition {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}

/** True when `id` names a rule of the pack. */
export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

/** Bumped when the pipeline around the rules (extraction, joining, metadata) changes output. */
const PIPELINE_REVISION = 127;

/**
 * Revisions of the named procedures: bumped when a procedure's code changes what it removes
 * (its data, the patterns and word lists in the rules, is hashed as it is).
 */
const PROCEDURE_REVISIONS: Readonly<Record<DomProcedure | TextProcedure | LineProcedure, number>> = {
  'link-block': 1,
  'email-form': 2,
  'rating-widget': 1,
  'named-caption': 2,
  'site-selectors': 2,
  'outside-article': 8,
  'post-chrome': 5,
  'region-chrome': 4,
  'shop-rows': 2,
  'teaser-cards': 2,
  'filter-panel': 3,
  'consent-box': 4,
  'folded-menu': 3,
  'contents-list': 3,
  'comment-thread': 1,
  'amount-run': 1,
  'head-lines': 1,
  'byline-role': 1,
  'related-heading': 1,
  'trailing-links': 1,
  'about-company': 1,
  'trailing-short': 4,
  'repeated-run': 1,
  'closing-bio': 3,
  'after-prose': 5,
  'closing-link': 1,
  'repeated-block': 2,
  'call-line': 2,
  'site-text': 1,
  'repeated-line': 1,
  'trailing-credit': 2,
  'credited-caption': 2,
  'share-labels': 1,
  'profile-link': 1,
  'ui-message': 1,
  'page-numbers': 1,
  'platform-line': 1,
  'affiliate-disclosure': 2,
};

/** A definition as plain JSON: patterns as `{ source, flags }`; the examples (test data) left out. */
function hashable(value: unknown): unknown {
  if (value instanceof RegExp) return { regexp: value.source, flags: value.flags };
  if (Array.isArray(value)) return value.map(hashable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      if (key !== 'examples' && item !== undefined) out[key] = hashable(item);
    return out;
  }
  return value;
}

/**
 * SHA-256 of everything that decides what the cleaner removes: every rule's definition (ids,
 * categories, stages, page types, selectors, patterns as source and flags, word lists, procedure
 * names), the procedures' revisions, the pipeline revision, the date parser's version and the weights of the learned models
 * (`MODEL_WEIGHTS` unless given). The examples are test data and are left out.
 */
export function rulePackHash(
  options: { models?: Readonly<Record<string, unknown>>; rules?: readonly RuleDefinition[] } = {},
): string {
  return hashValue({
    pipeline: PIPELINE_REVISION,
    dates: DATE_PARSER,
    procedures: PROCEDURE_REVISIONS,
    rules: (options.rules ?? RULES).map(hashable),
    models: hashable(options.models ?? MODEL_WEIGHTS),
  });
}

/** The hash of the rule pack as shipped (see `rulePackHash`); recorded in every document's provenance. */
export const RULE_PACK_HASH: string = rulePackHash();

/**
 * The cleaner's version: the version in @corpuskit/clean's package.json (read once, from `src/` and
 * `dist/` alike), so a release bumps it with the package.
 */
export const CLEANER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
