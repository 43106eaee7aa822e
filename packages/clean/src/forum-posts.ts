/**
 * Post chrome inside a forum thread (rule `boilerplate/post-chrome`). A post is its text plus
 * what the forum software puts around it: the author card (rank, post count, join date), vote
 * counts and badges, share/edit/flag controls, signatures, the comments under an answer. The
 * text sits in one descendant that holds nearly all of the post's prose; the chrome is the rest.
 *
 * From each post of the thread (the items of the repeated group that reads like posts), the walk
 * goes down to the child holding at least BODY_SHARE of the text outside links, as long as the
 * current element is a wrapper: little text of its own, not a paragraph, list, quote or table,
 * and no paragraph, list, quote or table beside that child (then it is the post's text). The
 * other children met on the way are the chrome. Nothing site-specific: only the tree's shape.
 */

import { TextStats } from './features/dom-walk.js';
import { DATE_TEXT, USER_HREF, itemShape } from './features/groups.js';
import { isAttached, isKept, removeElement, ruleApplies } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { ruleById } from './rules.js';

/** Share of a wrapper's text (outside links) its body child must hold for the walk to go down. */
const BODY_SHARE = 0.7;

/** Elements the walk never enters: they are text, not wrappers. */
const TEXT_ELEMENTS = new Set([
  'p',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'code',
]);

const RULE = 'boilerplate/post-chrome' as const;

/** Own text (of direct text children) in visible characters. */
function ownChars(element: Element): number {
  let n = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) n += (node.nodeValue ?? '').replace(/\s+/g, '').length;
  }
  return n;
}

/** The chrome elements of one post: siblings of the path down to its body. */
function postChrome(item: Element, stats: TextStats): Element[] {
  const chrome: Element[] = [];
  let current = item;
  for (let depth = 0; depth < 30; depth++) {
    const own = stats.of(current);
    const text = own.chars - own.linkChars;
    if (text <= 0 || ownChars(current) > 0.1 * own.chars) break;
    let best: Element | null = null;
    let bestText = -1;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling) {
      const t = stats.of(c);
      if (t.chars - t.linkChars > bestText) {
        best = c;
        bestText = t.chars - t.linkChars;
      }
    }
    if (!best || bestText < BODY_SHARE * text) break;
    // Paragraphs, lists or quotes beside the largest child: this is the post's text itself.
    let prose = false;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling)
      if (c !== best && TEXT_ELEMENTS.has(c.localName.toLowerCase()) && stats.of(c).chars > 0) prose = true;
    if (prose) break;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling) if (c !== best) chrome.push(c);
    if (TEXT_ELEMENTS.has(best.localName.toLowerCase())) break;
    current = best;
  }
  return chrome;
}

/** A line is short: at most this many visible characters and words. */
const MAX_LINE_CHARS = 40;
const MAX_LINE_WORDS = 5;

/** A short line found in at least this many posts, and this share of them, is the software's. */
const MIN_LINE_POSTS = 3;
const MIN_LINE_SHARE = 0.3;

/** Elements whose text is prose or code: their short parts are not lines of their own. */
const PROSE = new Set(['p', 'pre', 'code', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The short lines of a post: the outermost elements whose text is short and that stand alone
 * (their parent has no text of its own beside them), outside prose and code. The author's name
 * and the post's date are not counted: they stay.
 */
function shortLines(item: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 60) return;
    const alone = ownChars(el) === 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.localName.toLowerCase();
      if (PROSE.has(tag)) continue;
      const text = (c.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      if (text.length <= MAX_LINE_CHARS && text.split(' ').length <= MAX_LINE_WORDS) {
        // The author's line may hold the software's lines too ("name · Posts: 40"): look inside.
        if (alone && !signature(c, text)) {
          out.push(c);
          continue;
        }
      }
      walk(c, depth + 1);
    }
  };
  walk(item, 0);
  return out;
}

/** A line with the post's author (a link to a member's profile) or its date: these stay. */
function signature(line: Element, text: string): boolean {
  if (line.localName.toLowerCase() === 'time' || line.querySelector('time')) return true;
  if (DATE_TEXT.test(text)) return true;
  return [line, ...Array.from(line.querySelectorAll('a[href]'))].some(
    (a) => a.localName.toLowerCase() === 'a' && USER_HREF.test(a.getAttribute('href') ?? ''),
  );
}

/** A line's text with its numbers as one symbol: "Posts: 4032" and "Posts: 17" are one line. */
function lineKey(element: Element): string {
  return `${element.localName.toLowerCase()}:${(element.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase().replace(/\d+/g, '0')}`;
}

/**
 * Short lines that recur, in the same words up to their numbers, across the posts of a thread
 * (MIN_LINE_POSTS and MIN_LINE_SHARE of them): post counts, join dates, "Reply" and "Quote"
 * buttons, vote labels, "Click to expand...". A post's own words differ from post to post.
 */
function repeatedLines(items: readonly Element[]): Element[] {
  if (items.length < MIN_LINE_POSTS) return [];
  const byKey = new Map<string, { posts: number; elements: Element[] }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const line of shortLines(item)) {
      const key = lineKey(line);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { posts: 0, elements: [] }));
      entry.elements.push(line);
      if (!seen.has(key)) {
        seen.add(key);
        entry.posts++;
      }
    }
  }
  const out: Element[] = [];
  const needed = Math.max(MIN_LINE_POSTS, MIN_LINE_SHARE * items.length);
  for (const { posts, elements } of byKey.values()) if (posts >= needed) out.push(...elements);
  return out;
}

