/**
 * Structure features of a page's repeated sibling groups (features/repeated.ts): what the items
 * of its main repeated group look like. Posts of a thread carry an author link, a date and reply
 * controls, vary in length and hold most of the page's prose; cards of a listing or collection
 * are uniform, link-heavy, with a heading, an image or a price each. Generic signals only: no
 * class names, no site names.
 */

import type { TextStats } from './dom-walk.js';
import { likeSiblingGroups } from './like-siblings.js';
import type { LikeSiblingGroup } from './like-siblings.js';
import { groupsWithText } from './repeated.js';
import type { RepeatedGroup } from './repeated.js';
import { HEADING_TAGS } from './headings.js';
import { squash } from '../text-util.js';
import { lowerCase } from '../lower-case.js';

export const GROUP_FEATURES = [
  'post-log-items',
  'post-text-share',
  'post-time-share',
  'post-date-text-share',
  'post-img-share',
  'post-user-link-share',
  'post-control-share',
  'post-heading-share',
  'post-length-cv',
  'post-link-density',
  'p-outside-post-share',
  'card-log-items',
  'card-link-density',
  'card-img-share',
  'card-heading-share',
  'card-price-share',
  'card-length-cv',
  'card-text-share',
  'log-post-groups',
  'card-date-share',
  'card-byline-share',
  'card-teaser-share',
  'card-buy-share',
  'cards-price-share',
] as const;

export const USER_HREF =
  /\/(?:u|user|users|member|members|profile|profiles|people|author|authors|benutzer|mitglied|membres?)(?:\/|\.php|$|\?)|[?&](?:u|user|userid|member|showuser)=/i;
const CONTROL =
  /^(?:reply|quote|like|report|share|permalink|flag|upvote|downvote|edit|follow|antworten|zitieren|melden|gefällt mir|répondre|citer|responder|citar|rispondi|cita|odpowiedz|ответить|цитировать)$/i;
export const DATE_TEXT =
  /\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:19|20)\d\d|\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago|vor \d+ (?:jahren|monaten|wochen|tagen|stunden|minuten)|yesterday|gestern)\b/i;
/** A price (see `PRICE` in page.ts for the look-behind: a long run of digits stays linear). */
const PRICE = /(?:[$€£¥₹]\s?\d|(?<!\d[\d.,]*?)\d[\d.,]*\s?(?:€|\$|£|usd|eur|gbp|chf))/i;
/** A buy control of a shop card: "Add to cart", "Buy now", "In den Warenkorb", ... */
const BUY =
  /^(?:add to (?:cart|bag|basket|trolley)|buy(?: it)? now|buy|in den (?:warenkorb|einkaufswagen)|kaufen|jetzt kaufen|ajouter au panier|acheter|añadir al carrito|comprar|aggiungi al carrello|acquista|in winkelwagen|toevoegen)$/i;
/** A byline: "By Jane Doe", "Von Max Muster", "Par …", "Por …", "Di …" at the start of a short line. */
const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v)\s+\p{Lu}/u;
/** A leaf element this short that reads as a date is a date line, not a sentence that names a day. */
const SHORT_LINE_CHARS = 40;

interface ItemShape {
  time: boolean;
  dateText: boolean;
  /** A leaf element of at most `SHORT_LINE_CHARS` characters reading as a date (a post's date line). */
  shortDate: boolean;
  img: boolean;
  userLink: boolean;
  control: boolean;
  heading: boolean;
  price: boolean;
}

/**
 * Visits `root` and its descendants in document order (`tag`: the lower-case name), at most 40
 * levels deep and `maxSeen` elements, skipping scripts, styles, templates and noscript; once
 * `visit` returns true, the walk descends no further.
 */
function walkBounded(root: Element, maxSeen: number, visit: (el: Element, tag: string) => boolean | void): void {
  let seen = 0;
  let done = false;
  const walk = (el: Element, depth: number): void => {
    if (depth > 40 || ++seen > maxSeen) return;
    const tag = lowerCase(el.localName);
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') return;
    if (visit(el, tag) === true) done = true;
    for (let c = el.firstElementChild; c && !done; c = c.nextElementSibling) walk(c, depth + 1);
  };
  walk(root, 0);
}

