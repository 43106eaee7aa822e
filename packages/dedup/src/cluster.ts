import { dedupError } from './errors.js';
import { bandKey } from './minhash.js';
import { resolveOptions } from './options.js';
import type { DedupOptions, DedupOptionsInput } from './options.js';
import { compareRepresentative, prepareDocument } from './prepare.js';
import type { DedupDocument, PreparedDocument } from './prepare.js';
import { sCurve } from './s-curve.js';
import type { SCurve } from './s-curve.js';
import { jaccard } from './shingles.js';
import type { ShingleSet } from './shingles.js';
import { UnionFind } from './union-find.js';

/** One verified decision about a pair: its similarity and whether it made them duplicates. */
export interface PairDecision {
  a: string;
  b: string;
  /** Exact Jaccard of the shingle sets (1 for equal fingerprints). */
  similarity: number;
  /** `exact`: same fingerprint; `near`: an LSH candidate pair, verified. */
  kind: 'exact' | 'near';
  /** True when the pair was merged (exact, or similarity >= threshold). */
  duplicate: boolean;
  reason: string;
}

export interface ClusterMember {
  id: string;
  /** Exact Jaccard with the cluster's representative (1 for the representative itself). */
  similarity: number;
  /** True when the member's fingerprint equals the representative's. */
  exact: boolean;
}

export interface Cluster {
  /** `exact` when every member has the representative's fingerprint, else `near`. */
  kind: 'exact' | 'near';
  representative: string;
  /** Representative first, then by similarity (highest first), then id. */
  members: ClusterMember[];
}

/**
 * How verified pairs become clusters. `union-find` (default): connected components, so a chain
 * A~B~C is one cluster even when A and C are below the threshold. `star`: within each component
 * the best document (earliest, longest, smallest id) takes every member within the threshold
 * of itself, then the next best of the rest, and so on: every member is within the threshold
 * of its cluster's representative.
 */
export type Linkage = 'union-find' | 'star';

export interface FindDuplicatesOptions extends DedupOptionsInput {
  linkage?: Linkage;
}

export interface DuplicateReport {
  options: DedupOptions;
  linkage: Linkage;
  sCurve: SCurve;
  /** Documents compared (not counting skipped ones). */
  documents: number;
  /** Documents with no words: never duplicates of anything. */
  skipped: Array<{ id: string; reason: string }>;
  clusters: Cluster[];
  /** Every exact pair and every verified LSH candidate, merged or not. */
  decisions: PairDecision[];
  /** Candidate pairs LSH proposed (each verified once). */
  candidates: number;
}

/**
 * Find exact and near-duplicate clusters among documents: exact fingerprints, then MinHash LSH
 * candidates verified by exact Jaccard of the shingle sets, merged by union-find (or split into
 * stars around representatives with `linkage: 'star'`). Each cluster's
 * representative is the earliest fetched, then longest, then smallest id. Deterministic: the
 * result does not depend on the order of `documents`. Throws `dedup.bad-input` for a document
 * without an id or text, or for two documents with one id.
 */
