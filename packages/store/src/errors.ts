import { CorpusKitError, type CorpusKitErrorOptions, type ErrorKind } from '@corpuskit/document';

/** Build a store error with a stable `store.*` code. */
export function storeError(
  kind: ErrorKind,
  code: string,
  message: string,
  options: CorpusKitErrorOptions = {},
): CorpusKitError {
  return new CorpusKitError(kind, `store.${code}`, message, options);
}
