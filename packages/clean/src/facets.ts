/**
 * The filter panel of a collection or listing page (faceted navigation): the boxes beside or
 * above the grid that narrow it down by brand, size, colour, price or date. They are controls,
 * not content: a reader of the page's text wants the cards, not "Giro (29)", "XL", "$50 to
 * $75". A panel is found by its markup, in one of three ways:
 * - a class or id word names it a filter, facet or refinement (`filters`, `facet-list`,
 *   `refinementBar`) and it holds controls to filter with (boxes, drop-downs, buttons, links back
 *   to the page with a query, counted items): a filtering script also names the cards it filters;
 * - it holds a run of check boxes with short labels (a choice per value);
 * - it is a list whose items mostly end in a count of results in brackets ("Fox (21)"; a year is
 *   not a count).
 * A panel never holds the page's cards: it carries no more than MAX_FACET_SHARE of the region's
 * text (all panels together too) and at most MAX_FACET_IMAGES pictures (a card grid shows a picture per card; a colour
 * swatch is mostly drawn in CSS).
 */

import { checkDeadline, guarded, isAttached, isKept, removeElement } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { TextStats } from './features/dom-walk.js';
import type { RuleId } from './rules.js';
import { classWords, PRICE } from './shop-rows.js';
import { elementsByTag } from './selector-match.js';
import { squashedLength } from './text-util.js';
import { childElements } from './tree.js';
import { lowerCase } from './lower-case.js';

/** A class or id word that names a filter panel. */
const FACET_WORD = /(?:^|[^a-z])(?:filters?|facets?|refinements?)(?:$|[^a-z])/;
/** A panel holds at most this share of the region's text … */
const MAX_FACET_SHARE = 0.3;
/** … and at most this many pictures. */
const MAX_FACET_IMAGES = 2;
/** A panel of choices has at least this many check boxes … */
const MIN_CHOICES = 4;
/** … with at most this many characters of text each on average (a label, its count). */
const MAX_CHOICE_CHARS = 40;
/** A counted list has at least this many items … */
const MIN_COUNTED_ITEMS = 4;
/** … of which at least this share end in a count in brackets. */
const MIN_COUNTED_SHARE = 0.6;
/** A count of results in brackets: "(5)", "(1,134)". */
const COUNT = String.raw`\(\s*\d[\d,.\s]*\)`;
/** A label and its count of results: "Bell (5)", "Ship to Address (1,134)". */
const COUNTED = new RegExp(String.raw`\S\s*${COUNT}\s*$`, 'u');
/** A count alone, as beside a filter's link: "Bell <a>…</a> (5)". */
const COUNT_ONLY = new RegExp(String.raw`^\s*${COUNT}\s*$`, 'u');
/** … not a year: "The Long Night (1994)" is a title with its year. */
const YEAR = /\(\s*(?:1[5-9]|20)\d\d\s*\)\s*$/u;

/** Whether `text` ends in a count in brackets that is not a year. */
function counted(text: string): boolean {
  return COUNTED.test(text) && !YEAR.test(text);
}

/** Whether `text` is nothing but a count in brackets that is not a year. */
function countOnly(text: string): boolean {
  return COUNT_ONLY.test(text) && !YEAR.test(text);
}
/** Elements a panel is drawn in (a phrase or a single control is not a panel). */
const PANEL_TAGS = new Set(['div', 'section', 'aside', 'nav', 'form', 'fieldset', 'ul', 'ol', 'dl', 'details']);
/** Check boxes: a filter lets a reader tick several values; radio buttons are a card's colour swatches as often. */
const CHOICE_SELECTOR = 'input[type="checkbox"], [role="checkbox"]';

/** Controls a reader filters with: boxes, drop-downs, buttons, options, a filtering script's hooks. */
const CONTROL_SELECTOR =
  'input, select, button, [role="checkbox"], [role="option"], [role="menuitemradio"], [role="menuitemcheckbox"], [data-filter]';

/** Whether `href` leads back to the page itself with a query (`?brand=bell`). */
function ownPageQuery(href: string, pageUrl: URL | null): boolean {
  if (href.startsWith('?')) return true;
  if (!pageUrl) return false;
  try {
    const target = new URL(href, pageUrl);
    return target.search !== '' && target.origin === pageUrl.origin && target.pathname === pageUrl.pathname;
  } catch {
    return false; // Not an address: not a filter link.
  }
}

