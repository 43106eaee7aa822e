#!/usr/bin/env node
// `pnpm eval`: run the built cleaner and the Readability baselines over the evaluation sets of a
// data directory and print each benchmark's own figures, per-category breakdowns, and the worst
// pages. See README.md in this directory for the options and what each figure means.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  SETS,
  WCXB_PAGE_TYPES,
  availableSets,
  loadReadability,
  loadScrapinghub,
  loadTrafilatura,
  loadWcxb,
} from './data.mjs';
import { DEFAULT_FOLDS, assignFolds, pageSite } from './folds.mjs';
import { guessKind } from './kinds.mjs';
import {
  METADATA_KEYS,
  metadataAggregate,
  metadataAgrees,
  normalizeSpace,
  overlapShare,
  pagePrecision,
  pageRecall,
  sameTokens,
  segmentAggregate,
  segmentPage,
  shingleAggregate,
  shingleCounts,
  shinglePage,
  spread,
  tokenize,
  wcxbAggregate,
  wcxbPage,
} from './metrics.mjs';
import { ForkPool } from './pool.mjs';
import { loadCleaner, snapshotCleaner } from './systems.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const userCwd = process.env.INIT_CWD ?? process.cwd();
const fromUser = (p) => (isAbsolute(p) ? p : resolve(userCwd, p));

const USAGE = `usage: pnpm eval [--data DIR] [--engine jsdom|linkedom|both] [--set scrapinghub|trafilatura|wcxb|readability|all]
                 [--out FILE] [--write-pred DIR] [--jobs N] [--timeout MS] [--limit N] [--no-baselines] [--worst N]
                 [--cv] [--folds K] [--cache DIR | --no-cache] [--baselines jsdom|linkedom|both|none] [--no-page-types]
                 [--page-type T,...] [--cleaning-table FILE] [--types-from FILE]

  --data DIR        data directory (default: ../shared/data relative to the repository root)
  --engine E        cleaner engine(s) to evaluate (default: both)
  --set S           which set(s), comma-separated (default: all present)
  --out FILE        write every figure and per-page result as JSON
  --write-pred DIR  write PRED.json files in the reference scorers' formats (DIR/<set>/<system>.json)
  --jobs N          worker processes (default: 2)
  --timeout MS      per-page time limit given to clean() as timeoutMs; the worker is killed 15 s
                    later; a page over it counts as a failure, i.e. empty output (default: 60000)
  --limit N         only the first N pages of each set (quick runs)
  --no-baselines    skip the Readability baselines (same as --baselines none)
  --baselines E     which Readability baselines to run (default: both)
  --no-page-types   clean every page as an article (clean() with pageTypeModel: false)
  --page-type T,... only WCXB pages of these gold page types (quick runs on one type; --cv
                    still trains each fold's model on all the other folds' pages)
  --worst N         how many worst pages to list per set (default: 10)
  --cv              cross-validate by site: K folds (eval/folds.mjs); the page-type model is
                    trained on the other folds for each page; figures are per-fold mean and spread
  --folds K         number of folds for --cv (default: ${DEFAULT_FOLDS})
  --cleaning-table FILE
                    with --cv: a page x type table (train/cleaning-table.mjs); each fold's model
                    gets the cleaning gain of the other folds' pages. Without it the fold models
                    keep the bundled model's gain, learned on every page (a small leak: 49 means)
  --types-from FILE replay: clean each page as the type an earlier run's --out FILE cleaned it as
                    (its cleanedAs; pages it has no type for are cleaned as usual). A page's
                    text depends only on the type it is cleaned as, so replaying a --cv run's
                    types measures a change under that CV in one plain pass
  --cache DIR       reuse page results of the same system and build (default:
                    node_modules/.cache/corpuskit-eval); --no-cache runs everything`;