/** Words a quoted passage is compared by, in runs (shingles) of this many. */
const QUOTE_SHINGLE = 8;
/** A quote whose shingles are found in earlier posts at this share repeats them. */
const MIN_QUOTED_SHARE = 0.6;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + QUOTE_SHINGLE <= tokens.length; i++) out.push(tokens.slice(i, i + QUOTE_SHINGLE).join(' '));
  return out;
}

/**
 * Quotes (`<blockquote>`, outermost in a post) that repeat an earlier post of the thread: most
 * of their word runs are in the posts above. The quoted post is on the page already; a quote of
 * a post that is not (an earlier page of the thread) stays.
 */
function repeatedQuotes(items: readonly Element[]): Element[] {
  const out: Element[] = [];
  const earlier = new Set<string>();
  for (const item of items) {
    const quotes = Array.from(item.querySelectorAll('blockquote')).filter(
      (q) => !q.parentElement?.closest('blockquote') || !item.contains(q.parentElement.closest('blockquote')),
    );
    for (const quote of quotes) {
      const runs = shingles(words(quote.textContent ?? ''));
      if (runs.length === 0) continue;
      let found = 0;
      for (const run of runs) if (earlier.has(run)) found++;
      if (found >= MIN_QUOTED_SHARE * runs.length) out.push(quote);
    }
    for (const run of shingles(words(item.textContent ?? ''))) earlier.add(run);
  }
  return out;
}

/** Characters outside links a dated or signed sibling of the posts needs to be a post itself. */
const MIN_OWN_POST_CHARS = 40;

/**
 * The siblings of a thread's posts that are not posts and come after the first one: what the
 * software puts between and after the posts (a topic overview box, a sort bar, an advert slot,
 * "load more" and reply forms). The opening post in another shape sits above the first reply,
 * not among the replies, and stays. Nothing is taken when the posts do not share one parent.
 */
function betweenPosts(items: readonly Element[], stats: TextStats): Element[] {
  const parent = items[0]?.parentElement;
  if (!parent || items.length < 2 || items.some((item) => item.parentElement !== parent)) return [];
  const posts = new Set(items);
  const own = (element: Element): number => {
    const t = stats.of(element);
    return t.chars - t.linkChars;
  };
  // Text of a typical post: a sibling with as much text of its own as that is a post too, dated
  // or not (its date may be written in a language the date test does not read).
  const sizes = items.map(own).sort((a, b) => a - b);
  const typicalPost = Math.max(MIN_OWN_POST_CHARS, sizes[Math.floor((sizes.length - 1) / 2)]!);
  const out: Element[] = [];
  for (let c = items[0]!.nextElementSibling; c; c = c.nextElementSibling) {
    if (posts.has(c)) continue;
    if ((c.textContent ?? '').trim() === '') continue;
    // A post the grouping missed (another shape: a reply, a deleted or highlighted post) is
    // dated or signed and has its own text, or has as much text as a typical post: it stays.
    const shape = itemShape(c);
    const chars = own(c);
    if ((shape.time || shape.dateText || shape.userLink) && chars >= MIN_OWN_POST_CHARS) continue;
    if (chars >= typicalPost) continue;
    out.push(c);
  }
  return out;
}

/** A class or id word forum software gives a post's signature block. */
const SIGNATURE_WORD = /signature/i;
/** A signature holds at most this share of its post's text (else the word names something else). */
const MAX_SIGNATURE_SHARE = 0.5;

/**
 * The signature blocks of the posts: the outermost elements inside a post whose class or id
 * names a signature, holding at most MAX_SIGNATURE_SHARE of the post's text.
 */
function signatures(items: readonly Element[], stats: TextStats): Element[] {
  const out: Element[] = [];
  for (const item of items) {
    const total = stats.of(item).chars;
    const walk = (el: Element, depth: number): void => {
      if (depth > 60) return;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        const named = `${c.getAttribute('class') ?? ''} ${c.getAttribute('id') ?? ''}`;
        if (SIGNATURE_WORD.test(named) && stats.of(c).chars <= MAX_SIGNATURE_SHARE * total) out.push(c);
        else walk(c, depth + 1);
      }
    };
    walk(item, 0);
  }
  return out;
}

/** Remove the chrome of each post of a thread (items still in `root`), reported under the rule. */
export function removePostChrome(context: DomRuleContext, root: Element, items: readonly Element[]): void {
  if (!ruleApplies(ruleById(RULE), context.disabled, context.stage, context.pageType)) return;
  const stats = new TextStats();
  const reason = ruleById(RULE).dom?.reason ?? 'post chrome';
  for (const item of items) {
    if (!isAttached(item, root)) continue;
    for (const element of postChrome(item, stats)) {
      if (!isAttached(element, root) || isKept(context, element)) continue;
      removeElement(context, element, RULE, reason);
    }
  }
  const attached = items.filter((item) => isAttached(item, root));
  for (const element of signatures(attached, stats)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: a signature`);
  }
  for (const element of betweenPosts(attached, stats)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: not a post, among the posts`);
  }
  for (const element of repeatedQuotes(attached)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: a quote of an earlier post on the page`);
  }
  for (const element of repeatedLines(attached)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: a short line repeated in most posts`);
  }
}
