/**
 * The content root of a page that is not an article. Readability looks for the one container
 * that reads most like an article body; on a product, collection, listing or service page the
 * content is spread over sections (a description, a spec table, a grid of cards, a run of
 * service blocks) and its best container is often one section. When the page marks its main
 * content (`<main>`, `role="main"`) and that element holds most of the page's text, it is the
 * root instead.
 */

import type { PageType } from '@corpuskit/document';

import { isAttached, isKept, removeElement, ruleApplies } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { TextStats } from './features/dom-walk.js';
import { ruleById } from './rules.js';

/** The page types whose content is taken from the page's marked main region. */
export const MAIN_REGION_TYPES: readonly PageType[] = ['product', 'collection', 'listing', 'service'];

/** Share of the page's text (outside links) the main region must hold. */
const MIN_MAIN_SHARE = 0.4;

/**
 * The page's marked main region (`<main>` or `[role="main"]`, the one with the most text outside
 * links) when it holds at least MIN_MAIN_SHARE of the page's text outside links; else null.
 */
export function mainRegion(body: Element): Element | null {
  const stats = new TextStats();
  const page = stats.of(body);
  const pageText = page.chars - page.linkChars;
  if (pageText <= 0) return null;
  let best: Element | null = null;
  let bestText = 0;
  for (const el of Array.from(body.querySelectorAll('main, [role="main"]'))) {
    const t = stats.of(el);
    const text = t.chars - t.linkChars;
    if (text > bestText) {
      best = el;
      bestText = text;
    }
  }
  return best && bestText >= MIN_MAIN_SHARE * pageText ? best : null;
}

/** Controls of a shop or service page: forms, dialogs, buttons, drop-downs. */
const CONTROL_SELECTOR = 'form, dialog, [role="dialog"], [aria-modal="true"], button, select';

/** A chrome element holding more than this share of the region's text is not chrome. */
const MAX_CHROME_SHARE = 0.3;

/**
 * The chrome inside the main region of a product, collection or listing page: forms, dialogs,
 * buttons and drop-downs (cart, size and report forms, pop-ups) and, on a product page, lists of links (menus, breadcrumbs,
 * "customers also bought" rows). Outermost first; none holds more than MAX_CHROME_SHARE of the
 * region's text. A collection or listing keeps its link lists: its cards are links.
 */
function regionChrome(root: Element, type: PageType): Array<{ element: Element; why: string }> {
  const stats = new TextStats();
  const total = Math.max(1, stats.of(root).chars);
  const out: Array<{ element: Element; why: string }> = [];
  const taken = (el: Element) => out.some(({ element }) => element.contains(el));
  const small = (el: Element) => stats.of(el).chars <= MAX_CHROME_SHARE * total;
  for (const el of Array.from(root.querySelectorAll(CONTROL_SELECTOR))) {
    if (!taken(el) && small(el)) out.push({ element: el, why: `a control (${el.localName.toLowerCase()})` });
  }
  if (type === 'product') {
    for (const el of Array.from(root.querySelectorAll('ul, ol, div, section'))) {
      if (taken(el) || !small(el)) continue;
      const t = stats.of(el);
      if (t.chars < 30 || t.linkChars < 0.7 * t.chars) continue;
      if (el.querySelectorAll('a[href]').length < 4) continue;
      out.push({ element: el, why: 'a list of links' });
    }
  }
  return out;
}

/** Remove the chrome of a main region (rule `boilerplate/region-chrome`), each drop reported. */
export function removeRegionChrome(context: DomRuleContext, root: Element, type: PageType): void {
  const rule = ruleById(REGION_RULE);
  if (!rule.pageTypes?.includes(type) || !ruleApplies(rule, context.disabled, context.stage, type)) return;
  const reason = rule.dom?.reason ?? 'chrome in the main region';
  for (const { element, why } of regionChrome(root, type)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, REGION_RULE, `${reason}: ${why}`);
  }
}

const REGION_RULE = 'boilerplate/region-chrome' as const;
