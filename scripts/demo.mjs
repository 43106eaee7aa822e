// The whole corpuskit story on the sample corpus, in a temporary corpus: ingest saved pages,
// review, commit v1, ingest later editions, review, commit v2, and see what changed; then the
// same pages as a crawler's WARC go into a second corpus and come out as a Parquet dataset.
//
//   pnpm install && pnpm build && pnpm demo          (--keep leaves the temporary corpus)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'apps/cli/dist/bin.js');
const keep = process.argv.includes('--keep');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (color ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s) => (color ? `\x1b[2m${s}\x1b[22m` : s);

if (!existsSync(bin)) {
  console.error('The CLI is not built yet: run `pnpm install && pnpm build` first.');
  process.exit(2);
}
// The one wording of a similarity (shared 5-word sequences), from the built dedup package.
const { describeSimilarity } = await import(new URL('../packages/dedup/dist/index.js', import.meta.url).href);
const corpus = mkdtempSync(path.join(tmpdir(), 'corpuskit-demo-'));
const env = { ...process.env, CORPUSKIT_CORPUS: corpus, ...(color ? { FORCE_COLOR: '1' } : {}) };

/** Run corpuskit, echo the command, show its output; return the result. */
function corpuskit(args, { show = true, json = false, allow = [0], env: extra = {} } = {}) {
  const shown = args.map((a) => (/[\s'"]/.test(a) ? JSON.stringify(a) : a)).join(' ');
  if (show) console.log(`\n${dim('$')} ${bold(`corpuskit ${shown}`)}`);
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repo,
    env: { ...env, ...extra },
    encoding: 'utf8',
  });
  if (show && !json) {
    if (result.stdout.trim()) console.log(result.stdout.trimEnd());
    if (result.stderr.trim()) console.log(dim(result.stderr.trimEnd()));
  }
  if (!allow.includes(result.status)) {
    console.error(result.stdout, result.stderr);
    throw new Error(`corpuskit ${shown} exited with ${result.status}`);
  }
  return json ? JSON.parse(result.stdout) : result;
}

function step(title, text) {
  console.log(`\n${bold(`== ${title}`)}`);
  if (text) console.log(text);
}

function reviewTable(status) {
  for (const item of status.items) {
    const findings = (item.findings ?? []).map((f) =>
      f.kind === 'revision'
        ? `revision: ${describeSimilarity(f.similarity)} to the committed text`
        : `${f.kind} duplicate of ${f.other}, ${describeSimilarity(f.similarity)}`,
    );
    console.log(
      `  ${item.state.padEnd(8)} ${item.change.padEnd(7)} ${item.id}${findings.length ? `\n${' '.repeat(20)}${findings.join('; ')}` : ''}`,
    );
  }
}

try {
  step('1. A new corpus', `A temporary corpus at ${corpus} (CORPUSKIT_CORPUS points every command at it).`);
  corpuskit(['init', corpus]);

  step(
    '2. Ingest the first crawl',
    'Five saved pages: a WordPress site with a donation widget and a comment thread, a think-tank commentary,\n' +
      'a BBC-style article, a newspaper opinion piece and a regional analysis blog saved as windows-1252.\n' +
      'Ids come from what each page says about its origin, never from the local path.',
  );
  corpuskit(['ingest', 'corpus/pages']);

  step(
    '3. What the cleaner removed from one page',
    'The WordPress page, as the reviewer sees it (first lines of text, removals by category):',
  );
  const southfront = 'https://southfront.press/taliban-and-al-qaeda-putting-a-fox-in-charge-of-the-chicken-coop';
  const shown = corpuskit(['show', southfront, '--json'], { show: false, json: true });
  const document = shown.document ?? shown.record?.document ?? shown;
  console.log(`  title: ${document.title}`);
  console.log(
    `  text:  ${String(document.text)
      .split('\n\n')
      .slice(0, 2)
      .map((t) => t.slice(0, 110) + (t.length > 110 ? '…' : ''))
      .join('\n         ')}`,
  );
  const byCategory = new Map();
  for (const removal of document.removed ?? [])
    byCategory.set(removal.category, (byCategory.get(removal.category) ?? 0) + removal.chars);
  console.log(
    `  removed: ${[...byCategory].map(([category, chars]) => `${category} ${chars} chars`).join(', ') || 'nothing'}`,
  );

  step('4. Review', 'Accept four documents; reject the republished commentary with a note.');
  const first = corpuskit(['status', '--json'], { show: false, json: true });
  reviewTable(first);
  const others = first.items.map((item) => item.id).filter((id) => id !== southfront);
  corpuskit(['accept', ...others]);
  corpuskit(['reject', southfront, '-m', 'republished commentary; the author’s own site is the source of record']);
  corpuskit(['status']);

  step('5. Commit version 1', 'Then drop the rejected entry from the staging area.');
  corpuskit(['commit', '-m', 'First crawl: four articles', '--tag', 'v1']);
  corpuskit(['unstage', '--rejected']);

  step(
    '6. Ingest the later editions',
    'An update with new paragraphs, a correction, a re-save after a site redesign (same words),\n' +
      'and the regional analysis republished under a second URL.',
  );
  corpuskit(['ingest', 'corpus/editions'], { allow: [0, 1] });

  step(
    '7. Review the editions',
    'Accept the changes; reject the syndicated copy, which the duplicate finding points out.',
  );
  const second = corpuskit(['status', '--json'], { show: false, json: true });
  reviewTable(second);
  const pending = second.items.filter((item) => item.state === 'pending');
  const copies = pending.filter((item) => (item.findings ?? []).some((f) => f.kind === 'exact' || f.kind === 'near'));
  const keepIds = pending.filter((item) => !copies.includes(item)).map((item) => item.id);
  if (keepIds.length) corpuskit(['accept', ...keepIds]);
  for (const copy of copies) corpuskit(['reject', copy.id, '-m', `syndicated copy of ${copy.findings[0].other}`]);

  step('8. Commit version 2');
  corpuskit(['commit', '-m', 'Editions: update, correction, redesign re-save', '--tag', 'v2']);
  corpuskit(['log']);

  step('9. What changed between v1 and v2');
  const help = corpuskit(['--help'], { show: false });
  if (/^\s+diff\b/m.test(help.stdout)) {
    corpuskit(['diff', 'v1', 'v2'], { allow: [0, 1] });
    console.log('\nAnd inside one document (the BBC update):');
    corpuskit(['diff', 'v1', 'v2', '--doc', 'https://www.bbc.co.uk/news/world-asia-58290318'], { allow: [0, 1] });
  } else {
    console.log('  (this build has no `diff` command yet; the store knows the two versions:)');
    corpuskit(['export', '--version', 'v2', '--format', 'jsonl'], { show: false });
  }

  step('10. The corpus checks out');
  corpuskit(['fsck']);

  step(
    '11. A crawl in, a dataset out',
    'The same pages as a crawler stores them: one WARC.gz (request and response records, written now from\n' +
      'corpus/pages). Each HTML response is a page with the URL and fetch time of its record; the request\n' +
      'records are counted and skipped. Then the version is exported as a Parquet dataset in the Hugging\n' +
      'Face layout (data/ shards and a dataset card).',
  );
  const crawl = mkdtempSync(path.join(tmpdir(), 'corpuskit-demo-crawl-'));
  try {
    const { sampleWarc } = await import('./sample-warc.mjs');
    const warc = path.join(crawl, 'crawl.warc.gz');
    writeFileSync(warc, (await sampleWarc()).bytes);
    const crawlEnv = { CORPUSKIT_CORPUS: path.join(crawl, 'corpus') };
    corpuskit(['init', path.join(crawl, 'corpus')], { env: crawlEnv });
    corpuskit(['ingest', warc], { env: crawlEnv });
    corpuskit(['accept', '--all'], { env: crawlEnv });
    corpuskit(['commit', '-m', 'A crawl from a WARC'], { env: crawlEnv });
    const dataset = path.join(crawl, 'dataset');
    corpuskit(['export', '--format', 'parquet', '--layout', 'hf', '-o', dataset, '--license', 'other'], {
      env: crawlEnv,
    });
    const card = readFileSync(path.join(dataset, 'README.md'), 'utf8');
    console.log(`\n${dim('dataset/README.md (the dataset card), first lines:')}`);
    console.log(
      card
        .split('\n')
        .slice(0, 20)
        .map((line) => `  ${line}`)
        .join('\n'),
    );
  } finally {
    if (!keep) rmSync(crawl, { recursive: true, force: true });
    else console.log(`\nThe crawl, its corpus and the dataset are kept at ${crawl}`);
  }

  console.log(
    `\nDone. ${keep ? `The corpus is kept at ${corpus}` : 'The temporary corpus is removed (pass --keep to keep it).'}`,
  );
} finally {
  if (!keep) rmSync(corpus, { recursive: true, force: true });
}