function fail(message, code = 2) {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      data: { type: 'string' },
      engine: { type: 'string', default: 'both' },
      set: { type: 'string', default: 'all' },
      out: { type: 'string' },
      'write-pred': { type: 'string' },
      jobs: { type: 'string', default: '2' },
      timeout: { type: 'string', default: '60000' },
      limit: { type: 'string' },
      'no-baselines': { type: 'boolean', default: false },
      worst: { type: 'string', default: '10' },
      cv: { type: 'boolean', default: false },
      folds: { type: 'string', default: String(DEFAULT_FOLDS) },
      cache: { type: 'string' },
      'cleaning-table': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      baselines: { type: 'string', default: 'both' },
      'no-page-types': { type: 'boolean', default: false },
      'page-type': { type: 'string' },
      'types-from': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  }).values;
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const dataDir = args.data ? fromUser(args.data) : resolve(repoRoot, '../shared/data');
const sets = availableSets(dataDir);
if (sets.length === 0) {
  fail(
    `no evaluation data in ${dataDir} (expected ${Object.values(SETS).join(', ')}); pass --data DIR pointing at the data directory`,
  );
}
const wantedSets = args.set === 'all' ? sets : args.set.split(',');
for (const s of wantedSets) {
  if (!(s in SETS)) fail(`unknown --set ${s} (scrapinghub, trafilatura, wcxb, readability or all)`);
  if (!sets.includes(s)) fail(`set ${s} is not in ${dataDir} (missing ${SETS[s]}/)`);
}
const engines = args.engine === 'both' ? ['jsdom', 'linkedom'] : [args.engine];
for (const e of engines) if (e !== 'jsdom' && e !== 'linkedom') fail(`unknown --engine ${e} (jsdom, linkedom or both)`);
const positiveInt = (name, value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer, got ${value}`);
  return n;
};
const jobs = positiveInt('jobs', args.jobs);
const timeoutMs = positiveInt('timeout', args.timeout);
const limit = args.limit === undefined ? Infinity : positiveInt('limit', args.limit);
const worstN = positiveInt('worst', args.worst);
const foldCount = positiveInt('folds', args.folds);
if (args.cv && foldCount < 2) fail('--folds must be at least 2');
const cacheDir = args['no-cache']
  ? null
  : args.cache
    ? fromUser(args.cache)
    : join(repoRoot, 'node_modules/.cache/corpuskit-eval');

const baselineChoice = args['no-baselines'] ? 'none' : args.baselines;
if (!['jsdom', 'linkedom', 'both', 'none'].includes(baselineChoice))
  fail(`unknown --baselines ${baselineChoice} (jsdom, linkedom, both or none)`);
const baselineEngines =
  baselineChoice === 'none' ? [] : baselineChoice === 'both' ? ['jsdom', 'linkedom'] : [baselineChoice];
const noPageTypes = args['no-page-types'];
const onlyTypes = args['page-type'] === undefined ? null : new Set(args['page-type'].split(','));
for (const t of onlyTypes ?? [])
  if (!WCXB_PAGE_TYPES.includes(t)) fail(`unknown --page-type ${t} (${WCXB_PAGE_TYPES.join(', ')})`);

/** typesFrom[set][pageId] = the page type an earlier run cleaned the page as (--types-from). */
let typesFrom = null;
if (args['types-from']) {
  if (args.cv) fail("--types-from replays an earlier run's page types; it cannot be combined with --cv");
  if (noPageTypes) fail('--types-from and --no-page-types contradict each other');
  const file = fromUser(args['types-from']);
  let earlier;
  try {
    earlier = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`--types-from ${file}: ${error.message}`);
  }
  typesFrom = {};
  for (const [set, figures] of Object.entries(earlier.sets ?? {})) {
    const clean = Object.entries(figures.systems ?? {}).find(([name]) => name.startsWith('clean-'))?.[1];
    const rows = Array.isArray(clean?.perPage)
      ? clean.perPage
      : Object.entries(clean?.perPage ?? {}).map(([id, r]) => ({ id, ...r }));
    // The type the page was cleaned as (its plan), which is what its text depends on.
    typesFrom[set] = Object.fromEntries(
      rows.filter((r) => r.cleanedAs ?? r.predictedType).map((r) => [r.id, r.cleanedAs ?? r.predictedType]),
    );
  }
  if (!Object.values(typesFrom).some((t) => Object.keys(t).length))
    fail(`--types-from ${file}: no page types in it (an --out file of a run with page types is needed)`);
}

// Without the built cleaner there is nothing to evaluate: a run that printed the baselines' figures
// alone (or none) and exited 0 would read as a result. The reason names the module that is missing
// (often the dist of a workspace package the cleaner imports).
const snapshot = snapshotCleaner();
process.on('exit', () => snapshot.cleanup());
const cleaner = await loadCleaner();
if (!cleaner.clean) fail(`${cleaner.reason}; build the workspace first (pnpm build)`, 1);

// ------------------------------------------------------------------------------------------------
// Run every task through the pool.

/** Systems whose text is scored, and where their text comes from in a task result. */
const systems = [
  ...baselineEngines.flatMap((e) => [
    { name: `readability-${e}`, task: `readability:${e}`, pick: (r) => r.text },
    { name: `readability-${e}-blocks`, task: `readability:${e}`, pick: (r) => r.blocks },
  ]),
  ...engines.map((e) => ({ name: `clean-${e}`, task: `clean:${e}`, pick: (r) => r.text, cleaner: true })),
];
const taskKeys = [...new Set(systems.map((s) => s.task))];

const loaded = {};
for (const s of wantedSets) {
  const loader = {
    scrapinghub: loadScrapinghub,
    trafilatura: loadTrafilatura,
    readability: loadReadability,
    wcxb: loadWcxb,
  }[s];
  const { pages } = loader(dataDir);
  loaded[s] = (onlyTypes && s === 'wcxb' ? pages.filter((p) => onlyTypes.has(p.pageType)) : pages).slice(0, limit);
}

const pool = new ForkPool({
  script: join(here, 'worker.mjs'),
  size: jobs,
  // The cleaner gets the per-page limit as its own timeoutMs (a clean timeout error); the pool
  // kills a child that has not answered a little after that.
  timeoutMs: timeoutMs + 15_000,
  recycleAfter: 40,
  maxRssMb: 1500,
});

// Cross-validation: each page's fold, and for each fold the learned models trained on the other
// folds (every set shares the same site-to-fold function, so a site is never on both sides).
/** foldOf[set][pageId] */
const foldOf = {};
for (const [s, pages] of Object.entries(loaded)) {
  const folds = assignFolds(pages, pageSite, foldCount);
  foldOf[s] = Object.fromEntries(pages.map((p, i) => [p.id, folds[i]]));
}
/** Model files per fold for --cv (null: the cleaner's own checked-in models). */
let foldModels = null;
if (args.cv && !noPageTypes) {
  const { trainFoldModels } = await import('../train/pagetype.mjs');
  foldModels = await trainFoldModels({
    dataDir,
    folds: foldCount,
    cacheDir: cacheDir ?? join(repoRoot, 'node_modules/.cache/corpuskit-eval'),
    jobs,
    log: (m) => process.stderr.write(`eval: ${m}\n`),
    snapshotHash: snapshot.hash,
    cleaningTable: args['cleaning-table'] ? fromUser(args['cleaning-table']) : null,
  });
}

// Page results are cached per system and build: a baseline's results never change, and the
// cleaner's change with its dist (snapshot hash) and, under --cv, with the fold's model.
const cacheKeyOf = (key, set, pageId) => {
  const [kind, engine] = key.split(':');
  if (kind === 'readability') return `readability-${engine}`;
  const forced = typesFrom?.[set]?.[pageId];
  const model = forced
    ? `-as-${forced}`
    : foldModels
      ? `-${foldModels[foldOf[set][pageId]].hash}`
      : noPageTypes
        ? '-untyped'
        : '';
  return `clean-${engine}-${snapshot.hash}${model}`;
};
/** cache[cacheKey][set] = { pageId: outcome } */
const cache = {};
const cacheFile = (ck, set) => join(cacheDir, ck, `${set}.json`);
const cached = (ck, set) => {
  cache[ck] ??= {};
  if (!cache[ck][set]) {
    const file = cacheDir && snapshot.hash !== null ? cacheFile(ck, set) : null;
    try {
      cache[ck][set] = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    } catch {
      cache[ck][set] = {};
    }
    cache[ck][set].__dirty = false;
  }
  return cache[ck][set];
};

/** Write the cache entries that changed (also during the run, so a stopped run keeps its work). */
function flushCache() {
  if (!cacheDir || snapshot.hash === null) return;
  for (const [ck, bySet] of Object.entries(cache)) {
    for (const [set, store] of Object.entries(bySet)) {
      if (!store.__dirty) continue;
      const { __dirty, ...entries } = store;
      const file = cacheFile(ck, set);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(entries));
      renameSync(`${file}.tmp`, file);
      store.__dirty = false;
    }
  }
}

/** results[set][pageId][taskKey] = outcome */
const results = {};
const pending = [];
let totalTasks = 0;
let fromCache = 0;
let doneTasks = 0;
let lastReport = 0;
const t0 = performance.now();
const progress = () => {
  doneTasks++;
  const now = performance.now();
  if (now - lastReport > 10_000 || doneTasks === totalTasks) {
    lastReport = now;
    process.stderr.write(`eval: ${doneTasks}/${totalTasks} page runs, ${((now - t0) / 1000).toFixed(0)} s\n`);
  }
};
for (const [s, pages] of Object.entries(loaded)) {
  results[s] = {};
  // Interleave tasks page by page so a partial run still covers every system.
  for (const page of pages) {
    const slot = (results[s][page.id] = {});
    for (const key of taskKeys) {
      const [kind, engine] = key.split(':');
      const ck = cacheKeyOf(key, s, page.id);
      const store = cached(ck, s);
      if (store[page.id]) {
        slot[key] = store[page.id];
        fromCache++;
        continue;
      }
      totalTasks++;
      const task = { kind, engine, file: page.file, url: page.url, timeoutMs };
      if (kind === 'clean' && foldModels) task.pageTypeModelFile = foldModels[foldOf[s][page.id]].file;
      if (kind === 'clean' && noPageTypes) task.noPageTypes = true;
      if (kind === 'clean' && typesFrom?.[s]?.[page.id]) task.pageType = typesFrom[s][page.id];
      pending.push(
        pool.run(task).then((o) => {
          slot[key] = o;
          // Only successes are kept: a timeout may be the machine's load, not the page.
          if (o.ok) {
            store[page.id] = o;
            store.__dirty = true;
          }
          progress();
          if (doneTasks % 250 === 0) flushCache();
        }),
      );
    }
    if (s === 'readability') {
      totalTasks++;
      pending.push(
        pool.run({ kind: 'expected-text', file: page.expectedFile }).then((o) => {
          slot.expected = o;
          progress();
        }),
      );
    }
  }
}
process.stderr.write(
  `eval: ${totalTasks} page runs on ${jobs} worker processes, ${fromCache} from the cache (systems: ${systems.map((s) => s.name).join(', ') || 'none'})\n`,
);
await Promise.all(pending);
await pool.close();
flushCache();
const elapsed = (performance.now() - t0) / 1000;

// ------------------------------------------------------------------------------------------------
// Scoring helpers.

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');
const pad = (s, n) => String(s).padEnd(n);
const lines = [];
const say = (line = '') => lines.push(line);

/** Text a system produced on a page, or null when the run failed (counted as empty output). */
function textOf(system, outcome) {
  if (!outcome || !outcome.ok) return null;
  return system.pick(outcome.result) ?? '';
}

function failureCounts(pagesOf, system, ids = []) {
  const c = { crash: 0, timeout: 0, error: 0, statusError: 0, empty: 0, examples: [] };
  for (const [i, outcome] of pagesOf.entries()) {
    const o = outcome[system.task];
    if (!o) continue;
    if (!o.ok) {
      c[o.failure === 'error' ? 'error' : o.failure]++;
      c.examples.push({ id: ids[i] ?? String(i), error: o.error });
    } else {
      if (o.result.status === 'error') c.statusError++;
      if (!normalizeSpace(system.pick(o.result) ?? '')) c.empty++;
    }
  }
  return c;
}

/** Print what failed, grouped by message (the page id stripped), so a reader sees the causes. */
function sayFailures(name, c) {
  if (!c.examples.length) return;
  const byCause = {};
  for (const { id, error } of c.examples) {
    const cause = error.replace(/\d+(\.\d+)? ?ms/g, 'N ms').slice(0, 140);
    (byCause[cause] ??= []).push(id);
  }
  for (const [cause, ids] of Object.entries(byCause)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 4)) {
    say(
      `    ${name} failed on ${ids.length} page(s) (${ids.slice(0, 2).map(shortId).join(', ')}${ids.length > 2 ? ', ...' : ''}): ${cause}`,
    );
  }
}

const failureNote = (c) =>
  [
    c.error && `${c.error} threw`,
    c.crash && `${c.crash} crashed`,
    c.timeout && `${c.timeout} timed out`,
    c.statusError && `${c.statusError} status=error`,
    c.empty && `${c.empty} empty`,
  ]
    .filter(Boolean)
    .join(', ') || 'none';

function statusCounts(pagesOf, system) {
  const c = {};
  for (const outcome of pagesOf) {
    const o = outcome[system.task];
    const status = !o ? 'missing' : o.ok ? (o.result.status ?? 'ok') : `failed-${o.failure}`;
    c[status] = (c[status] ?? 0) + 1;
  }
  return c;
}

function removalTotals(pagesOf, system) {
  /** @type {Record<string, { count: number, chars: number }>} */
  const t = {};
  for (const outcome of pagesOf) {
    const o = outcome[system.task];
    if (!o?.ok) continue;
    for (const r of o.result.removed ?? []) {
      const e = (t[r.category] ??= { count: 0, chars: 0 });
      e.count++;
      e.chars += r.chars ?? r.text?.length ?? 0;
    }
  }
  return t;
}

function printRemovals(totals, extraHeader, extraCell) {
  const rows = Object.entries(totals).sort((a, b) => b[1].chars - a[1].chars);
  if (rows.length === 0) {
    say('    (nothing removed)');
    return;
  }
  say(`    ${pad('category', 18)} ${pad('blocks', 7)} ${pad('chars', 9)}${extraHeader ?? ''}`);
  for (const [cat, e] of rows)
    say(`    ${pad(cat, 18)} ${pad(e.count, 7)} ${pad(e.chars, 9)}${extraCell ? extraCell(cat) : ''}`);
}

function shortId(id) {
  return id.length > 44 ? `${id.slice(0, 41)}...` : id;
}
const report = {
  generatedAt: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memGb: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
  },
  dataDir,
  cleanerVersion: cleaner.version ?? null,
  cleanerDist: snapshot.hash,
  elapsedSeconds: +elapsed.toFixed(1),
  sets: {},
};
const predictions = {};

/** A cleaner's page type on a page, or null (a failed run, or a cleaner without page types). */
const pageTypeOf = (system, outcome) => (system.cleaner && outcome?.ok ? (outcome.result.pageType ?? null) : null);
/** The type a cleaner cleaned a page as (its cleaning plan may differ from its page type), or null. */
const cleanedAsOf = (system, outcome) => (system.cleaner && outcome?.ok ? (outcome.result.cleanedAs ?? null) : null);
/** A per-page row's page type fields. */
const typeFields = (system, outcome) => ({
  predictedType: pageTypeOf(system, outcome),
  cleanedAs: cleanedAsOf(system, outcome),
});

// ------------------------------------------------------------------------------------------------
// scrapinghub-dev: shingle P/R/F1.

if (loaded.scrapinghub) {
  const pages = loaded.scrapinghub;
  const out = (report.sets.scrapinghub = { pages: pages.length, systems: {}, worst: {}, removals: {} });
  say(`== ${SETS.scrapinghub} (${pages.length} pages): shingle precision / recall / F1 (page means) ==`);
  say(`  ${pad('system', 28)} ${pad('P', 6)} ${pad('R', 6)} ${pad('F1', 6)} ${pad('exact', 6)} failures`);
  for (const system of systems) {
    const perPage = {};
    const counts = [];
    let exact = 0;
    const pred = {};
    for (const page of pages) {
      const text = textOf(system, results.scrapinghub[page.id][system.task]);
      pred[page.id] = { articleBody: text ?? '' };
      const c = shinglePage(page.gold, text ?? '');
      counts.push(c);
      if (sameTokens(page.gold, text ?? '')) exact++;
      perPage[page.id] = {
        ...c,
        precision: pagePrecision(c),
        recall: pageRecall(c),
        ...typeFields(system, results.scrapinghub[page.id][system.task]),
      };
    }
    predictions[`scrapinghub-dev/${system.name}`] = pred;
    const agg = shingleAggregate(counts);
    const failures = failureCounts(
      pages.map((p) => results.scrapinghub[p.id]),
      system,
      pages.map((p) => p.id),
    );
    out.systems[system.name] = { ...agg, exact: exact / pages.length, failures, perPage };
    say(
      `  ${pad(system.name, 28)} ${pad(f3(agg.precision), 6)} ${pad(f3(agg.recall), 6)} ${pad(f3(agg.f1), 6)} ${pad(f3(exact / pages.length), 6)} ${failureNote(failures)}`,
    );
  }
  for (const system of systems) sayFailures(system.name, out.systems[system.name].failures);
  say(
    '  published on this half: Readability.js 0.947 (P 0.913, R 0.983); trafilatura 0.969; rs_trafilatura 0.973; AutoExtract 0.974 (P 0.985)',
  );
  say('  goal on unseen pages: F1 >= 0.975 with P >= 0.96');

  for (const system of systems.filter((s) => s.cleaner)) {
    const stats = out.systems[system.name];
    const worst = Object.entries(stats.perPage)
      .map(([id, r]) => ({
        id,
        precision: r.precision,
        recall: r.recall,
        f1: r.precision + r.recall ? (2 * r.precision * r.recall) / (r.precision + r.recall) : 0,
      }))
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, worstN);
    out.worst[system.name] = worst;
    say(`  worst ${worstN} pages for ${system.name} (id, P, R, url):`);
    for (const w of worst) {
      const page = pages.find((p) => p.id === w.id);
      say(`    ${w.id.slice(0, 12)}  P ${f3(w.precision)}  R ${f3(w.recall)}  ${page?.url ?? ''}`);
    }
    // Removed chars per category, and how much of each category's removals was gold article text.
    const totals = removalTotals(
      pages.map((p) => results.scrapinghub[p.id]),
      system,
    );
    const goldChars = {};
    for (const page of pages) {
      const o = results.scrapinghub[page.id][system.task];
      if (!o?.ok) continue;
      const gold = shingleCounts(tokenize(page.gold));
      for (const r of o.result.removed ?? []) {
        goldChars[r.category] = (goldChars[r.category] ?? 0) + overlapShare(r.text ?? '', gold) * (r.chars ?? 0);
      }
    }
    out.removals[system.name] = Object.fromEntries(
      Object.entries(totals).map(([k, v]) => [k, { ...v, goldChars: Math.round(goldChars[k] ?? 0) }]),
    );
    say(`  removed by ${system.name} (gold% = share of removed text that is in the gold article: wrongly removed):`);
    printRemovals(totals, ' gold%', (cat) => pct((goldChars[cat] ?? 0) / Math.max(1, totals[cat].chars)));
    say(
      `  status: ${JSON.stringify(
        statusCounts(
          pages.map((p) => results.scrapinghub[p.id]),
          system,
        ),
      )}`,
    );
  }
  say();
}

// ------------------------------------------------------------------------------------------------
// trafilatura-dev: segment P/R/F1, comment leak, which boilerplate leaks.

if (loaded.trafilatura) {
  const pages = loaded.trafilatura;
  const out = (report.sets.trafilatura = { pages: pages.length, systems: {}, worst: {}, leaks: {}, removals: {} });
  say(
    `== ${SETS.trafilatura} (${pages.length} pages): segment precision / recall / F1 (summed over pages), comment leak ==`,
  );
  say(
    `  ${pad('system', 28)} ${pad('P', 6)} ${pad('R', 6)} ${pad('F1', 6)} ${pad('acc', 6)} ${pad('comments', 9)} failures`,
  );
  const perSystemCounts = {};
  for (const system of systems) {
    const pred = {};
    const counts = [];
    const perPage = {};
    const perLang = {};
    for (const page of pages) {
      const text = textOf(system, results.trafilatura[page.id][system.task]);
      pred[page.id] = text ?? '';
      const c = segmentPage(page.item, text);
      counts.push(c);
      perPage[page.id] = { ...c, ...typeFields(system, results.trafilatura[page.id][system.task]) };
      (perLang[page.lang ?? 'none'] ??= []).push(c);
    }
    perSystemCounts[system.name] = perPage;
    predictions[`trafilatura-dev/${system.name}`] = pred;
    const agg = segmentAggregate(counts);
    const failures = failureCounts(
      pages.map((p) => results.trafilatura[p.id]),
      system,
      pages.map((p) => p.id),
    );
    const byLang = Object.fromEntries(Object.entries(perLang).map(([l, cs]) => [l, segmentAggregate(cs)]));
    out.systems[system.name] = { ...agg, failures, byLang, perPage };
    say(
      `  ${pad(system.name, 28)} ${pad(f3(agg.precision), 6)} ${pad(f3(agg.recall), 6)} ${pad(f3(agg.f1), 6)} ${pad(f3(agg.accuracy), 6)} ${pad(pct(agg.commentLeak), 9)} ${failureNote(failures)}`,
    );
  }
  for (const system of systems) sayFailures(system.name, out.systems[system.name].failures);
  say(
    '  published on this half: Readability.js P 0.865, R 0.919, F1 0.892, comment leak 6.0%; trafilatura 2.2.0 (full corpus) P 0.906, R 0.943, F1 0.924',
  );
  say('  goal on unseen pages: P and R >= 0.93, F1 >= 0.94, comment leak 0');
  const langs = [...new Set(pages.map((p) => p.lang ?? 'none'))];
  say(
    `  by page language (F1): ${systems.map((s) => `${s.name} ${langs.map((l) => `${l} ${f3(out.systems[s.name].byLang[l]?.f1)}`).join(' ')}`).join('; ')}`,
  );

  // Which comment snippets leak (an empty snippet is "found" in any output: the floor of the rate).
  for (const system of systems.filter((s) => s.cleaner || s.name === 'readability-jsdom')) {
    const leakedComments = [];
    let emptySnippets = 0;
    for (const page of pages) {
      const text = normalizeSpace(textOf(system, results.trafilatura[page.id][system.task]) ?? '');
      for (const c of page.item.comments) {
        const n = normalizeSpace(c);
        if (n === '') emptySnippets++;
        else if (text.includes(n)) leakedComments.push(`${shortId(page.id)}: ${JSON.stringify(n.slice(0, 60))}`);
      }
    }
    out.leaks[`${system.name}:comments`] = leakedComments;
    say(
      `  comment snippets in ${system.name}'s output: ${leakedComments.length} non-empty (+${emptySnippets} empty snippets every output contains)${leakedComments.length ? `: ${leakedComments.slice(0, 4).join('; ')}${leakedComments.length > 4 ? '; ...' : ''}` : ''}`,
    );
  }

  // Which 'without' segments leak, grouped by a guessed kind of boilerplate.
  const leakSystems = systems.filter((s) => s.cleaner || s.name === 'readability-jsdom');
  for (const system of leakSystems) {
    const kinds = {};
    const nearMiss = {};
    const otherEngine = systems.find((s) => s.cleaner && s !== system);
    let leaked = 0;
    for (const page of pages) {
      const o = results.trafilatura[page.id][system.task];
      if (!o?.ok) continue;
      const text = normalizeSpace(system.pick(o.result) ?? '');
      for (const seg of page.item.without) {
        const nseg = normalizeSpace(seg);
        if (!text.includes(nseg)) continue;
        leaked++;
        const kind = guessKind(seg);
        const k = (kinds[kind] ??= { count: 0, examples: [] });
        k.count++;
        if (k.examples.length < 3) k.examples.push(nseg.slice(0, 90));
        if (!system.cleaner) continue;
        // A near miss: a removal on this page that covers most of the segment's words, or the
        // other engine removing this very segment; credit its category.
        const segTokens = new Set(tokenize(nseg));
        let hit = null;
        for (const r of o.result.removed ?? []) {
          const rt = new Set(tokenize(r.text ?? ''));
          let shared = 0;
          for (const t of segTokens) if (rt.has(t)) shared++;
          if (segTokens.size && shared / segTokens.size >= 0.5) {
            hit = `${r.category} (${r.rule}, partial)`;
            break;
          }
        }
        if (!hit && otherEngine) {
          const other = results.trafilatura[page.id][otherEngine.task];
          const r = other?.ok
            ? (other.result.removed ?? []).find((x) => normalizeSpace(x.text ?? '').includes(nseg))
            : null;
          if (r) hit = `${r.category} (${r.rule}, by ${otherEngine.name})`;
        }
        if (hit) nearMiss[hit] = (nearMiss[hit] ?? 0) + 1;
      }
    }
    out.leaks[system.name] = { leaked, kinds, nearMiss };
    say(`  leaked 'without' segments for ${system.name}: ${leaked}, by guessed kind:`);
    for (const [kind, k] of Object.entries(kinds).sort((a, b) => b[1].count - a[1].count)) {
      say(`    ${pad(kind, 15)} ${pad(k.count, 4)} e.g. ${k.examples.map((e) => JSON.stringify(e)).join(' | ')}`);
    }
    if (system.cleaner && Object.keys(nearMiss).length) {
      say(
        `    near misses (a removal rule almost caught it): ${Object.entries(nearMiss)
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join('; ')}`,
      );
    }
  }

  for (const system of systems.filter((s) => s.cleaner)) {
    // Which rules removed 'with' segments (lost article text), and which categories caught 'without' ones.
    const lostBy = {};
    const caughtBy = {};
    for (const page of pages) {
      const o = results.trafilatura[page.id][system.task];
      if (!o?.ok) continue;
      const text = normalizeSpace(o.result.text ?? '');
      const removed = (o.result.removed ?? []).map((r) => ({ ...r, norm: normalizeSpace(r.text ?? '') }));
      const owner = (seg) => removed.find((r) => r.norm.includes(seg) || (r.norm.length > 20 && seg.includes(r.norm)));
      for (const seg of page.item.with.map(normalizeSpace)) {
        if (text.includes(seg)) continue;
        const r = owner(seg);
        const key = r
          ? `${r.category} / ${r.rule}`
          : '(not in output, not in removed[]: the article was chosen elsewhere)';
        lostBy[key] = (lostBy[key] ?? 0) + 1;
      }
      for (const seg of page.item.without.map(normalizeSpace)) {
        if (text.includes(seg)) continue;
        const r = owner(seg);
        const key = r ? r.category : '(outside the extracted article)';
        caughtBy[key] = (caughtBy[key] ?? 0) + 1;
      }
    }
    const totals = removalTotals(
      pages.map((p) => results.trafilatura[p.id]),
      system,
    );
    out.removals[system.name] = { totals, lostBy, caughtBy };
    say(`  ${system.name}: missed 'with' segments by the rule that removed them:`);
    for (const [k, n] of Object.entries(lostBy)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15))
      say(`    ${pad(n, 4)} ${k}`);
    say(
      `  ${system.name}: 'without' segments kept out, by removal category: ${Object.entries(caughtBy)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join('; ')}`,
    );
    say(`  removed by ${system.name}:`);
    printRemovals(totals);
    say(
      `  status: ${JSON.stringify(
        statusCounts(
          pages.map((p) => results.trafilatura[p.id]),
          system,
        ),
      )}`,
    );
    const perPage = perSystemCounts[system.name];
    const worst = pages
      .map((p) => {
        const c = perPage[p.id];
        return {
          id: p.id,
          precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : NaN,
          recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : NaN,
          fp: c.fp,
          fn: c.fn,
        };
      })
      .sort((a, b) => b.fp + b.fn - (a.fp + a.fn) || (a.precision || 0) - (b.precision || 0))
      .slice(0, worstN);
    out.worst[system.name] = worst;
    say(`  worst ${worstN} pages for ${system.name} (id, P, R, leaked/missed segments):`);
    for (const w of worst)
      say(`    ${pad(shortId(w.id), 44)} P ${f3(w.precision)}  R ${f3(w.recall)}  fp ${w.fp} fn ${w.fn}`);
  }
  say();
}

