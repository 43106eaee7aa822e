import { isSha256, sha256 } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { stateFile } from './layout.js';
import { mutate } from './transaction.js';
import { resolve } from './versions.js';

/*
 * The corpus's own rule file (per-site cleaning rules made while reviewing). The store keeps it
 * as opaque bytes: the working copy in `state/site-rules.json`, and every copy that cleaned a
 * document or was in force at a commit as an object named by its SHA-256 (a version records it
 * in `rules`, a document's provenance in `siteRules`), so a re-clean can be repeated.
 */

const RULES_STATE = 'site-rules.json';

export interface StoredRules {
  /** SHA-256 of the bytes (the object's name). */
  hash: string;
  bytes: Uint8Array;
}

/** The working rule file, or null when the corpus has none. */
export async function readRules(ctx: StoreContext): Promise<StoredRules | null> {
  const bytes = await ctx.backend.readFile(stateFile(RULES_STATE));
  if (!bytes || bytes.length === 0) return null;
  return { hash: sha256(bytes), bytes };
}

/**
 * Replace the working rule file (null removes it), under the lock; the bytes are kept as an
 * object too, so documents cleaned with them can name them. Returns the new hash, or null.
 */
export async function writeRules(ctx: StoreContext, bytes: Uint8Array | null): Promise<string | null> {
  return mutate(ctx, async () => {
    if (!bytes || bytes.length === 0) {
      await ctx.backend.deleteFile(stateFile(RULES_STATE));
      return null;
    }
    const hash = sha256(bytes);
    ctx.backend.putObject(hash, bytes, { compress: true });
    await ctx.backend.flushObjects();
    await ctx.backend.writeFile(stateFile(RULES_STATE), bytes);
    return hash;
  });
}

/** A rule file kept as an object, by hash (e.g. a document's `provenance.siteRules`). */
export async function rulesObject(ctx: StoreContext, hash: string): Promise<StoredRules> {
  if (!isSha256(hash)) throw storeError('store.invalid-hash', `not a SHA-256: ${hash}`);
  const bytes = await ctx.backend.getObject(hash);
  if (!bytes) throw storeError('store.missing-object', `rule file ${hash} is missing`, { subject: hash });
  return { hash, bytes };
}

/** The rule file in force when a version was committed (null when it had none; `staged`: the working file). */
export async function rulesAt(ctx: StoreContext, ref: string): Promise<StoredRules | null> {
  const resolved = await resolve(ctx, ref);
  if (resolved.staged) return readRules(ctx);
  const hash = resolved.version?.rules;
  return hash ? rulesObject(ctx, hash) : null;
}
