import { stat } from 'node:fs/promises';

import type { SiteRules } from '@corpuskit/clean';
import type { CleanDocument } from '@corpuskit/document';
import { DEFAULT_MAX_BYTES, fileDocumentId, hostOf, toCorpusKitError, tryCanonicalizeUrl } from '@corpuskit/document';

import type { CleanFn, CleanTask } from './clean-task.js';
import { cleanInProcess } from './clean-task.js';
import { ingestError } from './errors.js';
import { expandInputs } from './expand.js';
import type { InputFile } from './expand.js';
import { forEachStreamed } from './lanes.js';
import { pagesOf, stdinPage } from './pages.js';
import type { ContainerSummary, PageInput, PageItem, StdinPage } from './pages.js';
import type { CorpusSession, RepeatedLinesPort } from './ports.js';
import { compare, failure, summarize } from './results.js';
import type { Cleaned, FileResult, IngestEvent, IngestResult, Pending } from './results.js';
import { CleanedSpool } from './spool.js';
import type { SpoolOptions } from './spool.js';
import { stageReporting } from './stage.js';
import type { UrlList } from './url-list.js';

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
  /** Ask `cleanFn` for each page's dedup signature too (`CleanTask.dedupSignature`). Default false. */
  dedupSignature?: boolean;
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
  /** How many cleaned pages wait for staging in memory, and where the rest wait (`CleanedSpool`). */
  spool?: SpoolOptions;
}

/** The document id: the page's canonical URL, else the URL its origin gives, else `file:` + its relative path. */
function documentIdFor(
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
  offload: Pick<CleanTask, 'deflateRaw' | 'dedupSignature'>,
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
    ...(offload.deflateRaw ? { deflateRaw: true } : {}),
    ...(offload.dedupSignature ? { dedupSignature: true } : {}),
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
    ...(page.keepBytes ? { rawBytes: page.bytes } : {}),
    ...(cleaned.dedup ? { dedup: cleaned.dedup } : {}),
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
  // Cleaned pages wait here for staging; what stays in memory per page is small (see CleanedSpool).
  const spool = new CleanedSpool(options.spool);
  try {
    const cleaned: Pending[] = [];
    const offload = { deflateRaw: options.deflateRaw ?? false, dedupSignature: options.dedupSignature ?? false };
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
          await spool.add(await cleanPage(page, lines, cleanFn, maxBytes, options.timeoutMs, offload, siteRules)),
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
    const concurrency = options.concurrency ?? 1;
    // Read ahead as many pages as are being cleaned: a cleaner that finishes starts the next page at once.
    const leftOver: string[] = [];
    await forEachStreamed(counted, concurrency, options.signal, handle, {
      readAhead: concurrency,
      // Read but not cleaned (the run was interrupted): a page is reported as such.
      onLeftOver: (item) => (item.kind === 'page' ? leftOver.push(item.page.source) : void handle(item)),
    });
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
    for (const source of leftOver) {
      results.push(
        failure(
          source,
          ingestError('input', 'interrupted', 'not ingested: the run was interrupted', { subject: source }),
        ),
      );
    }

    // Same id twice in one batch: the one given last (inputs in the order given, each folder's
    // files by path) is staged, as if the inputs had been ingested one after another.
    cleaned.sort((a, b) => compare(a.id, b.id) || a.seq - b.seq);
    const winners: Pending[] = [];
    for (let i = 0; i < cleaned.length; i += 1) {
      const item = cleaned[i]!;
      const later = cleaned[i + 1];
      if (later && later.id === item.id) {
        const last = cleaned.filter((c) => c.id === item.id).at(-1)!;
        results.push({
          source: item.source,
          id: item.id,
          outcome: 'superseded',
          status: item.status,
          title: item.title,
          findings: [],
          error: null,
          warnings: item.warnings,
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
  } finally {
    await spool.close();
  }
}