// ------------------------------------------------------------------------------------------------
// wcxb-dev: word P/R/F1 per page (means), with/without snippet rates, per page type, page types.

function wcxbRows(system, pages) {
  return pages.map((page) => {
    const outcome = results.wcxb[page.id][system.task];
    return {
      id: page.id,
      type: page.pageType,
      ...typeFields(system, outcome),
      ...wcxbPage(page, textOf(system, outcome)),
    };
  });
}

/** Page-type accuracy and confusion (gold -> predicted -> count), or null without page types. */
function pageTypeFigures(rows) {
  if (!rows.some((r) => r.predictedType)) return null;
  const confusion = {};
  let right = 0;
  for (const r of rows) {
    const got = r.predictedType ?? 'none';
    if (got === r.type) right++;
    (confusion[r.type] ??= {})[got] = (confusion[r.type][got] ?? 0) + 1;
  }
  const perType = Object.fromEntries(
    Object.entries(confusion).map(([t, row]) => {
      const n = Object.values(row).reduce((a, b) => a + b, 0);
      const predictedAs = rows.filter((r) => r.predictedType === t).length;
      return [t, { recall: (row[t] ?? 0) / n, precision: predictedAs ? (row[t] ?? 0) / predictedAs : NaN, pages: n }];
    }),
  );
  return { accuracy: right / rows.length, confusion, perType };
}

