import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { tryCanonicalizeUrl } from '@corpuskit/document';
import { parse } from 'csv-parse/sync';

import { ingestError } from './errors.js';

/** Where one file came from, as a URL list says. */
export interface ListedOrigin {
  url: string | null;
  fetchedAt: string | null;
}

/** A URL list read: absolute file path -> origin. */
export type UrlList = Map<string, ListedOrigin>;

/**
 * Read a URL list: CSV with a header row (`path,url,fetched_at`; `fetched_at` optional) or
 * JSON Lines (`{"path": ..., "url": ..., "fetched_at": ...}`, `fetchedAt` also accepted).
 * Paths are relative to the list's own folder (or absolute). A bad row is an error naming the
 * list and the line, since a wrong URL would give documents the wrong ids.
 */
export async function readUrlList(file: string, cwd: string): Promise<UrlList> {
  const absolute = path.resolve(cwd, file);
  const fail = (message: string, cause?: unknown) =>
    ingestError('ingest.bad-url-list', message, { subject: file, ...(cause ? { cause } : {}) });
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw fail(`cannot read the URL list: ${(error as Error).message}`, error);
  }
  text = text.replace(/^\uFEFF/, '');
  const rows: Array<{ line: number; row: Record<string, unknown> }> = [];
  if (text.trimStart().startsWith('{')) {
    for (const [index, line] of text.split(/\r?\n/).entries()) {
      if (line.trim() === '') continue;
      try {
        const value: unknown = JSON.parse(line);
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
        rows.push({ line: index + 1, row: value as Record<string, unknown> });
      } catch (error) {
        throw fail(`line ${index + 1}: ${(error as Error).message}`, error);
      }
    }
  } else {
    let records: Array<Record<string, string>>;
    try {
      records = parse(text, {
        columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (error) {
      throw fail(`not valid CSV: ${(error as Error).message}`, error);
    }
    records.forEach((row, index) => rows.push({ line: index + 2, row }));
  }
  const base = path.dirname(absolute);
  const list: UrlList = new Map();
  for (const { line, row } of rows) {
    const where = `line ${line}`;
    const filePath = row.path;
    if (typeof filePath !== 'string' || filePath === '') throw fail(`${where}: "path" is missing`);
    const url = row.url;
    if (url !== undefined && url !== null && url !== '' && (typeof url !== 'string' || !tryCanonicalizeUrl(url))) {
      throw fail(`${where}: "url" is not an http(s) URL (got '${String(url)}')`);
    }
    const fetched = row.fetched_at ?? row.fetchedAt;
    let fetchedAt: string | null = null;
    if (fetched !== undefined && fetched !== null && fetched !== '') {
      const ms = typeof fetched === 'string' ? Date.parse(fetched) : Number.NaN;
      if (Number.isNaN(ms)) throw fail(`${where}: "fetched_at" is not a date (got '${String(fetched)}')`);
      fetchedAt = new Date(ms).toISOString();
    }
    list.set(path.resolve(base, filePath), { url: typeof url === 'string' && url !== '' ? url : null, fetchedAt });
  }
  return list;
}
