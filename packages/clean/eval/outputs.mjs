#!/usr/bin/env node
// Page-by-page output of the built cleaner, to check that a change keeps the output identical
// (a speed-up, a refactoring) or to see exactly which pages a change moves.
//
//   node eval/outputs.mjs write --data DIR --engine linkedom|jsdom --out FILE [--set a,b] [--limit N] [--cleaner FILE]
//   node eval/outputs.mjs compare A B [--ignore field,...] [--show N]
//
// `write` cleans every page of the evaluation sets in the data directory (all that are present,
// or those of --set) with `clean(bytes, { url, engine })` of the built package and writes one
// JSON line per page: the set, the page id and the whole CleanDocument (text, markdown, metadata,
// removed[], reasons, stats, provenance, warnings), or the error it threw. A gzip file when FILE
// ends in `.gz`. `--cleaner FILE` imports another build's `dist/index.js` instead (a copy of an
// earlier dist kept beside a package.json under this package, so its dependencies resolve). The
// cleaner's per-page time limit is set far above any page, so the output does
// not depend on the machine's load.
//
// `compare` reads two such files and lists the pages whose output differs, with the fields that
// differ (top-level, `metadata.x`, `provenance.x`) and the first differing position of text and
// markdown. `--ignore provenance.rulePackHash,provenance.cleanerVersion` leaves fields out (two
// builds whose rule pack revision differs). Exit status 0 when every page is identical, 1 when
// some differ or a page is missing from one side, 2 on bad usage.

import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGunzip, createGzip, gunzipSync } from 'node:zlib';

import { loadReadability, loadScrapinghub, loadTrafilatura, loadWcxb, availableSets } from './data.mjs';

const LOADERS = {
  scrapinghub: loadScrapinghub,
  trafilatura: loadTrafilatura,
  readability: loadReadability,
  wcxb: loadWcxb,
};

const USAGE = `usage:
  node eval/outputs.mjs write --data DIR --engine linkedom|jsdom --out FILE [--set scrapinghub,trafilatura,readability,wcxb] [--limit N] [--cleaner FILE]
  node eval/outputs.mjs compare A B [--ignore field,...] [--show N]`;