/**
 * The cleaner's publication date against WCXB's gold `publish_date` (a day): same day as the gold
 * (`metadataAgrees`, a bare date matches any time that day), none found, another date; and on
 * pages without a gold date, how often the cleaner gives one.
 */
function publishDateFigures(system, pages) {
  const figures = { gold: 0, agree: 0, missing: 0, wrong: 0, noGold: 0, extra: 0 };
  for (const page of pages) {
    const outcome = results.wcxb[page.id][system.task];
    const observed = outcome?.ok ? (outcome.result.metadata?.publishedTime ?? null) : null;
    if (page.publishDate === null) {
      figures.noGold++;
      if (observed !== null) figures.extra++;
    } else {
      figures.gold++;
      if (observed === null) figures.missing++;
      else if (metadataAgrees('publishedTime', page.publishDate, observed)) figures.agree++;
      else figures.wrong++;
    }
  }
  return figures;
}

if (loaded.wcxb) {
  const pages = loaded.wcxb;
  const out = (report.sets.wcxb = { pages: pages.length, systems: {}, worst: {} });
  const types = WCXB_PAGE_TYPES.filter((t) => pages.some((p) => p.pageType === t));
  say(`== ${SETS.wcxb} (${pages.length} pages): word precision / recall / F1 (page means), snippets ==`);
  say(
    `  ${pad('system', 28)} ${pad('P', 6)} ${pad('R', 6)} ${pad('F1', 6)} ${pad('with', 6)} ${pad('w/out', 6)} ${pad('type acc', 9)} failures`,
  );
  for (const system of systems) {
    const rows = wcxbRows(system, pages);
    predictions[`wcxb-dev/${system.name}`] = Object.fromEntries(
      pages.map((p) => [p.id, textOf(system, results.wcxb[p.id][system.task]) ?? '']),
    );
    const agg = wcxbAggregate(rows);
    const pt = pageTypeFigures(rows);
    const failures = failureCounts(
      pages.map((p) => results.wcxb[p.id]),
      system,
      pages.map((p) => p.id),
    );
    out.systems[system.name] = { ...agg, pageTypes: pt, failures, perPage: rows };
    say(
      `  ${pad(system.name, 28)} ${pad(f3(agg.precision), 6)} ${pad(f3(agg.recall), 6)} ${pad(f3(agg.f1), 6)} ${pad(f3(agg.with), 6)} ${pad(f3(agg.without), 6)} ${pad(pt ? f3(pt.accuracy) : '-', 9)} ${failureNote(failures)}`,
    );
  }
  for (const system of systems) sayFailures(system.name, out.systems[system.name].failures);
  say('  word F1 per page type (pages):');
  say(
    `  ${pad('system', 28)} ${types.map((t) => pad(`${t.slice(0, 8)}(${out.systems[systems[0]?.name]?.types[t]?.pages ?? 0})`, 14)).join(' ')}`,
  );
  for (const system of systems) {
    say(`  ${pad(system.name, 28)} ${types.map((t) => pad(f3(out.systems[system.name].types[t]?.f1), 14)).join(' ')}`);
  }
  say(
    '  published on the whole dev split (1,497 pages): rs-trafilatura 0.859 (articles 0.932, forums 0.808); trafilatura 0.791; MinerU-HTML 0.827',
  );
  say('  goal on unseen pages: articles >= 0.96, all types >= 0.90, forums >= 0.80, page-type accuracy >= 0.90');
  for (const system of systems.filter((s) => s.cleaner)) {
    const pt = out.systems[system.name].pageTypes;
    if (pt) {
      say(`  page types of ${system.name}: accuracy ${f3(pt.accuracy)}; per gold type recall / precision:`);
      for (const t of types) {
        const e = pt.perType[t];
        if (!e) continue;
        const wrong = Object.entries(pt.confusion[t])
          .filter(([k]) => k !== t)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        say(
          `    ${pad(t, 14)} ${f3(e.recall)} / ${f3(e.precision)}  (${e.pages} pages${wrong ? `; taken for ${wrong}` : ''})`,
        );
      }
    }
    const dates = publishDateFigures(system, pages);
    out.systems[system.name].publishDate = dates;
    say(
      `  publish date of ${system.name} vs the gold date (${dates.gold} pages have one): same day ${f3(dates.agree / dates.gold)} (${dates.agree}), none found ${dates.missing}, another date ${dates.wrong}; a date on ${dates.extra} of the ${dates.noGold} pages without one`,
    );
    const worst = [...out.systems[system.name].perPage].sort((a, b) => a.f1 - b.f1).slice(0, worstN);
    out.worst[system.name] = worst;
    say(`  worst ${worstN} pages for ${system.name} (id, type, predicted type, P, R, url):`);
    for (const w of worst) {
      const page = pages.find((p) => p.id === w.id);
      say(
        `    ${pad(w.id, 6)} ${pad(w.type, 13)} ${pad(w.predictedType ?? '-', 13)} P ${f3(w.precision)}  R ${f3(w.recall)}  ${page?.url ?? ''}`,
      );
    }
  }
  say();
}

