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

/**
 * Split text into blocks the way `textBlocks` does (blank-line separated, trimmed, empty ones
 * dropped), keeping the white space that is not the default so `joinBlocks` gives the text back.
 */
export function splitBlocks(text: string): SplitText {
  const lead = text.slice(0, text.length - text.trimStart().length);
  if (lead.length === text.length) {
    return { blocks: [], layout: text === '' ? undefined : { lead: text, trail: '', separators: {} } };
  }
  const trail = text.slice(text.trimEnd().length);
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
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const MARK = /[\p{M}_]/u;
const SPACE = /\s/u;
const SENTENCE_END = /^[.!?\u2026\u3002\uFF01\uFF1F\u0964\u061F]$/u;
const CLOSER = /^["'\u2019\u201D\u00BB)\]\u300D\u300F\uFF09]$/u;
const CJK_SENTENCE_END = /^[\u3002\uFF01\uFF1F]$/u;

/**
 * Character classes of the scanner: 1 a letter or digit, 2 white space, 3 anything else,
 * 4 a letter of a script written without spaces, 5 a combining mark or `_` (joins a word
 * but does not make one); 0 not classified yet.
 */
const Char = { Unknown: 0, Word: 1, Space: 2, Other: 3, NoSpace: 4, Joiner: 5 } as const;
type Char = (typeof Char)[keyof typeof Char];

/** Token kinds: a word (has a letter or digit), white space, anything else (punctuation, symbols). */
export const Kind = { Word: 1, Space: 2, Other: 3 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

function classify(char: string): Char {
  if (SPACE.test(char)) return Char.Space;
  if (NO_SPACE_SCRIPT.test(char)) return Char.NoSpace;
  if (LETTER_OR_NUMBER.test(char)) return Char.Word;
  if (MARK.test(char)) return Char.Joiner;
  return Char.Other;
}

// Classes of the Basic Multilingual Plane, filled on first use of each code unit.
const CLASSES = new Uint8Array(0x10000);

function classAt(text: string, i: number): Char {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) return classify(text.slice(i, i + 2));
  let c = CLASSES[code]! as Char;
  if (c === Char.Unknown) {
    c = classify(text[i]!);
    CLASSES[code] = c;
  }
  return c;
}

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

/** Pieces of a text and their kinds; concatenated, the pieces give the text back. */
export interface Pieces {
  pieces: string[];
  kinds: Kind[];
}

function segmentPieces(text: string, locale: string | undefined, pieces: string[], kinds: Kind[]): void {
  for (const { segment, isWordLike } of wordSegmenter(locale).segment(text)) {
    pieces.push(segment);
    kinds.push(
      isWordLike || LETTER_OR_NUMBER.test(segment) ? Kind.Word : segment.trim() === '' ? Kind.Space : Kind.Other,
    );
  }
}

/** End of the run that holds a letter of a script written without spaces: the next white space. */
function noSpaceRunEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && classAt(text, i) !== Char.Space) i += 1;
  return i;
}

/**
 * Split text into words (letters, digits, marks, joined by inner apostrophes), runs of white
 * space and single other characters. Text with letters of a script written without spaces
 * (Chinese, Japanese, Thai, ...) goes through `Intl.Segmenter` instead.
 */
export function scan(text: string, locale?: string): Pieces {
  const pieces: string[] = [];
  const kinds: Kind[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classAt(text, i);
    const width = text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && i + 1 < n ? 2 : 1;
    let start = i;
    if (c === Char.NoSpace) {
      // Runs of Chinese, Japanese, Thai... text (up to the next white space) go through Intl.Segmenter.
      const end = noSpaceRunEnd(text, i);
      segmentPieces(text.slice(i, end), locale, pieces, kinds);
      i = end;
      continue;
    }
    if (c === Char.Space) {
      i += width;
      while (i < n && classAt(text, i) === Char.Space) i += 1;
      kinds.push(Kind.Space);
    } else if (c === Char.Word || c === Char.Joiner) {
      let word = c === Char.Word;
      i += width;
      for (;;) {
        if (i >= n) break;
        let d: Char = classAt(text, i);
        if (d === Char.Word || d === Char.Joiner) {
          word ||= d === Char.Word;
          i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
          continue;
        }
        const code = text.charCodeAt(i);
        if ((code === 0x27 || code === 0x2019) && i + 1 < n) {
          d = classAt(text, i + 1);
          if (d === Char.Word || d === Char.Joiner) {
            i += 1;
            continue;
          }
        }
        if (d === Char.NoSpace) {
          // A word running into such a script: segment the word and the run together.
          const end = noSpaceRunEnd(text, i);
          segmentPieces(text.slice(start, end), locale, pieces, kinds);
          i = end;
          start = -1;
        }
        break;
      }
      if (start < 0) continue;
      kinds.push(word ? Kind.Word : Kind.Other);
    } else {
      i += width;
      kinds.push(Kind.Other);
    }
    pieces.push(text.slice(start, i));
  }
  return { pieces, kinds };
}

