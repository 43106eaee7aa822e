import type { DocumentStats, Removal } from '@corpuskit/document';

import { wordCount } from './text-util.js';

export interface StatsInput {
  /** The kept text (blocks separated by a blank line). */
  text: string;
  /** Number of blocks in `text`. */
  blocks: number;
  /** The removal report: its characters add up to `removedChars`. */
  removed: readonly Pick<Removal, 'chars'>[];
  /** Bytes of the input page. */
  inputBytes: number;
}

/**
 * A clean document's statistics, the one definition the cleaner and every edit of a cleaned
 * document (a reviewer restoring a removed block) use: words as runs of letters and digits,
 * characters of the kept text, characters removed by the rules, and kept characters per input
 * byte rounded to four places.
 */
export function documentStats(input: StatsInput): DocumentStats {
  const chars = input.text.length;
  return {
    words: wordCount(input.text),
    chars,
    removedChars: input.removed.reduce((sum, removal) => sum + removal.chars, 0),
    blocks: input.blocks,
    inputBytes: input.inputBytes,
    textToHtmlRatio: input.inputBytes === 0 ? 0 : Math.round((chars / input.inputBytes) * 10000) / 10000,
  };
}
