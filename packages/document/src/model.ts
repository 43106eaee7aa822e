import { hashValue } from './hash.js';

/**
 * The schema version of every record below. Bump it when a field changes meaning; adding
 * optional fields does not need a bump.
 */
export const SCHEMA_VERSION = 1;

/** Outcome of cleaning one page. */
export const DOCUMENT_STATUSES = ['ok', 'short', 'not-article', 'suspect', 'error'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Categories of removed blocks. Rule packs may add their own; these are the ones every tool knows. */
export const REMOVAL_CATEGORIES = [
  'donation',
  'image-credit',
  'caption',
  'comments',
  'share',
  'newsletter',
  'related',
  'author-bio',
  'navigation',
  'advertisement',
  'cookie-consent',
  'paywall-notice',
  'promo',
  'repeated',
  'site-rule',
  'metadata-line',
  'boilerplate',
] as const;
export type RemovalCategory = (typeof REMOVAL_CATEGORIES)[number];

/** Where in the pipeline a block was removed. */
export type RemovalStage = 'dom-before' | 'dom-after' | 'text';

/** One removed block: what, which rule, why. */
export interface Removal {
  category: RemovalCategory | (string & {});
  /** Stable rule id, e.g. `donation/ladder`. */
  rule: string;
  /** Why the rule fired, in words a reviewer understands. */
  reason: string;
  /** The removed text (plain, whitespace-collapsed per block). */
  text: string;
  chars: number;
  stage?: RemovalStage;
  /**
   * Index of the kept text block before which this block stood (0 = before the first block,
   * blocks.length = after the last): the review app shows the block there and restores it there.
   * The cleaner sets it for every removal, those outside the article included (placed by the
   * page blocks around them); records cleaned before that may lack it and are shown at the end.
   */
  position?: number;
  /**
   * A short CSS path of the element the block came from (`div#main > aside.promo > p`), when
   * it came from a page's DOM: enough for a review tool to propose a per-site selector.
   */
  selector?: string;
  /** For a removal by one of the corpus's own per-site rules: that rule's id. */
  siteRule?: string;
}

export interface StatusReason {
  /** Stable code, e.g. `short-text`, `large-removal`, `no-article`. */
  code: string;
  message: string;
}

/** How the bytes were decoded. */
export type EncodingSource = 'bom' | 'http' | 'meta' | 'sniff' | 'default' | 'string';

export interface Provenance {
  /** The path or name of the input as given by the caller, when there is one. */
  source: string | null;
  /** The page's URL as known at clean time (option, sidecar, saved-from comment). */
  url: string | null;
  /** SHA-256 of the raw bytes (of the UTF-8 encoding when a string was given). */
  rawSha256: string;
  encoding: string;
  encodingSource: EncodingSource;
  /** ISO 8601 fetch time, when known. */
  fetchedAt: string | null;
  cleanerVersion: string;
  rulePackHash: string;
  /** DOM engine used (`jsdom`, `linkedom`), or `text` for plain-text input. */
  engine: string;
  /** The file the page was unpacked from (a WARC record, an MHTML or gzip file), when it was. */
  container?: ContainerProvenance;
  /**
   * SHA-256 of the per-site rules the page was cleaned with (their canonical JSON), when there
   * were any. A corpus keeps that file as an object under this hash, so a re-clean can be repeated.
   */
  siteRules?: string;
}

/** Where a page's bytes were unpacked from; `source` then names the page inside it. */
export interface ContainerProvenance {
  format: 'warc' | 'mhtml' | 'gzip';
  /** The container file as given. */
  file: string;
  /** The WARC record's `WARC-Record-ID`. */
  recordId?: string | null;
  /** The WARC record's byte offset in the file (in the compressed file for `.warc.gz`). */
  offset?: number;
}

export const METADATA_FIELDS = [
  'title',
  'byline',
  'authors',
  'publishedAt',
  'modifiedAt',
  'siteName',
  'canonicalUrl',
  'description',
  'language',
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface DocumentMetadata {
  byline: string | null;
  authors: string[];
  /** ISO 8601 date-time. */
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /** The language to use: the declared one, else the detected one (BCP 47 / ISO 639 code). */
  language: string | null;
  declaredLanguage: string | null;
  detectedLanguage: string | null;
  /** Where each field came from, e.g. `json-ld`, `meta[property=og:title]`, `time-element`. */
  sources: Partial<Record<MetadataField, string>>;
}

export interface DocumentStats {
  words: number;
  chars: number;
  removedChars: number;
  /** Number of text blocks (paragraphs, headings, list items) in `text`. */
  blocks: number;
  /** Bytes of the input page. */
  inputBytes: number;
  /** chars of `text` divided by bytes of the input. */
  textToHtmlRatio: number;
}

/** Kinds of page the cleaner tells apart (WCXB's page types). Only `article` is news/commentary. */
export const PAGE_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** What kind of page the input was, by the cleaner's page-type model. */
export interface PageTypeResult {
  type: PageType;
  /** The model's probability of `type`, 0..1 (rounded to 3 decimals). */
  confidence: number;
  /** Probability of every type, same rounding. */
  scores: Record<PageType, number>;
  /**
   * The type whose cleaning rules were applied: `type`, or another type when that was the safer
   * choice for an unsure page (an article when no thread is the main content of a page typed
   * forum, or the model's cleaning gain preferred its second type).
   */
  cleanedAs?: PageType;
}

/** The result of cleaning one page. */
export interface CleanDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  status: DocumentStatus;
  reasons: StatusReason[];
  title: string | null;
  /** Article body only: blocks separated by a blank line; no title or byline lines. */
  text: string;
  markdown: string;
  metadata: DocumentMetadata;
  removed: Removal[];
  /**
   * For each block of `text` (see `textBlocks`), the short CSS path of the element it came from
   * (`''` when unknown); absent for plain-text input and for documents cleaned before it existed.
   */
  blockSelectors?: string[];
  stats: DocumentStats;
  /**
   * The kind of page (absent for plain-text input and for documents cleaned before page types
   * existed). The text is extracted as that kind: a forum thread keeps its posts.
   */
  pageType?: PageTypeResult;
  provenance: Provenance;
  /** Non-fatal problems met on the way (parse errors, a recovered DOM failure). */
  warnings: string[];
}

/**
 * A finding attached to a staged or stored document for the reviewer. Every kind has `kind`,
 * `other`, `similarity` and `reason`, so a list of findings can be shown one way; each kind says
 * what they mean for it and may add its own fields.
 */
export type Finding = DuplicateFinding | NotArticleFinding | CanonicalConflictFinding;

/** From dedup: the same or nearly the same text under another id, or a revision of this id. */
export interface DuplicateFinding {
  kind: 'exact' | 'near' | 'revision';
  /** The other document: its id when it is in the corpus, else its source (`revision`: this id). */
  other: string;
  /** Verified Jaccard similarity of the shingle sets (1 for exact). */
  similarity: number;
  /** Human explanation. */
  reason: string;
}

/**
 * The page reads as another kind of page than a news article (a forum thread, a product page
 * ...): staged like any other page for the reviewer to decide.
 */
export interface NotArticleFinding {
  kind: 'not-article';
  /** The document itself. */
  other: string;
  /** The page-type model's confidence in `pageType` (the same number as `confidence`). */
  similarity: number;
  /** What the page reads as. */
  pageType: PageType;
  /** The page-type model's probability of `pageType`, 0..1. */
  confidence: number;
  reason: string;
}

/**
 * The page's canonical URL names a document already in the corpus whose text differs a lot:
 * staged for the reviewer, never as a silent update of that document.
 */
export interface CanonicalConflictFinding {
  kind: 'canonical-conflict';
  /** The document the canonical URL points at (this entry's id). */
  other: string;
  /** Verified Jaccard similarity between the page's text and that document's. */
  similarity: number;
  /** Where the page itself came from: its URL, or `file:` and its path. */
  address: string;
  reason: string;
}

/** The name from when every finding came from dedup; the same union as `Finding`. */
export type DedupFinding = Finding;

/** What the store keeps for one document at one version. */
export interface DocumentRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  /** Hash of the document's content (see `contentHash`): equal content, equal hash. */
  contentHash: string;
  document: CleanDocument;
  findings: Finding[];
}

