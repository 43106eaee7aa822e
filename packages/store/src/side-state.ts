import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { stateFile } from './layout.js';
import { mutate } from './transaction.js';

/* Mutable side state kept for ingest (e.g. the dedup index): named files outside the versions. */

const STATE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function checkStateName(name: string): void {
  if (typeof name !== 'string' || !STATE_NAME.test(name)) {
    throw storeError('store.invalid-state-name', `not a valid state name: ${JSON.stringify(name)}`);
  }
}

/** A side-state file, or null when never written. */
export async function readState(ctx: StoreContext, name: string): Promise<Uint8Array | null> {
  checkStateName(name);
  const pending = ctx.als.getStore()?.state?.get(name);
  if (pending !== undefined) return typeof pending === 'string' ? new TextEncoder().encode(pending) : pending;
  return ctx.backend.readFile(stateFile(name));
}

/**
 * Replace a side-state file atomically, under the lock. Inside a transaction the file is written
 * when the transaction is made durable (after its objects), so a failed one (disk full) leaves
 * the old file.
 */
export async function writeState(ctx: StoreContext, name: string, bytes: Uint8Array | string): Promise<void> {
  checkStateName(name);
  await mutate(ctx, async (session) => {
    session.state ??= new Map();
    session.state.set(name, bytes);
  });
}

/** Write the side-state files a transaction set aside (see `writeState`). */
export async function flushState(
  ctx: StoreContext,
  session: { state?: Map<string, Uint8Array | string> },
): Promise<void> {
  if (!session.state) return;
  for (const [name, bytes] of session.state) await ctx.backend.writeFile(stateFile(name), bytes);
  session.state = undefined;
}
