import { sha256, type DocumentRecord } from '@corpuskit/document';

import { isoTime, type Session, type StoreContext } from './context.js';
import { storeError } from './errors.js';
import { lookup, type ManifestEntry } from './manifest.js';
import { putEncoded, readRecord, writeRecord } from './objects.js';
import { encodeRecord, validateRecord } from './records.js';
import { byId } from './staging-index.js';
import { restage } from './restage.js';
import { decidedContent, memoryLookup, retire, staleOf } from './decisions.js';
import { current, maybeFlush, mutate } from './transaction.js';
import { headRoot } from './versions.js';
import type {
  DecisionOptions,
  DecisionRecord,
  StagedDocument,
  StagedEntry,
  StagedState,
  StageInput,
  StageOptions,
  StageResult,
  StatusResult,
} from './types.js';

/* The staging area (review queue): staging changes, review decisions, and reading it back. */

/**
 * Stage documents for review. Each is compared with HEAD by content hash: `identical`
 * changes nothing (and drops a staged entry for the id), otherwise it becomes a pending
 * `new` or `update`, replacing any earlier staged entry for the same id. Staging the very
 * same record again keeps the existing entry and its review state. All inputs are validated
 * before anything is written.
 */
export async function stage(ctx: StoreContext, inputs: StageInput[], options: StageOptions): Promise<StageResult[]> {
  const verify = options.verifyContentHash ?? false;
  const checked = inputs.map((input, index) => {
    const subject = input?.source ?? (input?.record as { id?: unknown } | undefined)?.id;
    const name = typeof subject === 'string' ? subject : `input ${index}`;
    const record = validateRecord(input?.record, name, verify);
    if (input.raw !== undefined && !(input.raw instanceof Uint8Array)) {
      throw storeError('store.invalid-record', 'raw must be a Uint8Array (or Buffer)', { subject: name });
    }
    if (input.rawDeflated !== undefined && !(input.rawDeflated instanceof Uint8Array)) {
      throw storeError('store.invalid-record', 'rawDeflated must be a Uint8Array (or Buffer)', { subject: name });
    }
    return { input, record };
  });
  return mutate(ctx, async (session) => {
    const root = await headRoot(ctx, session.refs);
    const remembered = await memoryLookup(ctx, session);
    const stagedAt = new Date().toISOString();
    const results: StageResult[] = [];
    // Applied to the session only when every input went through, so a bad input changes nothing.
    const updates = new Map<string, StagedEntry | null>();
    const journal: DecisionRecord[] = [];
    const stagedOf = (id: string): StagedEntry | undefined =>
      updates.has(id) ? (updates.get(id) ?? undefined) : session.staging.get(id);
    for (const { input, record } of checked) {
      const id = record.id;
      const head = root ? await lookup(root, id, ctx.nodes) : null;
      const existing = stagedOf(id);
      if (head && head.contentHash === record.contentHash) {
        if (existing) {
          retire(journal, existing);
          updates.set(id, null);
        }
        results.push({
          id,
          change: 'identical',
          replacedPending: !!existing,
          alreadyStaged: false,
          record: head.record,
          state: null,
        });
        continue;
      }
      const encoded = encodeRecord(record);
      let raw: string | null = null;
      if (input.raw !== undefined) {
        const text = encoded.blobs[0]!;
        // Plain-text pages: raw bytes equal to the text are the same object, no second hash needed.
        raw = input.raw.length === text.bytes.length && text.bytes.equals(input.raw) ? text.hash : sha256(input.raw);
        const claimed = record.document.provenance.rawSha256;
        if (claimed && claimed !== raw) {
          throw storeError('store.raw-mismatch', `the raw bytes do not hash to provenance.rawSha256 (${claimed})`, {
            subject: input.source ?? id,
          });
        }
      }
      const hash = putEncoded(ctx, encoded);
      if (raw !== null && input.raw) {
        ctx.backend.putObject(raw, input.raw, {
          compress: true,
          ...(input.rawDeflated ? { deflated: input.rawDeflated } : {}),
        });
      }
      const change = head ? 'update' : 'new';
      const entry: StagedEntry = {
        id,
        change,
        state: 'pending',
        record: hash,
        contentHash: record.contentHash,
        raw,
        previous: head,
        findings: record.findings,
        source: input.source ?? record.document.provenance.source ?? null,
        stagedAt,
        decision: null,
      };
      const result = restage(entry, existing, remembered(id, record.contentHash), options.reconsider ?? false, journal);
      if (result.alreadyStaged) {
        results.push({
          id,
          change,
          replacedPending: false,
          alreadyStaged: true,
          record: hash,
          state: existing!.state,
          remembered: result.remembered,
          stale: null,
        });
        continue;
      }
      updates.set(id, result.entry);
      results.push({
        id,
        change,
        replacedPending: !!existing,
        alreadyStaged: false,
        record: hash,
        state: result.entry.state,
        remembered: result.remembered,
        reconsidered: result.reconsidered,
        stale: result.entry.stale ?? null,
      });
    }
    for (const [id, entry] of updates) {
      if (entry) session.staging.set(id, entry);
      else session.staging.delete(id);
    }
    if (journal.length > 0) session.journal.push(...journal);
    if (updates.size > 0) session.stagingDirty = true;
    await maybeFlush(ctx, session, checked.length);
    return results;
  });
}

