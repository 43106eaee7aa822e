/**
 * The wording a region's cards repeat: in a shop's grid every card says "Regular price",
 * "Free delivery", "4.8 (12 reviews)", "Add to basket". Those words say nothing of what the page
 * is about, however many cards there are; a card's own name ("Oak bench") is in a few cards
 * only. Only the tree's shape is used to find the cards: no class names, no words.
 */

import { EVERY_ELEMENT, largestLikeGroup } from './features/like-siblings.js';
import { longWords } from './lead.js';

/** A region's cards are its largest group of at least this many siblings of one class shape … */
const MIN_CARDS = 3;
/** … and a word found in at least this share of them is their repeated wording. */
const MIN_CARD_SHARE = 0.5;

/**
 * The longer words (lead.ts `longWords`) found in at least MIN_CARD_SHARE of the region's cards:
 * the children of one element that share a class shape, the largest such group in the region
 * (the first of equal size). None when no group has MIN_CARDS items.
 */
export function repeatedCardWords(region: Element): Set<string> {
  // Every element, parents in document order: of two groups of equal size, the first (an outer
  // group before one inside its items).
  const cards = largestLikeGroup(region, { minItems: MIN_CARDS, ...EVERY_ELEMENT, parentsFirst: true });
  const out = new Set<string>();
  if (cards.length === 0) return out;
  const counts = new Map<string, number>();
  for (const card of cards) {
    for (const word of longWords(card.textContent ?? '')) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const [word, count] of counts) if (count >= MIN_CARD_SHARE * cards.length) out.add(word);
  return out;
}
