import type { DedupFinding } from '@corpuskit/document';
import { normalizeText, normalizedWords, sha256, textBlocks } from '@corpuskit/document';

import type { DedupPort, RepeatedLinesPort } from './ports.js';

/*
 * Stand-ins used until @corpuskit/dedup exports its persisted index and repeated-line table:
 * exact duplicates by the hash of the normalised text, near-duplicates by the Jaccard
 * similarity of word 5-shingles compared against every indexed document (fine for the corpora
 * a person reviews; the MinHash/LSH index replaces it), and a per-site count of text blocks.
 * Both serialise to canonical JSON so the result of a batch does not depend on its order.
 */

const SHINGLE = 5;
const NEAR_THRESHOLD = 0.8;
const MAX_SHINGLES = 4000;

function shingles(text: string): Set<string> {
  const words = normalizedWords(text);
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length && out.size < MAX_SHINGLES; i += 1) {
    out.add(words.slice(i, i + SHINGLE).join(' '));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

interface IndexedDoc {
  hash: string;
  shingles: string[];
}

export class SimpleDedupIndex implements DedupPort {
  private readonly docs = new Map<string, IndexedDoc>();
  private readonly sets = new Map<string, Set<string>>();

  static fromBytes(bytes: Uint8Array | null): SimpleDedupIndex {
    const index = new SimpleDedupIndex();
    if (!bytes) return index;
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { docs: Record<string, IndexedDoc> };
    for (const [id, doc] of Object.entries(parsed.docs ?? {})) {
      index.docs.set(id, doc);
      index.sets.set(id, new Set(doc.shingles));
    }
    return index;
  }

  check(id: string, text: string): DedupFinding[] {
    const hash = sha256(normalizeText(text));
    const set = shingles(text);
    const findings: DedupFinding[] = [];
    for (const other of [...this.docs.keys()].sort()) {
      if (other === id) continue;
      const doc = this.docs.get(other)!;
      if (doc.hash === hash) {
        findings.push({ kind: 'exact', other, similarity: 1, reason: `the same text as ${other}` });
        continue;
      }
      const similarity = jaccard(set, this.sets.get(other)!);
      if (similarity >= NEAR_THRESHOLD) {
        findings.push({
          kind: 'near',
          other,
          similarity: Math.round(similarity * 1000) / 1000,
          reason: `${Math.round(similarity * 100)}% of its word 5-grams are shared with ${other}`,
        });
      }
    }
    return findings.sort((a, b) => b.similarity - a.similarity || (a.other < b.other ? -1 : 1)).slice(0, 5);
  }

  add(id: string, text: string): void {
    const set = shingles(text);
    this.docs.set(id, { hash: sha256(normalizeText(text)), shingles: [...set].sort() });
    this.sets.set(id, set);
  }

  toBytes(): Uint8Array {
    const docs = Object.fromEntries([...this.docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    return Buffer.from(JSON.stringify({ format: 'corpuskit-simple-dedup', version: 1, docs }));
  }
}

/** A block counts as repeated on a site once it appears on this many of the site's pages. */
const REPEATED_MIN_PAGES = 3;

export class SimpleRepeatedLines implements RepeatedLinesPort {
  /** host -> block -> ids of pages it appears on. */
  private readonly hosts = new Map<string, Map<string, Set<string>>>();

  static fromBytes(bytes: Uint8Array | null): SimpleRepeatedLines {
    const table = new SimpleRepeatedLines();
    if (!bytes) return table;
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
      hosts: Record<string, Record<string, string[]>>;
    };
    for (const [host, lines] of Object.entries(parsed.hosts ?? {})) {
      table.hosts.set(host, new Map(Object.entries(lines).map(([line, ids]) => [line, new Set(ids)])));
    }
    return table;
  }

  linesFor(host: string): string[] {
    const lines = this.hosts.get(host);
    if (!lines) return [];
    return [...lines.entries()]
      .filter(([, ids]) => ids.size >= REPEATED_MIN_PAGES)
      .map(([line]) => line)
      .sort();
  }

  add(host: string, id: string, text: string): void {
    let lines = this.hosts.get(host);
    if (!lines) this.hosts.set(host, (lines = new Map()));
    for (const ids of lines.values()) ids.delete(id);
    for (const block of new Set(textBlocks(text))) {
      if (block.length > 300) continue;
      let ids = lines.get(block);
      if (!ids) lines.set(block, (ids = new Set()));
      ids.add(id);
    }
    for (const [line, ids] of lines) if (ids.size === 0) lines.delete(line);
  }

  toBytes(): Uint8Array {
    const hosts: Record<string, Record<string, string[]>> = {};
    for (const host of [...this.hosts.keys()].sort()) {
      const lines = this.hosts.get(host)!;
      hosts[host] = Object.fromEntries([...lines.keys()].sort().map((line) => [line, [...lines.get(line)!].sort()]));
    }
    return Buffer.from(JSON.stringify({ format: 'corpuskit-simple-lines', version: 1, hosts }));
  }
}
