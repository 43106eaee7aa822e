import { canonicalJson, sha256 } from '@corpuskit/document';

/** One document in a version's manifest. `record` and `raw` are object hashes. */
export interface ManifestEntry {
  id: string;
  contentHash: string;
  record: string;
  raw: string | null;
}

/** `[id, contentHash, record, raw]` */
type EntryRow = [string, string, string, string | null];
/** `[last id in the subtree, node hash, number of documents]` */
type ChildRow = [string, string, number];

interface LeafNode {
  kind: 'manifest-leaf';
  level: 0;
  entries: EntryRow[];
}
interface InnerNode {
  kind: 'manifest-node';
  level: number;
  children: ChildRow[];
}
export type ManifestNode = LeafNode | InnerNode;

/** Where manifest nodes are read from and written to. */
export interface NodeStore {
  /**
   * A node by hash. `keep: false` is a scan's read (every leaf once, in order): the node is not
   * added to a cache, so a pass over a large version keeps memory flat.
   */
  getNode(hash: string, options?: { keep?: boolean }): Promise<ManifestNode>;
  putNode(hash: string, bytes: Uint8Array): void;
}

/**
 * Average number of entries per leaf and children per inner node. Node boundaries depend only
 * on the ids (a key closes a level-L node when the first 48 bits of SHA-256(id) are divisible
 * by FANOUT^(L+1)), so the same set of entries always gives the same tree, whatever the
 * history: two versions share every node whose range did not change, and diffing them skips
 * equal nodes by hash.
 */
const FANOUT = 16;
const MAX_MODULUS = 2 ** 48;

function toRow(entry: ManifestEntry): EntryRow {
  return [entry.id, entry.contentHash, entry.record, entry.raw];
}

function fromRow(row: EntryRow): ManifestEntry {
  return { id: row[0], contentHash: row[1], record: row[2], raw: row[3] };
}

function encodeNode(node: ManifestNode): { hash: string; bytes: Buffer } {
  const bytes = Buffer.from(canonicalJson(node), 'utf8');
  return { hash: sha256(bytes), bytes };
}

export function parseNode(bytes: Uint8Array | string, hash: string): ManifestNode {
  const node = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8')) as ManifestNode;
  if (
    node === null ||
    typeof node !== 'object' ||
    (node.kind === 'manifest-leaf' && (node.level !== 0 || !Array.isArray(node.entries))) ||
    (node.kind === 'manifest-node' && (!(node.level > 0) || !Array.isArray(node.children))) ||
    (node.kind !== 'manifest-leaf' && node.kind !== 'manifest-node')
  ) {
    throw new Error(`object ${hash} is not a manifest node`);
  }
  return node;
}

