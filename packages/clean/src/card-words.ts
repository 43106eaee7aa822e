/**
 * The wording a region's cards repeat: in a shop's grid every card says "Regular price",
 * "Free delivery", "4.8 (12 reviews)", "Add to basket". Those words say nothing of what the page
 * is about, however many cards there are; a card's own name ("Oak bench") is in a few cards
 * only. Only the tree's shape is used to find the cards: no class names, no words.
 */

import { groupByShape } from './features/class-shape.js';
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
  let cards: Element[] = [];
  const parents = [region, ...Array.from(region.querySelectorAll('*'))];
  for (const parent of parents) {
    if (parent.childElementCount < Math.max(MIN_CARDS, cards.length + 1)) continue;
    for (const group of groupByShape(parent.children).values()) if (group.length > cards.length) cards = group;
  }
  const out = new Set<string>();
  if (cards.length < MIN_CARDS) return out;
  const counts = new Map<string, number>();
  for (const card of cards) {
    for (const word of longWords(card.textContent ?? '')) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  for (const [word, count] of counts) if (count >= MIN_CARD_SHARE * cards.length) out.add(word);
  return out;
}
