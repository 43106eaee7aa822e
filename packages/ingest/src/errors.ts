import { CorpusKitError, errorFactory } from '@corpuskit/document';
import type { CorpusKitErrorOptions, ErrorKind } from '@corpuskit/document';

/** Stable error codes of @corpuskit/ingest. */
export type IngestErrorCode =
  | 'ingest.ambiguous-id'
  | 'ingest.bad-filter'
  | 'ingest.bad-gzip'
  | 'ingest.bad-limit'
  | 'ingest.bad-mhtml'
  | 'ingest.bad-sidecar'
  | 'ingest.bad-url-list'
  | 'ingest.bad-warc'
  | 'ingest.binary'
  | 'ingest.changed'
  | 'ingest.clean-failed'
  | 'ingest.cleaner-mismatch'
  | 'ingest.directory-loop'
  | 'ingest.empty'
  | 'ingest.interrupted'
  | 'ingest.no-documents'
  | 'ingest.no-inputs'
  | 'ingest.no-stdin'
  | 'ingest.not-a-file'
  | 'ingest.not-found'
  | 'ingest.not-staged'
  | 'ingest.not-utf8'
  | 'ingest.payload-corrupt'
  | 'ingest.payload-kind'
  | 'ingest.payload-too-large'
  | 'ingest.queue-format'
  | 'ingest.queue-result'
  | 'ingest.raw-missing'
  | 'ingest.spool-failed'
  | 'ingest.timeout'
  | 'ingest.too-large'
  | 'ingest.unknown-id'
  | 'ingest.unreadable'
  | 'ingest.warc-archive';

const make = errorFactory<IngestErrorCode>({
  'ingest.ambiguous-id': 'usage',
  'ingest.bad-filter': 'usage',
  'ingest.bad-gzip': 'input',
  'ingest.bad-limit': 'usage',
  'ingest.bad-mhtml': 'input',
  'ingest.bad-sidecar': 'input',
  'ingest.bad-url-list': 'input',
  'ingest.bad-warc': 'input',
  'ingest.binary': 'input',
  'ingest.changed': 'conflict',
  'ingest.clean-failed': 'input',
  'ingest.cleaner-mismatch': 'internal',
  'ingest.directory-loop': 'input',
  'ingest.empty': 'input',
  'ingest.interrupted': 'interrupted',
  'ingest.no-documents': 'not-found',
  'ingest.no-inputs': 'usage',
  'ingest.no-stdin': 'usage',
  'ingest.not-a-file': 'input',
  'ingest.not-found': 'not-found',
  'ingest.not-staged': 'io',
  'ingest.not-utf8': 'input',
  'ingest.payload-corrupt': 'internal',
  'ingest.payload-kind': 'internal',
  'ingest.payload-too-large': 'input',
  'ingest.queue-format': 'internal',
  'ingest.queue-result': 'internal',
  'ingest.raw-missing': 'corrupt',
  'ingest.spool-failed': 'io',
  'ingest.timeout': 'timeout',
  'ingest.too-large': 'input',
  'ingest.unknown-id': 'not-found',
  'ingest.unreadable': 'input',
  'ingest.warc-archive': 'input',
});

type ShortCode = IngestErrorCode extends `ingest.${infer Short}` ? Short : never;

/** An ingest error: a code of the table above, thrown with the kind (and so the exit code) it lists. */
export function ingestError(code: IngestErrorCode, message: string, options?: CorpusKitErrorOptions): CorpusKitError;
/**
 * The form from before the table (kind, then the code without `ingest.`), still used by
 * pipeline.ts until its owner moves it to the form above; the code must be in the table.
 */
export function ingestError(
  kind: ErrorKind,
  code: ShortCode,
  message: string,
  options?: CorpusKitErrorOptions,
): CorpusKitError;
export function ingestError(
  first: string,
  second: string,
  third?: string | CorpusKitErrorOptions,
  fourth?: CorpusKitErrorOptions,
): CorpusKitError {
  if (first.startsWith('ingest.')) return make(first as IngestErrorCode, second, third as CorpusKitErrorOptions);
  return new CorpusKitError(first as ErrorKind, `ingest.${second}`, third as string, fourth);
}
