// Loaders for the three evaluation sets of the data directory (see its README.md). Nothing here
// copies pages anywhere: the eval reads them in place.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SETS = {
  scrapinghub: 'scrapinghub-dev',
  trafilatura: 'trafilatura-dev',
  readability: 'readability-test-pages',
};

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

/** Which sets of a data directory are present. */
export function availableSets(dataDir) {
  return Object.entries(SETS)
    .filter(([, dir]) => existsSync(join(dataDir, dir)))
    .map(([name]) => name);
}
