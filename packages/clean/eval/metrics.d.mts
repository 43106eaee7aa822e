// Types of metrics.mjs, for the TypeScript unit test that imports it.

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function tokenize(text: string | null | undefined): string[];
export function shingleCounts(tokens: string[], n?: number): Map<string, number>;
export function shinglePage(gold: string, predicted: string, n?: number): ShingleCounts;
export function pagePrecision(counts: ShingleCounts): number;
export function pageRecall(counts: ShingleCounts): number;
export function sameTokens(gold: string, predicted: string): boolean;
export function shingleAggregate(pages: ShingleCounts[]): {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
};

export interface SegmentItem {
  with: string[];
  without: string[];
  comments?: string[];
}
export interface SegmentCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  commentHits: number;
  comments: number;
}
export function normalizeSpace(text: string): string;
export function segmentPage(item: SegmentItem, output: string | null | undefined): SegmentCounts;
export function segmentAggregate(pages: SegmentCounts[]): {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  commentLeak: number;
  totals: SegmentCounts;
  pages: number;
};

export const METADATA_KEYS: string[];
export function metadataAgrees(key: string, expected: unknown, observed: unknown): boolean;
export interface FieldAgreement {
  agree: number;
  pages: number;
  expectedPresent: number;
  found: number;
  extra: number;
}
export function metadataAggregate(
  pages: Array<{ expected: Record<string, unknown>; observed: Record<string, unknown> | null }>,
  keys?: string[],
): Record<string, FieldAgreement>;

export function mean(xs: number[]): number;
export function median(xs: number[]): number;
export function overlapShare(removedText: string, goldShingles: Map<string, number>, n?: number): number;

export function wcxbTokens(text: string | null | undefined): string[];
export interface WordScores {
  precision: number;
  recall: number;
  f1: number;
}
export function wcxbWords(predicted: string | null | undefined, gold: string): WordScores;
export function snippetShare(text: string | null | undefined, snippets: string[]): number;
export interface WcxbRow extends WordScores {
  with: number;
  without: number;
}
export function wcxbPage(
  page: { gold: string; with: string[]; without: string[] },
  predicted: string | null | undefined,
): WcxbRow;
export interface WcxbFigures extends WcxbRow {
  pages: number;
}
export function wcxbAggregate(
  rows: Array<WcxbRow & { type: string }>,
): WcxbFigures & { types: Record<string, WcxbFigures> };
export function spread(xs: number[]): { mean: number; sd: number; min: number; max: number; folds: number };
