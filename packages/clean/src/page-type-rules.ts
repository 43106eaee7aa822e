/**
 * How each page type is cleaned. The rule pack is written for articles; on other kinds of page
 * some of its rules remove the page's own content: on a forum thread the posts are the content,
 * not a comment section under it. This table says which rules (ids or categories) a page type
 * turns off; everything else runs as for an article.
 *
 * A type only changes the cleaning when it is safe: the model's type must be confident, and a
 * forum is cleaned as a forum only when its thread is the page's main content (the repeated
 * posts hold more prose than the paragraphs outside them). An article that has a comment thread
 * under it, or a page the model is unsure about, is cleaned as an article and drops its comments.
 */

import { PAGE_TYPES } from '@corpuskit/document';
import type { PageType, PageTypeResult } from '@corpuskit/document';

import { TextStats } from './features/dom-walk.js';
import { paragraphCharsBefore, paragraphCharsExcept, postGroup } from './features/groups.js';
import { repeatedGroups } from './features/repeated.js';
import { cardRegion } from './card-region.js';
import { productRegion } from './product-region.js';
import { hiddenElements, threadPosts } from './thread.js';
import { MAIN_REGION_TYPES, mainRegion } from './type-roots.js';

const TYPE_DISABLED_CATEGORIES: Readonly<Record<PageType, readonly string[]>> = {
  article: [],
  // The thread is the page: its posts, replies and quoted posts are kept. The comment controls
  // (Reply, Quote, "3 days ago" lines) still go.
  forum: ['comments/widget', 'comments/thread'],
  // "About this item", "About <product>": the product's own description, not a press
  // release's closing company profile. Lines that are only amounts, one under the other, are a
  // shop's prices (a sale price over the old one, a card's price after the card above), not a
  // donation ladder: on product and collection pages (a listing of news teasers may close on one).
  product: ['boilerplate/about-company', 'donation/ladder'],
  // The content is a run of link lines (the cards' titles): a link-only line is not a
  // related-links trailer here.
  collection: ['related/trailing-links', 'donation/ladder'],
  listing: ['related/trailing-links'],
  documentation: [],
  service: [],
};

/**
 * Below this confidence the model's type does not change how a page is cleaned. Measured on the
 * development pages with each page cleaned as every type it could be given (word F1 of WCXB,
 * page types from models trained without the page's site): cleaning a page as its most
 * probable type, however unsure, loses less than falling back to the article rules, because the
 * article rules cost a non-article page far more (a thread loses its replies, a listing its
 * cards) than the other types' rules cost an article. 0.6 gave WCXB word F1 0.827, 0.3 0.831,
 * no limit 0.831; the limit stays for pages the model can barely tell apart.
 */
export const MIN_TYPE_CONFIDENCE = 0.3;

/**
 * A page the model types as a product, collection, listing or service page is cleaned as one only
 * when that type's probability leads the article's by this much; otherwise it is cleaned as an
 * article. Those types clean by the page's main region (its cards, its landmarks) and keep what
 * sits in it; a news article mistaken for one keeps its teaser rails and link lists, while the
 * article rules cost a page of those types little when the model could barely tell it from an
 * article. A forum needs no lead: it is cleaned as one only when its thread is the main content.
 * Chosen under site-split cross-validation, every page cleaned as the type a model trained
 * without its site gave it, by the sum of WCXB word F1, trafilatura segment F1 and scrapinghub
 * shingle F1 over the other folds' pages: each of the five folds chose 0.1 (of 0 to 0.4 in
 * steps of 0.05, 0.5, 0.6 and never). On all folds, 0.2 -> 0.1: WCXB word F1 0.8654 -> 0.8665
 * (listing 0.698 -> 0.713; mostly two listing pages of two sites), trafilatura and scrapinghub
 * unchanged; 0.05 and 0 cleaned more trafilatura articles as listings or service pages (F1
 * 0.9419 -> 0.9399, 0.9390), 0.3 cost WCXB 0.0014.
 */
export const MIN_LEAD_OVER_ARTICLE = 0.1;

