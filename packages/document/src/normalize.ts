/**
 * Text normalisation. `normalizeText` is the one used for fingerprints (exact and
 * near-duplicate detection, repeated-line tables); the smaller folds are exported for
 * callers that want only some of them (the diff's "ignore" options).
 */

export interface NormalizeOptions {
  /** Unicode NFKC (compatibility forms: ligatures, full-width letters, non-breaking spaces). Default true. */
  nfkc?: boolean;
  /** Case fold (lower case plus the folds lower-casing misses, e.g. ß -> ss). Default true. */
  caseFold?: boolean;
  /** Curly, angled and low quotes to ' and ". Default true. */
  quotes?: boolean;
  /** Hyphens, en and em dashes, minus signs to -. Default true. */
  dashes?: boolean;
  /** Drop punctuation and symbols (apostrophes inside words are removed, others become spaces). Default true. */
  punctuation?: boolean;
  /** Collapse runs of white space to one space and trim. Default true. */
  whitespace?: boolean;
}

const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- lone invisible code points, not a combined character
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A\u02BC\u0060\u00B4\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u301D\u301E\u301F\uFF02]/g;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u058A\u05BE\u1806]/g;
/**
 * Performance note: these patterns match exactly what the plain forms would
 * (`/\s+/gu`, `/(?<=[\p{L}\p{N}])['\u2019](?=[\p{L}\p{N}])/gu`, `/[\p{P}\p{S}]+/gu`), written so
 * V8 scans a 5 KB article about 3x faster (normalisation is most of the cost of dedup signatures).
 */
// A run of two or more white-space characters, or one that is not a plain space.
const WHITESPACE = /\s\s+|[^\S ]/gu;
// Test the apostrophe first, then look behind: a lookbehind at every position is slow.
const WORD_APOSTROPHE = /['\u2019](?<=[\p{L}\p{N}]['\u2019])(?=[\p{L}\p{N}])/gu;
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]+/gu;
// Maximal runs of ASCII punctuation/symbols or non-ASCII code units. Every punctuation or symbol
// character is one of these, so each punctuation run lies inside one such run; in ASCII,
// punctuation and symbols are exactly `!-/ :-@ [-` {-~`.
const ASCII_PUNCTUATION_OR_NON_ASCII_RUN = /(?:[!-/:-@[-`{-~]|[\u0080-\uffff])+/g;
const ASCII_PUNCTUATION_ONLY = /^[!-/:-@[-`{-~]+$/;

export function foldQuotes(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

export function foldDashes(text: string): string {
  return text.replace(DASHES, '-');
}

/** Lower case plus the common full case folds that `toLowerCase` leaves alone. */
export function foldCase(text: string): string {
  return text.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ').replace(/ſ/g, 's');
}

export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Unicode-normalise and drop invisible characters, so that the result has none: a compatibility
 * form can itself be invisible (NFKC maps U+3164 HANGUL FILLER to U+1160), and dropping one can
 * leave characters that compose, so repeat until neither step changes the text (twice at most in
 * practice; bounded to stay safe on hostile input).
 */
function normalizeVisible(text: string, form: 'NFC' | 'NFKC'): string {
  let out = removeInvisible(text).normalize(form);
  for (let round = 0; round < 4 && out.search(INVISIBLE) !== -1; round++) out = removeInvisible(out).normalize(form);
  return out;
}

/** Remove punctuation and symbols: `don't` -> `dont`, `well-known` -> `well known`. */
export function stripPunctuation(text: string): string {
  return text
    .replace(WORD_APOSTROPHE, '')
    .replace(ASCII_PUNCTUATION_OR_NON_ASCII_RUN, (run) =>
      ASCII_PUNCTUATION_ONLY.test(run) ? ' ' : run.replace(PUNCTUATION_OR_SYMBOL, ' '),
    );
}

/**
 * Normalise text for fingerprints: NFKC, invisible characters removed, quotes and dashes
 * folded, case folded, punctuation dropped, white space collapsed. Idempotent.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const { nfkc = true, caseFold = true, quotes = true, dashes = true, punctuation = true, whitespace = true } = options;
  let out = nfkc ? normalizeVisible(text, 'NFKC') : removeInvisible(text);
  if (quotes || punctuation) out = foldQuotes(out);
  if (dashes || punctuation) out = foldDashes(out);
  if (caseFold) out = normalizeVisible(foldCase(out), nfkc ? 'NFKC' : 'NFC');
  if (punctuation) out = stripPunctuation(out);
  if (whitespace) out = collapseWhitespace(out);
  return out;
}

/**
 * Words of a text as runs of letters, digits and underscores: the count a clean document's
 * `stats.words` holds (the diff counts its own tokens, which join words such as "don't").
 */
export function wordCount(text: string): number {
  return letterDigitRuns(text, true);
}

/**
 * How many runs of letters and digits (`[\p{L}\p{N}]+`, or `[\p{L}\p{N}_]+` with `underscore`)
 * the text holds: what `text.match(/[\p{L}\p{N}]+/gu).length` gives, by one pass over the code
 * points instead of an array of every word of a page (about four times faster on real pages).
 */
export function letterDigitRuns(text: string, underscore = false): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const letter = code < 128 ? ASCII_LETTER_DIGIT[code] === 1 || (underscore && code === 95) : isLetterOrDigit(code);
    if (letter && !inRun) runs++;
    inRun = letter;
  }
  return runs;
}

const ASCII_LETTER_DIGIT = Uint8Array.from({ length: 128 }, (_, code) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0,
);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Code points above ASCII already classified (a page uses a few hundred distinct ones). */
const letterOrDigit = new Map<number, boolean>();
const MAX_CLASSIFIED = 65_536;

function isLetterOrDigit(code: number): boolean {
  let known = letterOrDigit.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(code));
    if (letterOrDigit.size >= MAX_CLASSIFIED) letterOrDigit.clear();
    letterOrDigit.set(code, known);
  }
  return known;
}
