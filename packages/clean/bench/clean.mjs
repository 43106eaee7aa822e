#!/usr/bin/env node
// Benchmark of @corpuskit/clean on real pages (readability-test-pages of the data directory):
//
//  1. time per page of plain Readability on jsdom (the baseline), Readability on linkedom, and the
//     whole clean() path (bytes -> CleanDocument) with each engine and with the default engine.
//     Each pass of each system runs in a fresh process, one at a time, in rotating order; a page's
//     time is its median over passes; we report the median page and the mean page, and ratios
//     against the jsdom baseline of the same run. Before timing, each process cleans a few pages
//     untimed (--warmup N, default 3): a fresh process, close to a one-off CLI run on few pages.
//     `--warmup all` first runs one untimed pass over every page, for the steady state of a long
//     corpus run (the JIT has compiled the hot paths); both are the same method for every system.
//  2. resident memory (RSS) over 1,000 page cleanings per engine, in one process, after a forced GC.
//
// Run against the built package: pnpm --filter @corpuskit/clean build && pnpm --filter @corpuskit/clean bench
//   [--data DIR] [--pages N] [--passes N] [--warmup N|all] [--memory N] [--no-memory] [--quick] [--max-rss-mb N]

import { fork } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, type, release, arch } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../eval/metrics.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const repoRoot = resolve(here, '../../..');
const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

// ------------------------------------------------------------------------------------------------
// Child mode: run one measurement and report it over IPC.

async function makeRunner(system) {
  const sys = await import('../eval/systems.mjs');
  if (system.startsWith('readability-')) {
    const engine = system.slice('readability-'.length);
    return (bytes) => sys.runReadabilityPlain(engine, sys.decodeForBaseline(bytes), READABILITY_TEST_URL);
  }
  const { clean } = await sys.loadCleaner();
  if (!clean) throw new Error('cleaner not built');
  const engine = system.slice('clean-'.length);
  // The cleaner's own per-document limit is for production; here a slow page must be measured,
  // not cut short, so the limit is set far above any real page.
  const base = { url: READABILITY_TEST_URL, timeoutMs: 600_000 };
  const options = engine === 'default' ? base : { ...base, engine };
  return (bytes) => clean(bytes, options);
}

async function childTime({ system, files, warmup }) {
  const run = await makeRunner(system);
  const pages = files.map((f) => new Uint8Array(readFileSync(f)));
  let engineUsed = null;
  for (const bytes of warmup === 'all' ? pages : pages.slice(0, warmup)) {
    try {
      const r = await run(bytes);
      engineUsed ??= r?.provenance?.engine ?? null;
    } catch {
      // Counted in the timed loop below.
    }
  }
  const times = [];
  const cpuTimes = [];
  const failures = [];
  for (const [i, bytes] of pages.entries()) {
    const c = process.cpuUsage();
    const t = performance.now();
    try {
      await run(bytes);
    } catch (error) {
      // A page that throws still costs its time; it is counted and named in the report.
      failures.push(`${files[i]}: ${String(error?.message ?? error).slice(0, 160)}`);
    }
    times.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpuTimes.push((d.user + d.system) / 1000);
  }
  return { times, cpuTimes, engineUsed, failures };
}

async function childMemory({ system, files, count, checkpoints, maxRssMb }) {
  const run = await makeRunner(system);
  const pages = files.map((f) => new Uint8Array(readFileSync(f)));
  const sample = (done) => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return {
      pages: done,
      rssMb: m.rss / 2 ** 20,
      heapMb: m.heapUsed / 2 ** 20,
      // What V8 holds for its heap (used or not) and memory outside it (Buffers, native objects).
      heapTotalMb: m.heapTotal / 2 ** 20,
      externalMb: m.external / 2 ** 20,
    };
  };
  const samples = [sample(0)];
  const started = performance.now();
  let failures = 0;
  for (let i = 1; i <= count; i++) {
    try {
      await run(pages[(i - 1) % pages.length]);
    } catch {
      failures++;
    }
    if (checkpoints.includes(i)) samples.push(sample(i));
    if (i % 25 === 0 && process.memoryUsage().rss / 2 ** 20 > maxRssMb) {
      samples.push({ ...sample(i), stopped: true });
      break;
    }
  }
  return { samples, seconds: (performance.now() - started) / 1000, failures };
}

