import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { glob } from 'tinyglobby';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SAMPLE_PAGES, corpuskit, tempCorpus } from './helpers.js';

interface JsonlRecord {
  id: string;
  contentHash: string;
  title: string | null;
  text: string;
  markdown: string;
  metadata: { authors: string[]; language: string | null; publishedAt: string | null; siteName: string | null };
  provenance: { url: string | null; rawSha256: string; cleanerVersion: string; fetchedAt: string | null };
}

async function readParquet(file: string): Promise<Array<Record<string, unknown>>> {
  const bytes = await readFile(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return (await parquetReadObjects({ file: buffer })) as Array<Record<string, unknown>>;
}

describe('export: Parquet, the Hugging Face layout, gzipped JSONL shards, one file per document', () => {
  let dir = '';
  let cleanup = async () => {};
  const run = (...args: string[]) => corpuskit(args, { cwd: dir });
  let records: JsonlRecord[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = await tempCorpus());
    expect((await run('ingest', SAMPLE_PAGES)).code).toBeLessThan(2);
    expect((await run('accept', '--all')).code).toBe(0);
    expect((await run('commit', '-m', 'Sample')).code).toBe(0);
    const jsonl = await run('export', '--format', 'jsonl');
    records = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonlRecord);
    expect(records.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(() => cleanup());

  function expectSameRows(rows: Array<Record<string, unknown>>): void {
    expect(rows.map((row) => row.id)).toEqual(records.map((record) => record.id));
    for (const [index, record] of records.entries()) {
      expect(rows[index]).toMatchObject({
        id: record.id,
        title: record.title,
        text: record.text,
        markdown: record.markdown,
        authors: record.metadata.authors,
        language: record.metadata.language,
        published_at: record.metadata.publishedAt,
        site_name: record.metadata.siteName,
        fetched_at: record.provenance.fetchedAt,
        content_hash: record.contentHash,
        raw_hash: record.provenance.rawSha256,
        cleaner_version: record.provenance.cleanerVersion,
        page_type: (record as { pageType?: string }).pageType ?? null,
      });
    }
  }

  it('--format parquet: one file that reads back (hyparquet) with the rows and text of the JSONL export', async () => {
    const result = await run('export', '--format', 'parquet', '-o', 'corpus.parquet', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ documents: records.length, format: 'parquet', files: ['corpus.parquet'] });
    expectSameRows(await readParquet(path.join(dir, 'corpus.parquet')));
    // Whole articles get no min/max bounds in the footer (the writer would hold them until the end).
    const bytes = await readFile(path.join(dir, 'corpus.parquet'));
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const chunk = (name: string) =>
      metadata.row_groups[0]!.columns.find((column) => column.meta_data?.path_in_schema[0] === name)!.meta_data!;
    expect(chunk('text').statistics).toBeUndefined();
    expect(chunk('markdown').statistics).toBeUndefined();
    expect(chunk('id').statistics?.min_value).toBe(records[0]!.id.slice(0, 16));
  });

  it('and DuckDB reads the same file: rows, text and the authors list', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const file = path.join(dir, 'corpus.parquet').replace(/'/g, "''");
    const reader = await connection.runAndReadAll(
      `select id, text, authors, page_type from read_parquet('${file}') order by id`,
    );
    const rows = reader.getRowObjectsJson() as Array<{ id: string; text: string; authors: string[]; page_type: null }>;
    expect(rows.map((row) => [row.id, row.text, row.authors])).toEqual(
      records.map((record) => [record.id, record.text, record.metadata.authors]),
    );
    connection.closeSync();
  });

  it('--layout hf: data/ shards and a dataset card with the features, counts and version', async () => {
    const result = await run(
      'export',
      '--format',
      'parquet',
      '--layout',
      'hf',
      '-o',
      'dataset',
      '--shard-size',
      '2',
      '--license',
      'cc-by-4.0',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const shards = Math.ceil(records.length / 2);
    const data = (await readdir(path.join(dir, 'dataset/data'))).sort();
    expect(data).toEqual(
      Array.from(
        { length: shards },
        (_, i) => `train-${String(i).padStart(5, '0')}-of-${String(shards).padStart(5, '0')}.parquet`,
      ),
    );
    const rows: Array<Record<string, unknown>> = [];
    for (const name of data) rows.push(...(await readParquet(path.join(dir, 'dataset/data', name))));
    expectSameRows(rows);
    const card = await readFile(path.join(dir, 'dataset/README.md'), 'utf8');
    const head = await run('log', '--json');
    const version = head.json<{ versions: Array<{ id: string }> }>().versions[0]!.id;
    expect(card).toContain(version);
    const bytes = await readFile(path.join(dir, 'dataset/data', data[0]!));
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(metadata.key_value_metadata).toEqual(expect.arrayContaining([{ key: 'corpuskit.version', value: version }]));

    // The card's YAML front matter, as the Hugging Face dataset card schema has it.
    const front = /^---\n([\s\S]*?)\n---\n/.exec(card);
    expect(front).not.toBeNull();
    const yaml = parseYaml(front![1]!) as {
      license: string;
      pretty_name: string;
      size_categories: string[];
      configs: Array<{ config_name: string; data_files: Array<{ split: string; path: string }> }>;
      dataset_info: {
        features: Array<{ name: string; dtype?: string; sequence?: string }>;
        splits: Array<{ name: string; num_examples: number }>;
        download_size: number;
      };
    };
    expect(yaml.license).toBe('cc-by-4.0');
    expect(yaml.pretty_name).toBe('dataset');
    expect(yaml.size_categories).toEqual(['n<1K']);
    // data_files: every pattern matches written shards, and together they cover all of them.
    expect(yaml.configs).toHaveLength(1);
    expect(yaml.configs[0]!.config_name).toBe('default');
    const matched = new Set<string>();
    for (const { split, path: pattern } of yaml.configs[0]!.data_files) {
      expect(split).toBe('train');
      const files = await glob(pattern, { cwd: path.join(dir, 'dataset') });
      expect(files.length, pattern).toBeGreaterThan(0);
      for (const file of files) matched.add(file);
    }
    expect([...matched].sort()).toEqual(data.map((name) => `data/${name}`));
    // Splits: one train split with the number of rows the shards hold.
    expect(yaml.dataset_info.splits).toEqual([{ name: 'train', num_examples: rows.length }]);
    let size = 0;
    for (const name of data) size += (await readFile(path.join(dir, 'dataset/data', name))).length;
    expect(yaml.dataset_info.download_size).toBe(size);
    // Features: the Parquet schema read back, column by column (strings; a list of strings).
    const schema = parquetSchema(metadata);
    const fromParquet = schema.children.map((column) => {
      if (column.element.converted_type === 'LIST') {
        const element = column.children[0]!.children[0]!.element;
        expect(element).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
        return { name: column.element.name, sequence: 'string' };
      }
      expect(column.element).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
      return { name: column.element.name, dtype: 'string' };
    });
    expect(yaml.dataset_info.features).toEqual(fromParquet);
    expect(fromParquet.map((feature) => feature.name)).toContain('authors');
  });

  it('--format jsonl.gz: shards with the lines of the JSONL export', async () => {
    const result = await run('export', '--format', 'jsonl.gz', '-o', 'shards', '--shard-size', '3', '--json');
    expect(result.code, result.stderr).toBe(0);
    const names = (await readdir(path.join(dir, 'shards'))).sort();
    expect(names).toEqual(
      Array.from({ length: Math.ceil(records.length / 3) }, (_, i) => `part-${String(i).padStart(5, '0')}.jsonl.gz`),
    );
    let lines: string[] = [];
    for (const name of names) {
      lines = lines.concat(
        gunzipSync(await readFile(path.join(dir, 'shards', name)))
          .toString('utf8')
          .trim()
          .split('\n'),
      );
    }
    expect(lines.map((line) => JSON.parse(line) as JsonlRecord)).toEqual(records);
  });

  it('--format md and txt: one file per document, safe names, the text inside', async () => {
    for (const format of ['md', 'txt']) {
      const result = await run('export', '--format', format, '-o', `as-${format}`);
      expect(result.code, result.stderr).toBe(0);
      const names = (await readdir(path.join(dir, `as-${format}`))).sort();
      expect(names).toHaveLength(records.length);
      for (const name of names) expect(name).toMatch(new RegExp(`^[A-Za-z0-9._-]+-[0-9a-f]{10}\\.${format}$`));
      const bbc = names.find((name) => name.startsWith('www.bbc.co.uk-news-world-asia-58290318-'))!;
      const body = await readFile(path.join(dir, `as-${format}`, bbc), 'utf8');
      const record = records.find((r) => r.id === 'https://www.bbc.co.uk/news/world-asia-58290318')!;
      expect(body).toContain(format === 'md' ? record.markdown : record.text);
    }
  });

  it('--where keeps the committed documents that match, the same set in JSONL, Parquet and the hf layout', async () => {
    const hostOf = (id: string) => (id.startsWith('http') ? new URL(id).hostname : '');
    const bbc = records.filter((record) => hostOf(record.id).endsWith('bbc.co.uk'));
    expect(bbc.length).toBeGreaterThan(0);
    const lines = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as JsonlRecord);

    const site = await run('export', '--where', 'site:bbc.co.uk');
    expect(site.code, site.stderr).toBe(0);
    expect(lines(site.stdout)).toEqual(bbc);

    // Several terms (repeated --where all hold), a negation and a date range, against the same
    // selection made here from the full export.
    const expected = records.filter(
      (record) =>
        !hostOf(record.id).endsWith('bbc.co.uk') &&
        (record.metadata.language ?? '').toLowerCase().startsWith('en') &&
        record.metadata.publishedAt !== null &&
        record.metadata.publishedAt.slice(0, 10) >= '2021-08-20' &&
        record.metadata.publishedAt.slice(0, 10) <= '2021-09-30',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(records.length - bbc.length);
    const where = ['--where', 'lang:en -site:bbc.co.uk', '--where', 'published:2021-08-20..2021-09-30'];
    const jsonl = await run('export', ...where);
    expect(jsonl.code, jsonl.stderr).toBe(0);
    expect(lines(jsonl.stdout)).toEqual(expected);

    const parquet = await run('export', '--format', 'parquet', '-o', 'where.parquet', ...where, '--json');
    expect(parquet.code, parquet.stderr).toBe(0);
    expect(parquet.json()).toMatchObject({ documents: expected.length });
    const rows = await readParquet(path.join(dir, 'where.parquet'));
    expect(rows.map((row) => [row.id, row.text])).toEqual(expected.map((record) => [record.id, record.text]));

    // The hf layout names its shards after the filtered count.
    const hf = await run(
      'export',
      '--format',
      'parquet',
      '--layout',
      'hf',
      '-o',
      'where-hf',
      '--shard-size',
      '1',
      ...where,
    );
    expect(hf.code, hf.stderr).toBe(0);
    const shards = (await readdir(path.join(dir, 'where-hf/data'))).sort();
    expect(shards).toHaveLength(expected.length);
    expect(shards.at(-1)).toBe(
      `train-${String(expected.length - 1).padStart(5, '0')}-of-${String(expected.length).padStart(5, '0')}.parquet`,
    );
    expect(await readFile(path.join(dir, 'where-hf/README.md'), 'utf8')).toContain(
      `num_examples: ${expected.length}\n`,
    );

    const gz = await run('export', '--format', 'jsonl.gz', '-o', 'where-gz', '--where', 'site:bbc.co.uk');
    expect(gz.code, gz.stderr).toBe(0);
    expect(lines(gunzipSync(await readFile(path.join(dir, 'where-gz/part-00000.jsonl.gz'))).toString('utf8'))).toEqual(
      bbc,
    );
  });

  it('--where refuses the review-queue keys and bad terms, naming them', async () => {
    for (const term of ['state:pending', 'kind:new', 'staged:2024', 'colour:red']) {
      const result = await run('export', '--where', term, '--json');
      expect(result.code, term).toBe(2);
      expect(result.json<{ error: { message: string } }>().error.message).toContain(term.split(':')[0]);
    }
  });

  it('refuses what cannot work, with a clear usage error', async () => {
    const noOut = await run('export', '--format', 'parquet', '--json');
    expect(noOut.code).toBe(2);
    expect(noOut.json<{ error: { message: string } }>().error.message).toMatch(/-o FILE\.parquet/);
    const layout = await run('export', '--format', 'jsonl.gz', '--layout', 'hf', '-o', 'x', '--json');
    expect(layout.code).toBe(2);
  });
});
