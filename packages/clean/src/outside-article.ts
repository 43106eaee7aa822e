/**
 * What the article leaves out of the page: the page's blocks (taken before Readability) that
 * are not among the article's blocks, in runs between the article blocks they stood next to.
 * Readability drops headers, footers and sidebars, and inside the article it drops bylines
 * and containers whose class looks like an ad or a widget; these runs put all of it in
 * `removed[]`.
 */

import { squashedText } from './blocks.js';
import type { Block } from './blocks.js';
import { squash, words } from './text-util.js';

export interface OutsideRun {
  /** The run's blocks, joined by spaces. */
  text: string;
  /** Index of the article block the run came after (-1: before the first). */
  after: number;
}

/**
 * For each page block, the index of the article block with the same text (matched in order,
 * each article block once), or undefined when the article does not hold it.
 */
export function matchPageBlocks(pageBlocks: Block[], articleBlocks: Block[]): Array<number | undefined> {
  const positions = new Map<string, number[]>();
  articleBlocks.forEach((block, index) => {
    const text = squashedText(block);
    const list = positions.get(text);
    if (list) list.push(index);
    else positions.set(text, [index]);
  });
  return pageBlocks.map((block) => {
    const text = squashedText(block);
    return text === '' ? undefined : positions.get(text)?.shift();
  });
}

/**
 * Where the article stood at each point of the page: entry `p` is the highest index of an
 * article block found among the first `p` page blocks (-1: none yet). A removal whose marker
 * met `p` page blocks before it stood after that article block.
 */
export function articleIndexBefore(pageBlocks: Block[], articleBlocks: Block[]): number[] {
  const matched = matchPageBlocks(pageBlocks, articleBlocks);
  const before = [-1];
  let after = -1;
  for (const index of matched) {
    if (index !== undefined) after = Math.max(after, index);
    before.push(after);
  }
  return before;
}

/**
 * Runs of `pageBlocks` not found in `articleBlocks` (by exact text, in order) nor inside the
 * article's text or `alsoShown` (text shown or reported elsewhere: the lead, removals made
 * inside the article).
 */
export function outsideArticle(pageBlocks: Block[], articleBlocks: Block[], alsoShown: string[]): OutsideRun[] {
  const matched = matchPageBlocks(pageBlocks, articleBlocks);
  const shown = new Set(alsoShown.map(squash));
  const haystack = [...articleBlocks.map((block) => squashedText(block)), ...shown].join('\n');
  const known = words(haystack);
  const inside = (text: string): boolean => {
    if (shown.has(text)) return true;
    for (const word of words(text)) if (!known.has(word)) return false;
    return haystack.includes(text);
  };
  const runs: Array<{ parts: string[]; after: number }> = [];
  let current: { parts: string[]; after: number } | null = null;
  let after = -1;
  for (const [i, block] of pageBlocks.entries()) {
    const text = squashedText(block);
    if (text === '') continue;
    const index = matched[i];
    if (index !== undefined) {
      after = Math.max(after, index);
      current = null;
      continue;
    }
    if (inside(text)) {
      current = null;
      continue;
    }
    if (current && current.after === after) current.parts.push(text);
    else {
      current = { parts: [text], after };
      runs.push(current);
    }
  }
  return runs.map((run) => ({ text: run.parts.join(' '), after: run.after }));
}
