/**
 * The content root of a collection or listing page that does not mark its main region. Such a
 * page is a grid or list of cards (a product tile, a story teaser, a job row): many sibling
 * elements of the same shape, each a link with a title and a little text. Readability looks for
 * one container of prose and takes a section of it, or an intro paragraph beside it. Here the
 * root is the parent of the page's largest card group, widened over its neighbours while what
 * they add is more cards (other sections of the same listing) or a little text (the page's
 * heading and intro, pagination). Only the tree's shape is used: no class names, no words.
 */

import { TextStats } from './features/dom-walk.js';
import { groupByShape, shapeKey } from './features/class-shape.js';
import { likeSiblingGroups } from './features/like-siblings.js';
import { endsLikeSentence, weightedLength } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** A card group has at least this many items... */
const MIN_CARDS = 3;
/** ...of which this share hold a link... */
const MIN_LINKED_SHARE = 0.6;
/** ...and are short: a card is a teaser, not a post or a section of prose. */
const MAX_MEAN_CARD_CHARS = 1200;
/** Cards of fewer characters on average are a menu or a tag list, not cards. */
const MIN_MEAN_CARD_CHARS = 20;
/**
 * A card is one teaser: its title, picture, a tag or two, its author. When half the items hold
 * more links than this, they are a menu's sections, each with its submenu, not cards.
 */
const MAX_CARD_LINKS = 15;
/**
 * Cards whose classes differ (a grid's `first`, `sale`, `outofstock`) are one group only when
 * they are alike in size: when one holds more than this share of the group's text, the group is
 * a page's columns (`columns wide` holding the article beside `columns narrow` of teasers).
 */
const MAX_MIXED_CARD_SHARE = 0.5;
/** The card region must hold this share of the page's text outside its header, footer, nav and asides. */
const MIN_REGION_SHARE = 0.4;
/** Climbing to the parent is allowed when it adds at most this share of text that is not cards. */
const MAX_ADDED_SHARE = 0.25;
/** ...or when at least this share of what it adds is other card groups. */
const MIN_ADDED_CARD_SHARE = 0.6;

const CHROME_TAGS = new Set(['header', 'footer', 'nav', 'aside']);
/** The ARIA roles of the same landmarks: a sidebar marked `role="complementary"` is one. */
const CHROME_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo']);
const ROOT_TAGS = new Set(['body', 'html']);

interface CardGroup {
  group: { parent: Element; items: Element[] };
  chars: number;
}

function cardGroups(body: Element, stats: TextStats): CardGroup[] {
  const out: CardGroup[] = [];
  for (const group of likeSiblingGroups(body, { minItems: MIN_CARDS, loose: true })) {
    const items = group.items;
    const tag = lowerCase(items[0]!.localName);
    if (tag === 'p' || tag === 'a' || tag === 'span' || tag === 'option' || tag === 'br') continue;
    // A run of <aside> boxes is a sidebar's widgets (a blog series, an author box, a tag cloud).
    if (tag === 'aside' || items[0]!.getAttribute('role') === 'complementary') continue;
    // Children of the body are the page's sections, not cards.
    if (insideChrome(group.parent) || ROOT_TAGS.has(lowerCase(group.parent.localName))) continue;
    // Links in a list item's box are a menu's submenu (a grid of cards is not inside one item of a list).
    if (group.parent.closest('li')) continue;
    const chars = cardChars(items, stats);
    if (chars !== null) {
      out.push({ group, chars });
      continue;
    }
    // A group across differing classes that fails (a featured card far larger than the rest):
    // its cards of one class shape may still be a grid of their own.
    const byShape = groupByShape(items);
    if (byShape.size < 2) continue;
    for (const same of byShape.values()) {
      if (same.length < MIN_CARDS) continue;
      const sameChars = cardChars(same, stats);
      if (sameChars !== null) out.push({ group: { parent: group.parent, items: same }, chars: sameChars });
    }
  }
  return out;
}

/** The characters of a group of siblings when they look like cards (linked, of card length, not form rows); else null. */
function cardChars(items: Element[], stats: TextStats): number | null {
  let linked = 0;
  let chars = 0;
  let controls = 0;
  let largest = 0;
  const links: number[] = [];
  for (const item of items) {
    const n = stats.of(item).chars;
    const itemLinks = item.querySelectorAll('a[href]').length;
    links.push(itemLinks);
    chars += n;
    largest = Math.max(largest, n);
    if (itemLinks > 0) linked++;
    // Filter rows and option lists are made of check boxes and fields, not links. A hidden
    // input is not one: a product tile's add-to-cart form carries the item's id in one.
    if (item.querySelector('input:not([type="hidden"]), select, textarea')) controls++;
  }
  if (controls * 2 > items.length) return null;
  links.sort((a, b) => a - b);
  if (links[links.length >> 1]! > MAX_CARD_LINKS) return null;
  const mean = chars / items.length;
  if (linked < MIN_LINKED_SHARE * items.length) return null;
  if (mean < MIN_MEAN_CARD_CHARS || mean > MAX_MEAN_CARD_CHARS) return null;
  const mixed = items.some((item) => shapeKey(item) !== shapeKey(items[0]!));
  if (mixed && largest > MAX_MIXED_CARD_SHARE * chars) return null;
  return chars;
}

