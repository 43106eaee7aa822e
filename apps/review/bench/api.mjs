// Benchmark of the review API at the scale the app promises: a 10,000-document version diff,
// a 200 KB document diff and a 10,000-document queue. Runs against the BUILT package
// (`pnpm --filter @corpuskit/review build` first). Prints medians and ratios against a
// baseline request (`GET /api/session`: token check and routing only) measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import { SCHEMA_VERSION, contentHash, emptyMetadata } from '@corpuskit/document';
import { startReviewServer } from '@corpuskit/review';
import { initCorpus } from '@corpuskit/store';

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 15);
const BIG = 'https://longreads.example/history';

function record(id, title, text) {
  const document = {
    schemaVersion: SCHEMA_VERSION,
    status: 'ok',
    reasons: [],
    title,
    text,
    markdown: text,
    metadata: emptyMetadata(),
    removed: [],
    stats: { words: 0, chars: text.length, removedChars: 0, blocks: 1, inputBytes: text.length, textToHtmlRatio: 1 },
    provenance: {
      source: null,
      url: id,
      rawSha256: '0'.repeat(64),
      encoding: 'utf-8',
      encodingSource: 'string',
      fetchedAt: null,
      cleanerVersion: 'bench',
      rulePackHash: 'bench',
      engine: 'text',
    },
    warnings: [],
  };
  return { record: { schemaVersion: SCHEMA_VERSION, id, contentHash: contentHash(document), document, findings: [] } };
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
  await get('queue');
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
    ['GET queue (10k items)', 'queue'],
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
  console.log(`${'first GET queue (reads 10k records)'.padEnd(40)} ${queueCold.toFixed(1).padStart(8)} ms (once)`);
  console.log(`${'first GET diff (manifest diff, renames)'.padEnd(40)} ${diffCold.toFixed(1).padStart(8)} ms (once)`);
  console.log(`${'background sizes for every document'.padEnd(40)} ${measuredAll.toFixed(1).padStart(8)} ms (once)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
