/**
 * The block model: a logistic regression over hashed block features (see features.ts), trained
 * by `pnpm train` (packages/clean/train/) from labelled pages that are not shipped. It scores each
 * block the rule stages kept; blocks it is sure are boilerplate are dropped and reported in
 * `removed[]` with the score and the features that weighed most.
 */

import { hashValue } from '@corpuskit/document';

import type { Block } from '../blocks.js';
import type { TextRemoval } from '../text-engine.js';
import { blockFeatures } from './features.js';
import type { BlockFeatures } from './features.js';
import weightsFile from './weights.json' with { type: 'json' };

/** The checked-in weights file. */
export interface BlockModelWeights {
  format: 1;
  /** Number of hash slots. */
  dim: number;
  /** Blocks with a boilerplate probability at or above this are dropped. */
  threshold: number;
  /** Non-zero weights as `[slot, weight]`; the intercept is the weight of the `bias` feature. */
  weights: Array<[number, number]>;
  /** How the weights were made (data sets, page counts, options); informative only. */
  trainedOn?: unknown;
}

export const BLOCK_MODEL_RULE = 'block-model/drop';

/** FNV-1a, 32 bits: the slot of a feature name. */
export function featureSlot(name: string, dim: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % dim;
}

export class BlockModel {
  readonly dim: number;
  readonly threshold: number;
  private readonly weights: Float64Array;
  /** SHA-256 of the weights file: part of the rule-pack hash. */
  readonly hash: string;

  constructor(file: BlockModelWeights) {
    if (file.format !== 1 || !(file.dim > 0)) throw new Error('block model: unknown weights format');
    this.dim = file.dim;
    this.threshold = file.threshold;
    this.weights = new Float64Array(file.dim);
    for (const [slot, weight] of file.weights) this.weights[slot] = weight;
    this.hash = hashValue({ format: file.format, dim: file.dim, threshold: file.threshold, weights: file.weights });
  }

  /** True when the weights can drop anything (an empty or disabled model cannot). */
  get active(): boolean {
    return this.threshold <= 1 && this.weights.some((w) => w !== 0);
  }

  /** Boilerplate probability of a block. */
  score(features: BlockFeatures): number {
    let z = 0;
    for (let i = 0; i < features.names.length; i++) {
      z += this.weights[featureSlot(features.names[i]!, this.dim)]! * features.values[i]!;
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The features that pushed the score up most, with their contributions. */
  topFeatures(features: BlockFeatures, count = 3): Array<{ name: string; weight: number }> {
    const contributions = features.names.map((name, i) => ({
      name,
      weight: this.weights[featureSlot(name, this.dim)]! * features.values[i]!,
    }));
    return contributions
      .filter((c) => c.name !== 'bias' && c.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1))
      .slice(0, count);
  }
}

/** The checked-in weights (part of `RULE_PACK_HASH` through `MODEL_WEIGHTS`). */
export const BLOCK_MODEL_WEIGHTS = weightsFile as BlockModelWeights;

export const BLOCK_MODEL = new BlockModel(BLOCK_MODEL_WEIGHTS);

/** What the model saw on one page: for training and evaluation scripts (see `setBlockModelTrace`). */
export interface BlockModelTrace {
  features: BlockFeatures[];
  texts: string[];
  scores: number[];
  /** Text put in front of the blocks after the model ran (the standfirst), or null. */
  lead: string | null;
}

let traceSink: ((trace: BlockModelTrace) => void) | null = null;

/**
 * Receive, for every cleaned HTML page, the blocks the model scored with their features
 * (training and evaluation only; null stops it).
 */
export function setBlockModelTrace(sink: ((trace: BlockModelTrace) => void) | null): void {
  traceSink = sink;
}

/** A run of the model on one page, finished by `reportBlockModel` once the lead is known. */
export interface BlockModelRun {
  features: BlockFeatures[];
  texts: string[];
  scores: number[];
}

/** Category of a dropped block, from its kind and the features that weighed most. */
function categoryOf(block: Block, top: Array<{ name: string }>): string {
  if (block.kind === 'caption') return 'caption';
  const names = top.map((t) => t.name).join(' ');
  if (/\b(?:cls:(?:near:)?(?:share|social|sharing))\b/.test(names)) return 'share';
  if (/\bcls:(?:near:)?(?:newsletter|subscribe|signup)\b/.test(names)) return 'newsletter';
  if (/\bcls:(?:near:)?(?:caption|credit|credits)\b/.test(names)) return 'caption';
  if (/\bcls:(?:near:)?(?:byline|author|date|meta|time|dateline|kicker)\b/.test(names)) return 'metadata-line';
  if (/\bcls:(?:near:)?(?:comment|comments|reply)\b/.test(names)) return 'comments';
  if (/\bcls:(?:near:)?(?:related|recommended|more|teaser|promo)\b/.test(names)) return 'related';
  if (/\bcls:(?:near:)?(?:tags?|topics?|keywords|categories)\b/.test(names)) return 'navigation';
  if (block.text.length > 0 && block.linkChars / block.text.length >= 0.5) return 'related';
  return 'boilerplate';
}

function describe(name: string): string {
  return (
    name.replace(/^cls:(?:near:|far:)?/, 'class token ').replace(/^anc:/, 'inside <') +
    (name.startsWith('anc:') ? '>' : '')
  );
}

/**
 * Score the kept blocks of a page and drop the ones the model is sure are boilerplate (unless
 * the rule id or their category is disabled). Mutates `result` like the text rules do.
 */
export function applyBlockModel(
  result: { kept: Block[]; keptIndex: number[]; removals: TextRemoval[] },
  root: Element,
  options: { title: string | null; disabled: ReadonlySet<string>; model?: BlockModel },
): BlockModelRun | null {
  const model = options.model ?? BLOCK_MODEL;
  if (!model.active && !traceSink) return null;
  const features = blockFeatures(result.kept, { title: options.title, root });
  const scores = features.map((f) => model.score(f));
  const run: BlockModelRun = { features, texts: result.kept.map((b) => b.text), scores };
  if (!model.active || options.disabled.has(BLOCK_MODEL_RULE)) return run;
  const kept: Block[] = [];
  const keptIndex: number[] = [];
  // Never empty the article: the model trims around the body, it does not replace it.
  const keepAll = scores.every((score) => score >= model.threshold);
  result.kept.forEach((block, k) => {
    const score = scores[k]!;
    if (keepAll || score < model.threshold || block.kind === 'pre') {
      kept.push(block);
      keptIndex.push(result.keptIndex[k]!);
      return;
    }
    const top = model.topFeatures(features[k]!);
    const category = categoryOf(block, top);
    if (options.disabled.has(category)) {
      kept.push(block);
      keptIndex.push(result.keptIndex[k]!);
      return;
    }
    result.removals.push({
      rule: BLOCK_MODEL_RULE,
      category,
      reason: `the block model scores it ${score.toFixed(2)} boilerplate (threshold ${model.threshold}); most weight: ${top
        .map((t) => `${describe(t.name)} (+${t.weight.toFixed(2)})`)
        .join(', ')}`,
      text: block.text,
      blockIndex: result.keptIndex[k]!,
    });
  });
  result.kept = kept;
  result.keptIndex = keptIndex;
  return run;
}

/** Hand a page's run to the trace sink, with the lead text put in front after the model ran. */
export function reportBlockModel(run: BlockModelRun | null, lead: string | null): void {
  if (run && traceSink) traceSink({ ...run, lead });
}
