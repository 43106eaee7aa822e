/**
 * Section headings Readability dropped from inside the body. Readability strips an element whose
 * class or id reads as boilerplate (`header`, `menu`, `social`, `extra` …) before it scores the
 * page; a publishing platform that names its section headings so (`h2.header-anchor-post`)
 * loses every heading of the body, and the text runs on from one section into the next. A
 * heading of the page that stood between two blocks the article holds one after the other is
 * put back between them.
 */

import { blockElement, nextTextBlock, squashedText } from './blocks.js';
import type { Block } from './blocks.js';
import { hiddenOnPage } from './inline-style.js';
import { matchPageBlocks } from './outside-article.js';

/** A section heading is a title: at most this many characters. */
const MAX_HEADING_CHARS = 120;
/** … with at most this share of them in links. */
const MAX_LINK_DENSITY = 0.5;
/**
 * The text after a section heading starts right after it: in the element next to it, at most
 * this many elements down (the paragraph itself, or a text column holding it). Deeper, the
 * heading is the title of a box of its own: an accordion's item, a card, a module.
 */
const MAX_NEXT_DEPTH = 2;

/** The tags of a picture, with no text of its own. */
const PICTURE = new Set(['figure', 'picture', 'img']);

/** The first node after `node` in its parent that is not white space or a comment. */
function nextNode(node: Node): Node | null {
  let next = node.nextSibling;
  while (next && (next.nodeType === 8 || (next.nodeType === 3 && (next.textContent ?? '').trim() === ''))) {
    next = next.nextSibling;
  }
  return next;
}

/**
 * Before Readability: the page's headings (h2–h6 blocks of the page) that title the text right
 * after them: the next text block of the page starts in the node that follows the heading, at
 * most `MAX_NEXT_DEPTH` elements inside it. A heading over a gallery, a player, a sponsor's logo
 * or icon links (no text), or alone in a box of its own, has no text right after it. Visible
 * headings only, short and mostly not links.
 */
export function sectionHeadings(pageBlocks: Block[]): Set<Block> {
  const out = new Set<Block>();
  for (let at = 0; at < pageBlocks.length; at++) {
    const block = pageBlocks[at]!;
    if (block.kind !== 'heading' || block.level < 2) continue;
    const text = squashedText(block);
    if (text === '' || text.length > MAX_HEADING_CHARS || block.linkChars > text.length * MAX_LINK_DENSITY) continue;
    const element = blockElement(block);
    if (!element || hiddenOnPage(element)) continue;
    const first = pageBlocks[nextTextBlock(pageBlocks, at)]?.nodes[0];
    let after = nextNode(element);
    // A picture may stand between the heading and its text (one: a gallery is a box of its own).
    if (
      after &&
      PICTURE.has((after as Element).tagName?.toLowerCase() ?? '') &&
      (after.textContent ?? '').trim() === ''
    )
      after = nextNode(after);
    if (!first || !after) continue;
    let depth = 0;
    let node: Node | null = first;
    while (node && node !== after && depth < MAX_NEXT_DEPTH) {
      node = node.parentNode;
      depth++;
    }
    if (node !== after) continue;
    out.add(block);
  }
  return out;
}

/**
 * Put back under `root` (Readability's article) the page's section headings (`headings`, taken
 * by `sectionHeadings` before Readability) that stood right between two page blocks the article
 * holds as consecutive blocks (`articleBlocks`, the article's blocks in order): each goes in
 * front of the later block's element, as a heading of its level. Returns how many were put back.
 */
export function restoreDroppedHeadings(
  pageBlocks: Block[],
  articleBlocks: Block[],
  root: Element,
  headings: ReadonlySet<Block>,
): number {
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
    if (before === undefined || !headings.has(block)) continue;
    const next = nextTextBlock(pageBlocks, at);
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
