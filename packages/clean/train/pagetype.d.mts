// Types of the parts of pagetype.mjs the TypeScript tests call.

export const PAGE_TYPES: string[];
export const WORD_OPTIONS: { minSites: number; prior: number };
export function trainWords(
  words: string[][],
  labels: string[],
  sites: string[],
  rowWeights: number[],
  options?: { minSites: number; prior: number },
): { vocabulary: string[]; weights: number[][] };