/** Raw pieces of text: words, single punctuation marks, runs of white space. Concatenated they give the text back. */
export function rawTokens(text: string, locale?: string): string[] {
  return scan(text, locale).pieces;
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
  /** Token indices after which a sentence ends, ascending (computed on first use by `sentenceEndsOf`). */
  sentenceEnds?: number[];
}

/** Token indices after which a sentence ends (computed once per token list). */
export function sentenceEndsOf(tokens: Tokens): number[] {
  tokens.sentenceEnds ??= sentenceEnds(tokens.texts);
  return tokens.sentenceEnds;
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
  const { pieces: raw, kinds } = scan(text, locale);
  const texts: string[] = [];
  const keys: number[] = [];
  const words: boolean[] = [];
  let lead = '';
  let tailKey = '';
  let current = -1;
  let currentKey = '';
  // Without ignore options a token's key is its raw text with its tail.
  const plain = !ignore.case && !ignore.quotes && !ignore.dashes && !ignore.whitespace && !ignore.punctuation;
  const flush = (): void => {
    if (current < 0) return;
    if (plain) keys[current] = interner.id(texts[current]!);
    else keys[current] = interner.id(tailKey === '' ? currentKey : `${currentKey}\u0000${tailKey}`);
  };
  for (let p = 0; p < raw.length; p += 1) {
    const piece = raw[p]!;
    const space = kinds[p] === Kind.Space;
    const word = kinds[p] === Kind.Word;
    if (space || (!word && ignore.punctuation)) {
      if (current < 0) lead += piece;
      else {
        texts[current] += piece;
        // Ignored punctuation adds nothing to the key; white space does unless ignored.
        if (space && !ignore.whitespace && !plain) tailKey += piece;
      }
      continue;
    }
    flush();
    current = texts.length;
    texts.push(piece);
    words.push(word);
    keys.push(0);
    if (!plain) {
      currentKey = foldToken(piece, ignore);
      tailKey = '';
    }
  }
  flush();
  return { lead, texts, keys, words };
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
  const { pieces, kinds } = scan(text);
  const ids: number[] = [];
  for (let k = 0; k < pieces.length; k += 1)
    if (kinds[k] === Kind.Word) ids.push(interner.id(pieces[k]!.toLowerCase()));
  return Int32Array.from(ids).sort();
}

/** Number of words in a text (the same rules as the diff's tokens), without building the tokens. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  let wordLike = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = classAt(text, i);
    if (c === Char.NoSpace) return scanWords(text);
    if (c === Char.Word || c === Char.Joiner) {
      if (!inWord) {
        inWord = true;
        wordLike = false;
      }
      if (c === Char.Word) wordLike = true;
      continue;
    }
    if (inWord) {
      const code = text.charCodeAt(i);
      if ((code === 0x27 || code === 0x2019) && i + 1 < text.length) {
        const d = classAt(text, i + 1);
        if (d === Char.Word || d === Char.Joiner) continue;
      }
      if (wordLike) n += 1;
      inWord = false;
    }
  }
  if (inWord && wordLike) n += 1;
  return n;
}

function scanWords(text: string): number {
  let n = 0;
  for (const kind of scan(text).kinds) if (kind === Kind.Word) n += 1;
  return n;
}
