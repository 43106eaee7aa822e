import { contentOf } from '@corpuskit/document';
import { diffVersions } from '@corpuskit/diff';
import type { VersionDiff, VersionDiffOptions } from '@corpuskit/diff';
import type { ManifestDiff, ManifestEntry, Store } from '@corpuskit/store';

export interface StoredVersionDiff {
  /** The per-document diff, from @corpuskit/diff: summary at once, documents on demand. */
  diff: VersionDiff<ManifestEntry>;
  /** The store's manifest comparison it was built from (`recordOnly` counts as unchanged). */
  manifests: ManifestDiff;
}

/**
 * The version diff between two refs of a corpus, as both apps show it: the store's manifest
 * comparison (cost follows the size of the change), with documents whose stored record changed
 * but whose content did not (re-fetched bytes, new provenance) counted as unchanged, and each
 * changed document's content loaded from its stored record when it is diffed.
 */
export async function diffStoredVersions(
  store: Store,
  oldRef: string,
  newRef: string,
  options: VersionDiffOptions = {},
): Promise<StoredVersionDiff> {
  const manifests = await store.diffManifests(oldRef, newRef);
  const diff = diffVersions(
    {
      changes: {
        added: manifests.added,
        removed: manifests.removed,
        modified: manifests.modified,
        unchanged: manifests.unchanged + manifests.recordOnly.length,
      },
      load: async (entry) => {
        const { document } = await store.readRecord(entry.record);
        const content = contentOf(document);
        return { title: document.title, text: document.text, metadata: content.metadata as object };
      },
    },
    options,
  );
  return { diff, manifests };
}
