// Quality of near-duplicate detection on a labelled set built from real article texts.
// For each base article: variants with controlled edits; every pair labelled by its true
// Jaccard (plain string 5-word shingle sets, independent of the package's hashing).
// Usage: node bench/quality.mjs [--data DIR] [--seeds N]
import { normalizeText } from '@corpuskit/document';
import { findDuplicates, resolveOptions, sCurve, candidateProbability } from '@corpuskit/dedup';

import { loadArticles, machine, parseArgs, prng } from './data.mjs';

const args = parseArgs();
const seeds = Number(args.seeds ?? 5);
const articles = loadArticles(args.data).filter((a) => a.text.split(/\s+/).length >= 150);

const sentencesOf = (text) => text.split(/(?<=[.!?…]["'”’)]?)\s+(?=\S)/u).filter((s) => s.trim() !== '');
const paragraphsOf = (text) => text.split(/\n\s*\n|\n/).filter((p) => p.trim() !== '');

function variantsOf(base, index, all) {
  const random = prng(1000 + index);
  const pick = (n) => Math.floor(random() * n);
  const sentences = sentencesOf(base.text);
  const other = all[(index + 1 + pick(all.length - 1)) % all.length];
  const otherSentences = sentencesOf(other.text);
  const drop = (count) => {
    const keep = [...sentences];
    for (let i = 0; i < count && keep.length > 1; i++) keep.splice(pick(keep.length), 1);
    return keep.join(' ');
  };
  const insert = (count) => {
    const out = [...sentences];
    for (let i = 0; i < count; i++) out.splice(pick(out.length + 1), 0, otherSentences[pick(otherSentences.length)]);
    return out.join(' ');
  };
  const noisy = (text) =>
    text
      .split(' ')
      .map((word) => {
        const r = random();
        if (r < 0.1) return word.toUpperCase();
        if (r < 0.2) return `${word}  `;
        if (r < 0.25) return `${word}\n`;
        return word;
      })
      .join(' ');
  const paragraphs = paragraphsOf(base.text);
  const shuffled = [...paragraphs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const n = sentences.length;
  return {
    'drop-1-sentence': drop(1),
    'drop-5%': drop(Math.max(1, Math.round(n * 0.05))),
    'drop-10%': drop(Math.max(1, Math.round(n * 0.1))),
    'drop-25%': drop(Math.max(1, Math.round(n * 0.25))),
    'insert-1-sentence': insert(1),
    'insert-10%': insert(Math.max(1, Math.round(n * 0.1))),
    'insert-20%': insert(Math.max(1, Math.round(n * 0.2))),
    'paragraphs-reordered': shuffled.join('\n\n'),
    'case-and-whitespace': noisy(base.text),
    'first-third': sentences.slice(0, Math.max(1, Math.round(n / 3))).join(' '),
    'drop-1+insert-1+noise': noisy(
      (() => {
        const out = [...sentences];
        out.splice(pick(out.length), 1);
        out.splice(pick(out.length + 1), 0, otherSentences[pick(otherSentences.length)]);
        return out.join(' ');
      })(),
    ),
  };
}

// Documents: base + variants per family.
const documents = [];
const familyOf = new Map();
const variantOf = new Map();
articles.forEach((base, index) => {
  documents.push({ id: `${base.id}#base`, text: base.text });
  familyOf.set(`${base.id}#base`, base.id);
  variantOf.set(`${base.id}#base`, 'base');
  for (const [name, text] of Object.entries(variantsOf(base, index, articles))) {
    const id = `${base.id}#${name}`;
    documents.push({ id, text });
    familyOf.set(id, base.id);
    variantOf.set(id, name);
  }
});

// True Jaccard over string shingle sets.
const sets = new Map();
function stringShingles(id) {
  let set = sets.get(id);
  if (set) return set;
  const doc = documents.find((d) => d.id === id);
  const words = normalizeText(doc.text).split(' ').filter(Boolean);
  set = new Set();
  if (words.length < 5) set.add(words.join(' '));
  for (let i = 0; i + 5 <= words.length; i++) set.add(words.slice(i, i + 5).join(' '));
  sets.set(id, set);
  return set;
}
function trueJaccard(a, b) {
  const x = stringShingles(a);
  const y = stringShingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}
const key = (a, b) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

// Label every within-family pair; check cross-family base pairs are unrelated.
const labelled = [];
const byFamily = new Map();
for (const doc of documents) {
  const family = familyOf.get(doc.id);
  if (!byFamily.has(family)) byFamily.set(family, []);
  byFamily.get(family).push(doc.id);
}
for (const ids of byFamily.values()) {
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) labelled.push({ a: ids[i], b: ids[j], j: trueJaccard(ids[i], ids[j]) });
  }
}
const bases = [...byFamily.keys()].map((f) => `${f}#base`);
let maxCrossBase = 0;
for (let i = 0; i < bases.length; i++) {
  for (let j = i + 1; j < bases.length; j++) maxCrossBase = Math.max(maxCrossBase, trueJaccard(bases[i], bases[j]));
}
const positives = labelled.filter((pair) => pair.j >= 0.8);

function evaluate(input) {
  const { linkage, ...signatureInput } = input;
  const options = resolveOptions(signatureInput);
  const started = performance.now();
  const report = findDuplicates(documents, { ...options, linkage });
  const seconds = (performance.now() - started) / 1000;
  const clusterOf = new Map();
  report.clusters.forEach((cluster, index) => cluster.members.forEach((m) => clusterOf.set(m.id, index)));
  // Exact copies are linked by fingerprint and only their group's first member goes through LSH.
  const candidates = new Set();
  const headOf = new Map();
  for (const d of report.decisions) {
    if (d.kind === 'exact') headOf.set(d.b, d.a);
    else candidates.add(key(d.a, d.b));
  }
  // Pairwise: verified decisions.
  let decidedTrue = 0;
  for (const d of report.decisions.filter((d) => d.duplicate)) {
    if (trueJaccard(d.a, d.b) >= 0.8) decidedTrue++;
  }
  const decided = report.decisions.filter((d) => d.duplicate).length;
  // Recall: a true pair is found when both are in one cluster.
  let found = 0;
  let candidateHits = 0;
  let predicted = 0;
  let nearPositives = 0;
  for (const pair of positives) {
    const ca = clusterOf.get(pair.a);
    if (ca !== undefined && ca === clusterOf.get(pair.b)) found++;
    if (pair.j < 1) {
      nearPositives++;
      const ha = headOf.get(pair.a) ?? pair.a;
      const hb = headOf.get(pair.b) ?? pair.b;
      if (ha === hb || candidates.has(key(ha, hb))) candidateHits++;
      predicted += candidateProbability(pair.j, options.bands, options.rows);
    }
  }
  // Cluster co-membership pairs, labelled.
  let members = 0;
  let membersAbove = 0;
  for (const cluster of report.clusters) {
    for (const m of cluster.members.slice(1)) {
      members++;
      if (m.similarity >= 0.8) membersAbove++;
    }
  }
  let coPairs = 0;
  let coTrue = 0;
  let unrelatedMerged = 0;
  for (const cluster of report.clusters) {
    const ids = cluster.members.map((m) => m.id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        coPairs++;
        if (familyOf.get(ids[i]) !== familyOf.get(ids[j])) unrelatedMerged++;
        if (trueJaccard(ids[i], ids[j]) >= 0.8) coTrue++;
      }
    }
  }
  return {
    options,
    recall: found / positives.length,
    precisionDecisions: decided ? decidedTrue / decided : 1,
    precisionClusters: coPairs ? coTrue / coPairs : 1,
    membersAtThreshold: members ? membersAbove / members : 1,
    unrelatedMerged,
    candidateRate: nearPositives ? candidateHits / nearPositives : 1,
    predictedRate: nearPositives ? predicted / nearPositives : 1,
    candidates: report.candidates,
    seconds,
  };
}

console.log(`dedup quality — ${machine()}`);
console.log(
  `${articles.length} base articles (scrapinghub-dev gold bodies, >= 150 words), ${documents.length} documents, ` +
    `${labelled.length} labelled within-family pairs (${positives.length} with true J >= 0.8); ` +
    `max true J between different base articles ${maxCrossBase.toFixed(3)}`,
);
const byVariant = new Map();
for (const pair of labelled.filter((p) => p.a.endsWith('#base') || p.b.endsWith('#base'))) {
  const name = variantOf.get(pair.a.endsWith('#base') ? pair.b : pair.a);
  if (!byVariant.has(name)) byVariant.set(name, []);
  byVariant.get(name).push(pair.j);
}
console.log('true Jaccard of each variant with its base (median):');
for (const [name, values] of byVariant) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(`  ${name.padEnd(24)} ${sorted[sorted.length >> 1].toFixed(3)}`);
}

