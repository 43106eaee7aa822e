/**
 * The DOM rule engine: runs the DOM matchers of the rule pack (selectors as data, or a named
 * procedure) under a root element, in `DOM_ORDER`, skipping disabled rules before matching.
 */

import { captionShare, emailForms, linkBlocks, namedCaptions, ratingWidgets, siteSelectors } from './dom-procedures.js';
import {
  checkDeadline,
  guarded,
  isAttached,
  isKept,
  markKept,
  unmarkPage,
  removeElement,
  ruleApplies,
  textOf,
} from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { markBesidePictures } from './picture-marks.js';
import { keepsPanels, panelTest } from './panels.js';
import { ruleById } from './rules.js';
import { removeTeaserCards } from './teaser-cards.js';
import { removeFacetPanels } from './facets.js';
import { removeConsentBoxes } from './consent.js';
import { removeFoldedMenus } from './folded-menu.js';
import { CONTENTS_MARKS, removeContentsLists } from './contents-list.js';
import type { DomProcedure, RuleDefinition, RuleId } from './rules.js';
import { ListedElements, compileGroups, descendants, linksUnder, matchGroups } from './selector-match.js';
import type { CompiledGroups } from './selector-match.js';

export type { DomRuleContext, PendingRemoval } from './dom-removal.js';

/** The order in which the DOM rules run: site rules, known widgets, link blocks and forms, credits and captions. */
export const DOM_ORDER = [
  'site-rule/remove',
  'cookie-consent/element',
  'cookie-consent/box',
  'comments/widget',
  'share/widget',
  'donation/widget',
  'newsletter/widget',
  'related/widget',
  'related/teaser-cards',
  'author-bio/widget',
  'advertisement/element',
  'paywall-notice/element',
  'navigation/contents',
  'navigation/element',
  'boilerplate/hidden',
  'boilerplate/folded-menu',
  'boilerplate/icon-ligature',
  'boilerplate/filter-panel',
  'share/links',
  'promo/app-links',
  'newsletter/email-form',
  'boilerplate/rating-widget',
  'image-credit/element',
  'caption/figure',
  'caption/named',
] as const satisfies readonly RuleId[];

type Step =
  | { kind: 'selectors'; rules: Array<{ id: RuleId; rule: RuleDefinition }> }
  | { kind: 'procedure'; id: RuleId; rule: RuleDefinition; procedure: DomProcedure };

/** The steps for the rules that run: runs of selector rules (matched in one walk) and procedures. */
function stepsFor(context: DomRuleContext): Step[] {
  const steps: Step[] = [];
  for (const id of DOM_ORDER) {
    const rule = ruleById(id);
    const dom = rule.dom;
    if (!dom || !ruleApplies(rule, context.disabled, context.stage, context.pageType, context.alsoRules)) continue;
    if (dom.kind === 'procedure') {
      steps.push({ kind: 'procedure', id, rule, procedure: dom.procedure });
      continue;
    }
    if (dom.captionsDropped && context.captions !== 'drop') continue;
    const last = steps[steps.length - 1];
    if (last?.kind === 'selectors') last.rules.push({ id, rule });
    else steps.push({ kind: 'selectors', rules: [{ id, rule }] });
  }
  return steps;
}

/** DOM rules the HTML pipeline runs itself (around Readability), not the engine. */
export const PIPELINE_DOM_RULES = [
  'boilerplate/outside-article',
  'boilerplate/post-chrome',
  'boilerplate/region-chrome',
  'boilerplate/shop-rows',
] as const satisfies readonly RuleId[];

const compiledCache = new Map<string, CompiledGroups>();

/** Compiled selector groups of a run of rules, kept for the next page (the pack does not change). */
function compiledFor(rules: Array<{ id: RuleId; rule: RuleDefinition }>): CompiledGroups {
  const key = rules.map(({ id }) => id).join(' ');
  let compiled = compiledCache.get(key);
  if (!compiled) {
    compiled = compileGroups(rules.map(({ rule }) => (rule.dom?.kind === 'selectors' ? rule.dom.selectors : [])));
    compiledCache.set(key, compiled);
  }
  return compiled;
}

/** Remove the matched elements of one selector rule (outermost first). */
function removeMatched(
  context: DomRuleContext,
  root: ParentNode,
  matched: Array<{ element: Element; selector: string }>,
  id: RuleId,
  rule: RuleDefinition,
): void {
  if (rule.dom?.kind !== 'selectors') return;
  const { reason, maxChars } = rule.dom;
  const kept = keepsPanels(rule, context.pageType);
  const panels = kept ? panelTest(context.document, kept) : null;
  for (const { element, selector } of matched) {
    checkDeadline(context);
    if (!isAttached(element, root)) continue;
    // A class that often wraps the article body itself (a paywall): only small notices go.
    if (maxChars !== undefined && textOf(element).length > maxChars) continue;
    if (panels?.(element)) continue;
    if (isKept(context, element) || guarded(context, element, id, root)) continue;
    removeElement(context, element, id, `${reason} (${selector})`);
  }
}

