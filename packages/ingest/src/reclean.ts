import type { SiteRules } from '@corpuskit/clean';
import type { CleanDocument, Removal } from '@corpuskit/document';
import { hostOf, toCorpusKitError } from '@corpuskit/document';

import type { CleanFn } from './clean-task.js';
import { cleanInProcess } from './clean-task.js';
import { ingestError } from './errors.js';
import { forEachLimited } from './lanes.js';
import type { CorpusReader, CorpusSession } from './ports.js';
import { baseResult, compare, failure, summarize } from './results.js';
import type { Cleaned, FileResult, IngestEvent, IngestResult } from './results.js';
import { pendingOf } from './spool.js';
import { stageCleaned } from './stage.js';

export interface RecleanOptions {
  /** Only documents of this host (e.g. `www.bbc.co.uk`). */
  site?: string;
  cleanFn?: CleanFn;
  concurrency?: number;
  signal?: AbortSignal;
  onEvent?: (event: IngestEvent) => void;
  onStart?: (total: number) => void;
  onStaging?: () => void;
  /** Per-page time limit passed to the cleaner. */
  timeoutMs?: number;
  /**
   * Per-site rules to clean with (null: none); default: the corpus's own. A preview passes the
   * rules as they would be with a proposed rule.
   */
  siteRules?: SiteRules | null;
  /** Clean and compare, but stage nothing: the result's `changes` say what a reclean would stage. */
  dryRun?: boolean;
}

/** One document a re-clean changes (or would change): what it was, what it becomes. */
export interface RecleanChange {
  id: string;
  /** Where the document's current content is: the staging area (`pending`/`accepted`) or HEAD. */
  where: 'staged' | 'committed';
  state: 'pending' | 'accepted' | null;
  title: string | null;
  before: CleanDocument;
  after: CleanDocument;
  /** Removals the new cleaning makes that the old one did not (each with its rule and, for per-site rules, `siteRule`). */
  removedAdded: Removal[];
  /** Removals of the old cleaning the new one no longer makes (text that comes back). */
  removedDropped: Removal[];
  /** Text removed by both cleanings, now by another rule (as the new cleaning reports it). */
  removedReassigned: Removal[];
}

export interface RecleanResult extends IngestResult {
  dryRun: boolean;
  /** The documents whose content changes, sorted by id (a dry run stages none of them). */
  changes: RecleanChange[];
  /** Documents cleaned again (the site's, or all). */
  checked: number;
}

const textKey = (removal: Removal) => removal.text;
const ruleKey = (removal: Removal) => `${removal.rule}\u0000${removal.siteRule ?? ''}\u0000${removal.text}`;

/** Removals in `a` that `b` does not have (by `key`; repeats counted). */
function removalsNotIn(
  a: readonly Removal[],
  b: readonly Removal[],
  removalKey: (removal: Removal) => string = textKey,
): Removal[] {
  const left = new Map<string, number>();
  for (const removal of b) left.set(removalKey(removal), (left.get(removalKey(removal)) ?? 0) + 1);
  const out: Removal[] = [];
  for (const removal of a) {
    const key = removalKey(removal);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else out.push(removal);
  }
  return out;
}

/**
 * Re-run the cleaner over the raw pages the corpus keeps (all, or one site's) with the same
 * URL, fetch time and encoding as before, the current repeated-line table and the corpus's
 * per-site rules, and stage the documents whose content changes (`dryRun`: only say which,
 * with what they were and what they become). Documents with no raw bytes fail with a clear error.
 */