// ------------------------------------------------------------------------------------------------
// readability-test-pages: crashes, errors, metadata agreement.

if (loaded.readability) {
  const pages = loaded.readability;
  const out = (report.sets.readability = { pages: pages.length, systems: {}, worst: {}, removals: {} });
  say(`== ${SETS.readability} (${pages.length} pages): robustness and metadata ==`);
  const metaSystems = systems.filter((s) => !s.name.endsWith('-blocks'));
  for (const system of metaSystems) {
    const failures = failureCounts(
      pages.map((p) => results.readability[p.id]),
      system,
      pages.map((p) => p.id),
    );
    const meta = metadataAggregate(
      pages.map((p) => {
        const o = results.readability[p.id][system.task];
        return { expected: p.expectedMetadata, observed: o?.ok ? o.result.metadata : null };
      }),
    );
    const counts = [];
    const perPage = {};
    for (const page of pages) {
      const exp = results.readability[page.id].expected;
      const reference = exp?.ok ? exp.result.text : '';
      const text = textOf(system, results.readability[page.id][system.task]) ?? '';
      const c = shinglePage(reference, text);
      counts.push(c);
      perPage[page.id] = {
        precision: pagePrecision(c),
        recall: pageRecall(c),
        ...typeFields(system, results.readability[page.id][system.task]),
      };
    }
    out.systems[system.name] = { failures, metadata: meta, vsExpected: shingleAggregate(counts), perPage };
  }
  say(`  ${pad('system', 24)} failures (a crash counts as empty output)`);
  for (const system of metaSystems) say(`  ${pad(system.name, 24)} ${failureNote(out.systems[system.name].failures)}`);
  for (const system of metaSystems) sayFailures(system.name, out.systems[system.name].failures);
  say(
    '  metadata agreement with expected-metadata.json: agree/all pages (found/expected present, extra = value where none expected)',
  );
  say(`  ${pad('field', 14)} ${metaSystems.map((s) => pad(s.name, 30)).join(' ')}`);
  for (const key of METADATA_KEYS) {
    say(
      `  ${pad(key, 14)} ${metaSystems
        .map((s) => {
          const m = out.systems[s.name].metadata[key];
          return pad(`${m.agree}/${m.pages} (${m.found}/${m.expectedPresent}, +${m.extra})`, 30);
        })
        .join(' ')}`,
    );
  }
  const totalAgree = (s) => METADATA_KEYS.reduce((n, k) => n + out.systems[s.name].metadata[k].agree, 0);
  const totalFound = (s) => METADATA_KEYS.reduce((n, k) => n + out.systems[s.name].metadata[k].found, 0);
  const totalPresent = (s) => METADATA_KEYS.reduce((n, k) => n + out.systems[s.name].metadata[k].expectedPresent, 0);
  say(
    `  ${pad('all: agree', 14)} ${metaSystems.map((s) => pad(pct(totalAgree(s) / (METADATA_KEYS.length * pages.length)), 30)).join(' ')}`,
  );
  say(
    `  ${pad('all: found', 14)} ${metaSystems.map((s) => pad(`${pct(totalFound(s) / totalPresent(s))} of expected`, 30)).join(' ')}`,
  );
  say(
    `  text vs expected.html (Readability's own output, not gold) shingle P/R/F1: ${metaSystems
      .map((s) => {
        const a = out.systems[s.name].vsExpected;
        return `${s.name} ${f3(a.precision)}/${f3(a.recall)}/${f3(a.f1)}`;
      })
      .join('; ')}`,
  );
  for (const system of systems.filter((s) => s.cleaner)) {
    const perPage = out.systems[system.name].perPage;
    const worst = Object.entries(perPage)
      .map(([id, r]) => ({
        id,
        ...r,
        f1: r.precision + r.recall ? (2 * r.precision * r.recall) / (r.precision + r.recall) : 0,
      }))
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, worstN);
    out.worst[system.name] = worst;
    say(`  worst ${worstN} pages for ${system.name} against expected.html (id, P, R, metadata fields disagreeing):`);
    for (const w of worst) {
      const page = pages.find((p) => p.id === w.id);
      const o = results.readability[w.id][system.task];
      const bad = METADATA_KEYS.filter(
        (k) => !(o?.ok && metadataAgrees(k, page.expectedMetadata[k], o.result.metadata[k])),
      );
      say(`    ${pad(shortId(w.id), 44)} P ${f3(w.precision)}  R ${f3(w.recall)}  ${bad.join(',') || '-'}`);
    }
    const totals = removalTotals(
      pages.map((p) => results.readability[p.id]),
      system,
    );
    out.removals[system.name] = totals;
    say(`  removed by ${system.name}:`);
    printRemovals(totals);
    say(
      `  status: ${JSON.stringify(
        statusCounts(
          pages.map((p) => results.readability[p.id]),
          system,
        ),
      )}`,
    );
  }
  say();
}