/** A link to another page: not a fragment of this one, not a script. */
function isPageLink(href: string): boolean {
  return href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href);
}

/** One walk of an item's subtree (depth-limited) for the signals above. */
export function itemShape(item: Element): ItemShape {
  const shape: ItemShape = {
    time: false,
    dateText: false,
    shortDate: false,
    img: false,
    userLink: false,
    control: false,
    heading: false,
    price: false,
  };
  walkBounded(item, 3000, (el, tag) => {
    if (tag === 'time') shape.time = true;
    else if (tag === 'img' || tag === 'picture') shape.img = true;
    else if (HEADING_TAGS.has(tag)) shape.heading = true;
    else if (tag === 'a' && USER_HREF.test(el.getAttribute('href') ?? '')) shape.userLink = true;
    if (!el.firstElementChild && !(shape.shortDate && shape.control)) {
      const text = (el.textContent ?? '').trim();
      if (text.length > 0 && text.length <= SHORT_LINE_CHARS && DATE_TEXT.test(text)) shape.shortDate = true;
      if (
        (tag === 'a' || tag === 'button' || tag === 'span') &&
        text.length > 0 &&
        text.length < 20 &&
        CONTROL.test(text)
      )
        shape.control = true;
    }
  });
  const text = (item.textContent ?? '').slice(0, 4000);
  shape.dateText = DATE_TEXT.test(text);
  shape.price = PRICE.test(text);
  return shape;
}

function coefficientOfVariation(values: number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean <= 0) return 0;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.min(3, Math.sqrt(variance) / mean);
}

interface CardSignals {
  /** A link to another page (not a fragment or a script). */
  link: boolean;
  heading: boolean;
  img: boolean;
  /** A `<time>` or a short date line: news and blog teasers carry one, shop cards do not. */
  date: boolean;
  /** A "By <name>" line or a link to an author's page. */
  byline: boolean;
  /** A paragraph of at least `TEASER_CHARS` characters outside links, or a leaf of `TEASER_WORDS` words: a teaser. */
  teaser: boolean;
  /** A buy control (button, link or submit) reading "Add to cart", "Buy now", ... */
  buy: boolean;
  /** A price in a line of the card. */
  price: boolean;
}

const TEASER_CHARS = 60;
const TEASER_WORDS = 12;

/** What a card holds, in one walk of it (depth- and size-limited). */
function cardSignals(item: Element, stats: TextStats): CardSignals {
  const out: CardSignals = {
    link: false,
    heading: false,
    img: false,
    date: false,
    byline: false,
    teaser: false,
    buy: false,
    price: false,
  };
  walkBounded(item, 2000, (el, tag) => {
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (isPageLink(href)) out.link = true;
      if ((el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('author') || USER_HREF.test(href))
        out.byline = true;
    } else if (HEADING_TAGS.has(tag)) out.heading = true;
    else if (tag === 'img' || tag === 'picture') out.img = true;
    else if (tag === 'time') out.date = true;
    else if (tag === 'input' && /^(?:submit|button)$/i.test(el.getAttribute('type') ?? '')) {
      if (BUY.test((el.getAttribute('value') ?? '').trim())) out.buy = true;
    } else if (tag === 'p' && !out.teaser) {
      const t = stats.of(el);
      if (t.chars - t.linkChars >= TEASER_CHARS) out.teaser = true;
    }
    if (!el.firstElementChild) {
      const text = squash(el.textContent ?? '');
      if (text.length > 0 && text.length <= SHORT_LINE_CHARS) {
        if (DATE_TEXT.test(text)) out.date = true;
        if (BYLINE.test(text)) out.byline = true;
        if (BUY.test(text)) out.buy = true;
        if (PRICE.test(text)) out.price = true;
      } else if (text.length > SHORT_LINE_CHARS) {
        if (tag !== 'a' && text.split(' ').length >= TEASER_WORDS) out.teaser = true;
        if (PRICE.test(text.slice(0, 200))) out.price = true;
      }
    } else if ((tag === 'button' || tag === 'a') && !out.buy) {
      const text = squash(el.textContent ?? '');
      if (text.length <= SHORT_LINE_CHARS && BUY.test(text)) out.buy = true;
    }
  });
  return out;
}

