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

import { shapeKey } from './features/class-shape.js';
import { TextStats } from './features/dom-walk.js';
import { DATE_TEXT, USER_HREF, itemShape } from './features/groups.js';
import { checkDeadline, isAttached, isKept, removeElement, ruleApplies } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import { ruleById } from './rules.js';
import { lowerCase } from './lower-case.js';

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

/** Lists: beside a post's body they are its text only when they hold a sentence. */
const LISTS = new Set(['ul', 'ol', 'dl']);

const RULE = 'boilerplate/post-chrome' as const;

/** Own text (of direct text children) in visible characters. */
function ownChars(element: Element): number {
  let n = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) n += (node.nodeValue ?? '').replace(/\s+/g, '').length;
  }
  return n;
}

/** A run of text this long (visible characters of one text node outside links) is a sentence. */
const MIN_SENTENCE_CHARS = 20;

/** The longest text node outside links under an element, and its length; memoised per element. */
type Runs = WeakMap<Element, { node: Node | null; chars: number }>;

function longestRun(element: Element, runs: Runs): { node: Node | null; chars: number } {
  const known = runs.get(element);
  if (known) return known;
  let best: { node: Node | null; chars: number } = { node: null, chars: 0 };
  if (lowerCase(element.localName) !== 'a') {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const chars = (node.nodeValue ?? '').replace(/\s+/g, '').length;
        if (chars > best.chars) best = { node, chars };
      } else if (node.nodeType === 1) {
        const inner = longestRun(node as Element, runs);
        if (inner.chars > best.chars) best = inner;
      }
    }
  }
  runs.set(element, best);
  return best;
}

/** True when `element` holds another post of the thread: an element in the post's own slot. */
function holdsPost(element: Element, item: Element): boolean {
  const slot = shapeKey(item);
  if (slot === lowerCase(item.localName)) return false;
  for (const el of Array.from(element.getElementsByTagName(item.localName))) if (shapeKey(el) === slot) return true;
  return false;
}

/**
 * One post's walk down to its body: `path`, the elements walked through (the body last), and
 * `chrome`, their siblings met on the way.
 */
interface PostWalk {
  chrome: Element[];
  path: Element[];
}

/** The chrome elements of one post: siblings of the path down to its body. */
function postChrome(item: Element, stats: TextStats, runs: Runs): PostWalk {
  const chrome: Element[] = [];
  const path: Element[] = [];
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
    // The post's body holds its longest run of text (a sentence); an author card of many short
    // lines can outweigh a one-line reply, and a post with no sentence says nothing.
    const run = longestRun(current, runs);
    if (run.chars < MIN_SENTENCE_CHARS || !best.contains(run.node)) break;
    // The replies nested in the post (a comment tree): the post's own text is above them.
    if (holdsPost(best, item)) break;
    // Paragraphs, lists or quotes beside the largest child: this is the post's text itself. A
    // list of short lines (an author card's "Posts: 190", "Joined: …") is not.
    let prose = false;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling) {
      const tag = lowerCase(c.localName);
      if (c === best || !TEXT_ELEMENTS.has(tag) || stats.of(c).chars === 0) continue;
      if (!LISTS.has(tag) || longestRun(c, runs).chars >= MIN_SENTENCE_CHARS) prose = true;
    }
    if (prose) break;
    for (let c = current.firstElementChild; c; c = c.nextElementSibling) if (c !== best) chrome.push(c);
    path.push(best);
    if (TEXT_ELEMENTS.has(lowerCase(best.localName))) break;
    current = best;
  }
  return { chrome, path };
}

/** The slots of the elements from the post (left out) down to `element`, as one key. */
function slotPath(item: Element, element: Element): string {
  const slots: string[] = [];
  for (let el: Element | null = element; el && el !== item; el = el.parentElement) slots.push(shapeKey(el));
  return slots.reverse().join(' > ');
}

/**
 * The thread's template: for each slot (see slotPath) the walks met, whether more posts' walks
 * went through it (the way to a body) or left it as chrome. One post's walk can go wrong where
 * the others agree: a short reply beside a long author card is walked into the card.
 */
