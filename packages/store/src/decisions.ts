import { canonicalJson, isSha256, sha256 } from '@corpuskit/document';

import type { Session, StoreContext } from './context.js';
import { storeError } from './errors.js';
import type { Refs } from './refs.js';
import { readVersion } from './versions.js';
import type { DecisionRecord, RememberedDecision, StagedEntry, StaleDecision } from './types.js';

/*
 * Review decisions, kept with the versions that commit them, and what the store remembers from
 * them. A commit writes one content-addressed object listing its decisions (the accepted changes
 * it applies, and the rejections made since its parent) and names it in the version
 * (`Version.decisions`), so the version's hash covers them. Rejections whose entries leave the
 * staging area before a commit wait in the staging index's journal.
 *
 * A decision is about content: (document id, content hash). The latest decision about a piece of
 * content is what the store remembers: a rejection, or an accepted removal, keeps that content
 * out when it is ingested again (unless the caller asks to reconsider it).
 */

/** The `kind` of a decisions object. */
const DECISIONS_KIND = 'corpuskit-decisions';
const DECISIONS_SCHEMA = 1;

const CHANGES = new Set(['new', 'update', 'remove']);
const DECIDED = new Set(['accepted', 'rejected']);
const stringOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

/** The shape every reader of a decision relies on. */
export function isDecisionRecord(value: unknown): value is DecisionRecord {
  if (value === null || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.id === 'string' &&
    CHANGES.has(d.change as string) &&
    DECIDED.has(d.decision as string) &&
    typeof d.contentHash === 'string' &&
    isSha256(d.contentHash) &&
    (d.previousContentHash === null ||
      (typeof d.previousContentHash === 'string' && isSha256(d.previousContentHash))) &&
    stringOrNull(d.by) &&
    typeof d.at === 'string' &&
    stringOrNull(d.note)
  );
}

/** The content a staged entry puts in front of the reviewer: the staged content, or for a removal HEAD's. */
export function decidedContent(entry: StagedEntry): string | null {
  return entry.change === 'remove' ? (entry.previous?.contentHash ?? null) : entry.contentHash;
}

/** The decision record of a decided entry, or null for a pending one. */
export function decisionRecordOf(entry: StagedEntry): DecisionRecord | null {
  const content = decidedContent(entry);
  if (entry.state === 'pending' || !entry.decision || content === null) return null;
  return {
    id: entry.id,
    change: entry.change,
    decision: entry.state,
    contentHash: content,
    previousContentHash: entry.previous?.contentHash ?? null,
    by: entry.decision.by,
    at: entry.decision.at,
    note: entry.decision.note,
  };
}

/** A decided entry whose decision no version has recorded yet (remembered decisions are recorded already). */
export function unrecorded(entry: StagedEntry): boolean {
  return entry.state !== 'pending' && !!entry.decision && !entry.decision.committedIn && !entry.decision.remembered;
}

/**
 * An entry leaves the staging area (dropped, or replaced by other content): a rejection no
 * version has recorded goes to the journal, so it is remembered and the next commit records it.
 * An approval that never reached a version is simply gone.
 */
export function retire(journal: DecisionRecord[], entry: StagedEntry): void {
  if (entry.state !== 'rejected' || !unrecorded(entry)) return;
  const record = decisionRecordOf(entry);
  if (record) journal.push(record);
}

/** The decision an entry had, as a stale one, when its content changes under it; null when pending. */
export function staleOf(entry: StagedEntry): StaleDecision | null {
  if (entry.state === 'pending' || !entry.decision) return null;
  const { by, at, note } = entry.decision;
  return { state: entry.state, by, at, note, contentHash: entry.decision.contentHash ?? decidedContent(entry) };
}

/** Whether the latest decision about some content keeps it out: rejected, or accepted for removal. */
export function keepsOut(record: DecisionRecord): 'rejected' | 'removed' | null {
  if (record.decision === 'rejected' && record.change !== 'remove') return 'rejected';
  if (record.decision === 'accepted' && record.change === 'remove') return 'removed';
  return null;
}

