// Memory of a DedupIndex of 100,000 documents and the time to find a new document's LSH
// candidates in it (verification not counted), against a plain Map-of-arrays LSH baseline in
// the same run. Signatures are computed from synthetic ~5 KB documents whose sentences are
// drawn from real article texts. Run with --expose-gc for steady memory figures.
// Usage: node --expose-gc bench/index-size.mjs [--data DIR] [--docs N]
import { DedupIndex, MinHasher, prepareDocument, resolveOptions } from '@corpuskit/dedup';

import { loadArticles, machine, median, parseArgs, percentile, prng } from './data.mjs';

const args = parseArgs();
const total = Number(args.docs ?? 100_000);
const options = resolveOptions();
const articles = loadArticles(args.data, { withReadability: true });
const sentences = articles.flatMap((a) => a.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 30);
const random = prng(7);
const makeDoc = () => {
  let text = '';
  while (text.length < 5000) text += `${sentences[Math.floor(random() * sentences.length)]} `;
  return text;
};

const gc = globalThis.gc ?? (() => {});
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
};
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

console.log(
  `dedup index size and lookup — ${machine()}${globalThis.gc ? '' : ' (run with --expose-gc for steadier memory figures)'}`,
);

// Sign the documents first (kept in a compact pool), then measure the index alone.
const hasher = new MinHasher(options);
const k = options.permutations;
const pool = new Int32Array(total * k);
const fingerprints = new Array(total);
let started = performance.now();
for (let i = 0; i < total; i++) {
  const prepared = prepareDocument({ id: `https://news.example/${i}`, text: makeDoc() }, options);
  pool.set(prepared.signature, i * k);
  fingerprints[i] = prepared.fingerprint;
}
console.log(`signed ${total} synthetic ~5 KB documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const before = memory();
const index = new DedupIndex(options);
started = performance.now();
for (let i = 0; i < total; i++) {
  index.add({
    id: `https://news.example/${i}`,
    fingerprint: fingerprints[i],
    signature: pool.subarray(i * k, (i + 1) * k),
    length: 5000,
    fetchedAt: null,
    key: `p${options.permutations}.b${options.bands}.r${options.rows}.k${options.shingleSize}.s${options.seed}`,
  });
}
const addSeconds = (performance.now() - started) / 1000;
const after = memory();
console.log(
  `index of ${index.size} documents: heap+arrayBuffers +${mb(after.heap - before.heap)}, RSS +${mb(after.rss - before.rss)} ` +
    `(RSS total ${mb(after.rss)}); built in ${addSeconds.toFixed(1)} s; target < 1 GB`,
);

// Queries: new documents (unrelated) and near-copies of stored ones.
const queries = [];
for (let i = 0; i < 500; i++) queries.push(hasher.signature(makeDoc()));
const time = (fn, list) => {
  for (const q of list.slice(0, 50)) fn(q);
  const times = [];
  for (const q of list) {
    const t = process.hrtime.bigint();
    fn(q);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times;
};
const ours = time((q) => index.candidates(q), queries);

// Baseline: the obvious LSH, one Map<string, string[]> per band keyed by the joined rows.
let naiveBands = Array.from({ length: options.bands }, () => new Map());
const naiveKey = (sig, band) => Array.from(sig.subarray(band * options.rows, (band + 1) * options.rows)).join(',');
const beforeNaive = memory();
for (let i = 0; i < total; i++) {
  const sig = pool.subarray(i * k, (i + 1) * k);
  for (let band = 0; band < options.bands; band++) {
    const key = naiveKey(sig, band);
    const bucket = naiveBands[band].get(key);
    if (bucket) bucket.push(`https://news.example/${i}`);
    else naiveBands[band].set(key, [`https://news.example/${i}`]);
  }
}
const afterNaive = memory();
const naive = time((q) => {
  const found = new Set();
  for (let band = 0; band < options.bands; band++)
    for (const id of naiveBands[band].get(naiveKey(q, band)) ?? []) found.add(id);
  return found;
}, queries);
const fmt = (times) =>
  `median ${(median(times) * 1000).toFixed(1)} µs, p99 ${(percentile(times, 99) * 1000).toFixed(1)} µs`;
console.log(`candidate lookup per new document: ${fmt(ours)}; target < 1 ms`);
console.log(
  `baseline (Map<string,string[]> per band, joined-row keys): ${fmt(naive)}, memory +${mb(afterNaive.heap - beforeNaive.heap)}; ` +
    `lookup ratio baseline/ours ${(median(naive) / median(ours)).toFixed(1)}x`,
);
naiveBands = null; // release the baseline before timing serialisation
gc();

// Serialisation round trip.
started = performance.now();
const bytes = index.serialize();
const serializeSeconds = (performance.now() - started) / 1000;
started = performance.now();
const loaded = DedupIndex.deserialize(bytes);
const loadSeconds = (performance.now() - started) / 1000;
console.log(
  `serialised: ${mb(bytes.length)} (${(bytes.length / total).toFixed(0)} bytes/doc) in ${serializeSeconds.toFixed(2)} s; loaded back (${loaded.size} docs) in ${loadSeconds.toFixed(2)} s`,
);
