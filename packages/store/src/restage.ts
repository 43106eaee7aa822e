import { decisionRecordOf, keepsOut, retire, staleOf } from './decisions.js';
import type { DecisionRecord, RememberedDecision, StagedEntry } from './types.js';

/*
 * What staging a document does to the review state, given the entry already staged for its id
 * and what the store remembers about its content. A decision is about content (a content hash):
 *
 * - the same content staged again keeps its entry's decision (a new fetch of the same text is
 *   still accepted, or still rejected);
 * - other content makes a decided entry's decision stale: the entry is pending again and says
 *   which decision went stale;
 * - content the store remembers as rejected (or accepted for removal) is staged already
 *   rejected, unless the caller asks to reconsider it.
 */

export interface Restaged {
  /** The entry to stage (the existing one when `alreadyStaged`). */
  entry: StagedEntry;
  /** The very same record was staged already: nothing to write. */
  alreadyStaged: boolean;
  /** Staged rejected because this content was rejected (or removed) before. */
  remembered: RememberedDecision | null;
  /** Staged pending although this content was rejected before (`reconsider`). */
  reconsidered: RememberedDecision | null;
}

/**
 * The entry to stage for `fresh` (a pending entry for new content), given the `existing` entry
 * for its id, the remembered decision about its content, and whether to reconsider a rejection.
 * Rejections that leave the staging area on the way go to `journal`.
 */
export function restage(
  fresh: StagedEntry,
  existing: StagedEntry | undefined,
  memory: RememberedDecision | null,
  reconsider: boolean,
  journal: DecisionRecord[],
): Restaged {
  const none = { alreadyStaged: false, remembered: null, reconsidered: null };
  if (existing && existing.change === fresh.change && existing.contentHash === fresh.contentHash) {
    const earlier = existing.state === 'rejected' ? rememberedOf(existing) : null;
    if (reconsider && existing.state === 'rejected') {
      retire(journal, existing);
      return { ...none, entry: fresh, reconsidered: earlier };
    }
    if (existing.record === fresh.record) return { ...none, entry: existing, alreadyStaged: true, remembered: earlier };
    const { stale } = existing;
    return {
      ...none,
      entry: { ...fresh, state: existing.state, decision: existing.decision, ...(stale ? { stale } : {}) },
      remembered: earlier,
    };
  }
  const stale = existing ? (staleOf(existing) ?? existing.stale ?? null) : null;
  if (existing) retire(journal, existing);
  const kept = memory ? keepsOut(memory.record) : null;
  if (memory && kept) {
    if (reconsider) return { ...none, entry: stale ? { ...fresh, stale } : fresh, reconsidered: memory };
    const { by, at, note } = memory.record;
    return {
      ...none,
      entry: {
        ...fresh,
        state: 'rejected',
        decision: {
          by,
          at,
          note,
          contentHash: fresh.contentHash,
          remembered: { decision: kept, version: memory.version },
        },
      },
      remembered: memory,
    };
  }
  return { ...none, entry: stale ? { ...fresh, stale } : fresh };
}

/** A rejected staged entry's decision as a remembered one. */
function rememberedOf(entry: StagedEntry): RememberedDecision | null {
  const record = decisionRecordOf(entry);
  if (!record || !entry.decision) return null;
  return { record, version: entry.decision.remembered?.version ?? entry.decision.committedIn ?? null };
}