/**
 * Whether a card holds a link to another page and a heading or an image (`link` and `heading` or
 * `img` of cardSignals): the same walk, by tags and attributes only, that stops once it knows.
 */
function linkedCard(item: Element): boolean {
  let link = false;
  let shown = false;
  walkBounded(item, 2000, (el, tag) => {
    if (tag === 'a') {
      if (isPageLink(el.getAttribute('href') ?? '')) link = true;
    } else if (HEADING_TAGS.has(tag) || tag === 'img' || tag === 'picture') shown = true;
    return link && shown;
  });
  return link && shown;
}

/** Card signals of elements, each element walked once per page for each question. */
class CardProbe {
  private readonly memo = new Map<Element, CardSignals>();
  private readonly linked = new Map<Element, boolean>();
  constructor(private readonly stats: TextStats) {}
  of(item: Element): CardSignals {
    let signals = this.memo.get(item);
    if (!signals) this.memo.set(item, (signals = cardSignals(item, this.stats)));
    return signals;
  }
  /** `link && (heading || img)` of `of(item)`, without reading the card's text when not walked yet. */
  linkedCard(item: Element): boolean {
    const signals = this.memo.get(item);
    if (signals) return signals.link && (signals.heading || signals.img);
    let known = this.linked.get(item);
    if (known === undefined) this.linked.set(item, (known = linkedCard(item)));
    return known;
  }
}

/** Groups of at most this many linked groups with the most text give the card signals. */
const CARD_GROUPS = 3;
/** Items of a group looked at for the card signals. */
const CARD_ITEMS = 30;

/**
 * Shares of the items with a date, a byline, a teaser and a buy control, over the groups of
 * linked items with text that hold the most text (at most CARD_GROUPS of them, the first
 * CARD_ITEMS items of each): the page's main cards are not always its longest run of siblings
 * (a menu or a footer list can be). Teasers of a listing carry dates, bylines and sentences;
 * cards of a shop a buy control.
 */
function cardShares(groups: readonly RepeatedGroup[], probe: CardProbe): number[] {
  const linked = groups
    .filter((g) => g.linkChars > 0)
    .sort((a, b) => b.textChars + b.linkChars - (a.textChars + a.linkChars))
    .slice(0, CARD_GROUPS);
  const counts = [0, 0, 0, 0];
  let seen = 0;
  for (const group of linked)
    for (const item of group.items.slice(0, CARD_ITEMS)) {
      const s = probe.of(item);
      [s.date, s.byline, s.teaser, s.buy].forEach((on, k) => (counts[k]! += on ? 1 : 0));
      seen++;
    }
  return counts.map((c) => c / Math.max(1, seen));
}

/** Tags whose runs of siblings are not cards: lines, inline runs, table cells, images. */
const NOT_CARDS = new Set(
  'p span em strong b i u small font br option td th dd dt label img pre code blockquote'.split(' '),
);
/** Items of a group looked at to tell cards: a link and a heading or an image in most of them. */
const CARD_TEST_ITEMS = 10;

interface CardGroup {
  items: Element[];
  parent: Element;
  /** Visible characters of the items, in links or not. */
  chars: number;
}

/**
 * The page's card groups: runs of like siblings (a page walk: no header, footer or navigation)
 * most of whose items hold a link to a page and a heading or an image, with no card groups
 * holding 30% of their text inside their items (a grid of sections of cards is the cards, not
 * the sections). Unlike the repeated groups, a card needs no text of its own outside links: a
 * product card is often a linked name, an image and a price.
 */