/** The disabled categories/rules for a page of this type: the caller's plus the type's own. */
export function disabledForType(type: PageType, disabled: ReadonlySet<string>): Set<string> {
  const extra = TYPE_DISABLED_CATEGORIES[type];
  if (extra.length === 0) return disabled as Set<string>;
  return new Set([...disabled, ...extra]);
}

/**
 * The container of a thread whose posts are the page's main content: the parent of the repeated
 * group that reads most like posts, when
 * - it holds at least `minShare` of the page's text outside links,
 * - it holds more prose than the `<p>` paragraphs outside it,
 * - the `<p>` prose above its first post is at most half of its own (an article's body above
 *   its comments is more),
 * - no single post holds more than 60% of its text (an article and its comments in two
 *   look-alike boxes is not a thread).
 * Null otherwise.
 */
export function mainThread(body: Element, minShare = 0.3): Element | null {
  return mainThreadPosts(body, minShare)?.parent ?? null;
}

/** The posts of the thread `mainThread` finds, and their container; null when it finds none. */
function mainThreadPosts(
  body: Element,
  minShare = 0.3,
  stats = new TextStats(),
): { parent: Element; items: Element[] } | null {
  const page = stats.of(body);
  // Text nobody sees (a cookie preference centre, pop-over menus) is not part of the page here.
  const hidden = hiddenElements(body);
  let pageText = page.chars - page.linkChars;
  for (const el of hidden) {
    const t = stats.of(el);
    pageText -= t.chars - t.linkChars;
  }
  if (pageText <= 0) return null;
  // The dated/signed posts first; the plain repeated group when no group looks like posts.
  const posts = threadPosts(body, stats);
  const group = posts ?? postGroup(repeatedGroups(body, stats));
  if (!group) return null;
  let largest = 0;
  for (const item of group.items) {
    const t = stats.of(item);
    largest = Math.max(largest, t.chars - t.linkChars);
  }
  // One long post among look-alike boxes is an article and its comments, unless every box is a
  // dated or signed post (a thread whose opening post is long).
  if (!posts && largest > 0.6 * group.textChars) return null;
  // `<p>` prose of hidden subtrees above the first post is not an article's body above it.
  const first = group.items[0]!;
  let hiddenProse = 0;
  for (const el of hidden)
    if (el.compareDocumentPosition(first) & 4 /* FOLLOWING */)
      hiddenProse += paragraphCharsExcept(el, stats, new Set());
  if (
    group.textChars >= minShare * pageText &&
    paragraphCharsExcept(body, stats, new Set([...group.items, ...hidden])) <= group.textChars &&
    paragraphCharsBefore(body, stats, group) - hiddenProse <= 0.5 * group.textChars
  )
    return { parent: group.parent, items: group.items };
  // The replies are a group and the opening post (or a question) sits above them in another
  // shape: the thread is the smallest container of both, when the replies are a large part of
  // it and it holds the page's prose.
  for (let el = group.parent.parentElement, step = 0; el && el !== body && step < 4; el = el.parentElement, step++) {
    const t = stats.of(el);
    const text = t.chars - t.linkChars;
    if (text < minShare * pageText || group.textChars < MIN_REPLIES_SHARE * text) continue;
    if (paragraphCharsExcept(body, stats, new Set([el, ...hidden])) > text) continue;
    return { parent: el, items: group.items };
  }
  return null;
}

/** The replies hold at least this share of the text of a thread container above them. */
const MIN_REPLIES_SHARE = 0.4;

/**
 * What cleaning a page of one type with another type's rules is worth, in word F1 against
 * cleaning it as its own type (0 on the diagonal, usually negative elsewhere): `gain[t][c]` for
 * a page of type `t` cleaned as `c`. Measured on development pages cleaned as several types
 * (`pnpm train pagetype --cleaning-table`) and carried by the model.
 */
export type CleaningGain = Readonly<Record<PageType, Readonly<Record<PageType, number>>>>;

/** Of the page's most probable types, this many are weighed by the cleaning gain. */
const GAIN_CANDIDATES = 2;

/**
 * The type whose rules clean a page the model typed. With a cleaning gain: of the two most
 * probable types, the one with the highest expected gain, sum over t of P(t) x gain[t][c] — an
 * unsure choice between an article and a listing goes to the listing, because the article rules
 * cost a listing more (its cards) than the listing rules cost an article. Without one: the most
 * probable type from MIN_TYPE_CONFIDENCE and, for a type cleaned by its main region, from
 * MIN_LEAD_OVER_ARTICLE over the article; else the article rules.
 */
