import { errorFactory } from '@corpuskit/document';

/**
 * Error codes of @corpuskit/dedup (all CorpusKitError), each with its kind:
 * - `dedup.bad-option` (usage): an option is out of range or inconsistent.
 * - `dedup.bad-input` (input): a document is malformed (no id, text not a string).
 * - `dedup.options-mismatch` (conflict): two indexes or an index and a prepared document were
 *   built with different signature options.
 * - `dedup.corrupt-index` / `dedup.corrupt-table` (corrupt): serialised bytes failed to parse or verify.
 */
export type DedupErrorCode =
  'dedup.bad-option' | 'dedup.bad-input' | 'dedup.options-mismatch' | 'dedup.corrupt-index' | 'dedup.corrupt-table';

export const dedupError = errorFactory<DedupErrorCode>({
  'dedup.bad-option': 'usage',
  'dedup.bad-input': 'input',
  'dedup.options-mismatch': 'conflict',
  'dedup.corrupt-index': 'corrupt',
  'dedup.corrupt-table': 'corrupt',
});
