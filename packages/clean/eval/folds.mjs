// Site-grouped cross-validation folds for `pnpm eval --cv` and for every training script
// (`pnpm train`): a page's fold is a pure function of its site, so
//   - no site is ever split between training and test (pages of one site share templates and
//     boilerplate; a page-level split would measure memorised templates, not generalisation);
//   - the same site lands in the same fold in every set (a news site present in two sets is never
//     trained on in one and tested in the other);
//   - the split is deterministic (no random seed, no dependence on page order or set size) and
//     can be recomputed by any script from the site alone.
// A site is the registrable domain of the page: WCXB gives one per page (`domain`); for the other
// sets it is taken from the page URL's host. Pure functions, no I/O.

import { createHash } from 'node:crypto';

/** Default number of folds. */
export const DEFAULT_FOLDS = 5;

// Second-level labels under a two-letter country code that act as public suffixes
// (bbc.co.uk, abc.net.au, asahi.co.jp ...). A small list is enough to group pages by site: a
// miss only merges a few sites into one group, which is the safe direction.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gv', 'mil', 'nic']);

/**
 * The site of a host name or URL: its registrable domain, lower case, without `www.`.
 * `https://edition.cnn.com/x` -> `cnn.com`, `news.bbc.co.uk` -> `bbc.co.uk`.
 * Returns '' when nothing host-like can be read.
 * @param {string | null | undefined} hostOrUrl
 */
export function siteOf(hostOrUrl) {
  if (!hostOrUrl) return '';
  let host = String(hostOrUrl).trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  host = host.replace(/[/?#:].*$/, '').replace(/\.$/, '');
  if (!host) return '';
  if (/^\d+(\.\d+){3}$/.test(host) || host.includes('[')) return host;
  const labels = host.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const keep = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * The fold (0 .. k-1) of a site: the first 8 hex digits of SHA-256(site) modulo k.
 * @param {string} site as returned by siteOf()
 * @param {number} [k]
 */
export function foldOfSite(site, k = DEFAULT_FOLDS) {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds: k must be an integer >= 2, got ${k}`);
  const h = createHash('sha256').update(site).digest();
  return h.readUInt32BE(0) % k;
}

/**
 * Assign folds to pages.
 * @template T
 * @param {T[]} pages
 * @param {(page: T) => string} siteKey the page's site, e.g. `(p) => siteOf(p.url)`
 * @param {number} [k]
 * @returns {number[]} fold of each page, in page order
 */
export function assignFolds(pages, siteKey, k = DEFAULT_FOLDS) {
  return pages.map((p) => foldOfSite(siteKey(p), k));
}

/**
 * The k (train, test) splits of a page list, test = one fold, train = the others.
 * @template T
 * @param {T[]} pages
 * @param {(page: T) => string} siteKey
 * @param {number} [k]
 * @returns {Array<{ fold: number, train: T[], test: T[] }>}
 */
export function splitByFold(pages, siteKey, k = DEFAULT_FOLDS) {
  const folds = assignFolds(pages, siteKey, k);
  return Array.from({ length: k }, (_, fold) => ({
    fold,
    train: pages.filter((_, i) => folds[i] !== fold),
    test: pages.filter((_, i) => folds[i] === fold),
  }));
}

/**
 * The site of a page of one of the evaluation sets as loaded by data.mjs: WCXB's `domain` when
 * present, else the page URL's host; a page with neither is its own site (its id).
 * @param {{ id: string, url?: string | null, domain?: string | null }} page
 */
export function pageSite(page) {
  return siteOf(page.domain) || siteOf(page.url) || `page:${page.id}`;
}

/**
 * The training weight of each page: one over the number of its site's pages, so that every site
 * weighs as one page (a shop of thirteen look-alike product pages does not outvote thirteen
 * sites; the held-out pages are of other sites).
 * @param {Array<{ id: string, url?: string | null, domain?: string | null }>} pages
 * @returns {number[]} weight of each page, in page order
 */
export function siteWeights(pages) {
  const sites = pages.map(pageSite);
  const count = new Map();
  for (const site of sites) count.set(site, (count.get(site) ?? 0) + 1);
  return sites.map((site) => 1 / count.get(site));
}
