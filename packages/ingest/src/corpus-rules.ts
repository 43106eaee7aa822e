import type { NewSiteRule, SiteRuleListing, SiteRules } from '@corpuskit/clean';
import { canonicalJson } from '@corpuskit/document';
import type { Store } from '@corpuskit/store';

/**
 * The corpus's own per-site rules, kept by the store (`Store.readRules`/`writeRules`) as the
 * canonical JSON of the checked rules: its SHA-256 is then the `siteRulesHash` that `clean`
 * records in each document's provenance, and the object a version names in `rules`.
 */
export interface CorpusRules {
  rules: SiteRules;
  /** `siteRulesHash(rules)`: the hash documents cleaned with them record. */
  hash: string;
}

const RULES_SUBJECT = '.corpuskit/state/site-rules.json';

/**
 * The cleaner, for its checks of site rules: loaded when a corpus's rules are read or written, not
 * with this package (every command that lists or decides staged entries loads it, and the cleaner
 * is most of what such a command would load: about 240 ms of CPU).
 */
const cleaner = () => import('@corpuskit/clean');

/** The corpus's rules, checked; null when it has none. Throws `clean.bad-rules` naming the file. */
export async function loadCorpusRules(store: Pick<Store, 'readRules'>): Promise<CorpusRules | null> {
  const stored = await store.readRules();
  if (!stored) return null;
  const { parseSiteRules, siteRulesHash } = await cleaner();
  const rules = parseSiteRules(Buffer.from(stored.bytes).toString('utf8'), RULES_SUBJECT);
  return { rules, hash: siteRulesHash(rules) };
}

/** Replace the corpus's rules (checked; written as canonical JSON). Returns their hash. */
async function saveCorpusRules(store: Pick<Store, 'writeRules'>, rules: SiteRules): Promise<string> {
  const { validateSiteRules } = await cleaner();
  const checked = validateSiteRules(rules, RULES_SUBJECT);
  const hash = await store.writeRules(new TextEncoder().encode(canonicalJson(checked)));
  return hash!;
}

/** Add a rule to the corpus's rules under the store's lock; returns the rule with its id. */
export async function addCorpusRule(store: Store, rule: NewSiteRule): Promise<SiteRuleListing> {
  return store.transaction(async () => {
    const current = (await loadCorpusRules(store))?.rules ?? { disabledCategories: [], sites: {} };
    const { addSiteRule } = await cleaner();
    const added = addSiteRule(current, rule);
    await saveCorpusRules(store, added.rules);
    return added.rule;
  });
}

/** Remove a rule (by id or unique prefix) from the corpus's rules under the lock; returns it. */
export async function removeCorpusRule(store: Store, id: string): Promise<SiteRuleListing> {
  return store.transaction(async () => {
    const current = (await loadCorpusRules(store))?.rules ?? { disabledCategories: [], sites: {} };
    const { removeSiteRule } = await cleaner();
    const removed = removeSiteRule(current, id);
    await saveCorpusRules(store, removed.rules);
    return removed.rule;
  });
}
