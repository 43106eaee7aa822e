import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { clean as trigramText } from 'trigram-utils';

/** ISO 639-3 codes franc returns -> ISO 639-1, for the languages that have one. */
const TO_639_1: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  nld: 'nl',
  por: 'pt',
  pol: 'pl',
  ces: 'cs',
  slk: 'sk',
  slv: 'sl',
  hrv: 'hr',
  srp: 'sr',
  bos: 'bs',
  bul: 'bg',
  ron: 'ro',
  hun: 'hu',
  fin: 'fi',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  nno: 'nn',
  isl: 'is',
  est: 'et',
  lav: 'lv',
  lit: 'lt',
  ell: 'el',
  tur: 'tr',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  mkd: 'mk',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
  gle: 'ga',
  cym: 'cy',
  arb: 'ar',
  ara: 'ar',
  pes: 'fa',
  fas: 'fa',
  heb: 'he',
  hin: 'hi',
  ben: 'bn',
  urd: 'ur',
  pan: 'pa',
  tam: 'ta',
  tel: 'te',
  mar: 'mr',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  tha: 'th',
  vie: 'vi',
  ind: 'id',
  zlm: 'ms',
  msa: 'ms',
  tgl: 'tl',
  cmn: 'zh',
  zho: 'zh',
  jpn: 'ja',
  kor: 'ko',
  swh: 'sw',
  afr: 'af',
  als: 'sq',
  sqi: 'sq',
  hye: 'hy',
  kat: 'ka',
  azj: 'az',
  kaz: 'kk',
  uzn: 'uz',
  epo: 'eo',
  lat: 'la',
  ltz: 'lb',
  mlt: 'mt',
  yor: 'yo',
  hau: 'ha',
  amh: 'am',
  som: 'so',
  npi: 'ne',
  sin: 'si',
  khm: 'km',
  mya: 'my',
};

/** Detect the language of `text` with franc (trigram model); null when the text is too short or unclear. */
export function detectLanguage(text: string): string | null {
  if (text.length < 80) return null;
  return languageOfCode(francLanguage(text.slice(0, FRANC_MAX_CHARS)));
}

/** A franc code as reported: ISO 639-1 where there is one, null for `und`. */
export function languageOfCode(code: string): string | null {
  if (code === 'und') return null;
  return TO_639_1[code] ?? code;
}

/*
 * franc's answer, computed from franc's own data and script expressions without scoring every
 * language of the script trigram by trigram. franc (6.2.0) reads the first 2,048 characters,
 * takes the script most of their characters are in (the first on a tie); a script one language
 * is written in gives that language; otherwise each language of the script scores the sum over
 * the text's trigrams of |count − rank − 1|, or 300 for a trigram the language's list lacks, and
 * the lowest score wins (the first in franc's order on a tie). The scores are whole numbers, so
 * adding them up per trigram from an index of which languages list it (here) gives exactly
 * franc's scores: a language starts at 300 × trigrams and each trigram it lists replaces its 300.
 * `language.test.ts` checks the answers against franc's.
 */
const FRANC_MAX_CHARS = 2048;
const FRANC_MAX_DIFFERENCE = 300;

interface ScriptIndex {
  languages: string[];
  /** For each trigram: pairs of (language index, rank in that language's list). */
  postings: Map<string, number[]>;
}

let scriptIndexes: Map<string, ScriptIndex> | undefined;

function indexesOfScripts(): Map<string, ScriptIndex> {
  if (scriptIndexes) return scriptIndexes;
  scriptIndexes = new Map();
  for (const [script, models] of Object.entries(data)) {
    const languages = Object.keys(models);
    const postings = new Map<string, number[]>();
    languages.forEach((language, index) => {
      const seen = new Set<string>();
      models[language]!.split('|').forEach((trigram, rank) => {
        // franc keeps a trigram listed twice at its first rank.
        if (seen.has(trigram)) return;
        seen.add(trigram);
        const list = postings.get(trigram);
        if (list) list.push(index, rank);
        else postings.set(trigram, [index, rank]);
      });
    });
    scriptIndexes.set(script, { languages, postings });
  }
  return scriptIndexes;
}

