#!/usr/bin/env node
// `pnpm train pagetype`: train the page-type model (multinomial logistic regression over the
// page features of src/features/page.ts) on the development pages of the data directory, and
// write it to src/page-type-model.json. The pages are read in place and never copied; only the
// weights are written.
//
// Data: WCXB (seven page types, labelled per page) plus the scrapinghub pages (all news
// articles). `--cv` reports accuracy cross-validated by site (eval/folds.mjs) before training
// on everything. The result is deterministic: same pages and features, same weights.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScrapinghub, loadWcxb, SETS } from '../eval/data.mjs';
import { DEFAULT_FOLDS, assignFolds, pageSite, siteWeights } from '../eval/folds.mjs';
import { ForkPool } from '../eval/pool.mjs';
import { loadCleaner, snapshotCleaner } from '../eval/systems.mjs';
import { softmaxPredict, trainSoftmax } from './softmax.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
export const MODEL_FILE = join(here, '../src/page-type-model.json');
export const PAGE_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'];
/**
 * L2 strength and iterations: chosen by site-grouped CV on the development pages, and checked
 * again on the 237 features the cleaner computes now (WCXB type accuracy, mean of the five site
 * folds, 0.881 with these): l2 0.01 0.877, 0.1 0.869, 0.3 0.842; 800 iterations give the same
 * figures as 400. Leaving out any one group of features (text, tag counts, repeats, groups,
 * words, class groups, JSON-LD, og:type, generator, URL shape, URL words, structure, chrome,
 * prose, layout) loses 0.001 to 0.012, and weighing the types equally loses 0.018: the held-out
 * error is not in a setting of this model. WCXB has 1,096 sites for its 1,310 pages, so the gap
 * to the accuracy on the training pages (0.95) is mostly unseen pages, not unseen templates.
 *
 * Why not gradient-boosted trees (the model rs-trafilatura pairs with its rules): a deterministic
 * second-order softmax booster (shallow trees on histogram cut points, site weights, L2 on the
 * leaves) was tried on the same features and folds and scored 0.850 to 0.863 (depth 2 to 4,
 * 150 to 500 rounds, learning rate 0.03 to 0.1, with and without a seeded share of the columns
 * per tree), with a worse log loss (0.43 to 0.50 against 0.39) and one or two scrapinghub
 * articles typed as other pages; mixing its probabilities with this model's gave 0.876 to
 * 0.886, within the spread of the folds. No JavaScript trainer on npm fitted: the ones found
 * had no working softmax objective, or were a WebAssembly build of an old XGBoost without row
 * weights or a readable tree format.
 *
 * Card signals (features/groups.ts): a date, a byline, a teaser, a buy control on the items of
 * the three linked groups with the most text, and the share of the page's cards that show a
 * price, took the accuracy from 0.881 to 0.884 (two folds up, none down; with ten site folds
 * 0.876 to 0.880, four up, none down). More signals over the single main card group (its
 * share of the text, its item count, link density, ratings, images, headings, the same
 * signals over one group instead of all cards) lost 0.005 to 0.008: beyond the price, what a
 * page's cards hold says little the other features do not, and WCXB types many shop category
 * pages as listings.
 *
 * Dates along the page's own text (features/prose.ts: per 1,000 words, count, distinct, spread
 * over its tenths, first position) and microformats posts (hentry, h-entry) took the same
 * five-fold measure from 0.884 to 0.889 (folds 0.888 0.895 0.878 0.890 0.889: four up, none
 * down). A date shows on 75% of articles and 85% of threads but on 20% of service pages and
 * 21% of collections; service pages typed as articles went from 24 to 22. Tried on the same
 * folds and left out (each added to the features before these): JSON-LD counted per object
 * (Product once or many, ItemList, ListItem outside a BreadcrumbList) 0.877, microdata counted
 * the same way 0.881, the share of sentences that ask or open on an imperative verb 0.883,
 * headings that ask 0.883, URL shape (trailing slash, page number, last segment's length and
 * digits) 0.886 with one fold down 0.012.
 */
export const TRAIN_OPTIONS = { l2: 0.03, iterations: 400, learningRate: 0.05 };

/**
 * Labelled pages: WCXB with its page type, scrapinghub pages as articles.
 * @returns {Array<{ set: string, id: string, file: string, url: string | null, domain?: string | null, label: string }>}
 */
