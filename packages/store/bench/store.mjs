// Benchmark of @corpuskit/store against git, on the BUILT package (`pnpm --filter @corpuskit/store build`).
//
//   node bench/store.mjs [--docs 100000] [--runs 3] [--diff-runs 5]
//
// 1. Stage + accept + commit N plain-text documents of ~5 KB (records built directly, raw bytes
//    kept), against `git add -A && git commit` of the same texts as files.
// 2. Summary diff (added/removed/modified ids) of two versions differing in 1% of documents, at
//    10,000 documents and at N, against `git diff --name-status` of the same change.
// 3. Store size against the raw text size (and git's .git size).
// 4. Reading every document of a version (cold open), with every object's hash verified (the
//    default) against the same reads without the check: what verified reads cost.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { sha256 } from '@corpuskit/document';
import { CORPUS_DIR, FileBackend, Store, initCorpus, openCorpus } from '@corpuskit/store';
import { makeRecord as buildRecord } from '@corpuskit/testkit';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    'diff-runs': { type: 'string', default: '5' },
  },
});
const N = Number(values.docs);
const RUNS = Number(values.runs);
const DIFF_RUNS = Number(values['diff-runs']);

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or but his from have they which one you ' +
  'were her all she there would their we him been has when who will more no if out so said what up its about into ' +
  'than them can only other new some could time these two may then do first any my now such like our over man me ' +
  'even most made after also did many before must through back years where much your way well down should because ' +
  'each just those people how too little state good very make world still own see men work long here get both ' +
  'between life being under never day same another know while last might us great old year off come since against ' +
  'go came right used take three minister report council village election market river station winter summer'
).split(' ');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function makeText(seed) {
  const next = rng(seed);
  const paragraphs = [];
  let size = 0;
  while (size < 5000) {
    const words = [];
    const n = 40 + (next() % 60);
    for (let i = 0; i < n; i++) words.push(WORDS[next() % WORDS.length]);
    const p = words.join(' ') + '.';
    paragraphs.push(p[0].toUpperCase() + p.slice(1));
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

const idOf = (i) => `https://news.example.com/${(i % 97).toString(36)}/article-${i}`;

function makeRecord(i, text) {
  const raw = Buffer.from(text, 'utf8');
  const record = buildRecord(idOf(i), text, {
    title: `Article ${i}`,
    metadata: { siteName: 'Example News' },
    stats: { words: 800, blocks: 10, inputBytes: raw.length },
    source: `pages/${i}.txt`,
    provenance: { rawSha256: sha256(raw), encodingSource: 'default', cleanerVersion: '0.1.0' },
  });
  return { record, raw, source: `pages/${i}.txt` };
}

const remove = (path) => rmSync(path, { recursive: true, force: true, maxRetries: 5 });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function duBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    total += entry.isDirectory() ? duBytes(p) : statSync(p).size;
  }
  return total;
}

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 }).toString();
}

function gitRepo(texts) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ck-bench-git-'));
  git(dir, 'init', '-q', '.');
  git(dir, 'config', 'user.email', 'bench@example.com');
  git(dir, 'config', 'user.name', 'bench');
  // No detached `git gc --auto` after the commit: it would run during the store's turn.
  git(dir, 'config', 'gc.auto', '0');
  git(dir, 'config', 'maintenance.auto', 'false');
  writeTexts(dir, texts);
  return dir;
}

function writeTexts(dir, texts) {
  for (const [i, text] of texts) {
    const sub = join(dir, (i % 97).toString(36));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `article-${i}.txt`), text);
  }
}

/** A change of `fraction` of n documents: 60% of it modified, 20% added, 20% removed. */
function changeSet(n, fraction = 0.01, seed = 4242, exclude = new Set(), addedFrom = n) {
  const next = rng(seed + n);
  const k = Math.max(3, Math.round(n * fraction));
  const picked = new Set();
  while (picked.size < Math.round((k * 4) / 5)) {
    const i = next() % n;
    if (!exclude.has(i)) picked.add(i);
  }
  const list = [...picked];
  const modified = list.slice(0, Math.round((k * 3) / 5));
  const removed = list.slice(modified.length);
  const added = Array.from({ length: k - modified.length - removed.length }, (_, j) => addedFrom + j);
  return { modified, removed, added };
}

