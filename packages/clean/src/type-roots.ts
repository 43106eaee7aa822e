/**
 * The content root of a page that is not an article. Readability looks for the one container
 * that reads most like an article body; on a product, collection, listing or service page the
 * content is spread over sections (a description, a spec table, a grid of cards, a run of
 * service blocks) and its best container is often one section. When the page marks its main
 * content (`<main>`, `role="main"`) and that element holds most of the page's text, it is the
 * root instead.
 */

import type { PageType } from '@corpuskit/document';

import { extractBlocks, squashedText } from './blocks.js';
import type { Block } from './blocks.js';
import { checkDeadline, isAttached, isKept, removeElement, ruleApplies } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { TextStats } from './features/dom-walk.js';
import { isLandmark, LANDMARK_SELECTOR, namedFooter } from './features/landmarks.js';
import { matchPageBlocks } from './outside-article.js';
import { ruleById } from './rules.js';
import type { RuleId } from './rules.js';
import { longWords, showsDescription } from './lead.js';
import { repeatedCardWords } from './card-words.js';
import { elementsByTag } from './selector-match.js';
import { readsAsCookieSettings } from './panels.js';
import { squash, wordsFoundIn } from './text-util.js';
import { hiddenElement, hiddenElements } from './thread.js';
import { lowerCase } from './lower-case.js';
import { HEADING_TAGS } from './features/headings.js';

/** The page types whose content is taken from the page's marked main region. */
export const MAIN_REGION_TYPES: readonly PageType[] = ['product', 'collection', 'listing', 'service'];

/** Share of the page's text (outside links) the main region must hold. */
const MIN_MAIN_SHARE = 0.4;

/** The page's marked main region, as a selector. */
const MAIN_REGION_SELECTOR = 'main, [role="main"]';

/** Whether the page's markup declares `el` its main region (`<main>`, `role="main"`). */
export function isMainRegion(el: Element): boolean {
  return lowerCase(el.localName) === 'main' || el.getAttribute('role') === 'main';
}

/**
 * Text outside links of `el` (with `withLinks`, all its text), less that of the hidden subtrees
 * inside it (`hidden`: the page's outermost pop-ups, dialogs and `[hidden]`/`aria-hidden` subtrees).
 */
export function visibleText(el: Element, stats: TextStats, hidden: readonly Element[], withLinks = false): number {
  const of = (e: Element) => {
    const t = stats.of(e);
    return withLinks ? t.chars : t.chars - t.linkChars;
  };
  let text = of(el);
  for (const h of hidden) if (el.contains(h)) text -= of(h);
  return text;
}

/**
 * The page's hidden subtrees to leave out of its text when shares are measured (policy pop-ups,
 * quick-view dialogs, closed drawers: text a reader does not see, which can outweigh the page).
 * A hidden subtree that holds a main region is the page hidden until a script runs: it is not
 * left out.
 */
export function unseenSubtrees(body: Element): Element[] {
  return hiddenElements(body).filter((h) => !isMainRegion(h) && !h.querySelector(MAIN_REGION_SELECTOR));
}

/**
 * The page's marked main region (`<main>` or `[role="main"]`, the one with the most text outside
 * links) when it holds at least MIN_MAIN_SHARE of the page's text outside links; else null. With
 * `visibleOnly`, the text of hidden subtrees (see unseenSubtrees) is left out of both. With
 * `withLinks`, link text counts too: the cards of a collection or listing are links, and a page
 * whose menus and footer carry more plain text than its grid still has its grid in its main region.
 * `stats`: the caller's statistics of the same, unchanged tree when it has them; they must have
 * been asked about the body first, as this asks (an element's link characters depend on whether
 * an ancestor was asked before it).
 */
export function mainRegion(
  body: Element,
  visibleOnly = false,
  withLinks = false,
  stats: TextStats = new TextStats(),
): Element | null {
  const hidden = visibleOnly ? unseenSubtrees(body) : [];
  const pageText = visibleText(body, stats, hidden, withLinks);
  if (pageText <= 0) return null;
  let best: Element | null = null;
  let bestText = 0;
  for (const el of Array.from(body.querySelectorAll(MAIN_REGION_SELECTOR))) {
    const text = visibleText(el, stats, hidden, withLinks);
    if (text > bestText) {
      best = el;
      bestText = text;
    }
  }
  return best && bestText >= MIN_MAIN_SHARE * pageText ? best : null;
}

