// Benchmark: @corpuskit/diff diffDocuments vs jsdiff diffWords on the same inputs, same run.
// Usage: node bench/diff.mjs [--data DIR] [--runs N]   (DIR defaults to ../shared/data from the repo root)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { applyDiff, diffDocuments } from '@corpuskit/diff';
import { diffWords } from 'diff';

import { buildCases } from './inputs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const { values } = parseArgs({
  options: { data: { type: 'string' }, runs: { type: 'string' }, memory: { type: 'boolean', default: true } },
});
const dataDir = resolve(values.data ?? join(repo, '..', 'shared', 'data'));
if (!existsSync(join(dataDir, 'scrapinghub-dev', 'ground-truth.json'))) {
  console.error(`bench: no scrapinghub-dev/ground-truth.json under ${dataDir} (pass --data DIR)`);
  process.exit(2);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Time both engines interleaved (ours, baseline, ours, ...) so a busy machine slows both
 * alike; the baseline runs `baseRuns` times, ours `runs` times. Returns medians in ms.
 */
function timeBoth(ours, base, runs, baseRuns) {
  const a = [];
  const b = [];
  let oursResult;
  let baseResult;
  for (let k = 0; k < Math.max(runs, baseRuns); k += 1) {
    if (k < runs) {
      const t0 = process.hrtime.bigint();
      oursResult = ours();
      a.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    if (k < baseRuns) {
      const t0 = process.hrtime.bigint();
      baseResult = base();
      b.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { oursMs: median(a), baseMs: median(b), oursResult, baseResult };
}

/** Peak resident memory of one diff in a fresh process (MB), or null if not measurable. */
function peakMemory(engine, caseIndex) {
  try {
    const out = execFileSync(process.execPath, [join(here, 'peak.mjs'), engine, String(caseIndex), dataDir], {
      encoding: 'utf8',
    });
    return JSON.parse(out);
  } catch {
    return null;
  }
}

const runsFor = (name) => Number(values.runs ?? (name.includes('5 KB') ? 40 : name.includes('50 KB') ? 12 : 7));
console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, node ${process.version}, ${os.platform()} ${os.release()}`,
);
console.log(`data: ${dataDir}`);
const cases = buildCases(dataDir);
const rows = [];
cases.forEach((c, index) => {
  const runs = runsFor(c.name);
  // Warm up both engines on this input.
  diffDocuments(c.old, c.new);
  diffWords(c.old, c.new);
  const timed = timeBoth(
    () => diffDocuments(c.old, c.new),
    () => diffWords(c.old, c.new),
    runs,
    c.name.includes('5 KB') ? runs : Math.min(runs, 5),
  );
  const ours = { ms: timed.oursMs, result: timed.oursResult };
  const base = { ms: timed.baseMs, result: timed.baseResult };
  const diff = ours.result;
  if (applyDiff(c.old, diff) !== c.new) throw new Error(`${c.name}: applyDiff did not give the new text back`);
  const baseOps = base.result.filter((part) => part.added || part.removed).length;
  const row = {
    case: c.name,
    oldKB: +(c.old.length / 1000).toFixed(1),
    newKB: +(c.new.length / 1000).toFixed(1),
    runs,
    baselineRuns: Math.min(runs, c.name.includes('5 KB') ? runs : 5),
    oursMs: +ours.ms.toFixed(2),
    diffWordsMs: +base.ms.toFixed(2),
    speedup: +(base.ms / ours.ms).toFixed(1),
    oursWordOps: diff.stats.wordOps,
    diffWordsOps: baseOps,
    blocks: diff.stats.blocks,
    wordsAddedRemoved: `${diff.stats.words.added}/${diff.stats.words.removed}`,
    fallbacks: diff.fallbacks.length,
  };
  if (values.memory) {
    const a = peakMemory('ours', index);
    const b = peakMemory('diffWords', index);
    if (a && b) {
      row.oursPeakMB = a.peakMB;
      row.diffWordsPeakMB = b.peakMB;
      row.baselineProcessMB = a.baselineMB;
    }
  }
  rows.push(row);
  console.log(
    `${c.name.padEnd(16)} ours ${row.oursMs.toFixed(2).padStart(8)} ms  diffWords ${row.diffWordsMs
      .toFixed(2)
      .padStart(8)} ms  ratio ${String(row.speedup).padStart(6)}x  word ops ${row.oursWordOps} vs ${row.diffWordsOps}` +
      (row.oursPeakMB === undefined
        ? ''
        : `  peak RSS ${row.oursPeakMB} MB vs ${row.diffWordsPeakMB} MB (idle ${row.baselineProcessMB} MB)`),
  );
});
console.log(JSON.stringify({ bench: '@corpuskit/diff', rows }, null, 2));