export function labelledPages(dataDir) {
  const pages = [];
  if (existsSync(join(dataDir, SETS.wcxb))) {
    for (const p of loadWcxb(dataDir).pages)
      pages.push({ set: 'wcxb', id: p.id, file: p.file, url: p.url, domain: p.domain, label: p.pageType });
  }
  if (existsSync(join(dataDir, SETS.scrapinghub))) {
    for (const p of loadScrapinghub(dataDir).pages)
      pages.push({ set: 'scrapinghub', id: p.id, file: p.file, url: p.url, label: 'article' });
  }
  return pages;
}

/**
 * What the page-type model reads of each page (`pageTypeInputs` of the built cleaner, through
 * the eval's fork pool, cached per build of the code that computes it): `{ features, words }`
 * per page (the words it names itself with, for the learned vocabulary), null when it failed.
 */
export async function pageInputRows({ pages, cacheDir, jobs = 2, log = () => {}, snapshotHash }) {
  // Inside `pnpm eval --cv` the eval has taken its snapshot of the build already: use it.
  const snapshot = snapshotHash ? { hash: snapshotHash, cleanup: () => {} } : snapshotCleaner();
  try {
    const cleaner = await loadCleaner();
    if (!cleaner.clean) throw new Error(`the built cleaner is not available (${cleaner.reason}); run pnpm build`);
    const file = join(cacheDir, `page-inputs-${featureCodeHash()}.json`);
    const cache = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    const key = (p) => `${p.set}/${p.id}`;
    const missing = pages.filter((p) => !cache[key(p)]);
    if (missing.length) {
      log(`page features: ${missing.length} pages to read (${pages.length - missing.length} cached)`);
      const pool = new ForkPool({
        script: join(here, '../eval/worker.mjs'),
        size: jobs,
        timeoutMs: 120_000,
        recycleAfter: 100,
        maxRssMb: 1500,
      });
      let done = 0;
      await Promise.all(
        missing.map((p) =>
          pool.run({ kind: 'page-features', file: p.file, url: p.url }).then((o) => {
            if (o.ok) cache[key(p)] = o.result;
            else log(`page features: ${key(p)} failed (${o.error}); left out`);
            if (++done % 200 === 0) log(`page features: ${done}/${missing.length}`);
          }),
        ),
      );
      await pool.close();
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(cache));
      renameSync(`${file}.tmp`, file);
    }
    return pages.map((p) => cache[key(p)] ?? null);
  } finally {
    snapshot.cleanup();
  }
}

/**
 * Hash of the built code that computes the features: the page-type module and every module of
 * the package it imports, directly or not (the features, decoding and parsing, the metadata that
 * gives a page without a URL its canonical one), and the built `@corpuskit/document` they call
 * for word counts and hosts, the versions of the packages those modules import (the DOM
 * libraries, Readability, the language detector, the decoder, …) and the patches applied to them.
 * The feature cache stays valid across rebuilds of unrelated modules.
 */
export function featureCodeHash() {
  const dist = join(here, '../dist');
  const hash = createHash('sha256');
  const { modules, packages } = importedModules(dist, 'page-type.js');
  for (const f of [...modules].sort()) hash.update(f).update(readFileSync(join(dist, f)));
  const require = createRequire(join(here, '../package.json'));
  const documentDist = dirname(require.resolve('@corpuskit/document'));
  for (const f of readdirSync(documentDist)
    .filter((name) => name.endsWith('.js'))
    .sort())
    hash.update(`document/${f}`).update(readFileSync(join(documentDist, f)));
  // The features are computed with these packages (the trees the DOM libraries build, the
  // detected language, …): their versions and our patches.
  for (const name of [...packages].sort()) {
    if (name !== '@corpuskit/document') hash.update(`${name}@${packageVersion(name)}`);
  }
  const patches = join(here, '../../../patches');
  for (const f of readdirSync(patches).sort()) hash.update(`patches/${f}`).update(readFileSync(join(patches, f)));
  return hash.digest('hex').slice(0, 12);
}

/**
 * `entry` and the built modules of `dist` it imports by relative path, directly or not, and the
 * packages those modules import (Node's own modules left out).
 */
function importedModules(dist, entry) {
  const modules = new Set([entry]);
  const packages = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const specifier = m[1];
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
        continue;
      }
      if (!specifier.endsWith('.js')) continue;
      const target = relative(dist, resolve(dist, dirname(file), specifier));
      if (!modules.has(target)) {
        modules.add(target);
        queue.push(target);
      }
    }
  }
  return { modules, packages };
}

