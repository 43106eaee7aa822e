import { findDuplicates } from '@corpuskit/dedup';
import type { DedupDocument, DuplicateReport, FindDuplicatesOptions } from '@corpuskit/dedup';
import type { Store } from '@corpuskit/store';

/**
 * Exact and near-duplicate clusters among the documents of one version of a corpus (`HEAD` by
 * default; any reference the store resolves, including `staged`). Member ids are document ids and
 * the earliest fetched copy represents each cluster. A corpus with no versions yet reads as empty
 * at `HEAD`, so the report then has no documents and no clusters.
 */
export async function corpusDuplicates(
  store: Store,
  ref = 'HEAD',
  options: FindDuplicatesOptions = {},
  signal?: AbortSignal,
): Promise<DuplicateReport> {
  const documents: DedupDocument[] = [];
  const empty = ref === 'HEAD' && (await store.log('HEAD', { limit: 1 })).length === 0;
  if (!empty) {
    for await (const record of store.documents(ref)) {
      signal?.throwIfAborted();
      documents.push({ id: record.id, text: record.document.text, fetchedAt: record.document.provenance.fetchedAt });
    }
  }
  return findDuplicates(documents, options);
}
