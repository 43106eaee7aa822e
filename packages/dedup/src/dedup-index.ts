import type { DuplicateFinding } from '@corpuskit/document';
import { normalizeText } from '@corpuskit/document';

import { byFinding, estimate, nearReason, revisionFinding } from './check-result.js';
import type { CheckOptions, CheckResult, CheckStatus } from './check-result.js';
import { dedupError } from './errors.js';
import { FORMAT_VERSION, corruptIndex, decodeIndex, encodeIndex, readInt32s } from './index-bytes.js';
import type { IndexHeader } from './index-bytes.js';
import { fingerprintOfNormalized } from './fingerprint.js';
import { bandKey, isEmptySignature } from './minhash.js';
import type { Signature } from './minhash.js';
import { resolveOptions, sameSignatureOptions } from './options.js';
import type { DedupOptions, DedupOptionsInput } from './options.js';
import { compareRepresentative, hasherFor, prepareDocument, signatureKey } from './prepare.js';
import type { DedupDocument, PreparedDocument } from './prepare.js';
import { IntMap } from './int-map.js';
import { jaccard } from './shingles.js';
import type { ShingleSet } from './shingles.js';

/** End of a band's slot list (also what `IntMap.get` returns for a missing key). */
const END = -1;

/**
 * A persistent, incremental MinHash LSH index over a corpus. It keeps, per document, the id,
 * exact fingerprint, signature, normalised length and fetch time (never the text), in typed
 * arrays, with one int32 hash table per band (`IntMap`) pointing into linked lists of slots. New batches are
 * checked against it without recomputing stored signatures; candidates are verified with the
 * texts the caller's `loadText` returns. Serialises to compact bytes; rebuildable from documents.
 */
export class DedupIndex {
  readonly options: DedupOptions;
  /** The signature options' key (`signatureKey`): prepared documents must carry the same. */
  readonly key: string;
  private capacity = 0;
  private live = 0;
  private ids: Array<string | undefined> = [];
  private fingerprints: Array<string | undefined> = [];
  private lengths = new Int32Array(0);
  private fetched = new Float64Array(0);
  private signatures = new Int32Array(0);
  private next = new Int32Array(0);
  private banded = new Uint8Array(0);
  private readonly heads: IntMap[];
  private readonly slotOf = new Map<string, number>();
  private readonly byFingerprint = new Map<string, number | number[]>();
  private readonly free: number[] = [];

  constructor(options: DedupOptionsInput = {}) {
    this.options = resolveOptions(options);
    this.key = signatureKey(this.options);
    this.heads = Array.from({ length: this.options.bands }, () => new IntMap());
  }

  /** Build an index from documents (the rebuild path: the store hands every document's text). */
  static fromDocuments(
    documents: Iterable<DedupDocument | PreparedDocument>,
    options: DedupOptionsInput = {},
  ): DedupIndex {
    const index = new DedupIndex(options);
    for (const document of documents) index.add(document);
    return index;
  }

  /** Number of documents. */
  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Ids in the index, sorted. */
  documentIds(): string[] {
    return [...this.slotOf.keys()].sort();
  }

