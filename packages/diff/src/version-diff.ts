import pc from 'picocolors';

import { toCorpusKitError } from '@corpuskit/document';

import { diffDocuments } from './document-diff.js';
import type { DiffOptions } from './document-diff.js';
import { DIFF_SCHEMA_VERSION } from './model.js';
import type { DocumentDiff } from './model.js';
import { countWords } from './tokenize.js';
import { diffError } from './errors.js';

/** One document in a version's manifest, as the store lists it. */
export interface VersionEntry {
  id: string;
  contentHash: string;
  /** Hash of the stored record (what `load` reads). */
  record: string;
}

/** What `load` returns: the content of one stored document. */
export interface LoadedDocument {
  title: string | null;
  text: string;
  metadata?: object | null;
}

/**
 * What a corpus-version diff needs, structurally: the manifest comparison (cheap, from the
 * store) and a way to load one document. `@corpuskit/store` provides this shape; any other
 * source can too.
 */
export interface VersionDiffSource<E extends VersionEntry = VersionEntry> {
  changes: {
    added: E[];
    removed: E[];
    modified: Array<{ old: E; new: E }>;
    unchanged: number;
  };
  load(entry: E): Promise<LoadedDocument>;
}

export interface VersionDiffOptions extends DiffOptions {
  /** Documents loaded and diffed at the same time. Default 4. */
  concurrency?: number;
  /** Stops the work early (the iterator ends). */
  signal?: AbortSignal;
}

/** Counts first: what changed between two versions. `renamed` = the same content under a new id. */
export interface VersionSummary {
  added: number;
  removed: number;
  modified: number;
  renamed: number;
  unchanged: number;
}

export type DocumentChangeKind = 'added' | 'removed' | 'modified' | 'renamed';

/** One changed document, small enough to keep for every document of a large diff. */
export interface DocumentChange {
  id: string;
  change: DocumentChangeKind;
  /** For `renamed`: the id it had before. */
  from?: string;
  oldContentHash: string | null;
  newContentHash: string | null;
  title: string | null;
  wordsAdded: number;
  wordsRemoved: number;
  /** Share of words kept (0 for added and removed, 1 for renamed). */
  similarity: number;
  /** Metadata fields that changed (modified documents). */
  metadata: string[];
  /** Paragraph counts of the document diff (modified documents). */
  blocks?: DocumentDiff['stats']['blocks'];
  /** Set when the document could not be loaded or diffed; the rest of the diff goes on. */
  error?: { code: string; message: string };
}

/** The JSON of a version diff: summary first, then documents by size of change. */
export interface VersionDiffJson {
  schemaVersion: typeof DIFF_SCHEMA_VERSION;
  kind: 'version-diff';
  summary: VersionSummary;
  documents: DocumentChange[];
  /** Documents left out by a `limit`. */
  omitted: number;
}

export interface VersionDiff<E extends VersionEntry = VersionEntry> {
  summary: VersionSummary;
  added: E[];
  removed: E[];
  renamed: Array<{ old: E; new: E }>;
  modified: Array<{ old: E; new: E }>;
  /** Every changed document, computed one by one (a few at a time) in manifest order; nothing is kept. */
  changes(): AsyncGenerator<DocumentChange>;
  /** A page of documents ranked by size of change; keeps only `offset + limit` records while ranking. */
  ranked(page?: { offset?: number; limit?: number }): Promise<{ total: number; documents: DocumentChange[] }>;
  /** The full document diff of one modified or renamed document (by its new id), or of an added / removed one. */
  document(id: string): Promise<DocumentDiff>;
}

function sizeOf(change: DocumentChange): number {
  return change.wordsAdded + change.wordsRemoved;
}

