import { stat } from 'node:fs/promises';

import type { SiteRules } from '@corpuskit/clean';
import type {
  CanonicalConflictFinding,
  CleanDocument,
  DocumentRecord,
  DocumentStatus,
  Finding,
  NotArticleFinding,
  Removal,
} from '@corpuskit/document';
import {
  DEFAULT_MAX_BYTES,
  SCHEMA_VERSION,
  fileDocumentId,
  hostOf,
  toCorpusKitError,
  tryCanonicalizeUrl,
} from '@corpuskit/document';
import type { CorpusKitError } from '@corpuskit/document';

import type { CleanFn, CleanTask } from './clean-task.js';
import { cleanInProcess } from './clean-task.js';
import { ingestError } from './errors.js';
import { expandInputs } from './expand.js';
import type { InputFile } from './expand.js';
import { pagesOf, stdinPage } from './pages.js';
import type { ContainerSummary, PageInput, PageItem, StdinPage } from './pages.js';
import type {
  CorpusPort,
  CorpusReader,
  CorpusSession,
  PreviousDecision,
  RepeatedLinesPort,
  StagedOutcome,
} from './ports.js';
import type { UrlList } from './url-list.js';

/** What happened to one input file. */
export type Outcome = 'new' | 'updated' | 'unchanged' | 'superseded' | 'rejected' | 'failed';

export interface FileResult {
  source: string;
  /** The document id, once known. */
  id: string | null;
  outcome: Outcome;
  status: DocumentStatus | null;
  title: string | null;
  findings: Finding[];
  error: { code: string; kind: string; message: string } | null;
  /** The cleaner's non-fatal problems (e.g. invalid bytes for the declared charset). */
  warnings: string[];
  /** For `superseded`: the file with the same id given later, which was staged instead. */
  supersededBy?: string;
  /**
   * `rejected`: the earlier decision that keeps this content out (previously rejected, or
   * accepted for removal); also set, with `reconsidered: true`, when it was set aside.
   */
  previously?: PreviousDecision;
  /** The document's earlier approval (or rejection) was for other content: it is pending again. */
  stale?: NonNullable<StagedOutcome['stale']>;
}

export interface IngestCounts {
  files: number;
  new: number;
  updated: number;
  unchanged: number;
  exactDuplicates: number;
  nearDuplicates: number;
  suspect: number;
  superseded: number;
  /** Staged rejected: the same content was rejected (or removed) before. */
  previouslyRejected: number;
  /** Staged pending again although rejected before (`reconsider`). */
  reconsidered: number;
  /** Approvals (or rejections) that went stale because the content changed. */
  stale: number;
  failed: number;
  skipped: number;
  /** Records read from WARC files (pages and skipped records). */
  records: number;
  /** WARC records passed over: requests, revisits, metadata, non-HTML responses. */
  skippedRecords: number;
}

export interface IngestResult {
  counts: IngestCounts;
  /** One entry per file, sorted by source. */
  files: FileResult[];
  failed: Array<{ source: string; code: string; error: string }>;
  /** Paths passed over on purpose (sidecars, hidden files, saved-page asset folders, links leaving the folder). */
  skipped: string[];
  /** Things passed over that the user should hear of, each naming its path (a link leading outside the folder). */
  warnings: Array<{ source: string; message: string }>;
  /** True when the run was interrupted; files not reached are listed as failed with `ingest.interrupted`. */
  interrupted: boolean;
  /** Each WARC file read: records, pages, and records skipped by reason. */
  containers: ContainerSummary[];
  /**
   * Set when staging could not be written (disk full, another I/O error): the corpus is as it
   * was, and every page that was not staged is listed as failed with this error.
   */
  stagingError?: { code: string; kind: string; message: string; path: string | null };
}

export interface IngestEvent {
  source: string;
  /**
   * `cleaned` once a page is cleaned (its final outcome comes at staging); `failed` otherwise;
   * `skipped` for a WARC record passed over; `found` when a WARC record is read (one more item
   * to count: the progress total grows as a WARC streams).
   */
  kind: 'cleaned' | 'failed' | 'skipped' | 'found';
  error?: CorpusKitError;
}

