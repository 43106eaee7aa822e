import { SCHEMA_VERSION, hashValue, type Version } from '@corpuskit/document';

import { isoTime, type StoreContext } from './context.js';
import { storeError } from './errors.js';
import { versionFile } from './layout.js';
import { applyChanges } from './manifest.js';
import { decisionRecordOf, markRecorded, unrecorded, writeDecisions } from './decisions.js';
import { byId, changesOf } from './staging-index.js';
import { readRules } from './rules.js';
import { flush, mutate } from './transaction.js';
import { checkTagName, headRoot } from './versions.js';
import type { CommitOptions, CommitResult, DecisionRecord } from './types.js';

/**
 * Turn accepted changes into a new version (and optionally tag it), recording the review
 * decisions it commits: the new manifest, the decisions and the version file are durable before
 * `refs.json` names them. Rejected entries stay staged (marked as recorded) until cleared.
 */
export async function commit(ctx: StoreContext, options: CommitOptions): Promise<CommitResult> {
  const message = typeof options?.message === 'string' ? options.message.trim() : '';
  if (message === '') throw storeError('store.empty-message', 'a commit needs a message');
  const time = isoTime(options.time);
  if (options.tag !== undefined) checkTagName(options.tag);
  return mutate(ctx, async (session) => {
    if (options.tag !== undefined && session.refs.tags[options.tag]) {
      throw storeError('store.tag-exists', `tag ${options.tag} already exists`, { subject: options.tag });
    }
    const staged = [...session.staging.values()].sort(byId);
    const accepted = staged.filter((e) => e.state === 'accepted');
    if (accepted.length === 0) {
      throw storeError('store.nothing-to-commit', 'nothing to commit: no accepted changes in the staging area');
    }
    // The decisions this version commits, in the order they were made: the rejections made since
    // the parent (entries dropped since, and entries still staged) and the accepted changes.
    const rejected = staged.filter((e) => e.state === 'rejected' && unrecorded(e));
    const decisions = [
      ...session.journal,
      ...[...rejected, ...accepted].map(decisionRecordOf).filter((d): d is DecisionRecord => d !== null),
    ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : byId(a, b)));
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
      ...(decisions.length > 0 ? { decisions: writeDecisions(ctx, decisions) } : {}),
    };
    // The corpus's rule file goes with the version (as an object, named in the version).
    const rules = await readRules(ctx);
    if (rules) {
      ctx.backend.putObject(rules.hash, rules.bytes, { compress: true });
      version.rules = rules.hash;
    }
    const id = hashValue(version);
    await ctx.backend.flushObjects();
    await ctx.backend.writeFile(versionFile(id), JSON.stringify(version, null, 2) + '\n');
    for (const entry of accepted) session.staging.delete(entry.id);
    markRecorded(session, id, rejected);
    session.stagingDirty = true;
    session.refs.head = id;
    if (options.tag !== undefined) session.refs.tags[options.tag] = id;
    session.refsDirty = true;
    await flush(ctx, session);
    return { id, version, tag: options.tag ?? null };
  });
}
