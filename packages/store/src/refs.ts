import { join } from 'node:path';

import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { REFS_FILE } from './layout.js';

/*
 * `refs.json`: the one mutable file that names the state of the corpus (HEAD, the staging index,
 * tags). It is replaced atomically, after everything it names is durable. It is read strictly:
 * exactly these keys, each of its shape, or the corpus is reported corrupt (`store.bad-refs`),
 * because a lenient read of a damaged file looks like an empty corpus, and gc would act on it.
 */

export interface Refs {
  head: string | null;
  /** Hash (and file name under staging/) of the staging index; null when the staging area is empty. */
  staging: string | null;
  tags: Record<string, string>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const KEYS = ['head', 'staging', 'tags'] as const;

/** Whether `name` may name a tag: letters, digits, `. _ -`; not HEAD, staged or a hex string. */
export function isTagName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    TAG_NAME.test(name) &&
    name !== 'HEAD' &&
    name !== 'staged' &&
    !/^[0-9a-f]{4,64}$/.test(name)
  );
}

/** Parse `refs.json`; throws `store.bad-refs` naming what is wrong. */
function parseRefs(bytes: Uint8Array, path: string): Refs {
  const fail = (why: string, cause?: unknown): never => {
    throw storeError('store.bad-refs', `${REFS_FILE} ${why}`, { subject: path, cause });
  };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    return fail('is not valid JSON', error);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('is not a JSON object');
  const object = value as Record<string, unknown>;
  const unknown = Object.keys(object).filter((key) => !(KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) fail(`has unexpected keys: ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
  const missing = KEYS.filter((key) => !Object.hasOwn(object, key));
  if (missing.length > 0) fail(`lacks the keys: ${missing.join(', ')}`);
  const { head, staging, tags } = object;
  if (head !== null && !(typeof head === 'string' && SHA256.test(head))) fail('head is not null or a version id');
  if (staging !== null && !(typeof staging === 'string' && SHA256.test(staging))) {
    fail('staging is not null or a staging index hash');
  }
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) return fail('tags is not an object');
  for (const [name, id] of Object.entries(tags)) {
    if (!isTagName(name)) fail(`has an invalid tag name ${JSON.stringify(name)}`);
    if (typeof id !== 'string' || !SHA256.test(id)) fail(`tag ${name} does not name a version id`);
  }
  return {
    head: head as string | null,
    staging: staging as string | null,
    tags: { ...(tags as Record<string, string>) },
  };
}

export async function readRefs(ctx: StoreContext): Promise<Refs> {
  const bytes = await ctx.backend.readFile(REFS_FILE);
  if (!bytes) throw storeError('store.missing-refs', `${REFS_FILE} is missing`, { subject: ctx.root });
  return parseRefs(bytes, join(ctx.root, REFS_FILE));
}

export function refsText(refs: Refs): string {
  return JSON.stringify(refs, null, 2) + '\n';
}
