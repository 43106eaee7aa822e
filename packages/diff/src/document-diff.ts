import { alignBlocks } from './align.js';
import { diffInline } from './inline.js';
import type { InlineContext, InlineResult } from './inline.js';
import { diffMetadata } from './metadata.js';
import { DIFF_SCHEMA_VERSION } from './model.js';
import type { BlockOp, DiffBudgets, DiffSide, DiffStats, DocumentDiff, Fallback, IgnoreOptions } from './model.js';
import { BLOCK_SEPARATOR, Interner, blockKey, countWords, splitBlocks } from './tokenize.js';
import type { Offsets } from './tokenize.js';
import { diffError } from './errors.js';

/** One side of a document diff: plain text, or a document (a `CleanDocument` fits). */
export type DiffInput =
  | string
  | {
      id?: string | null;
      title?: string | null;
      text: string;
      metadata?: object | null;
    };

export interface DiffOptions {
  ignoreWhitespace?: boolean;
  ignoreCase?: boolean;
  ignorePunctuation?: boolean;
  /** Curly vs straight quotes. */
  ignoreQuotes?: boolean;
  /** Hyphen, en dash, em dash, minus sign. */
  ignoreDashes?: boolean;
  /** BCP 47 locale for word segmentation of languages written without spaces (default: the runtime's). */
  locale?: string;
  /** Work limits per level (see `DEFAULT_BUDGETS`). */
  budgets?: Partial<DiffBudgets>;
}

/** Default budgets: generous for articles, bounded for anything. */
export const DEFAULT_BUDGETS: Readonly<DiffBudgets> = Object.freeze({
  alignmentCells: 250_000,
  moveCandidates: 200_000,
  sentenceEdits: 200,
  wordEdits: 400,
  wordTokens: 600,
});

interface Side {
  id: string | null;
  title: string | null;
  text: string;
  metadata: Record<string, unknown> | null;
}

function toSide(input: DiffInput, which: 'old' | 'new'): Side {
  if (typeof input === 'string') return { id: null, title: null, text: input, metadata: null };
  if (input === null || typeof input !== 'object' || typeof input.text !== 'string') {
    throw diffError('diff.bad-input', `the ${which} side must be a string or an object with a text`, {
      subject: which,
    });
  }
  return {
    id: input.id ?? null,
    title: input.title ?? null,
    text: input.text,
    metadata: (input.metadata as Record<string, unknown> | null | undefined) ?? null,
  };
}

function resolveIgnore(options: DiffOptions): IgnoreOptions {
  return {
    whitespace: options.ignoreWhitespace === true,
    case: options.ignoreCase === true,
    punctuation: options.ignorePunctuation === true,
    quotes: options.ignoreQuotes === true,
    dashes: options.ignoreDashes === true,
  };
}

function resolveBudgets(options: DiffOptions): DiffBudgets {
  const budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
  for (const [name, value] of Object.entries(budgets)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
      throw diffError('diff.bad-budget', `budget '${name}' must be a positive number (got ${String(value)})`);
    }
  }
  return budgets;
}