export async function reclean(
  session: CorpusSession,
  reader: CorpusReader,
  options: RecleanOptions = {},
): Promise<RecleanResult> {
  const cleanFn = options.cleanFn ?? cleanInProcess;
  const site = options.site
    ?.toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  const all = await reader.currentDocuments();
  // A site's documents: its host and its subdomains (as per-site rules apply), `www.` or not.
  const bare = site?.replace(/^www\./, '');
  const ofSite = (id: string) => {
    const host = hostOf(id)?.replace(/^www\./, '');
    return host !== undefined && host !== null && (host === bare || host.endsWith(`.${bare}`));
  };
  const records = site ? all.filter((r) => ofSite(r.id)) : all;
  if (site && records.length === 0) {
    throw ingestError('not-found', 'no-documents', `no documents from ${site} in the corpus`, { subject: site });
  }
  const siteRules = options.siteRules !== undefined ? options.siteRules : ((await session.siteRules?.()) ?? null);
  const before = new Map(records.map((record) => [record.id, record]));
  options.onStart?.(records.length);
  const lines = await session.snapshotLines();
  const results: FileResult[] = [];
  const cleaned: Cleaned[] = [];
  await forEachLimited(records, options.concurrency ?? 1, options.signal, async (record) => {
    const provenance = record.document.provenance;
    const label = record.id;
    try {
      const bytes = await reader.readRaw(provenance.rawSha256);
      if (!bytes) {
        throw ingestError(
          'corrupt',
          'raw-missing',
          `the raw page ${provenance.rawSha256.slice(0, 12)} is missing from the store`,
          {
            subject: label,
          },
        );
      }
      const host = hostOf(record.id);
      const page = await cleanFn({
        bytes,
        source: provenance.source ?? label,
        url: provenance.url,
        fetchedAt: provenance.fetchedAt,
        // The charset a server declared was recorded as the encoding; give it back the same way.
        headers:
          provenance.encodingSource === 'http' ? { 'content-type': `text/html; charset=${provenance.encoding}` } : null,
        repeatedLines: host ? lines.linesFor(host) : {},
        ...(siteRules ? { siteRules } : {}),
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      });
      const sha = provenance.rawSha256;
      if (provenance.container) page.document.provenance.container = provenance.container;
      cleaned.push({
        seq: cleaned.length,
        source: label,
        id: record.id,
        contentHash: page.contentHash,
        raw: async () => {
          const again = await reader.readRaw(sha);
          if (!again)
            throw ingestError('corrupt', 'raw-missing', 'the raw page is missing from the store', { subject: label });
          return again;
        },
        document: page.document,
      });
      options.onEvent?.({ source: label, kind: 'cleaned' });
    } catch (error) {
      const wrapped = toCorpusKitError(error, label);
      results.push({ ...failure(label, wrapped), id: record.id });
      options.onEvent?.({ source: label, kind: 'failed', error: wrapped });
    }
  });
  cleaned.sort((a, b) => compare(a.id, b.id));
  const states = (await reader.stagedStates?.()) ?? new Map<string, 'pending' | 'accepted'>();
  const changes: RecleanChange[] = [];
  for (const item of cleaned) {
    const old = before.get(item.id)!;
    if (old.contentHash === item.contentHash) continue;
    const state = states.get(item.id) ?? null;
    changes.push({
      id: item.id,
      where: state ? 'staged' : 'committed',
      state,
      title: item.document.title,
      before: old.document,
      after: item.document,
      removedAdded: removalsNotIn(item.document.removed, old.document.removed),
      removedDropped: removalsNotIn(old.document.removed, item.document.removed),
      // Text removed before and now, by another rule (e.g. a per-site rule now claims it).
      removedReassigned: removalsNotIn(
        removalsNotIn(item.document.removed, old.document.removed, ruleKey),
        removalsNotIn(item.document.removed, old.document.removed),
        ruleKey,
      ),
    });
  }
  if (options.dryRun) {
    for (const item of cleaned) {
      const changed = changes.some((change) => change.id === item.id);
      results.push({ ...baseResult(pendingOf(item)), outcome: changed ? 'updated' : 'unchanged', findings: [] });
    }
    return { ...summarize(results, [], false), dryRun: true, changes, checked: records.length };
  }
  options.onStaging?.();
  if (cleaned.length > 0) {
    const staged = await session.write((port) => stageCleaned(port, cleaned.map(pendingOf)));
    results.push(...staged);
  }
  return { ...summarize(results, [], false), dryRun: false, changes, checked: records.length };
}
