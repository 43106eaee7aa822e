#!/usr/bin/env node
// The page x type table behind the page-type model's cleaning gain: every WCXB development page
// cleaned (linkedom, the built cleaner) as its labelled type, as an article, and as the two types
// a model trained without its site finds most probable (`--all-types`: as every type), each
// cleaning scored with the eval's WCXB word F1. Written as JSON, page id -> { out: { [type]:
// { f1 } } }: numbers only, no page text. `pnpm train pagetype --cleaning-table FILE` turns it into
// the gain; `pnpm eval --cv --cleaning-table FILE` learns it per fold.
//
//   node packages/clean/train/cleaning-table.mjs --data DIR --out FILE [--all-types] [--limit N]

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadWcxb } from '../eval/data.mjs';
import { DEFAULT_FOLDS } from '../eval/folds.mjs';
import { wcxbPage } from '../eval/metrics.mjs';
import { ForkPool } from '../eval/pool.mjs';
import { snapshotCleaner } from '../eval/systems.mjs';
import { PAGE_TYPES, dataset, outOfFoldProbabilities } from './pagetype.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    cache: { type: 'string' },
    'all-types': { type: 'boolean', default: false },
    limit: { type: 'string' },
    jobs: { type: 'string', default: '2' },
  },
});
const userCwd = process.env.INIT_CWD ?? process.cwd();
const fromUser = (p) => (isAbsolute(p) ? p : resolve(userCwd, p));
if (!args.out) {
  process.stderr.write('cleaning-table: --out FILE is required\n');
  process.exit(2);
}
const dataDir = args.data ? fromUser(args.data) : resolve(repoRoot, '../shared/data');
const cacheDir = args.cache ? fromUser(args.cache) : join(repoRoot, 'node_modules/.cache/corpuskit-eval');
const outFile = fromUser(args.out);
const log = (m) => process.stderr.write(`cleaning-table: ${m}\n`);

// The types each page is cleaned as: its label, article, and its two most probable types under
// site-split CV (the decision only weighs those two).
// One snapshot of the built cleaner for the features and every cleaning (a rebuild meanwhile
// does not mix two cleaners into one table).
const snapshot = snapshotCleaner();
if (!snapshot.hash) {
  log('the cleaner is not built (pnpm build)');
  process.exit(2);
}
// The page-type model of each fold as `pnpm eval --cv` trains it (features and learned
// vocabulary, trainStacked), so the types a page is cleaned as are those the CV gives it.
const data = await dataset({
  dataDir,
  folds: DEFAULT_FOLDS,
  cacheDir,
  jobs: Number(args.jobs),
  log,
  snapshotHash: snapshot.hash,
});
// The snapshot's own module (snapshotCleaner points CORPUSKIT_EVAL_CLEANER at it).
const { PAGE_FEATURE_NAMES } = await import(pathToFileURL(process.env.CORPUSKIT_EVAL_CLEANER).href);
const probabilities = await outOfFoldProbabilities(data, [...PAGE_FEATURE_NAMES], DEFAULT_FOLDS);
const typesOf = new Map();
data.pages.forEach((page, i) => {
  if (page.set !== 'wcxb') return;
  const top = PAGE_TYPES.map((t, k) => [t, probabilities[i][k]])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([t]) => t);
  typesOf.set(page.id, args['all-types'] ? [...PAGE_TYPES] : [...new Set([page.label, 'article', ...top])]);
});

let pages = loadWcxb(dataDir).pages;
if (args.limit) pages = pages.slice(0, Number(args.limit));
const table = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : {};
const pool = new ForkPool({
  script: join(here, '../eval/worker.mjs'),
  size: Number(args.jobs),
  timeoutMs: 75_000,
  recycleAfter: 100,
  maxRssMb: 1500,
});
const save = () => {
  writeFileSync(`${outFile}.tmp`, JSON.stringify(table));
  renameSync(`${outFile}.tmp`, outFile);
};
const tasks = pages.flatMap((page) =>
  (typesOf.get(page.id) ?? [page.pageType, 'article'])
    .filter((type) => table[page.id]?.out?.[type] === undefined)
    .map((type) => ({ page, type })),
);
log(`${tasks.length} cleanings of ${pages.length} pages`);
let done = 0;
await Promise.all(
  tasks.map(({ page, type }) =>
    pool
      .run({ kind: 'clean', engine: 'linkedom', file: page.file, url: page.url, timeoutMs: 60_000, pageType: type })
      .then((o) => {
        // A failed cleaning is left out of the table (a second run retries it).
        if (o.ok) {
          const f1 = wcxbPage(page, o.result.text).f1;
          (table[page.id] ??= { out: {} }).out[type] = { f1: Math.round(f1 * 10000) / 10000 };
        } else log(`${page.id} as ${type}: failed (${o.error})`);
        if (++done % 200 === 0) {
          log(`${done}/${tasks.length}`);
          save();
        }
      }),
  ),
);
await pool.close();
snapshot.cleanup();
save();
log(`written to ${outFile}`);