/** The installed version of a package the cleaner imports (found from its entry point). */
function packageVersion(name) {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (json.name === name) return json.version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json of ${name} above its entry point`);
    dir = parent;
  }
}

/**
 * Shrinkage of the cleaning gain: each measured mean is pulled towards GAIN_PRIOR as if
 * GAIN_STRENGTH more pages had shown it (few pages of one type are measured as another).
 */
export const GAIN_PRIOR = -0.1;
export const GAIN_STRENGTH = 30;

/**
 * A page x type table: WCXB page id -> { out: { [type]: { f1 } } }, the page's word F1 when
 * cleaned as each type it was cleaned as (train/cleaning-table.mjs writes one).
 */
export function readCleaningTable(file) {
  const table = JSON.parse(readFileSync(file, 'utf8'));
  if (!table || typeof table !== 'object') throw new Error(`${file}: not a page x type table`);
  return table;
}

/**
 * The cleaning gain of page-type-rules.ts from a page x type table: for pages of type t that
 * were also cleaned as c, the mean of F1(as c) - F1(as t), shrunk towards GAIN_PRIOR; 0 for c = t.
 * @param {Array<{ id: string, label: string }>} pages the labelled WCXB pages to learn from
 */
export function cleaningGain(table, pages) {
  const sum = Object.fromEntries(PAGE_TYPES.map((t) => [t, Object.fromEntries(PAGE_TYPES.map((c) => [c, [0, 0]]))]));
  for (const page of pages) {
    const out = table[page.id]?.out;
    const own = out?.[page.label]?.f1;
    if (typeof own !== 'number') continue;
    for (const c of PAGE_TYPES) {
      const f1 = out[c]?.f1;
      if (c === page.label || typeof f1 !== 'number') continue;
      sum[page.label][c][0] += f1 - own;
      sum[page.label][c][1]++;
    }
  }
  const round = (x) => Math.round(x * 10000) / 10000;
  return Object.fromEntries(
    PAGE_TYPES.map((t) => [
      t,
      Object.fromEntries(
        PAGE_TYPES.map((c) => {
          const [s, n] = sum[t][c];
          return [c, c === t ? 0 : round((s + GAIN_STRENGTH * GAIN_PRIOR) / (n + GAIN_STRENGTH))];
        }),
      ),
    ]),
  );
}

/**
 * Train one model on rows of (features, label), each row weighted by `rowWeights` (every site as
 * one page: `siteWeights` of the rows' pages); returns the model object of page-type.ts.
 */
export function trainModel(rows, labels, featureNames, rowWeights, options = TRAIN_OPTIONS) {
  const y = labels.map((l) => PAGE_TYPES.indexOf(l));
  const { mean, scale, weights, bias } = trainSoftmax(rows, y, PAGE_TYPES.length, options, rowWeights);
  return {
    kind: 'page-type/logistic',
    features: featureNames,
    types: PAGE_TYPES,
    mean,
    scale,
    weights,
    bias,
  };
}

let cleaner = null;

/**
 * The built cleaner's (or the eval snapshot's) module, imported once: a snapshot the features
 * were read with is removed after reading them.
 */
async function cleanerModule() {
  const snapshot = process.env.CORPUSKIT_EVAL_CLEANER;
  cleaner ??= import(snapshot ? pathToFileURL(snapshot).href : '@corpuskit/clean');
  return cleaner;
}

async function featureNames() {
  return [...(await cleanerModule()).PAGE_FEATURE_NAMES];
}

/** Rows, words, labels and folds of every labelled page with features. */
export async function dataset({ dataDir, folds, cacheDir, jobs, log, snapshotHash }) {
  const pages = labelledPages(dataDir);
  if (pages.length === 0) throw new Error(`no WCXB or scrapinghub pages in ${dataDir}`);
  const inputs = await pageInputRows({ pages, cacheDir, jobs, log, snapshotHash });
  const foldOf = assignFolds(pages, pageSite, folds);
  const keep = pages.map((_, i) => inputs[i] !== null);
  return {
    pages: pages.filter((_, i) => keep[i]),
    rows: inputs.filter((_, i) => keep[i]).map((r) => r.features),
    words: inputs.filter((_, i) => keep[i]).map((r) => r.words),
    folds: foldOf.filter((_, i) => keep[i]),
  };
}

/**
 * The learned vocabulary (page-type.ts `PageTypeWords`): naive Bayes over which words a page
 * shows, every site weighing as one page. A word is kept when pages of at least `minSites`
 * sites show it (fewer would let the model learn a site's template instead of a kind of page);
 * its weight for a type is the log-odds of a page of that type showing it, the counts smoothed
 * by `prior` sites towards even odds (one site each way: a word seen on a few sites of one type
 * is not taken for a sure sign of it).
 *
 * Tried under the same five site folds (the scores stacked on the page features, each fold's
 * scores from a vocabulary learned without that fold; WCXB type accuracy, 1,310 pages): without
 * words 0.888 (1,164 pages right; folds 0.888 0.895 0.878 0.890 0.889); words of the URL path,
 * title, headings and buttons kept from 5 sites, prior 1: 0.898 (1,176; folds 0.888 0.906
 * 0.906 0.898 0.889: three up, none down; log loss 0.387 -> 0.347); prior 0.05 0.894 (1,172),
 * 0.5 0.895 (1,173), 2 0.895 (1,173); from 7 sites 0.894, from 10 sites 0.892; the 1,500 or
 * 800 words with the largest spread of weights times log sites 0.893 and 0.891 (so the
 * vocabulary is kept whole); the URL path and title alone 0.887.
 *
 * Tried after it on the same folds (1,176 pages right with these options; none typed more; the
 * new places read from the saved markup for the trial):
 * more places as words of this vocabulary — the schema.org types of JSON-LD, itemtype and
 * og:type (each also marked when it shows twice or more) 1,175, rel values 1,171, link texts
 * 1,168; the same places as a second vocabulary with its own seven scores — schema.org types
 * and itemprop names 1,176, link texts 1,173 to 1,175, paragraph words 1,173, form labels and
 * options 1,176, minor headings 1,174 (their log loss falls from 0.347 to as low as 0.332, but
 * the most probable type stays); the model's L2 0.02 1,170, 0.05 1,174, 0.1 1,164, and 200
 * iterations instead of 400 the same types; the URL-word features left out (the vocabulary reads
 * the URL's words too) 1,172; the card count times the share of cards with a price 1,175; rows
 * weighted one per page 1,174, or by the square root of the site weight 1,171; an offset per type
 * added to the log probabilities, chosen on the other four folds, 1,173.
 */
export const WORD_OPTIONS = { minSites: 5, prior: 1 };

/**
 * @param {string[][]} words each page's words
 * @param {string[]} labels
 * @param {string[]} sites each page's site (pageSite)
 * @param {number[]} rowWeights
 */
export function trainWords(words, labels, sites, rowWeights, options = WORD_OPTIONS) {
  const sitesOf = new Map();
  words.forEach((list, i) => {
    for (const w of new Set(list)) {
      let s = sitesOf.get(w);
      if (!s) sitesOf.set(w, (s = new Set()));
      s.add(sites[i]);
    }
  });
  const vocabulary = [...sitesOf]
    .filter(([, s]) => s.size >= options.minSites)
    .map(([w]) => w)
    .sort();
  const index = new Map(vocabulary.map((w, j) => [w, j]));
  const counts = PAGE_TYPES.map(() => new Float64Array(vocabulary.length));
  const totals = new Float64Array(PAGE_TYPES.length);
  words.forEach((list, i) => {
    const t = PAGE_TYPES.indexOf(labels[i]);
    totals[t] += rowWeights[i];
    for (const w of new Set(list)) {
      const j = index.get(w);
      if (j !== undefined) counts[t][j] += rowWeights[i];
    }
  });
  const weights = counts.map((row, t) =>
    Array.from(row, (n) => {
      const p = (n + options.prior) / (totals[t] + 2 * options.prior);
      return Math.log(p) - Math.log(1 - p);
    }),
  );
  return { vocabulary, weights };
}

/**
 * The page-type model with its learned vocabulary, trained on the pages `train` (indexes into
 * `data`): the vocabulary from those pages; the logistic model on their features and word
 * scores, each page's scores from a vocabulary learned without its own fold (its site never
 * seen), as the scores of a new page are.
 */
export async function trainStacked(data, train, names, options = TRAIN_OPTIONS) {
  const { wordScores, WORD_SCORE_NAMES } = await cleanerModule();
  const sites = data.pages.map((p) => pageSite(p));
  const learn = (idx) =>
    trainWords(
      idx.map((i) => data.words[i]),
      idx.map((i) => data.pages[i].label),
      idx.map((i) => sites[i]),
      siteWeights(idx.map((i) => data.pages[i])),
    );
  const scores = new Map();
  for (const g of [...new Set(train.map((i) => data.folds[i]))].sort((a, b) => a - b)) {
    const words = learn(train.filter((i) => data.folds[i] !== g));
    for (const i of train) if (data.folds[i] === g) scores.set(i, wordScores(words, data.words[i]));
  }
  const model = trainModel(
    train.map((i) => [...data.rows[i], ...scores.get(i)]),
    train.map((i) => data.pages[i].label),
    [...names, ...WORD_SCORE_NAMES],
    siteWeights(train.map((i) => data.pages[i])),
    options,
  );
  model.words = learn(train);
  return { model, wordScores };
}

/**
 * One model per fold, each trained on the pages of the other folds, written to
 * `cacheDir/page-type-models/`. For `pnpm eval --cv`.
 * @returns {Promise<Array<{ fold: number, file: string, hash: string }>>}
 */
export async function trainFoldModels({
  dataDir,
  folds = DEFAULT_FOLDS,
  cacheDir,
  jobs = 2,
  log = () => {},
  snapshotHash,
  cleaningTable = null,
}) {
  const table = cleaningTable ? readCleaningTable(cleaningTable) : null;
  const bundledGain = existsSync(MODEL_FILE) ? JSON.parse(readFileSync(MODEL_FILE, 'utf8')).cleaningGain : undefined;
  const names = await featureNames();
  const data = await dataset({ dataDir, folds, cacheDir, jobs, log, snapshotHash });
  const out = [];
  for (let f = 0; f < folds; f++) {
    const idx = data.rows.map((_, i) => i).filter((i) => data.folds[i] !== f);
    const { model } = await trainStacked(data, idx, names);
    // The gain from the other folds' pages only, like the weights; without a table, the
    // bundled model's (learned on every page).
    if (table)
      model.cleaningGain = cleaningGain(
        table,
        idx.map((i) => data.pages[i]).filter((p) => p.set === 'wcxb'),
      );
    else if (bundledGain) model.cleaningGain = bundledGain;
    const json = JSON.stringify(model);
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12);
    const file = join(cacheDir, 'page-type-models', `fold-${f}-of-${folds}-${hash}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
    out.push({ fold: f, file, hash });
  }
  log(`page-type models trained for ${folds} folds${table ? ', with cleaning gains' : ''}`);
  return out;
}