export interface IngestOptions {
  /** Relative inputs are resolved against this. */
  cwd: string;
  /** How to clean a page; defaults to @corpuskit/clean in this thread. */
  cleanFn?: CleanFn;
  /** Pages cleaned at once (match the pool's size so a task starts when submitted). Default 1. */
  concurrency?: number;
  /**
   * Ask `cleanFn` to compress the raw bytes for the store too (`CleanTask.deflateRaw`), which
   * moves that work off this thread when `cleanFn` runs in other threads. Default false.
   */
  deflateRaw?: boolean;
  /** Refuse files (and WARC payloads) larger than this (default 64 MiB): counted on the bytes read, not on what `stat` says. */
  maxBytes?: number;
  /** Follow symbolic links that lead outside the folders given (default: skip them with a warning). */
  followSymlinks?: boolean;
  /** Origins of files by absolute path (`readUrlList`): they win over sidecars and hints. */
  urls?: UrlList;
  /** The page for the input `-`. */
  stdin?: StdinPage;
  /** Per-page time limit passed to the cleaner (which checks it between its stages). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called as each file is cleaned or fails, for progress. */
  onEvent?: (event: IngestEvent) => void;
  /** Called once the inputs are expanded, with the number of files. */
  onStart?: (total: number) => void;
  /** Called when staging starts (after every page is cleaned), e.g. to time the two phases. */
  onStaging?: () => void;
  /** Per-site rules to clean with (null: none); default: the corpus's own (`CorpusSession.siteRules`). */
  siteRules?: SiteRules | null;
}

interface Cleaned {
  source: string;
  /** Discovery order, for "the one given last wins". */
  seq: number;
  id: string;
  /**
   * The raw bytes again, for staging. Not kept in memory between cleaning and staging (a batch
   * of thousands of pages would hold them all); re-read and checked against the hash the
   * cleaner recorded.
   */
  raw: () => Promise<Uint8Array>;
  document: CleanDocument;
  contentHash: string;
  /** The raw bytes compressed for the store by the cleaning thread, when it did that. */
  rawDeflated?: Uint8Array;
  /**
   * Where the page itself came from (its URL, else `file:` and its path) when its id is a
   * canonical URL it declares that names somewhere else: the claim `canonicalConflict` checks.
   */
  claimedFrom?: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Run `worker` over `items` with at most `limit` in flight; stop taking new items once aborted. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  worker: (item: T, index: number) => Promise<void>,
): Promise<Set<T>> {
  const reached = new Set<T>();
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      const item = items[index]!;
      reached.add(item);
      await worker(item, index);
    }
  });
  await Promise.all(lanes);
  return reached;
}

/** Like `forEachLimited`, over an async stream shared by the lanes (so a WARC is read as it is cleaned). */
async function forEachStreamed<T>(
  items: AsyncIterator<T>,
  limit: number,
  signal: AbortSignal | undefined,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  let done = false;
  const lanes = Array.from({ length: Math.max(1, limit) }, async () => {
    while (!done && !signal?.aborted) {
      const next = await items.next();
      if (next.done) {
        done = true;
        return;
      }
      await worker(next.value);
    }
  });
  try {
    await Promise.all(lanes);
  } finally {
    await items.return?.(undefined);
  }
}

function failure(source: string, error: CorpusKitError): FileResult {
  return {
    source,
    id: null,
    outcome: 'failed',
    status: null,
    title: null,
    findings: [],
    error: { code: error.code, kind: error.kind, message: error.message },
    warnings: [],
  };
}

/** The document id: the page's canonical URL, else the URL its origin gives, else `file:` + its relative path. */
export function documentIdFor(
  document: Pick<CleanDocument, 'metadata'>,
  hints: { declaredCanonical: string | null; url: string | null },
  relative: string,
): string {
  return (
    tryCanonicalizeUrl(document.metadata.canonicalUrl) ??
    hints.declaredCanonical ??
    tryCanonicalizeUrl(hints.url) ??
    fileDocumentId(relative)
  );
}

