import { contentOf, hostOf, textBlocks } from '@corpuskit/document';
import type { CleanDocument } from '@corpuskit/document';
import { addSiteRule, listSiteRules, normalizeSiteName, proposeSiteRule } from '@corpuskit/clean';
import type { NewSiteRule } from '@corpuskit/clean';
import { describeSimilarity, textSimilarity } from '@corpuskit/dedup';
import { diffDocuments } from '@corpuskit/diff';
import { addCorpusRule, loadCorpusRules, reclean, storeSession } from '@corpuskit/ingest';
import type { RecleanResult } from '@corpuskit/ingest';
import type { Store } from '@corpuskit/store';

import type {
  DocumentDiffResponse,
  RuleDraft,
  RuleListResponse,
  RulePreviewResponse,
  RuleProposalResponse,
  RuleRecleanResponse,
  RuleSavedResponse,
} from './api-types.js';
import { checkId } from './service.js';
import { reviewError } from './errors.js';

/** Documents whose diffs a preview keeps for the app to show (all are counted). */
const PREVIEW_DOCUMENTS = 200;
/** Previews kept for their diffs (the newest; older ones are dropped). */
const PREVIEWS_KEPT = 8;

const MAX_RULE_CHARS = 2_000;

function text(value: unknown, name: string, optional = false): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (optional) return undefined;
    throw reviewError('review.invalid-rule', `a rule needs ${name}`);
  }
  if (typeof value !== 'string' || value.length > MAX_RULE_CHARS) {
    throw reviewError('review.invalid-rule', `${name} must be text of at most ${MAX_RULE_CHARS} characters`);
  }
  return value;
}

/** A rule as the app sends it, checked into what `addSiteRule` takes. */
function ruleOf(draft: Partial<RuleDraft>): NewSiteRule {
  const site = text(draft.site, 'a site')!;
  if (draft.action !== 'remove' && draft.action !== 'keep') {
    throw reviewError('review.invalid-rule', "a rule's action is 'remove' or 'keep'");
  }
  const selector = text(draft.selector, 'a selector', true);
  const pattern = text(draft.text, 'a text pattern', true);
  if ((selector === undefined) === (pattern === undefined)) {
    throw reviewError('review.invalid-rule', 'a rule needs exactly one of a selector and a text pattern');
  }
  const note = text(draft.note, 'a note', true);
  return {
    site,
    action: draft.action,
    ...(selector === undefined ? { text: pattern! } : { selector }),
    ...(note === undefined ? {} : { note }),
  };
}

const diffSide = (id: string, document: CleanDocument) => ({
  id,
  title: document.title,
  text: document.text,
  metadata: contentOf(document).metadata as object,
});

/**
 * Rules made from review: propose one from a block of a staged document, preview what it does
 * on the site's staged and committed documents (a dry-run re-clean with the rule added), save
 * it to the corpus's rule file, and re-clean the site to stage the changes.
 */
export class RuleService {
  private readonly previews = new Map<string, RecleanResult>();
  private previewCount = 0;

  constructor(private readonly store: Store) {}

  async list(): Promise<RuleListResponse> {
    const loaded = await loadCorpusRules(this.store);
    return { hash: loaded?.hash ?? null, rules: loaded ? listSiteRules(loaded.rules) : [] };
  }