/**
 * Every page's type probabilities (PAGE_TYPES order) from the model trained without its fold,
 * as `pnpm eval --cv` types it (the same folds and training).
 */
export async function outOfFoldProbabilities(data, names, folds, options = TRAIN_OPTIONS) {
  const probabilities = new Array(data.rows.length);
  for (let f = 0; f < folds; f++) {
    const train = data.rows.map((_, i) => i).filter((i) => data.folds[i] !== f);
    const { model, wordScores } = await trainStacked(data, train, names, options);
    data.rows.forEach((row, i) => {
      if (data.folds[i] === f)
        probabilities[i] = softmaxPredict(model, [...row, ...wordScores(model.words, data.words[i])]);
    });
  }
  return probabilities;
}

/** Site-grouped CV accuracy of the trainer, overall and per WCXB type. */
export async function crossValidate(data, names, folds, options = TRAIN_OPTIONS) {
  const predicted = (await outOfFoldProbabilities(data, names, folds, options)).map((p) => {
    let best = 0;
    for (let t = 1; t < p.length; t++) if (p[t] > p[best]) best = t;
    return PAGE_TYPES[best];
  });
  const wcxb = data.pages.map((p, i) => i).filter((i) => data.pages[i].set === 'wcxb');
  const perFold = [];
  for (let f = 0; f < folds; f++) {
    const ids = wcxb.filter((i) => data.folds[i] === f);
    perFold.push(ids.filter((i) => predicted[i] === data.pages[i].label).length / Math.max(1, ids.length));
  }
  const perType = {};
  for (const i of wcxb) {
    const e = (perType[data.pages[i].label] ??= { pages: 0, right: 0 });
    e.pages++;
    if (predicted[i] === data.pages[i].label) e.right++;
  }
  const accuracy = wcxb.filter((i) => predicted[i] === data.pages[i].label).length / Math.max(1, wcxb.length);
  const sh = data.pages.map((_, i) => i).filter((i) => data.pages[i].set === 'scrapinghub');
  const shAccuracy = sh.filter((i) => predicted[i] === 'article').length / Math.max(1, sh.length);
  return { accuracy, perFold, perType, scrapinghubArticles: shAccuracy, predicted };
}

