#!/usr/bin/env node
// Train the block model (src/blocks-model/) from the dev sets of a data directory and measure it
// by site-grouped cross-validation. Usage:
//   node packages/clean/train/blocks.mjs [--data DIR] [--jobs N] [--folds K] [--threshold T] [--write] [--out FILE]
// Steps: clean every page with the built cleaner, recording the blocks the model scores and
// their features (cached per build under node_modules/.cache); label each block against the
// page's gold (labels.mjs); for each fold, train on the other folds' sites and score the
// held-out pages with each set's own metric; then train on everything and, with --write, write
// src/blocks-model/weights.json. The data is read in place and never copied.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';

import { loadScrapinghub, loadTrafilatura, loadWcxb } from '../eval/data.mjs';
import { DEFAULT_FOLDS, foldOfSite, pageSite } from '../eval/folds.mjs';
import { segmentAggregate, segmentPage, shingleAggregate, shinglePage } from '../eval/metrics.mjs';
import { ForkPool } from '../eval/pool.mjs';
import { goldIndex, labelAgainstGold, labelAgainstSegments, tokens } from './labels.mjs';
import { predict, trainLogistic } from './lr.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const repoRoot = resolve(pkg, '../..');
const userCwd = process.env.INIT_CWD ?? process.cwd();
const fromUser = (p) => (isAbsolute(p) ? p : resolve(userCwd, p));

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    folds: { type: 'string', default: String(DEFAULT_FOLDS) },
    threshold: { type: 'string' },
    write: { type: 'boolean', default: false },
    out: { type: 'string' },
    epochs: { type: 'string', default: '150' },
    l2: { type: 'string', default: '0.0003' },
    dim: { type: 'string', default: '16384' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'usage: pnpm train blocks [--data DIR] [--jobs N] [--folds K] [--threshold T] [--write] [--out FILE] [--epochs N] [--l2 X] [--dim N]\n',
  );
  process.exit(0);
}
const dataDir = args.data ? fromUser(args.data) : resolve(repoRoot, '../shared/data');
const k = Number(args.folds);
const dim = Number(args.dim);
const epochs = Number(args.epochs);
const l2 = Number(args.l2);
const say = (line = '') => process.stdout.write(`${line}\n`);
const log = (line) => process.stderr.write(`train blocks: ${line}\n`);

// ------------------------------------------------------------------------------------------------
// Pages and their gold.

const pages = [];
const have = (dir) => existsSync(join(dataDir, dir));
if (have('scrapinghub-dev'))
  for (const p of loadScrapinghub(dataDir).pages) pages.push({ ...p, set: 'scrapinghub', key: `scrapinghub/${p.id}` });
if (have('trafilatura-dev'))
  for (const p of loadTrafilatura(dataDir).pages) pages.push({ ...p, set: 'trafilatura', key: `trafilatura/${p.id}` });
if (have('wcxb-dev')) for (const p of loadWcxb(dataDir).pages) pages.push({ ...p, set: 'wcxb', key: `wcxb/${p.id}` });
if (pages.length === 0) {
  process.stderr.write(`train blocks: no dev sets in ${dataDir} (pass --data DIR)\n`);
  process.exit(2);
}
for (const page of pages) page.fold = foldOfSite(pageSite(page), k);

// ------------------------------------------------------------------------------------------------
// Traces, cached per build of the cleaner (the weights do not change what the model sees).

