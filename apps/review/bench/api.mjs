// Benchmark of the review API at the scale the app promises: a 10,000-document version diff,
// a 200 KB document diff and a 10,000-document queue; then the paged queue at 100,000 staged
// documents (first page, filtered pages, a deep page, the bulk-accept selection, and a cold start:
// server start to first page, with where its time goes). Runs against
// the BUILT package (`pnpm --filter @corpuskit/review build` first). Prints medians and ratios
// against a baseline request (`GET /api/session`: token check and routing only) measured in the
// same run. Arguments: [documents in the version diff] [runs] [documents in the queue].
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { startReviewServer } from '@corpuskit/review';
import { initCorpus } from '@corpuskit/store';
import { makeRecord } from '@corpuskit/testkit';

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 15);
const QUEUE_COUNT = Number(process.argv[4] ?? 100_000);
const BIG = 'https://longreads.example/history';

function record(id, title, text, { status = 'ok', findings = [] } = {}) {
  return {
    record: makeRecord(id, text, { title, status, findings, metadata: { language: null }, stats: { words: 0 } }),
  };
}

function bigText(edition) {
  const paragraphs = Array.from(
    { length: 1500 },
    (_, i) =>
      `Paragraph ${i + 1} of the long read recalls how the harbour changed in year ${1800 + i}, when the quay was rebuilt and the ferry ran ${i % 9} times a day.`,
  );
  if (edition === 1) return paragraphs.join('\n\n');
  const edited = paragraphs.map((p, i) => (i % 25 === 0 ? p.replace('was rebuilt', 'was rebuilt in stone') : p));
  edited.splice(20, 0, edited.splice(700, 1)[0]);
  edited.splice(1000, 3);
  return edited.join('\n\n');
}

