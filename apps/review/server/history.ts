import type { HistoryStep, Store } from '@corpuskit/store';

import type { HistoryDecision, HistoryResponse, HistoryStepView } from './api-types.js';
import { checkId } from './service.js';
import { reviewError } from './errors.js';

/*
 * A document's history for the app's History view: every version that changed it or recorded a
 * decision about it, with its content hash there, and the staging area; newest first.
 */

function stepView(step: HistoryStep, parent: string | null): HistoryStepView {
  const decisions: HistoryDecision[] = step.decisions.map((d) => ({
    change: d.change,
    decision: d.decision,
    contentHash: d.contentHash,
    previousContentHash: d.previousContentHash,
    by: d.by,
    at: d.at,
    note: d.note,
  }));
  const entry = step.staged;
  return {
    version: step.version,
    parent,
    time: step.time,
    message: step.message,
    tags: step.tags,
    change: step.change,
    contentHash: step.contentHash,
    decisions,
    staged: entry
      ? {
          change: entry.change,
          state: entry.state,
          contentHash: entry.change === 'remove' ? null : entry.contentHash,
          decision: entry.decision
            ? {
                by: entry.decision.by,
                at: entry.decision.at,
                note: entry.decision.note,
                remembered: entry.decision.remembered ?? null,
              }
            : null,
          stale: entry.stale
            ? {
                state: entry.stale.state,
                by: entry.stale.by,
                at: entry.stale.at,
                note: entry.stale.note,
                contentHash: entry.stale.contentHash ?? null,
              }
            : null,
        }
      : null,
  };
}

export async function documentHistory(store: Store, rawId: unknown): Promise<HistoryResponse> {
  const id = checkId(rawId);
  const steps = await store.history(id);
  if (steps.length === 0) {
    throw reviewError('review.unknown-document', 'no version or staged entry has this id', {
      subject: id,
    });
  }
  // The title from the newest record that has one: the staged record, else the last version holding it.
  let title: string | null = null;
  const staged = await store.getStaged(id);
  if (staged?.record) title = staged.record.document.title;
  for (const step of steps) {
    if (title !== null) break;
    if (step.version && step.contentHash) title = (await store.getDocument(step.version, id))?.document.title ?? null;
  }
  const views: HistoryStepView[] = [];
  for (const step of steps) {
    const parent = step.version ? (await store.readVersion(step.version)).parent : null;
    views.push(stepView(step, parent));
  }
  return { id, title, steps: views };
}
