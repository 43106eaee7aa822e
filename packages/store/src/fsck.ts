import { contentHash as computeContentHash, sha256, type Version } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { FORMAT_FILE, FORMAT_VERSION, stagingFile } from './layout.js';
import { parseNode, type ManifestNode } from './manifest.js';
import { parseDecisions } from './decisions.js';
import { readRecord } from './objects.js';
import { parseStoredRecord, type StoredRecord } from './records.js';
import { readRefs, type Refs } from './refs.js';
import { readStaging } from './staging-index.js';
import { exclusive } from './transaction.js';
import { readVersion } from './versions.js';
import type { FsckProblem, FsckResult } from './types.js';

/*
 * fsck: re-hash every object and version and check every reference. It changes nothing, but
 * holds the lock (without reading the state first, so a damaged `refs.json` is reported, not
 * thrown) so that a writer's half-finished batch is not reported as missing objects.
 */

type Checked = FsckResult['checked'];

export async function fsck(ctx: StoreContext): Promise<FsckResult> {
  if (ctx.als.getStore()) return verifyStore(ctx);
  // A corpus on read-only storage has no writer to wait for: it is checked without the lock.
  return exclusive(ctx, () => verifyStore(ctx), { readOnly: true });
}

/** fsck without taking the lock (the caller holds it, or the corpus is read-only). */
export async function verifyStore(ctx: StoreContext): Promise<FsckResult> {
  const problems: FsckProblem[] = [];
  const checked: Checked = { objects: 0, versions: 0, records: 0, staged: 0 };
  problems.push(...(await ctx.backend.checkStorage()));
  const { present, corrupt } = await checkObjects(ctx, problems, checked);
  await checkFormat(ctx, problems);
  const graph = new GraphChecker(ctx, present, corrupt, problems, checked);
  const versions = await checkVersions(ctx, graph, problems, checked);
  await checkRefs(ctx, graph, versions, problems, checked);
  return { ok: problems.length === 0, problems, checked };
}

/**
 * Re-hash every stored copy of every object. Returns the objects with a copy that verifies, and
 * those whose every copy is corrupt.
 */
async function checkObjects(
  ctx: StoreContext,
  problems: FsckProblem[],
  checked: Checked,
): Promise<{ present: Set<string>; corrupt: Set<string> }> {
  const present = new Set<string>();
  const bad = new Set<string>();
  for await (const copy of ctx.backend.verifyObjects()) {
    if (!present.has(copy.hash) && !bad.has(copy.hash)) checked.objects++;
    if (copy.ok) present.add(copy.hash);
    else {
      bad.add(copy.hash);
      problems.push({
        kind: 'hash-mismatch',
        object: copy.hash,
        message: copy.message ?? `content in ${copy.location} does not hash to its name`,
      });
    }
  }
  return { present, corrupt: new Set([...bad].filter((hash) => !present.has(hash))) };
}

async function checkFormat(ctx: StoreContext, problems: FsckProblem[]): Promise<void> {
  const format = await ctx.backend.readFile(FORMAT_FILE);
  try {
    const parsed = JSON.parse(Buffer.from(format ?? '').toString('utf8')) as { version?: unknown };
    if (parsed.version !== FORMAT_VERSION)
      problems.push({ kind: 'bad-format', message: `${FORMAT_FILE} has version ${String(parsed.version)}` });
  } catch {
    problems.push({ kind: 'bad-format', message: `${FORMAT_FILE} is missing or not JSON` });
  }
}

/** Checks manifest trees and records against the objects that verified, each object once. */
class GraphChecker {
  private readonly goodNodes = new Map<string, { count: number; last: string | null; level: number }>();
  private readonly goodRecords = new Set<string>();

  constructor(
    private readonly ctx: StoreContext,
    readonly present: Set<string>,
    private readonly corrupt: Set<string>,
    private readonly problems: FsckProblem[],
    private readonly checked: Checked,
  ) {}

