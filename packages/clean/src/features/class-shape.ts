/**
 * The class shape of an element: its tag and its class tokens, lower case, digits taken out and
 * one-character tokens dropped. Siblings of one kind (posts of a thread, cards of a grid,
 * sections of a body) share a shape though software adds ids and counters to each (`post-1`,
 * `post-2`: one token `post-`). One definition for every comparison of siblings by their
 * markup: grouping by the same shape (`shapeKey`) or by an alike one (`alikeShapes`).
 */

import { lowerCase } from '../lower-case.js';

export interface ClassShape {
  /** Lower-case tag name. */
  readonly tag: string;
  readonly tokens: ReadonlySet<string>;
}

/** A class value's shape parts: its tokens and, sorted, the `.a.b` they add to a shape key ('' when none). */
interface ClassParts {
  readonly tokens: ReadonlySet<string>;
  readonly suffix: string;
}

/**
 * The parts of recent class values, by the value: siblings, and the groups several steps compare,
 * repeat the same few values. Emptied when it holds `RECENT_CLASSES` values; values longer than
 * `MAX_CLASS_KEY_CHARS` are not kept (V8 hashes a string of more than 16,383 characters by its
 * length, so many long keys of one length would make every look-up slow).
 */
const recentClasses = new Map<string, ClassParts>();
const RECENT_CLASSES = 2048;
const MAX_CLASS_KEY_CHARS = 256;

function classParts(classes: string): ClassParts {
  const known = recentClasses.get(classes);
  if (known) return known;
  const tokens = new Set<string>();
  for (const token of classes.toLowerCase().split(/\s+/)) {
    const stripped = token.replace(/\d+/g, '');
    if (stripped.length > 1) tokens.add(stripped);
  }
  const parts: ClassParts = { tokens, suffix: tokens.size === 0 ? '' : `.${[...tokens].sort().join('.')}` };
  if (classes.length <= MAX_CLASS_KEY_CHARS) {
    if (recentClasses.size >= RECENT_CLASSES) recentClasses.clear();
    recentClasses.set(classes, parts);
  }
  return parts;
}

/** The element's class shape (its `tokens` shared with every element of the same class value: read only). */
export function classShape(element: Element): ClassShape {
  const tag = lowerCase(element.localName);
  const classes = element.getAttribute('class');
  if (!classes) return { tag, tokens: NO_TOKENS };
  return { tag, tokens: classParts(classes).tokens };
}

const NO_TOKENS: ReadonlySet<string> = new Set();

/** Tag plus the sorted tokens: equal for elements of the same shape (`div.card.card-`). */
export function shapeKey(element: Element): string {
  const tag = lowerCase(element.localName);
  const classes = element.getAttribute('class');
  if (!classes) return tag;
  const { suffix } = classParts(classes);
  return suffix === '' ? tag : tag + suffix;
}

/**
 * The elements grouped by `shapeKey` (or by the `keyOf` given), each group in document order,
 * groups in order of first appearance.
 */
export function groupByShape(
  elements: Iterable<Element>,
  keyOf: (element: Element) => string = shapeKey,
): Map<string, Element[]> {
  const groups = new Map<string, Element[]>();
  for (const element of elements) {
    const key = keyOf(element);
    const group = groups.get(key);
    if (group) group.push(element);
    else groups.set(key, [element]);
  }
  return groups;
}

/**
 * Two shapes are alike when they have the same tag and share at least half of the smaller
 * token set: `post rank-admin` and `post rank-member stickied` (one thread's posts) are alike;
 * an element without a class is alike only to another without one.
 */
export function alikeShapes(a: ClassShape, b: ClassShape): boolean {
  if (a.tag !== b.tag) return false;
  if (a.tokens.size === 0 || b.tokens.size === 0) return a.tokens.size === b.tokens.size;
  let shared = 0;
  for (const token of a.tokens) if (b.tokens.has(token)) shared++;
  return shared * 2 >= Math.min(a.tokens.size, b.tokens.size);
}