function templateSlots(walks: ReadonlyArray<{ item: Element; walk: PostWalk }>): {
  chrome: Set<string>;
  path: Set<string>;
} {
  const votes = new Map<string, number>();
  const vote = (slot: string, n: number) => votes.set(slot, (votes.get(slot) ?? 0) + n);
  // One vote per post and slot: a body beside chrome siblings of its own tag and classes is
  // still one post's way to its body, not outvoted by the number of siblings.
  for (const { item, walk } of walks) {
    const way = new Set(walk.path.map((el) => slotPath(item, el)));
    const aside = new Set(walk.chrome.map((el) => slotPath(item, el)));
    for (const slot of way) vote(slot, 1);
    for (const slot of aside) if (!way.has(slot)) vote(slot, -1);
  }
  const chrome = new Set<string>();
  const path = new Set<string>();
  for (const [slot, n] of votes) (n < 0 ? chrome : path).add(slot);
  return { chrome, path };
}

/**
 * The chrome of each post by the thread's template: the elements in a chrome slot under the
 * slots of the way to a body, not holding a slot of that way. This finds the chrome of posts the
 * walk could not go down (a short reply beside a long author card: the body holds less than
 * BODY_SHARE of the post), and leaves a body that one post's walk took for chrome.
 */
function templateChrome(
  walks: ReadonlyArray<{ item: Element; walk: PostWalk }>,
): Array<{ item: Element; element: Element }> {
  const { chrome, path } = templateSlots(walks);
  if (chrome.size === 0) return [];
  const holdsPath = (el: Element, key: string, depth: number): boolean => {
    if (depth > 30) return false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const k = `${key} > ${shapeKey(c)}`;
      if (path.has(k) || holdsPath(c, k, depth + 1)) return true;
    }
    return false;
  };
  const out: Array<{ item: Element; element: Element }> = [];
  for (const { item, walk } of walks) {
    // The body this post's own walk found is never its chrome, whatever the other posts say.
    const body = walk.path.at(-1);
    const visit = (el: Element, key: string, depth: number): void => {
      if (depth > 30) return;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        const k = key === '' ? shapeKey(c) : `${key} > ${shapeKey(c)}`;
        if (path.has(k)) visit(c, k, depth + 1);
        else if (chrome.has(k) && !(body && c.contains(body)) && !holdsPath(c, k, depth + 1) && !holdsPost(c, item))
          out.push({ item, element: c });
      }
    };
    visit(item, '', 0);
  }
  return out;
}

/**
 * Who wrote a post and when, where the software puts it among the chrome: the first link to a
 * member's profile with a name (not an avatar's initial) and the first `<time>` in the post's
 * chrome. A thread is its posts with their authors and dates; the rest of the card goes.
 */
function postCredit(chrome: readonly Element[]): Element[] {
  let author: Element | null = null;
  let time: Element | null = null;
  for (const element of chrome) {
    if (!author)
      author =
        Array.from(element.querySelectorAll('a[href]')).find(
          (a) => USER_HREF.test(a.getAttribute('href') ?? '') && (a.textContent ?? '').trim().length >= 2,
        ) ?? null;
    if (!time) time = lowerCase(element.localName) === 'time' ? element : element.querySelector('time');
  }
  return [author, time].filter((el): el is Element => el !== null);
}

/** The parts of `element` to remove so that the elements `keep` stay: all of it when it holds none. */
function around(element: Element, keep: readonly Element[]): Element[] {
  if (keep.includes(element)) return [];
  if (!keep.some((k) => element.contains(k))) return [element];
  const out: Element[] = [];
  for (let c = element.firstElementChild; c; c = c.nextElementSibling) out.push(...around(c, keep));
  return out;
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
      const tag = lowerCase(c.localName);
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
  if (lowerCase(line.localName) === 'time' || line.querySelector('time')) return true;
  if (DATE_TEXT.test(text)) return true;
  return [line, ...Array.from(line.querySelectorAll('a[href]'))].some(
    (a) => lowerCase(a.localName) === 'a' && USER_HREF.test(a.getAttribute('href') ?? ''),
  );
}

