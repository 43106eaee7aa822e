/**
 * Section headings Readability dropped from inside the body. Readability strips an element whose
 * class or id reads as boilerplate (`header`, `menu`, `social`, `extra` …) before it scores the
 * page; a publishing platform that names its section headings so (`h2.header-anchor-post`)
 * loses every heading of the body, and the text runs on from one section into the next. A
 * heading of the page that stood between two blocks the article holds one after the other is
 * put back between them.
 */

import { blockElement, squashedText } from './blocks.js';
import type { Block } from './blocks.js';
import { hiddenByInlineStyle } from './inline-style.js';
import { matchPageBlocks } from './outside-article.js';

/**
 * Whether the heading's element, or an element around it the page block still has, is hidden
 * (inline style, `hidden`, `aria-hidden`): Readability drops what it would not show, and so a
 * heading kept for print only stays out.
 */
function hidden(block: Block): boolean {
  for (let element = blockElement(block); element; element = element.parentElement) {
    if (hiddenByInlineStyle(element) || element.hasAttribute('hidden')) return true;
    if (element.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

/** A section heading is a title: at most this many characters. */
const MAX_HEADING_CHARS = 120;
/** … with at most this share of them in links. */
const MAX_LINK_DENSITY = 0.5;

/**
 * Put back under `root` (Readability's article) the page's headings (h2–h6, from the page's
 * blocks taken before Readability) that stood right between two page blocks the article holds
 * as consecutive blocks (`articleBlocks`, the article's blocks in order): each goes in front of
 * the later block's element, as a heading of its level. Returns how many were put back.
 */
export function restoreDroppedHeadings(pageBlocks: Block[], articleBlocks: Block[], root: Element): number {
  const matched = matchPageBlocks(pageBlocks, articleBlocks);
  const document = root.ownerDocument;
  let restored = 0;
  let previous: number | undefined;
  for (let at = 0; at < pageBlocks.length; at++) {
    const block = pageBlocks[at]!;
    const text = squashedText(block);
    if (text === '') continue;
    if (matched[at] !== undefined) {
      previous = matched[at];
      continue;
    }
    const before = previous;
    previous = undefined;
    if (before === undefined || block.kind !== 'heading' || block.level < 2) continue;
    if (text.length > MAX_HEADING_CHARS || block.linkChars > text.length * MAX_LINK_DENSITY) continue;
    if (hidden(block)) continue;
    let next = at + 1;
    while (next < pageBlocks.length && squashedText(pageBlocks[next]!) === '') next++;
    if (next >= pageBlocks.length || matched[next] !== before + 1) continue;
    const element = blockElement(articleBlocks[before + 1]!);
    if (!element?.parentNode || !root.contains(element)) continue;
    const heading = document.createElement(`h${Math.min(block.level, 6)}`);
    heading.textContent = text;
    element.parentNode.insertBefore(heading, element);
    restored++;
  }
  return restored;
}
