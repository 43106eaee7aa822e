/**
 * Whether a page is a cookie or privacy policy: one fact of the page, read before any rule runs,
 * for both the box rule (a consent box after the policy's headline is its text, consent.ts) and
 * the line rule (a "We use cookies …" line is the policy's text, `cookie-consent/line`).
 */

import { COOKIE_PAGE_TITLE, POLICY_NAME_IN_TEXT } from './rule-patterns.js';
import { squash } from './text-util.js';

/** Headings that may be the page's headline: the logo may be the h1, and the title an h2 or h3. */
const HEADLINE_TAGS = ['h1', 'h2', 'h3'] as const;
/** A heading this short is not matched against the title (a "News" logo is in many titles). */
const MIN_HEADLINE_CHARS = 8;

/** The text of the document's `<title>` element, squashed ('' when it has none). */
export function titleElementText(document: Document): string {
  return squash(document.querySelector('title')?.textContent ?? '');
}

/**
 * The page's headline under `root`: the first h1–h3 (in that order of levels) whose text the
 * title holds (`title`: the `<title>` element's, see titleElementText), or null. A consent box
 * never holds it, whatever its level.
 */
export function pageHeadline(title: string, root: Element): Element | null {
  const lower = title.toLowerCase();
  if (lower === '') return null;
  for (const tag of HEADLINE_TAGS) {
    for (const heading of Array.from(root.getElementsByTagName(tag))) {
      const text = squash(heading.textContent ?? '').toLowerCase();
      if (text.length >= MIN_HEADLINE_CHARS && lower.includes(text)) return heading;
    }
  }
  return null;
}

/** Whether `heading`'s whole text is the name of a cookie or privacy policy (see COOKIE_PAGE_TITLE). */
function namesPolicy(heading: Element): boolean {
  return COOKIE_PAGE_TITLE.test(squash(heading.textContent ?? ''));
}

/**
 * The headline of a cookie or privacy policy under `root`: the first h1 that the title holds and
 * that is the whole name of such a document (however short), else the page's headline
 * (see pageHeadline) when it is one; null when neither is. A heading of a lower level that names a
 * policy counts only as the page's headline: a news page's footer may head its links "Privacy
 * policy", and the story's title may speak of one.
 */
export function policyHeadline(title: string, root: Element): Element | null {
  if (!POLICY_NAME_IN_TEXT.test(title)) return null;
  const lower = title.toLowerCase();
  for (const heading of Array.from(root.getElementsByTagName('h1'))) {
    const text = squash(heading.textContent ?? '').toLowerCase();
    if (text !== '' && lower.includes(text) && namesPolicy(heading)) return heading;
  }
  const headline = pageHeadline(title, root);
  return headline && namesPolicy(headline) ? headline : null;
}

/**
 * Whether the page under `root` is a cookie or privacy policy: a whole part of one of its titles
 * (the `<title>` element's and `metaTitle`, from JSON-LD or Open Graph; see COOKIE_PAGE_TITLE)
 * is the name of such a document ("Acme Shop | Cookie Policy"), or its headline is ("Privacy and
 * cookies" as the h1 of "Privacy and cookies at the Harbour Museum"; see policyHeadline). A
 * headline is held by the title, so a page whose titles name no policy anywhere is none, and its
 * headings are not read.
 */
export function isPolicyPage(document: Document, root: Element, metaTitle: string | null): boolean {
  const title = titleElementText(document);
  const titles = [title, squash(metaTitle ?? '')].filter((text) => POLICY_NAME_IN_TEXT.test(text));
  if (titles.length === 0) return false;
  return titles.some((text) => COOKIE_PAGE_TITLE.test(text)) || policyHeadline(title, root) !== null;
}