/** Larger changes first; ties by metadata changes, then id. */
export function compareBySize(a: DocumentChange, b: DocumentChange): number {
  return sizeOf(b) - sizeOf(a) || b.metadata.length - a.metadata.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function checkSource(source: unknown): asserts source is VersionDiffSource {
  const s = source as Partial<VersionDiffSource> | null;
  const c = s?.changes;
  if (
    !s ||
    typeof s.load !== 'function' ||
    !c ||
    !Array.isArray(c.added) ||
    !Array.isArray(c.removed) ||
    !Array.isArray(c.modified) ||
    typeof c.unchanged !== 'number'
  ) {
    throw diffError(
      'diff.bad-source',
      'a version diff needs { changes: { added, removed, modified, unchanged }, load(entry) }',
    );
  }
}

/** Pair removed and added entries with the same content hash: renames. */
function findRenames<E extends VersionEntry>(
  added: E[],
  removed: E[],
): {
  added: E[];
  removed: E[];
  renamed: Array<{ old: E; new: E }>;
} {
  const byHash = new Map<string, E[]>();
  for (const entry of removed) {
    const list = byHash.get(entry.contentHash);
    if (list) list.push(entry);
    else byHash.set(entry.contentHash, [entry]);
  }
  const renamed: Array<{ old: E; new: E }> = [];
  const stillAdded: E[] = [];
  const used = new Set<E>();
  for (const entry of added) {
    const old = byHash.get(entry.contentHash)?.shift();
    if (old) {
      renamed.push({ old, new: entry });
      used.add(old);
    } else stillAdded.push(entry);
  }
  return { added: stillAdded, removed: removed.filter((entry) => !used.has(entry)), renamed };
}

/**
 * Diff two corpus versions: the summary at once (from the manifest comparison), then the
 * per-document changes on demand, streamed or ranked by size, never all diffs at once.
 */
export function diffVersions<E extends VersionEntry>(
  source: VersionDiffSource<E>,
  options: VersionDiffOptions = {},
): VersionDiff<E> {
  checkSource(source);
  const { concurrency = 4, signal, ...diffOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw diffError('diff.bad-concurrency', `concurrency must be a positive integer (got ${concurrency})`);
  }
  const { added, removed, renamed } = findRenames(source.changes.added, source.changes.removed);
  const modified = source.changes.modified;
  const summary: VersionSummary = {
    added: added.length,
    removed: removed.length,
    modified: modified.length,
    renamed: renamed.length,
    unchanged: source.changes.unchanged,
  };

  const load = async (entry: E): Promise<LoadedDocument> => {
    try {
      const loaded = await source.load(entry);
      if (!loaded || typeof loaded.text !== 'string') {
        throw diffError('diff.bad-document', 'the loaded document has no text', {
          subject: entry.id,
        });
      }
      return loaded;
    } catch (error) {
      throw toCorpusKitError(error, entry.id);
    }
  };

  type Task = () => Promise<DocumentChange>;
  const failed = (base: DocumentChange, error: unknown): DocumentChange => {
    const e = toCorpusKitError(error, base.id);
    return { ...base, error: { code: e.code, message: e.summary } };
  };
  const tasks: Task[] = [
    ...modified.map(({ old, new: nw }): Task => async () => {
      const base: DocumentChange = {
        id: nw.id,
        change: 'modified',
        oldContentHash: old.contentHash,
        newContentHash: nw.contentHash,
        title: null,
        wordsAdded: 0,
        wordsRemoved: 0,
        similarity: 0,
        metadata: [],
      };
      try {
        const [a, b] = await Promise.all([load(old), load(nw)]);
        const diff = diffDocuments({ ...a, id: old.id }, { ...b, id: nw.id }, diffOptions);
        return {
          ...base,
          title: b.title,
          wordsAdded: diff.stats.words.added,
          wordsRemoved: diff.stats.words.removed,
          similarity: diff.stats.similarity,
          metadata: diff.metadata.map((m) => m.field),
          blocks: diff.stats.blocks,
        };
      } catch (error) {
        return failed(base, error);
      }
    }),
    ...renamed.map(({ old, new: nw }): Task => async () => ({
      id: nw.id,
      change: 'renamed',
      from: old.id,
      oldContentHash: old.contentHash,
      newContentHash: nw.contentHash,
      title: null,
      wordsAdded: 0,
      wordsRemoved: 0,
      similarity: 1,
      metadata: [],
    })),
    ...added.map(
      (entry): Task =>
        () =>
          oneSided(entry, 'added'),
    ),
    ...removed.map(
      (entry): Task =>
        () =>
          oneSided(entry, 'removed'),
    ),
  ];

  /** A document on one side only: every word of it is added (or removed). */
  async function oneSided(entry: E, change: 'added' | 'removed'): Promise<DocumentChange> {
    const base: DocumentChange = {
      id: entry.id,
      change,
      oldContentHash: change === 'removed' ? entry.contentHash : null,
      newContentHash: change === 'added' ? entry.contentHash : null,
      title: null,
      wordsAdded: 0,
      wordsRemoved: 0,
      similarity: 0,
      metadata: [],
    };
    try {
      const doc = await load(entry);
      const words = countWords(doc.text);
      return { ...base, title: doc.title, ...(change === 'added' ? { wordsAdded: words } : { wordsRemoved: words }) };
    } catch (error) {
      return failed(base, error);
    }
  }

  async function* changes(): AsyncGenerator<DocumentChange> {
    // A window of `concurrency` tasks in flight; results come out in task order.
    const inFlight: Array<Promise<DocumentChange>> = [];
    let next = 0;
    while (next < tasks.length || inFlight.length > 0) {
      while (next < tasks.length && inFlight.length < concurrency && !signal?.aborted) inFlight.push(tasks[next++]!());
      if (inFlight.length === 0) return;
      yield await inFlight.shift()!;
    }
  }

  async function ranked(page: { offset?: number; limit?: number } = {}): Promise<{
    total: number;
    documents: DocumentChange[];
  }> {
    const offset = Math.max(0, page.offset ?? 0);
    const keep = page.limit === undefined ? Infinity : offset + Math.max(0, page.limit);
    const top: DocumentChange[] = [];
    let total = 0;
    for await (const change of changes()) {
      total += 1;
      if (top.length >= keep && compareBySize(change, top[top.length - 1]!) >= 0) continue;
      // Binary insertion keeps `top` sorted and at most `keep` long.
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareBySize(top[mid]!, change) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, change);
      if (top.length > keep) top.pop();
    }
    return { total, documents: top.slice(offset) };
  }

  async function document(id: string): Promise<DocumentDiff> {
    const pair = modified.find((m) => m.new.id === id) ?? renamed.find((r) => r.new.id === id || r.old.id === id);
    if (pair) {
      const [a, b] = await Promise.all([load(pair.old), load(pair.new)]);
      return diffDocuments({ ...a, id: pair.old.id }, { ...b, id: pair.new.id }, diffOptions);
    }
    const add = added.find((entry) => entry.id === id);
    if (add) return diffDocuments({ id: null, title: null, text: '' }, { ...(await load(add)), id }, diffOptions);
    const rem = removed.find((entry) => entry.id === id);
    if (rem) return diffDocuments({ ...(await load(rem)), id }, { id: null, title: null, text: '' }, diffOptions);
    throw diffError('diff.no-such-document', 'no change to this document between the two versions', {
      subject: id,
    });
  }

  return { summary, added, removed, renamed, modified, changes, ranked, document };
}