const dist = join(pkg, 'dist');
if (!existsSync(join(dist, 'blocks-model', 'model.js'))) {
  process.stderr.write('train blocks: build @corpuskit/clean first (pnpm --filter @corpuskit/clean build)\n');
  process.exit(2);
}
const buildHash = createHash('sha256');
for (const name of readdirSync(dist, { recursive: true }).map(String).sort()) {
  if (!name.endsWith('.js')) continue;
  buildHash.update(name).update(readFileSync(join(dist, name)));
}
const cacheDir = join(repoRoot, 'node_modules/.cache/corpuskit-train');
const cacheFile = join(cacheDir, `blocks-${buildHash.digest('hex').slice(0, 16)}.json.gz`);
let traces = existsSync(cacheFile) ? JSON.parse(gunzipSync(readFileSync(cacheFile)).toString('utf8')) : {};
const missing = pages.filter((p) => !(p.key in traces));
if (missing.length > 0) {
  log(`cleaning ${missing.length} pages (${Object.keys(traces).length} cached)`);
  const pool = new ForkPool({
    script: join(here, 'worker.mjs'),
    size: Number(args.jobs),
    timeoutMs: 90_000,
    recycleAfter: 100,
    maxRssMb: 1500,
  });
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    missing.map((page) =>
      pool.run({ file: page.file, url: page.url }).then((outcome) => {
        traces[page.key] = outcome.ok
          ? { text: outcome.result.text, trace: outcome.result.trace }
          : { text: '', trace: null, error: outcome.error };
        if (++done % 200 === 0)
          log(`${done}/${missing.length} pages, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }),
    ),
  );
  await pool.close();
  const failed = missing.filter((p) => traces[p.key].error);
  if (failed.length > 0) log(`${failed.length} pages failed (counted as empty), e.g. ${traces[failed[0].key].error}`);
  if (failed.length > missing.length / 2) {
    process.stderr.write('train blocks: most pages failed; is the cleaner built (pnpm build)?\n');
    process.exit(1);
  }
  mkdirSync(cacheDir, { recursive: true });
  // Failed pages are not cached: the next run tries them again.
  const ok = Object.fromEntries(Object.entries(traces).filter(([, v]) => !v.error));
  writeFileSync(cacheFile, gzipSync(JSON.stringify(ok)));
}

// ------------------------------------------------------------------------------------------------
// Rows: one per block, hashed features, label and weight.

const { featureSlot } = await import(new URL('../dist/blocks-model/model.js', import.meta.url).href);
const slotCache = new Map();
const slotOf = (name) => {
  let slot = slotCache.get(name);
  if (slot === undefined) slotCache.set(name, (slot = featureSlot(name, dim)));
  return slot;
};

let mismatched = 0;
for (const page of pages) {
  const entry = traces[page.key];
  page.blocks = [];
  page.lead = null;
  page.cleanText = entry?.text ?? '';
  const trace = entry?.trace;
  if (!trace) continue;
  page.lead = trace.lead;
  const index = page.set === 'trafilatura' ? null : goldIndex(page.gold);
  trace.texts.forEach((text, i) => {
    const f = trace.features[i];
    const label = index ? labelAgainstGold(text, index) : labelAgainstSegments(text, page.item);
    page.blocks.push({
      text,
      slots: Int32Array.from(f.names, slotOf),
      values: Float64Array.from(f.values),
      y: label,
      w: Math.log2(2 + Math.min(tokens(text).length, 200)),
    });
  });
  if (assemble(page, () => true) !== page.cleanText) mismatched++;
}
if (mismatched) log(`${mismatched} pages where the trace does not rebuild the cleaner's text (model already active?)`);

function assemble(page, keep) {
  const parts = page.blocks.filter(keep).map((b) => b.text);
  if (page.lead) parts.unshift(page.lead);
  return parts.join('\n\n');
}

// ------------------------------------------------------------------------------------------------
// Metrics of a set of pages given the text of each.

const wordTokens = (t) => (t ? (t.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) : []);
function wordF1(pred, ref) {
  const p = wordTokens(pred);
  const r = wordTokens(ref);
  if (!r.length) return p.length ? 0 : 1;
  if (!p.length) return 0;
  const c = new Map();
  for (const w of r) c.set(w, (c.get(w) ?? 0) + 1);
  let o = 0;
  for (const w of p) {
    const n = c.get(w);
    if (n) {
      o++;
      c.set(w, n - 1);
    }
  }
  const P = o / p.length;
  const R = o / r.length;
  return P + R ? (2 * P * R) / (P + R) : 0;
}

function figures(list, textOf) {
  const out = {};
  const sh = list.filter((p) => p.set === 'scrapinghub');
  if (sh.length) out.scrapinghub = shingleAggregate(sh.map((p) => shinglePage(p.gold, textOf(p))));
  const tr = list.filter((p) => p.set === 'trafilatura');
  if (tr.length) out.trafilatura = segmentAggregate(tr.map((p) => segmentPage(p.item, textOf(p))));
  const wc = list.filter((p) => p.set === 'wcxb');
  if (wc.length) {
    const byType = {};
    let all = 0;
    for (const p of wc) {
      const f = wordF1(textOf(p), p.gold);
      all += f;
      (byType[p.pageType] ??= []).push(f);
    }
    out.wcxb = {
      f1: all / wc.length,
      types: Object.fromEntries(
        Object.entries(byType).map(([t, xs]) => [t, { n: xs.length, f1: xs.reduce((a, b) => a + b, 0) / xs.length }]),
      ),
    };
  }
  return out;
}

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '-');
function line(name, fig) {
  const parts = [];
  if (fig.scrapinghub) {
    const s = fig.scrapinghub;
    parts.push(`scrapinghub F1 ${f3(s.f1)} (P ${f3(s.precision)} R ${f3(s.recall)})`);
  }
  if (fig.trafilatura) {
    const s = fig.trafilatura;
    parts.push(
      `trafilatura P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)} leak ${(100 * s.commentLeak).toFixed(1)}%`,
    );
  }
  if (fig.wcxb) {
    const s = fig.wcxb;
    parts.push(`wcxb all ${f3(s.f1)} article ${f3(s.types.article?.f1)}`);
  }
  return `${name.padEnd(18)} ${parts.join(' | ')}`;
}

function trainRows(list) {
  const rows = [];
  for (const p of list) for (const b of p.blocks) if (b.y !== null) rows.push(b);
  return trainLogistic(rows, { dim, epochs, l2 });
}

// ------------------------------------------------------------------------------------------------
// Cross-validation: every page is scored by a model that never saw its site.

const thresholds = args.threshold ? [Number(args.threshold)] : [0.6, 0.7, 0.8, 0.85, 0.9, 0.95];
const heldOutScore = new Map();
const perFold = [];
for (let fold = 0; fold < k; fold++) {
  const train = pages.filter((p) => p.fold !== fold);
  const test = pages.filter((p) => p.fold === fold);
  const weights = trainRows(train);
  for (const p of test)
    heldOutScore.set(
      p,
      p.blocks.map((b) => predict(weights, b)),
    );
  perFold.push(test);
  log(`fold ${fold}: trained on ${train.length} pages, scored ${test.length}`);
}

// The text of a page with the blocks scored at or above the threshold left out (never all of them).
function textWith(scores, threshold) {
  return (p) => {
    const s = scores.get(p);
    if (!s || s.length === 0) return p.cleanText;
    const keepAll = s.every((x) => x >= threshold);
    const parts = [];
    if (p.lead) parts.push(p.lead);
    p.blocks.forEach((b, i) => {
      if (keepAll || s[i] < threshold) parts.push(b.text);
    });
    return parts.join('\n\n');
  };
}

const report = { dim, epochs, l2, folds: k, pages: pages.length, cv: {}, dev: {} };
{
  const count = { 0: 0, 1: 0, null: 0 };
  for (const p of pages) for (const b of p.blocks) count[b.y]++;
  log(`blocks: ${count[0]} content, ${count[1]} boilerplate, ${count.null} unknown`);
  const oracle = figures(pages, (p) => assemble(p, (b) => b.y !== 1));
  say(line('oracle (labels)', oracle));
}
say(`== block model, ${pages.length} pages, ${k} site-grouped folds ==`);
const baseline = figures(pages, (p) => p.cleanText);
report.baseline = baseline;
say(line('cleaner (no model)', baseline));
for (const t of thresholds) {
  const fig = figures(pages, textWith(heldOutScore, t));
  let dropped = 0;
  let wrong = 0;
  for (const p of pages)
    (heldOutScore.get(p) ?? []).forEach((x, i) => {
      if (x >= t) {
        dropped++;
        if (p.blocks[i].y === 0) wrong++;
      }
    });
  log(`t=${t}: ${dropped} blocks dropped, ${wrong} of them labelled content`);
  report.cv[t] = fig;
  say(line(`CV t=${t}`, fig));
}

// Spread over folds at the best threshold (by mean of the three headline F1s).
const headline = (fig) =>
  ((fig.scrapinghub?.f1 ?? 0) + (fig.trafilatura?.f1 ?? 0) + (fig.wcxb?.f1 ?? 0)) /
  ((fig.scrapinghub ? 1 : 0) + (fig.trafilatura ? 1 : 0) + (fig.wcxb ? 1 : 0));
const best = thresholds.reduce((a, b) => (headline(report.cv[b]) > headline(report.cv[a]) ? b : a));
say(`best threshold by CV: ${best}`);
const foldFigs = perFold.map((test) => figures(test, textWith(heldOutScore, best)));
for (const [i, fig] of foldFigs.entries()) say(line(`  fold ${i}`, fig));
report.best = best;
report.perFold = foldFigs;

// ------------------------------------------------------------------------------------------------
// Final model on every page; its plain-dev figures (an optimistic figure, for comparison).

const finalWeights = trainRows(pages);
const devScores = new Map(pages.map((p) => [p, p.blocks.map((b) => predict(finalWeights, b))]));
const dev = figures(pages, textWith(devScores, best));
report.dev[best] = dev;
say(line(`plain dev t=${best}`, dev));
for (const set of ['scrapinghub', 'trafilatura', 'wcxb']) {
  const cv = report.cv[best][set];
  if (!cv) continue;
  say(`  ${set}: CV per type ${JSON.stringify(cv.types ?? {})}`);
}

if (args.write) {
  const weights = [];
  for (let j = 0; j < dim; j++) {
    const w = Math.round(finalWeights[j] * 1e4) / 1e4;
    if (w !== 0) weights.push([j, w]);
  }
  const file = join(pkg, 'src/blocks-model/weights.json');
  const counts = {};
  for (const p of pages) counts[p.set] = (counts[p.set] ?? 0) + 1;
  writeFileSync(
    file,
    `${JSON.stringify({ format: 1, dim, threshold: best, trainedOn: { pages: counts, epochs, l2 }, weights })}\n`,
  );
  log(`wrote ${file} (${weights.length} weights, threshold ${best})`);
}
if (args.out) writeFileSync(fromUser(args.out), `${JSON.stringify(report, null, 1)}\n`);
