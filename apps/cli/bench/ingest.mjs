// Ingest throughput of the built CLI on real saved pages, whole processes: --jobs 1 against
// --jobs 2; ingest --redis with one and with two `corpuskit worker` processes (one thread each)
// on a redis-server started here; and, with --readability, a plain loop of Readability (jsdom).
//
//   pnpm --filter @corpuskit/cli build && pnpm --filter @corpuskit/cli bench [-- --data DIR --runs N]
//
// DIR defaults to ../shared/data relative to the repository root; the pages are
// DIR/readability-test-pages/*/source.html.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
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
  },
  allowPositionals: true,
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

function ingestOnce(jobs, redis) {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-'));
  try {
    cli(['init', dir, '--quiet'], dir);
    const started = process.hrtime.bigint();
    const how = redis ? ['--redis', redis] : ['--jobs', String(jobs)];
    const result = cli(['ingest', `${pagesDir}/*/source.html`, ...how, '--json', '--quiet'], dir, [
      '--import',
      pathToFileURL(threadCpu).href,
    ]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = JSON.parse(result.stdout);
    // CPU of the ingest process's main thread (reading, dedup, staging, handing out pages) and of
    // its other threads, per page: unlike the wall clock, hardly moved by the machine's load.
    const cpu = /CORPUSKIT_BENCH_THREAD_CPU (\{.*\})/.exec(result.stderr);
    const threads = cpu ? JSON.parse(cpu[1]) : null;
    return {
      seconds,
      staged: summary.new + summary.updated,
      failed: summary.failedCount,
      ...(threads
        ? {
            mainMsPerPage: Number((threads.main / files.length).toFixed(1)),
            otherThreadsMsPerPage: Number((threads.other / files.length).toFixed(1)),
          }
        : {}),
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
/** Start `count` worker processes of one thread each; returns a function that stops them. */
async function workers(count) {
  const started = [];
  for (let i = 0; i < count; i += 1) {
    const child = spawn(process.execPath, [bin, 'worker', '--redis', redisUrl, '--concurrency', '1']);
    children.push(child);
    await waitFor(child, 'stderr', /worker ready/);
    started.push(child);
  }
  return async () => {
    for (const child of started) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
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
async function withWorkers(count) {
  const stop = await workers(count);
  try {
    const before = redisUsec();
    const result = ingestOnce(0, redisUrl);
    const jobs = result.queue?.jobs ?? 0;
    if (jobs > 0) {
      perJob = {
        redisUsec: (redisUsec() - before) / jobs,
        payloadBytes: result.queue.payloadBytes / jobs,
        resultBytes: result.queue.resultBytes / jobs,
      };
    }
    return result;
  } finally {
    await stop();
  }
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
  ...(redisUrl
    ? [
        ['ingest --redis, 1 worker x 1 thread', () => withWorkers(1)],
        ['ingest --redis, 2 workers x 1 thread', () => withWorkers(2)],
      ]
    : []),
];
const times = configs.map(() => []);
const loads = configs.map(() => []);
const lasts = [];
const cpuPerPage = configs.map(() => ({ main: [], other: [] }));
for (let i = 0; i < runs; i += 1) {
  for (const [c, [, once]] of configs.entries()) {
    lasts[c] = await once();
    times[c].push(lasts[c].seconds);
    if (lasts[c].mainMsPerPage !== undefined) {
      cpuPerPage[c].main.push(lasts[c].mainMsPerPage);
      cpuPerPage[c].other.push(lasts[c].otherThreadsMsPerPage);
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
    console.log(
      `CPU per page, ${label}: ingest main thread ${median(cpu.main).toFixed(1)} ms, its other threads ${median(cpu.other).toFixed(1)} ms (medians)`,
    );
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
