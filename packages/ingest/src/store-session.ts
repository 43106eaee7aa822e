import type { DocumentRecord } from '@corpuskit/document';
import { DedupIndex, RepeatedLineTable } from '@corpuskit/dedup';
import type { DedupDocument, PreparedDocument } from '@corpuskit/dedup';
import type { StageResult, Store } from '@corpuskit/store';

import { loadCorpusRules } from './corpus-rules.js';
import type { CorpusPort, CorpusReader, CorpusSession, DedupInput, RepeatedLinesPort, StagedOutcome } from './ports.js';

/** Names of the side-state files ingest keeps in the store. */
const DEDUP_STATE = 'dedup-index';
export const LINES_STATE = 'repeated-lines';

/**
 * At most this many copies of a page (exact and near duplicates) are listed in its findings, for
 * the corpus and for the batch each, nearest first; the last one listed says how many more there
 * are. A page crawled under a thousand URLs would otherwise list every other copy in each copy's
 * findings: a million findings, held in memory until staging ends.
 */
export const MAX_LISTED_COPIES = 10;

function listedCopies<T extends { kind: string; reason: string }>(findings: readonly T[]): T[] {
  const isCopy = (finding: T) => finding.kind === 'exact' || finding.kind === 'near';
  const copies = findings.filter(isCopy);
  if (copies.length <= MAX_LISTED_COPIES) return [...findings];
  const kept = new Set(copies.slice(0, MAX_LISTED_COPIES));
  const last = copies[MAX_LISTED_COPIES - 1]!;
  const more = copies.length - MAX_LISTED_COPIES;
  return findings
    .filter((finding) => !isCopy(finding) || kept.has(finding))
    .map((finding) =>
      finding === last ? { ...finding, reason: `${finding.reason}; ${more} more not listed` } : finding,
    );
}

function linesPort(table: RepeatedLineTable): RepeatedLinesPort {
  return {
    linesFor: (host) => Object.fromEntries(table.mapFor(host)),
    add: (host, id, text) => {
      table.add({ id, text, host });
    },
  };
}

