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
  /** ...or once its text and markdown pass this many UTF-16 code units, whichever comes first. */
  rowGroupChars?: number;
  /** Key-value metadata stored in each file's footer. */
  metadata?: Record<string, string>;
}

/**
 * Text and markdown characters per row group (8 Mi, about 800 news articles). A row group is
 * held in memory while it is encoded, several times over (the rows, each column's values, the
 * encoded and the compressed pages), and that garbage is what lets V8's heap grow: at 32 Mi the
 * peak RSS of an export grew from 268 to 403 MB between 20,000 and 100,000 documents; at 8 Mi it
 * stays near 200 MB (packages/ingest/bench/inputs.mjs, notes/gaps.md).
 */
const ROW_GROUP_CHARS = 8 * 1024 * 1024;

/**
 * Write dataset rows to one or more Parquet files, row group by row group: only one row group
 * is held in memory (at most 5,000 rows and ROW_GROUP_CHARS of text), so exporting a corpus of
 * any size keeps memory flat. Row groups stay big enough for efficient scans.
 */
export class ParquetShards {
  private writer: ParquetWriter | null = null;
  private buffer: DatasetRow[] = [];
  private chars = 0;
  private rowsInShard = 0;
  private shard = 0;
  readonly files: string[] = [];
  rows = 0;

  constructor(private readonly options: ParquetShardOptions) {}

  async add(row: DatasetRow): Promise<void> {
    if (this.options.shardRows && this.rowsInShard >= this.options.shardRows) await this.closeShard();
    this.buffer.push(row);
    this.rowsInShard += 1;
    this.rows += 1;
    this.chars += row.text.length + row.markdown.length;
    if (
      this.buffer.length >= (this.options.rowGroupRows ?? 5000) ||
      this.chars >= (this.options.rowGroupChars ?? ROW_GROUP_CHARS)
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
    this.chars = 0;
    await writer.write({
      columnData: DATASET_COLUMNS.map((column) => ({ name: column.name, data: rows.map((row) => row[column.name]) })),
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