/** The JSON form (`{ summary, documents }`), documents ranked by size of change, at most `limit` of them. */
export async function versionDiffJson(diff: VersionDiff, options: { limit?: number } = {}): Promise<VersionDiffJson> {
  const { total, documents } = await diff.ranked({ limit: options.limit });
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    kind: 'version-diff',
    summary: diff.summary,
    documents,
    omitted: total - documents.length,
  };
}

/** The summary line of a version diff. */
export function renderVersionSummary(s: VersionSummary): string {
  return `${s.added} added, ${s.removed} removed, ${s.modified} modified, ${s.renamed} renamed, ${s.unchanged} unchanged`;
}

/** Terminal text of a version diff: the summary line (unless `summary: false`), then one line per document. */
export function renderVersionText(json: VersionDiffJson, options: { color?: boolean; summary?: boolean } = {}): string {
  const c = pc.createColors(options.color === true);
  const lines = options.summary === false ? [] : [renderVersionSummary(json.summary)];
  const mark: Record<DocumentChangeKind, string> = {
    added: c.green('A'),
    removed: c.red('D'),
    modified: c.yellow('M'),
    renamed: c.cyan('R'),
  };
  for (const d of json.documents) {
    const words = `${c.green(`+${d.wordsAdded}`)} ${c.red(`-${d.wordsRemoved}`)}`;
    const extra = [
      d.change === 'modified' ? `${Math.round(d.similarity * 100)}% of words unchanged` : '',
      d.from ? `from ${d.from}` : '',
      d.metadata.length > 0 ? `metadata: ${d.metadata.join(', ')}` : '',
      d.error ? c.red(`error: ${d.error.message}`) : '',
    ].filter(Boolean);
    lines.push(`${mark[d.change]} ${d.id}  ${words}${extra.length > 0 ? `  (${extra.join('; ')})` : ''}`);
  }
  if (json.omitted > 0) lines.push(`... and ${json.omitted} more`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