/** Controls of a shop or service page: forms, dialogs, buttons, drop-downs. */
const CONTROL_SELECTOR = 'form, dialog, [role="dialog"], [aria-modal="true"], button, select';
/**
 * The controls a service page loses: forms and dialogs. Its buttons stay (their labels often
 * name the offer); a drop-down's options are not part of the text anyway.
 */
const SERVICE_CONTROL_SELECTOR = 'form, dialog, [role="dialog"], [aria-modal="true"]';

/**
 * A form holding this many paragraphs of prose (PROSE_CHARS outside links each) is content: a
 * calculator or questionnaire that explains its choices. A lead form has a line of intro at most.
 */
const FORM_PROSE_PARAGRAPHS = 2;

/** Paragraphs of prose inside `el`, up to FORM_PROSE_PARAGRAPHS. */
function proseParagraphs(el: Element, stats: TextStats): number {
  let n = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
    const t = stats.of(p);
    if (t.chars - t.linkChars >= PROSE_CHARS && ++n >= FORM_PROSE_PARAGRAPHS) break;
  }
  return n;
}

/** A `<dialog>` without `open`: the browser does not render it until a script opens it. */
function closedDialog(el: Element): boolean {
  return lowerCase(el.localName) === 'dialog' && !el.hasAttribute('open');
}

/** The controls that are panels of text: a drawer, side sheet or pop-up a button opens. */
const PANEL_SELECTOR = 'dialog, [role="dialog"], [aria-modal="true"]';

/** A chrome element holding more than this share of the region's text is not chrome. */
const MAX_CHROME_SHARE = 0.3;

/**
 * The chrome inside the main region of a product, collection or listing page: forms, dialogs,
 * buttons and drop-downs (cart, size and report forms, pop-ups) and, on a product page, lists of links (menus, breadcrumbs,
 * "customers also bought" rows). Outermost first; none holds more than MAX_CHROME_SHARE of the
 * region's text. A collection or listing keeps its link lists: its cards are links. A service
 * page loses its forms and dialogs only (SERVICE_CONTROL_SELECTOR), a closed `<dialog>` whatever
 * its size, and keeps a form that explains its choices in paragraphs of prose. A product page keeps
 * a panel (PANEL_SELECTOR) that shows one of the page's `descriptions` (see showsDescription): the
 * product's description drawn in a side sheet a button opens.
 */
