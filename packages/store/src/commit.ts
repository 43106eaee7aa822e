import { SCHEMA_VERSION, hashValue, type Version } from '@corpuskit/document';

import { isoTime, type StoreContext } from './context.js';
import { storeError } from './errors.js';
import { versionFile } from './layout.js';
import { applyChanges } from './manifest.js';
import { changesOf } from './staging-index.js';
import { flush, mutate } from './transaction.js';
import { checkTagName, headRoot } from './versions.js';
import type { CommitOptions, CommitResult } from './types.js';

/**
 * Turn accepted changes into a new version (and optionally tag it): the new manifest and the
 * version file are durable before `refs.json` names them.
 */
export async function commit(ctx: StoreContext, options: CommitOptions): Promise<CommitResult> {
  const message = typeof options?.message === 'string' ? options.message.trim() : '';
  if (message === '') throw storeError('usage', 'empty-message', 'a commit needs a message');
  const time = isoTime(options.time);
  if (options.tag !== undefined) checkTagName(options.tag);
  return mutate(ctx, async (session) => {
    if (options.tag !== undefined && session.refs.tags[options.tag]) {
      throw storeError('conflict', 'tag-exists', `tag ${options.tag} already exists`, { subject: options.tag });
    }
    const accepted = [...session.staging.values()].filter((e) => e.state === 'accepted');
    if (accepted.length === 0) {
      throw storeError('conflict', 'nothing-to-commit', 'nothing to commit: no accepted changes in the staging area');
    }
    const applied = await applyChanges(await headRoot(ctx, session.refs), changesOf(accepted), ctx.nodes);
    const version: Version = {
      schemaVersion: SCHEMA_VERSION,
      root: applied.root,
      parent: session.refs.head,
      message,
      time,
      author: options.author ?? null,
      counts: {
        documents: applied.count,
        added: applied.added,
        modified: applied.modified,
        removed: applied.removed,
      },
    };
    const id = hashValue(version);
    await ctx.backend.flushObjects();
    await ctx.backend.writeFile(versionFile(id), JSON.stringify(version, null, 2) + '\n');
    for (const entry of accepted) session.staging.delete(entry.id);
    session.stagingDirty = true;
    session.refs.head = id;
    if (options.tag !== undefined) session.refs.tags[options.tag] = id;
    session.refsDirty = true;
    await flush(ctx, session);
    return { id, version, tag: options.tag ?? null };
  });
}
