import { statSync } from 'node:fs';
import { join } from 'node:path';

import { isSha256, sha256, type Version } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { writeFileAtomic } from './fs-util.js';
import { verifyStore } from './fsck.js';
import { REFS_FILE, stagingFile } from './layout.js';
import { isTagName, readRefs, refsText, type Refs } from './refs.js';
import { readStaging } from './staging-index.js';
import { exclusive } from './transaction.js';
import { readVersion } from './versions.js';
import type { FsckProblem, RefsRepair, RepairOptions, RepairResult } from './types.js';

/*
 * `fsck --repair`: restore what can be restored and say exactly what is lost. Damaged packs are
 * rewritten from copies that verify (the same object in another pack, or in a sealed pack an
 * interrupted writer left behind) and moved into `.corpuskit/lost-found/`; a damaged `refs.json`
 * is rebuilt from the versions and staging indexes on disk (and what can be read from the damaged
 * file), which is kept in `lost-found/` as well. Versions are immutable and named by their hash,
 * so an object that no copy holds stays lost: the report names it and what used it.
 */

export async function repair(ctx: StoreContext, options: RepairOptions): Promise<RepairResult> {
  const dryRun = options.dryRun ?? false;
  return exclusive(
    ctx,
    async () => {
      const before = await verifyStore(ctx);
      const wanted = new Set(
        before.problems
          .filter((p) => (p.kind === 'missing-object' || p.kind === 'corrupt-object') && p.object)
          .map((p) => p.object!),
      );
      const objects = ctx.backend.repairObjects
        ? await ctx.backend.repairObjects(wanted, dryRun)
        : { restored: [], lost: [...wanted].sort(), moved: [], pack: null };
      let refs: RefsRepair | null = null;
      const refsDamaged =
        (await readRefs(ctx).then(
          () => false,
          () => true,
        )) || before.problems.some(isRefsProblem);
      if (refsDamaged) refs = await rebuildRefs(ctx, dryRun);
      ctx.nodeCache.clear();
      ctx.stagingCache = null;
      ctx.stagedCache = null;
      const after = dryRun ? before : await verifyStore(ctx);
      const usedBy = (hash: string): string[] =>
        after.problems.filter((p) => p.object === hash && p.kind !== 'hash-mismatch').map((p) => p.message);
      return {
        dryRun,
        restored: objects.restored,
        lost: objects.lost.map((object) => ({ object, usedBy: usedBy(object) })),
        moved: objects.moved,
        pack: objects.pack,
        refs,
        ok: !dryRun && after.ok,
        problems: after.problems,
      };
    },
    { readOnly: dryRun },
  );
}

/** A problem with what `refs.json` names: HEAD, a tag, or the staging index. */
function isRefsProblem(p: FsckProblem): boolean {
  return (
    p.kind === 'bad-refs' ||
    /^(HEAD|tag \S+) names/.test(p.message) ||
    p.kind === 'bad-staging' ||
    (p.kind === 'hash-mismatch' && p.message.includes('staging index'))
  );
}

/** Rebuild `refs.json` from the versions and staging indexes on disk and whatever the damaged file still says. */
async function rebuildRefs(ctx: StoreContext, dryRun: boolean): Promise<RefsRepair> {
  const notes: string[] = [];
  const damaged = await ctx.backend.readFile(REFS_FILE);
  // Values the damaged file still holds, whatever their keys became.
  const strings = new Set<string>();
  const tagTables: Array<Record<string, unknown>> = [];
  if (damaged) {
    try {
      const visit = (value: unknown): void => {
        if (typeof value === 'string' && isSha256(value)) strings.add(value);
        else if (value && typeof value === 'object' && !Array.isArray(value)) {
          const table = value as Record<string, unknown>;
          if (Object.keys(table).some((k) => isTagName(k) && typeof table[k] === 'string')) tagTables.push(table);
          for (const inner of Object.values(table)) visit(inner);
        }
      };
      visit(JSON.parse(Buffer.from(damaged).toString('utf8')));
    } catch {
      notes.push(`${REFS_FILE} is not JSON: nothing could be read from it`);
    }
  } else notes.push(`${REFS_FILE} is missing`);

  const versions = new Map<string, Version>();
  for (const file of await ctx.backend.listFiles('versions')) {
    if (!file.endsWith('.json')) continue;
    try {
      versions.set(file.slice(0, -5), await readVersion(ctx, file.slice(0, -5)));
    } catch {
      notes.push(`version ${file.slice(0, -5)} does not verify and is left out`);
    }
  }
  const parents = new Set([...versions.values()].map((v) => v.parent).filter((p): p is string => p !== null));
  const tips = [...versions.keys()].filter((id) => !parents.has(id));
  let head: string | null = null;
  if (tips.length === 1) head = tips[0]!;
  else if (tips.length > 1) {
    head =
      tips.find((id) => strings.has(id)) ??
      tips.sort((a, b) => (versions.get(b)!.time < versions.get(a)!.time ? -1 : 1))[0]!;
    notes.push(
      `${tips.length} versions have no child (${tips.map((t) => t.slice(0, 12)).join(', ')}); HEAD is ${head.slice(0, 12)}`,
    );
  }

  const stagings: Array<{ hash: string; mtime: number }> = [];
  for (const file of await ctx.backend.listFiles('staging')) {
    const hash = file.slice(0, -5);
    if (!file.endsWith('.json') || !isSha256(hash)) continue;
    const bytes = await ctx.backend.readFile(stagingFile(hash));
    if (!bytes || sha256(bytes) !== hash) continue;
    try {
      await readStaging(ctx, hash);
    } catch {
      continue;
    }
    stagings.push({ hash, mtime: statSync(join(ctx.root, stagingFile(hash))).mtimeMs });
  }
  stagings.sort((a, b) => b.mtime - a.mtime);
  const staging = stagings.find((s) => strings.has(s.hash))?.hash ?? stagings[0]?.hash ?? null;
  if (stagings.length > 1) {
    notes.push(`${stagings.length} staging indexes verify; the staging area is ${staging!.slice(0, 12)}`);
  }

  const tags: Record<string, string> = {};
  for (const table of tagTables) {
    for (const [name, id] of Object.entries(table)) {
      if (isTagName(name) && typeof id === 'string' && versions.has(id) && !tags[name]) tags[name] = id;
    }
  }
  const refs: Refs = { head, staging, tags };
  if (!dryRun) {
    if (damaged) writeFileAtomic(join(ctx.root, 'lost-found', `refs.json.${Date.now()}`), damaged);
    await ctx.backend.writeFile(REFS_FILE, refsText(refs));
  }
  return { rebuilt: !dryRun, head, staging, tags, notes };
}