function regionChrome(
  root: Element,
  type: PageType,
  descriptions: readonly string[] = [],
): Array<{ element: Element; why: string }> {
  const stats = new TextStats();
  const total = Math.max(1, stats.of(root).chars);
  const out: Array<{ element: Element; why: string }> = [];
  const taken = (el: Element) => out.some(({ element }) => element.contains(el));
  const small = (el: Element) => stats.of(el).chars <= MAX_CHROME_SHARE * total;
  const service = type === 'service';
  for (const el of Array.from(root.querySelectorAll(service ? SERVICE_CONTROL_SELECTOR : CONTROL_SELECTOR))) {
    // Controls come in document order, outermost first: one inside a control taken is inside the last.
    if (out.at(-1)?.element.contains(el)) continue;
    // A closed <dialog> is not shown at all: it goes whatever its size.
    if (!small(el) && !(service && closedDialog(el))) continue;
    if (service && lowerCase(el.localName) === 'form' && proseParagraphs(el, stats) >= FORM_PROSE_PARAGRAPHS) continue;
    if (type === 'product' && el.matches(PANEL_SELECTOR) && showsDescription(el, descriptions)) continue;
    out.push({ element: el, why: `a control (${lowerCase(el.localName)})` });
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

/**
 * Remove the chrome of a main region (rule `boilerplate/region-chrome`), each drop reported. A
 * region taken around the page's landmarks (`aroundLandmarks`, see landmarkFreeRegion) loses
 * the landmarks inside it; a service page also loses its forms and dialogs (see regionChrome)
 * and the menus above its heading.
 */
export function removeRegionChrome(
  context: DomRuleContext,
  root: Element,
  type: PageType,
  aroundLandmarks = false,
  descriptions: readonly string[] = [],
): void {
  const rule = ruleById(REGION_RULE);
  if (!rule.pageTypes?.includes(type) || !ruleApplies(rule, context.disabled, context.stage, type)) return;
  const reason = rule.dom?.reason ?? 'chrome in the main region';
  const chrome = regionChrome(root, type, descriptions);
  if (aroundLandmarks) {
    for (const element of pageLandmarks(root))
      chrome.push({ element, why: `a page landmark (${lowerCase(element.localName)})` });
  }
  if (type === 'service')
    for (const element of menusAboveHeading(root))
      if (!chrome.some((c) => c.element.contains(element)))
        chrome.push({ element, why: 'a list of links above the page heading' });
  for (const { element, why } of chrome) {
    checkDeadline(context);
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, REGION_RULE, `${reason}: ${why}`);
  }
}

const REGION_RULE = 'boilerplate/region-chrome' as const;

/** The elements a menu is drawn in (taken outermost first), and the heading they stand above. */
const MENU_TAGS_AND_HEADING: ReadonlySet<string> = new Set(['ul', 'ol', 'div', 'section', 'h1', 'p']);
/** A paragraph with this many characters outside links is the page's prose: menus stand above it, not below. */
const PROSE_CHARS = 80;
/** A menu has at least this many links … */
const MIN_MENU_LINKS = 4;
/** … and at least this share of its text in them. */
const MIN_MENU_LINK_SHARE = 0.7;
/** … and its links are labels of at most this many characters on average (a card's headline is longer). */
const MAX_MENU_LABEL_CHARS = 30;

/**
 * Menus written without landmarks (a header's lists of links in plain divs) in the region of a
 * service page: the outermost lists and blocks wholly before the region's first h1, and
 * before any prose paragraph, that are mostly link text. Nothing when the region has no h1: the
 * menus have nothing to stand above.
 */
function menusAboveHeading(root: Element): Element[] {
  const heading = root.querySelector('h1');
  if (!heading) return [];
  const stats = new TextStats();
  const out: Element[] = [];
  // In document order an element wholly before the heading comes before it and does not hold it.
  for (const el of elementsByTag(root, MENU_TAGS_AND_HEADING)) {
    if (el === heading) break;
    // Menus come in document order, outermost first: an element inside one is inside the last.
    if (out.at(-1)?.contains(el) || el.contains(heading)) continue;
    const t = stats.of(el);
    // Prose before the h1: the h1 titles a later section, and what stands above it is content.
    if (lowerCase(el.localName) === 'p') {
      if (t.chars - t.linkChars >= PROSE_CHARS) break;
      continue;
    }
    if (t.chars < 30 || t.linkChars < MIN_MENU_LINK_SHARE * t.chars) continue;
    const links = el.querySelectorAll('a[href]').length;
    if (links < MIN_MENU_LINKS || t.linkChars > MAX_MENU_LABEL_CHARS * links) continue;
    out.push(el);
  }
  return out;
}

/** Inside these (and a main region), a header or footer belongs to the section, not to the page. */
const SECTIONING = new Set(['article', 'section']);

/**
 * The outermost landmarks under `root` that are not inside a main region, article or section. A
 * sidebar that holds the page's heading and most of its text is the page's content column (a
 * product's details beside its gallery), not its frame: it is walked into, not taken. With
 * `namedFooters`, a site footer named only by its class or id (`namedFooter`) is one too.
 */
export function pageLandmarks(root: Element, { namedFooters = false } = {}): Element[] {
  const out: Element[] = [];
  const frame = pageFrame(root, { namedFooters });
  const walk = (el: Element, level: number): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (frame.landmark(c, level)) out.push(c);
      else if (level < MAX_LANDMARK_LEVEL && frame.holdsFrame(c)) walk(c, level + 1);
    }
  };
  walk(root, 1);
  return out;
}

/** Elements deeper than this below the root are not looked at for landmarks. */
const MAX_LANDMARK_LEVEL = 201;

/**
 * The tests a walk of `root` makes to find its landmarks (see pageLandmarks), for a walk that
 * stops when it has what it needs. `landmark(el, level)`: `el`, `level` elements below the root
 * (its children are 1) and in no landmark, main region, article or section, is one of the
 * page's landmarks. `holdsFrame(el)`: landmarks are looked for inside `el` (not a main region,
 * article or section).
 */
export function pageFrame(
  root: Element,
  { namedFooters = false } = {},
): { landmark(el: Element, level: number): boolean; holdsFrame(el: Element): boolean } {
  // The page's first h1, looked for when a sidebar is met (most pages have none in their frame).
  let heading: Element | null | undefined;
  const headingOf = (): Element | null =>
    heading === undefined ? (heading = root.ownerDocument.querySelector('h1')) : heading;
  const stats = new TextStats();
  return {
    landmark: (el, level) =>
      level <= MAX_LANDMARK_LEVEL &&
      ((isLandmark(el) && !contentColumn(el, headingOf, stats)) || (namedFooters && namedFooter(el))),
    holdsFrame: (el) => !SECTIONING.has(lowerCase(el.localName)) && !isMainRegion(el),
  };
}