/** A header, footer, menu or sidebar, by its tag or its ARIA role. */
function isChrome(el: Element): boolean {
  return CHROME_TAGS.has(lowerCase(el.localName)) || CHROME_ROLES.has(el.getAttribute('role') ?? '');
}

/** The same, as a selector (for addsChrome's search). */
const CHROME_SELECTOR = [...CHROME_TAGS, ...[...CHROME_ROLES].map((r) => `[role="${r}"]`)].join(', ');

function insideChrome(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) if (isChrome(el)) return true;
  return false;
}

/**
 * Whether `parent` holds, beside `root`, a sidebar, a menu, a footer or a header other than the
 * page's heading: a sign that it is the page's frame, not the listing.
 */
function addsChrome(parent: Element, root: Element, stats: TextStats): boolean {
  for (const el of Array.from(parent.querySelectorAll(CHROME_SELECTOR))) {
    if (root.contains(el) || el.contains(root) || stats.of(el).chars === 0) continue;
    // A page header holding the page's heading is part of the listing.
    const tagOrRole = el.getAttribute('role') === 'banner' ? 'header' : lowerCase(el.localName);
    if (tagOrRole === 'header' && el.querySelector('h1')) continue;
    return true;
  }
  return false;
}

/** Characters of the page outside its headers, footers, menus and sidebars (isChrome). */
function contentChars(body: Element, stats: TextStats): number {
  let chrome = 0;
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    if (isChrome(el)) {
      chrome += stats.of(el).chars;
      return;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, depth + 1);
  };
  walk(body, 0);
  return stats.of(body).chars - chrome;
}

/** Characters of the card groups (outermost only) whose parent is inside `root`. */
function cardCharsIn(root: Element, groups: CardGroup[]): number {
  let chars = 0;
  const counted: Element[] = [];
  for (const { group, chars: n } of groups) {
    if (!root.contains(group.parent)) continue;
    if (counted.some((item) => item.contains(group.parent))) continue;
    counted.push(...group.items);
    chars += n;
  }
  return chars;
}

/**
 * The card region of a page: the parent of its largest card group, widened as described above,
 * when it holds at least MIN_REGION_SHARE of the page's text outside header, footer, nav and
 * asides; else null. `stats`: text statistics the caller keeps of the same, unchanged tree (only
 * their character counts are read here, which do not depend on what was asked first).
 */
export function cardRegion(body: Element, stats?: TextStats): Element | null {
  return cardRegionAndCards(body, stats)?.root ?? null;
}

/** The card region (cardRegion) and the items of the card group it was found from. */
function cardRegionAndCards(
  body: Element,
  stats: TextStats = new TextStats(),
): { root: Element; cards: Element[]; cardsParent: Element; stats: TextStats } | null {
  const groups = cardGroups(body, stats);
  if (groups.length === 0) return null;
  // Outer groups first, so a group nested in another's items does not count twice.
  let best: CardGroup | null = null;
  for (const g of groups) if (!best || g.chars > best.chars) best = g;
  let root = best!.group.parent;
  if (ROOT_TAGS.has(lowerCase(root.localName))) return null;
  for (let step = 0; step < 6; step++) {
    const parent = root.parentElement;
    if (!parent || ROOT_TAGS.has(lowerCase(parent.localName)) || isChrome(parent)) break;
    const added = stats.of(parent).chars - stats.of(root).chars;
    if (added > 0 && addsChrome(parent, root, stats)) break;
    if (added > 0) {
      const addedCards = cardCharsIn(parent, groups) - cardCharsIn(root, groups);
      const rest = added - Math.max(0, addedCards);
      if (rest > MAX_ADDED_SHARE * stats.of(root).chars && addedCards < MIN_ADDED_CARD_SHARE * added) break;
    }
    root = parent;
  }
  const page = contentChars(body, stats);
  if (page <= 0 || stats.of(root).chars < MIN_REGION_SHARE * page) return null;
  return { root, cards: best!.group.items, cardsParent: best!.group.parent, stats };
}

/** Readability's pick is an intro when the card region holds at least this multiple of its text. */
const MIN_REGION_OVER_PICK = 3;
/** The pick's blocks, by their text, that must stand in the region (it is the region's intro, not an article beside it). */
const MIN_PICK_BLOCKS_INSIDE = 0.8;

