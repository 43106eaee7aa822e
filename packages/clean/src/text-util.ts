/** Small text helpers shared by the DOM and text stages. */

import { isWideSpace } from './features/dom-walk.js';

/**
 * A run of white space, except one lone plain space (already what `squash` makes of it: leaving
 * it out of the matches spares the replacement most of the text's spaces).
 */
const SPACES = /(?! (?![\s\u00A0\u2000-\u200A\u202F\u205F\u3000]))[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Collapse white space (including non-breaking and typographic spaces) to one space and trim. */
export function squash(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/**
 * `squash(text).length` without making the string: the characters that are not white space, and
 * one for each run of white space between two of them (`SPACES` and `trim` both read white space
 * as `\s` does, as `isWideSpace` and the test below do).
 */
export function squashedLength(text: string): number {
  let length = 0;
  let started = false;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isWideSpace(c)) inSpace = started;
    else {
      if (inSpace) length++;
      inSpace = false;
      started = true;
      length++;
    }
  }
  return length;
}

const ASCII_UPPER = /[A-Z]/g;

/** `text` with A-Z lowered and every other character left as it is (CSS's ASCII case-insensitivity). */
export function asciiLowerCase(text: string): string {
  return text.replace(ASCII_UPPER, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}

/** Words of a text, as runs of letters and digits (document's counter, the one `stats.words` uses). */
export { wordCount } from '@corpuskit/document';

/**
 * Weight of a Han or kana character: these scripts put no spaces between words, and a sentence
 * takes about a third of the characters it takes in a script written with spaces.
 */
const UNSPACED_WEIGHT = 3;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Length of a text, a character of a script without spaces between words weighing
 * `UNSPACED_WEIGHT`. Counted match by match, not with `match`, whose array would hold a string
 * for every character of a page of Japanese.
 */
export function weightedLength(text: string): number {
  let unspaced = 0;
  UNSPACED.lastIndex = 0;
  while (UNSPACED.exec(text) !== null) unspaced++;
  return text.length + (UNSPACED_WEIGHT - 1) * unspaced;
}

/** True when the text ends like a sentence (., !, ?, …, a closing quote or bracket after one). */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…:;。！？]["'”’»)\]」』]*$/u.test(text.trim());
}

/** Lower case with accents kept and punctuation turned to spaces, for matching labels. */
export function labelForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The distinct words (letters and digits, lower-cased) of a text, e.g. to compare titles. */
export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** How many of `own`'s words are in `other` (sets of `words`). */
export function wordsFoundIn(own: ReadonlySet<string>, other: ReadonlySet<string>): number {
  let found = 0;
  for (const word of own) if (other.has(word)) found++;
  return found;
}