  /** Report a reference to an object without a good copy: corrupt (stored but damaged) or missing. */
  absent(hash: string, what: string): void {
    if (this.corrupt.has(hash)) {
      this.problems.push({ kind: 'corrupt-object', object: hash, message: `${what} is corrupt` });
    } else {
      this.problems.push({ kind: 'missing-object', object: hash, message: `${what} is missing` });
    }
  }

  async checkRecord(hash: string, id: string, content: string | null, where: string): Promise<void> {
    const { present, problems } = this;
    if (!present.has(hash)) {
      this.absent(hash, `record of ${id} (${where})`);
      return;
    }
    if (this.goodRecords.has(hash)) return;
    this.goodRecords.add(hash);
    this.checked.records++;
    try {
      const stored: StoredRecord = parseStoredRecord((await this.ctx.backend.getObject(hash))!, hash);
      for (const blob of new Set([stored.text, stored.markdown])) {
        if (!present.has(blob)) this.absent(blob, `text of record ${hash} (${id})`);
      }
      if (stored.record.id !== id)
        problems.push({
          kind: 'bad-record',
          object: hash,
          message: `record holds id ${stored.record.id}, expected ${id}`,
        });
      if (present.has(stored.text) && present.has(stored.markdown)) {
        const record = await readRecord(this.ctx, hash);
        const actual = computeContentHash(record.document);
        if (actual !== record.contentHash || (content !== null && content !== actual)) {
          problems.push({
            kind: 'bad-record',
            object: hash,
            message: `content hash of ${id} does not match its content`,
          });
        }
      }
    } catch (error) {
      problems.push({ kind: 'bad-record', object: hash, message: (error as Error).message });
    }
  }

  /** Check a version's decisions object: present, verified, and a list of decisions. */
  async checkDecisions(hash: string, version: string): Promise<void> {
    if (typeof hash !== 'string' || !this.present.has(hash)) {
      this.absent(String(hash), `decisions of version ${version}`);
      return;
    }
    try {
      parseDecisions((await this.ctx.backend.getObject(hash))!, hash);
    } catch (error) {
      this.problems.push({ kind: 'bad-decisions', object: hash, message: (error as Error).message });
    }
  }

  /** Check a manifest (sub)tree; returns its document count and last id, or null when unreadable. */
  async checkNode(hash: string, expectLevel: number | null): Promise<{ count: number; last: string | null } | null> {
    const { present, problems } = this;
    const known = this.goodNodes.get(hash);
    if (known) return known;
    if (!present.has(hash)) {
      this.absent(hash, 'manifest node');
      return null;
    }
    let node: ManifestNode;
    try {
      node = parseNode((await this.ctx.backend.getObject(hash))!, hash);
    } catch (error) {
      problems.push({ kind: 'bad-node', object: hash, message: (error as Error).message });
      return null;
    }
    if (expectLevel !== null && node.level !== expectLevel) {
      problems.push({ kind: 'bad-node', object: hash, message: `level ${node.level}, expected ${expectLevel}` });
    }
    let count = 0;
    let last: string | null = null;
    if (node.kind === 'manifest-leaf') {
      for (const [id, content, record, raw] of node.entries) {
        if (last !== null && id <= last)
          problems.push({ kind: 'bad-node', object: hash, message: `entries out of order at ${id}` });
        last = id;
        count++;
        await this.checkRecord(record, id, content, `manifest ${hash.slice(0, 12)}`);
        if (raw && !present.has(raw)) this.absent(raw, `raw bytes of ${id}`);
      }
    } else {
      for (const [childLast, child, childCount] of node.children) {
        if (last !== null && childLast <= last)
          problems.push({ kind: 'bad-node', object: hash, message: `children out of order at ${childLast}` });
        const sub = await this.checkNode(child, node.level - 1);
        if (sub && (sub.count !== childCount || sub.last !== childLast)) {
          problems.push({
            kind: 'bad-node',
            object: hash,
            message: `child ${child.slice(0, 12)} summary does not match it`,
          });
        }
        last = childLast;
        count += childCount;
      }
    }
    const summary = { count, last, level: node.level };
    this.goodNodes.set(hash, summary);
    return summary;
  }
}

