/**
 * The page-type model: multinomial logistic regression over the page features of
 * `features/page.ts`, trained by `pnpm train pagetype` (packages/clean/train/pagetype.mjs) and
 * checked in as `page-type-model.json`. Inference is a dot product per type: deterministic,
 * CPU only, well under a millisecond after the feature walk.
 */

import { PAGE_TYPES, savedFromUrl } from '@corpuskit/document';
import type { PageType, PageTypeResult } from '@corpuskit/document';

import { decodeBytes } from './decode.js';
import { flattenMarkup, jsdomReleased, parseHtml, surveyMarkup } from './dom.js';
import type { EngineName } from './dom.js';
import { PAGE_FEATURE_NAMES, pageFeatures } from './features/page.js';
import { readPageMetadata } from './metadata.js';
import type { CleaningGain } from './page-type-rules.js';
import bundledModelFile from './page-type-model.json' with { type: 'json' };

export interface PageTypeModel {
  kind: 'page-type/logistic';
  /** Feature names in order; must equal PAGE_FEATURE_NAMES. */
  features: string[];
  types: PageType[];
  /** Standardisation: x' = (x - mean) / scale. */
  mean: number[];
  scale: number[];
  /** weights[t][f] and bias[t] for type t. */
  weights: number[][];
  bias: number[];
  /**
   * What cleaning a page of each type as each other type is worth (page-type-rules.ts
   * `cleaningType`); without it a page is cleaned as its most probable type when confident.
   */
  cleaningGain?: CleaningGain;
  /**
   * The learned vocabulary: when present, the model reads, after the page features, one score
   * per type from the words the page names itself with (`wordScores`), named WORD_SCORE_NAMES.
   */
  words?: PageTypeWords;
  /** How it was trained (data sizes, regularisation, cross-validated accuracy): informational. */
  training?: Record<string, unknown>;
}

/**
 * Words of the URL path, title, headings and buttons (features/words.ts) and what each says for
 * each type: `weights[t][w]`, the log-odds of word w showing on a page of type t (naive Bayes
 * over the training sites, pnpm train pagetype).
 */
export interface PageTypeWords {
  vocabulary: string[];
  weights: number[][];
}

/** The names of the word scores, one per type in PAGE_TYPES order. */
export const WORD_SCORE_NAMES: readonly string[] = PAGE_TYPES.map((t) => `vocabulary-${t}`);

/**
 * One score per type (the model's `types` order) for the words of a page: the sum of the
 * weights of its words in the vocabulary, less their mean over the types, over the square root
 * of the number of words found (a page with many headings is not more sure for it).
 */
export function wordScores(words: PageTypeWords, pageWords: readonly string[]): number[] {
  let index = wordIndexes.get(words);
  if (!index) {
    index = new Map(words.vocabulary.map((w, i) => [w, i]));
    wordIndexes.set(words, index);
  }
  const k = words.weights.length;
  const sum = new Array<number>(k).fill(0);
  let found = 0;
  for (const w of new Set(pageWords)) {
    const i = index.get(w);
    if (i === undefined) continue;
    found++;
    for (let t = 0; t < k; t++) sum[t]! += words.weights[t]![i]!;
  }
  const mean = sum.reduce((a, b) => a + b, 0) / k;
  const scale = Math.sqrt(Math.max(1, found));
  return sum.map((v) => (v - mean) / scale);
}

const wordIndexes = new WeakMap<PageTypeWords, Map<string, number>>();

let bundled: PageTypeModel | null = null;

/** The checked-in model (`src/page-type-model.json`, checked once). */
export function bundledPageTypeModel(): PageTypeModel {
  bundled ??= checkPageTypeModel(bundledModelFile as unknown);
  return bundled;
}

