import { CorpusKitError } from '@corpuskit/document';
import type { CorpusKitErrorOptions, ErrorKind } from '@corpuskit/document';

/**
 * Errors raised by ingest, each with a stable dotted code:
 * `ingest.not-found`, `ingest.unreadable`, `ingest.directory-loop`, `ingest.empty`, `ingest.binary`,
 * `ingest.too-large`, `ingest.bad-sidecar`, `ingest.timeout`, `ingest.clean-failed`, `ingest.no-inputs`.
 */
export class IngestError extends CorpusKitError {
  override readonly name = 'IngestError';
}

export function ingestError(
  kind: ErrorKind,
  code: string,
  message: string,
  options: CorpusKitErrorOptions = {},
): IngestError {
  return new IngestError(kind, `ingest.${code}`, message, options);
}
