import { franc } from 'franc';

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
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const code = franc(sample, { minLength: 80 });
  if (code === 'und') return null;
  return TO_639_1[code] ?? code;
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