/**
 * A pick with more than this many paragraphs of prose (proseParagraph) is an article of its own,
 * however short (a news brief above a "more news" grid): a listing's intro is one paragraph.
 */
const MAX_PICK_PROSE_PARAGRAPHS = 1;
/** A paragraph of at least this many weighted characters outside links is prose whatever its end... */
const PROSE_PARAGRAPH_CHARS = 100;
/** ...and one that ends like a sentence is from this many (a brief's one-line paragraph). */
const SENTENCE_PARAGRAPH_CHARS = 30;
/** A pick with more than this share of its text inside one card is that card's text, not an intro. */
const MAX_PICK_SHARE_IN_ONE_CARD = 0.5;

/**
 * A page's card region as text: its length (TextStats), its text without white space, and the
 * text (without white space) of each card of the group it was found from.
 */
export interface CardRegionText {
  chars: number;
  text: string;
  cards: string[];
  /** The text (without white space) of each region the page marks its main one (`<main>`, `role="main"`) that does not hold the cards. */
  mainsWithoutCards: string[];
}

/** The page's card region (cardRegion) as text, read before Readability strips the page; null when it has none. */
export function cardRegionText(body: Element): CardRegionText | null {
  const found = cardRegionAndCards(body);
  if (!found) return null;
  return {
    chars: found.stats.of(found.root).chars,
    text: squashAll(found.root.textContent ?? ''),
    cards: found.cards.map((card) => squashAll(card.textContent ?? '')),
    mainsWithoutCards: Array.from(body.querySelectorAll('main, [role="main"]'))
      .filter((main) => !main.contains(found.cardsParent))
      .map((main) => squashAll(main.textContent ?? '')),
  };
}

/**
 * A listing that is cleaned as an article: Readability took a short part of the page (the
 * listing's intro, or a card or two) that stands inside the page's card region, and the region
 * holds MIN_REGION_OVER_PICK times its text. The region then is the content. A news article
 * with a box of related teasers is not one: its body is the larger text, and it does not stand
 * inside the box's region; nor is a short one above a large grid: it has paragraphs of its own,
 * or it stands in the page's marked main region and the grid does not, or it is (most of) one of
 * the "cards" (the page's sections looked like cards). A byline is the caller's test.
 */
export function picksIntroOfCards(
  region: CardRegionText,
  pick: readonly { text: string; kind: string; linkChars: number }[],
  pickChars: number,
): boolean {
  if (region.chars < MIN_REGION_OVER_PICK * pickChars) return false;
  const prose = pick.filter(proseParagraph).length;
  if (prose > MAX_PICK_PROSE_PARAGRAPHS) return false;
  const blocks = pick.map((block) => squashAll(block.text)).filter((t) => t.length > 0);
  if (blocks.length === 0) return false;
  const inside = blocks.filter((t) => region.text.includes(t)).length;
  if (inside < MIN_PICK_BLOCKS_INSIDE * blocks.length) return false;
  // The page marks its main region, the pick stands in it and the cards do not: the cards are
  // around the content (a "you may also like" grid, the site's pop-ups), not the content.
  for (const main of region.mainsWithoutCards) {
    if (blocks.filter((t) => main.includes(t)).length >= MIN_PICK_BLOCKS_INSIDE * blocks.length) return false;
  }
  // An intro stands beside the cards, not in one of them: a pick that is mostly one "card" is a
  // page whose sections (masthead, menu, the post, the archive) looked like a group of cards.
  const pickText = blocks.reduce((sum, t) => sum + t.length, 0);
  for (const card of region.cards) {
    let held = 0;
    for (const t of blocks) if (card.includes(t)) held += t.length;
    if (held > MAX_PICK_SHARE_IN_ONE_CARD * pickText) return false;
  }
  return true;
}

/**
 * A paragraph of prose: a `p` block whose text outside links weighs PROSE_PARAGRAPH_CHARS, or
 * SENTENCE_PARAGRAPH_CHARS when it ends like a sentence. Weighed by text-util `weightedLength`:
 * a Han or kana character counts three, so a dense paragraph of Chinese counts like its English.
 */
function proseParagraph(block: { text: string; kind: string; linkChars: number }): boolean {
  if (block.kind !== 'p') return false;
  const text = block.text.trim();
  const weighed = weightedLength(text) * (text.length > 0 ? Math.max(0, 1 - block.linkChars / text.length) : 0);
  return weighed >= PROSE_PARAGRAPH_CHARS || (weighed >= SENTENCE_PARAGRAPH_CHARS && endsLikeSentence(text));
}

/** Text with all white space taken out (blocks and the page's text compare alike). */
function squashAll(text: string): string {
  return text.replace(/\s+/g, '');
}