/** A line's text with its numbers as one symbol: "Posts: 4032" and "Posts: 17" are one line. */
function lineKey(element: Element): string {
  return `${lowerCase(element.localName)}:${(element.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase().replace(/\d+/g, '0')}`;
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

/** Elements whose parts are not looked into for a repeated passage: a paragraph is one. */
const PASSAGES = new Set(['p', 'pre', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Words of its own (in no run found above) a copy of an earlier post may carry: "@name", "said:". */
const MAX_OWN_WORDS = 5;

/** Of a text's words, those that are in none of its runs found in `earlier`. */
function ownWords(tokens: readonly string[], earlier: ReadonlySet<string>): number {
  const covered = new Uint8Array(tokens.length);
  for (let i = 0; i + QUOTE_SHINGLE <= tokens.length; i++)
    if (earlier.has(tokens.slice(i, i + QUOTE_SHINGLE).join(' '))) covered.fill(1, i, i + QUOTE_SHINGLE);
  let own = 0;
  for (const c of covered) if (c === 0) own++;
  return own;
}

/**
 * Passages inside a post that repeat an earlier post of the thread: a quote (`<blockquote>`,
 * outermost) most of whose word runs are in the posts above, or any other element that is all
 * such runs but a few words (the preview of the post replied to). The quoted post is on the
 * page already; a quote of a post that is not (an earlier page of the thread) stays, and so
 * does a reply around a quote.
 */
function repeatedQuotes(items: readonly Element[], walks: ReadonlyArray<{ walk: PostWalk }>): Element[] {
  const out: Element[] = [];
  const earlier = new Set<string>();
  // The way down to each post's body, body included: a post's own text, though it may repeat another.
  const way = new Set<Element>();
  const bodies = new Set<Element>();
  for (const { walk } of walks) {
    for (const el of walk.path) way.add(el);
    const body = walk.path.at(-1);
    if (body) bodies.add(body);
  }
  const visit = (el: Element, depth: number, inBody: boolean): void => {
    if (depth > 40) return;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const tokens = words(c.textContent ?? '');
      if (tokens.length < QUOTE_SHINGLE) continue;
      const tag = lowerCase(c.localName);
      let repeated: boolean;
      if (tag === 'blockquote') {
        const runs = shingles(tokens);
        let found = 0;
        for (const run of runs) if (earlier.has(run)) found++;
        repeated = found >= MIN_QUOTED_SHARE * runs.length;
      } else repeated = !inBody && !way.has(c) && ownWords(tokens, earlier) <= MAX_OWN_WORDS;
      if (repeated) out.push(c);
      else if (tag !== 'blockquote' && !PASSAGES.has(tag)) visit(c, depth + 1, inBody || bodies.has(c));
    }
  };
  for (const item of items) {
    if (earlier.size > 0) visit(item, 0, false);
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
  const runs: Runs = new WeakMap();
  const walks = items
    .filter((item) => isAttached(item, root))
    .map((item) => ({ item, walk: postChrome(item, stats, runs) }));
  // Each post's chrome, in document order (templateChrome lists the posts one after another).
  const chromeOf = new Map<Element, Element[]>();
  for (const { item, element } of templateChrome(walks)) {
    const list = chromeOf.get(item);
    if (list) list.push(element);
    else chromeOf.set(item, [element]);
  }
  for (const chrome of chromeOf.values()) {
    const credit = postCredit(chrome);
    for (const element of chrome)
      for (const part of around(element, credit)) {
        checkDeadline(context);
        if (!isAttached(part, root) || isKept(context, part)) continue;
        removeElement(context, part, RULE, reason);
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
  for (const element of repeatedQuotes(attached, walks)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: a quote of an earlier post on the page`);
  }
  for (const element of repeatedLines(attached)) {
    if (!isAttached(element, root) || isKept(context, element)) continue;
    removeElement(context, element, RULE, `${reason}: a short line repeated in most posts`);
  }
}
