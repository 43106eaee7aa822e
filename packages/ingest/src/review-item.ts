import { hostOf, sha256 } from '@corpuskit/document';
import type { DocumentRecord, DocumentStatus, Finding, PageType } from '@corpuskit/document';
import type { StagedEntry } from '@corpuskit/store';

import type { WhereSubject } from './where.js';

/** The flags a reviewer scans for, derived from a staged entry and its record. */
export type ReviewFlag =
  | 'suspect'
  | 'not-article'
  | 'exact-duplicate'
  | 'near-duplicate'
  | 'revision'
  | 'canonical-conflict'
  /** An earlier decision was for other content: pending again. */
  | 'stale'
  /** Staged rejected: the same content was rejected (or removed) before. */
  | 'previously-rejected';

/**
 * One staged entry as both review surfaces show it (the CLI's `status`, the app's queue): what
 * `--where` filters on. Built by `reviewItemOf` from the entry and its record's summary.
 */
export interface ReviewItem {
  id: string;
  /** First 12 hex digits of SHA-256 of the id: a short handle that does not depend on the URL. */
  hash: string;
  /** What staging does to the corpus: `new`, `update` or `remove`. */
  change: StagedEntry['change'];
  state: StagedEntry['state'];
  title: string | null;
  site: string | null;
  /** The cleaner's status of the staged record; null for a removal. */
  status: DocumentStatus | null;
  language: string | null;
  /** The cleaner's page type (article, forum, ...) when it typed the page. */
  pageType?: PageType | null;
  /** ISO 8601 date of publication when the page said so. */
  publishedAt: string | null;
  /** ISO 8601 time the entry was staged. */
  stagedAt: string;
  findings: Array<Pick<Finding, 'kind' | 'other' | 'similarity'>>;
  flags: ReviewFlag[];
  chars: number;
  removedChars: number;
  note: string | null;
  /** Who decided, when decided. */
  decidedBy: string | null;
  contentHash: string | null;
}

/** The part of a record a review item needs (kept small so a queue of 100,000 can cache it). */
export interface RecordSummary {
  title: string | null;
  status: DocumentStatus | null;
  language: string | null;
  pageType?: PageType | null;
  publishedAt: string | null;
  chars: number;
  removedChars: number;
}

export const EMPTY_SUMMARY: RecordSummary = {
  title: null,
  status: null,
  language: null,
  publishedAt: null,
  chars: 0,
  removedChars: 0,
};

/** The short hash of a document id shown beside it (`corpuskit accept 3fa9c1` takes it). */
export function idHash(id: string): string {
  return sha256(id).slice(0, 12);
}

export function summaryOf(record: DocumentRecord, staged = true): RecordSummary {
  const document = record.document;
  return {
    title: document.title,
    status: staged ? document.status : null,
    language: document.metadata.language,
    pageType: document.pageType?.type ?? null,
    publishedAt: document.metadata.publishedAt,
    chars: document.stats?.chars ?? document.text.length,
    removedChars: document.stats?.removedChars ?? 0,
  };
}

export function flagsOf(
  entry: Pick<StagedEntry, 'findings'> & Partial<Pick<StagedEntry, 'stale' | 'decision'>>,
  status: DocumentStatus | null,
): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (status === 'suspect') flags.push('suspect');
  if (status === 'not-article') flags.push('not-article');
  const kinds = new Set(entry.findings.map((finding) => finding.kind));
  if (kinds.has('exact')) flags.push('exact-duplicate');
  if (kinds.has('near')) flags.push('near-duplicate');
  if (kinds.has('revision')) flags.push('revision');
  if (kinds.has('canonical-conflict')) flags.push('canonical-conflict');
  if (entry.stale) flags.push('stale');
  if (entry.decision?.remembered) flags.push('previously-rejected');
  return flags;
}

/**
 * The review item of a staged entry. Its `hash` and `site` are worked out when first read (a
 * SHA-256 and a URL parse each: most of the cost of building 100,000 items that a filter on
 * state or findings never reads); they are ordinary enumerable properties for JSON and spreads.
 */
export function reviewItemOf(entry: StagedEntry, summary: RecordSummary = EMPTY_SUMMARY): ReviewItem {
  const status = entry.record ? summary.status : null;
  let hash: string | undefined;
  let site: string | null | undefined;
  return {
    id: entry.id,
    get hash() {
      return (hash ??= idHash(entry.id));
    },
    change: entry.change,
    state: entry.state,
    title: summary.title,
    get site() {
      if (site === undefined) site = hostOf(entry.id);
      return site;
    },
    status,
    language: summary.language,
    pageType: summary.pageType ?? null,
    publishedAt: summary.publishedAt,
    stagedAt: entry.stagedAt,
    findings: entry.findings.map(({ kind, other, similarity }) => ({ kind, other, similarity })),
    flags: flagsOf(entry, status),
    chars: summary.chars,
    removedChars: summary.removedChars,
    note: entry.decision?.note ?? null,
    decidedBy: entry.decision?.by ?? null,
    contentHash: entry.contentHash,
  };
}

/** A committed document as `--where` sees it (`export --where`): no state, change or staging time. */
export function recordSubject(record: DocumentRecord): WhereSubject {
  const status = record.document.status;
  return {
    id: record.id,
    site: hostOf(record.id),
    status,
    language: record.document.metadata.language,
    pageType: record.document.pageType?.type ?? null,
    publishedAt: record.document.metadata.publishedAt,
    title: record.document.title,
    findings: record.findings.map(({ kind, other, similarity }) => ({ kind, other, similarity })),
    flags: flagsOf(record, status),
  };
}

/** Reads records and keeps their summaries by object hash (records are immutable). */
export class SummaryCache {
  private readonly cache = new Map<string, RecordSummary>();

  constructor(private readonly readRecord: (hash: string) => Promise<DocumentRecord>) {}

  async summary(entry: StagedEntry): Promise<RecordSummary> {
    const hash = entry.record ?? entry.previous?.record ?? null;
    if (!hash) return EMPTY_SUMMARY;
    const key = `${entry.record ? 's' : 'p'}${hash}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const summary = summaryOf(await this.readRecord(hash), entry.record !== null);
    this.cache.set(key, summary);
    return summary;
  }

  async item(entry: StagedEntry): Promise<ReviewItem> {
    return reviewItemOf(entry, await this.summary(entry));
  }

  /** Items for many entries, records read a batch at a time. */
  async items(entries: StagedEntry[], batch = 32): Promise<ReviewItem[]> {
    const items: ReviewItem[] = [];
    for (let i = 0; i < entries.length; i += batch) {
      items.push(...(await Promise.all(entries.slice(i, i + batch).map((entry) => this.item(entry)))));
    }
    return items;
  }
}