// ------------------------------------------------------------------------------------------------
// Cross-validation by site: each set's headline figures per fold, then mean and spread.

/** The headline figures of one set on some of its pages. */
function setFigures(set, system, pages) {
  if (set === 'scrapinghub') {
    const agg = shingleAggregate(
      pages.map((p) => shinglePage(p.gold, textOf(system, results.scrapinghub[p.id][system.task]) ?? '')),
    );
    return { P: agg.precision, R: agg.recall, F1: agg.f1 };
  }
  if (set === 'trafilatura') {
    const agg = segmentAggregate(
      pages.map((p) => segmentPage(p.item, textOf(system, results.trafilatura[p.id][system.task]))),
    );
    return { P: agg.precision, R: agg.recall, F1: agg.f1, comments: agg.commentLeak };
  }
  if (set === 'wcxb') {
    const rows = wcxbRows(system, pages);
    const agg = wcxbAggregate(rows);
    const pt = pageTypeFigures(rows);
    const figures = { P: agg.precision, R: agg.recall, F1: agg.f1, with: agg.with, without: agg.without };
    if (pt) figures.typeAcc = pt.accuracy;
    for (const [t, a] of Object.entries(agg.types)) figures[`F1:${t}`] = a.f1;
    return figures;
  }
  return null;
}