function cardGroups(groups: readonly LikeSiblingGroup[], stats: TextStats, probe: CardProbe): CardGroup[] {
  const cards: CardGroup[] = [];
  for (const { parent, items } of groups) {
    if (NOT_CARDS.has(lowerCase(items[0]!.localName))) continue;
    let chars = 0;
    for (const item of items) chars += stats.of(item).chars;
    if (chars < 30) continue;
    const sample = items.slice(0, CARD_TEST_ITEMS);
    let like = 0;
    for (const item of sample) if (probe.linkedCard(item)) like++;
    if (like * 2 >= sample.length) cards.push({ parent, items, chars });
  }
  // Text of the card groups inside each group's items: one walk up from each group's parent to
  // the items that hold it (siblings do not nest, so one item per enclosing group).
  const owner = new Map<Element, CardGroup>();
  for (const group of cards) for (const item of group.items) owner.set(item, group);
  const inside = new Map<CardGroup, number>();
  for (const group of cards)
    for (let el: Element | null = group.parent; el; el = el.parentElement) {
      const outer = owner.get(el);
      if (outer && outer !== group) inside.set(outer, (inside.get(outer) ?? 0) + group.chars);
    }
  return cards.filter((group) => (inside.get(group) ?? 0) < 0.3 * group.chars);
}

/** Share of the cards (the first CARD_TEST_ITEMS of each card group) that show a price. */
function cardsPriceShare(cards: readonly CardGroup[], probe: CardProbe): number {
  let seen = 0;
  let priced = 0;
  for (const group of cards)
    for (const item of group.items.slice(0, CARD_TEST_ITEMS)) {
      seen++;
      if (probe.of(item).price) priced++;
    }
  return seen > 0 ? priced / seen : 0;
}

/** Shares of the items (at most the first 30 looked at) with each signal. */
function shapeShares(group: RepeatedGroup): Record<keyof ItemShape, number> {
  const items = group.items.slice(0, 30);
  const out = { time: 0, dateText: 0, shortDate: 0, img: 0, userLink: 0, control: 0, heading: 0, price: 0 };
  for (const item of items) {
    const s = itemShape(item);
    for (const k of Object.keys(out) as Array<keyof ItemShape>) if (s[k]) out[k]++;
  }
  for (const k of Object.keys(out) as Array<keyof ItemShape>) out[k] /= items.length;
  return out;
}

/** Tags whose repeated siblings are the text's own parts (paragraphs, lines), not posts or cards. */
const NOT_CONTAINERS = new Set(
  'p h1 h2 h3 h4 h5 h6 a span em strong b i u small font img br pre code blockquote figure figcaption td th dd dt option label'.split(
    ' ',
  ),
);

/** Two or more child elements, below up to three single-child wrappers. */
function structured(item: Element): boolean {
  let el: Element | null = item;
  for (let depth = 0; el && depth < 4; depth++) {
    if (el.childElementCount >= 2) return true;
    el = el.firstElementChild;
  }
  return false;
}

/** Items are containers: not paragraphs or inline runs, and most hold several elements. */
export function isContainerGroup(group: Pick<RepeatedGroup, 'items'>): boolean {
  if (NOT_CONTAINERS.has(lowerCase(group.items[0]!.localName))) return false;
  let count = 0;
  for (const item of group.items) if (structured(item)) count++;
  return count * 2 > group.items.length;
}

/**
 * The group of items that reads most like posts: the most text outside links among the groups
 * of containers whose items are mostly text. Null when there is none.
 */
export function postGroup(groups: RepeatedGroup[]): RepeatedGroup | null {
  const candidates = groups.filter((g) => g.linkChars <= g.textChars && isContainerGroup(g));
  return largestThenInner(candidates);
}

/**
 * The candidate group with the most text; then, as long as one of its items holds another
 * candidate with more items and at least 60% of its text, that one. A few wrappers around a
 * thread (two columns, a question and an answers box) hold all of its text: this goes down to
 * the group inside them.
 */