async function loadLines(store: Store): Promise<RepeatedLineTable> {
  const bytes = await store.readState(LINES_STATE);
  return bytes ? RepeatedLineTable.deserialize(bytes) : new RepeatedLineTable();
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every document as it stands: its staged record (pending or accepted, not a removal), else HEAD's. */
async function currentDocuments(store: Store): Promise<DocumentRecord[]> {
  const status = await store.status();
  const records = new Map<string, DocumentRecord>();
  if (status.head) for await (const record of store.documents('HEAD')) records.set(record.id, record);
  for (const item of status.items) {
    if (item.state === 'rejected') continue;
    if (item.change === 'remove') records.delete(item.id);
    else if (item.record) records.set(item.id, await store.readRecord(item.record));
  }
  return [...records.values()].sort(byId);
}

export interface StoreSessionOptions {
  /** Stage content the corpus remembers as rejected (or removed) as pending again. */
  reconsider?: boolean;
}

/** The store's staging result as the pipeline sees it. */
function stagedOutcome(result: StageResult): StagedOutcome {
  const earlier = result.remembered ?? result.reconsidered ?? null;
  const kept = earlier ? (earlier.record.change === 'remove' ? 'removed' : 'rejected') : null;
  return {
    change: result.change,
    state: result.state ?? null,
    previously:
      earlier && kept
        ? {
            decision: kept,
            by: earlier.record.by,
            at: earlier.record.at,
            note: earlier.record.note,
            version: earlier.version,
            reconsidered: !result.remembered,
          }
        : null,
    stale: result.stale
      ? { state: result.stale.state, by: result.stale.by, at: result.stale.at, note: result.stale.note }
      : null,
  };
}

/**
 * The pipeline's view of a @corpuskit/store corpus. The dedup index (@corpuskit/dedup's
 * `DedupIndex`) and the per-site repeated-line table (`RepeatedLineTable`) live in the store's
 * side state; both are read and written inside the one transaction that stages, so two ingests
 * never interleave their updates. A missing or unreadable index is rebuilt from the documents.
 */
export function storeSession(store: Store, options: StoreSessionOptions = {}): CorpusSession & CorpusReader {
  return {
    async snapshotLines() {
      return linesPort(await loadLines(store));
    },

    write(fn) {
      return store.transaction(async () => {
        const status = await store.status();
        // Rejected entries are not part of the corpus: dedup and re-clean look past them.
        const staged = new Map(status.items.filter((item) => item.state !== 'rejected').map((item) => [item.id, item]));
        const headIds = new Set<string>();
        if (status.head) for await (const entry of store.entries('HEAD')) headIds.add(entry.id);
        const live = (id: string) => headIds.has(id) || (staged.has(id) && staged.get(id)!.change !== 'remove');

        let index: DedupIndex | null = null;
        const bytes = await store.readState(DEDUP_STATE);
        if (bytes) {
          try {
            index = DedupIndex.deserialize(bytes);
          } catch {
            index = null; // rebuilt below; fsck of the store itself is unaffected
          }
        }
        if (!index) {
          const documents = await currentDocuments(store);
          index = DedupIndex.fromDocuments(
            documents.map((r) => ({ id: r.id, text: r.document.text, fetchedAt: r.document.provenance.fetchedAt })),
          );
        }
        // Forget documents that left the corpus (rejected and unstaged, removed).
        for (const id of index.documentIds()) if (!live(id)) index.remove(id);
        const dedup = index;
        // A page's signature made by the thread that cleaned it, when it has the index's options.
        const prepared = (page: DedupInput, withShingles: boolean): DedupDocument | PreparedDocument => {
          const { signature, ...text } = page;
          if (!signature || signature.key !== dedup.key || (withShingles && !signature.shingles)) return text;
          const { shingles, ...rest } = signature;
          return { ...rest, id: page.id, ...(withShingles && shingles ? { shingles } : {}) };
        };
        const table = await loadLines(store);

        const textOf = async (id: string): Promise<string> => {
          const entry = staged.get(id);
          if (entry?.record) return (await store.readRecord(entry.record)).document.text;
          const record = headIds.has(id) ? await store.getDocument('HEAD', id) : null;
          if (!record) throw new Error(`no document ${id}`);
          return record.document.text;
        };

        // The index holds staged texts too: a staged id (any state) is a revision of HEAD's text
        // only, never of the text staged before it (a reclean or re-ingest restages it).
        const stagedIds = new Set(status.items.map((item) => item.id));
        const revisionBase = async (id: string): Promise<string | null | undefined> => {
          if (!stagedIds.has(id)) return undefined;
          if (!headIds.has(id)) return null;
          const record = await store.getDocument('HEAD', id);
          return record ? record.document.text : null;
        };

        const port: CorpusPort = {
          async currentContentHash(id) {
            // A rejected entry does not: the store keeps the same content rejected and says so.
            const entry = staged.get(id);
            if (entry) return entry.change === 'remove' ? null : entry.contentHash;
            return headIds.has(id) ? ((await store.getEntry('HEAD', id))?.contentHash ?? null) : null;
          },
          async stage(record, raw, source, rawDeflated) {
            const [result] = await store.stage([{ record, raw, source, ...(rawDeflated ? { rawDeflated } : {}) }], {
              reconsider: options.reconsider ?? false,
            });
            return stagedOutcome(result!);
          },
          dedup: {
            async check(batch, batchText) {
              // Signed by the cleaning thread when it could: then not signed again here.
              const pages = (async function* () {
                for await (const page of batch) yield prepared(page, true);
              })();
              const results = await dedup.check(pages, {
                loadText: textOf,
                revisionBase,
                ...(batchText ? { batchText } : {}),
              });
              return results.map((result) => [...listedCopies(result.findings), ...listedCopies(result.batch)]);
            },
            add(page) {
              dedup.add(prepared(page, false));
            },
          },
          lines: linesPort(table),
          async saveState() {
            await store.writeState(DEDUP_STATE, dedup.serialize());
            await store.writeState(LINES_STATE, table.serialize());
          },
        };
        return fn(port);
      });
    },

    async stagedHashes() {
      const status = await store.status();
      return new Map(status.items.map((item) => [item.id, item.state === 'rejected' ? null : item.contentHash]));
    },

    currentDocuments: () => currentDocuments(store),

    async siteRules() {
      return (await loadCorpusRules(store))?.rules ?? null;
    },

    async stagedStates() {
      const states = new Map<string, 'pending' | 'accepted'>();
      for (const item of (await store.status()).items) {
        if (item.state !== 'rejected' && item.change !== 'remove') states.set(item.id, item.state);
      }
      return states;
    },

    readRaw(sha) {
      return store.getRaw(sha);
    },
  };
}
