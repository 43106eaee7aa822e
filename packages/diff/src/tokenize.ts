import { collapseWhitespace, foldCase, foldDashes, foldQuotes, stripPunctuation } from '@corpuskit/document';

import type { IgnoreOptions, Layout } from './model.js';

/** The default separator between blocks. */
export const BLOCK_SEPARATOR = '\n\n';

/** A text split into blocks, with the white space around them kept so it can be rebuilt exactly. */
export interface SplitText {
  blocks: string[];
  layout: Layout | undefined;
}

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
  // A separator is a run of white space holding at least two line breaks.
  const isSpace = (i: number): boolean => {
    const code = body.charCodeAt(i);
    return (
      code === 0x20 ||
      code === 0x0a ||
      code === 0x09 ||
      code === 0x0d ||
      (code > 0x7f && classAt(body, i) === Char.Space)
    );
  };
  for (let i = body.indexOf('\n'); i >= 0;) {
    let start = i;
    while (start > last && isSpace(start - 1)) start -= 1;
    let end = i;
    let breaks = 0;
    while (end < body.length && isSpace(end)) {
      if (body.charCodeAt(end) === 0x0a) breaks += 1;
      end += 1;
    }
    if (breaks >= 2) {
      blocks.push(body.slice(last, start));
      const separator = body.slice(start, end);
      if (separator !== BLOCK_SEPARATOR) {
        separators[String(blocks.length)] = separator;
        hasSeparators = true;
      }
      last = end;
    }
    i = body.indexOf('\n', end);
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

/** Where each piece of a text ends (offsets) and its kind. */
export interface Offsets {
  ends: number[];
  kinds: Kind[];
}

function segmentOffsets(text: string, from: number, to: number, locale: string | undefined, out: Offsets): void {
  let at = from;
  for (const { segment, isWordLike } of wordSegmenter(locale).segment(text.slice(from, to))) {
    at += segment.length;
    out.ends.push(at);
    out.kinds.push(
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

function isHighSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
}

/**
 * Split text into words (letters, digits, marks, joined by inner apostrophes), runs of white
 * space and single other characters, as end offsets. Runs of a script written without spaces
 * (Chinese, Japanese, Thai, ...) go through `Intl.Segmenter`.
 */
function scanOffsets(text: string, locale?: string, cache?: Map<string, Offsets>): Offsets {
  const cached = cache?.get(text);
  if (cached) return cached;
  const out: Offsets = { ends: [], kinds: [] };
  cache?.set(text, out);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classAt(text, i);
    const start = i;
    if (c === Char.NoSpace) {
      const end = noSpaceRunEnd(text, i);
      segmentOffsets(text, i, end, locale, out);
      i = end;
      continue;
    }
    let kind: Kind = Kind.Other;
    if (c === Char.Space) {
      i += 1;
      while (i < n && classAt(text, i) === Char.Space) i += 1;
      kind = Kind.Space;
    } else if (c === Char.Word || c === Char.Joiner) {
      let word = c === Char.Word;
      let segmented = false;
      i += isHighSurrogate(text, i) ? 2 : 1;
      while (i < n) {
        let d: Char = classAt(text, i);
        if (d === Char.Word || d === Char.Joiner) {
          word ||= d === Char.Word;
          i += isHighSurrogate(text, i) ? 2 : 1;
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
          segmentOffsets(text, start, end, locale, out);
          i = end;
          segmented = true;
        }
        break;
      }
      if (segmented) continue;
      kind = word ? Kind.Word : Kind.Other;
    } else {
      i += isHighSurrogate(text, i) ? 2 : 1;
    }
    out.ends.push(i);
    out.kinds.push(kind);
  }
  return out;
}

/** `scanOffsets` as strings. */
export function scan(text: string, locale?: string): Pieces {
  const { ends, kinds } = scanOffsets(text, locale);
  const pieces: string[] = [];
  let from = 0;
  for (const end of ends) {
    pieces.push(text.slice(from, end));
    from = end;
  }
  return { pieces, kinds };
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

/** Key of a paragraph break token (hash keys are never negative). */
const BREAK_KEY = -1;

/**
 * A 53-bit hash of `text[from, to)` (plus a space when `space`), from two FNV-1a passes: the
 * key of a token when nothing is ignored. A collision (about 1 in 10^15 per pair of distinct
 * tokens) could only show a changed word as equal; the segment then carries the old text in
 * `old`, so the diff still rebuilds both texts exactly.
 */
function hashKey(text: string, from: number, to: number, space: boolean): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
  }
  if (space) {
    h1 = Math.imul(h1 ^ 0x20, 0x01000193);
    h2 = Math.imul(h2 ^ 0x20, 0x5bd1e995);
  }
  h2 ^= h2 >>> 13;
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}

/**
 * Tokens of `text` for diffing. With `breaks` (splits and merges, where paragraphs are
 * joined by `\n\n`), each paragraph break is a token of its own, and the token before it
 * compares as if a space followed it, so a break shows as an inserted or deleted `\n\n`.
 */
export function tokenize(
  text: string,
  ignore: IgnoreOptions,
  interner: Interner,
  locale?: string,
  cache?: Map<string, Offsets>,
  breaks = false,
): Tokens {
  const { ends, kinds } = scanOffsets(text, locale, cache);
  const texts: string[] = [];
  const keys: number[] = [];
  const words: boolean[] = [];
  // Without ignore options a token's key is its raw text with its tail.
  const plain = !ignore.case && !ignore.quotes && !ignore.dashes && !ignore.whitespace && !ignore.punctuation;
  let leadEnd = 0;
  let tokenStart = -1;
  let afterBreak = false;
  let currentKey = '';
  let tailKey = '';
  const flush = (end: number, beforeBreak = false): void => {
    if (tokenStart < 0) return;
    const raw = text.slice(tokenStart, end);
    texts.push(raw);
    if (beforeBreak && !ignore.whitespace) tailKey += ' ';
    keys.push(
      plain
        ? hashKey(text, tokenStart, end, beforeBreak)
        : interner.id(tailKey === '' ? currentKey : `${currentKey}\u0000${tailKey}`),
    );
    tokenStart = -1;
  };
  let from = 0;
  for (let p = 0; p < ends.length; p += 1) {
    const end = ends[p]!;
    const space = kinds[p] === Kind.Space;
    const word = kinds[p] === Kind.Word;
    if (breaks && space && end - from === BLOCK_SEPARATOR.length && text.startsWith(BLOCK_SEPARATOR, from)) {
      flush(from, true);
      texts.push(BLOCK_SEPARATOR);
      keys.push(BREAK_KEY);
      words.push(false);
      afterBreak = true;
      from = end;
      continue;
    }
    if (space || (!word && ignore.punctuation)) {
      if (tokenStart >= 0) {
        // Ignored punctuation adds nothing to the key; white space does unless ignored.
        if (space && !plain && !ignore.whitespace) tailKey += text.slice(from, end);
        from = end;
        continue;
      }
      if (!afterBreak) {
        leadEnd = end;
        from = end;
        continue;
      }
      // Right after a break there is no token to carry it: it starts the next token.
    }
    flush(from);
    afterBreak = false;
    tokenStart = from;
    words.push(word);
    if (!plain) {
      currentKey = foldToken(text.slice(from, end), ignore);
      tailKey = '';
    }
    from = end;
  }
  flush(text.length);
  return { lead: text.slice(0, leadEnd), texts, keys, words };
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

// Lower-case code units, filled on first use (0 = not yet known).
const LOWER = new Uint16Array(0x10000);

function lowerCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 32 : code;
  let lower = LOWER[code]!;
  if (lower === 0) {
    const folded = String.fromCharCode(code).toLowerCase();
    lower = folded.length === 1 ? folded.charCodeAt(0) : code;
    LOWER[code] = lower;
  }
  return lower;
}

/**
 * Word-like tokens of a block for similarity only: 32-bit hashes (FNV-1a) of the lower-cased
 * words, sorted, so two blocks compare by a merge of integer arrays. A hash collision can only
 * nudge a similarity score; it never changes the reported text.
 */
export function similarityTokens(text: string, locale?: string, cache?: Map<string, Offsets>): Int32Array {
  const { ends, kinds } = scanOffsets(text, locale, cache);
  const ids: number[] = [];
  let from = 0;
  for (let k = 0; k < ends.length; k += 1) {
    const end = ends[k]!;
    if (kinds[k] === Kind.Word) {
      let hash = 0x811c9dc5;
      for (let i = from; i < end; i += 1) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), 0x01000193);
      ids.push(hash | 0);
    }
    from = end;
  }
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
  for (const kind of scanOffsets(text).kinds) if (kind === Kind.Word) n += 1;
  return n;
}