/** The landmarks a content column may be drawn as: sidebars. A header, footer or menu holding an h1 holds the site's name. */
const COLUMN_TAGS = new Set(['aside']);

/**
 * Whether the sidebar `el` is the page's content column: it holds the page's first h1 (`heading`
 * reads it) and more of the text outside links of its parent than the rest of the parent does.
 */
function contentColumn(el: Element, heading: () => Element | null, stats: TextStats): boolean {
  if (!(COLUMN_TAGS.has(lowerCase(el.localName)) || el.getAttribute('role') === 'complementary')) return false;
  const h1 = heading();
  if (!h1 || !el.contains(h1) || !el.parentElement) return false;
  const own = (e: Element) => stats.of(e).chars - stats.of(e).linkChars;
  return 2 * own(el) > own(el.parentElement);
}

/**
 * For each of the page's blocks, whether it stands in the page's frame: inside one of its
 * outermost header, footer, menu or sidebar landmarks (not those of a main region, article or
 * section). Read before Readability, which moves the page's nodes.
 */
export function framedBlocks(body: Element, blocks: readonly Block[]): boolean[] {
  const landmarks = pageLandmarks(body);
  return blocks.map((block) => {
    const node = block.nodes[0];
    const el = node ? (node.nodeType === 1 ? (node as Element) : node.parentElement) : null;
    return el !== null && landmarks.some((l) => l.contains(el));
  });
}

/**
 * The share of an article's text (its blocks' characters) that the page shows in its frame:
 * its blocks matched, in order, to page blocks that `framedBlocks` found inside a landmark.
 */
export function framedShare(pageBlocks: Block[], framed: readonly boolean[], articleBlocks: Block[]): number {
  let total = 0;
  for (const block of articleBlocks) total += squashedText(block).length;
  if (total === 0) return 0;
  let inFrame = 0;
  matchPageBlocks(pageBlocks, articleBlocks).forEach((index, p) => {
    if (index !== undefined && framed[p]) inFrame += squashedText(articleBlocks[index]!).length;
  });
  return inFrame / total;
}

/** Share of the text outside the landmarks the region's element must hold. */
const REGION_SHARE = 0.9;

/**
 * The region of a page with no marked main region: the smallest element holding REGION_SHARE of
 * the page's text outside its header, footer, menus and sidebars, with that text's length, the
 * length of its text outside links (its prose, less menus and cards) and the length of its text
 * outside headings (`bodyChars`: a region that holds only the page's heading has none).
 * Null when the page has no text outside them.
 */
export function landmarkFreeRegion(
  body: Element,
): { element: Element; chars: number; proseChars: number; bodyChars: number } | null {
  const stats = new TextStats();
  const landmarks = pageLandmarks(body);
  const inside = (el: Element, prose = false) => {
    const own = (e: Element) => (prose ? stats.of(e).chars - stats.of(e).linkChars : stats.of(e).chars);
    let n = own(el);
    for (const l of landmarks) if (el !== l && el.contains(l)) n -= own(l);
    return n;
  };
  const total = inside(body);
  if (total <= 0) return null;
  let region = body;
  for (let step = 0; step < 30; step++) {
    let next: Element | null = null;
    for (let c = region.firstElementChild; c; c = c.nextElementSibling)
      if (!landmarks.includes(c) && inside(c) >= REGION_SHARE * total) next = c;
    if (!next) break;
    region = next;
  }
  let headingChars = 0;
  for (const heading of elementsByTag(region, HEADING_TAGS)) {
    if (landmarks.some((l) => l.contains(heading))) continue;
    // Headings come in document order; one inside another heading is counted with it.
    if (heading.parentElement?.closest('h1, h2, h3, h4, h5, h6')) continue;
    headingChars += stats.of(heading).chars;
  }
  const chars = inside(region);
  return { element: region, chars, proseChars: inside(region, true), bodyChars: chars - headingChars };
}

/**
 * Readability's article holding less than this share of a service page's region is one section
 * of several (the offer, the steps, the questions): the region is taken instead.
 */
export const MIN_READABILITY_REGION_SHARE = 1 / 3;

/**
 * Readability's article with at most this share of its text outside the page's frame took the
 * frame itself (a footer's "About us", a feed link): when the region around the landmarks holds
 * a line of text beside its headings (MIN_REGION_BODY_CHARS), the page's own content is there,
 * and on every page type with a main region (a listing too) the region is taken.
 */