if (process.argv[2] === '--child') {
  const job = JSON.parse(process.argv[3]);
  try {
    const result = job.mode === 'time' ? await childTime(job) : await childMemory(job);
    process.send({ ok: true, result });
  } catch (error) {
    process.send({ ok: false, error: String(error?.stack ?? error) });
  }
  process.disconnect();
} else {
  await main();
}

// ------------------------------------------------------------------------------------------------
// Parent mode.

function runChild(job, { exposeGc = false } = {}) {
  return new Promise((resolveChild) => {
    const child = fork(self, ['--child', JSON.stringify(job)], {
      execArgv: exposeGc ? ['--expose-gc'] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer = null;
    child.on('message', (m) => (answer = m));
    child.on('exit', (code, signal) =>
      resolveChild(answer ?? { ok: false, error: `benchmark process exited (${code ?? signal}) without a result` }),
    );
  });
}

async function main() {
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  let args;
  try {
    args = parseArgs({
      // `pnpm --filter @corpuskit/clean bench -- --data DIR` hands the script a leading `--`,
      // after which parseArgs would read every option as a positional and ignore it.
      args: process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--')),
      options: {
        data: { type: 'string' },
        pages: { type: 'string' },
        passes: { type: 'string' },
        warmup: { type: 'string' },
        memory: { type: 'string' },
        'no-memory': { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        'max-rss-mb': { type: 'string', default: '4096' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: false,
    }).values;
  } catch (error) {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(
      'usage: bench [--data DIR] [--pages N] [--passes N] [--warmup N|all] [--memory N] [--no-memory] [--quick] [--max-rss-mb N]',
    );
    return;
  }
  const int = (name, value, fallback) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`bench: --${name} must be a positive integer, got ${value}`);
      process.exit(2);
    }
    return n;
  };
  const quick = Boolean(args.quick);
  const dataDir = args.data
    ? isAbsolute(String(args.data))
      ? String(args.data)
      : resolve(userCwd, String(args.data))
    : resolve(repoRoot, '../shared/data');
  const pagesDir = join(dataDir, 'readability-test-pages');
  if (!existsSync(pagesDir)) {
    console.error(`bench: no readability-test-pages in ${dataDir}; pass --data DIR pointing at the data directory`);
    process.exit(2);
  }
  const allFiles = readdirSync(pagesDir)
    .sort()
    .map((d) => join(pagesDir, d, 'source.html'))
    .filter((f) => existsSync(f));
  const pageCount = int('pages', args.pages, quick ? 20 : allFiles.length);
  // Spread a subset over the whole set rather than taking the alphabetical head.
  const step = allFiles.length / Math.min(pageCount, allFiles.length);
  const files = Array.from({ length: Math.min(pageCount, allFiles.length) }, (_, i) => allFiles[Math.floor(i * step)]);
  const passes = int('passes', args.passes, quick ? 1 : 3);
  // Pages cleaned untimed in each process before the timed pass: a number, or 'all' for a whole pass.
  const warmup = args.warmup === 'all' ? 'all' : Math.min(int('warmup', args.warmup, 3), files.length);
  const memoryCount = args['no-memory'] ? 0 : int('memory', args.memory, quick ? 200 : 1000);
  const maxRssMb = int('max-rss-mb', args['max-rss-mb'], 4096);
  const sizes = files.map((f) => readFileSync(f).length / 1024);

  const { loadCleaner, snapshotCleaner } = await import('../eval/systems.mjs');
  // Measure one build from start to end, even if dist is rebuilt meanwhile.
  const snapshot = snapshotCleaner();
  process.on('exit', () => snapshot.cleanup());
  const cleaner = await loadCleaner();
  if (!cleaner.clean) {
    // The cleaner is what this measures: without it the ratios mean nothing.
    process.stderr.write(`bench: ${cleaner.reason}; build the workspace first (pnpm build)\n`);
    process.exit(1);
  }
  const systems = ['readability-jsdom', 'readability-linkedom', 'clean-jsdom', 'clean-linkedom', 'clean-default'];

  const cpu = cpus();
  console.log('@corpuskit/clean benchmark');
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB (${(freemem() / 2 ** 30).toFixed(1)} GB free), ${type()} ${release()} ${arch()}, node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `pages: ${files.length} readability test pages (median ${median(sizes).toFixed(0)} KB, max ${Math.max(...sizes).toFixed(0)} KB); ${passes} pass(es) per system, each in a fresh process after ${warmup === 'all' ? 'one untimed pass over every page (steady state)' : `${warmup} untimed page(s)`}`,
  );
  console.log(
    `cleaner: @corpuskit/clean ${cleaner.version ?? ''} (dist ${snapshot.hash}), default engine ${cleaner.defaultEngine ?? '?'}`,
  );

  // 1. Time per page.
  const perSystem = Object.fromEntries(systems.map((s) => [s, []]));
  const perSystemCpu = Object.fromEntries(systems.map((s) => [s, []]));
  const failuresOf = Object.fromEntries(systems.map((s) => [s, new Set()]));
  const engines = {};
  for (let pass = 0; pass < passes; pass++) {
    const order = systems.map((_, i) => systems[(i + pass) % systems.length]);
    for (const system of order) {
      const r = await runChild({ mode: 'time', system, files, warmup });
      if (!r.ok) {
        console.log(`  ${system}: failed: ${r.error.split('\n')[0]}`);
        continue;
      }
      perSystem[system].push(r.result.times);
      perSystemCpu[system].push(r.result.cpuTimes);
      for (const f of r.result.failures) failuresOf[system].add(f);
      if (r.result.engineUsed) engines[system] = r.result.engineUsed;
      process.stderr.write(`bench: pass ${pass + 1}/${passes} ${system} done\n`);
    }
  }
  const summarize = (runs) => {
    const pageMedians = files.map((_, i) => median(runs.map((r) => r[i])));
    return {
      median: median(pageMedians),
      mean: pageMedians.reduce((a, b) => a + b, 0) / pageMedians.length,
      p90: [...pageMedians].sort((a, b) => a - b)[Math.floor(0.9 * (pageMedians.length - 1))],
    };
  };
  const ratio = (a, b) => (b ? `${(a / b).toFixed(3)}x` : '-');
  const label = (system) =>
    system === 'clean-default' && engines[system] ? `clean-default (${engines[system]})` : system;
  const tables = [
    ['wall-clock', perSystem],
    ['CPU time (user + system of the process, so less disturbed by other load on the machine)', perSystemCpu],
  ];
  const results = {};
  for (const [name, data] of tables) {
    const summary = {};
    for (const system of systems) if (data[system].length) summary[system] = summarize(data[system]);
    results[name] = summary;
    const base = summary['readability-jsdom'];
    console.log(
      `\n${name} per page, ms (per-page median over passes); ratios to plain Readability on jsdom in this run`,
    );
    console.log(
      `  ${'system'.padEnd(26)} ${'median'.padStart(8)} ${'mean'.padStart(8)} ${'p90'.padStart(8)}   ratio(median) ratio(mean)`,
    );
    for (const [system, s] of Object.entries(summary)) {
      console.log(
        `  ${label(system).padEnd(26)} ${s.median.toFixed(1).padStart(8)} ${s.mean.toFixed(1).padStart(8)} ${s.p90.toFixed(1).padStart(8)}   ${ratio(s.median, base?.median).padStart(13)} ${ratio(s.mean, base?.mean).padStart(11)}`,
      );
    }
  }
  const short = (f) => f.replace(`${pagesDir}/`, '').replace('/source.html', '');
  for (const system of systems) {
    if (failuresOf[system].size) {
      console.log(
        `  ${label(system)}: ${failuresOf[system].size} page run(s) threw, e.g. ${short([...failuresOf[system]][0])}`,
      );
    }
  }
  for (const system of systems.filter((s) => s.startsWith('clean-') && perSystemCpu[s].length)) {
    const cpu = files.map((f, i) => [short(f), median(perSystemCpu[system].map((r) => r[i]))]);
    const slowest = cpu.sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `  slowest pages for ${label(system)} (CPU ms): ${slowest.map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(', ')}`,
    );
  }
  for (const [name, summary] of Object.entries(results)) {
    const base = summary['readability-jsdom'];
    const def = summary['clean-default'];
    if (!base || !def) continue;
    const r = def.median / base.median;
    const rm = def.mean / base.mean;
    console.log(
      `target (${name.split(' ')[0]}): clean() with the default engine <= 0.25x the baseline: median ${r.toFixed(3)}x, mean ${rm.toFixed(3)}x (${r <= 0.25 && rm <= 0.25 ? 'met' : 'NOT met'})`,
    );
  }

  // 2. Memory over many cleanings.
  if (memoryCount > 0 && cleaner.clean) {
    // Every tenth of the run (and 100, 500, 1,000): resident memory goes up and down with V8's
    // committed heap, so a few samples can show a trend that is not there.
    const tenths = Array.from({ length: 10 }, (_, i) => Math.round(((i + 1) * memoryCount) / 10));
    const checkpoints = [...new Set([100, 500, 1000, ...tenths].filter((n) => n > 0 && n <= memoryCount))].sort(
      (a, b) => a - b,
    );
    console.log(
      `\nresident memory over ${memoryCount} clean() calls in one process (MB, after a forced GC; pages cycle); RSS (heap used / heap committed by V8, external)`,
    );
    for (const engine of ['linkedom', 'jsdom']) {
      const r = await runChild(
        { mode: 'memory', system: `clean-${engine}`, files, count: memoryCount, checkpoints, maxRssMb },
        { exposeGc: true },
      );
      if (!r.ok) {
        console.log(`  clean-${engine}: failed: ${r.error.split('\n')[0]}`);
        continue;
      }
      const { samples, seconds, failures } = r.result;
      const cells = samples
        .map(
          (s) =>
            `${s.pages}: ${s.rssMb.toFixed(0)} (${s.heapMb.toFixed(0)} / ${s.heapTotalMb.toFixed(0)}, ${s.externalMb.toFixed(0)})`,
        )
        .join(', ');
      const last = samples.at(-1);
      const first = samples.find((s) => s.pages >= 100) ?? samples[0];
      const per100 = (key) =>
        last.pages > first.pages ? ((last[key] - first[key]) / (last.pages - first.pages)) * 100 : 0;
      const growth = per100('rssMb');
      const peak = Math.max(...samples.filter((s) => s.pages >= first.pages).map((s) => s.rssMb));
      console.log(
        `  clean-${engine.padEnd(9)} ${cells}; growth after page ${first.pages}: ${growth.toFixed(1)} MB per 100 pages (heap used ${per100('heapMb').toFixed(1)}, heap committed ${per100('heapTotalMb').toFixed(1)}, external ${per100('externalMb').toFixed(1)}), RSS peak ${peak.toFixed(0)}; ${seconds.toFixed(0)} s${failures ? `; ${failures} calls threw` : ''}${last.stopped ? `; STOPPED at ${last.pages} pages (RSS over ${maxRssMb} MB)` : ''}`,
      );
    }
  }
}