/**
 * Whether link `a` is all of its list item but a count in brackets ("Bell", "Bell (5)"; a year
 * such as "(1994)" is no count, as in `counted`), or is in no list item (a bar of links: "Sort by
 * Newest Price"). A filter's link in a list is a label; a result's item carries more beside its
 * title (a date, a summary), and results are content.
 */
function labelLink(a: Element): boolean {
  const item = a.closest('li');
  if (!item) return true;
  const rest = (item.textContent ?? '').replace(a.textContent ?? '', '');
  return rest.trim() === '' || countOnly(rest);
}

/** Query keys of a pager: its links go to the next page of the same list, not to a filtered one. */
const PAGER_KEYS = new Set(['page', 'p', 'pg', 'offset', 'start']);

/**
 * Whether `a` is a pager's link: its query is a page, offset or start key alone (`?page=2`), or
 * holds one and the link is a bare number (`?kind=walks&page=2` "2"). A pager goes with a list of
 * results as much as with a filtered grid, so it tells neither. (A bare number alone is no pager:
 * sizes "8", "10", "12" are a filter's labels.)
 */
function pagerLink(a: Element, pageUrl: URL | null): boolean {
  let keys: string[];
  try {
    keys = [...new URL(a.getAttribute('href') ?? '', pageUrl ?? 'https://page.invalid/').searchParams.keys()];
  } catch {
    return false; // Not an address: no pager link.
  }
  const paged = keys.filter((k) => PAGER_KEYS.has(k.toLowerCase())).length;
  if (paged === 0) return false;
  return keys.length === 1 || /^\s*\d+\s*$/u.test(a.textContent ?? '');
}

/** A filter's label is at most this many words ("Walks", "Ship to Address"); a record's title is longer. */
const MAX_LABEL_WORDS = 3;

/** Whether link `a` is a short label ("Walks", "Under $50"), not a record's title. */
function shortLabel(a: Element): boolean {
  return labelLink(a) && (a.textContent ?? '').trim().split(/\s+/u).length <= MAX_LABEL_WORDS;
}

/**
 * Whether links back to the page differ only in one key's number (`?event=0`, `?event=1`, ...):
 * each opens a record (an older site's item pages), where a filter's links name values
 * (`?kind=walks`) or several keys.
 */
function recordLinks(hrefs: string[], pageUrl: URL | null): boolean {
  const base = pageUrl ?? new URL('https://page.invalid/');
  const keys = new Set<string>();
  const values = new Set<string>();
  for (const href of hrefs) {
    let params: URLSearchParams;
    try {
      params = new URL(href, base).searchParams;
    } catch {
      return false;
    }
    const entries = [...params];
    if (entries.length !== 1 || !/^\d+$/.test(entries[0]![1])) return false;
    keys.add(entries[0]![0]);
    values.add(entries[0]![1]);
  }
  return keys.size === 1 && values.size >= 2;
}

/**
 * Whether `el` holds controls to filter with: a box, drop-down, button or option, or a label link
 * back to the page itself with a query (`?brand=bell`), or items that end in a count of results.
 * A pager's links (`pagerLink`) are left out. Links that differ only in one key's number
 * (`recordLinks`) open records unless they are short labels: a filter's numeric ids (`?cat=12`
 * "Walks") are labels, a record's title ("Tide pools walk for families") is not.
 */
function holdsControls(el: Element, pageUrl: URL | null): boolean {
  if (el.matches(CONTROL_SELECTOR) || el.querySelector(CONTROL_SELECTOR)) return true;
  const queryLinks = Array.from(el.querySelectorAll('a[href]')).filter(
    (a) => ownPageQuery(a.getAttribute('href') ?? '', pageUrl) && !pagerLink(a, pageUrl),
  );
  if (
    queryLinks.some(labelLink) &&
    (queryLinks.some(shortLabel) ||
      !recordLinks(
        queryLinks.map((a) => a.getAttribute('href') ?? ''),
        pageUrl,
      ))
  )
    return true;
  let n = 0;
  for (const item of Array.from(el.querySelectorAll('li, a')))
    if (counted(item.textContent ?? '') && ++n >= 2) return true;
  return false;
}

