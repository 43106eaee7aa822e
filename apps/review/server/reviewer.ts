import { reviewError } from './errors.js';

/** The header the app sends its reviewer setting in (URI-encoded, so any name fits a header). */
export const REVIEWER_HEADER = 'x-corpuskit-reviewer';

const MAX_REVIEWER = 200;

/** A reviewer name from a request: trimmed text of at most 200 characters, no control characters; undefined when absent. */
export function checkReviewer(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof value !== 'string' || value.length > MAX_REVIEWER || /[\u0000-\u001f\u007f]/.test(value)) {
    throw reviewError('review.invalid-reviewer', `a reviewer name must be text of at most ${MAX_REVIEWER} characters`);
  }
  const name = value.trim();
  return name === '' ? undefined : name;
}

/** The reviewer from the app's header (URI-encoded). */
export function reviewerOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw reviewError('review.invalid-reviewer', 'the reviewer header is not URI-encoded text');
  }
  return checkReviewer(decoded);
}
