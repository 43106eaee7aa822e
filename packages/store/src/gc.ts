import { isSha256 } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { parseStoredRecord } from './records.js';
import { storeError } from './errors.js';
import { verifyStore } from './fsck.js';
import { current, exclusive, flush, mutate } from './transaction.js';
import { readRules } from './rules.js';
import { readVersion } from './versions.js';
import type { GcOptions, GcResult } from './types.js';

/* Garbage collection: objects no version, tag or staged entry reaches, and leftover files. */

/** Every object reachable from a version, a tag or the staging area. */
async function reachable(ctx: StoreContext): Promise<Set<string>> {
  const live = new Set<string>();
  const addRecord = async (hash: string): Promise<void> => {
    if (live.has(hash)) return;
    live.add(hash);
    const bytes = await ctx.backend.getObject(hash);
    if (!bytes) return;
    const stored = parseStoredRecord(bytes, hash);
    live.add(stored.text);
    live.add(stored.markdown);
    const rawHash = stored.record.document.provenance?.rawSha256;
    if (rawHash && isSha256(rawHash)) live.add(rawHash);
    const rulesHash = stored.record.document.provenance?.siteRules;
    if (rulesHash && isSha256(rulesHash)) live.add(rulesHash);
  };
  const walk = async (hash: string): Promise<void> => {
    if (live.has(hash)) return;
    live.add(hash);
    const node = await ctx.nodes.getNode(hash);
    if (node.kind === 'manifest-leaf') {
      for (const [, , record, raw] of node.entries) {
        await addRecord(record);
        if (raw) live.add(raw);
      }
    } else {
      for (const [, child] of node.children) await walk(child);
    }
  };
  for (const file of await ctx.backend.listFiles('versions')) {
    if (!file.endsWith('.json')) continue;
    const version = await readVersion(ctx, file.slice(0, -5));
    if (version.decisions) live.add(version.decisions);
    if (version.rules && isSha256(version.rules)) live.add(version.rules);
    await walk(version.root);
  }
  const rules = await readRules(ctx);
  if (rules) live.add(rules.hash);
  const { staging } = await current(ctx);
  for (const entry of staging.values()) {
    if (entry.record) await addRecord(entry.record);
    if (entry.raw) live.add(entry.raw);
    if (entry.previous) {
      await addRecord(entry.previous.record);
      if (entry.previous.raw) live.add(entry.previous.raw);
    }
  }
  return live;
}

/**
 * Find (and unless `dryRun`, remove) objects unreachable from every version, tag and the
 * staging area, plus leftovers of interrupted writes. Runs under the lock, and refuses a corpus
 * that does not verify (`store.gc-refused`).
 */
export async function gc(ctx: StoreContext, options: GcOptions): Promise<GcResult> {
  const dryRun = options.dryRun ?? false;
  // A dry run only reads: like fsck, it runs without the lock on a corpus that cannot be written.
  if (dryRun && !ctx.als.getStore()) {
    return exclusive(ctx, () => collect(ctx, true, async () => (await current(ctx)).refs.staging), { readOnly: true });
  }
  return mutate(ctx, async (session) => {
    await flush(ctx, session);
    return collect(ctx, dryRun, async () => session.refs.staging);
  });
}

/** Refuse a corpus that does not verify: what it cannot read it cannot know to be unreachable. */
async function checkBeforeCollecting(ctx: StoreContext): Promise<void> {
  const check = await verifyStore(ctx);
  if (check.ok) return;
  const first = check.problems[0]!;
  const count = check.problems.length;
  throw storeError(
    'store.gc-refused',
    `gc refused: the corpus does not verify (${count} ${count === 1 ? 'problem' : 'problems'}, first: ${first.kind}${first.object ? ` ${first.object}` : ''}: ${first.message}); run fsck, and fsck --repair to restore what can be restored`,
    { subject: ctx.root, details: { problems: check.problems } },
  );
}

async function collect(
  ctx: StoreContext,
  dryRun: boolean,
  currentStaging: () => Promise<string | null>,
): Promise<GcResult> {
  await checkBeforeCollecting(ctx);
  const live = await reachable(ctx);
  const unreachable: string[] = [];
  let removedBytes = 0;
  for await (const info of ctx.backend.listObjects()) {
    if (!live.has(info.hash)) {
      unreachable.push(info.hash);
      removedBytes += info.size;
    }
  }
  const files: string[] = [];
  const staging = await currentStaging();
  for (const file of await ctx.backend.listFiles('staging')) {
    if (file !== `${staging}.json`) files.push(`staging/${file}`);
  }
  if (dryRun) return { dryRun, unreachable: unreachable.sort(), removedBytes, files };
  for (const file of files) await ctx.backend.deleteFile(file);
  const temporary = await ctx.backend.removeTemporary();
  files.push(...temporary.files);
  removedBytes += temporary.bytes;
  const retained = await ctx.backend.retainObjects((hash) => live.has(hash));
  return {
    dryRun,
    unreachable: retained.removed.sort(),
    removedBytes: Math.max(removedBytes, retained.removedBytes),
    files,
  };
}
