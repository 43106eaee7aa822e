import { errorFactory } from '@corpuskit/document';
import type { CorpusKitError } from '@corpuskit/document';

/** Stable error codes thrown by `@corpuskit/clean`. */
export type CleanErrorCode =
  | 'clean.empty-input'
  | 'clean.binary-input'
  | 'clean.too-large'
  | 'clean.timeout'
  | 'clean.bad-option'
  | 'clean.bad-rules'
  | 'clean.dom-failed'
  | 'clean.no-such-removal'
  | 'clean.empty-removal'
  | 'clean.rule-exists'
  | 'clean.no-such-rule'
  | 'clean.ambiguous-rule';

const make = errorFactory<CleanErrorCode>({
  'clean.empty-input': 'input',
  'clean.binary-input': 'input',
  'clean.too-large': 'input',
  'clean.timeout': 'timeout',
  'clean.bad-option': 'usage',
  'clean.bad-rules': 'input',
  'clean.dom-failed': 'input',
  'clean.no-such-removal': 'usage',
  'clean.empty-removal': 'usage',
  'clean.rule-exists': 'conflict',
  'clean.no-such-rule': 'not-found',
  'clean.ambiguous-rule': 'usage',
});

/** A CorpusKitError with one of the codes above (the shared factory, with the source path as a plain argument). */
export function cleanError(
  code: CleanErrorCode,
  message: string,
  subject?: string | null,
  extra: { cause?: unknown; details?: Record<string, unknown> } = {},
): CorpusKitError {
  return make(code, message, { ...extra, subject: subject ?? undefined });
}
