import type { StoreContext } from './context.js';
import { readDecisions } from './decisions.js';
import { lookup } from './manifest.js';
import { current } from './transaction.js';
import { log, readVersion } from './versions.js';
import type { DecisionRecord, HistoryStep, LogEntry } from './types.js';

/** `log`, each version with the decisions it recorded. */
export async function logWithDecisions(
  ctx: StoreContext,
  ref: string,
  options: { limit?: number },
): Promise<LogEntry[]> {
  const entries = await log(ctx, ref, options);
  for (const entry of entries) {
    entry.decisions = entry.version.decisions ? await readDecisions(ctx, entry.version.decisions) : [];
  }
  return entries;
}

/*
 * A document's history: each version on HEAD's line that changed it or recorded a decision
 * about it (with its content hash there), then the staging area (decisions not committed yet,
 * the staged change). Newest first, like `log`.
 */

export async function history(ctx: StoreContext, id: string): Promise<HistoryStep[]> {
  const { refs, staging, journal } = await current(ctx);
  const tagsOf = new Map<string, string[]>();
  for (const [name, version] of Object.entries(refs.tags)) {
    tagsOf.set(version, [...(tagsOf.get(version) ?? []), name].sort());
  }
  // Oldest first, to compare each version with its parent.
  const chain: string[] = [];
  for (let version = refs.head; version !== null; version = (await readVersion(ctx, version)).parent) {
    chain.push(version);
  }
  chain.reverse();
  const steps: HistoryStep[] = [];
  let before: string | null = null;
  for (const versionId of chain) {
    const version = await readVersion(ctx, versionId);
    const entry = await lookup(version.root, id, ctx.nodes);
    const now = entry?.contentHash ?? null;
    const decisions = version.decisions ? (await readDecisions(ctx, version.decisions)).filter((d) => d.id === id) : [];
    const change =
      now === before ? 'unchanged' : before === null ? 'added' : now === null ? 'removed' : ('modified' as const);
    if (change !== 'unchanged' || decisions.length > 0) {
      steps.push({
        version: versionId,
        time: version.time,
        message: version.message,
        tags: tagsOf.get(versionId) ?? [],
        change,
        contentHash: now,
        decisions,
        staged: null,
      });
    }
    before = now;
  }
  const pending: DecisionRecord[] = journal.filter((d) => d.id === id);
  const entry = staging.get(id) ?? null;
  if (entry || pending.length > 0) {
    steps.push({
      version: null,
      time: null,
      message: null,
      tags: [],
      change: 'staged',
      contentHash: entry ? (entry.change === 'remove' ? null : entry.contentHash) : before,
      decisions: pending,
      staged: entry,
    });
  }
  return steps.reverse();
}