/** Clean one page (its bytes already read and unpacked). Throws a CorpusKitError naming it. */
async function cleanPage(
  page: PageInput,
  lines: RepeatedLinesPort,
  cleanFn: CleanFn,
  maxBytes: number,
  timeoutMs: number | undefined,
  deflateRaw: boolean,
  siteRules: SiteRules | null,
): Promise<Cleaned> {
  const host = hostOf(page.declaredCanonical ?? tryCanonicalizeUrl(page.url) ?? '');
  const task: CleanTask = {
    bytes: page.bytes,
    source: page.source,
    url: page.url,
    fetchedAt: page.fetchedAt,
    headers: page.headers,
    repeatedLines: host ? lines.linesFor(host) : {},
    ...(siteRules ? { siteRules } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    maxBytes,
    ...(deflateRaw ? { deflateRaw } : {}),
  };
  const cleaned = await cleanFn(task);
  const { document } = cleaned;
  if (document.status === 'error') {
    const reason = document.reasons.map((r) => r.message).join('; ') || 'the cleaner could not clean it';
    throw ingestError('input', 'clean-failed', reason, { subject: page.source });
  }
  if (page.container) document.provenance.container = page.container;
  const id = documentIdFor(document, page, page.relative);
  const address = tryCanonicalizeUrl(page.url) ?? fileDocumentId(page.relative);
  return {
    source: page.source,
    seq: page.seq,
    id,
    ...(id !== address ? { claimedFrom: address } : {}),
    raw: page.reread,
    document,
    contentHash: cleaned.contentHash,
    ...(cleaned.rawDeflated ? { rawDeflated: cleaned.rawDeflated } : {}),
  };
}

/**
 * The order pages are handed to the cleaners: largest first (ties in input order), so the
 * slowest pages do not start last and leave every other worker idle at the end of a batch.
 * Results do not depend on it. A file that cannot be stat'ed goes last; reading it reports why.
 */
async function largestFirst(files: readonly InputFile[]): Promise<InputFile[]> {
  const sizes = new Map<InputFile, number>();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: Math.min(16, queue.length) }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        sizes.set(
          file,
          await stat(file.path).then(
            (info) => info.size,
            () => -1,
          ),
        );
      }
    }),
  );
  const index = new Map(files.map((file, i) => [file, i]));
  return [...files].sort((a, b) => sizes.get(b)! - sizes.get(a)! || index.get(a)! - index.get(b)!);
}

/**
 * Stage cleaned documents in id order under the lock: compare with what the corpus has,
 * dedup against the persisted index, keep the raw bytes, count lines for the site table.
 */
async function stageCleaned(
  port: CorpusPort,
  cleaned: readonly Cleaned[],
  results: FileResult[] = [],
): Promise<FileResult[]> {
  const changed: Array<{ item: Cleaned; hash: string }> = [];
  for (const item of cleaned) {
    const hash = item.contentHash;
    if ((await port.currentContentHash(item.id)) === hash) {
      results.push({ ...baseResult(item), outcome: 'unchanged', findings: [] });
    } else {
      changed.push({ item, hash });
    }
  }
  const inputs = changed.map(({ item }) => ({
    id: item.id,
    text: item.document.text,
    fetchedAt: item.document.provenance.fetchedAt,
  }));
  const findingsOf = await port.dedup.check(inputs);
  for (const [index, { item, hash }] of changed.entries()) {
    const { document, id } = item;
    const dedupFindings = findingsOf[index] ?? [];
    const findings = [
      ...dedupFindings,
      ...canonicalConflictFindings(item, dedupFindings),
      ...notArticleFindings(document, id),
    ];
    const record: DocumentRecord = { schemaVersion: SCHEMA_VERSION, id, contentHash: hash, document, findings };
    let raw: Uint8Array;
    try {
      raw = await item.raw();
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
      results.push({ ...baseResult(item), outcome: 'rejected', findings, ...decided });
      continue;
    }
    port.dedup.add(inputs[index]!);
    const host = hostOf(id);
    if (host) port.lines.add(host, id, textBeforeRepeatedLines(document));
    if (staged.change === 'identical') results.push({ ...baseResult(item), outcome: 'unchanged', findings: [] });
    else
      results.push({ ...baseResult(item), outcome: staged.change === 'new' ? 'new' : 'updated', findings, ...decided });
  }
  await port.saveState();
  return results;
}

