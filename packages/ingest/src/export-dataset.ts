import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import type { Gzip } from 'node:zlib';

import type { DocumentRecord } from '@corpuskit/document';
import { sha256 } from '@corpuskit/document';
import type { Store } from '@corpuskit/store';

import { datasetCard } from './dataset-card.js';
import { datasetRow } from './dataset-row.js';
import { ingestError } from './errors.js';
import { ParquetShards } from './parquet-shards.js';

export const EXPORT_FORMATS = ['jsonl', 'jsonl.gz', 'parquet', 'md', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportDatasetOptions {
  format: Exclude<ExportFormat, 'jsonl'>;
  /** A file (`parquet` without a layout) or a folder (`parquet --layout hf`, `jsonl.gz`, `md`, `txt`). */
  out: string;
  /** `hf`: the Hugging Face datasets layout, `data/train-*.parquet` and a README.md dataset card. */
  layout?: 'hf';
  /** Documents per shard (`jsonl.gz`, `parquet --layout hf`); default 100,000. */
  shardRows?: number;
  /** Parquet row group limits (see ParquetShards). */
  rowGroupRows?: number;
  /** The dataset card's `license` field (an SPDX id or `other`); default `other`. */
  license?: string;
  /** The dataset's name in the card; default the output folder's name. */
  name?: string;
  /** What wrote it, for the card and the Parquet footer, e.g. `corpuskit 0.2.0`. */
  tool?: string;
  /** Only these documents (the `--where` filters); default all. */
  filter?: (record: DocumentRecord) => boolean;
  signal?: AbortSignal;
  /** Called after each document written, for progress. */
  onDocument?: () => void;
}

export interface ExportSummary {
  version: string | null;
  ref: string;
  format: ExportDatasetOptions['format'];
  layout: 'hf' | null;
  documents: number;
  /** Files written, relative to `out` when it is a folder (not listed for md and txt: one per document). */
  files: string[];
  out: string;
}

const pad = (n: number, width = 5) => String(n).padStart(width, '0');

/**
 * A file name for a document id: readable (host and path, or the file path), only
 * `[A-Za-z0-9._-]`, at most ~100 characters, and unique (a short hash of the id is appended).
 */
function safeFileName(id: string, extension: string): string {
  const readable = id
    .replace(/^https?:\/\//i, '')
    .replace(/^file:/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 90)
    .replace(/[-.]+$/, '');
  return `${readable || 'document'}-${sha256(new TextEncoder().encode(id)).slice(0, 10)}.${extension}`;
}

async function* documentsOf(store: Store, ref: string, options: ExportDatasetOptions): AsyncGenerator<DocumentRecord> {
  for await (const record of store.documents(ref)) {
    if (options.signal?.aborted) {
      throw ingestError('ingest.interrupted', 'the export was interrupted', { subject: options.out });
    }
    if (options.filter && !options.filter(record)) continue;
    yield record;
  }
}

/** A gzip stream to a file, written with back-pressure. */
class GzipFile {
  private readonly gzip: Gzip;
  private readonly file: WriteStream;
  private readonly done: Promise<unknown>;

  constructor(target: string) {
    this.gzip = createGzip({ level: 6 });
    this.file = createWriteStream(target);
    this.gzip.pipe(this.file);
    this.done = once(this.file, 'finish');
  }

  async write(text: string): Promise<void> {
    if (!this.gzip.write(text)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }
}

/**
 * Export a corpus version as a dataset: Parquet (one file, or the Hugging Face layout with
 * shards and a dataset card), sharded JSON Lines gzipped, or one Markdown or text file per
 * document. Documents stream from the store one at a time; only one Parquet row group (or
 * none) is held, so memory stays flat whatever the corpus size.
 */
export async function exportDataset(store: Store, ref: string, options: ExportDatasetOptions): Promise<ExportSummary> {
  const resolved = await store.resolve(ref);
  const version = resolved.id;
  const shardRows = options.shardRows ?? 100_000;
  const summary: ExportSummary = {
    version,
    ref,
    format: options.format,
    layout: options.layout ?? null,
    documents: 0,
    files: [],
    out: options.out,
  };
  const relative = (file: string) => path.relative(options.out, file).split(path.sep).join('/');

  if (options.format === 'parquet') {
    const hf = options.layout === 'hf';
    // Shards are named `train-i-of-N` once N is known (a filter decides how many documents go out).
    const partial = (index: number) => path.join(options.out, 'data', `train-${pad(index)}.parquet.partial`);
    const writer = new ParquetShards({
      fileName: (index) => (hf ? partial(index) : options.out),
      ...(hf ? { shardRows } : {}),
      ...(options.rowGroupRows ? { rowGroupRows: options.rowGroupRows } : {}),
      metadata: { 'corpuskit.version': version ?? ref, ...(options.tool ? { 'corpuskit.tool': options.tool } : {}) },
    });
    for await (const record of documentsOf(store, ref, options)) {
      await writer.add(datasetRow(record));
      summary.documents += 1;
      options.onDocument?.();
    }
    let files = await writer.finish();
    if (hf) {
      const named = files.map((_, index) =>
        path.join(options.out, 'data', `train-${pad(index)}-of-${pad(files.length)}.parquet`),
      );
      let bytes = 0;
      for (const [index, file] of files.entries()) {
        await rename(file, named[index]!);
        bytes += (await stat(named[index]!)).size;
      }
      files = named;
      const card = datasetCard({
        name: options.name ?? path.basename(path.resolve(options.out)),
        license: options.license ?? 'other',
        version: version ?? ref,
        documents: summary.documents,
        shards: files.length,
        bytes,
        tool: options.tool ?? 'corpuskit',
      });
      await writeFile(path.join(options.out, 'README.md'), card);
      summary.files = ['README.md', ...files.map(relative)];
    } else {
      summary.files = files.map((file) => path.basename(file));
    }
    return summary;
  }

  await mkdir(options.out, { recursive: true });
  if (options.format === 'jsonl.gz') {
    let shard: GzipFile | null = null;
    let inShard = 0;
    let index = 0;
    // The same lines as `export --format jsonl`, in shards of `shardRows`.
    const exported = await store.exportJsonl(
      ref,
      async (line) => {
        if (options.signal?.aborted) {
          throw ingestError('ingest.interrupted', 'the export was interrupted', { subject: options.out });
        }
        if (!shard || inShard >= shardRows) {
          await shard?.close();
          const name = `part-${pad(index++)}.jsonl.gz`;
          shard = new GzipFile(path.join(options.out, name));
          summary.files.push(name);
          inShard = 0;
        }
        await shard.write(line);
        inShard += 1;
        summary.documents += 1;
        options.onDocument?.();
      },
      options.filter,
    );
    await (shard as GzipFile | null)?.close();
    if (exported === 0) {
      // An empty version still gives one (empty) shard, so readers find a file.
      await new GzipFile(path.join(options.out, 'part-00000.jsonl.gz')).close();
      summary.files.push('part-00000.jsonl.gz');
    }
    return summary;
  }

  const extension = options.format;
  for await (const record of documentsOf(store, ref, options)) {
    const name = safeFileName(record.id, extension);
    const d = record.document;
    const body =
      extension === 'md'
        ? `${d.title ? `# ${d.title}\n\n` : ''}${d.markdown}\n`
        : `${d.title ? `${d.title}\n\n` : ''}${d.text}\n`;
    await writeFile(path.join(options.out, name), body);
    summary.documents += 1;
    options.onDocument?.();
  }
  return summary;
}
