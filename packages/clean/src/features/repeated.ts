/**
 * Repeated sibling structures: groups of sibling elements of the same class shape
 * (class-shape.ts `shapeKey`: posts of a thread, answers, result rows, product cards). Used by the page-type
 * features and to find the content of a forum thread, where Readability's single best container
 * holds one post, not the thread.
 */

import { type ClassShape, classShape, shapeKey } from './class-shape.js';
import { TextStats } from './dom-walk.js';

export interface RepeatedGroup {
  parent: Element;
  items: Element[];
  /** Visible characters of the items outside links. */
  textChars: number;
  linkChars: number;
}

/**
 * Shape keys of `parent`'s children that keep only the class tokens at least half of the
 * children of the same tag carry: the state of one card (`first`, `last`, `sale`, `outofstock`,
 * its category) does not split it from the others. A child none of whose tokens is common keeps
 * its full shape key (sections of a page with classes of their own are not one group).
 */
function looseKeys(parent: Element): Map<Element, string> {
  const byTag = new Map<string, { count: number; tokens: Map<string, number> }>();
  const shapes = new Map<Element, ClassShape>();
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
    const shape = classShape(c);
    shapes.set(c, shape);
    let entry = byTag.get(shape.tag);
    if (!entry) byTag.set(shape.tag, (entry = { count: 0, tokens: new Map() }));
    entry.count++;
    for (const t of shape.tokens) entry.tokens.set(t, (entry.tokens.get(t) ?? 0) + 1);
  }
  const out = new Map<Element, string>();
  for (const [c, { tag, tokens }] of shapes) {
    const entry = byTag.get(tag)!;
    const common = [...tokens].filter((t) => 2 * entry.tokens.get(t)! >= entry.count).sort();
    // A child whose classes are all its own is not a variant of the others.
    out.set(c, common.length > 0 || tokens.size === 0 ? [tag, ...common].join('.') : shapeKey(c));
  }
  return out;
}

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'svg', 'select', 'nav', 'footer', 'header']);

/**
 * Every group of at least `minItems` siblings under `root` with the same class shape (SKIP'd
 * elements neither counted nor entered), a parent's groups after those inside its children.
 * With `loose`, siblings whose classes differ only in tokens most of them lack are one group
 * (see looseKeys).
 */
export function siblingGroups(
  root: Element,
  minItems: number,
  loose = false,
): Array<{ parent: Element; items: Element[] }> {
  const out: Array<{ parent: Element; items: Element[] }> = [];
  const walk = (el: Element, depth: number): void => {
    if (depth > 200) return;
    const groups = new Map<string, Element[]>();
    const keys = loose ? looseKeys(el) : null;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (SKIP.has(c.localName.toLowerCase())) continue;
      const key = keys ? keys.get(c)! : shapeKey(c);
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