/** A card is at most this many characters … */
const MAX_CARD_CHARS = 500;
/** … and holds its choices at most this many levels down. */
const MAX_CARD_DEPTH = 3;

/**
 * Whether `el` is, or is inside, a product card: a short element (MAX_CARD_CHARS) up to
 * MAX_CARD_DEPTH levels above it, below `root`, that holds a link and a price. A panel of
 * choices is neither.
 */
function inCard(el: Element, root: Element, stats: TextStats): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && e !== root && depth <= MAX_CARD_DEPTH; depth++, e = e.parentElement) {
    if (stats.of(e).chars > MAX_CARD_CHARS) return false;
    if (e.querySelector('a[href]') !== null && PRICE.test(e.textContent ?? '')) return true;
  }
  return false;
}

/** A panel's labels are at most this many characters (a sentence of prose is longer). */
const MAX_LABEL_CHARS = 80;

/** The length of the longest text node under `el`, its white space squashed. */
function longestText(el: Element): number {
  let longest = 0;
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) longest = Math.max(longest, squashedLength(node.nodeValue ?? ''));
    else for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return longest;
}

/** Why `el` reads as a filter panel, or null. */
function facetKind(el: Element, root: Element, stats: TextStats, pageUrl: URL | null): string | null {
  // A filtering script names what it filters too (`filter-item` cards, `#filter-results`): the
  // name counts only on an element that holds the controls a reader filters with.
  if (FACET_WORD.test(classWords(el)) && holdsControls(el, pageUrl)) return 'named a filter';
  const chars = stats.of(el).chars;
  const choices = el.querySelectorAll(CHOICE_SELECTOR).length;
  // A product card with a box per colour is a link with a price, not a panel.
  if (choices >= MIN_CHOICES && chars <= MAX_CHOICE_CHARS * choices && !inCard(el, root, stats))
    return 'a panel of choices';
  const tag = lowerCase(el.localName);
  if (tag === 'ul' || tag === 'ol') {
    const items = childElements(el).filter((c) => lowerCase(c.localName) === 'li');
    // A list of cards that end in a count of reviews is not short.
    if (items.length >= MIN_COUNTED_ITEMS && chars <= MAX_CHOICE_CHARS * items.length) {
      const n = items.filter((li) => counted(li.textContent ?? '')).length;
      if (n >= MIN_COUNTED_SHARE * items.length) return 'a list of counted choices';
    }
  }
  return null;
}

/**
 * The filter panels inside `root`, the content of a collection or listing page, outermost first,
 * with why each reads as one.
 */
function facetPanels(root: Element, pageUrl: URL | null): Array<{ element: Element; why: string }> {
  const stats = new TextStats();
  const total = Math.max(1, stats.of(root).chars);
  const out: Array<{ element: Element; why: string }> = [];
  let taken = 0;
  for (const el of elementsByTag(root, PANEL_TAGS)) {
    // Panels come in document order, outermost first: one inside a panel taken is inside the last.
    if (out.at(-1)?.element.contains(el)) continue;
    const chars = stats.of(el).chars;
    if (chars === 0 || chars > MAX_FACET_SHARE * total) continue;
    if (el.querySelectorAll('img, picture').length > MAX_FACET_IMAGES) continue;
    const why = facetKind(el, root, stats, pageUrl);
    // A panel is labels: a run of text as long as a sentence is prose (a section of questions
    // whose class names a "facet" of the goods).
    if (!why || longestText(el) > MAX_LABEL_CHARS) continue;
    // All the panels together hold no more than MAX_FACET_SHARE of the text either.
    if (taken + chars > MAX_FACET_SHARE * total) continue;
    taken += chars;
    out.push({ element: el, why });
  }
  return out;
}

/** The page's address, or null when it has none or it is not one. */
function addressOf(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `filter-panel`: remove the filter panels of a collection or listing page's content, each drop reported. */
export function removeFacetPanels(context: DomRuleContext, root: Element, ruleId: RuleId, reason: string): void {
  for (const { element, why } of facetPanels(root, addressOf(context.pageUrl))) {
    checkDeadline(context);
    if (!isAttached(element, root) || isKept(context, element) || guarded(context, element, ruleId, root)) continue;
    removeElement(context, element, ruleId, `${reason} (${why})`);
  }
}
