import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { ParquetWriter, fileWriter } from 'hyparquet-writer';

import { DATASET_COLUMNS } from './dataset-row.js';
import type { DatasetRow } from './dataset-row.js';

/** Parquet schema of the dataset rows: strings (UTF-8), `authors` a list of strings. */
function schema() {
  const elements: Array<Record<string, unknown>> = [{ name: 'schema', num_children: DATASET_COLUMNS.length }];
  for (const column of DATASET_COLUMNS) {
    if (column.list) {
      elements.push(
        { name: column.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      );
    } else {
      elements.push({
        name: column.name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: column.required ? 'REQUIRED' : 'OPTIONAL',
      });
    }
  }
  return elements as unknown as ConstructorParameters<typeof ParquetWriter>[0]['schema'];
}

export interface ParquetShardOptions {
  /** A file name for shard `index` (0-based) of `count` (null when the count is not known). */
  fileName: (index: number) => string;
  /** Rows per file; a new file starts after this many. Default: no limit (one file). */
  shardRows?: number;
  /** Flush a row group after this many rows... */
  rowGroupRows?: number;
  /** ...or once its text and markdown pass this many bytes (UTF-8), whichever comes first. */
  rowGroupBytes?: number;
  /** Key-value metadata stored in each file's footer. */
  metadata?: Record<string, string>;
}

/**
 * Bytes of text and markdown per row group (8 MiB, about 800 news articles). A row group is held
 * in memory while it is encoded, several times over (the rows, each column's values, the
 * encoded and the compressed pages); the export's peak memory follows this size, not the corpus
 * size (packages/ingest/bench/inputs.mjs).
 */
const ROW_GROUP_BYTES = 8 * 1024 * 1024;

/**
 * Columns holding whole articles: no min/max statistics (the writer keeps every row group's
 * bounds until the footer; whole texts there would grow with the corpus, and are useless bounds).
 */
const BODY_COLUMNS: ReadonlySet<string> = new Set(['text', 'markdown']);
/** Columns whose values are (nearly) all distinct: no dictionary attempt. */
const PLAIN_COLUMNS: ReadonlySet<string> = new Set(['id', 'url', 'text', 'markdown', 'content_hash', 'raw_hash']);

type BufferedRow = Omit<DatasetRow, 'text' | 'markdown'> & { text: Uint8Array; markdown: Uint8Array };

/**
 * Write dataset rows to one or more Parquet files, row group by row group: only one row group
 * is held in memory (at most 5,000 rows and ROW_GROUP_BYTES of text), so exporting a corpus of
 * any size keeps memory flat. Row groups stay big enough for efficient scans.
 */
export class ParquetShards {
  private writer: ParquetWriter | null = null;
  private buffer: BufferedRow[] = [];
  private bytes = 0;
  private rowsInShard = 0;
  private shard = 0;
  readonly files: string[] = [];
  rows = 0;

  constructor(private readonly options: ParquetShardOptions) {}

  async add(row: DatasetRow): Promise<void> {
    if (this.options.shardRows && this.rowsInShard >= this.options.shardRows) await this.closeShard();
    // The article columns wait as UTF-8 bytes (outside the JS heap, freed with the row group)
    // rather than as strings that would be promoted to the old generation and collected late.
    const text = Buffer.from(row.text, 'utf8');
    const markdown = row.markdown === row.text ? text : Buffer.from(row.markdown, 'utf8');
    this.buffer.push({ ...row, text, markdown });
    this.rowsInShard += 1;
    this.rows += 1;
    this.bytes += text.length + markdown.length;
    if (
      this.buffer.length >= (this.options.rowGroupRows ?? 5000) ||
      this.bytes >= (this.options.rowGroupBytes ?? ROW_GROUP_BYTES)
    ) {
      await this.flush();
    }
  }

  private async open(): Promise<ParquetWriter> {
    if (this.writer) return this.writer;
    const file = this.options.fileName(this.shard);
    await mkdir(path.dirname(file), { recursive: true });
    this.files.push(file);
    this.writer = new ParquetWriter({
      writer: fileWriter(file),
      schema: schema(),
      createdBy: 'corpuskit',
      kvMetadata: Object.entries(this.options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    });
    return this.writer;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const writer = await this.open();
    const rows = this.buffer;
    this.buffer = [];
    this.bytes = 0;
    await writer.write({
      columnData: DATASET_COLUMNS.map((column) => ({
        name: column.name,
        data: rows.map((row) => row[column.name]),
        statistics: !BODY_COLUMNS.has(column.name),
        ...(PLAIN_COLUMNS.has(column.name) ? { encoding: 'PLAIN' as const } : {}),
      })),
      rowGroupSize: rows.length,
    });
  }

  private async closeShard(): Promise<void> {
    await this.flush();
    if (this.writer) await this.writer.finish();
    this.writer = null;
    this.shard += 1;
    this.rowsInShard = 0;
  }

  /** Flush and close the last file. With no rows at all, one empty file is still written. */
  async finish(): Promise<string[]> {
    await this.flush();
    if (!this.writer && this.files.length === 0) {
      const writer = await this.open();
      await writer.write({
        columnData: DATASET_COLUMNS.map((column) => ({ name: column.name, data: [] })),
      });
    }
    if (this.writer) await this.writer.finish();
    this.writer = null;
    return this.files;
  }
}
