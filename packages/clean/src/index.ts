export { clean, cleanText } from './clean.js';
export { DEFAULT_ENGINE } from './options.js';
export type { CleanOptions } from './options.js';
export { ENGINES } from './dom.js';
export type { EngineName } from './dom.js';
export type { CleanErrorCode } from './errors.js';
export { CLEANER_VERSION, PAGE_TYPES, RULES, RULE_PACK_HASH, isRuleId, ruleById } from './rules.js';
export type { PageType, Rule, RuleId } from './rules.js';
export { positionOf, restoreRemoval } from './restore.js';
export { documentStats } from './stats.js';
export type { StatsInput } from './stats.js';
export {
  addSiteRule,
  removeSiteRule,
  listSiteRules,
  loadSiteRules,
  normalizeSiteName,
  parseSiteRules,
  siteRulesHash,
  validateSiteRules,
} from './site-rules.js';
export type { NewSiteRule, SiteRule, SiteRuleAction, SiteRuleEntry, SiteRuleListing, SiteRules } from './site-rules.js';
export { PAGE_FEATURE_NAMES } from './features/page.js';
export { WORD_SCORE_NAMES, pageTypeFeatures, pageTypeInputs, wordScores } from './page-type.js';
export type { PageTypeWords } from './page-type.js';
export type { PageTypeModel } from './page-type.js';
export type { CleaningGain } from './page-type-rules.js';
export { proposeSiteRule } from './rule-proposal.js';
export type { SiteRuleProposal } from './rule-proposal.js';