async function buildStore(texts, verifyContentHash = false) {
  const dir = mkdtempSync(join(os.tmpdir(), 'ck-bench-store-'));
  const inputs = texts.map(([i, text]) => makeRecord(i, text));
  const store = await initCorpus(dir, { command: 'bench' });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let commit;
  await store.transaction(async () => {
    for (let b = 0; b < inputs.length; b += 1000) {
      await store.stage(inputs.slice(b, b + 1000), { verifyContentHash });
    }
    await store.accept('all', { by: 'bench' });
    commit = await store.commit({ message: 'import' });
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { dir, store, ms, cpuMs: (cpu.user + cpu.system) / 1000, commit };
}

async function applyChange(store, n, change = changeSet(n)) {
  const { modified, removed, added } = change;
  await store.transaction(async () => {
    await store.stage([
      ...modified.map((i) => makeRecord(i, makeText(i) + '\n\nAn added closing paragraph.')),
      ...added.map((i) => makeRecord(i, makeText(i))),
    ]);
    await store.stageRemoval(removed.map(idOf));
    await store.accept('all');
    await store.commit({ message: '1% change' });
  });
  return { modified, removed, added };
}

async function timeDiff(dir, expected) {
  const times = [];
  for (let r = 0; r < DIFF_RUNS; r++) {
    const store = await openCorpus(dir); // cold: no cached manifest nodes
    const t0 = performance.now();
    const diff = await store.diffManifests('HEAD~1', 'HEAD');
    times.push(performance.now() - t0);
    await store.close();
    const got = [diff.added.length, diff.removed.length, diff.modified.length];
    if (got.join() !== expected.join()) throw new Error(`diff found ${got} but expected ${expected}`);
  }
  return median(times);
}

console.log('# @corpuskit/store benchmark');
console.log(
  `machine: ${os.cpus()[0]?.model} x ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `node ${process.version}, ${os.platform()} ${os.release()}, ${git('.', '--version').trim()}`,
);
console.log(`documents: ${N}, runs: ${RUNS} (commit), ${DIFF_RUNS} (diff)\n`);

const texts = Array.from({ length: N }, (_, i) => [i, makeText(i)]);
const rawTextBytes = texts.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
console.log(`raw text: ${mb(rawTextBytes)} (${Math.round(rawTextBytes / N)} bytes per document)`);

// 1. stage + accept + commit against git add + commit. CPU time (user + system) is printed too:
// on a shared, loaded machine it is steadier than wall time.
const hasTime = (() => {
  try {
    execFileSync('/usr/bin/time', ['-f', '%U', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
function timedGitCommit(dir) {
  const script = 'git add -A && git commit -q -m import';
  const t0 = performance.now();
  if (!hasTime) {
    execFileSync('sh', ['-c', script], { cwd: dir, stdio: 'ignore' });
    return { ms: performance.now() - t0, cpuMs: NaN };
  }
  const child = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', 'sh', '-c', script], { cwd: dir });
  if (child.status !== 0) throw new Error(`git failed: ${child.stderr}`);
  const out = child.stderr.toString();
  const ms = performance.now() - t0;
  const [, user, sys] = /CPU ([\d.]+) ([\d.]+)/.exec(out) ?? [];
  return { ms, cpuMs: (Number(user) + Number(sys)) * 1000 };
}
const rows = { git: [], store: [], verified: [] };
let lastGit = null;
let lastStore = null;
for (let r = 0; r < RUNS; r++) {
  const gdir = gitRepo(texts);
  rows.git.push(timedGitCommit(gdir));
  if (lastGit) remove(lastGit);
  lastGit = gdir;

  const verified = await buildStore(texts, true);
  rows.verified.push(verified);
  await verified.store.close();
  remove(verified.dir);

  const built = await buildStore(texts);
  rows.store.push(built);
  await built.store.close();
  if (lastStore) remove(lastStore);
  lastStore = built.dir;
  console.log(
    `  run ${r + 1}: git ${fmt(rows.git.at(-1).ms)} (cpu ${fmt(rows.git.at(-1).cpuMs)}), ` +
      `store ${fmt(built.ms)} (cpu ${fmt(built.cpuMs)}), ` +
      `store with verifyContentHash ${fmt(verified.ms)} (cpu ${fmt(verified.cpuMs)})`,
  );
}
const med = (list, key) => median(list.map((x) => x[key]));
const gitMs = med(rows.git, 'ms');
const gitCpu = med(rows.git, 'cpuMs');
console.log(`\nstage + accept + commit ${N} docs (medians):`);
console.log(`  git add -A && git commit:                   wall ${fmt(gitMs)}, cpu ${fmt(gitCpu)}`);
for (const [label, key] of [
  ['store (default)                      ', 'store'],
  ['store (verifyContentHash: true)      ', 'verified'],
]) {
  const ms = med(rows[key], 'ms');
  const cpu = med(rows[key], 'cpuMs');
  console.log(
    `  ${label}: wall ${fmt(ms)}, cpu ${fmt(cpu)}; RATIO store/git wall = ${(ms / gitMs).toFixed(3)}, ` +
      `cpu = ${(cpu / gitCpu).toFixed(3)}  (target <= 0.5); ${((ms * 1000) / N).toFixed(1)} µs/doc`,
  );
}

// 3. sizes (after the import)
const storeBytes = duBytes(join(lastStore, '.corpuskit'));
const gitBytes = duBytes(join(lastGit, '.git'));
console.log(
  `\nsize: store ${mb(storeBytes)} = ${(storeBytes / rawTextBytes).toFixed(2)}x raw text ` +
    `(records, text, raw bytes and manifests; raw bytes equal to the text are stored once); ` +
    `git ${mb(gitBytes)} = ${(gitBytes / rawTextBytes).toFixed(2)}x (zlib-compressed loose objects)`,
);

// 2. diff of two versions differing in 1% of documents, at 10,000 and at N
const sizes = N > 10_000 ? [10_000, N] : [N];
console.log('');
for (const n of sizes) {
  let dir = lastStore;
  let gdir = lastGit;
  if (n !== N) {
    const sub = texts.slice(0, n);
    const built = await buildStore(sub);
    await built.store.close();
    dir = built.dir;
    gdir = gitRepo(sub);
    git(gdir, 'add', '-A');
    git(gdir, 'commit', '-q', '-m', 'import');
  }
  const store = await openCorpus(dir);
  const change = await applyChange(store, n);
  await store.close();
  // the same change in git
  for (const i of change.removed) rmSync(join(gdir, (i % 97).toString(36), `article-${i}.txt`));
  writeTexts(gdir, [
    ...change.modified.map((i) => [i, makeText(i) + '\n\nAn added closing paragraph.']),
    ...change.added.map((i) => [i, makeText(i)]),
  ]);
  git(gdir, 'add', '-A');
  git(gdir, 'commit', '-q', '-m', 'change');
  const expected = [change.added.length, change.removed.length, change.modified.length];
  const diffMs = await timeDiff(dir, expected);
  const gitDiff = [];
  for (let r = 0; r < DIFF_RUNS; r++) {
    const t0 = performance.now();
    git(gdir, 'diff', '--name-status', 'HEAD~1', 'HEAD');
    gitDiff.push(performance.now() - t0);
  }
  const gitDiffMs = median(gitDiff);
  console.log(
    `diff summary at ${n} docs, 1% changed (${expected.join('/')} added/removed/modified): ` +
      `store ${fmt(diffMs)} (median, cold open), git diff --name-status ${fmt(gitDiffMs)}; ` +
      `RATIO store/git = ${(diffMs / gitDiffMs).toFixed(3)}  (target < 1 s)`,
  );
  if (n !== N) {
    remove(dir);
    remove(gdir);
  } else if (N > 10_000) {
    // The same number of changed documents as the 1% change at 10,000, in the large corpus: the
    // time should be close to the 10,000-document figure, not ten times it.
    const touched = new Set([...change.modified, ...change.removed]);
    const small = changeSet(N, 100 / N, 777, touched, N + change.added.length);
    const again = await openCorpus(dir);
    await applyChange(again, N, small);
    await again.close();
    const expectedSmall = [small.added.length, small.removed.length, small.modified.length];
    const smallMs = await timeDiff(dir, expectedSmall);
    console.log(
      `diff summary at ${N} docs, ${expectedSmall.reduce((a, b) => a + b)} changed (as many as 1% of 10,000): ` +
        `store ${fmt(smallMs)} (median, cold open)`,
    );
  }
}
// 4. verified reads: read every document of HEAD from a cold open, alternating the two modes.
{
  const readAll = async (verifyReads) => {
    const store = new Store(lastStore, new FileBackend(join(lastStore, CORPUS_DIR), { verifyReads }));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let chars = 0;
    for await (const record of store.documents('HEAD')) chars += record.document.text.length;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    await store.close();
    if (chars === 0) throw new Error('read nothing');
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const on = [];
  const off = [];
  for (let r = 0; r < RUNS; r++) {
    off.push(await readAll(false));
    on.push(await readAll(true));
  }
  const onMs = median(on.map((t) => t.ms));
  const offMs = median(off.map((t) => t.ms));
  const onCpu = median(on.map((t) => t.cpuMs));
  const offCpu = median(off.map((t) => t.cpuMs));
  console.log(
    `\nread all ${N} documents of HEAD (cold open, medians of ${RUNS}): verified ${fmt(onMs)} (cpu ${fmt(onCpu)}), ` +
      `unverified ${fmt(offMs)} (cpu ${fmt(offCpu)}); RATIO verified/unverified = ${(onMs / offMs).toFixed(3)} wall, ` +
      `${(onCpu / offCpu).toFixed(3)} cpu`,
  );
}
remove(lastStore);
remove(lastGit);
