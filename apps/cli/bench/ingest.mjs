// Ingest throughput of the built CLI on real saved pages, whole processes: --jobs 1 against
// --jobs 2; ingest --redis with one and with two `corpuskit worker` processes (one thread each)
// and with one worker process of two threads, on a redis-server started here; the ceiling of
// this machine (`corpuskit clean` on all the pages in one process, against two independent
// processes on half of them each, at once); --jobs 2 again with V8's --interrupt-budget raised
// 16x (an experiment, see below); and, with
// --readability, a plain loop of Readability (jsdom). Each process reports its CPU per
// thread (bench/thread-cpu.mjs): main thread, cleaning threads, V8's and libuv's own threads.
//
//   pnpm --filter @corpuskit/cli build && pnpm --filter @corpuskit/cli bench [-- --data DIR --runs N]
//   (--no-redis, --no-ideal, --no-v8-budget leave those configurations out)
//
// DIR defaults to ../shared/data relative to the repository root; the pages are
// DIR/readability-test-pages/*/source.html.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(repo, '../shared/data') },
    runs: { type: 'string', default: '3' },
    readability: { type: 'boolean', default: false },
    redis: { type: 'boolean', default: true },
    ideal: { type: 'boolean', default: true },
    'v8-budget': { type: 'boolean', default: true },
  },
  allowPositionals: true,
  allowNegative: true,
});
const pagesDir = path.join(values.data, 'readability-test-pages');
if (!existsSync(pagesDir)) {
  console.error(`no pages at ${pagesDir}: pass --data DIR`);
  process.exit(2);
}
const bin = path.join(repo, 'apps/cli/dist/bin.js');
if (!existsSync(bin)) {
  console.error('build the CLI first: pnpm --filter @corpuskit/cli build');
  process.exit(2);
}
const files = readdirSync(pagesDir)
  .map((name) => path.join(pagesDir, name, 'source.html'))
  .filter((file) => existsSync(file))
  .sort();
const runs = Number(values.runs);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const threadCpu = path.join(here, 'thread-cpu.mjs');

