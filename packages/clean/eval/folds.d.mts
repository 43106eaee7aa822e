// Types of folds.mjs, for TypeScript tests and training scripts.

export const DEFAULT_FOLDS: number;
export function siteOf(hostOrUrl: string | null | undefined): string;
export function foldOfSite(site: string, k?: number): number;
export function assignFolds<T>(pages: T[], siteKey: (page: T) => string, k?: number): number[];
export function splitByFold<T>(
  pages: T[],
  siteKey: (page: T) => string,
  k?: number,
): Array<{ fold: number; train: T[]; test: T[] }>;
export function pageSite(page: { id: string; url?: string | null; domain?: string | null }): string;
export function siteWeights(pages: Array<{ id: string; url?: string | null; domain?: string | null }>): number[];
