import { SCHEMA_VERSION, isSha256, type DocumentRecord } from '@corpuskit/document';

import type { StoreContext } from './context.js';
import { storeError } from './errors.js';
import { countOf, diffTrees, iterateEntries, lookup, type ManifestDiff, type ManifestEntry } from './manifest.js';
import { readRecord } from './objects.js';
import { resolve } from './versions.js';

/* Reading versions: entries, documents, export, raw bytes, manifest diffs. No lock needed. */

/** Manifest entry of a document at a version, or null. */
export async function getEntry(ctx: StoreContext, ref: string, id: string): Promise<ManifestEntry | null> {
  const resolved = await resolve(ctx, ref);
  return lookup(resolved.root, id, ctx.nodes);
}

/** A document at a version, or null when the version does not hold it. */
export async function getDocument(ctx: StoreContext, ref: string, id: string): Promise<DocumentRecord | null> {
  const entry = await getEntry(ctx, ref, id);
  return entry ? readRecord(ctx, entry.record) : null;
}

/** Manifest entries of a version, sorted by id. */
export async function* entries(ctx: StoreContext, ref: string): AsyncGenerator<ManifestEntry> {
  const resolved = await resolve(ctx, ref);
  yield* iterateEntries(resolved.root, ctx.nodes);
}

/** All manifest entries of a version, sorted by id. */
export async function manifest(ctx: StoreContext, ref: string): Promise<ManifestEntry[]> {
  const out: ManifestEntry[] = [];
  for await (const entry of entries(ctx, ref)) out.push(entry);
  return out;
}

/** The documents of a version, sorted by id. */
export async function* documents(ctx: StoreContext, ref: string): AsyncGenerator<DocumentRecord> {
  for await (const entry of entries(ctx, ref)) yield await readRecord(ctx, entry.record);
}

/** Number of documents in a version. */
export async function count(ctx: StoreContext, ref: string): Promise<number> {
  return countOf((await resolve(ctx, ref)).root, ctx.nodes);
}

/** Write a version as JSON Lines, one document per line; returns the number of lines. */
export async function exportJsonl(
  ctx: StoreContext,
  ref: string,
  write: (line: string) => void | Promise<void>,
  filter?: (record: DocumentRecord) => boolean,
): Promise<number> {
  const resolved = await resolve(ctx, ref);
  let lines = 0;
  for await (const entry of iterateEntries(resolved.root, ctx.nodes)) {
    const record = await readRecord(ctx, entry.record);
    if (filter && !filter(record)) continue;
    const d = record.document;
    const line = JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      version: resolved.id,
      id: record.id,
      contentHash: record.contentHash,
      title: d.title,
      text: d.text,
      markdown: d.markdown,
      status: d.status,
      metadata: d.metadata,
      provenance: d.provenance,
      findings: record.findings,
      removed: d.removed,
      stats: d.stats,
    });
    await write(line + '\n');
    lines++;
  }
  return lines;
}

/** The raw bytes a document was cleaned from, or null when they were not kept. */
export async function rawOf(ctx: StoreContext, ref: string, id: string): Promise<Uint8Array | null> {
  const entry = await getEntry(ctx, ref, id);
  if (!entry) throw storeError('store.unknown-document', `no document ${id} in ${ref}`, { subject: id });
  if (entry.raw) return ctx.backend.getObject(entry.raw);
  const record = await readRecord(ctx, entry.record);
  const hash = record.document.provenance.rawSha256;
  return hash && isSha256(hash) ? ctx.backend.getObject(hash) : null;
}

/** Which ids were added, removed and modified between two versions, skipping shared manifest chunks. */
export async function diffManifests(ctx: StoreContext, oldRef: string, newRef: string): Promise<ManifestDiff> {
  const a = await resolve(ctx, oldRef);
  const b = await resolve(ctx, newRef);
  return diffTrees(a.root, b.root, ctx.nodes);
}
