import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

import { isCorpusKitError, toCorpusKitError } from '@corpuskit/document';
import type { DocumentRecord } from '@corpuskit/document';

import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';
import { positiveOption, usageError } from '../errors.js';
import { WHERE_OPTION, whereValues } from '../review.js';
import { cliVersion } from '../version.js';

export const spec: CommandSpec = {
  usage: 'export',
  description:
    'Write a version (default HEAD) as JSON Lines, gzipped JSONL shards, Parquet (a Hugging Face dataset), or Markdown/text files',
  details: [
    'jsonl (default): one record per document, sorted by id, to stdout or -o FILE.',
    'jsonl.gz: the same records in gzipped shards, -o DIR/part-00000.jsonl.gz ...',
    'parquet: columns id, url, title, text, markdown, authors, published_at, modified_at, fetched_at,',
    '  language, site, site_name, page_type, status, content_hash, raw_hash, cleaner_version; -o FILE.parquet,',
    '  or with --layout hf a folder with data/train-*.parquet shards and a README.md dataset card in the',
    "  Hugging Face card format (for load_dataset('parquet', data_dir=DIR/data) or load_dataset(DIR)).",
    'md, txt: one file per document in -o DIR, named from its id (host and path) plus a short hash.',
    'Documents stream from the store: memory stays flat whatever the size of the corpus.',
    '',
    "--where FILTER keeps the documents that match, with the filter of 'corpuskit status' over the",
    'committed records: site:HOST, published:FROM..TO, lang:CODE, page:TYPE, type:article|not-article,',
    'status:..., flag:..., finding:..., title:TEXT, id:PREFIX (-term negates; state, kind and staged',
    'describe the review queue and are refused here).',
  ].join('\n'),
  options: [
    { flags: '--version <version>', description: 'A version id or prefix, tag, HEAD, HEAD~N or staged' },
    { flags: '-o, --output <path>', description: 'A file (jsonl, parquet) or folder (jsonl.gz, md, txt, --layout hf)' },
    { flags: '--layout <layout>', description: 'hf: Hugging Face datasets layout (with --format parquet)' },
    { flags: '--shard-size <n>', description: 'Documents per shard for jsonl.gz and --layout hf (default 100000)' },
    {
      flags: '--license <id>',
      description: "The dataset card's license (an SPDX id such as cc-by-4.0; default other)",
    },
    { flags: '--name <name>', description: "The dataset card's name (default: the folder's name)" },
    {
      ...WHERE_OPTION,
      description:
        "Only documents matching a filter, e.g. 'site:bbc.co.uk lang:en', 'published:2024-01..2024-06 -suspect' (repeatable)",
    },
  ],
  formats: ['jsonl', 'jsonl.gz', 'parquet', 'md', 'txt'],
  examples: [
    'corpuskit export --format jsonl > corpus.jsonl',
    'corpuskit export --version v1 -o v1.jsonl',
    'corpuskit export --format parquet -o corpus.parquet',
    'corpuskit export --format parquet --layout hf -o my-dataset --license cc-by-4.0',
    'corpuskit export --format jsonl.gz -o shards/ --shard-size 50000',
    'corpuskit export --format md -o articles/',
    "corpuskit export --format parquet -o en-2024.parquet --where 'lang:en published:2024'",
  ],
};

/** Run a write to `output`; a file-system error from it names the output (disk full: an I/O error, exit 6). */
async function naming<T>(output: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isCorpusKitError(error)) throw error;
    throw toCorpusKitError(error, output);
  }
}

export const run: CommandRun = async (_args, options, context) => {
  const format = context.options.format ?? 'jsonl';
  const ref = options.version === undefined ? 'HEAD' : String(options.version);
  const layout = options.layout === undefined ? undefined : String(options.layout);
  if (layout !== undefined && layout !== 'hf') throw usageError(`--layout must be hf (got '${layout}')`);
  if (layout === 'hf' && format !== 'parquet') throw usageError('--layout hf writes Parquet: add --format parquet');
  const shardRows = positiveOption(options.shardSize, '--shard-size', { integer: true });
  const where = whereValues(options);
  let filter: ((record: DocumentRecord) => boolean) | undefined;
  if (where) {
    const { matchesWhere, parseWhere, recordSubject } = await import('@corpuskit/ingest');
    const parsed = parseWhere(where, { scope: 'records' });
    filter = (record) => matchesWhere(parsed, recordSubject(record));
  }
  const { store } = await openCorpusFor(context);

  if (format === 'jsonl') {
    if (options.output === undefined) {
      const lines = await store.exportJsonl(
        ref,
        async (line) => {
          if (!context.stdout.write(line)) await once(context.stdout, 'drain');
        },
        filter,
      );
      context.log.info(`exported ${lines} ${lines === 1 ? 'document' : 'documents'} from ${ref}`);
      return;
    }
    const file = path.resolve(context.cwd, String(options.output));
    const lines = await naming(file, async () => {
      const stream = createWriteStream(file);
      // A write error (disk full) fails the export instead of surfacing later as an 'error' event.
      const failed = new Promise<never>((_, reject) => stream.once('error', reject));
      failed.catch(() => {});
      const written = await store.exportJsonl(
        ref,
        async (line) => {
          if (!stream.write(line)) await Promise.race([once(stream, 'drain'), failed]);
        },
        filter,
      );
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
      return written;
    });
    return {
      json: { version: ref, documents: lines, output: file },
      text: `Exported ${lines} ${lines === 1 ? 'document' : 'documents'} from ${ref} to ${file}`,
    };
  }

  if (options.output === undefined) {
    throw usageError(
      `--format ${format} writes ${format === 'parquet' && layout !== 'hf' ? 'a file' : 'a folder'}: give -o ${format === 'parquet' && layout !== 'hf' ? 'FILE.parquet' : 'DIR'}`,
    );
  }
  const out = path.resolve(context.cwd, String(options.output));
  const { exportDataset } = await import('@corpuskit/ingest');
  const summary = await naming(out, () =>
    exportDataset(store, ref, {
      format: format as 'jsonl.gz' | 'parquet' | 'md' | 'txt',
      out,
      ...(layout === 'hf' ? { layout: 'hf' as const } : {}),
      ...(shardRows ? { shardRows } : {}),
      ...(options.license === undefined ? {} : { license: String(options.license) }),
      ...(options.name === undefined ? {} : { name: String(options.name) }),
      ...(filter ? { filter } : {}),
      tool: `corpuskit ${cliVersion()}`,
      signal: context.signal,
    }),
  );
  const what = `${summary.documents} ${summary.documents === 1 ? 'document' : 'documents'}`;
  const files =
    format === 'md' || format === 'txt'
      ? `${summary.documents} .${format} files`
      : summary.files.length <= 4
        ? summary.files.join(', ')
        : `${summary.files.length} files`;
  return {
    json: { ...summary, output: out },
    text: `Exported ${what} from ${ref} (${summary.version ?? 'staged'}) as ${format}${layout ? ` (${layout} layout)` : ''} to ${out}: ${files}`,
  };
};
