import type { DuplicateFinding } from '@corpuskit/document';

import type { Signature } from './minhash.js';
import type { DedupOptions } from './options.js';

/** How a new page relates to the corpus. */
export type CheckStatus =
  /** Nothing in the corpus is its duplicate. */
  | 'new'
  /** Its id is in the corpus with the same normalised text. */
  | 'unchanged'
  /** Its id is in the corpus with other text: an edited page, to stage as an update of that id. */
  | 'revision'
  /** Another id in the corpus has the same normalised text. */
  | 'exact'
  /** Another id in the corpus is a verified near-duplicate. */
  | 'near'
  /** The text has no words: not compared. */
  | 'empty';

export interface CheckResult {
  id: string;
  fingerprint: string;
  status: CheckStatus;
  /**
   * Findings against the corpus, highest similarity first: `revision` (same id, other text;
   * similarity may be below the threshold), `exact` (other id, same text), `near` (other id,
   * verified Jaccard >= threshold).
   */
  findings: DuplicateFinding[];
  /** The corpus document this page is closest to (its own id wins ties), or null. */
  nearest: DuplicateFinding | null;
  /** Findings against earlier documents of the same batch (`exact` / `near`). */
  batch: DuplicateFinding[];
  /** Problems that did not stop the check (a stored text that could not be loaded). */
  warnings: string[];
}

export interface CheckOptions {
  /** The stored text of a corpus document, for verification (signatures are all the index keeps). */
  loadText: (id: string) => string | Promise<string>;
  /**
   * The text a page with this id is a revision of, when the index's own entry for the id is not
   * it: a store that indexes staged texts too gives the committed text here for an id it has
   * staged (null when no version has the id: then the page is no revision of anything).
   * `undefined` (or no function): the index's entry for the id is the baseline.
   */
  revisionBase?: (id: string) => string | null | undefined | Promise<string | null | undefined>;
  /**
   * The text of an earlier page of the same batch. Given, `check` keeps no shingle set per page
   * (a long batch would hold them all) and rebuilds one from this text when a later page is a
   * candidate near copy of it; the findings are the same.
   */
  batchText?: (id: string) => string | Promise<string>;
}

export function revisionFinding(id: string, similarity: number, verified: boolean): DuplicateFinding {
  return {
    kind: 'revision',
    other: id,
    similarity,
    reason: `${id} is in the corpus with other text: a revision (${verified ? 'verified' : 'estimated'} Jaccard ${similarity.toFixed(3)})`,
  };
}

export function estimate(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

export function nearReason(other: string, similarity: number, options: DedupOptions): string {
  return `near-duplicate of ${other}: verified Jaccard ${similarity.toFixed(3)} >= ${options.threshold} over ${options.shingleSize}-word shingles`;
}

/** Highest similarity first; the page's own id first on ties; then id. */
export function byFinding(ownId: string): (x: DuplicateFinding, y: DuplicateFinding) => number {
  return (x, y) =>
    y.similarity - x.similarity ||
    (x.other === ownId ? -1 : y.other === ownId ? 1 : 0) ||
    (x.other < y.other ? -1 : x.other > y.other ? 1 : 0);
}
