import { errorFactory } from '@corpuskit/document';

/** Stable error codes of review. */
export type ReviewErrorCode =
  | 'review.bad-json'
  | 'review.bad-port'
  | 'review.invalid-action'
  | 'review.invalid-block'
  | 'review.invalid-id'
  | 'review.invalid-ids'
  | 'review.invalid-message'
  | 'review.invalid-note'
  | 'review.invalid-page'
  | 'review.invalid-query'
  | 'review.invalid-ref'
  | 'review.invalid-removal'
  | 'review.invalid-reviewer'
  | 'review.invalid-rule'
  | 'review.invalid-tag'
  | 'review.no-document'
  | 'review.no-other'
  | 'review.no-preview'
  | 'review.no-previous'
  | 'review.no-route'
  | 'review.no-site'
  | 'review.not-staged'
  | 'review.nothing-to-undo'
  | 'review.port-in-use'
  | 'review.listen-failed'
  | 'review.queue-changed'
  | 'review.staged-removal'
  | 'review.unknown-document'
  | 'review.weak-token';

/** An error of review: a code of the table below, thrown with the kind (and so the exit code) it lists. */
export const reviewError = errorFactory<ReviewErrorCode>({
  'review.bad-json': 'usage',
  'review.bad-port': 'usage',
  'review.invalid-action': 'usage',
  'review.invalid-block': 'usage',
  'review.invalid-id': 'usage',
  'review.invalid-ids': 'usage',
  'review.invalid-message': 'usage',
  'review.invalid-note': 'usage',
  'review.invalid-page': 'usage',
  'review.invalid-query': 'usage',
  'review.invalid-ref': 'usage',
  'review.invalid-removal': 'usage',
  'review.invalid-reviewer': 'usage',
  'review.invalid-rule': 'usage',
  'review.invalid-tag': 'usage',
  'review.no-document': 'not-found',
  'review.no-other': 'not-found',
  'review.no-preview': 'not-found',
  'review.no-previous': 'not-found',
  'review.no-route': 'not-found',
  'review.no-site': 'usage',
  'review.not-staged': 'not-found',
  'review.nothing-to-undo': 'conflict',
  'review.port-in-use': 'input',
  'review.listen-failed': 'input',
  'review.queue-changed': 'conflict',
  'review.staged-removal': 'conflict',
  'review.unknown-document': 'not-found',
  'review.weak-token': 'usage',
});
