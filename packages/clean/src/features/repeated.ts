/**
 * Repeated sibling structures: groups of sibling elements of the same class shape
 * (class-shape.ts `shapeKey`: posts of a thread, answers, result rows, product cards). Used by the page-type
 * features and to find the content of a forum thread, where Readability's single best container
 * holds one post, not the thread.
 */

import { TextStats } from './dom-walk.js';
import { likeSiblingGroups } from './like-siblings.js';
import type { LikeSiblingGroup } from './like-siblings.js';

export interface RepeatedGroup {
  parent: Element;
  items: Element[];
  /** Visible characters of the items outside links. */
  textChars: number;
  linkChars: number;
}

/**
 * Every group of at least `minItems` like siblings (like-siblings.ts, a page walk) whose items
 * each hold some text, a parent's groups after those inside its children.
 */
export function repeatedGroups(root: Element, stats = new TextStats(), minItems = 2): RepeatedGroup[] {
  return groupsWithText(likeSiblingGroups(root, { minItems }), stats, minItems);
}

/**
 * The groups of like siblings (found by a page walk of `likeSiblingGroups`) at least `minItems`
 * of whose items each hold some text: `repeatedGroups` for a caller that has the groups already.
 */
export function groupsWithText(
  groups: readonly LikeSiblingGroup[],
  stats: TextStats,
  minItems: number,
): RepeatedGroup[] {
  const out: RepeatedGroup[] = [];
  for (const { parent, items } of groups) {
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