/** 32-bit FNV-1a over UTF-16 code units with a murmur3 finaliser, seeded. */
function mix32(id: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 48 bits derived from the id. Part of the on-disk format (it decides node boundaries), so it
 * must never change for a given FORMAT_VERSION. Not cryptographic: a crafted id can only make
 * one node larger, never wrong.
 */
function keyHash(id: string): number {
  return (mix32(id, 0x811c9dc5) % 0x10000) * 0x100000000 + mix32(id, 0x9747b28c);
}

function closes(id: string, level: number): boolean {
  const modulus = FANOUT ** (level + 1);
  if (modulus > MAX_MODULUS) return false;
  return keyHash(id) % modulus === 0;
}

interface NodeRef {
  last: string;
  hash: string;
  count: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The hash of the empty manifest (a leaf with no entries). */
export function emptyRoot(store: NodeStore): string {
  const { hash, bytes } = encodeNode({ kind: 'manifest-leaf', level: 0, entries: [] });
  store.putNode(hash, bytes);
  return hash;
}

function emitLeaf(entries: EntryRow[], store: NodeStore, out: NodeRef[]): void {
  const { hash, bytes } = encodeNode({ kind: 'manifest-leaf', level: 0, entries });
  store.putNode(hash, bytes);
  out.push({ last: entries[entries.length - 1]![0], hash, count: entries.length });
}

/** Cut sorted entries into leaves; returns the trailing run that did not reach a boundary unless `final`. */
function chunkLeaves(entries: EntryRow[], store: NodeStore, out: NodeRef[], final: boolean): EntryRow[] {
  let start = 0;
  for (let i = 0; i < entries.length; i++) {
    if (closes(entries[i]![0], 0)) {
      emitLeaf(entries.slice(start, i + 1), store, out);
      start = i + 1;
    }
  }
  const rest = entries.slice(start);
  if (final && rest.length > 0) {
    emitLeaf(rest, store, out);
    return [];
  }
  return rest;
}

/** Build the inner levels over a list of leaves; returns the root hash. */
function buildTree(leaves: NodeRef[], store: NodeStore): string {
  if (leaves.length === 0) return emptyRoot(store);
  let refs = leaves;
  let level = 1;
  while (refs.length > 1) {
    const next: NodeRef[] = [];
    let group: NodeRef[] = [];
    const emit = (): void => {
      const { hash, bytes } = encodeNode({
        kind: 'manifest-node',
        level,
        children: group.map((r) => [r.last, r.hash, r.count]),
      });
      store.putNode(hash, bytes);
      next.push({ last: group[group.length - 1]!.last, hash, count: group.reduce((n, r) => n + r.count, 0) });
      group = [];
    };
    for (const ref of refs) {
      group.push(ref);
      if (closes(ref.last, level)) emit();
    }
    if (group.length > 0) emit();
    refs = next;
    level++;
  }
  return refs[0]!.hash;
}

/** Build a manifest from entries (any order; ids must be unique). */
export function buildManifest(entries: ManifestEntry[], store: NodeStore): { root: string; count: number } {
  const rows = entries.map(toRow).sort((a, b) => compareIds(a[0], b[0]));
  const leaves: NodeRef[] = [];
  chunkLeaves(rows, store, leaves, true);
  return { root: buildTree(leaves, store), count: rows.length };
}

/** The leaves of a tree in order, reading inner nodes only (plus the root when it is a leaf). */
async function leafRefs(root: string, store: NodeStore): Promise<NodeRef[]> {
  const out: NodeRef[] = [];
  const visit = async (hash: string): Promise<void> => {
    const node = await store.getNode(hash);
    if (node.kind === 'manifest-leaf') {
      if (node.entries.length > 0)
        out.push({ last: node.entries[node.entries.length - 1]![0], hash, count: node.entries.length });
      return;
    }
    for (const [last, child, count] of node.children) {
      if (node.level === 1) out.push({ last, hash: child, count });
      else await visit(child);
    }
  };
  await visit(root);
  return out;
}

export interface ManifestChange {
  id: string;
  /** The new entry, or null to remove the id. */
  entry: ManifestEntry | null;
}

export interface ApplyResult {
  root: string;
  count: number;
  added: number;
  modified: number;
  removed: number;
}

/**
 * Apply changes to a manifest, reading and rewriting only the leaves whose id range holds a
 * change (plus a neighbour when a boundary key disappears). Inner levels are rebuilt from the
 * leaf list, which costs one small node per FANOUT leaves.
 */
export async function applyChanges(
  root: string | null,
  changes: ManifestChange[],
  store: NodeStore,
): Promise<ApplyResult> {
  const sorted = [...changes].sort((a, b) => compareIds(a.id, b.id));
  const leaves = root ? await leafRefs(root, store) : [];
  const stats = { added: 0, modified: 0, removed: 0 };
  const out: NodeRef[] = [];
  let carry: EntryRow[] = [];
  let ci = 0;
  if (leaves.length === 0) {
    chunkLeaves(mergeApply([], sorted, stats), store, out, true);
  }
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    const isLast = i === leaves.length - 1;
    let cj = ci;
    while (cj < sorted.length && (isLast || sorted[cj]!.id <= leaf.last)) cj++;
    if (cj === ci && carry.length === 0) {
      out.push(leaf);
      continue;
    }
    const node = await store.getNode(leaf.hash);
    if (node.kind !== 'manifest-leaf') throw new Error(`manifest node ${leaf.hash} should be a leaf`);
    const merged = mergeApply(node.entries, sorted.slice(ci, cj), stats);
    ci = cj;
    carry = chunkLeaves(carry.length > 0 ? carry.concat(merged) : merged, store, out, isLast);
  }
  return { root: buildTree(out, store), count: out.reduce((n, r) => n + r.count, 0), ...stats };
}

function mergeApply(
  rows: EntryRow[],
  changes: ManifestChange[],
  stats: { added: number; modified: number; removed: number },
): EntryRow[] {
  const out: EntryRow[] = [];
  let i = 0;
  for (const change of changes) {
    while (i < rows.length && rows[i]![0] < change.id) out.push(rows[i++]!);
    const existing = i < rows.length && rows[i]![0] === change.id ? rows[i++]! : null;
    if (change.entry) {
      if (!existing) stats.added++;
      else if (existing[1] !== change.entry.contentHash) stats.modified++;
      out.push(toRow(change.entry));
    } else if (existing) {
      stats.removed++;
    }
  }
  while (i < rows.length) out.push(rows[i++]!);
  return out;
}

export async function lookup(root: string, id: string, store: NodeStore): Promise<ManifestEntry | null> {
  let node = await store.getNode(root);
  while (node.kind === 'manifest-node') {
    const children = node.children;
    let lo = 0;
    let hi = children.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (children[mid]![0] < id) lo = mid + 1;
      else hi = mid;
    }
    const child = children[lo];
    if (!child || child[0] < id) return null;
    node = await store.getNode(child[1]);
  }
  const entries = node.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const key = entries[mid]![0];
    if (key === id) return fromRow(entries[mid]!);
    if (key < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** Entries in id order. Inner nodes go through the cache; leaves are read once and not kept. */
export async function* iterateEntries(root: string, store: NodeStore, keep = true): AsyncGenerator<ManifestEntry> {
  const node = await store.getNode(root, { keep });
  if (node.kind === 'manifest-leaf') {
    for (const row of node.entries) yield fromRow(row);
    return;
  }
  for (const child of node.children) yield* iterateEntries(child[1], store, node.level > 1);
}

export async function countOf(root: string, store: NodeStore): Promise<number> {
  const node = await store.getNode(root);
  return node.kind === 'manifest-leaf' ? node.entries.length : node.children.reduce((n, c) => n + c[2], 0);
}

export interface ManifestDiff {
  added: ManifestEntry[];
  removed: ManifestEntry[];
  /** Same id, different content hash. */
  modified: Array<{ old: ManifestEntry; new: ManifestEntry }>;
  /** Same id and content hash, different stored record (e.g. new provenance): not a modification. */
  recordOnly: Array<{ old: ManifestEntry; new: ManifestEntry }>;
  unchanged: number;
}

interface Frontier {
  hash: string;
  level: number;
  count: number;
}

/**
 * Diff two manifests. Equal subtrees (equal hash) on both sides are skipped whole, level by
 * level from the top, so the cost follows the number of changed leaves, not the corpus size.
 */
export async function diffTrees(oldRoot: string, newRoot: string, store: NodeStore): Promise<ManifestDiff> {
  const result: ManifestDiff = { added: [], removed: [], modified: [], recordOnly: [], unchanged: 0 };
  const top = async (hash: string): Promise<Frontier> => {
    const node = await store.getNode(hash);
    const count = node.kind === 'manifest-leaf' ? node.entries.length : node.children.reduce((n, c) => n + c[2], 0);
    return { hash, level: node.level, count };
  };
  let a = [await top(oldRoot)];
  let b = [await top(newRoot)];
  for (;;) {
    const inB = new Map<string, number>();
    for (const f of b) inB.set(f.hash, (inB.get(f.hash) ?? 0) + 1);
    const matched = new Map<string, number>();
    a = a.filter((f) => {
      const n = inB.get(f.hash) ?? 0;
      if (n === 0) return true;
      inB.set(f.hash, n - 1);
      matched.set(f.hash, (matched.get(f.hash) ?? 0) + 1);
      result.unchanged += f.count;
      return false;
    });
    b = b.filter((f) => {
      const n = matched.get(f.hash) ?? 0;
      if (n === 0) return true;
      matched.set(f.hash, n - 1);
      return false;
    });
    const maxLevel = Math.max(-1, ...a.map((f) => f.level), ...b.map((f) => f.level));
    if (maxLevel <= 0) break;
    const expand = async (list: Frontier[]): Promise<Frontier[]> => {
      const out: Frontier[] = [];
      for (const f of list) {
        if (f.level !== maxLevel) {
          out.push(f);
          continue;
        }
        const node = await store.getNode(f.hash);
        if (node.kind !== 'manifest-node') throw new Error(`manifest node ${f.hash} should be an inner node`);
        for (const [, hash, count] of node.children) out.push({ hash, level: node.level - 1, count });
      }
      return out;
    };
    a = await expand(a);
    b = await expand(b);
  }
  const rowsOf = async (list: Frontier[]): Promise<EntryRow[]> => {
    const rows: EntryRow[] = [];
    for (const f of list) {
      const node = await store.getNode(f.hash);
      if (node.kind !== 'manifest-leaf') throw new Error(`manifest node ${f.hash} should be a leaf`);
      for (const row of node.entries) rows.push(row);
    }
    return rows;
  };
  const oldRows = await rowsOf(a);
  const newRows = await rowsOf(b);
  let i = 0;
  let j = 0;
  while (i < oldRows.length || j < newRows.length) {
    const o = oldRows[i];
    const n = newRows[j];
    if (o && (!n || o[0] < n[0])) {
      result.removed.push(fromRow(o));
      i++;
    } else if (n && (!o || n[0] < o[0])) {
      result.added.push(fromRow(n));
      j++;
    } else if (o && n) {
      if (o[1] !== n[1]) result.modified.push({ old: fromRow(o), new: fromRow(n) });
      else if (o[2] !== n[2]) result.recordOnly.push({ old: fromRow(o), new: fromRow(n) });
      else result.unchanged++;
      i++;
      j++;
    }
  }
  return result;
}