/** Stage the removal of documents that are in HEAD. */
export async function stageRemoval(
  ctx: StoreContext,
  ids: string[],
): Promise<Array<{ id: string; replacedPending: boolean }>> {
  return mutate(ctx, async (session) => {
    const root = await headRoot(ctx, session.refs);
    const heads = new Map<string, ManifestEntry>();
    const missing: string[] = [];
    for (const id of ids) {
      const head = root ? await lookup(root, id, ctx.nodes) : null;
      if (head) heads.set(id, head);
      else missing.push(id);
    }
    if (missing.length > 0) {
      throw storeError('store.unknown-document', `not in the current version: ${missing.join(', ')}`, {
        subject: missing[0],
        details: { ids: missing },
      });
    }
    const stagedAt = new Date().toISOString();
    const results = ids.map((id) => {
      const before = session.staging.get(id);
      const existing = !!before;
      const stale = before && before.change !== 'remove' ? staleOf(before) : (before?.stale ?? null);
      if (before && before.change !== 'remove') retire(session.journal, before);
      if (before?.change === 'remove' && before.state !== 'pending') {
        // The same removal staged again: its decision stands.
        return { id, replacedPending: false };
      }
      session.staging.set(id, {
        id,
        change: 'remove',
        state: 'pending',
        record: null,
        contentHash: null,
        raw: null,
        previous: heads.get(id)!,
        findings: [],
        source: null,
        stagedAt,
        decision: null,
        ...(stale ? { stale } : {}),
      });
      return { id, replacedPending: existing };
    });
    session.stagingDirty = session.stagingDirty || ids.length > 0;
    return results;
  });
}

/** The staged entries named by `ids` (each must be staged), or every entry in one of the states `from`. */
function targets(session: Session, ids: string[] | 'all', from: StagedState[]): StagedEntry[] {
  if (ids === 'all') return [...session.staging.values()].filter((e) => from.includes(e.state));
  const missing = ids.filter((id) => !session.staging.has(id));
  if (missing.length > 0) {
    throw storeError('store.not-staged', `not in the staging area: ${missing.join(', ')}`, {
      subject: missing[0],
      details: { ids: missing },
    });
  }
  return [...new Set(ids)].map((id) => session.staging.get(id)!);
}

/** Accept or reject pending entries; returns the ids changed. */
export function decide(
  ctx: StoreContext,
  state: StagedState,
  ids: string[] | 'all',
  options: DecisionOptions,
): Promise<string[]> {
  const at = isoTime(options.at);
  return mutate(ctx, async (session) => {
    const entries = targets(session, ids, ['pending']);
    for (const entry of entries) {
      const { stale: _stale, ...rest } = entry;
      session.staging.set(entry.id, {
        ...rest,
        state,
        decision: { by: options.by ?? null, at, note: options.note ?? null, contentHash: decidedContent(entry) },
      });
    }
    if (entries.length > 0) session.stagingDirty = true;
    return entries.map((e) => e.id);
  });
}

/**
 * Undo decisions: accepted or rejected entries (any change, removals included) go back to
 * pending with no decision; returns the ids changed (pending ones are left as they are).
 */
export function reopen(ctx: StoreContext, ids: string[]): Promise<string[]> {
  return mutate(ctx, async (session) => {
    const entries = targets(session, ids, []).filter((entry) => entry.state !== 'pending');
    for (const entry of entries) {
      const { stale: _stale, ...rest } = entry;
      session.staging.set(entry.id, { ...rest, state: 'pending', decision: null });
    }
    if (entries.length > 0) session.stagingDirty = true;
    return entries.map((e) => e.id);
  });
}

