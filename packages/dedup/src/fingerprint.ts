import { normalizeText, sha256 } from '@corpuskit/document';

/**
 * Exact fingerprint: hex SHA-256 of the normalised text (`normalizeText`: NFKC, case, quotes,
 * dashes, punctuation and white space folded). Same article under another URL, or with other
 * spacing or case, gives the same fingerprint.
 */
export function fingerprint(text: string): string {
  return sha256(normalizeText(text));
}

/** Fingerprint of text already normalised with `normalizeText`. */
export function fingerprintOfNormalized(normalized: string): string {
  return sha256(normalized);
}
