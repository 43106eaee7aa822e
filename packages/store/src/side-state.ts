import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { stateFile } from './layout.js';
import { mutate } from './transaction.js';

/* Mutable side state kept for ingest (e.g. the dedup index): named files outside the versions. */

const STATE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function checkStateName(name: string): void {
  if (typeof name !== 'string' || !STATE_NAME.test(name)) {
    throw storeError('usage', 'invalid-state-name', `not a valid state name: ${JSON.stringify(name)}`);
  }
}

/** A side-state file, or null when never written. */
export async function readState(ctx: StoreContext, name: string): Promise<Uint8Array | null> {
  checkStateName(name);
  return ctx.backend.readFile(stateFile(name));
}

/** Replace a side-state file atomically, under the lock. */
export async function writeState(ctx: StoreContext, name: string, bytes: Uint8Array | string): Promise<void> {
  checkStateName(name);
  await mutate(ctx, async () => ctx.backend.writeFile(stateFile(name), bytes));
}