export function largestThenInner(candidates: readonly RepeatedGroup[]): RepeatedGroup | null {
  let best: RepeatedGroup | null = null;
  for (const group of candidates) if (!best || group.textChars > best.textChars) best = group;
  for (let step = 0; best && step < 5; step++) {
    const outer: RepeatedGroup = best;
    let inner: RepeatedGroup | null = null;
    for (const g of candidates) {
      if (g.items.length <= outer.items.length || g.textChars < 0.6 * outer.textChars) continue;
      if (!outer.items.some((item) => item.contains(g.parent))) continue;
      if (!inner || g.textChars > inner.textChars) inner = g;
    }
    if (!inner) break;
    best = inner;
  }
  return best;
}

/** Characters of `<p>` text on the page outside the items of a group. */
function paragraphCharsOutside(body: Element, stats: TextStats, group: RepeatedGroup | null): number {
  return paragraphCharsExcept(body, stats, new Set<Element>(group?.items ?? []));
}

/** Characters of `<p>` text (outside links) on the page outside the given elements. */
export function paragraphCharsExcept(body: Element, stats: TextStats, inside: ReadonlySet<Element>): number {
  let chars = 0;
  const walk = (el: Element, depth: number): void => {
    if (depth > 200 || inside.has(el)) return;
    const tag = lowerCase(el.localName);
    if (tag === 'p') {
      const t = stats.of(el);
      chars += t.chars - t.linkChars;
      return;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, depth + 1);
  };
  walk(body, 0);
  return chars;
}

/**
 * Characters of `<p>` text (outside links) before the first item of a group, in document order:
 * an article's body above its comment thread.
 */
export function paragraphCharsBefore(body: Element, stats: TextStats, group: RepeatedGroup): number {
  const first = group.items[0]!;
  let chars = 0;
  let done = false;
  const walk = (el: Element, depth: number): void => {
    if (done || depth > 200) return;
    if (el === first) {
      done = true;
      return;
    }
    if (lowerCase(el.localName) === 'p') {
      const t = stats.of(el);
      chars += t.chars - t.linkChars;
      return;
    }
    for (let c = el.firstElementChild; c && !done; c = c.nextElementSibling) walk(c, depth + 1);
  };
  walk(body, 0);
  return chars;
}

/** The values of GROUP_FEATURES for a page body. */
export function groupFeatures(body: Element, stats: TextStats): number[] {
  const page = stats.of(body);
  const pageText = Math.max(1, page.chars - page.linkChars);
  // One page walk for both: the groups with text of their own (posts, teasers) and the cards.
  const like = likeSiblingGroups(body, { minItems: 3 });
  const groups = groupsWithText(like, stats, 3);
  const probe = new CardProbe(stats);
  const post = postGroup(groups);
  let card: RepeatedGroup | null = null;
  for (const group of groups) if (!card || group.items.length > card.items.length) card = group;
  const lengths = (g: RepeatedGroup) => g.items.map((item) => stats.of(item).chars);
  const values: number[] = [];
  if (post) {
    const s = shapeShares(post);
    values.push(
      Math.log1p(post.items.length),
      Math.min(1, post.textChars / pageText),
      s.time,
      s.dateText,
      s.img,
      s.userLink,
      s.control,
      s.heading,
      coefficientOfVariation(lengths(post)),
      post.linkChars / Math.max(1, post.linkChars + post.textChars),
    );
  } else values.push(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  values.push(Math.min(1, paragraphCharsOutside(body, stats, post) / pageText));
  if (card) {
    const s = shapeShares(card);
    values.push(
      Math.log1p(card.items.length),
      card.linkChars / Math.max(1, card.linkChars + card.textChars),
      s.img,
      s.heading,
      s.price,
      coefficientOfVariation(lengths(card)),
      Math.min(1, (card.textChars + card.linkChars) / Math.max(1, page.chars)),
    );
  } else values.push(0, 0, 0, 0, 0, 0, 0);
  values.push(Math.log1p(groups.filter((g) => g.linkChars <= g.textChars && g.textChars >= 0.1 * pageText).length));
  values.push(...cardShares(groups, probe), cardsPriceShare(cardGroups(like, stats, probe), probe));
  return values;
}
