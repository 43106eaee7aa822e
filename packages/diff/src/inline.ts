import { diffArrays } from 'diff';

import type { DetailLevel, DiffBudgets, Fallback, IgnoreOptions, Segment } from './model.js';
import { BLOCK_SEPARATOR, Interner, sentenceEndsOf, tokenize } from './tokenize.js';
import type { Offsets, Tokens } from './tokenize.js';

/** What the inline (sentence and word) level needs from the document diff. */
export interface InlineContext {
  ignore: IgnoreOptions;
  budgets: DiffBudgets;
  interner: Interner;
  locale: string | undefined;
  fallbacks: Fallback[];
  /** Scans of block texts, shared with the paragraph level. */
  scans: Map<string, Offsets>;
}

export interface InlineResult {
  segments: Segment[];
  level: DetailLevel;
  added: number;
  removed: number;
  unchanged: number;
  wordOps: number;
}

/** Builds merged segments and keeps the word counts. */
class SegmentBuilder {
  readonly segments: Segment[] = [];
  added = 0;
  removed = 0;
  unchanged = 0;
  level: DetailLevel = 'word';

  push(op: Segment['op'], text: string, old?: string): void {
    if (text === '' && (old === undefined || old === '')) return;
    const last = this.segments[this.segments.length - 1];
    // A paragraph break (splits and merges) stays a segment of its own.
    const isBreak = (segment: { op: string; text: string }): boolean =>
      segment.op !== 'equal' && segment.text === BLOCK_SEPARATOR;
    if (last && last.op === op && !isBreak(last) && !isBreak({ op, text })) {
      if (op === 'equal' && (old !== undefined || last.old !== undefined)) {
        last.old = (last.old ?? last.text) + (old ?? text);
      }
      last.text += text;
      return;
    }
    const segment: Segment = { op, text };
    if (old !== undefined && old !== text) segment.old = old;
    this.segments.push(segment);
  }

  coarsen(level: DetailLevel): void {
    const rank = { word: 0, sentence: 1, paragraph: 2 } as const;
    if (rank[level] > rank[this.level]) this.level = level;
  }

  result(): InlineResult {
    let wordOps = 0;
    for (const segment of this.segments) {
      if (segment.op !== 'equal' && segment.text !== BLOCK_SEPARATOR) wordOps += 1;
      else if (segment.old !== undefined && segment.old === segment.text) delete segment.old;
    }
    return {
      segments: this.segments,
      level: this.level,
      added: this.added,
      removed: this.removed,
      unchanged: this.unchanged,
      wordOps,
    };
  }
}

function countWords(tokens: Tokens, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) if (tokens.words[i]) n += 1;
  return n;
}

function emitEqual(out: SegmentBuilder, a: Tokens, ai: number, b: Tokens, bi: number, count: number): void {
  for (let k = 0; k < count; k += 1) {
    const oldText = a.texts[ai + k]!;
    const newText = b.texts[bi + k]!;
    out.push('equal', newText, oldText === newText ? undefined : oldText);
  }
  out.unchanged += countWords(b, bi, bi + count);
}

function emitDelete(out: SegmentBuilder, a: Tokens, from: number, to: number): void {
  if (from >= to) return;
  out.push('delete', a.texts.slice(from, to).join(''));
  out.removed += countWords(a, from, to);
}

function emitInsert(out: SegmentBuilder, b: Tokens, from: number, to: number): void {
  if (from >= to) return;
  out.push('insert', b.texts.slice(from, to).join(''));
  out.added += countWords(b, from, to);
}

/** Word-level diff of token ranges; false when it exceeds its budget. */
function diffWordsRange(
  out: SegmentBuilder,
  a: Tokens,
  aFrom: number,
  aTo: number,
  b: Tokens,
  bFrom: number,
  bTo: number,
  context: InlineContext,
): boolean {
  // Common prefix and suffix cost nothing.
  let start = 0;
  while (aFrom + start < aTo && bFrom + start < bTo && a.keys[aFrom + start] === b.keys[bFrom + start]) start += 1;
  let end = 0;
  while (aTo - end > aFrom + start && bTo - end > bFrom + start && a.keys[aTo - end - 1] === b.keys[bTo - end - 1]) {
    end += 1;
  }
  const a0 = aFrom + start;
  const a1 = aTo - end;
  const b0 = bFrom + start;
  const b1 = bTo - end;
  let changes: ReturnType<typeof diffArrays<number>> | undefined = [];
  if (a0 < a1 && b0 < b1) {
    changes = diffArrays(a.keys.slice(a0, a1), b.keys.slice(b0, b1), { maxEditLength: context.budgets.wordEdits });
    if (changes === undefined) return false;
  }
  emitEqual(out, a, aFrom, b, bFrom, start);
  let ai = a0;
  let bi = b0;
  if (a0 < a1 && b0 >= b1) emitDelete(out, a, a0, a1);
  else if (b0 < b1 && a0 >= a1) emitInsert(out, b, b0, b1);
  for (const change of changes) {
    const n = change.count;
    if (change.removed) {
      emitDelete(out, a, ai, ai + n);
      ai += n;
    } else if (change.added) {
      emitInsert(out, b, bi, bi + n);
      bi += n;
    } else {
      emitEqual(out, a, ai, b, bi, n);
      ai += n;
      bi += n;
    }
  }
  emitEqual(out, a, a1, b, b1, end);
  return true;
}

