/**
 * Like siblings: children of one element that share a class shape (class-shape.ts `shapeKey`),
 * the posts of a thread, the cards of a grid, the rows of a result list. One finder for every
 * module that looks for them: the groups under a root (`likeSiblingGroups`), the largest of them
 * (`largestLikeGroup`) and the siblings like one element (`likeSiblings`). Where the callers
 * differ in what they count, the difference is a parameter (`LikeSiblingSearch`), not a copy.
 */

import { type ClassShape, classShape, groupByShape, shapeKey } from './class-shape.js';
import { lowerCase } from '../lower-case.js';

export interface LikeSiblingGroup {
  parent: Element;
  /** The parent's children of one shape, in document order. */
  items: Element[];
}

/** Tags a page walk neither groups nor enters: no cards or posts are drawn in them. */
const PAGE_SKIP: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'svg',
  'select',
  'nav',
  'footer',
  'header',
]);
/** Parents deeper than this below the root are not searched (a page walk). */
const PAGE_MAX_DEPTH = 200;

export interface LikeSiblingSearch {
  /** Groups of fewer items are left out. */
  readonly minItems: number;
  /**
   * Siblings whose classes differ only in tokens most of them lack (a card's `first`, `sale`)
   * are one group (`looseKeys`). Default: the same shape key.
   */
  readonly loose?: boolean;
  /** Tags neither grouped nor entered. Default: a page walk's (scripts, menus, header, footer …). */
  readonly skip?: ReadonlySet<string>;
  /** Parents deeper below the root than this are not searched. Default: a page walk's 200. */
  readonly maxDepth?: number;
  /**
   * The order of the groups: each parent's before the groups inside its children (parents in
   * document order), or after them (the default).
   */
  readonly parentsFirst?: boolean;
}

/** Skip nothing, go as deep as the tree goes. */
export const EVERY_ELEMENT: Pick<LikeSiblingSearch, 'skip' | 'maxDepth'> = { skip: new Set(), maxDepth: Infinity };

/**
 * Shape keys of `parent`'s children (`skip`'d tags left out) that keep only the class tokens at
 * least half of the children of the same tag carry: the state of one card (`first`, `last`,
 * `sale`, `outofstock`, its category) does not split it from the others. A child none of whose
 * tokens is common keeps its full shape key (sections of a page with classes of their own are
 * not one group).
 */
function looseKeys(children: readonly Element[]): Map<Element, string> {
  const byTag = new Map<string, { count: number; tokens: Map<string, number> }>();
  const shapes = new Map<Element, ClassShape>();
  for (const c of children) {
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

/** `parent`'s children, `skip`'d tags left out. */
function keptChildren(parent: Element, skip: ReadonlySet<string>): Element[] {
  const children: Element[] = [];
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling)
    if (!skip.has(lowerCase(c.localName))) children.push(c);
  return children;
}

/** `parent`'s children of one shape, in order of first appearance, `skip`'d tags left out. */
function likeChildren(parent: Element, skip: ReadonlySet<string>): Element[][] {
  return [...groupByShape(keptChildren(parent, skip)).values()];
}

/**
 * `parent`'s children of one loose shape (`looseKeys`), in order of first appearance, `skip`'d
 * tags left out. A function of its own, chosen once per search: most searches are not loose, and
 * a branch of `likeChildren` that V8 compiled before any loose search ran sent every later loose
 * search back to the interpreter (75 times in one pass over the readability pages).
 */
function looseLikeChildren(parent: Element, skip: ReadonlySet<string>): Element[][] {
  const children = keptChildren(parent, skip);
  const keys = looseKeys(children);
  return [...groupByShape(children, (c) => keys.get(c)!).values()];
}

/**
 * Every group of at least `minItems` like siblings under `root` (`root`'s own children
 * included), walked as `search` says. The walk keeps its own stack (no recursion).
 */
export function likeSiblingGroups(root: Element, search: LikeSiblingSearch): LikeSiblingGroup[] {
  const { minItems, loose = false, skip = PAGE_SKIP, maxDepth = PAGE_MAX_DEPTH, parentsFirst = false } = search;
  const out: LikeSiblingGroup[] = [];
  const childGroups = loose ? looseLikeChildren : likeChildren;
  const firstKept = (from: Element | null): Element | null => {
    let el = from;
    while (el && skip.has(lowerCase(el.localName))) el = el.nextElementSibling;
    return el;
  };
  /** Elements entered and not yet left, each with its groups and the next child to enter. */
  const open: Array<{ parent: Element; groups: Element[][]; next: Element | null; depth: number }> = [];
  const enter = (parent: Element, depth: number): void => {
    if (depth > maxDepth) return;
    // No group of `minItems` among fewer children.
    const groups =
      parent.childElementCount < minItems ? [] : childGroups(parent, skip).filter((items) => items.length >= minItems);
    if (parentsFirst) for (const items of groups) out.push({ parent, items });
    open.push({ parent, groups, next: firstKept(parent.firstElementChild), depth });
  };
  enter(root, 0);
  while (open.length > 0) {
    const top = open[open.length - 1]!;
    const child = top.next;
    if (child) {
      top.next = firstKept(child.nextElementSibling);
      enter(child, top.depth + 1);
      continue;
    }
    open.pop();
    if (!parentsFirst) for (const items of top.groups) out.push({ parent: top.parent, items });
  }
  return out;
}

/**
 * The largest group of like siblings under `root` (`likeSiblingGroups`), the first of equal
 * size in the walk's order; empty when no group has `minItems` items.
 */
export function largestLikeGroup(root: Element, search: LikeSiblingSearch): Element[] {
  let largest: Element[] = [];
  for (const { items } of likeSiblingGroups(root, search)) if (items.length > largest.length) largest = items;
  return largest;
}

/** The children of `item`'s parent of `item`'s shape (`item` among them), in document order. */
export function likeSiblings(item: Element): Element[] {
  const parent = item.parentElement;
  if (!parent) return [item];
  const shape = shapeKey(item);
  const out: Element[] = [];
  for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (shapeKey(c) === shape) out.push(c);
  return out;
}
