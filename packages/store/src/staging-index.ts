import { isSha256, sha256 } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { FORMAT_VERSION, stagingFile } from './layout.js';
import type { ManifestChange } from './manifest.js';
import { isDecisionRecord } from './decisions.js';
import type { DecisionRecord, StagedEntry } from './types.js';

/*
 * The staging area on disk: one immutable JSON file per state, `staging/<hash>.json`, named by
 * the SHA-256 of its bytes; `refs.json` names the current one (or null when the area is empty).
 * Besides the entries it holds the journal: rejections whose entries left the staging area
 * before a commit recorded them (`decisions`, absent in older indexes).
 */

/** The staging area as read from its index. */
export interface StagingState {
  entries: Map<string, StagedEntry>;
  /** Decisions not recorded by a version yet whose entries were dropped (oldest first). */
  journal: DecisionRecord[];
}

/** Sort by `id` (code-unit order, as the manifest sorts). */
export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The staging index named `hash` (empty for null), or null when its file is gone. */
export async function readStaging(ctx: StoreContext, hash: string | null): Promise<StagingState | null> {
  if (hash === null) return { entries: new Map(), journal: [] };
  if (ctx.stagingCache?.hash === hash) return ctx.stagingCache.state;
  if (ctx.stagingReading?.hash === hash) return ctx.stagingReading.promise;
  const promise = loadStaging(ctx, hash);
  const reading = { hash, promise };
  ctx.stagingReading = reading;
  try {
    return await promise;
  } finally {
    if (ctx.stagingReading === reading) ctx.stagingReading = null;
  }
}

async function loadStaging(ctx: StoreContext, hash: string): Promise<StagingState | null> {
  const bytes = await ctx.backend.readFile(stagingFile(hash));
  if (!bytes) return null;
  let entries: StagedEntry[];
  let journal: DecisionRecord[];
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
      entries: StagedEntry[];
      decisions?: DecisionRecord[];
    };
    entries = parsed.entries;
    journal = parsed.decisions ?? [];
  } catch (error) {
    throw storeError('store.bad-staging', `staging index ${hash} is not valid JSON`, { cause: error });
  }
  const bad = Array.isArray(entries) ? entries.findIndex((e) => !isEntry(e)) : 0;
  if (bad >= 0) {
    throw storeError('store.bad-staging', `staging index ${hash}: entry ${bad} is not a staged entry`, {
      subject: stagingFile(hash),
    });
  }
  const badDecision = Array.isArray(journal) ? journal.findIndex((d) => !isDecisionRecord(d)) : 0;
  if (badDecision >= 0) {
    throw storeError('store.bad-staging', `staging index ${hash}: decision ${badDecision} is not a decision`, {
      subject: stagingFile(hash),
    });
  }
  const state = { entries: new Map(entries.map((e) => [e.id, e])), journal };
  ctx.stagingCache = { hash, state };
  return state;
}

/**
 * Write the staging index of `staging` and `journal` (unless both are empty) and return its
 * hash, or null when empty.
 */
export async function writeStaging(
  ctx: StoreContext,
  staging: Map<string, StagedEntry>,
  journal: DecisionRecord[],
  current: string | null,
): Promise<string | null> {
  const entries = [...staging.values()].sort(byId);
  if (entries.length === 0 && journal.length === 0) return null;
  const lines = (items: unknown[]) => (items.length ? `\n${items.map((e) => JSON.stringify(e)).join(',\n')}\n` : '');
  const text =
    `{"format":${FORMAT_VERSION},"entries":[${lines(entries)}]` +
    (journal.length > 0 ? `,"decisions":[${lines(journal)}]` : '') +
    '}\n';
  const bytes = Buffer.from(text, 'utf8');
  const hash = sha256(bytes);
  if (hash !== current) await ctx.backend.writeFile(stagingFile(hash), bytes);
  ctx.stagingCache = { hash, state: { entries: new Map(staging), journal: [...journal] } };
  return hash;
}

/** Staged entries as changes to a manifest (a removal, or the entry to put in). */
export function changesOf(entries: StagedEntry[]): ManifestChange[] {
  return entries.map((e) => ({
    id: e.id,
    entry:
      e.change === 'remove' || e.record === null || e.contentHash === null
        ? null
        : { id: e.id, contentHash: e.contentHash, record: e.record, raw: e.raw },
  }));
}

const CHANGES = new Set(['new', 'update', 'remove']);
const STATES = new Set(['pending', 'accepted', 'rejected']);
const hashOrNull = (value: unknown): boolean => value === null || (typeof value === 'string' && isSha256(value));

/** The shape every reader of a staged entry relies on. */
function isEntry(value: unknown): value is StagedEntry {
  if (value === null || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  const previous = e.previous as Record<string, unknown> | null | undefined;
  return (
    typeof e.id === 'string' &&
    CHANGES.has(e.change as string) &&
    STATES.has(e.state as string) &&
    hashOrNull(e.record) &&
    hashOrNull(e.contentHash) &&
    hashOrNull(e.raw) &&
    (e.change === 'remove' ? e.record === null : e.record !== null) &&
    Array.isArray(e.findings) &&
    (previous === null || (typeof previous === 'object' && previous !== undefined && hashOrNull(previous.record)))
  );
}