function fail(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readPage(file) {
  const raw = readFileSync(file);
  return new Uint8Array(file.endsWith('.gz') ? gunzipSync(raw) : raw);
}

async function write(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      engine: { type: 'string', default: 'linkedom' },
      out: { type: 'string' },
      set: { type: 'string' },
      limit: { type: 'string' },
      cleaner: { type: 'string' },
    },
  });
  if (!values.data) fail('--data DIR is required');
  if (!values.out) fail('--out FILE is required');
  if (!['linkedom', 'jsdom'].includes(values.engine))
    fail(`--engine must be linkedom or jsdom (got '${values.engine}')`);
  const dataDir = resolve(values.data);
  if (!existsSync(dataDir)) fail(`the data directory ${dataDir} does not exist`);
  const present = availableSets(dataDir);
  const sets = values.set ? values.set.split(',').map((s) => s.trim()) : present;
  for (const set of sets) {
    if (!LOADERS[set]) fail(`unknown set '${set}' (sets: ${Object.keys(LOADERS).join(', ')})`);
    if (!present.includes(set)) fail(`set '${set}' is not in ${dataDir}`);
  }
  const limit = values.limit ? Number(values.limit) : Infinity;
  if (!(limit > 0)) fail(`--limit must be a positive number (got '${values.limit}')`);

  if (values.cleaner && !existsSync(values.cleaner)) fail(`--cleaner ${values.cleaner} does not exist`);
  const mod = await import(values.cleaner ? pathToFileURL(resolve(values.cleaner)).href : '@corpuskit/clean');
  const out = createWriteStream(values.out);
  const sink = values.out.endsWith('.gz') ? createGzip() : null;
  if (sink) sink.pipe(out);
  const target = sink ?? out;
  const put = (line) =>
    new Promise((done) => {
      if (target.write(`${line}\n`)) done();
      else target.once('drain', done);
    });
  let count = 0;
  let errors = 0;
  const started = performance.now();
  for (const set of sets) {
    const { pages } = LOADERS[set](dataDir);
    for (const page of pages.slice(0, limit)) {
      let record;
      try {
        const doc = await mod.clean(readPage(page.file), {
          url: page.url ?? undefined,
          engine: values.engine,
          timeoutMs: 600_000,
        });
        record = { set, id: page.id, doc };
      } catch (error) {
        errors += 1;
        record = { set, id: page.id, error: { code: error?.code ?? null, message: String(error?.message ?? error) } };
      }
      await put(JSON.stringify(record));
      count += 1;
      if (count % 100 === 0) process.stderr.write(`outputs: ${count} pages\n`);
    }
  }
  await new Promise((done) => {
    out.on('finish', done);
    target.end();
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stderr.write(
    `outputs: ${count} pages (${errors} threw) of ${sets.join(', ')} with ${values.engine}, cleaner ${mod.CLEANER_VERSION ?? '?'}, in ${seconds} s -> ${values.out}\n`,
  );
}

async function readRecords(file) {
  if (!existsSync(file)) fail(`${file} does not exist`);
  const input = createReadStream(file);
  const lines = createInterface({
    input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  const records = new Map();
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (error) {
      fail(`${file}, line ${n}: not JSON (${error.message})`);
    }
    records.set(`${record.set}/${record.id}`, record);
  }
  return records;
}

/** The fields compared: top-level ones, and those of metadata and provenance one by one. */
function fieldsOf(record) {
  const fields = new Map();
  if (record.error) {
    fields.set('error', JSON.stringify(record.error));
    return fields;
  }
  for (const [key, value] of Object.entries(record.doc)) {
    if ((key === 'metadata' || key === 'provenance') && value && typeof value === 'object') {
      for (const [sub, v] of Object.entries(value)) fields.set(`${key}.${sub}`, JSON.stringify(v));
    } else {
      fields.set(key, JSON.stringify(value));
    }
  }
  return fields;
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return i;
  return n;
}

async function compare(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ignore: { type: 'string', default: '' }, show: { type: 'string', default: '20' } },
  });
  if (positionals.length !== 2) fail('compare takes two files');
  const ignore = new Set(values.ignore.split(',').filter(Boolean));
  const show = Number(values.show);
  const [a, b] = await Promise.all(positionals.map(readRecords));
  const differing = [];
  const missing = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(key);
    const right = b.get(key);
    if (!left || !right) {
      missing.push(`${key} only in ${left ? positionals[0] : positionals[1]}`);
      continue;
    }
    const lf = fieldsOf(left);
    const rf = fieldsOf(right);
    const fields = [...new Set([...lf.keys(), ...rf.keys()])].filter((f) => !ignore.has(f) && lf.get(f) !== rf.get(f));
    if (fields.length === 0) continue;
    const notes = fields.map((f) => {
      if ((f === 'text' || f === 'markdown') && left.doc && right.doc) {
        const at = firstDifference(left.doc[f] ?? '', right.doc[f] ?? '');
        return `${f} (from char ${at}: ${JSON.stringify((left.doc[f] ?? '').slice(at, at + 40))} vs ${JSON.stringify((right.doc[f] ?? '').slice(at, at + 40))})`;
      }
      return f;
    });
    differing.push(`${key}: ${notes.join(', ')}`);
  }
  const total = new Set([...a.keys(), ...b.keys()]).size;
  process.stdout.write(
    `${total} pages; ${total - differing.length - missing.length} identical, ${differing.length} differ, ${missing.length} in one file only${ignore.size ? ` (ignoring ${[...ignore].join(', ')})` : ''}\n`,
  );
  for (const line of [...missing, ...differing].slice(0, show)) process.stdout.write(`  ${line}\n`);
  if (differing.length + missing.length > show)
    process.stdout.write(`  ... and ${differing.length + missing.length - show} more\n`);
  process.exitCode = differing.length + missing.length === 0 ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (command === 'write') await write(rest);
  else if (command === 'compare') await compare(rest);
  else fail(command ? `unknown command '${command}'` : 'a command is required');
}