async function main(argv) {
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  const { values: args } = parseArgs({
    args: argv,
    // `pnpm train all` passes every trainer the same arguments: ignore the others' options.
    strict: false,
    options: {
      write: { type: 'boolean', default: false },
      data: { type: 'string' },
      cv: { type: 'boolean', default: false },
      folds: { type: 'string', default: String(DEFAULT_FOLDS) },
      jobs: { type: 'string', default: '2' },
      cache: { type: 'string' },
      'cleaning-table': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (args.help) {
    process.stdout.write(
      'usage: pnpm train pagetype [--data DIR] [--cv] [--folds K] [--jobs N] [--cache DIR] [--cleaning-table FILE] [--write]\n' +
        '  trains the page-type model on WCXB + scrapinghub dev pages\n' +
        '  --cleaning-table FILE  a page x type table (train/cleaning-table.mjs): adds the cleaning gain\n' +
        '  --cv     print accuracy cross-validated by site first\n  --write  rewrite packages/clean/src/page-type-model.json\n',
    );
    return 0;
  }
  const fromUser = (p) => (isAbsolute(p) ? p : resolve(userCwd, p));
  const dataDir = args.data ? fromUser(args.data) : resolve(repoRoot, '../shared/data');
  const cacheDir = args.cache ? fromUser(args.cache) : join(repoRoot, 'node_modules/.cache/corpuskit-eval');
  const folds = Number(args.folds);
  const jobs = Number(args.jobs);
  const log = (m) => process.stderr.write(`train pagetype: ${m}\n`);
  if (!existsSync(dataDir)) {
    log(`no data directory ${dataDir}; pass --data DIR`);
    return 2;
  }
  const names = await featureNames();
  const data = await dataset({ dataDir, folds, cacheDir, jobs, log });
  log(`${data.rows.length} pages, ${names.length} features`);
  let cv = null;
  if (args.cv) {
    cv = await crossValidate(data, names, folds);
    const f3 = (x) => x.toFixed(3);
    process.stdout.write(
      `page-type accuracy on WCXB, ${folds} folds by site: ${f3(cv.accuracy)} (per fold ${cv.perFold.map(f3).join(' ')}); scrapinghub pages typed article: ${f3(cv.scrapinghubArticles)}\n`,
    );
    for (const [t, e] of Object.entries(cv.perType))
      process.stdout.write(`  ${t.padEnd(14)} ${f3(e.right / e.pages)} of ${e.pages}\n`);
  }
  const { model } = await trainStacked(
    data,
    data.rows.map((_, i) => i),
    names,
  );
  if (args['cleaning-table']) {
    const table = readCleaningTable(fromUser(args['cleaning-table']));
    model.cleaningGain = cleaningGain(
      table,
      data.pages.filter((p) => p.set === 'wcxb'),
    );
  }
  const counts = {};
  for (const p of data.pages) counts[`${p.set}:${p.label}`] = (counts[`${p.set}:${p.label}`] ?? 0) + 1;
  model.training = {
    pages: counts,
    options: TRAIN_OPTIONS,
    words: { ...WORD_OPTIONS, vocabulary: model.words.vocabulary.length },
    // Each site weighs as one page (siteWeights), whatever its number of pages.
    rowWeights: 'one per site',
    ...(model.cleaningGain ? { cleaningGain: { prior: GAIN_PRIOR, strength: GAIN_STRENGTH } } : {}),
    ...(cv ? { cvAccuracyWcxb: +cv.accuracy.toFixed(4), folds } : {}),
  };
  if (args.write) {
    writeFileSync(MODEL_FILE, `${JSON.stringify(roundModel(model))}\n`);
    process.stdout.write(`model written to ${MODEL_FILE}\n`);
  } else {
    process.stdout.write('model not written (pass --write to rewrite the checked-in weights)\n');
  }
  return 0;
}

/**
 * Weights rounded to 6 significant digits, the vocabulary's (thousands of words, summed then
 * scaled) to 4: a smaller file, the same decisions.
 */
function roundModel(model) {
  const r = (x) => Number(x.toPrecision(6));
  const r4 = (x) => Number(x.toPrecision(4));
  return {
    ...model,
    mean: model.mean.map(r),
    scale: model.scale.map(r),
    weights: model.weights.map((w) => w.map(r)),
    bias: model.bias.map(r),
    ...(model.words
      ? { words: { vocabulary: model.words.vocabulary, weights: model.words.weights.map((w) => w.map(r4)) } }
      : {}),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`train pagetype: ${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}

export { main };
