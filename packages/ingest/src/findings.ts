import type { CanonicalConflictFinding, CleanDocument, Finding, NotArticleFinding } from '@corpuskit/document';

import type { Cleaned } from './results.js';

const PAGE_TYPE_WORDS: Record<string, string> = {
  forum: 'a forum thread',
  product: 'a product page',
  collection: 'a collection of items',
  listing: 'a listing of links',
  documentation: 'documentation',
  service: 'a service or company page',
};

/** Below this page-type confidence a page is not flagged: the model is unsure, the reviewer is not bothered. */
const NOT_ARTICLE_MIN_CONFIDENCE = 0.6;

/**
 * A corpus of news wants articles: a page the cleaner typed as another kind, with confidence at
 * least NOT_ARTICLE_MIN_CONFIDENCE, is staged with a `not-article` finding, so the reviewer
 * decides (nothing is dropped).
 */
export function notArticleFindings(document: CleanDocument, id: string): NotArticleFinding[] {
  const pageType = document.pageType;
  if (!pageType || pageType.type === 'article' || pageType.confidence < NOT_ARTICLE_MIN_CONFIDENCE) return [];
  return [
    {
      kind: 'not-article',
      other: id,
      similarity: pageType.confidence,
      pageType: pageType.type,
      confidence: pageType.confidence,
      reason: `the page reads as ${PAGE_TYPE_WORDS[pageType.type] ?? pageType.type}, not a news article (page-type confidence ${pageType.confidence.toFixed(2)})`,
    },
  ];
}

/**
 * Below this similarity to the document its canonical URL names, a page that came from
 * somewhere else is not taken as that document's new edition (edited articles stay well
 * above it: the sample corpus's editions are 0.80 to 0.93 similar to their first versions).
 */
export const CANONICAL_CONFLICT_BELOW = 0.3;

/**
 * A page whose id is a canonical URL it declares (it came from elsewhere: another URL, or a
 * file) and that names a document already in the corpus with text that differs a lot gets a
 * `canonical-conflict` finding: staged for the reviewer, not as a silent update. The similarity
 * is dedup's verified one (the `revision` finding's, `textSimilarity`'s measure).
 */
export function canonicalConflictFindings(
  item: Pick<Cleaned, 'id' | 'claimedFrom'>,
  dedupFindings: readonly Finding[],
): CanonicalConflictFinding[] {
  if (item.claimedFrom === undefined) return [];
  const revision = dedupFindings.find((finding) => finding.kind === 'revision' && finding.other === item.id);
  if (!revision || revision.similarity >= CANONICAL_CONFLICT_BELOW) return [];
  const percent = (revision.similarity * 100).toFixed(1);
  return [
    {
      kind: 'canonical-conflict',
      other: item.id,
      similarity: revision.similarity,
      address: item.claimedFrom,
      reason: `the page (${item.claimedFrom}) declares the canonical URL ${item.id}, a document already in the corpus whose text is only ${percent}% similar: staged for review, not as an update of it`,
    },
  ];
}

/**
 * The text as it would be without the repeated-line option: the kept text plus the blocks the
 * table made `clean` remove, so a line keeps being counted once it is removed.
 */
export function textBeforeRepeatedLines(document: Pick<CleanDocument, 'text' | 'removed'>): string {
  const repeated = document.removed.filter((removal) => removal.category === 'repeated').map((removal) => removal.text);
  return repeated.length === 0 ? document.text : [document.text, ...repeated].join('\n\n');
}