  /** A rule for the site of staged document `id`, from its removed block `removal` or its kept block `block`. */
  async propose(rawId: unknown, removal: unknown, block: unknown): Promise<RuleProposalResponse> {
    const id = checkId(rawId);
    const host = hostOf(id);
    if (!host) {
      throw reviewError('review.no-site', 'the document has no web address, so no site to make a rule for', {
        subject: id,
      });
    }
    const staged = await this.store.getStaged(id);
    const record = staged?.record ?? staged?.previous ?? null;
    if (!record) throw reviewError('review.not-staged', 'not in the staging area', { subject: id });
    const document = record.document;
    const index = (value: unknown, length: number, name: string): number => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= length) {
        throw reviewError('review.invalid-block', `${name} must be the index of a block of the document`);
      }
      return value;
    };
    if (removal !== undefined && removal !== null) {
      const taken = document.removed[index(removal, document.removed.length, 'removal')]!;
      const proposal = proposeSiteRule({ host, text: taken.text, selector: taken.selector ?? null, removed: true });
      return {
        ...proposal,
        id,
        block: { removed: true, text: taken.text, selector: taken.selector ?? null, rule: taken.rule },
      };
    }
    const blocks = textBlocks(document.text);
    const at = index(block, blocks.length, 'block');
    const selector = document.blockSelectors?.[at] || null;
    const proposal = proposeSiteRule({ host, text: blocks[at]!, selector, removed: false });
    return { ...proposal, id, block: { removed: false, text: blocks[at]!, selector, rule: null } };
  }

  /** What the corpus's rules plus `draft` would change on the draft's site (nothing is written). */
  async preview(draft: Partial<RuleDraft>): Promise<RulePreviewResponse> {
    const rule = ruleOf(draft);
    const current = (await loadCorpusRules(this.store))?.rules ?? { disabledCategories: [], sites: {} };
    const added = addSiteRule(current, rule);
    const site = normalizeSiteName(rule.site);
    const session = storeSession(this.store);
    const result = await reclean(session, session, { site, siteRules: added.rules, dryRun: true });
    const key = `p${++this.previewCount}`;
    this.previews.set(key, result);
    for (const old of this.previews.keys()) if (this.previews.size > PREVIEWS_KEPT) this.previews.delete(old);
    const staged = result.changes.filter((change) => change.where === 'staged').length;
    return {
      preview: key,
      rule: added.rule,
      site,
      checked: result.checked,
      changed: result.changes.length,
      staged,
      committed: result.changes.length - staged,
      failed: result.failed.map(({ source, error }) => ({ id: source, error })),
      documents: result.changes.slice(0, PREVIEW_DOCUMENTS).map((change) => {
        const diff = diffDocuments(diffSide(change.id, change.before), diffSide(change.id, change.after));
        return {
          id: change.id,
          title: change.title,
          where: change.where,
          state: change.state,
          removedAdded: change.removedAdded,
          removedDropped: change.removedDropped,
          words: { added: diff.stats.words.added, removed: diff.stats.words.removed },
        };
      }),
    };
  }

  /** One document's diff from a preview (as the other document diffs of the API). */
  previewDiff(key: unknown, rawId: unknown): DocumentDiffResponse {
    const id = checkId(rawId);
    const result = typeof key === 'string' ? this.previews.get(key) : undefined;
    if (!result) {
      throw reviewError('review.no-preview', 'that preview is no longer kept: preview the rule again');
    }
    const change = result.changes.find((candidate) => candidate.id === id);
    if (!change)
      throw reviewError('review.no-document', 'the preview does not change this document', {
        subject: id,
      });
    const similarity = textSimilarity(change.before.text, change.after.text);
    return {
      id,
      from: id,
      diff: diffDocuments(diffSide(id, change.before), diffSide(id, change.after)),
      similarity,
      similarityText: describeSimilarity(similarity),
    };
  }

  /** Add the rule to the corpus's rule file (versioned with the corpus at the next commit). */
  async save(draft: Partial<RuleDraft>, by: string | null): Promise<RuleSavedResponse> {
    const rule = ruleOf(draft);
    const saved = await addCorpusRule(this.store, { ...rule, ...(by ? { by } : {}), at: new Date().toISOString() });
    const loaded = await loadCorpusRules(this.store);
    return { rule: saved, hash: loaded?.hash ?? null };
  }

  /** Re-clean a site with the corpus's rules and stage what changes. */
  async reclean(rawSite: unknown): Promise<RuleRecleanResponse> {
    const site = normalizeSiteName(text(rawSite, 'a site')!);
    const session = storeSession(this.store);
    const result = await reclean(session, session, { site });
    return {
      site,
      checked: result.checked,
      staged: result.counts.new + result.counts.updated,
      unchanged: result.counts.unchanged,
      failed: result.failed.map(({ source, error }) => ({ id: source, error })),
      ids: result.files.filter((file) => file.outcome === 'new' || file.outcome === 'updated').map((file) => file.id!),
    };
  }
}