/** Write the decisions object of a version (queued with the other objects); returns its hash. */
export function writeDecisions(ctx: StoreContext, records: DecisionRecord[]): string {
  const bytes = Buffer.from(
    canonicalJson({ kind: DECISIONS_KIND, schemaVersion: DECISIONS_SCHEMA, decisions: records }),
    'utf8',
  );
  const hash = sha256(bytes);
  ctx.backend.putObject(hash, bytes);
  return hash;
}

/** Parse a decisions object (already verified against its hash by the backend). */
export function parseDecisions(bytes: Uint8Array, hash: string): DecisionRecord[] {
  let parsed: { kind?: unknown; decisions?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as typeof parsed;
  } catch (error) {
    throw storeError('store.bad-decisions', `decisions ${hash} is not valid JSON`, {
      subject: hash,
      cause: error,
    });
  }
  if (parsed?.kind !== DECISIONS_KIND || !Array.isArray(parsed.decisions)) {
    throw storeError('store.bad-decisions', `object ${hash} is not a decisions object`, { subject: hash });
  }
  const bad = parsed.decisions.findIndex((d) => !isDecisionRecord(d));
  if (bad >= 0) {
    throw storeError('store.bad-decisions', `decisions ${hash}: entry ${bad} is not a decision`, {
      subject: hash,
    });
  }
  return parsed.decisions as DecisionRecord[];
}

/** A version's decisions object, read and verified. */
export async function readDecisions(ctx: StoreContext, hash: string): Promise<DecisionRecord[]> {
  const bytes = await ctx.backend.getObject(hash);
  if (!bytes) throw storeError('store.missing-object', `decisions ${hash} are missing`, { subject: hash });
  return parseDecisions(bytes, hash);
}

/** The decisions a version recorded ([] for versions written before decisions were kept). */
export async function versionDecisions(ctx: StoreContext, id: string): Promise<DecisionRecord[]> {
  const version = await readVersion(ctx, id);
  return version.decisions ? readDecisions(ctx, version.decisions) : [];
}

const memoryKey = (id: string, contentHash: string): string => `${id}\u0000${contentHash}`;

/**
 * The latest decision per (id, content) on HEAD's history, newest version first. Versions are
 * immutable, so the map is cached until HEAD moves.
 */
async function versionMemory(ctx: StoreContext, head: string | null): Promise<Map<string, RememberedDecision>> {
  if (ctx.memoryCache?.head === head) return ctx.memoryCache.memory;
  const memory = new Map<string, RememberedDecision>();
  for (let id = head; id !== null;) {
    const version = await readVersion(ctx, id);
    if (version.decisions) {
      const records = await readDecisions(ctx, version.decisions);
      // Later in the list is later in time; the first one seen (from the newest version) wins.
      for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i]!;
        const key = memoryKey(record.id, record.contentHash);
        if (!memory.has(key)) memory.set(key, { record, version: id });
      }
    }
    id = version.parent;
  }
  ctx.memoryCache = { head, memory };
  return memory;
}

/** Look up what the store remembers about content: the journal (newest last), then the versions. */
export async function memoryLookup(
  ctx: StoreContext,
  state: { refs: Refs; journal: DecisionRecord[] },
): Promise<(id: string, contentHash: string) => RememberedDecision | null> {
  const versions = await versionMemory(ctx, state.refs.head);
  const journal = new Map<string, RememberedDecision>();
  for (const record of state.journal) journal.set(memoryKey(record.id, record.contentHash), { record, version: null });
  return (id, contentHash) => {
    const key = memoryKey(id, contentHash);
    return journal.get(key) ?? versions.get(key) ?? null;
  };
}

/**
 * After a commit: the rejected entries it recorded are marked with the version, and entries
 * staged rejected from memory not yet committed (the journal, now recorded) name it too.
 */
export function markRecorded(session: Session, version: string, recorded: StagedEntry[]): void {
  const ids = new Set(recorded.map((entry) => entry.id));
  for (const entry of session.staging.values()) {
    const decision = entry.decision;
    if (!decision || entry.state !== 'rejected') continue;
    if (ids.has(entry.id)) {
      session.staging.set(entry.id, { ...entry, decision: { ...decision, committedIn: version } });
    } else if (decision.remembered && decision.remembered.version === null) {
      session.staging.set(entry.id, {
        ...entry,
        decision: { ...decision, remembered: { ...decision.remembered, version } },
      });
    }
  }
  session.journal = [];
}
