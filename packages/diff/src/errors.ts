import { errorFactory } from '@corpuskit/document';

/** Stable error codes of @corpuskit/diff. */
export type DiffErrorCode =
  | 'diff.bad-budget'
  | 'diff.bad-concurrency'
  | 'diff.bad-document'
  | 'diff.bad-input'
  | 'diff.bad-source'
  | 'diff.does-not-apply'
  | 'diff.no-such-document'
  | 'diff.not-a-diff'
  | 'diff.schema-version';

/** An error of @corpuskit/diff: a code of the table below, thrown with the kind (and so the exit code) it lists. */
export const diffError = errorFactory<DiffErrorCode>({
  'diff.bad-budget': 'usage',
  'diff.bad-concurrency': 'usage',
  'diff.bad-document': 'corrupt',
  'diff.bad-input': 'usage',
  'diff.bad-source': 'usage',
  'diff.does-not-apply': 'input',
  'diff.no-such-document': 'not-found',
  'diff.not-a-diff': 'input',
  'diff.schema-version': 'input',
});
