/**
 * The cards of a shop or listing page's grid, seen from the text pass. A page cleaned as a
 * collection is mostly its grid: many sibling elements of one class shape, each a short card
 * (a name, a price). Its last cards are short lines that are not sentences, the shape the
 * `trailing-short` rule takes for labels and widget titles after an article; here they are the
 * page's content. Only the tree's shape and the kept text's size are used: no class names, no
 * words.
 */

import { shapeKey } from './features/class-shape.js';

/** A grid has at least this many items of one class shape under one parent … */
const MIN_CARDS = 3;
/** … cards of at most this many kept characters on average (sections of prose are longer) … */
const MAX_MEAN_CARD_CHARS = 1200;
/** … and holds at least this share of the kept words: it is the page's region, not a box beside it. */
const MIN_GRID_SHARE = 0.5;
/** Levels climbed from a block's element to find its card. */
const MAX_DEPTH = 8;

export interface KeptBlock {
  element: Element | null;
  chars: number;
  words: number;
}

/**
 * True when `element` (a kept block's) is inside a card of a grid that holds most of the kept
 * text: an ancestor (or the element) with at least MIN_CARDS siblings of its class shape, whose
 * parent's kept blocks are card-sized on average and hold MIN_GRID_SHARE of the kept words.
 */
export function inCardGrid(element: Element, kept: readonly KeptBlock[]): boolean {
  let total = 0;
  for (const block of kept) total += block.words;
  if (total === 0) return false;
  let item: Element = element;
  for (let depth = 0; depth < MAX_DEPTH && item.parentElement; depth++, item = item.parentElement) {
    const grid = item.parentElement;
    const shape = shapeKey(item);
    let cards = 0;
    for (let c = grid.firstElementChild; c; c = c.nextElementSibling) if (shapeKey(c) === shape) cards++;
    if (cards < MIN_CARDS) continue;
    let chars = 0;
    let words = 0;
    for (const block of kept) {
      if (!block.element || !grid.contains(block.element)) continue;
      chars += block.chars;
      words += block.words;
    }
    // Items larger than cards: the grid's level is below; above it the items only grow.
    if (chars > MAX_MEAN_CARD_CHARS * cards) return false;
    if (words >= MIN_GRID_SHARE * total) return true;
  }
  return false;
}
