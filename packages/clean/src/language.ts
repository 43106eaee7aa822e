import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { asTuples } from 'trigram-utils';

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

function francLanguage(value: string): string {
  let topScript: string | undefined;
  let topCount = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      topScript = script;
    }
  }
  if (topScript === undefined) return 'und';
  const index = indexesOfScripts().get(topScript);
  if (!index) return topCount === 0 ? 'und' : topScript;
  const trigrams = asTuples(value);
  const distances = new Array<number>(index.languages.length).fill(trigrams.length * FRANC_MAX_DIFFERENCE);
  for (const [trigram, count] of trigrams) {
    const list = index.postings.get(trigram);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 2) {
      distances[list[i]!]! += Math.abs(count - list[i + 1]! - 1) - FRANC_MAX_DIFFERENCE;
    }
  }
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