const PAGE_TYPE_WORDS: Record<string, string> = {
  forum: 'a forum thread',
  product: 'a product page',
  collection: 'a collection of items',
  listing: 'a listing of links',
  documentation: 'documentation',
  service: 'a service or company page',
};

/** Below this page-type confidence a page is not flagged: the model is unsure, the reviewer is not bothered. */
export const NOT_ARTICLE_MIN_CONFIDENCE = 0.6;

/**
 * A corpus of news wants articles: a page the cleaner typed as another kind, with confidence at
 * least NOT_ARTICLE_MIN_CONFIDENCE, is staged with a `not-article` finding, so the reviewer
 * decides (nothing is dropped).
 */
export function notArticleFindings(document: CleanDocument, id: string): NotArticleFinding[] {
  const pageType = document.pageType;
  if (!pageType || pageType.type === 'article' || pageType.confidence < NOT_ARTICLE_MIN_CONFIDENCE) return [];
  return [
    {
      kind: 'not-article',
      other: id,
      similarity: pageType.confidence,
      pageType: pageType.type,
      confidence: pageType.confidence,
      reason: `the page reads as ${PAGE_TYPE_WORDS[pageType.type] ?? pageType.type}, not a news article (page-type confidence ${pageType.confidence.toFixed(2)})`,
    },
  ];
}

/**
 * Below this similarity to the document its canonical URL names, a page that came from
 * somewhere else is not taken as that document's new edition (edited articles stay well
 * above it: the sample corpus's editions are 0.80 to 0.93 similar to their first versions).
 */
export const CANONICAL_CONFLICT_BELOW = 0.3;

/**
 * A page whose id is a canonical URL it declares (it came from elsewhere: another URL, or a
 * file) and that names a document already in the corpus with text that differs a lot gets a
 * `canonical-conflict` finding: staged for the reviewer, not as a silent update. The similarity
 * is dedup's verified one (the `revision` finding's, `textSimilarity`'s measure).
 */
export function canonicalConflictFindings(
  item: Pick<Cleaned, 'id' | 'claimedFrom'>,
  dedupFindings: readonly Finding[],
): CanonicalConflictFinding[] {
  if (item.claimedFrom === undefined) return [];
  const revision = dedupFindings.find((finding) => finding.kind === 'revision' && finding.other === item.id);
  if (!revision || revision.similarity >= CANONICAL_CONFLICT_BELOW) return [];
  const percent = (revision.similarity * 100).toFixed(1);
  return [
    {
      kind: 'canonical-conflict',
      other: item.id,
      similarity: revision.similarity,
      address: item.claimedFrom,
      reason: `the page (${item.claimedFrom}) declares the canonical URL ${item.id}, a document already in the corpus whose text is only ${percent}% similar: staged for review, not as an update of it`,
    },
  ];
}

function baseResult(item: Cleaned): Pick<FileResult, 'source' | 'id' | 'status' | 'title' | 'error' | 'warnings'> {
  return {
    source: item.source,
    id: item.id,
    status: item.document.status,
    title: item.document.title,
    error: null,
    warnings: item.document.warnings,
  };
}

/**
 * The text as it would be without the repeated-line option: the kept text plus the blocks the
 * table made `clean` remove, so a line keeps being counted once it is removed.
 */