export function cleaningType(typed: PageTypeResult, gain?: CleaningGain): PageType {
  if (!gain) {
    if (typed.confidence < MIN_TYPE_CONFIDENCE) return 'article';
    // Probabilities are given to three decimals: compare in thousandths (0.7 - 0.5 < 0.2 in floats).
    const lead = Math.round((typed.confidence - (typed.scores.article ?? 0)) * 1000);
    return MAIN_REGION_TYPES.includes(typed.type) && lead < Math.round(MIN_LEAD_OVER_ARTICLE * 1000)
      ? 'article'
      : typed.type;
  }
  const p = (t: PageType) => typed.scores[t] ?? 0;
  // The most probable type first (ties in PAGE_TYPES order), so that it wins a tie in value.
  const candidates = [typed.type, ...[...PAGE_TYPES].filter((t) => t !== typed.type).sort((a, b) => p(b) - p(a))];
  let best = typed.type;
  let bestValue = -Infinity;
  for (const c of candidates.slice(0, GAIN_CANDIDATES)) {
    let value = 0;
    for (const t of PAGE_TYPES) value += p(t) * gain[t][c];
    if (value > bestValue) {
      bestValue = value;
      best = c;
    }
  }
  return best;
}

/**
 * The page types whose region, when none is found and Readability takes a small part of the page
 * or only the page's frame, is the page around its landmarks (see landmarkFreeRegion). A listing
 * takes it only in the second case (html-pipeline.ts, FRAME_ONLY_SHARE): its gold often is the
 * intro Readability takes beside the cards (on the base CV's types, taking the region for a small
 * pick too moved two listings whose gold is that intro from 0.95 to 0.54 and 0.58 to 0.21).
 */
const LANDMARK_REGION_TYPES: readonly PageType[] = ['service', 'product', 'collection', 'listing'];

/**
 * How a page is cleaned: the type whose rules apply and, for a forum, the thread's container.
 * The caller's type is taken as given; the model's only when it is confident and, for a forum,
 * when the thread is the main content. Anything else is cleaned as an article. `stats`: the
 * text statistics the page features kept of the same, unchanged tree (the body's first), read
 * again here instead of walked again.
 */
export function cleaningPlan(
  typed: PageTypeResult | null,
  fromCaller: boolean,
  body: Element,
  gain?: CleaningGain,
  stats?: TextStats,
): {
  type: PageType | null;
  threadRoot: Element | null;
  posts?: Element[];
  mainRoot?: Element | null;
  /**
   * A service, product or collection page with no main region found: its region may be the page
   * around its landmarks.
   */
  landmarkRegion?: boolean;
} {
  if (!typed) return { type: null, threadRoot: null };
  const type = fromCaller ? typed.type : cleaningType(typed, gain);
  if (MAIN_REGION_TYPES.includes(type)) {
    // A collection or listing with no marked main region: the region of its cards.
    const cards = type === 'collection' || type === 'listing';
    // A product page with no marked main region: the region grown from the product's heading.
    const fallback = () => (cards ? cardRegion(body, stats) : type === 'product' ? productRegion(body) : null);
    // On shop pages a policy pop-up or quick-view dialog can hold more text than the page: the
    // main region's share is measured on the text a reader sees. The cards of a collection or
    // listing are links: its main region may hold most of the page's text only with them.
    const mainRoot =
      mainRegion(body, type !== 'service', false, stats) ??
      (cards ? mainRegion(body, true, true, stats) : null) ??
      fallback();
    const landmarkRegion = !mainRoot && LANDMARK_REGION_TYPES.includes(type);
    return { type, threadRoot: null, mainRoot, landmarkRegion };
  }
  if (type !== 'forum') return { type, threadRoot: null };
  const thread = mainThreadPosts(body, undefined, stats);
  if (!thread && !fromCaller) return { type: 'article', threadRoot: null };
  return { type: 'forum', threadRoot: thread?.parent ?? null, posts: thread?.items ?? [] };
}
