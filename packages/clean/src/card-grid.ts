/**
 * The cards of a shop or listing page's grid, seen from the text pass. A page cleaned as a
 * collection is mostly its grid: many sibling elements of one class shape, each a short card
 * (a name, a price). Its last cards are short lines that are not sentences, the shape the
 * `trailing-short` rule takes for labels and widget titles after an article; here they are the
 * page's content. Only the tree's shape and the kept text's size are used: no class names, no
 * words.
 */

import { likeSiblings } from './features/like-siblings.js';
import { childOf } from './tree.js';
import { lowerCase } from './lower-case.js';

/** A grid has at least this many items of one class shape under one parent … */
const MIN_CARDS = 3;
/** … cards of at most this many kept characters on average (sections of prose are longer) … */
const MAX_MEAN_CARD_CHARS = 1200;
/** … and the group holds at least this share of the kept words: it is the page's region, not a box beside it. */
const MIN_GRID_SHARE = 0.5;
/** … of which this share hold a link … */
const MIN_LINKED_SHARE = 0.6;
/** … none holding more than this share of the group's words … */
const MAX_CARD_SHARE = 0.5;
/** Levels climbed from a block's element to find its card. */
const MAX_DEPTH = 8;

export interface KeptBlock {
  element: Element | null;
  chars: number;
  words: number;
}

/**
 * True when `element` (a kept block's) is inside a card of a grid that holds most of the kept
 * text. The grid is the first level, from the element up, where the element or an ancestor has
 * at least MIN_CARDS siblings of its class shape of which MIN_LINKED_SHARE hold a link (cards
 * link to their item; a card's own lines, page sections and a heading's paragraphs mostly do
 * not, and the climb goes on past them). That group decides: its kept blocks are card-sized on
 * average, no one of its items holds more than MAX_CARD_SHARE of its words (one section holding
 * the rest is a page's sections, not cards), and it holds MIN_GRID_SHARE of the kept words. A
 * box of links of its own (a "Follow us" list) is a group that fails the share: false.
 */
export function inCardGrid(element: Element, kept: readonly KeptBlock[]): boolean {
  let total = 0;
  for (const block of kept) total += block.words;
  if (total === 0) return false;
  let item: Element = element;
  for (let depth = 0; depth < MAX_DEPTH && item.parentElement; depth++, item = item.parentElement) {
    const grid = item.parentElement;
    const items = new Set(likeSiblings(item));
    let linked = 0;
    for (const c of items) if (holdsLink(c)) linked++;
    if (items.size < MIN_CARDS || linked < MIN_LINKED_SHARE * items.size) continue;
    let chars = 0;
    let words = 0;
    const perItem = new Map<Element, number>();
    for (const block of kept) {
      const card = block.element ? childOf(grid, block.element) : null;
      if (!card || !items.has(card)) continue;
      chars += block.chars;
      words += block.words;
      perItem.set(card, (perItem.get(card) ?? 0) + block.words);
    }
    // A loop, not Math.max(...): a spread of one argument per card overflows the stack on huge lists.
    let largest = 0;
    for (const n of perItem.values()) if (n > largest) largest = n;
    return (
      chars <= MAX_MEAN_CARD_CHARS * items.size && largest <= MAX_CARD_SHARE * words && words >= MIN_GRID_SHARE * total
    );
  }
  return false;
}

function holdsLink(element: Element): boolean {
  return lowerCase(element.localName) === 'a'
    ? element.hasAttribute('href')
    : element.querySelector('a[href]') !== null;
}