/** Sentence ranges [start, end) of a token list. */
function sentences(tokens: Tokens): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const end of sentenceEndsOf(tokens)) {
    out.push([start, end + 1]);
    start = end + 1;
  }
  if (start < tokens.texts.length) out.push([start, tokens.texts.length]);
  return out;
}

function sentenceKeys(tokens: Tokens, ranges: Array<[number, number]>, context: InlineContext): number[] {
  return ranges.map(([from, to]) => context.interner.id(`\u0001${tokens.keys.slice(from, to).join(',')}`));
}

/** Sentence-level diff, with word-level detail inside changed sentences when their budget allows. */
function diffSentencesLevel(
  out: SegmentBuilder,
  a: Tokens,
  b: Tokens,
  context: InlineContext,
  where: { old: number; new: number },
  wordFallbackRecorded = false,
): boolean {
  const sa = sentences(a);
  const sb = sentences(b);
  const changes = diffArrays(sentenceKeys(a, sa, context), sentenceKeys(b, sb, context), {
    maxEditLength: context.budgets.sentenceEdits,
  });
  if (changes === undefined) {
    context.fallbacks.push({
      level: 'sentence',
      used: 'paragraph',
      ...where,
      budget: context.budgets.sentenceEdits,
      needed: Math.abs(sa.length - sb.length) + 1,
    });
    return false;
  }
  let ai = 0;
  let bi = 0;
  const tokenStart = (ranges: Array<[number, number]>, index: number, total: number): number =>
    index < ranges.length ? ranges[index]![0] : total;
  for (let c = 0; c < changes.length; c += 1) {
    const change = changes[c]!;
    if (!change.added && !change.removed) {
      const from = tokenStart(sa, ai, a.texts.length);
      const fromB = tokenStart(sb, bi, b.texts.length);
      const toB = tokenStart(sb, bi + change.count, b.texts.length);
      emitEqual(out, a, from, b, fromB, toB - fromB);
      ai += change.count;
      bi += change.count;
      continue;
    }
    // A hunk: removed and/or added sentences next to each other.
    let removed = 0;
    let added = 0;
    while (c < changes.length && (changes[c]!.added || changes[c]!.removed)) {
      if (changes[c]!.removed) removed += changes[c]!.count;
      else added += changes[c]!.count;
      c += 1;
    }
    c -= 1;
    const a0 = tokenStart(sa, ai, a.texts.length);
    const a1 = tokenStart(sa, ai + removed, a.texts.length);
    const b0 = tokenStart(sb, bi, b.texts.length);
    const b1 = tokenStart(sb, bi + added, b.texts.length);
    if (removed === 0 || added === 0 || !diffWordsRange(out, a, a0, a1, b, b0, b1, context)) {
      if (removed > 0 && added > 0 && !wordFallbackRecorded) {
        wordFallbackRecorded = true;
        context.fallbacks.push({
          level: 'word',
          used: 'sentence',
          ...where,
          budget: context.budgets.wordEdits,
          needed: context.budgets.wordEdits + 1,
        });
        out.coarsen('sentence');
      }
      emitDelete(out, a, a0, a1);
      emitInsert(out, b, b0, b1);
    }
    ai += removed;
    bi += added;
  }
  return true;
}

/**
 * Diff two paragraphs (or runs of paragraphs joined by blank lines, for splits and merges)
 * by sentence and word, within the budgets. `where` names the blocks for the fallback record.
 */
export function diffInline(
  oldText: string,
  newText: string,
  context: InlineContext,
  where: { old: number; new: number },
  breaks = false,
): InlineResult {
  // Keys only need to agree within one pair: a small interner per pair stays fast.
  const pairContext: InlineContext = { ...context, interner: new Interner() };
  const a = tokenize(oldText, context.ignore, pairContext.interner, context.locale, context.scans, breaks);
  const b = tokenize(newText, context.ignore, pairContext.interner, context.locale, context.scans, breaks);
  const out = new SegmentBuilder();
  if (a.lead === b.lead) out.push('equal', b.lead);
  else if (context.ignore.whitespace || context.ignore.punctuation) out.push('equal', b.lead, a.lead);
  else {
    out.push('delete', a.lead);
    out.push('insert', b.lead);
  }
  const large = a.texts.length + b.texts.length > context.budgets.wordTokens;
  const hasSentences = (): boolean => sentenceEndsOf(a).length + sentenceEndsOf(b).length > 0;
  if (large && hasSentences()) {
    if (diffSentencesLevel(out, a, b, pairContext, where)) return out.result();
  } else {
    const mark = out.segments.length;
    const wordsDone = diffWordsRange(out, a, 0, a.texts.length, b, 0, b.texts.length, pairContext);
    if (wordsDone) return out.result();
    out.segments.length = mark;
    out.added = 0;
    out.removed = 0;
    out.unchanged = 0;
    if (hasSentences()) {
      context.fallbacks.push({
        level: 'word',
        used: 'sentence',
        ...where,
        budget: context.budgets.wordEdits,
        needed: context.budgets.wordEdits + 1,
      });
      out.coarsen('sentence');
      if (diffSentencesLevel(out, a, b, pairContext, where, true)) return out.result();
    } else {
      context.fallbacks.push({
        level: 'word',
        used: 'paragraph',
        ...where,
        budget: context.budgets.wordEdits,
        needed: context.budgets.wordEdits + 1,
      });
    }
  }
  // Paragraph level: the whole pair as one delete and one insert.
  out.coarsen('paragraph');
  emitDelete(out, a, 0, a.texts.length);
  emitInsert(out, b, 0, b.texts.length);
  return out.result();
}