function cli(args, cwd, nodeArgs = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, bin, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`corpuskit ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result;
}

/**
 * CPU per page (ms) from the lines thread-cpu.mjs printed, summed over processes: the main
 * thread (reading, dedup, staging, handing out pages; for `clean`, the cleaning itself), the
 * worker threads that clean, and the rest (V8's compiler and GC threads, libuv's pool).
 */
function threadCpuPerPage(stderrs) {
  const sum = { main: 0, workers: 0, v8: 0 };
  for (const stderr of stderrs) {
    const cpu = /CORPUSKIT_BENCH_THREAD_CPU (\{.*\})/.exec(stderr);
    if (!cpu) return {};
    const threads = JSON.parse(cpu[1]);
    for (const key of Object.keys(sum)) sum[key] += threads[key];
  }
  const perPage = (ms) => Number((ms / files.length).toFixed(1));
  return {
    mainMsPerPage: perPage(sum.main),
    cleaningThreadsMsPerPage: perPage(sum.workers),
    v8ThreadsMsPerPage: perPage(sum.v8),
  };
}

/**
 * The machine's own ceiling: `corpuskit clean` (no corpus, no pool: it cleans in its main thread)
 * run as `count` independent processes at once, each on its share of the pages (dealt largest
 * first, as ingest schedules them). Nothing is shared between them, so two processes against
 * one shows what two cores give when nothing in corpuskit serialises the work.
 */
const bySize = [...files].sort((a, b) => statSync(b).size - statSync(a).size);
async function cleanProcesses(count) {
  const shares = Array.from({ length: count }, (_, k) => bySize.filter((_, i) => i % count === k));
  const started = process.hrtime.bigint();
  const stderrs = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const child = spawn(
            process.execPath,
            ['--import', pathToFileURL(threadCpu).href, bin, 'clean', ...share, '--format', 'jsonl'],
            { stdio: ['ignore', 'pipe', 'pipe'] },
          );
          let stderr = '';
          let lines = 0;
          child.stdout.on('data', (chunk) => {
            for (const byte of chunk) if (byte === 10) lines += 1;
          });
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.once('error', reject);
          child.once('exit', (code) => {
            if (code !== 0 && code !== 2) reject(new Error(`corpuskit clean exited ${code}: ${stderr}`));
            else if (lines !== share.length)
              reject(new Error(`corpuskit clean printed ${lines} of ${share.length} pages`));
            else resolve(stderr);
          });
        }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, ...threadCpuPerPage(stderrs) };
}

/**
 * An experiment, not what the CLI does: --jobs 2 again with V8's `--interrupt-budget` 16 times
 * its default (functions are optimised later). In runs under load it halved the CPU of V8's
 * compiler threads, but the cleaning threads spent more, by a varying amount; this pair of
 * figures on a quiet machine decides whether the CLI should set it.
 */
const v8DefaultBudget = /--interrupt-budget=(\d+)/.exec(
  spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout ?? '',
)?.[1];
const raisedBudget = v8DefaultBudget ? [`--interrupt-budget=${Number(v8DefaultBudget) * 16}`] : null;

function ingestOnce(jobs, redis, nodeArgs = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-'));
  try {
    cli(['init', dir, '--quiet'], dir);
    const started = process.hrtime.bigint();
    const how = redis ? ['--redis', redis] : ['--jobs', String(jobs)];
    const result = cli(['ingest', `${pagesDir}/*/source.html`, ...how, '--json', '--quiet'], dir, [
      ...nodeArgs,
      '--import',
      pathToFileURL(threadCpu).href,
    ]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = JSON.parse(result.stdout);
    // CPU of the ingest process's main thread (reading, dedup, staging, handing out pages) and of
    // its other threads, per page: unlike the wall clock, hardly moved by the machine's load.
    return {
      seconds,
      staged: summary.new + summary.updated,
      failed: summary.failedCount,
      ...threadCpuPerPage([result.stderr]),
      ...(summary.queue ? { queue: summary.queue } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readabilityOnce() {
  const started = process.hrtime.bigint();
  let chars = 0;
  for (const file of files) {
    const dom = new JSDOM(readFileSync(file), { url: 'https://example.com/', virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    chars += article?.textContent?.length ?? 0;
    dom.window.close();
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, chars };
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const waitFor = (child, stream, pattern) =>
  new Promise((resolve, reject) => {
    let seen = '';
    child[stream].on('data', (chunk) => {
      seen += chunk;
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
  });
const children = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
let redisUrl = null;
if (values.redis) {
  const redisDir = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-redis-'));
  const port = await freePort();
  const server = spawn('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    redisDir,
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  children.push(server);
  await waitFor(server, 'stdout', /Ready to accept connections/);
  redisUrl = `redis://127.0.0.1:${port}`;
}
/**
 * Start `count` worker processes of `threads` cleaning threads each; returns a function that
 * stops them and resolves to what each printed on stderr (their CPU per thread, from
 * thread-cpu.mjs).
 */
async function workers(count, threads) {
  const started = [];
  for (let i = 0; i < count; i += 1) {
    const child = spawn(process.execPath, [
      '--import',
      pathToFileURL(threadCpu).href,
      bin,
      'worker',
      '--redis',
      redisUrl,
      '--concurrency',
      String(threads),
    ]);
    children.push(child);
    const stderr = { text: '' };
    child.stderr.on('data', (chunk) => (stderr.text += chunk));
    await waitFor(child, 'stderr', /worker ready/);
    started.push({ child, stderr });
  }
  return async () => {
    for (const { child } of started) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    return started.map(({ stderr }) => stderr.text);
  };
}
/** Redis's own CPU time so far (microseconds, all commands), from INFO commandstats. */
function redisUsec() {
  const port = new URL(redisUrl).port;
  const info = spawnSync('redis-cli', ['-p', port, 'INFO', 'commandstats'], { encoding: 'utf8' });
  if (info.status !== 0) return NaN;
  return [...info.stdout.matchAll(/,usec=(\d+),/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}
/** What the queue costs per job, from the last run through it. */
let perJob = null;
async function withWorkers(count, threads = 1) {
  const stop = await workers(count, threads);
  let result;
  try {
    const before = redisUsec();
    result = ingestOnce(0, redisUrl);
    const jobs = result.queue?.jobs ?? 0;
    if (jobs > 0) {
      perJob = {
        redisUsec: (redisUsec() - before) / jobs,
        payloadBytes: result.queue.payloadBytes / jobs,
        resultBytes: result.queue.resultBytes / jobs,
      };
    }
  } finally {
    const stderrs = await stop();
    // The worker processes' CPU (from their start, warm-up included), as CPU per page.
    if (result) result.workerProcesses = threadCpuPerPage(stderrs);
  }
  return result;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, node ${process.versions.node}; load ${load()}`,
);
console.log(`pages: ${files.length} from ${pagesDir}; ${runs} runs each, medians below`);
ingestOnce(1); // warm the file cache and the module cache
// Interleaved (A B C, A B C, ...) so a change in the machine's load during the run affects
// every configuration alike.
const configs = [
  ...(values.readability ? [['readability loop (jsdom, in process)', readabilityOnce]] : []),
  ['corpuskit ingest --jobs 1', () => ingestOnce(1)],
  ['corpuskit ingest --jobs 2', () => ingestOnce(2)],
  ...(raisedBudget && values['v8-budget']
    ? [['--jobs 2, V8 budget x16', () => ingestOnce(2, null, raisedBudget)]]
    : []),
  ...(redisUrl
    ? [
        ['ingest --redis, 1 worker x 1 thread', () => withWorkers(1)],
        ['ingest --redis, 2 workers x 1 thread', () => withWorkers(2)],
        // One process, two cleaning threads: one Node process and its start-up instead of two.
        ['ingest --redis, 1 worker x 2 threads', () => withWorkers(1, 2)],
      ]
    : []),
  ...(values.ideal
    ? [
        ['ceiling: corpuskit clean, 1 process', () => cleanProcesses(1)],
        ['ceiling: corpuskit clean, 2 processes', () => cleanProcesses(2)],
      ]
    : []),
];
const times = configs.map(() => []);
const loads = configs.map(() => []);
const lasts = [];
const cpuPerPage = configs.map(() => ({ main: [], workers: [], v8: [], workerProcesses: [] }));
for (let i = 0; i < runs; i += 1) {
  for (const [c, [, once]] of configs.entries()) {
    lasts[c] = await once();
    times[c].push(lasts[c].seconds);
    if (lasts[c].mainMsPerPage !== undefined) {
      cpuPerPage[c].main.push(lasts[c].mainMsPerPage);
      cpuPerPage[c].workers.push(lasts[c].cleaningThreadsMsPerPage);
      cpuPerPage[c].v8.push(lasts[c].v8ThreadsMsPerPage);
      if (lasts[c].workerProcesses?.mainMsPerPage !== undefined) {
        cpuPerPage[c].workerProcesses.push(lasts[c].workerProcesses);
      }
    }
    loads[c].push(loadavg()[0]);
  }
}
const rows = new Map();
for (const [c, [label]] of configs.entries()) {
  const seconds = median(times[c]);
  const rate = files.length / seconds;
  rows.set(label, rate);
  console.log(
    `${label.padEnd(40)} median ${seconds.toFixed(2)} s  ${rate.toFixed(1)} pages/s  runs ${times[c].map((t) => t.toFixed(1)).join(' ')}  load after each ${loads[c].map((l) => l.toFixed(1)).join(' ')}  ${JSON.stringify(lasts[c])}`,
  );
}
for (const [c, [label]] of configs.entries()) {
  const cpu = cpuPerPage[c];
  if (cpu.main.length > 0) {
    const total = cpu.main.map((main, i) => main + cpu.workers[i] + cpu.v8[i]);
    console.log(
      `CPU per page, ${label}: main thread ${median(cpu.main).toFixed(1)} ms, cleaning threads ${median(cpu.workers).toFixed(1)} ms, V8/libuv threads ${median(cpu.v8).toFixed(1)} ms, process total ${median(total).toFixed(1)} ms (medians)`,
    );
    if (cpu.workerProcesses.length > 0) {
      const w = (key) => median(cpu.workerProcesses.map((p) => p[key])).toFixed(1);
      const all = median(
        cpu.workerProcesses.map((p) => p.mainMsPerPage + p.cleaningThreadsMsPerPage + p.v8ThreadsMsPerPage),
      );
      console.log(
        `CPU per page, ${label}, its worker processes together: main threads ${w('mainMsPerPage')} ms, cleaning threads ${w('cleaningThreadsMsPerPage')} ms, V8/libuv threads ${w('v8ThreadsMsPerPage')} ms, total ${all.toFixed(1)} ms (medians)`,
      );
    }
  }
}
const ratio = (a, b) => (rows.get(a) / rows.get(b)).toFixed(2);
console.log(
  `RATIO jobs2/jobs1 throughput: ${ratio('corpuskit ingest --jobs 2', 'corpuskit ingest --jobs 1')}x (target >= 1.8x on 2 cores)`,
);
if (redisUrl) {
  console.log(
    `RATIO 2 workers / 1 worker throughput: ${ratio('ingest --redis, 2 workers x 1 thread', 'ingest --redis, 1 worker x 1 thread')}x (target >= 1.8x)`,
  );
  console.log(
    `RATIO 2 workers / --jobs 2 throughput: ${ratio('ingest --redis, 2 workers x 1 thread', 'corpuskit ingest --jobs 2')}x (target within 10%)`,
  );
  console.log(
    `RATIO 1 worker x 2 threads / 1 worker x 1 thread: ${ratio('ingest --redis, 1 worker x 2 threads', 'ingest --redis, 1 worker x 1 thread')}x; / --jobs 2: ${ratio('ingest --redis, 1 worker x 2 threads', 'corpuskit ingest --jobs 2')}x`,
  );
}
if (rows.has('--jobs 2, V8 budget x16')) {
  console.log(
    `RATIO --jobs 2 with V8's --interrupt-budget x16 / --jobs 2 (default ${v8DefaultBudget}): ${ratio('--jobs 2, V8 budget x16', 'corpuskit ingest --jobs 2')}x throughput; x16 / --jobs 1: ${ratio('--jobs 2, V8 budget x16', 'corpuskit ingest --jobs 1')}x`,
  );
}
if (values.ideal) {
  console.log(
    `RATIO ceiling, 2 clean processes / 1: ${ratio('ceiling: corpuskit clean, 2 processes', 'ceiling: corpuskit clean, 1 process')}x (what two cores give with nothing shared)`,
  );
}
if (perJob) {
  console.log(
    `QUEUE per job: Redis CPU ${perJob.redisUsec.toFixed(0)} us (so one Redis core serves about ${Math.round(1e6 / perJob.redisUsec)} jobs/s), page payload ${(perJob.payloadBytes / 1024).toFixed(1)} KiB, result ${(perJob.resultBytes / 1024).toFixed(1)} KiB (compressed, base64)`,
  );
}
if (values.readability) {
  console.log(
    `RATIO ingest --jobs 1 / readability loop throughput: ${ratio('corpuskit ingest --jobs 1', 'readability loop (jsdom, in process)')}x`,
  );
}
console.log(`load average at the end: ${load()}`);
process.exit(0);
