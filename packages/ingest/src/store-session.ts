import type { DocumentRecord } from '@corpuskit/document';
import type { Store } from '@corpuskit/store';

import { SimpleDedupIndex, SimpleRepeatedLines } from './fallback-dedup.js';
import type { CorpusPort, CorpusReader, CorpusSession } from './ports.js';

/** Names of the side-state files ingest keeps in the store. */
export const DEDUP_STATE = 'dedup-index';
export const LINES_STATE = 'repeated-lines';

/**
 * The pipeline's view of a @corpuskit/store corpus: the repeated-line table as a snapshot,
 * one transaction (the corpus lock) for dedup and staging, and read access for re-cleaning.
 */
export function storeSession(store: Store): CorpusSession & CorpusReader {
  return {
    async snapshotLines() {
      return SimpleRepeatedLines.fromBytes(await store.readState(LINES_STATE));
    },

    write(fn) {
      return store.transaction(async () => {
        const status = await store.status();
        const staged = new Map(status.items.map((item) => [item.id, item]));
        const hasHead = status.head !== null;
        const dedup = SimpleDedupIndex.fromBytes(await store.readState(DEDUP_STATE));
        const lines = SimpleRepeatedLines.fromBytes(await store.readState(LINES_STATE));
        const port: CorpusPort = {
          async currentContentHash(id) {
            const entry = staged.get(id);
            if (entry && entry.change !== 'remove') return entry.contentHash;
            if (entry?.change === 'remove') return null;
            return hasHead ? ((await store.getEntry('HEAD', id))?.contentHash ?? null) : null;
          },
          async stage(record, raw, source) {
            const [result] = await store.stage([{ record, raw, source }]);
            return result!.change;
          },
          dedup,
          lines,
          async saveState() {
            await store.writeState(DEDUP_STATE, dedup.toBytes());
            await store.writeState(LINES_STATE, lines.toBytes());
          },
        };
        return fn(port);
      });
    },

    async currentDocuments() {
      const status = await store.status();
      const byId = new Map<string, DocumentRecord>();
      if (status.head) for await (const record of store.documents('HEAD')) byId.set(record.id, record);
      for (const item of status.items) {
        if (item.change === 'remove') byId.delete(item.id);
        else if (item.record) byId.set(item.id, await store.readRecord(item.record));
      }
      return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    readRaw(sha) {
      return store.getRaw(sha);
    },
  };
}
