// Loaders for the three evaluation sets of the data directory (see its README.md). Nothing here
// copies pages anywhere: the eval reads them in place.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SETS = {
  scrapinghub: 'scrapinghub-dev',
  trafilatura: 'trafilatura-dev',
  readability: 'readability-test-pages',
  wcxb: 'wcxb-dev',
};

/** WCXB's page types, in the benchmark's order of frequency. */
export const WCXB_PAGE_TYPES = ['article', 'service', 'forum', 'listing', 'product', 'collection', 'documentation'];

/** The URL Mozilla's own test suite gives every test page. */
export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

function readJson(file) {
  const raw = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
}

/**
 * @typedef {{ id: string, file: string, url: string | null }} Page
 */

/** @returns {{ pages: Array<Page & { gold: string }> }} */
export function loadScrapinghub(dataDir) {
  const dir = join(dataDir, SETS.scrapinghub);
  const truth = readJson(join(dir, 'ground-truth.json'));
  const pages = Object.entries(truth).map(([id, entry]) => ({
    id,
    file: join(dir, 'pages', `${id}.html`),
    url: entry.url ?? null,
    gold: entry.articleBody ?? '',
  }));
  return { pages };
}

/** @returns {{ pages: Array<Page & { item: { with: string[], without: string[], comments: string[] }, lang: string | null }> }} */
export function loadTrafilatura(dataDir) {
  const dir = join(dataDir, SETS.trafilatura);
  const items = readJson(join(dir, 'eval.json'));
  const pages = items.map((it) => ({
    id: it.id,
    file: join(dir, it.page),
    url: it.url ?? null,
    lang: it.lang ?? null,
    item: { with: it.with ?? [], without: it.without ?? [], comments: it.comments ?? [] },
  }));
  return { pages };
}

/** @returns {{ pages: Array<Page & { expectedFile: string, expectedMetadata: Record<string, unknown> }> }} */
export function loadReadability(dataDir) {
  const dir = join(dataDir, SETS.readability);
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const metaFile = join(dir, name, 'expected-metadata.json');
      return {
        id: name,
        file: join(dir, name, 'source.html'),
        url: READABILITY_TEST_URL,
        expectedFile: join(dir, name, 'expected.html'),
        expectedMetadata: existsSync(metaFile) ? readJson(metaFile) : {},
      };
    });
  return { pages };
}

/**
 * WCXB (see the data README): gold main content, must/must-not snippets, the page type (the
 * reference scorer's reading: `_internal.page_type.primary`, `category` read as `collection`,
 * article when absent), the site (`domain` of metadata.json) and the gold `publish_date`.
 * @returns {{ pages: Array<Page & { gold: string, with: string[], without: string[], pageType: string, domain: string | null, publishDate: string | null }> }}
 */
export function loadWcxb(dataDir) {
  const dir = join(dataDir, SETS.wcxb);
  const meta = existsSync(join(dir, 'metadata.json')) ? (readJson(join(dir, 'metadata.json')).files ?? {}) : {};
  const gtDir = join(dir, 'ground-truth');
  const pages = [];
  for (const f of readdirSync(gtDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const id = f.slice(0, -5);
    const d = readJson(join(gtDir, f));
    const g = d.ground_truth;
    if (!g || typeof g !== 'object') continue;
    let type = d._internal?.page_type;
    type = typeof type === 'object' && type ? (type.primary ?? 'article') : typeof type === 'string' ? type : 'article';
    if (type === 'category') type = 'collection';
    pages.push({
      id,
      file: join(dir, 'pages', `${id}.html.gz`),
      url: d.url ?? null,
      gold: g.main_content ?? '',
      with: g.with ?? [],
      without: g.without ?? [],
      pageType: type,
      domain: meta[id]?.domain ?? null,
      publishDate: typeof g.publish_date === 'string' && g.publish_date.trim() !== '' ? g.publish_date.trim() : null,
    });
  }
  return { pages };
}

/** Which sets of a data directory are present. */
export function availableSets(dataDir) {
  return Object.entries(SETS)
    .filter(([, dir]) => existsSync(join(dataDir, dir)))
    .map(([name]) => name);
}