/** Apply the DOM rules under `root` (the body before Readability, the article element after it). */
export function applyDomRules(context: DomRuleContext, root: ParentNode, listed?: ListedElements): void {
  // The page's elements, listed once before Readability for the selector rules and the
  // procedures that look at every element; the rules before them only take elements out, and
  // what they took is skipped (removeMatched and the procedures look only at what is attached).
  // (`listed`: the caller's list of them, when it has one; see ListedElements.)
  const list = context.stage === 'dom-before' ? (listed?.root === root ? listed : new ListedElements(root)) : null;
  const elements = list?.elements ?? null;
  // The marks only the rules set, which a freshly parsed page may carry itself, taken off; then
  // what the site's keep rules protect is marked, for this stage and the later ones …
  if (elements) unmarkPage(elements, CONTENTS_MARKS);
  markKept(context.site, root);
  // … and the captions beside pictures painted with CSS, before Readability drops the pictures.
  if (elements) markBesidePictures(root, true, elements);
  const steps = stepsFor(context);
  const matchedRuns = new Map<Step, Array<Array<{ element: Element; selector: string }>>>();
  let links: Element[] | null = null;
  for (const step of steps) {
    checkDeadline(context);
    if (step.kind === 'procedure') {
      const dom = step.rule.dom;
      if (dom?.kind !== 'procedure') continue;
      if (['outside-article', 'post-chrome', 'region-chrome', 'shop-rows'].includes(step.procedure)) continue;
      if (step.procedure === 'site-selectors') siteSelectors(context, root, step.id);
      else if (step.procedure === 'email-form') emailForms(context, root, step.id, dom.reason);
      else if (step.procedure === 'rating-widget') ratingWidgets(context, root, step.id, dom.reason);
      else if (step.procedure === 'named-caption') namedCaptions(context, root, step.id, dom.reason);
      else if (step.procedure === 'teaser-cards') removeTeaserCards(context, root as Element, step.id, dom.reason);
      else if (step.procedure === 'filter-panel') removeFacetPanels(context, root as Element, step.id, dom.reason);
      else if (step.procedure === 'consent-box')
        removeConsentBoxes(context, root as Element, step.id, dom.reason, elements ?? descendants(root));
      else if (step.procedure === 'folded-menu') removeFoldedMenus(context, root as Element, step.id, dom.reason);
      else if (step.procedure === 'contents-list')
        removeContentsLists(context, root, step.id, dom.reason, dom.patterns?.label);
      else {
        // The procedures after the first link-block rule only take elements out: one list of
        // the links serves them all (the rule skips links no longer attached).
        links ??= linksUnder(root);
        linkBlocks(context, root, step.id, dom, links);
      }
      continue;
    }
    // Removals only take elements out, so matching a run of rules before removing anything
    // gives the same elements as matching each rule in turn (detached ones are skipped). The
    // same holds across the procedures between runs: the runs whose selectors are all simple
    // (a compound, optionally inside an ancestor compound) are matched in one walk with the first.
    if (!matchedRuns.has(step)) matchRuns(context, root, steps, step, matchedRuns, list);
    const matched = matchedRuns.get(step) ?? [];
    step.rules.forEach(({ id, rule }, index) => removeMatched(context, root, matched[index] ?? [], id, rule));
  }
}

/**
 * Match the selector run `first` and, in the same walk, the later runs whose selectors are all
 * simple; other runs are matched when they come (their selectors may look at siblings).
 */
function matchRuns(
  context: DomRuleContext,
  root: ParentNode,
  steps: Step[],
  first: Extract<Step, { kind: 'selectors' }>,
  into: Map<Step, Array<Array<{ element: Element; selector: string }>>>,
  listed: ListedElements | null,
): void {
  const runs: Array<Extract<Step, { kind: 'selectors' }>> = [first];
  for (const step of steps.slice(steps.indexOf(first) + 1)) {
    if (step.kind === 'selectors' && compiledFor(step.rules).complex.every((joined) => joined === '')) runs.push(step);
  }
  const matched = matchGroups(
    root,
    compiledFor(runs.flatMap((run) => run.rules)),
    () => checkDeadline(context),
    listed,
  );
  let offset = 0;
  for (const run of runs) {
    into.set(run, matched.slice(offset, offset + run.rules.length));
    offset += run.rules.length;
  }
}

/**
 * Share of the page's prose in figure captions (by the caption rule's selectors); see `captionShare`.
 * `listed`: the elements under `root`, listed for the DOM rules as well (see ListedElements).
 */
export function pageCaptionShare(root: Element, listed?: ListedElements): number {
  const dom = ruleById('caption/figure').dom;
  return captionShare(root, dom?.kind === 'selectors' ? dom.selectors : [], listed);
}