export const FRAME_ONLY_SHARE = 0.1;

/** A region holds text of its own beside its headings when it has a line of this many characters. */
export const MIN_REGION_BODY_CHARS = 20;

/**
 * On a service page, Readability's article holding less than this share of the region's text
 * outside links is one section of several too: the sections beside it (the offer, the team, the
 * office hours) are prose the region holds, while a menu or a grid of cards the page does not
 * mark as a landmark is links and does not count. Not on product and collection pages, where
 * Readability's pick is the description beside a grid of products (on the replay of the base CV
 * typing those moved 2 up and 1 down, by more).
 */
export const MIN_READABILITY_REGION_PROSE_SHARE = 2 / 3;

/**
 * The article rules a service page whose region was taken by its prose share runs as well: a
 * box of teaser cards with excerpts ("From our blog") is prose by that measure, not the offer.
 */
export const PROSE_REGION_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['related/teaser-cards']);

/** Text length of an element, as the region's is measured. */
export function regionChars(element: Element): number {
  return new TextStats().of(element).chars;
}

/** Length of an element's text outside links, as the region's `proseChars` is measured. */
export function regionProseChars(element: Element): number {
  const text = new TextStats().of(element);
  return text.chars - text.linkChars;
}

/**
 * The longer words of the page's title and its region's text, less those the region's cards
 * repeat (card-words.ts) and the title does not use: a box beside the region that speaks of
 * prices, delivery and reviews does not speak of the goods because every card names them too.
 */
function regionSubject(region: Element, title: string | null): Set<string> {
  const fromTitle = longWords(title ?? '');
  const subject = longWords(blockText(region));
  for (const word of repeatedCardWords(region)) if (!fromTitle.has(word)) subject.delete(word);
  for (const word of fromTitle) subject.add(word);
  return subject;
}

/** An element's text, a line per block (so that a heading's last word and the next paragraph's first stay apart). */
function blockText(element: Element): string {
  return extractBlocks(element, [])
    .map((block) => block.text)
    .join('\n');
}

/** A block beside the main region holds at least this many paragraphs of prose (PROSE_CHARS outside links each) … */
const BESIDE_PROSE_PARAGRAPHS = 2;
/** … and at most this share of its text in links. */
const MAX_BESIDE_LINK_SHARE = 0.3;
/**
 * … and at least this many of its longer words (lead.ts `longWords`) are in the page's title or
 * the region's text: a category's description names the goods and what they are made of; a
 * sign-up pop-up, the shop's delivery terms or its "about us" box name one of them at most.
 */
const BESIDE_MIN_SUBJECT_WORDS = 3;
/** A block beside the region whose opening characters name cookies and consent is a notice. */
const COOKIE_OPENING_CHARS = 300;

/**
 * The blocks of prose a collection page writes beside its main region (a category's description
 * under the grid, outside `<main>`): the siblings of the region and of its ancestors below the
 * body that hold BESIDE_PROSE_PARAGRAPHS paragraphs of prose, at most MAX_BESIDE_LINK_SHARE of
 * their text in links, no landmark (a site's footer holds its own prose), are not hidden, do
 * not open on cookies and consent, and speak of what the page and its region speak of
 * (BESIDE_MIN_SUBJECT_WORDS). In document order.
 */
export function proseBesideRegion(region: Element, body: Element, title: string | null): Element[] {
  const stats = new TextStats();
  const out: Element[] = [];
  let subject: Set<string> | null = null;
  for (let el: Element = region; el !== body && el.parentElement; el = el.parentElement) {
    for (let s = el.parentElement.firstElementChild; s; s = s.nextElementSibling) {
      if (s === el || isLandmark(s) || hiddenElement(s)) continue;
      const t = stats.of(s);
      if (t.chars === 0 || t.linkChars > MAX_BESIDE_LINK_SHARE * t.chars) continue;
      if (proseParagraphs(s, stats) < BESIDE_PROSE_PARAGRAPHS) continue;
      if (s.querySelector(LANDMARK_SELECTOR)) continue;
      // A cookie or privacy notice left on the page is not the category's description.
      if (readsAsCookieSettings(squash(s.textContent ?? '').slice(0, COOKIE_OPENING_CHARS))) continue;
      subject ??= regionSubject(region, title);
      if (wordsFoundIn(longWords(blockText(s)), subject) < BESIDE_MIN_SUBJECT_WORDS) continue;
      out.push(s);
    }
  }
  return out.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
