/**
 * Drop-down menus drawn with a closed `<details>` instead of a `<select>`: a language or sort
 * picker, a "copy link" or account menu, a folded list of links. The browser shows only the
 * summary until the reader opens it, and the folded part is links to choose from, not text, just
 * as a `<select>`'s options are not. A closed `<details>` that folds prose (a questions
 * accordion's answers, a transcript) is the page's text and stays; so does one whose summary asks a
 * question (a menu's button names a choice, "Sort", "Language: Any", never asks) and one in a run of
 * sibling `<details>` of which one folds prose, a sentence or more, or two or more fold text (an
 * accordion, whose answer may be a list of links).
 */

import { checkDeadline, guarded, isAttached, isKept, removeElement } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { TextStats } from './features/dom-walk.js';
import { QUESTION_END } from './rule-patterns.js';
import type { RuleId } from './rules.js';
import { lowerCase } from './lower-case.js';

/** The folded part is a menu when more than this share of its text is in links … */
const MIN_LINK_SHARE = 0.5;
/** … and it offers at least this many links to choose from (one link is a sentence's). */
const MIN_LINKS = 3;
/** An accordion's entry beside it folds at least this many characters outside links: a sentence, not a label or a rating … */
const MIN_PROSE_CHARS = 80;
/** … or at least this many entries beside it fold text outside links (an accordion of short answers). */
const MIN_TEXT_ENTRIES = 2;

/**
 * A summary that asks: ends in a question mark (QUESTION_END) or opens with an inverted
 * one, or opens with an English question word followed by more words ("Which stops …", "Can I …").
 */
const QUESTION_START =
  /^\s*(?:¿|(?:what|which|who|whom|whose|where|when|why|how|can|could|do|does|did|is|are|was|were|will|would|should|may|must|have|has)\s+\S)/iu;

function summaryOf(details: Element): Element | null {
  for (let child = details.firstElementChild; child; child = child.nextElementSibling) {
    if (lowerCase(child.localName) === 'summary') return child;
  }
  return null;
}

function asksQuestion(details: Element): boolean {
  const text = summaryOf(details)?.textContent ?? '';
  return QUESTION_END.test(text) || QUESTION_START.test(text);
}

/**
 * Whether `details` is an accordion's entry, whose answer may be a list of links: in the run of
 * sibling `<details>` around it (closed or open), one folds prose (see foldsProse), or two or more
 * fold text outside links (see foldsText: short answers, "Daily 9 to 5"). One sibling that folds a
 * few words (a rating, "No reviews yet") makes no accordion.
 */
function inAccordion(details: Element, stats: TextStats): boolean {
  let texts = 0;
  for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
    for (let sib = details[step]; sib; sib = sib[step]) {
      if (lowerCase(sib.localName) !== 'details') break;
      if (foldsProse(sib, stats)) return true;
      if (foldsText(sib, stats)) texts += 1;
      if (texts >= MIN_TEXT_ENTRIES) return true;
    }
  }
  return false;
}

/** The text a `<details>` folds: its text less its summary's (bare text beside the summary included). */
interface Folded {
  chars: number;
  linkChars: number;
  /** Links outside the summary. */
  links: number;
}

function foldedText(details: Element, stats: TextStats): Folded {
  const all = stats.of(details);
  let chars = all.chars;
  let linkChars = all.linkChars;
  let summaryLinks = 0;
  for (let child = details.firstElementChild; child; child = child.nextElementSibling) {
    if (lowerCase(child.localName) !== 'summary') continue;
    const text = stats.of(child);
    chars -= text.chars;
    linkChars -= text.linkChars;
    summaryLinks += child.getElementsByTagName('a').length;
  }
  return { chars, linkChars, links: details.getElementsByTagName('a').length - summaryLinks };
}

/**
 * Whether a closed `<details>` folds a menu: of the text it folds (see foldedText), more than
 * MIN_LINK_SHARE is in links, and it holds MIN_LINKS links outside the summary.
 */
function foldsMenu(details: Element, stats: TextStats): boolean {
  const { chars, linkChars, links } = foldedText(details, stats);
  if (chars <= 0 || linkChars <= MIN_LINK_SHARE * chars) return false;
  return links >= MIN_LINKS;
}

/** Whether folded text is text: at most MIN_LINK_SHARE of it is in links, and some of it is outside them. */
function isText({ chars, linkChars }: Folded): boolean {
  return chars > linkChars && linkChars <= MIN_LINK_SHARE * chars;
}

/** Whether a `<details>` folds text (see isText). */
function foldsText(details: Element, stats: TextStats): boolean {
  return isText(foldedText(details, stats));
}

/** Whether a `<details>` folds prose: text (see isText) of MIN_PROSE_CHARS or more outside links, a sentence or more. */
function foldsProse(details: Element, stats: TextStats): boolean {
  const folded = foldedText(details, stats);
  return isText(folded) && folded.chars - folded.linkChars >= MIN_PROSE_CHARS;
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
    if (asksQuestion(el) || inAccordion(el, stats)) continue;
    if (isKept(context, el) || guarded(context, el, ruleId, root)) continue;
    removeElement(context, el, ruleId, reason);
  }
}