const configurations = [
  ['default 16x7 (112)', {}],
  ['FineWeb-style 14x8 (112)', { bands: 14, rows: 8, permutations: 112 }],
  ['128 perms 16x8', { bands: 16, rows: 8, permutations: 128 }],
  ['default, star linkage', { linkage: 'star' }],
];
console.log(`\nper configuration, mean over ${seeds} seeds (recall = true pairs J>=0.8 in one cluster):`);
for (const [name, input] of configurations) {
  const runs = [];
  for (let seed = 1; seed <= seeds; seed++) runs.push(evaluate({ ...input, seed }));
  const mean = (f) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  const min = (f) => Math.min(...runs.map(f));
  const curve = sCurve(runs[0].options.bands, runs[0].options.rows, 0.8);
  console.log(
    `  ${name.padEnd(26)} recall ${mean((r) => r.recall).toFixed(4)} (min ${min((r) => r.recall).toFixed(4)})  ` +
      `precision: verified decisions ${mean((r) => r.precisionDecisions).toFixed(4)}, all pairs sharing a cluster ${mean((r) => r.precisionClusters).toFixed(4)} ` +
      `(members with J(representative)>=0.8: ${mean((r) => r.membersAtThreshold).toFixed(4)})  ` +
      `unrelated merged ${Math.max(...runs.map((r) => r.unrelatedMerged))}  ` +
      `LSH candidate rate for true 0.8<=J<1 pairs ${mean((r) => r.candidateRate).toFixed(4)} (S-curve predicts ${mean((r) => r.predictedRate).toFixed(4)}; P(J=0.8) ${curve.probabilityAtThreshold.toFixed(4)})  ` +
      `candidates/run ${Math.round(mean((r) => r.candidates))}  ${mean((r) => r.seconds).toFixed(2)} s/run`,
  );
}
