export { clean, cleanText } from './clean.js';
export {
  DEFAULT_ENGINE,
  DEFAULT_TIMEOUT_MS,
  JSDOM_MAX_CHARS,
  MAX_DEPTH,
  MAX_READABILITY_ELEMENTS,
  NOT_ARTICLE_WORDS,
  SHORT_WORDS,
} from './options.js';
export type { CleanOptions } from './options.js';
export { decodeBytes } from './decode.js';
export type { Decoded } from './decode.js';
export { ENGINES } from './dom.js';
export type { EngineName } from './dom.js';
export { CLEAN_ERROR_CODES } from './errors.js';
export type { CleanErrorCode } from './errors.js';
export { detectLanguage } from './language.js';
export {
  CLEANER_VERSION,
  PAGE_TYPES,
  PIPELINE_REVISION,
  PROCEDURE_REVISIONS,
  RULES,
  RULE_PACK,
  RULE_PACK_HASH,
  isRuleId,
  ruleById,
  rulePackHash,
} from './rules.js';
export type {
  DomMatcher,
  LineTest,
  PageType,
  Rule,
  RuleDefinition,
  RuleExample,
  RuleId,
  RuleStage,
  TextMatcher,
} from './rules.js';
export { positionOf, restoreRemoval } from './restore.js';
export { documentStats } from './stats.js';
export type { StatsInput } from './stats.js';
export {
  addSiteRule,
  removeSiteRule,
  compileTextPattern,
  listSiteRules,
  loadSiteRules,
  normalizeSiteName,
  parseSiteRules,
  siteRuleId,
  siteRulesFor,
  siteRulesHash,
  validateSiteRules,
} from './site-rules.js';
export type {
  ResolvedSelectorRule,
  ResolvedSiteRules,
  ResolvedTextRule,
  SiteRule,
  SiteRuleAction,
  SiteRuleEntry,
  SiteRuleListing,
  SiteRules,
  NewSiteRule,
} from './site-rules.js';
export { cssPath } from './css-path.js';
export { PAGE_FEATURE_NAMES, pageFeatures } from './features/page.js';
export { TextStats } from './features/dom-walk.js';
export type { SubtreeText } from './features/dom-walk.js';
export {
  bundledPageTypeModel,
  checkPageTypeModel,
  classifyPage,
  pageTypeFeatures,
  pageTypeProbabilities,
} from './page-type.js';
export type { PageTypeModel } from './page-type.js';
export { TYPE_DISABLED_CATEGORIES } from './page-type-rules.js';
export { escapePattern, proposeSiteRule, selectorCandidates, textPatternFor } from './rule-proposal.js';
export type { SiteRuleProposal } from './rule-proposal.js';
