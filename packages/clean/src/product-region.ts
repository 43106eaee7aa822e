/**
 * The content root of a product page that does not mark its main region. A product page is a
 * heading (the product's name), a buy box (price, options, cart button) and, further down, the
 * description and specification sections, each in its own container; Readability looks for one
 * container of prose and takes one of them (a feature block, a hidden policy pop-up). Here the
 * root is grown from the product's heading: its ancestors are taken one by one while what each
 * adds is the product's own content, and the climb stops at the page's frame (a header, footer,
 * menu or sidebar beside the heading) or when what a step adds is mostly links (recommendation
 * rows, menus without semantic tags) and, without its largest row of link cards, not the
 * product's own text. Only the tree's shape and the page's own title are used:
 * no class names, no words.
 */

import { TextStats } from './features/dom-walk.js';
import { words, wordsFoundIn } from './text-util.js';
import { hiddenElement } from './thread.js';
import { LANDMARK_SELECTOR, isLandmark } from './features/landmarks.js';
import { likeSiblingGroups } from './features/like-siblings.js';
import { unseenSubtrees, visibleText } from './type-roots.js';
import { lowerCase } from './lower-case.js';

const ROOT_TAGS = new Set(['body', 'html']);
/** A step whose added text is more than this share links is a menu or a row of other products. */
const MAX_ADDED_LINK_SHARE = 0.5;
/** The region must hold this share of the page's visible text outside links... */
const MIN_REGION_SHARE = 0.3;
/** ...and at least this many characters outside links. */
const MIN_REGION_CHARS = 200;
/** At most this many steps up from the heading. */
const MAX_STEPS = 12;
/** Like siblings, at least this many, each mostly link text, are a row of other products' cards. */
const MIN_LINK_CARDS = 3;

/**
 * How well the heading's words match the page's title: found² / (heading words × title words),
 * so "Shop name" loses to "Product name" in "Product name – Shop name".
 */
function titleMatch(heading: Element, title: Set<string>): number {
  const own = words(heading.textContent ?? '');
  if (own.size === 0 || title.size === 0) return 0;
  const found = wordsFoundIn(own, title);
  return (found * found) / (own.size * title.size);
}

/** A site banner: a `<header>` holding the site's menu, or one marked as the banner. */
function siteBanner(el: Element): boolean {
  return el.getAttribute('role') === 'banner' || el.querySelector('nav, [role="navigation"]') !== null;
}

/**
 * Whether `el` is hidden, in a dialog or in the page's frame (a `<header>` around it counts only
 * when it is the site's banner: an article-style header holds the product's name).
 */
function outOfContent(el: Element, body: Element): boolean {
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
    if (hiddenElement(e) || lowerCase(e.localName) === 'dialog') return true;
    if (lowerCase(e.localName) === 'header' ? siteBanner(e) : isLandmark(e)) return true;
  }
  return false;
}

/**
 * The product's heading: the `<h1>` outside the page's frame, pop-ups and hidden elements whose
 * words best match the page's `og:title` (else its `<title>`), the first on a tie; null when
 * there is none.
 */
export function productHeading(body: Element): Element | null {
  const doc = body.ownerDocument;
  const metaTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  const title = words(metaTitle || (doc.querySelector('title')?.textContent ?? ''));
  let best: Element | null = null;
  let bestScore = -1;
  for (const h of Array.from(body.querySelectorAll('h1'))) {
    if ((h.textContent ?? '').trim() === '' || outOfContent(h, body)) continue;
    const score = titleMatch(h, title);
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether `parent` holds, beside `root`, a piece of the page's frame with text: a landmark
 * (type-roots.ts), wherever it stands; a region that takes one beside the heading is the page.
 */
function addsFrame(parent: Element, root: Element, stats: TextStats): boolean {
  for (const el of Array.from(parent.querySelectorAll(LANDMARK_SELECTOR))) {
    if (root.contains(el) || el.contains(root) || stats.of(el).chars === 0) continue;
    return true;
  }
  return false;
}

/**
 * The largest group of like siblings (`likeSiblingGroups`) that `parent` adds beside `root`,
 * each item more than half link text: a row of other products' cards. Empty when there is none.
 */
function largestLinkCards(parent: Element, root: Element, stats: TextStats): Element[] {
  let largest: Element[] = [];
  for (const { items } of likeSiblingGroups(parent, { minItems: MIN_LINK_CARDS })) {
    if (items.length <= largest.length || items.includes(root) || root.contains(items[0]!)) continue;
    const cards = items.every((item) => {
      const { chars, linkChars } = stats.of(item);
      return chars > 0 && linkChars > MAX_ADDED_LINK_SHARE * chars;
    });
    if (cards) largest = items;
  }
  return largest;
}

/**
 * Whether a step whose added text is mostly links adds the product's own text beside a row of
 * other products' cards: without its largest group of link cards (`largestLinkCards`, which the
 * shop rules remove from the region), what the step adds is at most half links and holds at
 * least MIN_REGION_CHARS outside links (the description and specifications beside "Customers
 * also viewed"). A menu or a row of cards with a heading adds none.
 */
function addsProseBesideCards(
  parent: Element,
  root: Element,
  stats: TextStats,
  added: number,
  addedLinks: number,
): boolean {
  const cards = largestLinkCards(parent, root, stats);
  if (cards.length === 0) return false;
  let chars = added;
  let links = addedLinks;
  for (const card of cards) {
    const s = stats.of(card);
    chars -= s.chars;
    links -= s.linkChars;
  }
  return chars - links >= MIN_REGION_CHARS && links <= MAX_ADDED_LINK_SHARE * chars;
}

/**
 * The product region of a page: the heading's largest ancestor reached as described above, when
 * it holds at least MIN_REGION_SHARE of the page's visible text outside links; else null.
 */
export function productRegion(body: Element): Element | null {
  const heading = productHeading(body);
  if (!heading) return null;
  const stats = new TextStats();
  let root: Element = heading;
  for (let step = 0; step < MAX_STEPS; step++) {
    const parent: Element | null = root.parentElement;
    if (!parent || ROOT_TAGS.has(lowerCase(parent.localName))) break;
    const p = stats.of(parent);
    const r = stats.of(root);
    const added = p.chars - r.chars;
    if (added > 0) {
      if (addsFrame(parent, root, stats)) break;
      const addedLinks = p.linkChars - r.linkChars;
      if (addedLinks > MAX_ADDED_LINK_SHARE * added && !addsProseBesideCards(parent, root, stats, added, addedLinks))
        break;
    }
    root = parent;
  }
  // Pop-ups and hidden drawers are not part of the page a reader sees.
  const hidden = unseenSubtrees(body);
  const text = visibleText(root, stats, hidden);
  if (text < MIN_REGION_CHARS || text < MIN_REGION_SHARE * visibleText(body, stats, hidden)) return null;
  return root;
}
