import { SCHEMA_VERSION, contentHash, emptyMetadata, sha256 } from '@corpuskit/document';
import type {
  CleanDocument,
  DocumentMetadata,
  DocumentRecord,
  DocumentStats,
  DocumentStatus,
  Finding,
  Provenance,
  Removal,
  StatusReason,
} from '@corpuskit/document';

/** What a test may set on a built record; everything else has a plain default. */
export interface RecordOptions {
  /** Default `Title of <id>`. */
  title?: string | null;
  /** Default: the text. */
  markdown?: string;
  status?: DocumentStatus;
  reasons?: StatusReason[];
  /** Laid over empty metadata with `language: 'en'`. */
  metadata?: Partial<DocumentMetadata>;
  removed?: Removal[];
  findings?: Finding[];
  /** Laid over the defaults (words split on white space, chars of the text, one block). */
  stats?: Partial<DocumentStats>;
  /** Shorthand for `provenance.source` (default null). */
  source?: string | null;
  /** Laid over the defaults (the id as url unless it is a `file:` id, a text-engine clean). */
  provenance?: Partial<Provenance>;
  blockSelectors?: string[];
  warnings?: string[];
}

/** A clean document as the cleaner would return it for `text`, with `options` laid over. */
function makeDocument(id: string, text: string, options: RecordOptions = {}): CleanDocument {
  const metadata: DocumentMetadata = { ...emptyMetadata(), language: 'en', ...options.metadata };
  const removed = options.removed ?? [];
  const document: CleanDocument = {
    schemaVersion: SCHEMA_VERSION,
    status: options.status ?? 'ok',
    reasons: options.reasons ?? [],
    title: options.title === undefined ? `Title of ${id}` : options.title,
    text,
    markdown: options.markdown ?? text,
    metadata,
    removed,
    stats: {
      words: text.split(/\s+/).length,
      chars: text.length,
      removedChars: removed.reduce((sum, removal) => sum + removal.chars, 0),
      blocks: 1,
      inputBytes: text.length,
      textToHtmlRatio: 1,
      ...options.stats,
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
      ...options.provenance,
    },
    warnings: options.warnings ?? [],
  };
  if (options.blockSelectors) document.blockSelectors = options.blockSelectors;
  return document;
}

/** A stored record: `makeDocument`'s document with its content hash and findings. */
export function makeRecord(id: string, text: string, options: RecordOptions = {}): DocumentRecord {
  const document = makeDocument(id, text, options);
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    contentHash: contentHash(document),
    document,
    findings: options.findings ?? [],
  };
}
