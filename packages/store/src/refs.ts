import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { REFS_FILE } from './layout.js';

/*
 * `refs.json`: the one mutable file that names the state of the corpus (HEAD, the staging index,
 * tags). It is replaced atomically, after everything it names is durable.
 */

export interface Refs {
  head: string | null;
  /** Hash (and file name under staging/) of the staging index; null when the staging area is empty. */
  staging: string | null;
  tags: Record<string, string>;
}

export async function readRefs(ctx: StoreContext): Promise<Refs> {
  const bytes = await ctx.backend.readFile(REFS_FILE);
  if (!bytes) throw storeError('corrupt', 'missing-refs', `${REFS_FILE} is missing`, { subject: ctx.root });
  try {
    const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Refs>;
    return { head: value.head ?? null, staging: value.staging ?? null, tags: { ...(value.tags ?? {}) } };
  } catch (error) {
    throw storeError('corrupt', 'bad-refs', `${REFS_FILE} is not valid JSON`, { subject: ctx.root, cause: error });
  }
}

export function refsText(refs: Refs): string {
  return JSON.stringify(refs, null, 2) + '\n';
}
