// Helpers for this package's tests (excluded from the build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SCHEMA_VERSION, contentHash, emptyMetadata, sha256, type DocumentRecord } from '@corpuskit/document';

export function makeRecord(
  id: string,
  text: string,
  options: { title?: string; markdown?: string; source?: string } = {},
): DocumentRecord {
  const metadata = { ...emptyMetadata(), language: 'en' };
  const title = options.title ?? `Title of ${id}`;
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    contentHash: contentHash({ title, text, metadata }),
    findings: [],
    document: {
      schemaVersion: SCHEMA_VERSION,
      status: 'ok',
      reasons: [],
      title,
      text,
      markdown: options.markdown ?? text,
      metadata,
      removed: [],
      stats: {
        words: text.split(/\s+/).length,
        chars: text.length,
        removedChars: 0,
        blocks: 1,
        inputBytes: text.length,
        textToHtmlRatio: 1,
      },
      provenance: {
        source: options.source ?? null,
        url: id.startsWith('file:') ? null : id,
        rawSha256: sha256(text),
        encoding: 'utf-8',
        encodingSource: 'string',
        fetchedAt: null,
        cleanerVersion: '0.0.0-test',
        rulePackHash: sha256('rules'),
        engine: 'text',
      },
      warnings: [],
    },
  };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'corpuskit-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const url = (n: number | string): string => `https://example.com/articles/${n}`;