  /** The stored fingerprint of a document, or undefined. */
  fingerprintOf(id: string): string | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.fingerprints[slot];
  }

  /** Normalise and sign a document with this index's options (what `add` and `check` do). */
  prepare(document: DedupDocument, withShingles = false): PreparedDocument {
    return prepareDocument(document, this.options, withShingles);
  }

  /** Add a document or replace the one with its id. Accepts text or a prepared document. */
  add(document: DedupDocument | PreparedDocument): void {
    const prepared = this.asPrepared(document);
    this.remove(prepared.id);
    const slot = this.allocate();
    this.ids[slot] = prepared.id;
    this.fingerprints[slot] = prepared.fingerprint;
    this.lengths[slot] = prepared.length;
    this.fetched[slot] = prepared.fetchedAt ?? Number.NaN;
    const k = this.options.permutations;
    this.signatures.set(prepared.signature, slot * k);
    this.slotOf.set(prepared.id, slot);
    this.live++;
    if (prepared.length === 0 || isEmptySignature(prepared.signature)) {
      this.banded[slot] = 0;
      return;
    }
    this.banded[slot] = 1;
    const existing = this.byFingerprint.get(prepared.fingerprint);
    if (existing === undefined) this.byFingerprint.set(prepared.fingerprint, slot);
    else if (typeof existing === 'number') this.byFingerprint.set(prepared.fingerprint, [existing, slot]);
    else existing.push(slot);
    const { bands, rows } = this.options;
    for (let band = 0; band < bands; band++) {
      const key = bandKey(prepared.signature, band, rows);
      const head = this.heads[band]!;
      this.next[slot * bands + band] = head.get(key);
      head.set(key, slot);
    }
  }

  /** Remove a document; false when it was not there. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    if (this.banded[slot] === 1) {
      const fingerprint = this.fingerprints[slot]!;
      const existing = this.byFingerprint.get(fingerprint);
      if (typeof existing === 'number') this.byFingerprint.delete(fingerprint);
      else if (existing) {
        existing.splice(existing.indexOf(slot), 1);
        if (existing.length === 1) this.byFingerprint.set(fingerprint, existing[0]!);
      }
      const signature = this.signatureAt(slot);
      const { bands, rows } = this.options;
      for (let band = 0; band < bands; band++) {
        const key = bandKey(signature, band, rows);
        const head = this.heads[band]!;
        let current = head.get(key);
        const after = this.next[slot * bands + band]!;
        if (current === slot) {
          if (after === END) head.delete(key);
          else head.set(key, after);
        } else {
          while (current !== END) {
            const following: number = this.next[current * bands + band]!;
            if (following === slot) {
              this.next[current * bands + band] = after;
              break;
            }
            current = following;
          }
        }
      }
    }
    this.slotOf.delete(id);
    this.ids[slot] = undefined;
    this.fingerprints[slot] = undefined;
    this.banded[slot] = 0;
    this.free.push(slot);
    this.live--;
    return true;
  }

  /** Ids sharing the exact fingerprint (excluding `exceptId`). */
  exactMatches(fingerprint: string, exceptId?: string): string[] {
    const existing = this.byFingerprint.get(fingerprint);
    if (existing === undefined) return [];
    const slots = typeof existing === 'number' ? [existing] : existing;
    return slots.map((slot) => this.ids[slot]!).filter((id) => id !== exceptId);
  }

  /**
   * LSH candidates of a signature: ids of documents sharing at least one band (unverified),
   * sorted. This is the lookup the index makes fast; verification is the caller's (or `check`'s).
   */
  candidates(signature: Signature, exceptId?: string): string[] {
    if (signature.length !== this.options.permutations) {
      throw dedupError(
        'dedup.options-mismatch',
        `signature has ${signature.length} values, the index uses ${this.options.permutations} permutations`,
      );
    }
    const { bands, rows } = this.options;
    const found: number[] = [];
    // A linear scan is fastest for the usual handful of candidates; a set takes over for big buckets.
    let seen: Set<number> | null = null;
    for (let band = 0; band < bands; band++) {
      let slot = this.heads[band]!.get(bandKey(signature, band, rows));
      while (slot !== END) {
        if (seen === null && found.length > 32) seen = new Set(found);
        if (seen ? !seen.has(slot) : !found.includes(slot)) {
          found.push(slot);
          seen?.add(slot);
        }
        slot = this.next[slot * bands + band]!;
      }
    }
    const out: string[] = [];
    for (const slot of found) {
      const id = this.ids[slot]!;
      if (id !== exceptId) out.push(id);
    }
    return out.sort();
  }

  /**
   * Check a batch of new pages against the corpus (and each page against the earlier pages of
   * the batch) without changing the index. Corpus candidates are verified by exact Jaccard
   * over shingle sets recomputed from `loadText(id)`; a text that cannot be loaded becomes a
   * warning on that page and the batch goes on. A page may come prepared (`prepare(page, true)`,
   * e.g. in the thread that cleaned it, with its shingle set): it is then not signed again.
   * The batch may be an async iterable, read one page at a time; with `batchText`, nothing
   * kept per page grows with the pages' texts.
   */
  async check(
    batch: Iterable<DedupDocument | PreparedDocument> | AsyncIterable<DedupDocument | PreparedDocument>,
    options: CheckOptions,
  ): Promise<CheckResult[]> {
    const hasher = hasherFor(this.options);
    const corpusSets = new Map<string, ShingleSet | null>();
    const batchIndex = new DedupIndex(this.options);
    const batchSets = new Map<string, ShingleSet>();
    const results: CheckResult[] = [];
    const threshold = this.options.threshold;

    const corpusSet = async (id: string, warnings: string[]): Promise<ShingleSet | null> => {
      if (corpusSets.has(id)) return corpusSets.get(id)!;
      let set: ShingleSet | null = null;
      try {
        const text = await options.loadText(id);
        if (typeof text !== 'string') throw new Error(`loadText returned ${typeof text}, not a string`);
        set = hasher.shingleSetOfNormalized(normalizeText(text));
      } catch (error) {
        warnings.push(`${id}: could not load the stored text to verify a candidate (${(error as Error).message})`);
      }
      corpusSets.set(id, set);
      return set;
    };

    const batchSet = async (id: string): Promise<ShingleSet> => {
      const kept = batchSets.get(id);
      if (kept) return kept;
      return hasher.shingleSetOfNormalized(normalizeText(await options.batchText!(id)));
    };

    for await (const document of batch) {
      const prepared =
        'signature' in document && document.shingles
          ? this.asPrepared(document)
          : prepareDocument(document as DedupDocument, this.options, true);
      const shingles = prepared.shingles!;
      const warnings: string[] = [];
      const findings: DuplicateFinding[] = [];
      const batchFindings: DuplicateFinding[] = [];
      let status: CheckStatus = 'new';
      const own = this.slotOf.get(prepared.id);
      let base: string | null | undefined;
      try {
        base = await options.revisionBase?.(prepared.id);
        if (base !== undefined && base !== null && typeof base !== 'string') {
          throw new Error(`revisionBase returned ${typeof base}, not a string`);
        }
      } catch (error) {
        warnings.push(
          `${prepared.id}: could not load the text it revises; compared with the indexed text (${(error as Error).message})`,
        );
        base = undefined;
      }
      if (typeof base === 'string') {
        const normalized = normalizeText(base);
        if (fingerprintOfNormalized(normalized) === prepared.fingerprint) {
          status = 'unchanged';
        } else {
          status = 'revision';
          const similarity = jaccard(shingles, hasher.shingleSetOfNormalized(normalized));
          findings.push(revisionFinding(prepared.id, similarity, true));
        }
      } else if (base === null) {
        // No version has the id: whatever the index holds for it (a staged text) is not what it revises.
      } else if (own !== undefined) {
        if (this.fingerprints[own] === prepared.fingerprint) {
          status = 'unchanged';
        } else {
          status = 'revision';
          const stored = await corpusSet(prepared.id, warnings);
          const similarity = stored ? jaccard(shingles, stored) : estimate(this.signatureAt(own), prepared.signature);
          findings.push(revisionFinding(prepared.id, similarity, stored !== null));
        }
      }
      if (prepared.length === 0) {
        if (status === 'new') status = 'empty';
      } else {
        const exact = this.exactMatches(prepared.fingerprint, prepared.id);
        for (const other of exact) {
          findings.push({ kind: 'exact', other, similarity: 1, reason: `same normalised text as ${other}` });
        }
        // Verify each distinct stored text once: copies share a fingerprint and so a similarity.
        const byFingerprint = new Map<string, number | null>([[prepared.fingerprint, null]]);
        for (const other of this.candidates(prepared.signature, prepared.id)) {
          const otherFingerprint = this.fingerprints[this.slotOf.get(other)!]!;
          let similarity = byFingerprint.get(otherFingerprint);
          if (similarity === null) continue;
          if (similarity === undefined) {
            const stored = await corpusSet(other, warnings);
            if (!stored) continue;
            similarity = jaccard(shingles, stored);
            byFingerprint.set(otherFingerprint, similarity);
          }
          if (similarity >= threshold) {
            findings.push({ kind: 'near', other, similarity, reason: nearReason(other, similarity, this.options) });
          }
        }
        if (status === 'new') {
          if (exact.length > 0) status = 'exact';
          else if (findings.some((finding) => finding.kind === 'near')) status = 'near';
        }
        // Against earlier pages of this batch.
        for (const other of batchIndex.exactMatches(prepared.fingerprint, prepared.id)) {
          batchFindings.push({
            kind: 'exact',
            other,
            similarity: 1,
            reason: `same normalised text as ${other} (this batch)`,
          });
        }
        for (const other of batchIndex.candidates(prepared.signature, prepared.id)) {
          if (batchFindings.some((finding) => finding.other === other)) continue;
          const similarity = jaccard(shingles, await batchSet(other));
          if (similarity >= threshold) {
            batchFindings.push({
              kind: 'near',
              other,
              similarity,
              reason: `${nearReason(other, similarity, this.options)} (this batch)`,
            });
          }
        }
      }
      findings.sort(byFinding(prepared.id));
      batchFindings.sort(byFinding(prepared.id));
      const { shingles: _shingles, ...withoutShingles } = prepared;
      batchIndex.add(withoutShingles);
      if (!options.batchText) batchSets.set(prepared.id, shingles);
      results.push({
        id: prepared.id,
        fingerprint: prepared.fingerprint,
        status,
        findings,
        nearest: findings[0] ?? null,
        batch: batchFindings,
        warnings,
      });
    }
    return results;
  }

  /**
   * The document of `ids` that should represent a cluster: earliest fetch time, then longest
   * normalised text, then smallest id.
   */
  representativeOf(ids: string[]): string | undefined {
    let best: { id: string; length: number; fetchedAt: number | null } | undefined;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      const fetched = this.fetched[slot]!;
      const candidate = { id, length: this.lengths[slot]!, fetchedAt: Number.isNaN(fetched) ? null : fetched };
      if (!best || compareRepresentative(candidate, best) < 0) best = candidate;
    }
    return best?.id;
  }

  /**
   * Compact bytes: a magic string, a JSON header (options, ids, fingerprints, lengths, fetch
   * times), the signatures as little-endian int32, and a SHA-256 of all that. Band tables are
   * rebuilt on load (a fraction of a second for 100,000 documents).
   */
  serialize(): Uint8Array {
    const slots = [...this.slotOf.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map((entry) => entry[1]);
    const header: IndexHeader = {
      format: 'corpuskit-dedup-index',
      version: FORMAT_VERSION,
      options: this.options,
      ids: slots.map((slot) => this.ids[slot]!),
      fingerprints: slots.map((slot) => this.fingerprints[slot]!),
      lengths: slots.map((slot) => this.lengths[slot]!),
      fetchedAt: slots.map((slot) => (Number.isNaN(this.fetched[slot]!) ? null : this.fetched[slot]!)),
    };
    const k = this.options.permutations;
    const ordered = new Int32Array(slots.length * k);
    slots.forEach((slot, d) => ordered.set(this.signatures.subarray(slot * k, slot * k + k), d * k));
    return encodeIndex(header, ordered);
  }

  /** Load bytes written by `serialize`; `dedup.corrupt-index` (kind corrupt) when they do not verify. */
  static deserialize(bytes: Uint8Array): DedupIndex {
    const { header, signaturesAt, signaturesEnd } = decodeIndex(bytes);
    const index = new DedupIndex(header.options);
    const k = index.options.permutations;
    const count = header.ids.length;
    if (signaturesAt + count * k * 4 !== signaturesEnd) corruptIndex('signature block has the wrong size');
    index.reserve(count);
    const all = readInt32s(bytes, signaturesAt, count * k);
    for (let d = 0; d < count; d++) {
      const signature = all.subarray(d * k, (d + 1) * k);
      index.add({
        id: header.ids[d]!,
        fingerprint: header.fingerprints[d]!,
        signature,
        length: header.lengths[d]!,
        fetchedAt: header.fetchedAt[d] ?? null,
        key: index.key,
      });
    }
    return index;
  }

  private asPrepared(document: DedupDocument | PreparedDocument): PreparedDocument {
    if ('signature' in document) {
      if (document.key !== this.key || document.signature.length !== this.options.permutations) {
        throw dedupError(
          'dedup.options-mismatch',
          `prepared with options ${document.key}, the index uses ${this.key}`,
          { subject: document.id },
        );
      }
      if (typeof document.id !== 'string' || document.id === '') {
        throw dedupError('dedup.bad-input', 'a document needs a non-empty string id');
      }
      return document;
    }
    return prepareDocument(document, this.options);
  }

  /** Make room for `count` documents up front (loading, rebuilding). */
  reserve(count: number): void {
    if (count <= this.capacity) return;
    this.grow(count);
    for (let band = 0; band < this.heads.length; band++) {
      if (this.heads[band]!.size === 0) this.heads[band] = new IntMap(count);
    }
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.live + this.free.length >= this.capacity) this.grow(Math.max(64, this.capacity * 2));
    return this.live + this.free.length;
  }

  private grow(capacity: number): void {
    const { permutations, bands } = this.options;
    const lengths = new Int32Array(capacity);
    lengths.set(this.lengths);
    const fetched = new Float64Array(capacity);
    fetched.set(this.fetched);
    const signatures = new Int32Array(capacity * permutations);
    signatures.set(this.signatures);
    const next = new Int32Array(capacity * bands);
    next.set(this.next);
    const banded = new Uint8Array(capacity);
    banded.set(this.banded);
    this.lengths = lengths;
    this.fetched = fetched;
    this.signatures = signatures;
    this.next = next;
    this.banded = banded;
    this.capacity = capacity;
  }

  private signatureAt(slot: number): Signature {
    const k = this.options.permutations;
    return this.signatures.subarray(slot * k, slot * k + k);
  }

  /** True when another index was built with the same signature options. */
  compatibleWith(other: DedupIndex): boolean {
    return sameSignatureOptions(this.options, other.options);
  }
}