/** franc's script expressions, in franc's order. */
const SCRIPTS = Object.entries(expressions).map(([script, expression]) => ({
  script,
  /** The expression matching one whole character (a UTF-16 unit, or a surrogate pair). */
  whole: new RegExp(`^(?:${expression.source})$`),
}));

/**
 * For each character seen, by code point, the indexes of the scripts whose expression matches it
 * (a character of no script or of one shares its list with the others).
 */
const scriptsOfChar = new Map<number, readonly number[]>();
const NO_SCRIPT: readonly number[] = [];
const ONE_SCRIPT: ReadonlyArray<readonly number[]> = SCRIPTS.map((_, i) => [i]);

function scriptsOf(code: number, char: string): readonly number[] {
  let known = scriptsOfChar.get(code);
  if (!known) {
    const found: number[] = [];
    for (let i = 0; i < SCRIPTS.length; i++) if (SCRIPTS[i]!.whole.test(char)) found.push(i);
    known = found.length === 0 ? NO_SCRIPT : found.length === 1 ? ONE_SCRIPT[found[0]!]! : found;
    scriptsOfChar.set(code, known);
  }
  return known;
}

/**
 * How many matches each script's expression has in `value` (`value.match(expression).length`),
 * in one pass. Each expression matches one character of the BMP (never a surrogate alone) or one
 * surrogate pair, so its matches are the characters of the text that it matches one by one: the
 * text is read character by character (a pair as one) and each character's scripts are looked
 * up once per process.
 */
function scriptMatchCounts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  for (let i = 0; i < value.length; i++) {
    let code = value.charCodeAt(i);
    let char: string;
    const next = code >= 0xd800 && code <= 0xdbff && i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      char = value.slice(i, i + 2);
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i++;
    } else {
      char = value[i]!;
    }
    for (const script of scriptsOf(code, char)) counts[script]!++;
  }
  return counts;
}

/** trigram-utils' trigrams of `value` (cleaned and padded as franc reads them) with their counts. */
function trigramCounts(value: string): Map<string, number> {
  const padded = ` ${trigramText(value)} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = padded.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/**
 * Each language's franc score for the trigram counts. A language's score is a sum over the
 * trigrams: their order does not matter. (A function of its own: V8 optimises this loop while the
 * first long text is read, before the code after it has run, and the caller's code then had to be
 * thrown away at the end of nearly every later call.)
 */
function trigramDistances(trigrams: Map<string, number>, index: ScriptIndex): number[] {
  const distances = new Array<number>(index.languages.length).fill(trigrams.size * FRANC_MAX_DIFFERENCE);
  for (const [trigram, count] of trigrams) {
    const list = index.postings.get(trigram);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 2) {
      distances[list[i]!]! += Math.abs(count - list[i + 1]! - 1) - FRANC_MAX_DIFFERENCE;
    }
  }
  return distances;
}

function francLanguage(value: string): string {
  let topScript: string | undefined;
  let topCount = -1;
  const matches = scriptMatchCounts(value);
  for (let i = 0; i < SCRIPTS.length; i++) {
    const count = matches[i]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      topScript = SCRIPTS[i]!.script;
    }
  }
  if (topScript === undefined) return 'und';
  const index = indexesOfScripts().get(topScript);
  if (!index) return topCount === 0 ? 'und' : topScript;
  const distances = trigramDistances(trigramCounts(value), index);
  let best = 0;
  for (let i = 1; i < distances.length; i++) if (distances[i]! < distances[best]!) best = i;
  return index.languages[best] ?? 'und';
}

/** Normalise a declared language tag: `en_US` -> `en-US`, `DE` -> `de`; null when it is not a tag. */
export function normalizeLanguageTag(value: string | null | undefined): string | null {
  if (!value) return null;
  const tag =
    value
      .trim()
      .replace(/_/g, '-')
      .split(/[,;\s]/)[0] ?? '';
  const match = /^([a-zA-Z]{2,3})(?:-([a-zA-Z0-9]{2,8}))*$/.exec(tag);
  if (!match) return null;
  const parts = tag.split('-');
  return parts
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part))
    .join('-');
}