/** An immutable corpus version; its id is the SHA-256 of its canonical JSON. */
export interface Version {
  schemaVersion: typeof SCHEMA_VERSION;
  /** Hash of the manifest's root node. */
  root: string;
  parent: string | null;
  message: string;
  /** ISO 8601. */
  time: string;
  author: string | null;
  counts: { documents: number; added: number; modified: number; removed: number };
  /**
   * Hash of the object listing the review decisions this version commits (accepted changes and
   * the rejections made since the parent). Absent in versions written before decisions were kept.
   */
  decisions?: string;
  /**
   * SHA-256 of the corpus's own per-site rule file in force at this commit (kept as an object);
   * absent when the corpus had none.
   */
  rules?: string;
}

/**
 * The part of a clean document that defines its identity as content: title, text and
 * metadata values (not where they came from, not provenance, not the removal report).
 * New bytes that clean to the same content hash equal, so they are not a modification.
 */
export function contentOf(document: Pick<CleanDocument, 'title' | 'text' | 'metadata'>): Record<string, unknown> {
  const { sources: _sources, ...values } = document.metadata;
  return { title: document.title, text: document.text, metadata: values };
}

export function contentHash(document: Pick<CleanDocument, 'title' | 'text' | 'metadata'>): string {
  return hashValue(contentOf(document));
}

/** Empty metadata, for builders. */
export function emptyMetadata(): DocumentMetadata {
  return {
    byline: null,
    authors: [],
    publishedAt: null,
    modifiedAt: null,
    siteName: null,
    canonicalUrl: null,
    description: null,
    language: null,
    declaredLanguage: null,
    detectedLanguage: null,
    sources: {},
  };
}

/** Split `text` into its blocks (the unit the diff aligns and the review app shows). */
export function textBlocks(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}
