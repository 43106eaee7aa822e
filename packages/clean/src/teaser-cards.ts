/**
 * Teaser cards inside an article: a run of sibling elements of one shape, each a linked headline
 * with at most a short excerpt (a date, a category, a thumbnail), standing after the article's
 * own text — "more stories", "latest posts", "you may also like" grids that Readability kept
 * because they sit in the same container as the body. Structure only: no words, no class names.
 * The headlines must link to the page's own site: reading lists, reference lists and "where to
 * buy" lists in the body link elsewhere.
 */

import { hostOf } from '@corpuskit/document';

import { checkDeadline, guarded, isAttached, isKept, removeElement, textOf } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { groupByShape } from './features/class-shape.js';
import type { RuleId } from './rules.js';
import { elementsByTag, linksUnder } from './selector-match.js';
import { normalizeSiteName } from './site-rules.js';
import { childElements } from './tree.js';
import { lowerCase } from './lower-case.js';

/** At least this many cards make a group (of at least two siblings: cards, or lists of cards). */
const MIN_CARDS = 3;
/** … and at least this share of the group's items must be cards (or lists of cards). */
const MIN_CARD_SHARE = 0.6;
/** A card's headline link has at least this many characters. */
const MIN_HEADLINE_CHARS = 15;
/** A card holds at most this many characters outside links (its excerpt, date, category). */
const MAX_EXCERPT_CHARS = 800;
/** The article's text before the group must be at least this multiple of the group's text. */
const MIN_TEXT_BEFORE = 1;
/** The article's text after the group must be at most this multiple of the group's text. */
const MAX_TEXT_AFTER = 1;
/** A wrapper around the group is removed with it when it holds at most this much more text (a "More stories" heading). */
const MAX_WRAPPER_EXTRA_CHARS = 80;

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** An element's text (`textOf`), read once per element while the groups are looked for (the tree does not change meanwhile). */
type TextOf = (element: Element) => string;

function linkTextChars(element: Element, text: TextOf): number {
  let chars = 0;
  for (const link of linksUnder(element)) chars += text(link).length;
  return chars;
}

/** Inline elements: a link wrapped only in these still stands inside a line of text. */
const INLINE = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'small', 'font', 'mark', 'u']);

/** True when a block element inside `item` holds the link and nothing else. */
function standsAlone(link: Element, item: Element, linkText: string, text: TextOf): boolean {
  let wrapper: Element = link;
  while (wrapper.parentElement && wrapper.parentElement !== item && text(wrapper.parentElement) === linkText)
    wrapper = wrapper.parentElement;
  return wrapper !== link && !INLINE.has(lowerCase(wrapper.localName));
}

/** The page's host as site rules name it (no leading `www.`), or null when the page has no http(s) URL. */
function siteOf(url: string | null | undefined): string | null {
  const host = url ? hostOf(url) : null;
  return host === null ? null : normalizeSiteName(host);
}

/**
 * True when `href` points into the page's own site: a relative link, or an absolute one to the
 * page's host (with or without `www.`) or to a host one is a subdomain of the other (a firm's
 * blog on `blog.` of its domain). Without a page URL only relative links count.
 */
function sameSite(href: string, site: string | null, sites: Map<string, string | null>): boolean {
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return true;
  if (site === null) return false;
  let other = sites.get(href);
  if (other === undefined) sites.set(href, (other = siteOf(href.startsWith('//') ? `https:${href}` : href)));
  return other !== null && (other === site || other.endsWith(`.${site}`) || site.endsWith(`.${other}`));
}

/** What the search for the groups reads once per element or link (the tree does not change meanwhile). */
interface Reads {
  /** An element's text (`textOf`). */
  text: TextOf;
  /** The site of each absolute link's href (`siteOf`): a page links to a few hosts many times. */
  sites: Map<string, string | null>;
}

/** The href of a card's linked headline, or null when the element is not a teaser card. */
function cardHeadline(item: Element, site: string | null, reads: Reads): string | null {
  const textOfElement = reads.text;
  const text = textOfElement(item);
  if (text.length < MIN_HEADLINE_CHARS) return null;
  if (text.length - linkTextChars(item, textOfElement) > MAX_EXCERPT_CHARS) return null;
  // The card may itself be the link (`<a class="card" href>` around its heading and summary).
  const links = linksUnder(item);
  if (lowerCase(item.localName) === 'a' && item.hasAttribute('href')) links.unshift(item);
  for (const link of links) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (href === '' || href.startsWith('#') || /^(?:javascript|mailto|tel):/i.test(href)) continue;
    if (!sameSite(href, site, reads.sites)) continue;
    const linkText = textOfElement(link);
    if (linkText.length < MIN_HEADLINE_CHARS) continue;
    // A headline: the link stands on a line of its own (a heading or block holding only it),
    // holds a heading, or is most of the card. A card that is itself the link must hold a
    // heading (a run of linked paragraphs or questions is the body's own).
    const holdsHeading = (): boolean => elementsByTag(link, HEADINGS).length > 0;
    const isHeading =
      link === item
        ? holdsHeading()
        : standsAlone(link, item, linkText, textOfElement) || holdsHeading() || linkText.length >= text.length * 0.5;
    if (isHeading) return href;
  }
  return null;
}