/** Drop staged entries whatever their state; returns the ids dropped. */
export async function unstage(ctx: StoreContext, ids: string[]): Promise<string[]> {
  return mutate(ctx, async (session) => {
    const entries = targets(session, ids, []);
    for (const entry of entries) {
      retire(session.journal, entry);
      session.staging.delete(entry.id);
    }
    if (entries.length > 0) session.stagingDirty = true;
    return entries.map((e) => e.id);
  });
}

/** Drop every rejected entry; returns their ids. */
export async function clearRejected(ctx: StoreContext): Promise<string[]> {
  return mutate(ctx, async (session) => {
    const entries = [...session.staging.values()].filter((e) => e.state === 'rejected');
    for (const entry of entries) {
      retire(session.journal, entry);
      session.staging.delete(entry.id);
    }
    if (entries.length > 0) session.stagingDirty = true;
    return entries.map((e) => e.id);
  });
}

/**
 * Replace the record of a staged `new` or `update`. The entry goes back to `pending`. A record
 * equal in content to HEAD's drops the entry and reports `identical`.
 */
export async function updateStagedRecord(
  ctx: StoreContext,
  id: string,
  record: DocumentRecord,
  options: StageOptions,
): Promise<StageResult> {
  const checked = validateRecord(record, id, options.verifyContentHash ?? true);
  if (checked.id !== id) {
    throw storeError('store.id-mismatch', `the record's id is ${checked.id}`, { subject: id });
  }
  return mutate(ctx, async (session) => {
    const entry = targets(session, [id], [])[0]!;
    if (entry.change === 'remove') {
      throw storeError('store.staged-removal', 'a staged removal has no record to update', { subject: id });
    }
    if (entry.previous && entry.previous.contentHash === checked.contentHash) {
      retire(session.journal, entry);
      session.staging.delete(id);
      session.stagingDirty = true;
      return {
        id,
        change: 'identical',
        replacedPending: true,
        alreadyStaged: false,
        record: entry.previous.record,
        state: null,
      };
    }
    const hash = writeRecord(ctx, checked);
    const sameContent = checked.contentHash === entry.contentHash;
    const stale = sameContent ? (entry.stale ?? null) : (staleOf(entry) ?? entry.stale ?? null);
    if (!sameContent) retire(session.journal, entry);
    const { stale: _stale, ...rest } = entry;
    const updated: StagedEntry = {
      ...rest,
      // A decision is about content: the same content keeps it, other content goes back to pending.
      state: sameContent ? entry.state : 'pending',
      record: hash,
      contentHash: checked.contentHash,
      findings: checked.findings,
      decision: sameContent ? entry.decision : null,
      ...(stale ? { stale } : {}),
    };
    session.staging.set(id, updated);
    session.stagingDirty = true;
    return {
      id,
      change: entry.change,
      replacedPending: true,
      alreadyStaged: false,
      record: hash,
      state: updated.state,
      stale: sameContent ? null : stale,
    };
  });
}

/**
 * The staging area: counts and every entry, sorted by id. Outside a transaction the sorted list
 * is kept with the cached staging index, so asking again costs a read of refs.json and a copy.
 */
export async function status(ctx: StoreContext): Promise<StatusResult> {
  const { refs, staging } = await current(ctx);
  const cache = ctx.stagingCache;
  const sorted =
    cache && cache.state.entries === staging
      ? (cache.sorted ??= [...staging.values()].sort(byId))
      : [...staging.values()].sort(byId);
  let pending = 0;
  let accepted = 0;
  let rejected = 0;
  for (const entry of sorted) {
    if (entry.state === 'pending') pending += 1;
    else if (entry.state === 'accepted') accepted += 1;
    else if (entry.state === 'rejected') rejected += 1;
  }
  // Inside a transaction with unwritten changes no index names this state yet.
  const unwritten = ctx.als.getStore()?.stagingDirty === true;
  return { head: refs.head, staging: unwritten ? null : refs.staging, pending, accepted, rejected, items: [...sorted] };
}

/** One staged entry with its record (and HEAD's), or null when the id is not staged. */
export async function getStaged(ctx: StoreContext, id: string): Promise<StagedDocument | null> {
  const { staging } = await current(ctx);
  const entry = staging.get(id);
  if (!entry) return null;
  return {
    entry,
    record: entry.record ? await readRecord(ctx, entry.record) : null,
    previous: entry.previous ? await readRecord(ctx, entry.previous.record) : null,
  };
}
