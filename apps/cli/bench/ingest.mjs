// Ingest throughput of the built CLI on real saved pages, --jobs 1 against --jobs 2, and both
// against a plain loop of Readability (jsdom) over the same files in this process.
//
//   pnpm --filter @corpuskit/cli build && pnpm --filter @corpuskit/cli bench [-- --data DIR --runs N]
//
// DIR defaults to ../shared/data relative to the repository root; the pages are
// DIR/readability-test-pages/*/source.html.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(repo, '../shared/data') },
    runs: { type: 'string', default: '3' },
  },
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

function cli(args, cwd) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`corpuskit ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result;
}

function ingestOnce(jobs) {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-'));
  try {
    cli(['init', dir, '--quiet'], dir);
    const started = process.hrtime.bigint();
    const result = cli(['ingest', `${pagesDir}/*/source.html`, '--jobs', String(jobs), '--json', '--quiet'], dir);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const summary = JSON.parse(result.stdout);
    return { seconds, staged: summary.new + summary.updated, failed: summary.failedCount };
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

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, node ${process.versions.node}`,
);
console.log(`pages: ${files.length} from ${pagesDir}; ${runs} runs each, medians below`);
ingestOnce(1); // warm the file cache and the module cache
// Interleaved (A B C, A B C, ...) so a change in the machine's load during the run affects
// every configuration alike.
const configs = [
  ['readability loop (jsdom, in process)', readabilityOnce],
  ['corpuskit ingest --jobs 1', () => ingestOnce(1)],
  ['corpuskit ingest --jobs 2', () => ingestOnce(2)],
];
const times = configs.map(() => []);
const lasts = [];
for (let i = 0; i < runs; i += 1) {
  configs.forEach(([, once], c) => {
    lasts[c] = once();
    times[c].push(lasts[c].seconds);
  });
}
const rows = configs.map(([label], c) => {
  const seconds = median(times[c]);
  const row = { label, seconds, rate: files.length / seconds };
  console.log(
    `${label.padEnd(40)} median ${seconds.toFixed(2)} s  ${row.rate.toFixed(1)} pages/s  runs ${times[c].map((t) => t.toFixed(1)).join(' ')}  ${JSON.stringify(lasts[c])}`,
  );
  return row;
});
const [loop, one, two] = rows;
console.log(`RATIO jobs2/jobs1 throughput: ${(two.rate / one.rate).toFixed(2)}x (target >= 1.7x on 2 cores)`);
console.log(`RATIO ingest --jobs 1 / readability loop throughput: ${(one.rate / loop.rate).toFixed(2)}x`);
console.log(`RATIO ingest --jobs 2 / readability loop throughput: ${(two.rate / loop.rate).toFixed(2)}x`);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
