/**
 * The posts of a forum thread, found by their shape. Posts are siblings that look alike (the
 * same tag, mostly the same class tokens: forum software adds per-post tokens such as a rank,
 * "stickied" or an id with digits, so an exact class match splits one thread into many groups)
 * and each carries what a post carries: a date or `<time>`, or a link to its author's profile.
 * Hidden subtrees (`[hidden]`, `[popover]`, `aria-hidden`, dialogs) are not looked into: a
 * cookie preference centre or a pop-over menu can hold more text than a short thread, but
 * nobody reads it as the page. Nothing site-specific: only the tree's shape and these generic
 * signals (features/groups.ts `itemShape`); alike is features/class-shape.ts `alikeShapes`.
 */

import { alikeShapes, classShape } from './features/class-shape.js';
import type { ClassShape } from './features/class-shape.js';
import type { TextStats } from './features/dom-walk.js';
import { isContainerGroup, itemShape, largestThenInner } from './features/groups.js';
import { itemsText } from './features/repeated.js';
import type { RepeatedGroup } from './features/repeated.js';
import { lowerCase } from './lower-case.js';

/** Elements neither grouped nor entered. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'select', 'nav', 'footer', 'dialog']);

/** Hidden until shown by script or the user: not the page a reader sees. */
export function hiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('popover')) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('aria-modal') === 'true') return true;
  const role = el.getAttribute('role');
  return role === 'dialog' || role === 'alertdialog';
}

/** Groups of at least two alike siblings under `root`, inner groups before their parents'. */
function looseGroups(root: Element): Array<{ parent: Element; items: Element[] }> {
  const out: Array<{ parent: Element; items: Element[] }> = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    // Each cluster is compared by its first and its latest item's shape.
    const clusters: Array<{ first: ClassShape; last: ClassShape; items: Element[] }> = [];
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (SKIP.has(lowerCase(c.localName)) || hiddenElement(c)) continue;
      walk(c, depth + 1);
      const shape = classShape(c);
      const cluster = clusters.find((k) => alikeShapes(k.first, shape) || alikeShapes(k.last, shape));
      if (cluster) {
        cluster.items.push(c);
        cluster.last = shape;
      } else clusters.push({ first: shape, last: shape, items: [c] });
    }
    for (const { items } of clusters) if (items.length >= 2) out.push({ parent: el, items });
  };
  walk(root, 0);
  return out;
}

/** Share of a group's items (the first 30) that carry a date, a `<time>` or an author link. */
const MIN_POST_SIGNALS = 0.6;

/** An item holds a post's text when it has this many characters outside links. */
const MIN_POST_CHARS = 40;

/**
 * The group of alike siblings that reads most like the posts of a thread: containers, mostly
 * text, most of them dated or signed, the most text outside links among such groups. A few
 * wrappers around the thread (a question box and an answers box) are gone through down to the
 * group inside them with more items and most of the text. Null when there is none.
 */
export function threadPosts(body: Element, stats: TextStats): RepeatedGroup | null {
  const candidates: RepeatedGroup[] = [];
  for (const { parent, items } of looseGroups(body)) {
    const { textChars, linkChars, withText } = itemsText(items, stats, MIN_POST_CHARS);
    if (withText < 2 || linkChars > textChars) continue;
    const group: RepeatedGroup = { parent, items, textChars, linkChars };
    if (!isContainerGroup(group)) continue;
    const looked = items.slice(0, 30);
    let signed = 0;
    for (const item of looked) {
      const shape = itemShape(item);
      if (shape.time || shape.dateText || shape.userLink) signed++;
    }
    if (signed < MIN_POST_SIGNALS * looked.length) continue;
    candidates.push(group);
  }
  return largestThenInner(candidates);
}

/**
 * The outermost hidden subtrees under `root` (`[hidden]`, `[popover]`, `aria-hidden`, dialogs):
 * text a reader does not see, left out when a thread's share of the page is measured.
 */
export function hiddenElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (lowerCase(c.localName) === 'dialog' || hiddenElement(c)) out.push(c);
      else walk(c, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}
