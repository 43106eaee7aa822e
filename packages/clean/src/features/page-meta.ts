/**
 * Page features read from the head and the URL (features/page.ts): JSON-LD `@type` groups,
 * og:type, the generator `<meta>`, and the URL's shape and path words.
 */

import { tryCanonicalizeUrl } from '@corpuskit/document';

import { GENERATOR_GROUPS, LD_GROUPS, OG_TYPES, URL_VOCAB } from './vocab.js';

export const URL_FEATURES = [
  'url-depth',
  'url-home',
  'url-date',
  'url-numeric-segment',
  'url-long-numeric',
  'url-html-ext',
  'url-query',
  'url-last-words',
  'url-last-hyphens',
  'url-subdomain-forum',
  'url-subdomain-docs',
  'url-subdomain-shop',
] as const;

const DATE_IN_PATH = /\/(?:19|20)\d\d(?:[/-](?:0?[1-9]|1[0-2]))?(?:[/-]|$)/;

const URL_INDEX = new Map<string, number>(URL_VOCAB.map((t, i) => [t, i]));

export function ldFeatures(scripts: string[]): number[] {
  const out = new Array<number>(LD_GROUPS.length).fill(0);
  for (const raw of scripts) {
    const types: string[] = [];
    for (const m of raw.matchAll(/"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g)) {
      for (const t of m[1]!.matchAll(/"([^"]+)"/g)) types.push(t[1]!.replace(/^.*[/#]/, '').toLowerCase());
    }
    for (const t of types) {
      LD_GROUPS.forEach(([, re], i) => {
        if (re.test(t)) out[i] = 1;
      });
    }
  }
  return out;
}

function metaContent(metas: Element[], names: string[]): string {
  for (const meta of metas) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (names.includes(key)) return (meta.getAttribute('content') ?? '').toLowerCase().trim();
  }
  return '';
}

export function ogFeatures(metas: Element[]): number[] {
  const og = metaContent(metas, ['og:type']);
  return OG_TYPES.map((t) => (og === t || og.startsWith(`${t}.`) || og.startsWith(`${t}:`) ? 1 : 0));
}

export function generatorFeatures(metas: Element[]): number[] {
  const generator = metaContent(metas, ['generator']);
  return GENERATOR_GROUPS.map(([, re]) => (generator && re.test(generator) ? 1 : 0));
}

/**
 * The URL features of `url`, read from its document id (`tryCanonicalizeUrl`): a campaign or
 * click tag (`utm_source`, `fbclid`, ...) says how a reader came to the page, not what kind of
 * page it is, and must not turn on `url-query`. A URL that has no document id (not http(s)) is
 * read as it is.
 */
export function urlFeatures(url: string | null): number[] {
  const fixed = new Array<number>(URL_FEATURES.length).fill(0);
  const vocab = new Array<number>(URL_VOCAB.length).fill(0);
  let parsed: URL | null;
  try {
    parsed = url ? new URL(tryCanonicalizeUrl(url) ?? url) : null;
  } catch {
    parsed = null;
  }
  if (parsed) {
    const path = decodeURIComponentSafe(parsed.pathname).toLowerCase();
    const segments = path.split('/').filter(Boolean);
    const last = segments[segments.length - 1] ?? '';
    const host = parsed.hostname.toLowerCase();
    const sub = host.split('.').slice(0, -2).join('.');
    fixed[0] = Math.min(8, segments.length) / 4;
    fixed[1] = segments.length === 0 ? 1 : 0;
    fixed[2] = DATE_IN_PATH.test(path) ? 1 : 0;
    fixed[3] = segments.some((s) => /^\d+$/.test(s)) ? 1 : 0;
    fixed[4] = /\d{5,}/.test(path) ? 1 : 0;
    fixed[5] = /\.(?:s?html?|php|aspx?|jsp)$/.test(last) ? 1 : 0;
    fixed[6] = parsed.search.length > 1 ? 1 : 0;
    fixed[7] = Math.min(20, last.split(/[-_.]+/).filter((w) => /\p{L}/u.test(w)).length) / 10;
    fixed[8] = Math.min(20, (last.match(/-/g) ?? []).length) / 10;
    fixed[9] = /(?:^|\.)(?:forums?|community|discuss|discussions|board|boards|talk)(?:\.|$)/.test(sub) ? 1 : 0;
    fixed[10] = /(?:^|\.)(?:docs?|developers?|dev|api|learn|help|support|wiki|kb)(?:\.|$)/.test(sub) ? 1 : 0;
    fixed[11] = /(?:^|\.)(?:shop|store)(?:\.|$)/.test(sub) ? 1 : 0;
    for (const segment of segments) {
      for (const word of segment.split(/[^\p{L}\p{N}]+/u)) {
        if (!word) continue;
        const v = URL_INDEX.get(word);
        if (v !== undefined) vocab[v] = 1;
      }
    }
  }
  return [...fixed, ...vocab];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
