// Inputs and outputs, timed against baselines in the same run:
//
// 1. WARC ingest throughput: the same pages ingested by the built CLI as HTML files and as one
//    WARC.gz (written here with warcio), alternating, medians of --runs. Target: within 10%.
// 2. Export of --docs documents (default 20,000 and 100,000: synthetic ~5 KB articles committed
//    to a store built here): JSONL (the baseline), Parquet, Parquet in the Hugging Face layout,
//    JSONL.gz; time and peak memory (max RSS of a child process doing only that export). With
//    several sizes, the last lines compare each format's peak RSS at the largest against the
//    smallest: a streaming export stays near x1.0 for x5 the documents.
//
// 3. Memory on a large WARC: the pages repeated to --warc-records records (default 1,300 and
//    5,200; each its own URL) in one WARC.gz written here, ingested by the built CLI; time,
//    records/s and peak RSS of the CLI (GNU time's %M), and the peak RSS at the largest size
//    against the smallest: past --max-rss-growth (default 1.15) the bench says FAILED and exits
//    with status 1. Cleaned pages wait for staging in a bounded spool (memory up to a budget,
//    then a temporary file), so the ingesting thread does not grow with the records; the peak
//    also holds the cleaning threads' heaps (V8's growing factor 2, replaced past 256 MiB), so
//    it varies from run to run with when both are at their top together. The CLI runs with
//    --verbose and its memory lines are printed under each size (every 500 pages, after
//    cleaning, after staging: RSS, anonymous memory, the main thread's heap and external
//    memory, each cleaning thread's heap, threads started), to tell what grows.
//
//   pnpm build && pnpm --filter @corpuskit/ingest bench [-- --data DIR --runs N --docs N --warc-records N,N
//     --max-rss-growth X --skip-export --skip-warc --skip-large-warc]
//
// Pages: DIR/readability-test-pages/*/source.html (DIR defaults to ../shared/data beside the
// repository) when present, else the sample corpus's pages, repeated.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { WARCRecord, WARCSerializer } from 'warcio';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
// `pnpm --filter @corpuskit/ingest bench -- --data DIR` passes the `--` on: skip it.
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const { values } = parseArgs({
  args,
  options: {
    data: { type: 'string', default: path.resolve(process.env.INIT_CWD ?? repo, '../shared/data') },
    runs: { type: 'string', default: '3' },
    docs: { type: 'string', default: '20000,100000' },
    jobs: { type: 'string', default: '2' },
    'skip-export': { type: 'boolean', default: false },
    'skip-warc': { type: 'boolean', default: false },
    'warc-records': { type: 'string', default: '1300,5200' },
    'skip-large-warc': { type: 'boolean', default: false },
    'max-rss-growth': { type: 'string', default: '1.15' },
  },
});
const bin = path.join(repo, 'apps/cli/dist/bin.js');
if (!existsSync(bin)) {
  console.error('build first: pnpm build');
  process.exit(2);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const remove = (dir) => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

// GNU time (Debian package `time`) reports the CLI's peak RSS; without it, RSS is not measured.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Run the built CLI; `maxRssMb` is its peak resident memory (null without GNU time). */
function cli(args, cwd) {
  const command = gnuTime ? [gnuTime, '-f', 'corpuskit-bench-maxrss %M', process.execPath] : [process.execPath];
  const result = spawnSync(command[0], [...command.slice(1), bin, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const rss = /corpuskit-bench-maxrss (\d+)\s*$/.exec(result.stderr ?? '');
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`corpuskit ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return { ...result, maxRssMb: rss ? Number(rss[1]) / 1024 : null };
}
const mb = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);

/** A gzipped WARC response record of an HTML page. */
function warcRecord(url, bytes) {
  const record = WARCRecord.create(
    {
      type: 'response',
      url,
      date: '2026-01-01T00:00:00Z',
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'text/html' },
    },
    (async function* () {
      yield bytes;
    })(),
  );
  return WARCSerializer.serialize(record, { gzip: true });
}

console.log(`load average before: ${load()}`);

if (!values['skip-warc']) {
  const dataPages = path.join(values.data, 'readability-test-pages');
  let pages;
  if (existsSync(dataPages)) {
    pages = readdirSync(dataPages)
      .map((name) => path.join(dataPages, name, 'source.html'))
      .filter((file) => existsSync(file))
      .sort()
      .map((file) => readFileSync(file));
  } else {
    const sample = path.join(repo, 'corpus/pages');
    const files = readdirSync(sample).filter((name) => name.endsWith('.html'));
    pages = Array.from({ length: 8 }, () => files.map((name) => readFileSync(path.join(sample, name)))).flat();
  }
  const work = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-inputs-'));
  const filesDir = path.join(work, 'pages');
  mkdirSync(filesDir);
  const parts = [];
  for (const [index, bytes] of pages.entries()) {
    const name = `${String(index).padStart(5, '0')}.html`;
    writeFileSync(path.join(filesDir, name), bytes);
    parts.push(await warcRecord(`https://bench.example/${name}`, bytes));
  }
  const warc = path.join(work, 'pages.warc.gz');
  writeFileSync(warc, Buffer.concat(parts));
  const bytes = pages.reduce((sum, page) => sum + page.length, 0);
  console.log(
    `\nWARC ingest: ${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB), --jobs ${values.jobs}, ${values.runs} runs each, alternating`,
  );
  const times = { files: [], warc: [] };
  const rss = { files: [], warc: [] };
  for (let run = 0; run < Number(values.runs); run += 1) {
    for (const kind of run % 2 === 0 ? ['files', 'warc'] : ['warc', 'files']) {
      const corpus = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-corpus-'));
      try {
        cli(['init', corpus, '--quiet'], corpus);
        const started = process.hrtime.bigint();
        const result = cli(
          ['ingest', kind === 'files' ? filesDir : warc, '--jobs', values.jobs, '--json', '--quiet'],
          corpus,
        );
        times[kind].push(Number(process.hrtime.bigint() - started) / 1e9);
        if (result.maxRssMb !== null) rss[kind].push(result.maxRssMb);
        const summary = JSON.parse(result.stdout);
        if (summary.files !== pages.length) {
          throw new Error(`${kind}: ${summary.files} pages ingested, expected ${pages.length}`);
        }
      } finally {
        remove(corpus);
      }
    }
  }
  const files = median(times.files);
  const warcTime = median(times.warc);
  const peak = (list) => (list.length > 0 ? Math.max(...list) : null);
  console.log(
    `  files:   ${files.toFixed(2)} s  ${(pages.length / files).toFixed(1)} pages/s  peak RSS ${mb(peak(rss.files))}  runs ${times.files.map((t) => t.toFixed(1)).join(' ')}`,
  );
  console.log(
    `  WARC.gz: ${warcTime.toFixed(2)} s  ${(pages.length / warcTime).toFixed(1)} pages/s  peak RSS ${mb(peak(rss.warc))}  runs ${times.warc.map((t) => t.toFixed(1)).join(' ')}`,
  );
  console.log(
    `  RATIO WARC.gz / files: time ${(warcTime / files).toFixed(3)} (target <= 1.10), throughput ${(files / warcTime).toFixed(3)} (target >= 0.91)`,
  );
  remove(work);

  if (!values['skip-large-warc']) {
    const sizes = values['warc-records'].split(',').map(Number);
    console.log(`\nlarge WARC: the ${pages.length} pages repeated, each record its own URL, --jobs ${values.jobs}`);
    const bySize = [];
    for (const records of sizes) {
      const dir = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-warc-'));
      try {
        const file = path.join(dir, 'large.warc.gz');
        writeFileSync(file, '');
        for (let i = 0; i < records; i += 1) {
          appendFileSync(file, await warcRecord(`https://bench.example/r${i}.html`, pages[i % pages.length]));
        }
        const corpus = path.join(dir, 'corpus');
        mkdirSync(corpus);
        cli(['init', corpus, '--quiet'], corpus);
        const started = process.hrtime.bigint();
        const result = cli(['ingest', file, '--jobs', values.jobs, '--json', '--quiet', '--verbose'], corpus);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const summary = JSON.parse(result.stdout);
        if (summary.files !== records) throw new Error(`large WARC: ${summary.files} pages, expected ${records}`);
        bySize.push({ records, seconds, maxRssMb: result.maxRssMb });
        console.log(
          `  ${String(records).padStart(6)} records (${(statSync(file).size / 1e6).toFixed(0)} MB gzipped): ${seconds.toFixed(1)} s  ${(records / seconds).toFixed(1)} records/s  peak RSS ${mb(result.maxRssMb)}  load ${load()}`,
        );
        for (const line of result.stderr.split('\n')) {
          if (line.startsWith('memory ')) console.log(`      ${line}`);
        }
      } finally {
        remove(dir);
      }
    }
    if (bySize.length > 1 && bySize[0].maxRssMb !== null) {
      const [small, large] = [bySize[0], bySize.at(-1)];
      const growth = large.maxRssMb / small.maxRssMb;
      const limit = Number(values['max-rss-growth']);
      console.log(
        `  RATIO ${large.records} / ${small.records} records: peak RSS x${growth.toFixed(2)} (limit x${limit.toFixed(2)}: ${growth <= limit ? 'flat' : 'FAILED, grows with the records'}), records/s x${(large.records / large.seconds / (small.records / small.seconds)).toFixed(2)}`,
      );
      if (growth > limit) process.exitCode = 1;
    }
  }
}

if (!values['skip-export']) {
  const sizes = values.docs.split(',').map(Number);
  const bySize = [];
  for (const docs of sizes) {
    const corpus = mkdtempSync(path.join(tmpdir(), 'corpuskit-bench-export-'));
    const build = spawnSync(process.execPath, [path.join(here, 'export-corpus.mjs'), corpus, String(docs)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`building the corpus failed: ${build.stdout}`);
    console.log(`\nexport of ${docs} documents (${build.stdout.trim()}); load ${load()}`);
    const rows = [];
    for (const [label, args] of [
      ['jsonl (baseline)', ['jsonl', path.join(corpus, 'out.jsonl')]],
      ['parquet', ['parquet', path.join(corpus, 'out.parquet')]],
      ['parquet --layout hf', ['parquet', path.join(corpus, 'hf'), 'hf']],
      ['jsonl.gz', ['jsonl.gz', path.join(corpus, 'gz')]],
    ]) {
      const result = spawnSync(process.execPath, [path.join(here, 'export-once.mjs'), corpus, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (result.status !== 0) throw new Error(`${label} failed`);
      const { seconds, maxRssMb, documents, outputMb } = JSON.parse(result.stdout);
      if (documents !== docs) throw new Error(`${label}: ${documents} documents, expected ${docs}`);
      rows.push({ label, seconds, maxRssMb, outputMb });
    }
    const base = rows[0];
    for (const row of rows) {
      console.log(
        `  ${row.label.padEnd(20)} ${row.seconds.toFixed(1).padStart(6)} s (x${(row.seconds / base.seconds).toFixed(2)})  peak RSS ${row.maxRssMb.toFixed(0).padStart(5)} MB (x${(row.maxRssMb / base.maxRssMb).toFixed(2)})  output ${row.outputMb.toFixed(0)} MB`,
      );
    }
    bySize.push({ docs, rows });
    remove(corpus);
  }
  if (bySize.length > 1) {
    const small = bySize[0];
    const large = bySize.at(-1);
    console.log(
      `\npeak RSS and time at ${large.docs} against ${small.docs} documents (x${large.docs / small.docs} documents):`,
    );
    for (const [index, row] of large.rows.entries()) {
      const before = small.rows[index];
      console.log(
        `  ${row.label.padEnd(20)} RSS ${before.maxRssMb.toFixed(0)} -> ${row.maxRssMb.toFixed(0)} MB (x${(row.maxRssMb / before.maxRssMb).toFixed(2)}), time x${(row.seconds / before.seconds).toFixed(2)}`,
      );
    }
  }
}
console.log(`\nload average after: ${load()}`);
