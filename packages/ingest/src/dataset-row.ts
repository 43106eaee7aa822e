import type { DocumentRecord } from '@corpuskit/document';
import { hostOf, tryCanonicalizeUrl } from '@corpuskit/document';

/** One document as a dataset row: flat columns a dataset tool reads without knowing corpuskit. */
export interface DatasetRow {
  id: string;
  url: string | null;
  title: string | null;
  text: string;
  markdown: string;
  authors: string[];
  published_at: string | null;
  modified_at: string | null;
  fetched_at: string | null;
  language: string | null;
  /** The host of the document's URL (e.g. `www.bbc.co.uk`). */
  site: string | null;
  /** The site's name as the page gives it (e.g. `BBC News`). */
  site_name: string | null;
  /** The cleaner's page type (article, forum, ...) when it records one; null otherwise. */
  page_type: string | null;
  status: string;
  content_hash: string;
  raw_hash: string;
  cleaner_version: string;
}

/** Column names in order, with their Hugging Face `datasets` feature types. */
export const DATASET_COLUMNS: ReadonlyArray<{ name: keyof DatasetRow; list?: boolean; required?: boolean }> = [
  { name: 'id', required: true },
  { name: 'url' },
  { name: 'title' },
  { name: 'text', required: true },
  { name: 'markdown', required: true },
  { name: 'authors', list: true },
  { name: 'published_at' },
  { name: 'modified_at' },
  { name: 'fetched_at' },
  { name: 'language' },
  { name: 'site' },
  { name: 'site_name' },
  { name: 'page_type' },
  { name: 'status', required: true },
  { name: 'content_hash', required: true },
  { name: 'raw_hash', required: true },
  { name: 'cleaner_version', required: true },
];

/** The dataset row of a stored document. */
export function datasetRow(record: DocumentRecord): DatasetRow {
  const d = record.document;
  const m = d.metadata;
  const url = d.provenance.url ?? m.canonicalUrl ?? (tryCanonicalizeUrl(record.id) ? record.id : null);
  const pageType = (d as { pageType?: unknown }).pageType;
  return {
    id: record.id,
    url,
    title: d.title,
    text: d.text,
    markdown: d.markdown,
    authors: m.authors,
    published_at: m.publishedAt,
    modified_at: m.modifiedAt,
    fetched_at: d.provenance.fetchedAt,
    language: m.language,
    site: hostOf(record.id) ?? hostOf(tryCanonicalizeUrl(url) ?? ''),
    site_name: m.siteName,
    page_type: typeof pageType === 'string' ? pageType : null,
    status: d.status,
    content_hash: record.contentHash,
    raw_hash: d.provenance.rawSha256,
    cleaner_version: d.provenance.cleanerVersion,
  };
}