export function findDuplicates(documents: Iterable<DedupDocument>, input: FindDuplicatesOptions = {}): DuplicateReport {
  const { linkage = 'union-find', ...rest } = input;
  if (linkage !== 'union-find' && linkage !== 'star') {
    throw dedupError('dedup.bad-option', `linkage must be union-find or star (got '${String(linkage)}')`);
  }
  const options = resolveOptions(rest);
  const all: PreparedDocument[] = [];
  const seen = new Set<string>();
  const skipped: DuplicateReport['skipped'] = [];
  for (const document of documents) {
    const prepared = prepareDocument(document, options, true);
    if (seen.has(prepared.id)) {
      throw dedupError('dedup.bad-input', 'the same id was given twice', { subject: prepared.id });
    }
    seen.add(prepared.id);
    if (prepared.length === 0) skipped.push({ id: prepared.id, reason: 'no words after normalisation' });
    else all.push(prepared);
  }
  // Work in a canonical order so nothing depends on the input order.
  all.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  skipped.sort((x, y) => (x.id < y.id ? -1 : 1));
  const n = all.length;
  const sets = all.map((document) => document.shingles as ShingleSet);
  const union = new UnionFind(n);
  const decisions: PairDecision[] = [];

  // Exact: group by fingerprint; only each group's first member goes through LSH.
  const byFingerprint = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const group = byFingerprint.get(all[i]!.fingerprint);
    if (group) group.push(i);
    else byFingerprint.set(all[i]!.fingerprint, [i]);
  }
  const heads: number[] = [];
  for (const group of byFingerprint.values()) {
    heads.push(group[0]!);
    for (let m = 1; m < group.length; m++) {
      union.union(group[0]!, group[m]!);
      decisions.push({
        a: all[group[0]!]!.id,
        b: all[group[m]!]!.id,
        similarity: 1,
        kind: 'exact',
        duplicate: true,
        reason: 'same normalised text (equal fingerprints)',
      });
    }
  }

  // Near: LSH buckets per band over the group heads; every colliding pair is verified once.
  const pairs = new Set<number>();
  const candidatePairs: Array<[number, number]> = [];
  for (let band = 0; band < options.bands; band++) {
    const buckets = new Map<number, number[]>();
    for (const i of heads) {
      const key = bandKey(all[i]!.signature, band, options.rows);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = Math.min(bucket[x]!, bucket[y]!);
          const j = Math.max(bucket[x]!, bucket[y]!);
          const code = i * n + j;
          if (pairs.has(code)) continue;
          pairs.add(code);
          candidatePairs.push([i, j]);
        }
      }
    }
  }
  candidatePairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of candidatePairs) {
    const similarity = jaccard(sets[i]!, sets[j]!);
    const duplicate = similarity >= options.threshold;
    if (duplicate) union.union(i, j);
    decisions.push({
      a: all[i]!.id,
      b: all[j]!.id,
      similarity,
      kind: 'near',
      duplicate,
      reason: `${duplicate ? 'near-duplicate' : 'not a duplicate'}: verified Jaccard ${similarity.toFixed(3)} ${
        duplicate ? '>=' : '<'
      } threshold ${options.threshold} over ${options.shingleSize}-word shingles`,
    });
  }

  const clusters: Cluster[] = [];
  const similarityTo = (i: number, rep: number): number =>
    all[i]!.fingerprint === all[rep]!.fingerprint ? 1 : jaccard(sets[i]!, sets[rep]!);
  const emit = (group: number[], rep: number): void => {
    const representative = all[rep]!;
    const clusterMembers: ClusterMember[] = group.map((i) => ({
      id: all[i]!.id,
      similarity: similarityTo(i, rep),
      exact: all[i]!.fingerprint === representative.fingerprint,
    }));
    clusterMembers.sort((x, y) => {
      if (x.id === representative.id) return -1;
      if (y.id === representative.id) return 1;
      return y.similarity - x.similarity || (x.id < y.id ? -1 : 1);
    });
    clusters.push({
      kind: clusterMembers.every((member) => member.exact) ? 'exact' : 'near',
      representative: representative.id,
      members: clusterMembers,
    });
  };
  const byRepresentative = (i: number, j: number): number => compareRepresentative(all[i]!, all[j]!);
  for (const group of union.groups(2)) {
    const ordered = [...group].sort(byRepresentative);
    if (linkage === 'union-find') {
      emit(group, ordered[0]!);
      continue;
    }
    // Star linkage: the best remaining document represents every remaining member of its
    // component within the threshold of it; repeat with the rest. Deterministic (by the
    // representative order), and every member is verified against its own representative.
    let remaining = ordered;
    while (remaining.length > 1) {
      const rep = remaining[0]!;
      const star = [rep];
      const rest: number[] = [];
      for (const i of remaining.slice(1)) {
        if (similarityTo(i, rep) >= options.threshold) star.push(i);
        else rest.push(i);
      }
      if (star.length > 1) emit(star, rep);
      remaining = rest;
    }
  }
  clusters.sort((x, y) => (x.representative < y.representative ? -1 : 1));

  return {
    options,
    linkage,
    sCurve: sCurve(options.bands, options.rows, options.threshold),
    documents: n,
    skipped,
    clusters,
    decisions,
    candidates: candidatePairs.length,
  };
}