/** Check every version file and its manifest; returns the ids of the version files, and of those that verify. */
async function checkVersions(
  ctx: StoreContext,
  graph: GraphChecker,
  problems: FsckProblem[],
  checked: Checked,
): Promise<{ files: Set<string>; good: Set<string> }> {
  const good = new Set<string>();
  const versionIds = (await ctx.backend.listFiles('versions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  const versionSet = new Set(versionIds);
  for (const id of versionIds) {
    checked.versions++;
    let version: Version;
    try {
      version = await readVersion(ctx, id);
    } catch (error) {
      problems.push({ kind: 'bad-version', object: id, message: (error as Error).message });
      continue;
    }
    good.add(id);
    if (version.parent && !versionSet.has(version.parent)) {
      problems.push({
        kind: 'missing-version',
        object: version.parent,
        message: `parent of version ${id} is missing`,
      });
    }
    if (version.decisions !== undefined) await graph.checkDecisions(version.decisions, id);
    if (version.rules !== undefined && !(await ctx.backend.getObject(version.rules).catch(() => null))) {
      problems.push({
        kind: 'missing-object',
        object: version.rules,
        message: `rule file of version ${id} is missing`,
      });
    }
    const summary = await graph.checkNode(version.root, null);
    if (summary && summary.count !== version.counts?.documents) {
      problems.push({
        kind: 'bad-version',
        object: id,
        message: `counts ${version.counts?.documents} documents, manifest has ${summary.count}`,
      });
    }
  }
  return { files: versionSet, good };
}

/** Check `refs.json`, what it names, and the staging index with every record it names. */
async function checkRefs(
  ctx: StoreContext,
  graph: GraphChecker,
  versions: { files: Set<string>; good: Set<string> },
  problems: FsckProblem[],
  checked: Checked,
): Promise<void> {
  const checkVersionRef = (id: string, what: string): void => {
    if (!versions.files.has(id))
      problems.push({ kind: 'missing-version', object: id, message: `${what} names a missing version` });
    else if (!versions.good.has(id))
      problems.push({ kind: 'bad-version', object: id, message: `${what} names a version that does not verify` });
  };
  let refs: Refs | null = null;
  try {
    refs = await readRefs(ctx);
  } catch (error) {
    problems.push({ kind: 'bad-refs', message: (error as Error).message });
  }
  if (!refs) return;
  if (refs.head) checkVersionRef(refs.head, 'HEAD');
  for (const [name, id] of Object.entries(refs.tags)) checkVersionRef(id, `tag ${name}`);
  if (!refs.staging) return;
  const bytes = await ctx.backend.readFile(stagingFile(refs.staging));
  if (!bytes) {
    problems.push({ kind: 'bad-staging', object: refs.staging, message: 'the staging index is missing' });
    return;
  }
  if (sha256(bytes) !== refs.staging) {
    problems.push({
      kind: 'hash-mismatch',
      object: refs.staging,
      message: 'the staging index does not hash to its name',
    });
    return;
  }
  try {
    const staging = await readStaging(ctx, refs.staging);
    for (const entry of staging?.entries.values() ?? []) {
      checked.staged++;
      if (entry.record) await graph.checkRecord(entry.record, entry.id, entry.contentHash, 'staging');
      if (entry.raw && !graph.present.has(entry.raw)) graph.absent(entry.raw, `raw bytes of staged ${entry.id}`);
      if (entry.previous)
        await graph.checkRecord(entry.previous.record, entry.id, entry.previous.contentHash, 'staging, previous');
    }
  } catch (error) {
    problems.push({ kind: 'bad-staging', object: refs.staging, message: (error as Error).message });
  }
}