if (args.cv) {
  report.cv = { folds: foldCount, sets: {} };
  say(
    `== cross-validation by site: ${foldCount} folds (eval/folds.mjs); mean ± sd over folds [min, max]${foldModels ? '; page-type model trained on the other folds' : ''} ==`,
  );
  for (const set of ['scrapinghub', 'trafilatura', 'wcxb']) {
    if (!loaded[set]) continue;
    const pages = loaded[set];
    const byFold = Array.from({ length: foldCount }, (_, f) => pages.filter((p) => foldOf[set][p.id] === f));
    say(`  ${SETS[set]} (fold sizes ${byFold.map((b) => b.length).join('/')}):`);
    const out = (report.cv.sets[set] = {});
    for (const system of systems.filter((s) => !s.name.endsWith('-blocks') || s.name === 'readability-jsdom-blocks')) {
      const perFold = byFold.filter((b) => b.length).map((b) => setFigures(set, system, b));
      const keys = Object.keys(perFold[0] ?? {});
      const summary = Object.fromEntries(keys.map((k) => [k, spread(perFold.map((f) => f[k]))]));
      out[system.name] = { perFold, summary };
      const cell = (k) => {
        const x = summary[k];
        return `${k} ${f3(x.mean)}±${f3(x.sd)} [${f3(x.min)}, ${f3(x.max)}]`;
      };
      const main = keys.filter((k) => !k.startsWith('F1:'));
      say(`    ${pad(system.name, 26)} ${main.map(cell).join('  ')}`);
      const typed = keys.filter((k) => k.startsWith('F1:'));
      if (typed.length)
        say(
          `    ${pad('', 26)} ${typed.map((k) => `${k.slice(3)} ${f3(summary[k].mean)}±${f3(summary[k].sd)}`).join('  ')}`,
        );
    }
  }
  say();
}