export function textBeforeRepeatedLines(document: Pick<CleanDocument, 'text' | 'removed'>): string {
  const repeated = document.removed.filter((removal) => removal.category === 'repeated').map((removal) => removal.text);
  return repeated.length === 0 ? document.text : [document.text, ...repeated].join('\n\n');
}

function summarize(
  files: FileResult[],
  skipped: string[],
  interrupted: boolean,
  warnings: IngestResult['warnings'] = [],
  containers: ContainerSummary[] = [],
): IngestResult {
  files.sort((a, b) => compare(a.source, b.source) || compare(a.id ?? '', b.id ?? ''));
  const count = (outcome: Outcome) => files.filter((f) => f.outcome === outcome).length;
  const staged = files.filter((f) => f.outcome === 'new' || f.outcome === 'updated');
  const counts: IngestCounts = {
    files: files.length,
    new: count('new'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    exactDuplicates: staged.filter((f) => f.findings.some((x) => x.kind === 'exact')).length,
    nearDuplicates: staged.filter((f) => f.findings.some((x) => x.kind === 'near')).length,
    suspect: files.filter((f) => f.status === 'suspect' && f.outcome !== 'failed').length,
    superseded: count('superseded'),
    previouslyRejected: count('rejected'),
    reconsidered: files.filter((f) => f.previously?.reconsidered).length,
    stale: files.filter((f) => f.stale).length,
    failed: count('failed'),
    skipped: skipped.length,
    records: containers.reduce((sum, c) => sum + c.records, 0),
    skippedRecords: containers.reduce((sum, c) => sum + (c.records - c.pages), 0),
  };
  const failed = files
    .filter((f) => f.outcome === 'failed')
    .map((f) => ({ source: f.source, code: f.error!.code, error: f.error!.message }));
  return { counts, files, failed, skipped, warnings, interrupted, containers };
}

/**
 * Ingest files, folders and globs into a corpus: clean each page (concurrently, through
 * `cleanFn`), then, under one lock, dedup and stage them in id order. The result is the same
 * whatever the concurrency and whatever order the pages finish in: everything order-dependent
 * (dedup, staging, the repeated-line table) runs on the id-sorted list after cleaning, and
 * cleaning uses the repeated-line table as it was when the batch started.
 */
export async function ingest(
  session: CorpusSession,
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestResult> {
  if (inputs.length === 0) throw ingestError('usage', 'no-inputs', 'nothing to ingest: give files, folders or globs');
  const cleanFn = options.cleanFn ?? cleanInProcess;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fileInputs = inputs.filter((input) => input !== '-');
  if (fileInputs.length < inputs.length && !options.stdin) {
    throw ingestError('usage', 'no-stdin', "'-' reads a page from standard input, but none was given");
  }
  const expanded =
    fileInputs.length > 0
      ? await expandInputs(fileInputs, { cwd: options.cwd, followSymlinks: options.followSymlinks ?? false })
      : { files: [], failures: [], skipped: [], warnings: [] };
  const results: FileResult[] = expanded.failures.map((f) => failure(f.source, f.error));
  for (const f of expanded.failures) options.onEvent?.({ source: f.source, kind: 'failed', error: f.error });
  const stdinCount = fileInputs.length < inputs.length ? 1 : 0;
  options.onStart?.(expanded.files.length + stdinCount);

  const lines = await session.snapshotLines();
  const siteRules = options.siteRules !== undefined ? options.siteRules : ((await session.siteRules?.()) ?? null);
  const cleaned: Cleaned[] = [];
  const containers: ContainerSummary[] = [];
  const reached = new Set<InputFile>();
  const handle = async (item: PageItem) => {
    if (item.kind === 'skipped') {
      options.onEvent?.({ source: item.source, kind: 'skipped' });
      return;
    }
    if (item.kind === 'failed') {
      results.push(failure(item.source, item.error));
      options.onEvent?.({ source: item.source, kind: 'failed', error: item.error });
      return;
    }
    const { page } = item;
    try {
      cleaned.push(
        await cleanPage(page, lines, cleanFn, maxBytes, options.timeoutMs, options.deflateRaw ?? false, siteRules),
      );
      options.onEvent?.({ source: page.source, kind: 'cleaned' });
    } catch (error) {
      const wrapped = toCorpusKitError(error, page.source);
      results.push(failure(page.source, wrapped));
      options.onEvent?.({ source: page.source, kind: 'failed', error: wrapped });
    }
  };
  if (stdinCount > 0) {
    try {
      await handle({ kind: 'page', page: await stdinPage(options.stdin!, 0, maxBytes) });
    } catch (error) {
      await handle({ kind: 'failed', source: '-', error: toCorpusKitError(error, '-') });
    }
  }
  // Largest files first (see largestFirst); `seq` keeps the input order for "the last one given wins".
  const inputOrder = new Map(expanded.files.map((file, index) => [file, index]));
  const stream = pagesOf(await largestFirst(expanded.files), {
    maxBytes,
    orderOf: (file) => inputOrder.get(file) ?? 0,
    ...(options.urls ? { urls: options.urls } : {}),
    onFile: (file) => reached.add(file),
    onContainer: (summary) => {
      if (!containers.includes(summary)) containers.push(summary);
    },
  });
  const counted = (async function* () {
    for await (const item of stream) {
      // A WARC record is one more item for the progress total.
      const record = item.kind === 'skipped' || (item.kind === 'page' && item.page.container?.format === 'warc');
      if (record) options.onEvent?.({ source: item.kind === 'page' ? item.page.source : item.source, kind: 'found' });
      yield item;
    }
  })();
  await forEachStreamed(counted, options.concurrency ?? 1, options.signal, handle);
  const interrupted = reached.size < expanded.files.length || (options.signal?.aborted ?? false);
  for (const file of expanded.files) {
    if (!reached.has(file)) {
      results.push(
        failure(
          file.source,
          ingestError('input', 'interrupted', 'not ingested: the run was interrupted', { subject: file.source }),
        ),
      );
    }
  }

  // Same id twice in one batch: the one given last (inputs in the order given, each folder's
  // files by path) is staged, as if the inputs had been ingested one after another.
  cleaned.sort((a, b) => compare(a.id, b.id) || a.seq - b.seq);
  const winners: Cleaned[] = [];
  for (let i = 0; i < cleaned.length; i += 1) {
    const item = cleaned[i]!;
    const later = cleaned[i + 1];
    if (later && later.id === item.id) {
      const last = cleaned.filter((c) => c.id === item.id).at(-1)!;
      results.push({
        source: item.source,
        id: item.id,
        outcome: 'superseded',
        status: item.document.status,
        title: item.document.title,
        findings: [],
        error: null,
        warnings: item.document.warnings,
        supersededBy: last.source,
      });
      continue;
    }
    winners.push(item);
  }
  options.onStaging?.();
  const stagingError = await stageReporting(session, winners, results);
  const summary = summarize(results, expanded.skipped, interrupted, expanded.warnings, containers);
  return stagingError ? { ...summary, stagingError } : summary;
}

/**
 * Stage under the lock and push the results. When the corpus cannot be written (an I/O error:
 * disk full, a file size limit, a failing disk), the transaction leaves the corpus as it was;
 * every page is then reported: those the store already made durable (a long batch flushes on
 * the way) with their outcome, the rest as failed with the error, which names the path.
 */
async function stageReporting(
  session: CorpusSession,
  winners: readonly Cleaned[],
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
      results.push({ ...baseResult(item), outcome: changed ? 'updated' : 'unchanged', findings: [] });
    }
    return { ...summarize(results, [], false), dryRun: true, changes, checked: records.length };
  }
  options.onStaging?.();
  if (cleaned.length > 0) {
    const staged = await session.write((port) => stageCleaned(port, cleaned));
    results.push(...staged);
  }
  return { ...summarize(results, [], false), dryRun: false, changes, checked: records.length };
}
