/**
 * Post chrome inside a forum thread (rule `boilerplate/post-chrome`). A post is its text plus
 * what the forum software puts around it: the author card (rank, post count, join date), vote
 * counts and badges, share/edit/flag controls, signatures, the comments under an answer. The
 * text sits in one descendant that holds nearly all of the post's prose; the chrome is the rest.
 *
 * From each post of the thread (the items of the repeated group that reads like posts), the walk
 * goes down to the child holding at least BODY_SHARE of the text outside links, as long as the
 * current element is a wrapper: little text of its own, not a paragraph, list, quote or table,
 * and no paragraph, list, quote or table beside that child (then it is the post's text). The
 * other children met on the way are the chrome. Nothing site-specific: only the tree's shape.
 */

import { TextStats } from './features/dom-walk.js';
import { isAttached, isKept, removeElement, ruleApplies } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { ruleById } from './rules.js';

/** Share of a wrapper's text (outside links) its body child must hold for the walk to go down. */
const BODY_SHARE = 0.7;

/** Elements the walk never enters: they are text, not wrappers. */
const TEXT_ELEMENTS = new Set([
  'p',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'code',
]);

const RULE = 'boilerplate/post-chrome' as const;

/** Own text (of direct text children) in visible characters. */
function ownChars(element: Element): number {
  let n = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) n += (node.nodeValue ?? '').replace(/\s+/g, '').length;
  }
  return n;
}

/** The chrome elements of one post: siblings of the path down to its body. */
function postChrome(item: Element, stats: TextStats): Element[] {
  const chrome: Element[] = [];
  let current = item;
  for (let depth = 0; depth < 30; depth++) {
    const own = stats.of(current);
    const text = own.chars - own.linkChars;
    if (text <= 0 || ownChars(current) > 0.1 * own.chars) break;
    let best: Element | null = null;
    let bestText = -1;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling) {
      const t = stats.of(c);
      if (t.chars - t.linkChars > bestText) {
        best = c;
        bestText = t.chars - t.linkChars;
      }
    }
    if (!best || bestText < BODY_SHARE * text) break;
    // Paragraphs, lists or quotes beside the largest child: this is the post's text itself.
    let prose = false;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling)
      if (c !== best && TEXT_ELEMENTS.has(c.localName.toLowerCase()) && stats.of(c).chars > 0) prose = true;
    if (prose) break;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling) if (c !== best) chrome.push(c);
    if (TEXT_ELEMENTS.has(best.localName.toLowerCase())) break;
    current = best;
  }
  return chrome;
}

/** Remove the chrome of each post of a thread (items still in `root`), reported under the rule. */
export function removePostChrome(context: DomRuleContext, root: Element, items: readonly Element[]): void {
  if (!ruleApplies(ruleById(RULE), context.disabled, context.stage, context.pageType)) return;
  const stats = new TextStats();
  const reason = ruleById(RULE).dom?.reason ?? 'post chrome';
  for (const item of items) {
    if (!isAttached(item, root)) continue;
    for (const element of postChrome(item, stats)) {
      if (!isAttached(element, root) || isKept(context, element)) continue;
      removeElement(context, element, RULE, reason);
    }
  }
}