async function build(dir) {
  const store = await initCorpus(dir);
  const edition = async (n, big) => {
    const inputs = Array.from({ length: COUNT }, (_, i) =>
      record(
        `https://site${i % 7}.example/a/${i}`,
        `Article ${i}`,
        `Article ${i}, edition ${n}.\n\nSecond paragraph ${i}.`,
      ),
    );
    if (big) inputs.push(record(BIG, 'History', bigText(big)));
    await store.transaction(() => store.stage(inputs));
  };
  await edition(1, 1);
  await store.accept('all');
  await store.commit({ message: 'v1', tag: 'v1' });
  await edition(2, 2);
  await store.accept('all');
  await store.commit({ message: 'v2', tag: 'v2' });
  await edition(3, null);
  await store.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const dir = mkdtempSync(join(os.tmpdir(), 'corpuskit-review-bench-'));
try {
  let t = performance.now();
  await build(dir);
  console.log(
    `corpus: ${COUNT} documents x 2 versions + ${COUNT} pending, one 200 KB document (${((performance.now() - t) / 1000).toFixed(1)} s to build)`,
  );
  const server = await startReviewServer({ corpusDir: dir });
  const base = `http://127.0.0.1:${server.port}/api/`;
  const get = async (path) => {
    const start = performance.now();
    const response = await fetch(base + path, { headers: { authorization: `Bearer ${server.token}` } });
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };

  t = performance.now();
  await get('queue?where=pending&limit=200');
  const queueCold = performance.now() - t;
  t = performance.now();
  const first = await get('diff?old=v1&new=v2');
  const diffCold = performance.now() - t;
  let progress = first.body;
  const measuring = performance.now();
  while (progress.measured < progress.total) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    progress = (await get('diff?old=v1&new=v2')).body;
  }
  const measuredAll = performance.now() - measuring;

  const cases = [
    ['baseline: GET session', 'session'],
    ['GET queue first page (10k items)', 'queue?where=pending&limit=200'],
    ['GET diff summary (cached)', 'diff?old=v1&new=v2'],
    ['GET diff/documents last page', `diff/documents?old=v1&new=v2&offset=${COUNT - 200}&limit=200`],
    ['GET diff/documents site + size filter', 'diff/documents?old=v1&new=v2&site=site3.example&minSize=2&limit=200'],
    ['GET diff/document 200 KB', `diff/document?old=v1&new=v2&id=${encodeURIComponent(BIG)}`],
  ];
  const results = [];
  for (const [name, path] of cases) {
    const times = [];
    for (let i = 0; i < RUNS; i += 1) times.push((await get(path)).ms);
    results.push([name, median(times)]);
  }
  await server.close();

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`machine: ${cpu}, ${os.cpus().length} cores, node ${process.version}; ${RUNS} runs each, medians`);
  const baseline = results[0][1];
  for (const [name, ms] of results) {
    console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms  ratio ${(ms / baseline).toFixed(1)}x`);
  }
  console.log(`${'first GET queue page (10k staged)'.padEnd(40)} ${queueCold.toFixed(1).padStart(8)} ms (once)`);
  console.log(`${'first GET diff (manifest diff, renames)'.padEnd(40)} ${diffCold.toFixed(1).padStart(8)} ms (once)`);
  console.log(`${'background sizes for every document'.padEnd(40)} ${measuredAll.toFixed(1).padStart(8)} ms (once)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ------------------------------------------------------------ the queue at QUEUE_COUNT staged documents

/** A staged corpus of `count` documents on 20 sites: every 50th a near duplicate, every 40th suspect. */
async function buildQueue(dir, count) {
  const store = await initCorpus(dir);
  const inputs = Array.from({ length: count }, (_, i) => {
    const id = `https://site${i % 20}.example/news/${String(i).padStart(6, '0')}`;
    const findings =
      i % 50 === 3
        ? [{ kind: 'near', other: `https://site${i % 20}.example/news/000000`, similarity: 0.91, reason: 'bench' }]
        : [];
    return record(id, `Harbour story ${i}`, `Story ${i} about the harbour.\n\nSecond paragraph ${i}.`, {
      status: i % 40 === 3 ? 'suspect' : 'ok',
      findings,
    });
  });
  await store.transaction(() => store.stage(inputs));
  // A third of them decided, so the state filter has something to do.
  await store.accept(inputs.filter((_, i) => i % 3 === 0).map((input) => input.record.id));
  await store.close();
}

/** A client of one server: GET with the token, timed. */
function clientOf(server) {
  const base = `http://127.0.0.1:${server.port}/api/`;
  return async (path) => {
    const start = performance.now();
    const response = await fetch(base + path, { headers: { authorization: `Bearer ${server.token}` } });
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };
}

const queueDir = mkdtempSync(join(os.tmpdir(), 'corpuskit-review-queue-bench-'));
try {
  let t = performance.now();
  await buildQueue(queueDir, QUEUE_COUNT);
  const stagingDir = join(queueDir, '.corpuskit', 'staging');
  const indexBytes = readdirSync(stagingDir).reduce((sum, name) => sum + statSync(join(stagingDir, name)).size, 0);
  console.log(
    `\nqueue: ${QUEUE_COUNT.toLocaleString('en-US')} staged documents on 20 sites, staging index ${(indexBytes / 1e6).toFixed(1)} MB (${((performance.now() - t) / 1000).toFixed(1)} s to build)`,
  );
  const FIRST = 'queue?where=pending&limit=200';
  const FILTERED = `queue?where=${encodeURIComponent('pending site:site3.example finding:near')}&limit=200`;
  const BY_RECORD = `queue?where=${encodeURIComponent('pending suspect')}&limit=200`;
  const DEEP = `queue?where=pending&offset=${Math.floor((QUEUE_COUNT * 2) / 3) - 200}&limit=200`;

  // Cold start as the app sees it: the server starts and the first queue page is asked for at once.
  t = performance.now();
  const fresh = await startReviewServer({ corpusDir: queueDir });
  const started = performance.now() - t;
  const firstPage = await clientOf(fresh)(FIRST);
  const coldStart = performance.now() - t;
  await fresh.close();

  // Where a cold start's time goes, one step at a time on another fresh server: the staging
  // index (read and parsed by the first request of any kind), one pass over every entry for the
  // first list, the page's records; a new entry filter; a filter on records, which waits until
  // every record is summarised (read in the background from the start).
  const server = await startReviewServer({ corpusDir: queueDir });
  const get = clientOf(server);
  const cold = [];
  for (const [name, path] of [
    ['session, cold (reads the staging index)', 'session'],
    ['then the first page (all entries + 200 records)', FIRST],
    ['then an entry filter page', FILTERED],
    ['then a filter by record (reads all records)', BY_RECORD],
  ]) {
    const { ms, body } = await get(path);
    cold.push([name, ms, body.total ?? null]);
  }

  const cases = [
    ['baseline: GET session', 'session'],
    [`first page (200 of ${QUEUE_COUNT / 1000}k)`, FIRST],
    ['filtered page: site + near-dup', FILTERED],
    ['filtered page: suspect (by record)', BY_RECORD],
    ['deep page (offset 2/3)', DEEP],
    ['bulk selection counts (pending)', `queue/selection?where=pending`],
  ];
  const results = [];
  for (const [name, path] of cases) {
    const times = [];
    let total = null;
    for (let i = 0; i < RUNS; i += 1) {
      const { ms, body } = await get(path);
      times.push(ms);
      total = body.total ?? null;
    }
    results.push([name, median(times), total]);
  }
  await server.close();
  const baseline = results[0][1];
  console.log(
    `load ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}; ${RUNS} runs each, medians`,
  );
  for (const [name, ms, total] of results) {
    const matched = total === null ? '' : `  (${total.toLocaleString('en-US')} match)`;
    console.log(`${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms  ratio ${(ms / baseline).toFixed(1)}x${matched}`);
  }
  console.log(
    `${'cold start: server start + first page'.padEnd(48)} ${coldStart.toFixed(1).padStart(8)} ms (once; start ${started.toFixed(1)} ms, page ${firstPage.ms.toFixed(1)} ms)`,
  );
  for (const [name, ms, total] of cold) {
    const matched = total === null ? '' : `, ${total.toLocaleString('en-US')} match`;
    console.log(`${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms (once${matched})`);
  }
} finally {
  rmSync(queueDir, { recursive: true, force: true });
}