/**
 * The headline links of an element that is a teaser card (one) or a list of them (a card for
 * most of its children; one per card); empty otherwise.
 */
function cardHrefs(element: Element, site: string | null, reads: Reads): string[] {
  const own = cardHeadline(element, site, reads);
  if (own !== null) return [own];
  const children = childElements(element);
  const hrefs = children
    .map((child) => cardHeadline(child, site, reads))
    .filter((href): href is string => href !== null);
  return hrefs.length > 0 && hrefs.length >= children.length * MIN_CARD_SHARE ? hrefs : [];
}

/** Characters of text under `root` before `target` in document order. */
function charsBefore(root: Node, target: Node): number {
  let chars = 0;
  let found = false;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && !found; child = child.nextSibling) {
      if (child === target) {
        found = true;
        return;
      }
      if (child.nodeType === 3) chars += (child.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(root);
  return chars;
}

/** Characters of text under `root`, counted as `charsBefore` counts them. */
function textChars(root: Node): number {
  let chars = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) chars += (child.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(root);
  return chars;
}

const NO_GROUPS: ReadonlyMap<string, Element[]> = new Map();

interface CardGroup {
  parent: Element;
  items: Element[];
  /** Number of cards (a list of cards counts each). */
  cards: number;
  chars: number;
}

/** Groups of teaser cards under `root`, outermost first. */
function teaserCardGroups(root: Element, site: string | null): CardGroup[] {
  const out: CardGroup[] = [];
  // The root's text is counted when a group first gets that far (most articles have no group).
  let totalChars: number | undefined;
  const texts = new Map<Element, string>();
  const text: TextOf = (element) => {
    let known = texts.get(element);
    if (known === undefined) texts.set(element, (known = textOf(element)));
    return known;
  };
  const reads: Reads = { text, sites: new Map() };
  const walk = (parent: Element): void => {
    // A group has two items or more: a parent of fewer children has none.
    const byShape = parent.childElementCount < 2 ? NO_GROUPS : groupByShape(childElements(parent));
    // The items of the groups found here (most parents have none: no set is made for them).
    let taken: Set<Element> | null = null;
    for (const items of byShape.values()) {
      if (items.length < 2) continue;
      const hrefs = items.map((item) => cardHrefs(item, site, reads));
      const withCards = hrefs.filter((list) => list.length > 0).length;
      const cards = hrefs.flat();
      if (cards.length < MIN_CARDS || withCards < items.length * MIN_CARD_SHARE) continue;
      if (new Set(cards).size < MIN_CARDS) continue;
      const chars = items.reduce((sum, item) => sum + text(item).length, 0);
      const before = charsBefore(root, items[0]!);
      if (before < chars * MIN_TEXT_BEFORE) continue;
      // … and what follows them is less than their own text (more cards, a footer line): a
      // run of linked items followed by more of the article is part of it (a chapter list, a
      // list of courses between sections).
      const last = items[items.length - 1]!;
      totalChars ??= textChars(root);
      if (totalChars - charsBefore(root, last) - textChars(last) > chars * MAX_TEXT_AFTER) continue;
      out.push({ parent, items, cards: cards.length, chars });
      taken ??= new Set();
      for (const item of items) taken.add(item);
    }
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling)
      if (!taken?.has(child)) walk(child);
  };
  walk(root);
  return out;
}

/** `teaser-cards`: remove the groups of teaser cards in the article (with a wrapper holding little else). */
export function removeTeaserCards(context: DomRuleContext, root: Element, ruleId: RuleId, reason: string): void {
  for (const group of teaserCardGroups(root, siteOf(context.pageUrl))) {
    checkDeadline(context);
    let target: Element = group.parent;
    // Climb to the wrapper that holds the group and little else (its heading).
    if (target !== root && textOf(target).length <= group.chars + MAX_WRAPPER_EXTRA_CHARS) {
      while (
        target.parentElement &&
        target.parentElement !== root &&
        textOf(target.parentElement).length <= group.chars + MAX_WRAPPER_EXTRA_CHARS
      )
        target = target.parentElement;
    }
    const whole = target !== root && textOf(target).length <= group.chars + MAX_WRAPPER_EXTRA_CHARS;
    const elements = whole ? [target] : group.items;
    for (const element of elements) {
      if (!isAttached(element, root) || isKept(context, element) || guarded(context, element, ruleId, root)) continue;
      removeElement(context, element, ruleId, `${reason}: ${group.cards} linked headlines after the article's text`);
    }
  }
}
