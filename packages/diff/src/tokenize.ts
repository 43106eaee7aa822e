import { collapseWhitespace, foldCase, foldDashes, foldQuotes, stripPunctuation } from '@corpuskit/document';

import type { IgnoreOptions, Layout } from './model.js';

/** The default separator between blocks. */
export const BLOCK_SEPARATOR = '\n\n';

/** A text split into blocks, with the white space around them kept so it can be rebuilt exactly. */
export interface SplitText {
  blocks: string[];
  layout: Layout | undefined;
}

const SEPARATOR = /\s*\n\s*\n\s*/g;
const LEAD = /^\s*/;
const TRAIL = /\s*$/;

/**
 * Split text into blocks the way `textBlocks` does (blank-line separated, trimmed, empty ones
 * dropped), keeping the white space that is not the default so `joinBlocks` gives the text back.
 */
export function splitBlocks(text: string): SplitText {
  const lead = LEAD.exec(text)![0];
  if (lead.length === text.length) {
    return { blocks: [], layout: text === '' ? undefined : { lead: text, trail: '', separators: {} } };
  }
  const trail = TRAIL.exec(text.slice(lead.length))![0];
  const body = text.slice(lead.length, text.length - trail.length);
  const blocks: string[] = [];
  const separators: Record<string, string> = {};
  let hasSeparators = false;
  let last = 0;
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(body); match !== null; match = SEPARATOR.exec(body)) {
    blocks.push(body.slice(last, match.index));
    if (match[0] !== BLOCK_SEPARATOR) {
      separators[String(blocks.length)] = match[0];
      hasSeparators = true;
    }
    last = match.index + match[0].length;
  }
  blocks.push(body.slice(last));
  const layout = lead !== '' || trail !== '' || hasSeparators ? { lead, trail, separators } : undefined;
  return { blocks, layout };
}

/** Inverse of `splitBlocks`. */
export function joinBlocks(blocks: readonly string[], layout: Layout | undefined): string {
  if (!layout) return blocks.join(BLOCK_SEPARATOR);
  let out = layout.lead;
  for (let i = 0; i < blocks.length; i += 1) {
    if (i > 0) out += layout.separators[String(i)] ?? BLOCK_SEPARATOR;
    out += blocks[i]!;
  }
  return out + layout.trail;
}

/** Fold a whole block for paragraph-level comparison under the ignore options. */
export function blockKey(text: string, ignore: IgnoreOptions): string {
  let out = text;
  if (ignore.quotes || ignore.punctuation) out = foldQuotes(out);
  if (ignore.dashes || ignore.punctuation) out = foldDashes(out);
  if (ignore.case) out = foldCase(out);
  if (ignore.punctuation) out = stripPunctuation(out).replace(/ +/g, ' ').trim();
  if (ignore.whitespace) out = collapseWhitespace(out);
  return out;
}

// Scripts written without spaces between words: these need a dictionary-based segmenter.
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['\u2019][\p{L}\p{M}\p{N}_]+)*|\s+|[^\s\p{L}\p{M}\p{N}_]/gu;
const WHITESPACE_ONLY = /^\s+$/u;
const WORD_LIKE = /[\p{L}\p{N}]/u;
const SENTENCE_END = /^[.!?\u2026\u3002\uFF01\uFF1F\u0964\u061F]$/u;
const CLOSER = /^["'\u2019\u201D\u00BB)\]\u300D\u300F\uFF09]$/u;
const CJK_SENTENCE_END = /^[\u3002\uFF01\uFF1F]$/u;

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** Raw pieces of text: words, single punctuation marks, runs of white space. Concatenated they give the text back. */
export function rawTokens(text: string, locale?: string): string[] {
  if (NO_SPACE_SCRIPT.test(text)) {
    const out: string[] = [];
    for (const { segment } of wordSegmenter(locale).segment(text)) out.push(segment);
    return out;
  }
  return text.match(TOKEN) ?? [];
}

/**
 * Tokens for diffing: each significant token (a word, or a punctuation mark unless
 * punctuation is ignored) carries the ignorable text after it (white space, and punctuation
 * when ignored) as its tail. `lead` is ignorable text before the first token.
 */
export interface Tokens {
  lead: string;
  /** Raw text of each token with its tail. */
  texts: string[];
  /** Interned comparison keys. */
  keys: number[];
  /** Whether each token is a word (counted in word statistics). */
  words: boolean[];
  /** Index after which a sentence ends (token indices, ascending). */
  sentenceEnds: number[];
}

/** Interns strings to small integers so comparisons are `===` on numbers. */
export class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

function foldToken(token: string, ignore: IgnoreOptions): string {
  let out = token;
  if (ignore.quotes) out = foldQuotes(out);
  if (ignore.dashes) out = foldDashes(out);
  if (ignore.case) out = foldCase(out);
  return out;
}

export function tokenize(text: string, ignore: IgnoreOptions, interner: Interner, locale?: string): Tokens {
  const raw = rawTokens(text, locale);
  const texts: string[] = [];
  const keys: number[] = [];
  const words: boolean[] = [];
  let lead = '';
  let tailKey = '';
  let current = -1;
  let currentKey = '';
  const flush = (): void => {
    if (current >= 0) keys[current] = interner.id(tailKey === '' ? currentKey : `${currentKey}\u0000${tailKey}`);
  };
  for (const piece of raw) {
    const space = WHITESPACE_ONLY.test(piece);
    const word = !space && WORD_LIKE.test(piece);
    if (space || (!word && ignore.punctuation)) {
      if (current < 0) lead += piece;
      else {
        texts[current] += piece;
        // Ignored punctuation adds nothing to the key; white space does unless ignored.
        if (space && !ignore.whitespace) tailKey += piece;
      }
      continue;
    }
    flush();
    current = texts.length;
    texts.push(piece);
    words.push(word);
    keys.push(0);
    currentKey = foldToken(piece, ignore);
    tailKey = '';
  }
  flush();
  return { lead, texts, keys, words, sentenceEnds: sentenceEnds(texts) };
}

/** Token indices after which a sentence ends: terminal punctuation (and closing quotes) followed by white space, or a CJK full stop. */
function sentenceEnds(texts: readonly string[]): number[] {
  const ends: number[] = [];
  for (let i = 0; i < texts.length - 1; i += 1) {
    const text = texts[i]!;
    const trimmed = text.trimEnd();
    const spaced = trimmed.length < text.length;
    let end = trimmed.length;
    while (end > 0 && CLOSER.test(trimmed[end - 1]!)) end -= 1;
    let last = end > 0 ? trimmed[end - 1]! : '';
    if (end === 0 && i > 0) last = texts[i - 1]!.trimEnd().slice(-1);
    if ((spaced && SENTENCE_END.test(last)) || CJK_SENTENCE_END.test(last)) ends.push(i);
  }
  return ends;
}

/** Word-like tokens of a block, case-folded, for similarity only. */
export function similarityTokens(text: string, interner: Interner): Int32Array {
  const raw = rawTokens(text);
  const ids: number[] = [];
  for (const piece of raw) if (WORD_LIKE.test(piece)) ids.push(interner.id(piece.toLowerCase()));
  return Int32Array.from(ids).sort();
}

/** Number of words in a text (runs the same tokenizer as the diff). */
export function countWords(text: string): number {
  let n = 0;
  for (const piece of rawTokens(text)) if (WORD_LIKE.test(piece) && !WHITESPACE_ONLY.test(piece)) n += 1;
  return n;
}
