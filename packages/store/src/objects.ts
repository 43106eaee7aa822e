import { isSha256, sha256, type DocumentRecord } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { parseNode, type ManifestNode, type NodeStore } from './manifest.js';
import { assembleRecord, encodeRecord, parseStoredRecord, type EncodedRecord } from './records.js';
import { mutate } from './transaction.js';

/*
 * Objects: manifest nodes (cached), document records with their text objects, raw bytes.
 * Everything is content-addressed in the backend.
 */

const NODE_CACHE_LIMIT = 8192;

/** Manifest nodes from the backend, through the context's cache and the `staged` overlays. */
export function cachedNodeStore(ctx: StoreContext): NodeStore {
  return {
    getNode: async (hash, options) => {
      const cached = ctx.nodeCache.get(hash);
      if (cached) return cached;
      let bytes: Uint8Array | string | null | undefined;
      for (const overlay of ctx.overlays) bytes ??= overlay.get(hash);
      bytes ??= ctx.backend.getObjectText ? await ctx.backend.getObjectText(hash) : await ctx.backend.getObject(hash);
      if (!bytes) throw storeError('store.missing-object', `manifest node ${hash} is missing`, { subject: hash });
      let node: ManifestNode;
      try {
        node = parseNode(bytes, hash);
      } catch (error) {
        throw storeError('store.bad-node', (error as Error).message, { subject: hash, cause: error });
      }
      if (options?.keep === false) return node;
      if (ctx.nodeCache.size >= NODE_CACHE_LIMIT) ctx.nodeCache.clear();
      ctx.nodeCache.set(hash, node);
      return node;
    },
    putNode: (hash, bytes) => ctx.backend.putObject(hash, bytes),
  };
}

/** A node store whose new nodes stay in `overlay` (in memory) instead of the backend. */
export function overlayNodes(ctx: StoreContext, overlay: Map<string, Uint8Array>): NodeStore {
  return {
    getNode: async (hash, options) => {
      const bytes = overlay.get(hash);
      if (bytes) return parseNode(bytes, hash);
      return ctx.nodes.getNode(hash, options);
    },
    putNode: (hash, bytes) => {
      overlay.set(hash, bytes);
    },
  };
}

/** Store raw bytes (e.g. a saved page) and return their SHA-256. */
export async function putRaw(ctx: StoreContext, bytes: Uint8Array): Promise<string> {
  const hash = sha256(bytes);
  await mutate(ctx, async () => ctx.backend.putObject(hash, bytes, { compress: true }));
  return hash;
}

/** Raw bytes by hash, or null. */
export async function getRaw(ctx: StoreContext, hash: string): Promise<Uint8Array | null> {
  if (!isSha256(hash)) throw storeError('store.invalid-hash', `not a SHA-256: ${hash}`);
  return ctx.backend.getObject(hash);
}

/** Read a stored record by its object hash (`StagedEntry.record`, `ManifestEntry.record`). */
export async function readRecord(ctx: StoreContext, hash: string): Promise<DocumentRecord> {
  const bytes = await ctx.backend.getObject(hash);
  if (!bytes) throw storeError('store.missing-object', `record ${hash} is missing`, { subject: hash });
  const stored = parseStoredRecord(bytes, hash);
  const text = await readBlob(ctx, stored.text, hash);
  const markdown = stored.markdown === stored.text ? text : await readBlob(ctx, stored.markdown, hash);
  return assembleRecord(stored, text, markdown);
}

async function readBlob(ctx: StoreContext, hash: string, owner: string): Promise<string> {
  const bytes = await ctx.backend.getObject(hash);
  if (!bytes) {
    throw storeError('store.missing-object', `text object ${hash} of record ${owner} is missing`, {
      subject: hash,
    });
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Queue an encoded record and its text objects for writing. */
export function putEncoded(ctx: StoreContext, encoded: EncodedRecord): string {
  for (const blob of encoded.blobs) ctx.backend.putObject(blob.hash, blob.bytes);
  ctx.backend.putObject(encoded.hash, encoded.bytes);
  return encoded.hash;
}

/** Queue a record and its text objects for writing; returns the record's object hash. */
export function writeRecord(ctx: StoreContext, record: DocumentRecord): string {
  return putEncoded(ctx, encodeRecord(record));
}
