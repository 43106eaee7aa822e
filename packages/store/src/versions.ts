import { hashValue, type Version } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { versionFile } from './layout.js';
import { applyChanges, emptyRoot } from './manifest.js';
import { overlayNodes } from './objects.js';
import { isTagName, type Refs } from './refs.js';
import { changesOf } from './staging-index.js';
import { current, mutate } from './transaction.js';
import type { LogEntry, ResolvedRef, StagedEntry, TagInfo } from './types.js';

/* Versions and their names: reading versions, tags, resolving references, history. */

/** Read a version by full id, verifying its hash. */
export async function readVersion(ctx: StoreContext, id: string): Promise<Version> {
  const bytes = await ctx.backend.readFile(versionFile(id));
  if (!bytes) throw storeError('store.unknown-version', `no version ${id}`, { subject: id });
  let version: Version;
  try {
    version = JSON.parse(Buffer.from(bytes).toString('utf8')) as Version;
  } catch (error) {
    throw storeError('store.bad-version', `version ${id} is not valid JSON`, { subject: id, cause: error });
  }
  if (hashValue(version) !== id) {
    throw storeError('store.bad-version', `version ${id} does not hash to its id`, { subject: id });
  }
  return version;
}

/** The manifest root of HEAD, or null before the first commit. */
export async function headRoot(ctx: StoreContext, refs: Refs): Promise<string | null> {
  return refs.head ? (await readVersion(ctx, refs.head)).root : null;
}

/** HEAD, or null before the first commit. */
export async function head(ctx: StoreContext): Promise<{ id: string; version: Version } | null> {
  const { refs } = await current(ctx);
  return refs.head ? { id: refs.head, version: await readVersion(ctx, refs.head) } : null;
}

export function checkTagName(name: string): void {
  if (!isTagName(name)) {
    throw storeError(
      'store.invalid-tag',
      `not a valid tag name: ${JSON.stringify(name)} (letters, digits, . _ -; not HEAD, staged or a hex string)`,
    );
  }
}

/** Name a version. `force` moves an existing tag. */
export async function tag(
  ctx: StoreContext,
  name: string,
  ref: string,
  options: { force?: boolean },
): Promise<TagInfo> {
  checkTagName(name);
  return mutate(ctx, async (session) => {
    const resolved = await resolve(ctx, ref);
    if (!resolved.id) throw storeError('store.tag-staged', 'cannot tag the staging area; commit it first');
    const existing = session.refs.tags[name];
    if (existing && existing !== resolved.id && !options.force) {
      throw storeError('store.tag-exists', `tag ${name} already names ${existing.slice(0, 12)}`, {
        subject: name,
      });
    }
    session.refs.tags[name] = resolved.id;
    session.refsDirty = true;
    return { name, id: resolved.id };
  });
}

export async function deleteTag(ctx: StoreContext, name: string): Promise<void> {
  await mutate(ctx, async (session) => {
    if (!session.refs.tags[name]) throw storeError('store.unknown-tag', `no tag ${name}`, { subject: name });
    delete session.refs.tags[name];
    session.refsDirty = true;
  });
}

/** Every tag, sorted by name. */
export async function tags(ctx: StoreContext): Promise<TagInfo[]> {
  const { refs } = await current(ctx);
  return Object.entries(refs.tags)
    .map(([name, id]) => ({ name, id }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Resolve a reference: a full version id, a unique prefix of at least 4 hex digits, a tag,
 * `HEAD`, `HEAD~N` (`HEAD^` = `HEAD~1`), or `staged` (HEAD plus accepted changes).
 */
export async function resolve(ctx: StoreContext, ref: string): Promise<ResolvedRef> {
  if (typeof ref !== 'string' || ref === '') throw storeError('store.invalid-ref', 'an empty version reference');
  const { refs, staging } = await current(ctx);
  if (ref === 'staged') return resolveStaged(ctx, refs, staging);
  const headRef = /^HEAD(?:(~)(\d+)|(\^+))?$/.exec(ref);
  let id: string | null = null;
  if (headRef) {
    if (!refs.head) throw storeError('store.no-versions', 'the corpus has no versions yet', { subject: ref });
    const steps = headRef[1] ? Number(headRef[2]) : headRef[3] ? headRef[3].length : 0;
    id = refs.head;
    for (let i = 0; i < steps; i++) {
      const parent: string | null = (await readVersion(ctx, id)).parent;
      if (!parent) throw storeError('store.unknown-ref', `${ref} goes past the first version`, { subject: ref });
      id = parent;
    }
  } else if (refs.tags[ref]) {
    id = refs.tags[ref];
  } else if (/^[0-9a-f]{64}$/.test(ref)) {
    id = ref;
  } else if (/^[0-9a-f]{4,63}$/.test(ref)) {
    const matches = (await ctx.backend.listFiles('versions'))
      .filter((f) => f.endsWith('.json') && f.startsWith(ref))
      .map((f) => f.slice(0, -5));
    if (matches.length > 1) {
      throw storeError('store.ambiguous-ref', `${ref} matches ${matches.length} versions; give more digits`, {
        subject: ref,
        details: { matches },
      });
    }
    id = matches[0] ?? null;
  }
  if (!id) throw storeError('store.unknown-ref', `no version, tag or reference named ${ref}`, { subject: ref });
  const version = await readVersion(ctx, id);
  return { ref, id, version, root: version.root, staged: false };
}

/** `staged`: HEAD plus accepted changes, built in memory (an overlay) and never written. */
async function resolveStaged(ctx: StoreContext, refs: Refs, staging: Map<string, StagedEntry>): Promise<ResolvedRef> {
  const accepted = [...staging.values()].filter((e) => e.state === 'accepted');
  const key = `${refs.head}:${refs.staging}:${ctx.als.getStore() ? Math.random() : ''}`;
  if (ctx.stagedCache?.key === key) return ctx.stagedCache.resolved;
  const overlay = new Map<string, Uint8Array>();
  const nodes = overlayNodes(ctx, overlay);
  const root0 = await headRoot(ctx, refs);
  const root =
    accepted.length === 0 ? (root0 ?? emptyRoot(nodes)) : (await applyChanges(root0, changesOf(accepted), nodes)).root;
  const resolved: ResolvedRef = { ref: 'staged', id: null, version: null, root, staged: true };
  ctx.stagedCache = { key, resolved };
  ctx.overlays.push(overlay);
  if (ctx.overlays.length > 4) ctx.overlays.shift();
  return resolved;
}

/** Versions from `ref` (default HEAD) back to the first, newest first. */
export async function log(ctx: StoreContext, ref: string, options: { limit?: number }): Promise<LogEntry[]> {
  const { refs } = await current(ctx);
  if (ref === 'HEAD' && !refs.head) return [];
  const start = await resolve(ctx, ref);
  if (!start.id) throw storeError('store.log-staged', 'the staging area has no history; use HEAD');
  const tagsOf = new Map<string, string[]>();
  for (const [name, id] of Object.entries(refs.tags)) tagsOf.set(id, [...(tagsOf.get(id) ?? []), name].sort());
  const out: LogEntry[] = [];
  let id: string | null = start.id;
  while (id && out.length < (options.limit ?? Infinity)) {
    const version = await readVersion(ctx, id);
    out.push({ id, version, tags: tagsOf.get(id) ?? [] });
    id = version.parent;
  }
  return out;
}
