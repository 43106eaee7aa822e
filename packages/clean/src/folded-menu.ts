/**
 * Drop-down menus drawn with a closed `<details>` instead of a `<select>`: a language or sort
 * picker, a "copy link" or account menu, a folded list of links. The browser shows only the
 * summary until the reader opens it, and the folded part is links to choose from, not text, just
 * as a `<select>`'s options are not. A closed `<details>` that folds prose (a questions
 * accordion's answers, a transcript) is the page's text and stays.
 */

import { checkDeadline, guarded, isAttached, isKept, removeElement } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { TextStats } from './features/dom-walk.js';
import type { RuleId } from './rules.js';

/** The folded part is a menu when more than this share of its text is in links … */
const MIN_LINK_SHARE = 0.5;
/** … and it offers at least this many links to choose from (one link is a sentence's). */
const MIN_LINKS = 3;

/**
 * Whether a closed `<details>` folds a menu: of its text less its summary's (bare text beside the
 * summary included), more than MIN_LINK_SHARE is in links, and it holds MIN_LINKS links outside
 * the summary.
 */
function foldsMenu(details: Element, stats: TextStats): boolean {
  const all = stats.of(details);
  let chars = all.chars;
  let linkChars = all.linkChars;
  let summaryLinks = 0;
  for (let child = details.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName.toLowerCase() !== 'summary') continue;
    const text = stats.of(child);
    chars -= text.chars;
    linkChars -= text.linkChars;
    summaryLinks += child.getElementsByTagName('a').length;
  }
  if (chars <= 0 || linkChars <= MIN_LINK_SHARE * chars) return false;
  return details.getElementsByTagName('a').length - summaryLinks >= MIN_LINKS;
}

/**
 * `folded-menu`: remove each outermost closed `<details>` under `root` whose folded part is mostly
 * links (see foldsMenu), summary and all: the summary is the menu's button.
 */
export function removeFoldedMenus(context: DomRuleContext, root: Element, ruleId: RuleId, reason: string): void {
  const stats = new TextStats();
  for (const el of Array.from(root.querySelectorAll('details'))) {
    checkDeadline(context);
    if (el.hasAttribute('open') || !isAttached(el, root) || !foldsMenu(el, stats)) continue;
    if (isKept(context, el) || guarded(context, el, ruleId, root)) continue;
    removeElement(context, el, ruleId, reason);
  }
}
