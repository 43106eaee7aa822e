import { CorpusKitError } from '@corpuskit/document';

import type { Session, StoreContext } from './context.js';
import { storeError } from './errors.js';
import { REFS_FILE, stagingFile } from './layout.js';
import { readRefs, refsText, type Refs } from './refs.js';
import { flushState } from './side-state.js';
import { readStaging, writeStaging } from './staging-index.js';
import type { DecisionRecord, StagedEntry } from './types.js';

/*
 * Locking and state. Reads need no lock and see the last committed state (or, inside a
 * transaction, the transaction's own). A transaction holds the corpus lock, keeps the refs and
 * the staging area in memory, and writes them (objects first, then the staging index, then
 * `refs.json`) when it ends, and in between when many changes have piled up.
 */

/**
 * Run `fn` holding the corpus lock (re-entrant). If `fn` throws, changes not yet written are
 * dropped.
 */
export async function transaction<T>(ctx: StoreContext, fn: () => Promise<T>): Promise<T> {
  if (ctx.als.getStore()) return fn();
  return exclusive(ctx, async () => {
    try {
      const session = await loadSession(ctx);
      const result = await ctx.als.run(session, fn);
      await flush(ctx, session);
      return result;
    } catch (error) {
      await ctx.backend.discardObjects();
      ctx.stagingCache = null;
      throw error;
    }
  });
}

/**
 * Run `fn` holding the corpus lock, after this Store's earlier writers (which queue here; the
 * lock file keeps other processes out), without loading a session. `readOnly`: `fn` only reads,
 * and runs without the lock when the corpus cannot be written (read-only storage or no write
 * permission), where no writer of ours can be at work.
 */
export async function exclusive<T>(
  ctx: StoreContext,
  fn: () => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const previous = ctx.queue;
  let release!: () => void;
  ctx.queue = new Promise<void>((resolve) => (release = resolve));
  try {
    await previous;
    try {
      await ctx.lock.acquire(ctx.command, ctx.lockWaitMs);
    } catch (error) {
      if (options.readOnly && isReadOnlyError(error)) return await fn();
      throw error;
    }
    try {
      return await fn();
    } finally {
      ctx.lock.release();
    }
  } finally {
    release();
  }
}

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

function isReadOnlyError(error: unknown): boolean {
  const code = error instanceof CorpusKitError ? error.details?.code : (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && READ_ONLY_CODES.has(code);
}

/** Run `fn` with the current transaction's session, or in a transaction of its own. */
export async function mutate<T>(ctx: StoreContext, fn: (session: Session) => Promise<T>): Promise<T> {
  const session = ctx.als.getStore();
  if (session) return fn(session);
  return transaction(ctx, () => fn(ctx.als.getStore()!));
}

/** The state `refs.json` names: refs, staged entries and the decisions journal. */
export interface Committed {
  refs: Refs;
  staging: Map<string, StagedEntry>;
  journal: DecisionRecord[];
}

/** The committed state; retried when a writer replaces the staging index between two reads. */
async function readCommitted(ctx: StoreContext): Promise<Committed> {
  for (let attempt = 0; ; attempt++) {
    const refs = await readRefs(ctx);
    const state = await readStaging(ctx, refs.staging);
    if (state) return { refs, staging: state.entries, journal: state.journal };
    if (attempt >= 5) {
      throw storeError('store.missing-staging', `the staging index ${refs.staging} is missing`, {
        subject: ctx.root,
      });
    }
  }
}

async function loadSession(ctx: StoreContext): Promise<Session> {
  const { refs, staging, journal } = await readCommitted(ctx);
  return {
    refs,
    staging: new Map(staging),
    journal: [...journal],
    stagingDirty: false,
    refsDirty: false,
    unflushed: 0,
  };
}

/** The transaction's state, or the committed state outside one. */
export async function current(ctx: StoreContext): Promise<Committed> {
  return ctx.als.getStore() ?? (await readCommitted(ctx));
}

/** Make the session durable: objects, side state, then the staging index, then `refs.json`. */
export async function flush(ctx: StoreContext, session: Session): Promise<void> {
  await ctx.backend.flushObjects();
  await flushState(ctx, session);
  const oldStaging = session.refs.staging;
  if (session.stagingDirty) {
    session.refs.staging = await writeStaging(ctx, session.staging, session.journal, oldStaging);
    session.refsDirty = session.refsDirty || session.refs.staging !== oldStaging;
    session.stagingDirty = false;
  }
  if (session.refsDirty) {
    await ctx.backend.writeFile(REFS_FILE, refsText(session.refs));
    session.refsDirty = false;
    if (oldStaging && oldStaging !== session.refs.staging) await ctx.backend.deleteFile(stagingFile(oldStaging));
  }
  session.unflushed = 0;
}

/** Count `changes` and flush once they are many compared with the staging area. */
export async function maybeFlush(ctx: StoreContext, session: Session, changes: number): Promise<void> {
  session.unflushed += changes;
  // Amortised: rewriting the staging index costs its size, so flush after a proportional number of changes.
  if (session.unflushed >= Math.max(5000, session.staging.size)) await flush(ctx, session);
}