/** Validate a model object; throws an Error saying what is wrong. */
export function checkPageTypeModel(value: unknown): PageTypeModel {
  const m = value as Partial<PageTypeModel> | null;
  const bad = (why: string): never => {
    throw new Error(`page-type model: ${why}`);
  };
  if (!m || typeof m !== 'object') return bad('not an object');
  if (m.kind !== 'page-type/logistic') bad(`unknown kind ${String(m.kind)}`);
  const names = m.words === undefined ? PAGE_FEATURE_NAMES : [...PAGE_FEATURE_NAMES, ...WORD_SCORE_NAMES];
  const n = names.length;
  if (!Array.isArray(m.features) || m.features.length !== n || m.features.some((f, i) => f !== names[i]))
    bad('its features are not the ones this cleaner computes (retrain with pnpm train pagetype)');
  if (!Array.isArray(m.types) || m.types.some((t) => !(PAGE_TYPES as readonly string[]).includes(t)))
    bad('unknown page types');
  if (!Array.isArray(m.mean) || m.mean.length !== n || !Array.isArray(m.scale) || m.scale.length !== n)
    bad('mean/scale have the wrong length');
  if (
    !Array.isArray(m.weights) ||
    m.weights.length !== m.types!.length ||
    m.weights.some((w) => !Array.isArray(w) || w.length !== n) ||
    !Array.isArray(m.bias) ||
    m.bias.length !== m.types!.length
  )
    bad('weights/bias have the wrong shape');
  if (m.words !== undefined) {
    const w = m.words as Partial<PageTypeWords> | null;
    const v = w?.vocabulary;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) bad('words.vocabulary must be a list of words');
    if (
      !Array.isArray(w!.weights) ||
      w!.weights.length !== m.types!.length ||
      w!.weights.some((row) => !Array.isArray(row) || row.length !== v!.length || row.some((x) => !Number.isFinite(x)))
    )
      bad('words.weights must give a finite number for every type and word');
  }
  if (m.cleaningGain !== undefined) {
    const g = m.cleaningGain as unknown as Record<string, Record<string, unknown> | undefined> | null;
    const complete =
      !!g &&
      typeof g === 'object' &&
      PAGE_TYPES.every((t) => PAGE_TYPES.every((c) => typeof g[t]?.[c] === 'number' && Number.isFinite(g[t][c])));
    if (!complete) bad('cleaningGain must give a finite number for every pair of page types');
  }
  return m as PageTypeModel;
}

/** Softmax probabilities of each type of the model for a feature vector. */
export function pageTypeProbabilities(model: PageTypeModel, features: readonly number[]): number[] {
  const z = model.weights.map((w, t) => {
    let s = model.bias[t]!;
    for (let f = 0; f < w.length; f++) s += (w[f]! * (features[f]! - model.mean[f]!)) / model.scale[f]!;
    return s;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The most probable type, its probability, and every type's probability. `words`: the words the
 * page names itself with (pageFeatures' `wordsOut`), read when the model has a vocabulary.
 */
export function classifyPage(
  model: PageTypeModel,
  features: readonly number[],
  words: readonly string[] = [],
): PageTypeResult {
  const p = pageTypeProbabilities(model, model.words ? [...features, ...wordScores(model.words, words)] : features);
  let best = 0;
  for (let t = 1; t < p.length; t++) if (p[t]! > p[best]!) best = t;
  const scores = Object.fromEntries(PAGE_TYPES.map((t) => [t, 0])) as Record<PageType, number>;
  model.types.forEach((t, i) => (scores[t] = round3(p[i]!)));
  return { type: model.types[best]!, confidence: round3(p[best]!), scores };
}

/**
 * The page-type features of saved page bytes (or a decoded string), computed exactly as
 * `clean()` computes them before its rules run: for training and inspecting the model.
 */
export async function pageTypeFeatures(
  input: Uint8Array | string,
  options: { url?: string | null; engine?: EngineName } = {},
): Promise<number[]> {
  return (await pageTypeInputs(input, options)).features;
}

/**
 * What the page-type model reads of saved page bytes (or a decoded string): its features and
 * the words it names itself with (features/words.ts), as `clean()` reads them.
 */
export async function pageTypeInputs(
  input: Uint8Array | string,
  options: { url?: string | null; engine?: EngineName } = {},
): Promise<{ features: number[]; words: string[] }> {
  const html = typeof input === 'string' ? input : decodeBytes(input, null).text;
  let markup = html;
  const survey = surveyMarkup(markup);
  if (survey.depth > MAX_FEATURE_DEPTH) markup = flattenMarkup(markup);
  const url = options.url ?? savedFromUrl(html, 4096);
  const page = await parseHtml(markup, options.engine ?? 'linkedom', url, [], survey);
  try {
    // The page's URL, else its canonical URL, as clean() gives it.
    const words: string[] = [];
    const features = pageFeatures(
      page.document,
      url ?? readPageMetadata(page.document, { url, fetchedAt: null }).canonicalUrl,
      undefined,
      undefined,
      words,
    );
    return { features, words };
  } finally {
    page.close();
    if ((options.engine ?? 'linkedom') === 'jsdom') await jsdomReleased();
  }
}

/** The nesting depth past which clean() flattens a page (its MAX_DEPTH). */
const MAX_FEATURE_DEPTH = 400;