// ------------------------------------------------------------------------------------------------
// Output.

const header = [
  `corpuskit eval: ${dataDir}`,
  `machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memGb} GB, node ${report.machine.node}; ${jobs} workers, ${elapsed.toFixed(0)} s`,
  `cleaner: @corpuskit/clean ${cleaner.version ?? ''} (dist ${snapshot.hash}), engines ${engines.join(', ')}, default ${cleaner.defaultEngine ?? '?'}`,
  `baselines: ${baselineEngines.length ? '@mozilla/readability 0.6.0 on jsdom 29 and linkedom 0.18.11 (textContent, and -blocks = blocks joined by newlines)' : 'skipped'}`,
  '',
];
process.stdout.write(`${[...header, ...lines].join('\n')}\n`);

if (args['write-pred']) {
  const dir = fromUser(args['write-pred']);
  for (const [key, pred] of Object.entries(predictions)) {
    const file = join(dir, `${key}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(pred));
  }
  process.stdout.write(`predictions written to ${dir}; cross-check with:\n`);
  const tools = resolve(dataDir, '../tools');
  if (loaded.scrapinghub) {
    const files = systems.map((s) => join(dir, SETS.scrapinghub, `${s.name}.json`)).join(' ');
    process.stdout.write(
      `  node ${join(tools, 'score-shingles.mjs')} ${join(dataDir, SETS.scrapinghub, 'ground-truth.json')} ${files} --bootstrap 0\n`,
    );
  }
  if (loaded.wcxb) {
    for (const system of systems) {
      process.stdout.write(
        `  node ${join(tools, 'score-wcxb.mjs')} ${join(dataDir, SETS.wcxb)} . ${join(dir, SETS.wcxb, `${system.name}.json`)}\n`,
      );
    }
  }
  if (loaded.trafilatura) {
    const files = systems.map((s) => join(dir, SETS.trafilatura, `${s.name}.json`)).join(' ');
    process.stdout.write(
      `  node ${join(tools, 'score-snippets.mjs')} ${join(dataDir, SETS.trafilatura, 'eval.json')} ${files}\n`,
    );
  }
}
if (args.out) {
  const file = fromUser(args.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
  process.stderr.write(`eval: full results in ${file}\n`);
}
