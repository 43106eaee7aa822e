import { sha256 } from '@corpuskit/document';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  applyChanges,
  buildManifest,
  diffTrees,
  iterateEntries,
  lookup,
  parseNode,
  type ManifestEntry,
  type ManifestNode,
  type NodeStore,
} from './manifest.js';

function memoryStore(): NodeStore & { size: () => number; reads: () => number } {
  const objects = new Map<string, Uint8Array>();
  let reads = 0;
  return {
    getNode: async (hash): Promise<ManifestNode> => {
      reads++;
      const bytes = objects.get(hash);
      if (!bytes) throw new Error(`missing ${hash}`);
      expect(sha256(bytes)).toBe(hash);
      return parseNode(bytes, hash);
    },
    putNode: (hash, bytes) => {
      objects.set(hash, bytes);
    },
    size: () => objects.size,
    reads: () => reads,
  };
}

const entry = (n: number, version = 0): ManifestEntry => ({
  id: `https://example.com/${n.toString().padStart(6, '0')}`,
  contentHash: sha256(`content ${n} ${version}`),
  record: sha256(`record ${n} ${version}`),
  raw: version === 0 ? sha256(`raw ${n}`) : null,
});

async function all(root: string, store: NodeStore): Promise<ManifestEntry[]> {
  const out: ManifestEntry[] = [];
  for await (const e of iterateEntries(root, store)) out.push(e);
  return out;
}

describe('manifest tree', () => {
  it('gives the same root for the same entries whatever the history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { maxLength: 600 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2 })), { maxLength: 200 }),
        async (initial, edits) => {
          const store = memoryStore();
          const base = buildManifest(
            initial.map((n) => entry(n)),
            store,
          );
          const final = new Map(initial.map((n) => [n, entry(n)]));
          const changes = new Map<number, ManifestEntry | null>();
          for (const [n, op] of edits) {
            const value = op === 0 ? null : entry(n, op);
            changes.set(n, value);
            if (value) final.set(n, value);
            else final.delete(n);
          }
          const applied = await applyChanges(
            base.root,
            [...changes].map(([n, e]) => ({ id: entry(n).id, entry: e })),
            store,
          );
          const rebuilt = buildManifest([...final.values()], store);
          expect(applied.root).toBe(rebuilt.root);
          expect(applied.count).toBe(final.size);
          const listed = await all(applied.root, store);
          expect(listed.map((e) => e.id)).toEqual([...final.values()].map((e) => e.id).sort());
          for (const n of [...changes.keys()].slice(0, 20)) {
            expect(await lookup(applied.root, entry(n).id, store)).toEqual(final.get(n) ?? null);
          }
          const diff = await diffTrees(base.root, applied.root, store);
          const before = new Map(initial.map((n) => [entry(n).id, entry(n)]));
          const after = new Map([...final.values()].map((e) => [e.id, e]));
          expect(diff.added.map((e) => e.id).sort()).toEqual([...after.keys()].filter((id) => !before.has(id)).sort());
          expect(diff.removed.map((e) => e.id).sort()).toEqual(
            [...before.keys()].filter((id) => !after.has(id)).sort(),
          );
          expect(diff.modified.map((m) => m.new.id).sort()).toEqual(
            [...after.keys()]
              .filter((id) => before.has(id) && before.get(id)!.contentHash !== after.get(id)!.contentHash)
              .sort(),
          );
          expect(diff.unchanged + diff.modified.length + diff.removed.length).toBe(before.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads leaves without keeping them when iterating, so a pass over a large version stays flat', async () => {
    const store = memoryStore();
    const { root } = buildManifest(
      Array.from({ length: 2000 }, (_, n) => entry(n)),
      store,
    );
    const reads: Array<{ kind: ManifestNode['kind']; keep: boolean }> = [];
    const watching: NodeStore = {
      getNode: async (hash, options) => {
        const node = await store.getNode(hash);
        reads.push({ kind: node.kind, keep: options?.keep !== false });
        return node;
      },
      putNode: store.putNode,
    };
    expect(await all(root, watching)).toHaveLength(2000);
    const leaves = reads.filter((read) => read.kind === 'manifest-leaf');
    expect(leaves.length).toBeGreaterThan(50);
    expect(leaves.every((read) => !read.keep)).toBe(true);
    expect(reads.filter((read) => read.kind === 'manifest-node').every((read) => read.keep)).toBe(true);
  });

  it('counts added, modified and removed documents', async () => {
    const store = memoryStore();
    const base = buildManifest(
      [1, 2, 3].map((n) => entry(n)),
      store,
    );
    const result = await applyChanges(
      base.root,
      [
        { id: entry(1).id, entry: null },
        { id: entry(2).id, entry: entry(2, 1) },
        { id: entry(4).id, entry: entry(4) },
        { id: entry(9).id, entry: null },
      ],
      store,
    );
    expect(result).toMatchObject({ count: 3, added: 1, modified: 1, removed: 1 });
  });

  it('diffs a small change in a large manifest by reading few nodes', async () => {
    const store = memoryStore();
    const base = buildManifest(
      Array.from({ length: 20_000 }, (_, n) => entry(n)),
      store,
    );
    const changed = await applyChanges(base.root, [{ id: entry(500).id, entry: entry(500, 1) }], store);
    const before = store.reads();
    const diff = await diffTrees(base.root, changed.root, store);
    expect(diff.modified.map((m) => m.new.id)).toEqual([entry(500).id]);
    expect(diff.unchanged).toBe(19_999);
    // A handful of nodes per level on each side, not the ~600 leaves.
    expect(store.reads() - before).toBeLessThan(40);
  });
});