function inlineSimilarity(result: InlineResult): number {
  const oldWords = result.unchanged + result.removed;
  const newWords = result.unchanged + result.added;
  return oldWords + newWords === 0 ? 1 : round((2 * result.unchanged) / (oldWords + newWords));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Diff two documents: paragraphs aligned first (equal, edited, moved, split, merged), then
 * sentences and words inside the paragraphs that changed, within explicit budgets.
 */
export function diffDocuments(oldInput: DiffInput, newInput: DiffInput, options: DiffOptions = {}): DocumentDiff {
  const oldSide = toSide(oldInput, 'old');
  const newSide = toSide(newInput, 'new');
  const ignore = resolveIgnore(options);
  const budgets = resolveBudgets(options);
  const anyIgnore = Object.values(ignore).some(Boolean);
  const oldSplit = splitBlocks(oldSide.text);
  const newSplit = splitBlocks(newSide.text);
  const oldBlocks = oldSplit.blocks;
  const newBlocks = newSplit.blocks;
  const oldKeys = anyIgnore ? oldBlocks.map((b) => blockKey(b, ignore)) : oldBlocks;
  const newKeys = anyIgnore ? newBlocks.map((b) => blockKey(b, ignore)) : newBlocks;
  const interner = new Interner();
  const fallbacks: Fallback[] = [];
  const scans = new Map<string, Offsets>();
  const context: InlineContext = { ignore, budgets, interner, locale: options.locale, fallbacks, scans };

  const events = alignBlocks({
    oldKeys,
    newKeys,
    oldBlocks,
    newBlocks,
    budgets,
    fallbacks,
    locale: options.locale,
    scans,
  });

  const stats: DiffStats = {
    blocks: { equal: 0, inserted: 0, deleted: 0, changed: 0, moved: 0, split: 0, merged: 0 },
    words: { added: 0, removed: 0, unchanged: 0 },
    similarity: 1,
    wordOps: 0,
  };
  const ops: BlockOp[] = [];
  const addInline = (result: InlineResult): void => {
    stats.words.added += result.added;
    stats.words.removed += result.removed;
    stats.wordOps += result.wordOps;
  };
  let textChanged = false;
  for (const e of events) {
    switch (e.kind) {
      case 'equal': {
        stats.blocks.equal += 1;
        const last = ops[ops.length - 1];
        const newText = newBlocks[e.new]!;
        const oldText = oldBlocks[e.old]!;
        let run = last;
        if (!(run && run.op === 'equal' && run.old + run.count === e.old && run.new + run.count === e.new)) {
          run = { op: 'equal', old: e.old, new: e.new, count: 0, blocks: [] };
          ops.push(run);
        }
        if (oldText !== newText) (run.oldBlocks ??= {})[String(run.count)] = oldText;
        run.blocks.push(newText);
        run.count += 1;
        break;
      }
      case 'insert': {
        const text = newBlocks[e.new]!;
        ops.push({ op: 'insert', new: e.new, text });
        stats.blocks.inserted += 1;
        stats.words.added += countWords(text);
        stats.wordOps += 1;
        textChanged = true;
        break;
      }
      case 'delete': {
        const text = oldBlocks[e.old]!;
        ops.push({ op: 'delete', old: e.old, text });
        stats.blocks.deleted += 1;
        stats.words.removed += countWords(text);
        stats.wordOps += 1;
        textChanged = true;
        break;
      }
      case 'pair': {
        const result = diffInline(oldBlocks[e.old]!, newBlocks[e.new]!, context, { old: e.old, new: e.new });
        addInline(result);
        ops.push({
          op: 'change',
          old: e.old,
          new: e.new,
          similarity: inlineSimilarity(result),
          level: result.level,
          segments: result.segments,
        });
        stats.blocks.changed += 1;
        if (result.wordOps > 0) textChanged = true;
        break;
      }
      case 'split':
      case 'merge': {
        const oldText = oldBlocks.slice(e.old, e.kind === 'merge' ? e.old + e.count : e.old + 1).join(BLOCK_SEPARATOR);
        const newText = newBlocks.slice(e.new, e.kind === 'split' ? e.new + e.count : e.new + 1).join(BLOCK_SEPARATOR);
        const result = diffInline(oldText, newText, context, { old: e.old, new: e.new }, true);
        addInline(result);
        const detail = { similarity: inlineSimilarity(result), level: result.level, segments: result.segments };
        if (e.kind === 'split') {
          ops.push({ op: 'split', old: e.old, new: e.new, count: e.count, ...detail });
          stats.blocks.split += 1;
        } else {
          ops.push({ op: 'merge', old: e.old, count: e.count, new: e.new, ...detail });
          stats.blocks.merged += 1;
        }
        // A paragraph break is white space: under ignoreWhitespace only edits in the words count.
        if (result.wordOps > 0 || !ignore.whitespace) textChanged = true;
        break;
      }
      case 'move-source':
        ops.push({ op: 'move-source', id: `m${e.id}`, old: e.old, to: e.new, text: oldBlocks[e.old]! });
        textChanged = true;
        break;
      case 'move-target': {
        const oldText = oldBlocks[e.old]!;
        const newText = newBlocks[e.new]!;
        let detail: Pick<InlineResult, 'segments' | 'level'> & { similarity: number };
        if (e.exact) {
          detail = {
            similarity: 1,
            level: 'word',
            segments: [
              oldText === newText ? { op: 'equal', text: newText } : { op: 'equal', text: newText, old: oldText },
            ],
          };
        } else {
          const result = diffInline(oldText, newText, context, { old: e.old, new: e.new });
          addInline(result);
          detail = { similarity: inlineSimilarity(result), level: result.level, segments: result.segments };
        }
        ops.push({ op: 'move-target', id: `m${e.id}`, from: e.old, new: e.new, ...detail });
        stats.blocks.moved += 1;
        textChanged = true;
        break;
      }
    }
  }
  const oldWords = countWords(oldSide.text);
  const newWords = countWords(newSide.text);
  stats.words.unchanged = Math.max(0, newWords - stats.words.added);
  const kept = Math.max(0, oldWords - stats.words.removed) + stats.words.unchanged;
  stats.similarity = oldWords + newWords === 0 ? 1 : round(kept / (oldWords + newWords));

  const metadata = diffMetadata(oldSide, newSide, ignore);
  const describe = (side: Side, split: typeof oldSplit, words: number): DiffSide => ({
    id: side.id,
    title: side.title,
    blocks: split.blocks.length,
    chars: side.text.length,
    words,
    ...(split.layout ? { layout: split.layout } : {}),
  });
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    kind: 'document-diff',
    changed: textChanged || metadata.length > 0,
    ignore,
    budgets,
    old: describe(oldSide, oldSplit, oldWords),
    new: describe(newSide, newSplit, newWords),
    metadata,
    blocks: ops,
    stats,
    fallbacks,
  };
}
