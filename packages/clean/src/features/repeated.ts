/**
 * Repeated sibling structures: groups of sibling elements of the same class shape
 * (class-shape.ts `shapeKey`: posts of a thread, answers, result rows, product cards). Used by the page-type
 * features and to find the content of a forum thread, where Readability's single best container
 * holds one post, not the thread.
 */

import { shapeKey } from './class-shape.js';
import { TextStats } from './dom-walk.js';

export interface RepeatedGroup {
  parent: Element;
  items: Element[];
  /** Visible characters of the items outside links. */
  textChars: number;
  linkChars: number;
}

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'select', 'nav', 'footer', 'header']);

/**
 * Every group of at least `minItems` siblings under `root` with the same class shape (SKIP'd
 * elements neither counted nor entered), a parent's groups after those inside its children.
 */
export function siblingGroups(root: Element, minItems: number): Array<{ parent: Element; items: Element[] }> {
  const out: Array<{ parent: Element; items: Element[] }> = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    const groups = new Map<string, Element[]>();
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (SKIP.has(c.localName.toLowerCase())) continue;
      const key = shapeKey(c);
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
      walk(c, depth + 1);
    }
    for (const items of groups.values()) if (items.length >= minItems) out.push({ parent: el, items });
  };
  walk(root, 0);
  return out;
}

/**
 * Every group of at least `minItems` siblings with the same class shape whose items each hold some
 * text, in document order.
 */
export function repeatedGroups(root: Element, stats = new TextStats(), minItems = 2): RepeatedGroup[] {
  const out: RepeatedGroup[] = [];
  for (const { parent, items } of siblingGroups(root, minItems)) {
    const { textChars, linkChars, withText } = itemsText(items, stats, 40);
    if (withText >= minItems) out.push({ parent, items, textChars, linkChars });
  }
  return out;
}

/**
 * Text of a group's items: characters outside links, characters in links, and how many items
 * hold at least `minChars` characters outside links.
 */
export function itemsText(
  items: readonly Element[],
  stats: TextStats,
  minChars: number,
): { textChars: number; linkChars: number; withText: number } {
  let textChars = 0;
  let linkChars = 0;
  let withText = 0;
  for (const item of items) {
    const t = stats.of(item);
    textChars += t.chars - t.linkChars;
    linkChars += t.linkChars;
    if (t.chars - t.linkChars >= minChars) withText++;
  }
  return { textChars, linkChars, withText };
}
