/**
 * Rows of a product page that are about other things than the product (rule
 * `boilerplate/shop-rows`): the text shown only on hover or click (tooltips and popovers: delivery
 * estimates, return terms, seller cards, price-feedback forms), the menus, sidebars and footers
 * inside the content that are not the product's own (see isFrameLandmark), the list of customer
 * reviews and the rows of other products ("customers also bought", "related products", carousels
 * of product cards; or a section whose class or id names other products, see namesOtherProducts). Tooltips and popovers are named so by their role or a class or id word. The customer
 * reviews go as a whole when a class or id names their section and it holds a rating widget
 * (see reviewSections). Else both are repeated groups of siblings of the same shape:
 * - a review list: at least three items, most of them with a rating widget (schema.org review
 *   markup, or an element whose class or label is a rating or stars);
 * - a product row: at least three short items, most of them a link with a price.
 * The group goes with its heading and summary (the smallest container around it that adds
 * little text besides). Only the tree's shape and generic markup are used: no site's class names.
 */

import { checkDeadline, isAttached, isKept, removeElement, ruleApplies } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { TextStats } from './features/dom-walk.js';
import { isLandmark } from './features/landmarks.js';
import { hiddenByInlineStyle } from './inline-style.js';
import { likeSiblingGroups } from './features/like-siblings.js';
import { ruleById } from './rules.js';
import { linksUnder } from './selector-match.js';
import { asciiLowerCase, endsLikeSentence } from './text-util.js';
import { showsDescription } from './lead.js';
import { lowerCase } from './lower-case.js';

const RULE = 'boilerplate/shop-rows' as const;

const MIN_ITEMS = 3;
/** Share of the items with the signal (a rating, a link with a price). */
const MIN_SIGNAL_SHARE = 0.5;
/** A product card is short. */
const MAX_CARD_CHARS = 400;
/** The container taken around a group adds at most this share of the group's text. */
const MAX_ADDED_SHARE = 0.35;
/** Never more than this share of the content's text, and the content keeps at least MIN_LEFT characters. */
const MAX_ROW_SHARE = 0.7;
const MIN_LEFT = 300;
/** A review section (see reviewSections) may be more of the content: a product with many long reviews. */
const MAX_SECTION_SHARE = 0.9;

const RATING_TOKEN = /(?:^|[\s_-])(?:rating|ratings|stars?|star-?rating|review-?stars)(?:$|[\s_-])/i;

/**
 * A price: a currency sign before or after a number, or a code or name of a currency after it
 * (`€ 49,00`, `49,00 €`, `49.00 EUR`, `49 euros`). A number is read from its first digit (not
 * after a digit, alone or with a separator): the same matches, and a long run of digits is read
 * once, not once from each of its digits.
 */
export const PRICE = /(?:[$€£¥₹]\s?\d|(?<!\d[.,]?)\d[\d.,]*\s?(?:[$€£¥₹]|(?:usd|eur|euros?|gbp|chf|dollars?)\b))/i;

/**
 * Whether `el` may be a rating widget, as the selector `[itemprop="reviewRating"],
 * [itemprop="ratingValue"], [itemtype*="schema.org/Rating"], [class*="rating" i], [class*="stars" i],
 * [aria-label*="star" i], [data-rating]` matches, and whether it is one: schema.org rating markup or
 * `data-rating`, a class word rating or stars, a label naming stars.
 */
function isRatingWidget(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  const itemtype = el.getAttribute('itemtype');
  const cls = el.getAttribute('class') ?? '';
  const label = el.getAttribute('aria-label') ?? '';
  const lowerCls = asciiLowerCase(cls);
  const candidate =
    itemprop === 'reviewRating' ||
    itemprop === 'ratingValue' ||
    (itemtype?.includes('schema.org/Rating') ?? false) ||
    lowerCls.includes('rating') ||
    lowerCls.includes('stars') ||
    asciiLowerCase(label).includes('star') ||
    el.hasAttribute('data-rating');
  if (!candidate) return false;
  if (itemprop !== null || itemtype !== null || el.hasAttribute('data-rating')) return true;
  return RATING_TOKEN.test(cls) || /\bstars?\b/i.test(label);
}

