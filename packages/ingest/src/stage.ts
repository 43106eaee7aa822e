import type { DocumentRecord } from '@corpuskit/document';
import { SCHEMA_VERSION, hostOf, toCorpusKitError } from '@corpuskit/document';

import { canonicalConflictFindings, notArticleFindings, textBeforeRepeatedLines } from './findings.js';
import { ingestError } from './errors.js';
import type { CorpusPort, CorpusSession, DedupInput } from './ports.js';
import { baseResult, failure } from './results.js';
import type { Cleaned, FileResult, IngestResult, Pending } from './results.js';

const dedupInput = (item: Cleaned): DedupInput => ({
  id: item.id,
  text: item.document.text,
  fetchedAt: item.document.provenance.fetchedAt,
  ...(item.dedup ? { signature: item.dedup } : {}),
});

/**
 * Stage cleaned documents in id order under the lock: compare with what the corpus has,
 * dedup against the persisted index, keep the raw bytes, count lines for the site table.
 * Pages are loaded one at a time (twice: to check them for duplicates, then to stage them),
 * so staging holds no more than a page's text besides the small per-page results.
 */
export async function stageCleaned(
  port: CorpusPort,
  cleaned: readonly Pending[],
  results: FileResult[] = [],
): Promise<FileResult[]> {
  const changed: Pending[] = [];
  for (const item of cleaned) {
    if ((await port.currentContentHash(item.id)) === item.contentHash) {
      results.push({ ...baseResult(item), outcome: 'unchanged', findings: [] });
    } else {
      changed.push(item);
    }
  }
  const byId = new Map(changed.map((item) => [item.id, item]));
  const findingsOf = await port.dedup.check(
    (async function* () {
      for (const item of changed) yield dedupInput(await item.load());
    })(),
    async (id) => (await byId.get(id)!.load()).document.text,
  );
  for (const [index, pending] of changed.entries()) {
    const item = await pending.load();
    const { document, id } = item;
    const hash = item.contentHash;
    const dedupFindings = findingsOf[index] ?? [];
    const findings = [
      ...dedupFindings,
      ...canonicalConflictFindings(item, dedupFindings),
      ...notArticleFindings(document, id),
    ];
    const record: DocumentRecord = { schemaVersion: SCHEMA_VERSION, id, contentHash: hash, document, findings };
    let raw: Uint8Array;
    try {
      raw = item.rawBytes ?? (await item.raw());
    } catch (error) {
      const wrapped = toCorpusKitError(error, item.source);
      results.push({ ...failure(item.source, wrapped), id });
      continue;
    }
    const staged = await port.stage(record, raw, item.source, item.rawDeflated);
    const decided = {
      ...(staged.previously ? { previously: staged.previously } : {}),
      ...(staged.stale ? { stale: staged.stale } : {}),
    };
    if (staged.state === 'rejected') {
      // Kept out as before: not part of the corpus, so not indexed for dedup or line counts.
      results.push({ ...baseResult(pending), outcome: 'rejected', findings, ...decided });
      continue;
    }
    port.dedup.add(dedupInput(item));
    const host = hostOf(id);
    if (host) port.lines.add(host, id, textBeforeRepeatedLines(document));
    if (staged.change === 'identical') results.push({ ...baseResult(pending), outcome: 'unchanged', findings: [] });
    else
      results.push({
        ...baseResult(pending),
        outcome: staged.change === 'new' ? 'new' : 'updated',
        findings,
        ...decided,
      });
  }
  await port.saveState();
  return results;
}

/**
 * Stage under the lock and push the results. When the corpus cannot be written (an I/O error:
 * disk full, a file size limit, a failing disk), the transaction leaves the corpus as it was;
 * every page is then reported: those the store already made durable (a long batch flushes on
 * the way) with their outcome, the rest as failed with the error, which names the path.
 */
export async function stageReporting(
  session: CorpusSession,
  winners: readonly Pending[],
  results: FileResult[],
): Promise<IngestResult['stagingError'] | undefined> {
  if (winners.length === 0) return undefined;
  const partial: FileResult[] = [];
  try {
    await session.write((port) => stageCleaned(port, winners, partial));
    results.push(...partial);
    return undefined;
  } catch (error) {
    const wrapped = toCorpusKitError(error);
    if (wrapped.kind !== 'io') throw error;
    const path = typeof wrapped.details?.path === 'string' ? wrapped.details.path : (wrapped.subject ?? null);
    const durable = await session.stagedHashes?.().catch(() => null);
    const done = new Map(partial.map((result) => [result.source, result]));
    const notStaged = ingestError('io', 'not-staged', `not staged: ${wrapped.message}`, {
      ...(path ? { details: { path } } : {}),
    });
    for (const item of winners) {
      const result = done.get(item.source);
      const kept =
        result &&
        (result.outcome === 'failed' || result.outcome === 'unchanged' || durable?.get(item.id) === item.contentHash);
      results.push(kept ? result : { ...failure(item.source, notStaged), id: item.id });
    }
    return { code: wrapped.code, kind: wrapped.kind, message: wrapped.message, path };
  }
}
