// Signatures per second on ~5 KB documents (normalisation + shingling + MinHash), one thread
// and with worker threads, at 128 permutations and at the default (112), against the npm
// `minhash` package (string hash per permutation, float arithmetic) in the same run.
// Usage: node bench/speed.mjs [--data DIR] [--runs N]
import os from 'node:os';
import { Worker } from 'node:worker_threads';

import { normalizeText } from '@corpuskit/document';
import { MinHasher, prepareDocument, resolveOptions } from '@corpuskit/dedup';
import minhashPackage from 'minhash';

import { loadArticles, machine, median, parseArgs, sizedDocuments } from './data.mjs';

const args = parseArgs();
const runs = Number(args.runs ?? 5);
const articles = loadArticles(args.data, { withReadability: true });
const docs = sizedDocuments(articles, 5000, 300);
const meanChars = Math.round(docs.reduce((s, d) => s + d.length, 0) / docs.length);

/** Median docs/s (wall) and docs per CPU-second over `runs` timed passes of `fn` over `list`. */
function measure(fn, list, passes = runs) {
  for (const doc of list.slice(0, 30)) fn(doc); // warm up
  const rates = [];
  const cpuRates = [];
  for (let r = 0; r < passes; r++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (const doc of list) fn(doc);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    rates.push(list.length / (ms / 1000));
    cpuRates.push(list.length / ((used.user + used.system) / 1e6));
  }
  return { wall: median(rates), cpu: median(cpuRates) };
}

const shingleStrings = (text) => {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const out = [];
  for (let i = 0; i + 5 <= words.length; i++) out.push(words.slice(i, i + 5).join(' '));
  return out;
};

async function withWorkers(input, workers, rounds) {
  const share = Math.ceil(docs.length / workers);
  const pool = Array.from(
    { length: workers },
    (_, i) =>
      new Worker(new URL('./speed-worker.mjs', import.meta.url), {
        workerData: { docs: docs.slice(i * share, (i + 1) * share), input, rounds },
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, 300)); // let them load and warm up
  const started = performance.now();
  const results = await Promise.all(
    pool.map(
      (worker) =>
        new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage('go');
        }),
    ),
  );
  const ms = performance.now() - started;
  await Promise.all(pool.map((worker) => worker.terminate()));
  const count = results.reduce((s, r) => s + r.count, 0);
  return count / (ms / 1000);
}

console.log(`dedup signature speed — ${machine()}`);
console.log(
  `${docs.length} documents of ~${meanChars} chars cut from ${articles.length} real article texts; median of ${runs} passes; ` +
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (the machine is shared: CPU-time rates are the steadier figure)`,
);

const rows = [];
const report = (name, rate, baseline) => {
  rows.push({ name, rate, baseline });
  const ratio = baseline
    ? `  ${(rate.wall / baseline.wall).toFixed(1)}x baseline (wall), ${(rate.cpu / baseline.cpu).toFixed(1)}x (CPU)`
    : '';
  console.log(
    `  ${name.padEnd(56)} ${Math.round(rate.wall).toString().padStart(6)} docs/s wall  ${Math.round(rate.cpu).toString().padStart(6)} docs/CPU-s${ratio}`,
  );
};

// Baseline: the npm `minhash` package (0.0.9) at 128 permutations over the same normalised
// 5-word shingles. It is slow, so it runs on a slice of the documents.
const { Minhash } = minhashPackage;
const baselineDocs = docs.slice(0, 30);
const baseline = measure(
  (text) => {
    const m = new Minhash({ numPerm: 128 });
    for (const s of shingleStrings(text)) m.update(s);
    return m.hashvalues;
  },
  baselineDocs,
  3,
);
report('baseline: npm minhash 0.0.9, 128 perms (normalise+shingle)', baseline);

for (const [label, input] of [
  ['128 perms (16x8)', { permutations: 128, bands: 16, rows: 8 }],
  ['default 112 perms (16x7)', {}],
]) {
  const hasher = new MinHasher(resolveOptions(input));
  report(
    `corpuskit ${label}: normalise + shingle + MinHash`,
    measure((text) => hasher.signature(text), docs),
    baseline,
  );
  const options = resolveOptions(input);
  report(
    `corpuskit ${label}: + SHA-256 fingerprint (prepareDocument)`,
    measure((text) => prepareDocument({ id: 'x', text }, options), docs),
    baseline,
  );
}
const normalizeOnly = measure((text) => normalizeText(text), docs);
report('(normalizeText alone, for reference)', normalizeOnly);

const workers = Math.max(2, Math.min(os.cpus().length, 2));
for (const [label, input] of [
  ['128 perms', { permutations: 128, bands: 16, rows: 8 }],
  ['default 112 perms', {}],
]) {
  const rates = [];
  for (let r = 0; r < 3; r++) rates.push(await withWorkers(input, workers, 3));
  const rate = median(rates);
  console.log(
    `  corpuskit ${label}, ${workers} worker threads: ${Math.round(rate)} docs/s wall (${Math.round(rate / workers)} per core)`,
  );
}
console.log('target: >= 3,000 docs/s per core including normalisation and shingling');
