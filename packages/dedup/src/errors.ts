import { CorpusKitError } from '@corpuskit/document';
import type { CorpusKitErrorOptions } from '@corpuskit/document';

/**
 * Error codes of @corpuskit/dedup (all CorpusKitError):
 * - `dedup.bad-option` (usage): an option is out of range or inconsistent.
 * - `dedup.bad-input` (input): a document is malformed (no id, text not a string).
 * - `dedup.options-mismatch` (conflict): two indexes or an index and a prepared document were
 *   built with different signature options.
 * - `dedup.corrupt-index` / `dedup.corrupt-table` (corrupt): serialised bytes failed to parse or verify.
 * - `dedup.load-text` (input): the `loadText` callback failed for a stored document.
 */
export function usageError(code: string, message: string, options?: CorpusKitErrorOptions): CorpusKitError {
  return new CorpusKitError('usage', code, message, options);
}

export function inputError(code: string, message: string, options?: CorpusKitErrorOptions): CorpusKitError {
  return new CorpusKitError('input', code, message, options);
}

export function corruptError(code: string, message: string, options?: CorpusKitErrorOptions): CorpusKitError {
  return new CorpusKitError('corrupt', code, message, options);
}

export function conflictError(code: string, message: string, options?: CorpusKitErrorOptions): CorpusKitError {
  return new CorpusKitError('conflict', code, message, options);
}