/** A review marked up as one (schema.org Review), whatever it holds. */
function markedReview(item: Element): boolean {
  return (
    item.getAttribute('itemprop') === 'review' ||
    (item.getAttribute('itemtype')?.includes('schema.org/Review') ?? false)
  );
}

/**
 * Whether an element inside `el` (not `el` itself) passes `test`: one walk of its elements, no
 * selector query per item (jsdom's selector engine made thousands of items side by side take minutes).
 */
function someInside(el: Element, test: (inner: Element) => boolean): boolean {
  const stack: Element[] = [];
  for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (test(e)) return true;
    for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return false;
}

/** Whether `item` is a review (schema.org markup) or holds a rating widget (see isRatingWidget). */
function hasRating(item: Element): boolean {
  return markedReview(item) || someInside(item, isRatingWidget);
}

/** A class or id word naming reviews (`reviews`, `review-list`, `customerReviews`, `testimonial`). */
const REVIEW_WORD = /(?:^|[^a-z])(?:reviews?|testimonials?)(?:$|[^a-z])/;

/** The element's class and id, camel case split into words, lower case. */
export function classWords(element: Element): string {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function namesReviews(element: Element): boolean {
  const names = classWords(element);
  return names.length >= 6 && REVIEW_WORD.test(names);
}

/** Whether the group's items, or its container up to two levels above, are named as reviews. */
function namedReviewGroup(items: Element[], root: Element): boolean {
  if (items.filter(namesReviews).length >= MIN_SIGNAL_SHARE * items.length) return true;
  let el: Element | null = items[0]!.parentElement;
  for (let step = 0; el && step < 3 && el !== root; step++, el = el.parentElement) if (namesReviews(el)) return true;
  return false;
}

function isProductCard(item: Element, stats: TextStats): boolean {
  const t = stats.of(item);
  if (t.chars === 0 || t.chars > MAX_CARD_CHARS) return false;
  // The links by a walk of the item (jsdom's selector engine climbs from each item to the page's
  // root to match, a climb per item through every level of nested content).
  if (linksUnder(item).length === 0 && lowerCase(item.localName) !== 'a') return false;
  return PRICE.test((item.textContent ?? '').slice(0, 1000));
}

/** A customer's review has at most this share of its text in links (a product card is mostly its link). */
const MAX_REVIEW_LINK_SHARE = 0.5;
/** A section of customer reviews on a collection page holds at least this many characters outside links. */
const MIN_REVIEW_SECTION_PROSE = 300;

/** A customer's review holds a sentence of this many characters outside links (a card's name and stars do not). */
const MIN_REVIEW_CHARS = 60;

/** Whether `href` leads to another page (not a fragment of this one, not a script). */
function leadsElsewhere(href: string): boolean {
  const h = href.trim();
  return h !== '' && !h.startsWith('#') && !/^javascript:/i.test(h);
}

/** The links under `el` that lead to other pages (see leadsElsewhere), counted up to `max`. */
function linksToOtherPages(el: Element, max: number): number {
  let n = 0;
  for (const a of linksUnder(el)) if (leadsElsewhere(a.getAttribute('href') ?? '') && ++n >= max) break;
  return n;
}

/**
 * Whether `item` holds a link to another page: a card leads to what it shows (a recipe, a book, a
 * course), a customer's review does not.
 */
function linksElsewhere(item: Element): boolean {
  return linksToOtherPages(item, 1) > 0;
}

/** Whether most of `items` link to other pages: an index of cards, whatever its classes call them. */
function leadElsewhere(items: readonly Element[]): boolean {
  return items.filter(linksElsewhere).length >= MIN_SIGNAL_SHARE * items.length;
}

/**
 * Whether a rated item reads as a customer's review rather than a card with its stars (a product,
 * a recipe, a course): no link to another page (linksElsewhere), MIN_REVIEW_CHARS outside links, at most MAX_REVIEW_LINK_SHARE of its text in links, and no price
 * in the first MAX_PRICE_LOOK characters of its text nodes (leadingText: not its scripts, nor the white
 * space of deeply indented markup, which can push a price past a plain slice of its text).
 */
function readsAsReview(item: Element, stats: TextStats): boolean {
  const t = stats.of(item);
  return (
    !linksElsewhere(item) &&
    t.chars - t.linkChars >= MIN_REVIEW_CHARS &&
    t.linkChars <= MAX_REVIEW_LINK_SHARE * t.chars &&
    !PRICE.test(leadingText(item, MAX_PRICE_LOOK))
  );
}

/**
 * Whether a section named as reviews reads as customer reviews rather than one card's rating box
 * (a name and its stars) or an index of rated cards (reviews of recipes or films, each leading to
 * its page): MIN_REVIEW_SECTION_PROSE characters outside links, not a product card, and fewer than
 * MIN_ITEMS links to other pages (see linksElsewhere).
 */
function readsAsReviewSection(el: Element, stats: TextStats): boolean {
  const t = stats.of(el);
  return (
    t.chars - t.linkChars >= MIN_REVIEW_SECTION_PROSE &&
    !isProductCard(el, stats) &&
    linksToOtherPages(el, MIN_ITEMS) < MIN_ITEMS
  );
}

/**
 * A class or id word naming the people who bought or used what is reviewed, or the votes on
 * their reviews (`customer-reviews`, `buyer-badge`, `user_reviews`, `verified`, `review-votes`,
 * `helpful`): a publication's own critics are not named so.
 */
const CUSTOMER_WORD = /(?:^|[^a-z])(?:customers?|buyers?|purchasers?|users?|verified|votes?|helpful)(?:$|[^a-z])/;
/**
 * A line only a shop's reviews carry: a verified buyer, a control to write one, a vote on whether
 * one was helpful. No word boundary before it: the text of elements side by side runs together
 * ("A buyerWrite a review").
 */
const CUSTOMER_LINE =
  /verified (?:buyers?|purchases?|owners?|customers?|reviewers?)\b|(?:write|leave|add|submit) (?:a|your) review\b|was this (?:review )?helpful\b/i;
/** Ancestors of a group's container looked at for a class or id word naming customers. */
const MAX_CUSTOMER_CLIMB = 3;

/** Whether `el` is marked up as an aggregate rating (schema.org): the count of many buyers' stars. */
function marksAggregate(el: Element): boolean {
  return (
    (el.getAttribute('itemtype')?.includes('schema.org/AggregateRating') ?? false) ||
    el.getAttribute('itemprop') === 'aggregateRating'
  );
}

/** Whether `el` is marked up as a product (schema.org): reviews inside it are its buyers'. */
function marksProduct(el: Element): boolean {
  return el.getAttribute('itemtype')?.includes('schema.org/Product') ?? false;
}

/**
 * Whether the reviews in `el` (a review section, or the container of a list of reviews, under
 * `root`) are a shop's customers' rather than a publication's own criticism: a class or id word
 * naming customers, users, verified buyers or votes (CUSTOMER_WORD) on `el`, an element inside
 * it or one of its MAX_CUSTOMER_CLIMB nearest ancestors; a form or text box (a form to write
 * one); schema.org AggregateRating markup inside it, or Product markup around it (an editorial
 * review may mark up what it reviews as a product inside it); or a line naming a verified buyer,
 * a control to write a review or a helpful vote (CUSTOMER_LINE).
 */
function customersReview(el: Element, root: Element): boolean {
  const signsCustomers = (e: Element): boolean => {
    const tag = lowerCase(e.localName);
    return tag === 'form' || tag === 'textarea' || marksAggregate(e) || CUSTOMER_WORD.test(classWords(e));
  };
  if (signsCustomers(el) || someInside(el, signsCustomers)) return true;
  let step = 0;
  for (let a = el.parentElement; a; a = a.parentElement, step++) {
    if (marksProduct(a)) return true;
    if (step < MAX_CUSTOMER_CLIMB && a !== root && root.contains(a) && CUSTOMER_WORD.test(classWords(a))) return true;
  }
  return CUSTOMER_LINE.test(el.textContent ?? '');
}

/** The smallest container around a group's items that adds little text besides them. */
function containerOf(items: Element[], root: Element, stats: TextStats): Element {
  const itemChars = items.reduce((n, item) => n + stats.of(item).chars, 0);
  let container = items[0]!.parentElement!;
  for (let step = 0; step < 4; step++) {
    const parent = container.parentElement;
    if (!parent || parent === root || !root.contains(parent)) break;
    if (stats.of(parent).chars - itemChars > MAX_ADDED_SHARE * itemChars) break;
    container = parent;
  }
  return container;
}

/** A class or id word naming customer reviews (`reviews`, `product-reviews`, `reviewList`). */
const REVIEWS_WORD = /(?:^|[^a-z])reviews?(?:$|[^a-z])/;

/**
 * Whether an element is the page's content rather than a part beside it: an `<article>`, a
 * `<main>` or an element holding the headline (an editorial review of the product, rated and
 * named as a review, is the content).
 */
function isContent(el: Element, headed: ReadonlySet<Element>): boolean {
  const tag = lowerCase(el.localName);
  return tag === 'article' || tag === 'main' || headed.has(el);
}

/**
 * The elements under `root` (and `root`) that hold an `<h1>`, found once by walking up from each
 * headline, so that asking isContent of every element stays linear in the page.
 */
function headlineHolders(root: Element): Set<Element> {
  const holders = new Set<Element>();
  for (const h1 of root.getElementsByTagName('h1')) {
    for (let el = h1.parentElement; el && !holders.has(el); el = el.parentElement) {
      holders.add(el);
      if (el === root) break;
    }
  }
  return holders;
}

/**
 * The outermost elements under `root` named as reviews by a class or id word that hold a rating
 * widget: the customer reviews section with its summary, rating histogram, filters and write form
 * (the review items need not share one shape). A block of quoted press reviews or testimonials
 * carries no rating widget. The content itself (see isContent) is not a section beside it: the
 * walk goes on inside it.
 */
function reviewSections(root: Element, headed: ReadonlySet<Element>): Element[] {
  const out: Element[] = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (REVIEWS_WORD.test(classWords(c)) && hasRating(c) && !isContent(c, headed)) out.push(c);
      else walk(c, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/**
 * A class or id token naming a tooltip or popover itself, the popup and not what carries it:
 * `tooltip`, `c-tooltip`, `tooltip__content`, `tooltip-text`, `a-popover-content`, `popover-body`.
 */
const POPUP_TOKEN = /^(?:.*[-_])?(?:tool-?tip|popover)(?:[-_]*(?:content|body|text|inner))?$/;
/** A token naming the element that carries a tooltip: `has-tooltip`, `with-tooltips`, `tooltip-trigger`. */
const CARRIER_TOKEN = /^(?:has|with)[-_]|[-_](?:trigger|toggle|wrapper|host)$/;
/** Lists and tables are shown on the page (a spec table whose cells carry tooltips). */
const NEVER_POPUP = new Set(['table', 'thead', 'tbody', 'tr', 'ul', 'ol', 'dl']);
/** Inline elements: one inside a sentence is a word of it. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'dfn',
  'em',
  'font',
  'i',
  'mark',
  'small',
  'span',
  'strong',
  'sup',
  'u',
]);
/** A tip is a sentence or two; a longer popup is taken only when hidden. */
const MAX_TIP_CHARS = 300;
/** Siblings looked at for the text around an inline popup. */
const MAX_AROUND_NODES = 20;

function namesPopup(el: Element): boolean {
  if (el.getAttribute('role') === 'tooltip') return true;
  const tag = lowerCase(el.localName);
  if (tag === 'tool-tip' || tag === 'tooltip') return true;
  const tokens = classWords(el).split(/\s+/).filter(Boolean);
  return tokens.some((t) => POPUP_TOKEN.test(t)) && !tokens.some((t) => CARRIER_TOKEN.test(t));
}

function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || hiddenByInlineStyle(el);
}

/** The text next to `el` inside its block, `step` -1 before and 1 after (inline ancestors crossed). */
function textBeside(el: Element, step: -1 | 1): string {
  let text = '';
  let looked = 0;
  for (let node: Element | null = el; node && INLINE.has(lowerCase(node.localName)); node = node.parentElement) {
    for (let s = step < 0 ? node.previousSibling : node.nextSibling; s && looked < MAX_AROUND_NODES; looked++) {
      const t = s.nodeType === 1 && !INLINE.has(lowerCase((s as Element).localName)) ? '' : (s.textContent ?? '');
      text = step < 0 ? t + text : text + t;
      if (text.trim() !== '') return text.trim();
      s = step < 0 ? s.previousSibling : s.nextSibling;
    }
  }
  return text.trim();
}

/** An inline element with text of its sentence before it or after it (a glossary term, the visible part). */
function insideSentence(el: Element): boolean {
  if (!INLINE.has(lowerCase(el.localName))) return false;
  const before = textBeside(el, -1);
  const after = textBeside(el, 1);
  return (before !== '' && !endsLikeSentence(before)) || /^\p{Ll}/u.test(after);
}

/**
 * A tooltip or popover, the popup only (`role="tooltip"`, a `<tool-tip>`, or see POPUP_TOKEN):
 * never a list or table, never one that holds another popup (it is the visible part around it),
 * never a word of a sentence unless its role says it is the popup; a tip is short, or hidden.
 */
function isHoverText(el: Element, stats: TextStats): boolean {
  if (!namesPopup(el) || NEVER_POPUP.has(lowerCase(el.localName))) return false;
  if (stats.of(el).chars > MAX_TIP_CHARS && !isHidden(el)) return false;
  // role="tooltip" is the popup's own role (its trigger points at it with aria-describedby).
  if (el.getAttribute('role') !== 'tooltip' && insideSentence(el)) return false;
  return !holdsPopup(el);
}

/** A popup holds a few elements; one past this is a part of the page. */
const MAX_POPUP_ELEMENTS = 500;

/** Whether a popup is inside `el` (then `el` is what carries it), or `el` is too big to be a tip. */
function holdsPopup(el: Element): boolean {
  const stack: Element[] = [];
  for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  for (let seen = 0; stack.length > 0; seen++) {
    const e = stack.pop()!;
    if (seen >= MAX_POPUP_ELEMENTS || namesPopup(e)) return true;
    for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return false;
}

/** A form field where the reader types text: a search, a newsletter or a question form has one, a cart form not. */
const TEXT_FIELD =
  'input:not([type]), input[type="text" i], input[type="search" i], input[type="email" i], input[type="tel" i], textarea';

/**
 * What a buy box holds: a price (in schema.org markup or as text), a choice of variant or quantity
 * (a select, a number or radio input), or a button that sends no text of the reader's and opens
 * nothing (an add-to-cart button; a search, newsletter or question form asks for text, a menu's
 * button says what it expands or controls).
 */
function holdsBuyBox(el: Element): boolean {
  if (
    el.querySelector('select, input[type="number" i], input[type="radio" i], [itemprop="price"], [itemprop="offers"]')
  )
    return true;
  // Whether each form asks for text, read once per form (a form may hold hundreds of buttons).
  const asksText = new Map<Element, boolean>();
  for (const button of Array.from(el.querySelectorAll('button, input[type="submit" i]'))) {
    if (button.hasAttribute('aria-expanded') || button.hasAttribute('aria-controls')) continue;
    const form = button.closest('form');
    if (!form) return true;
    let asks = asksText.get(form);
    if (asks === undefined) {
      asks = form.querySelector(TEXT_FIELD) !== null || form.getAttribute('role') === 'search';
      asksText.set(form, asks);
    }
    if (!asks) return true;
  }
  return PRICE.test(leadingText(el, MAX_PRICE_LOOK));
}

/** Characters of a landmark's text looked at for a price. */
const MAX_PRICE_LOOK = 2000;

const UNSEEN = new Set(['script', 'style', 'template', 'noscript']);

/**
 * The first `max` or so characters of the text under `el` (not all of a huge subtree's text), its
 * text nodes joined by a space (the white space between blocks may have been taken out).
 */
function leadingText(el: Element, max: number): string {
  let text = '';
  const stack: Node[] = [el];
  while (stack.length > 0 && text.length < max) {
    const node = stack.pop()!;
    if (node.nodeType === 3) text += `${(node.nodeValue ?? '').slice(0, max)} `;
    else if (node.nodeType !== 1 || UNSEEN.has(lowerCase((node as Element).localName))) continue;
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return text;
}

/** A paragraph or list: a landmark right after one closes a block of text (a description's footer). */
const TEXT_BLOCK = new Set(['p', 'ul', 'ol', 'dl', 'blockquote']);

/**
 * A menu, sidebar or footer inside the content (a landmark by tag or role; a header is not one
 * here, it may hold the product's name), unless it is part of the product: a sidebar that holds
 * the buy box (see holdsBuyBox: a theme may draw the price, the variants and the one-line pitch as
 * an aside; a site's footer names prices too, "free delivery from 50 €"), a sidebar or footer
 * that closes a block of the product's text (right after a paragraph or list: the warranty and
 * care lines in a description's footer), or one that shows one of the page's descriptions (see
 * showsDescription: a side sheet drawn as an aside that holds the product's description).
 */
function isFrameLandmark(el: Element, descriptions: readonly string[]): boolean {
  if (!isLandmark(el)) return false;
  const tag = lowerCase(el.localName);
  const role = el.getAttribute('role');
  if (tag === 'header' || role === 'banner') return false;
  if (tag === 'nav' || role === 'navigation') return true;
  const before = el.previousElementSibling;
  if (before && TEXT_BLOCK.has(lowerCase(before.localName))) return false;
  if ((tag === 'aside' || role === 'complementary') && holdsBuyBox(el)) return false;
  return !showsDescription(el, descriptions);
}

/**
 * A class or id word naming other products shown beside this one, the words of shop themes and
 * platforms: related products, recommendations, similar items, up-sells and cross-sells, recently
 * viewed (the pair: either word alone names other things).
 */
const OTHERS_WORD =
  /(?:^|[^a-z])(?:related|recommend(?:ed|ations?)?|similar|upsells?|up-sells?|cross-?sells?|recently[\s_-]?viewed)(?:$|[^a-z])/;

/** A class or id word naming other products or what comes with this one: `bundle`, `accessories`. */
const PARTS_WORD = /(?:^|[^a-z])(?:accessories|bundles?)(?:$|[^a-z])/;

/** Of a section named by PARTS_WORD, at least this share of the text is its links (names of products). */
const MIN_OTHERS_LINK_SHARE = 0.3;

/**
 * A section named as other products that links to them: a block, not a paragraph or a phrase,
 * named by OTHERS_WORD, or by PARTS_WORD when it names a price (offers of other things) or its
 * text is largely its links (their names): what a set holds or what comes in the box is the
 * product's own text.
 */
function namesOtherProducts(el: Element, stats: TextStats): boolean {
  const tag = lowerCase(el.localName);
  if (tag === 'p' || INLINE.has(tag)) return false;
  const words = classWords(el);
  const others = OTHERS_WORD.test(words);
  if (!others && !PARTS_WORD.test(words)) return false;
  if (el.querySelector('a[href]') === null) return false;
  if (others) return true;
  const t = stats.of(el);
  return t.linkChars >= MIN_OTHERS_LINK_SHARE * t.chars || PRICE.test(leadingText(el, MAX_PRICE_LOOK));
}

/**
 * Why `el` is beside the product rather than part of it, or null: a tooltip or popover (text a
 * reader sees only when pointing at or clicking a control: delivery and return terms, what a
 * badge means, a seller's card, a form to report a lower price), a menu, sidebar or footer
 * inside the content (see isFrameLandmark), or a section named as other products (see
 * namesOtherProducts).
 */
function besideProduct(el: Element, stats: TextStats, descriptions: readonly string[]): string | null {
  if (isHoverText(el, stats)) return 'a tooltip or popover';
  if (isFrameLandmark(el, descriptions)) return `a page landmark (${lowerCase(el.localName)})`;
  if (namesOtherProducts(el, stats)) return 'a section named as other products';
  return null;
}

/**
 * The outermost elements under `root` beside the product (see besideProduct), each with why. The
 * content itself (see isContent) is not one: the walk goes on inside it.
 */
function besideTexts(
  root: Element,
  stats: TextStats,
  headed: ReadonlySet<Element>,
  descriptions: readonly string[],
): Array<{ element: Element; why: string }> {
  const out: Array<{ element: Element; why: string }> = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const why = isContent(c, headed) ? null : besideProduct(c, stats, descriptions);
      if (why) out.push({ element: c, why });
      else walk(c, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/**
 * The review sections, review lists and product rows inside `root`, then what else is beside the
 * product (see besideProduct), each with why. With `reviewsOnly` (a collection page: its product
 * cards are its content, and a card often carries its own stars), the customer reviews only: a
 * review section that holds prose of its own and is not itself a product card
 * (readsAsReviewSection), a list named as reviews whose items mostly link to no other page, and a
 * list whose items are marked up as reviews or read as reviews (readsAsReview: rated, written in
 * sentences, no price, no link to another page); each only with a sign that the reviews are
 * customers' (customersReview), not a publication's own capsule reviews.
 */
export function shopRows(
  root: Element,
  descriptions: readonly string[] = [],
  reviewsOnly = false,
): Array<{ element: Element; why: string }> {
  const stats = new TextStats();
  const headed = headlineHolders(root);
  const total = stats.of(root).chars;
  const out: Array<{ element: Element; why: string }> = [];
  let removed = 0;
  for (const element of reviewSections(root, headed)) {
    if (reviewsOnly && !(readsAsReviewSection(element, stats) && customersReview(element, root))) continue;
    const chars = stats.of(element).chars;
    if (chars > MAX_SECTION_SHARE * total || total - removed - chars < MIN_LEFT) continue;
    out.push({ element, why: 'a section of customer reviews' });
    removed += chars;
  }
  for (const { items } of likeSiblingGroups(root, { minItems: MIN_ITEMS })) {
    if (out.some(({ element }) => element.contains(items[0]!))) continue;
    const reviews = items.filter((item) =>
      reviewsOnly ? markedReview(item) || (hasRating(item) && readsAsReview(item, stats)) : hasRating(item),
    ).length;
    const cards = items.filter((item) => isProductCard(item, stats)).length;
    let why: string | null = null;
    if (reviews >= MIN_SIGNAL_SHARE * items.length) why = `a list of ${items.length} reviews`;
    else if (namedReviewGroup(items, root) && !(reviewsOnly && leadElsewhere(items)))
      why = `a list of ${items.length} items named as reviews`;
    else if (!reviewsOnly && cards >= MIN_SIGNAL_SHARE * items.length)
      why = `a row of ${items.length} product cards with prices`;
    if (!why) continue;
    const element = containerOf(items, root, stats);
    if (element === root || isContent(element, headed)) continue;
    if (reviewsOnly && !customersReview(element, root)) continue;
    const chars = stats.of(element).chars;
    // A container already taken may sit inside this one: the outer one replaces it.
    const inner = out.filter((taken) => element.contains(taken.element));
    const innerChars = inner.reduce((n, taken) => n + stats.of(taken.element).chars, 0);
    if (chars > MAX_ROW_SHARE * total || total - (removed - innerChars) - chars < MIN_LEFT) continue;
    for (const taken of inner) out.splice(out.indexOf(taken), 1);
    out.push({ element, why });
    removed += chars - innerChars;
  }
  if (reviewsOnly) return out;
  // Tooltips, popovers and landmarks outside what is taken above (found by walking up: a page may
  // hold thousands of them).
  const taken = new Set(out.map(({ element }) => element));
  const inTaken = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (taken.has(e)) return true;
    return false;
  };
  for (const { element, why } of besideTexts(root, stats, headed, descriptions)) {
    if (inTaken(element)) continue;
    const chars = stats.of(element).chars;
    if (chars > MAX_ROW_SHARE * total || total - removed - chars < MIN_LEFT) continue;
    out.push({ element, why });
    removed += chars;
  }
  return out;
}

/**
 * Remove what is beside the product in a product page's content (see shopRows), and the customer
 * reviews in a collection page's (shopRows with `reviewsOnly`), each reported.
 */
export function removeShopRows(context: DomRuleContext, root: Element, descriptions: readonly string[] = []): void {
  const rule = ruleById(RULE);
  if (!context.pageType || !ruleApplies(rule, context.disabled, context.stage, context.pageType)) return;
  // A collection page has no product: its reviews are beside its cards.
  const reviewsOnly = context.pageType !== 'product';
  const reason = reviewsOnly ? "not the collection's content" : (rule.dom?.reason ?? 'not about the product');
  for (const { element, why } of shopRows(root, descriptions, reviewsOnly)) {
    checkDeadline(context);
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: ${why}`);
  }
}
