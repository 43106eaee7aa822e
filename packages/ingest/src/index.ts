export { cleanInProcess, cleanTaskReply, serializeError, warmCleaner } from './clean-task.js';
export type { CleanFn, CleanReply, CleanTask, CleanedPage } from './clean-task.js';
export type { IngestErrorCode } from './errors.js';
export { corpusDuplicates } from './corpus-duplicates.js';
export { expandInputs } from './expand.js';
export type { ExpandOptions, ExpandResult, ExpandWarning, FileFailure, InputFile } from './expand.js';
export { isMhtml, unpackMhtml } from './mhtml.js';
export type { MhtmlPage } from './mhtml.js';
export { originHints, readOrigin, readSidecar, sidecarCandidates } from './origin.js';
export type { Origin, OriginSource, Sidecar } from './origin.js';
export type { ContainerSummary, StdinPage } from './pages.js';
export {
  CANONICAL_CONFLICT_BELOW,
  NOT_ARTICLE_MIN_CONFIDENCE,
  canonicalConflictFindings,
  notArticleFindings,
  textBeforeRepeatedLines,
} from './findings.js';
export { documentIdFor, ingest } from './pipeline.js';
export { reclean } from './reclean.js';
export type { RecleanChange, RecleanOptions, RecleanResult } from './reclean.js';
export type { FileResult, IngestCounts, IngestEvent, IngestResult, Outcome } from './results.js';
export { addCorpusRule, loadCorpusRules, removeCorpusRule, saveCorpusRules } from './corpus-rules.js';
export type { CorpusRules } from './corpus-rules.js';
export type {
  CorpusPort,
  CorpusReader,
  CorpusSession,
  DedupInput,
  DedupPort,
  PreviousDecision,
  RepeatedLinesPort,
  StagedOutcome,
} from './ports.js';
export { readPageFile, readPageText, unpackContainers, unpackPage } from './read-page.js';
export type { Container, PageFile, PageText } from './read-page.js';
export { assertCleanable, sniff } from './sniff.js';
export type { Sniffed } from './sniff.js';
export { DEDUP_STATE, LINES_STATE, stagedOutcome, storeSession } from './store-session.js';
export type { StoreSessionOptions } from './store-session.js';
export { EMPTY_SUMMARY, SummaryCache, flagsOf, idHash, recordSubject, reviewItemOf, summaryOf } from './review-item.js';
export type { RecordSummary, ReviewFlag, ReviewItem } from './review-item.js';
export { MIN_SHORT_HASH, resolveShortIds, resolveShortIdsOrThrow, shortHashLength } from './short-ids.js';
export type { ResolvedIds } from './short-ids.js';
export { WHERE_HELP, matchesWhere, parseWhere, whereNeedsRecords } from './where.js';
export type { ParseWhereOptions, WhereFilter, WhereKey, WhereSubject, WhereTerm } from './where.js';
export { MAX_INPUT_BYTES, fileKind, readError, readInputFile, tooLarge } from './read-input.js';
export { readUrlList } from './url-list.js';
export type { ListedOrigin, UrlList } from './url-list.js';
export { isWarcFile, readWarc } from './warc.js';
export type { WarcItem, WarcPage, WarcSkip } from './warc.js';
export { datasetCard } from './dataset-card.js';
export type { DatasetCardInput } from './dataset-card.js';
export { DATASET_COLUMNS, datasetRow } from './dataset-row.js';
export type { DatasetRow } from './dataset-row.js';
export { EXPORT_FORMATS, exportDataset, safeFileName } from './export-dataset.js';
export type { ExportDatasetOptions, ExportFormat, ExportSummary } from './export-dataset.js';
export { ParquetShards } from './parquet-shards.js';
export type { ParquetShardOptions } from './parquet-shards.js';
export {
  DEFAULT_MAX_PAYLOAD_BYTES,
  QUEUE_FORMAT,
  cleanerIdentity,
  decodeJob,
  decodeResult,
  encodeJob,
  encodeResult,
  jobKey,
} from './queue-job.js';
export type { EncodedJob, PagePayload, QueueJob, QueueResult } from './queue-job.js';
export { diffStoredVersions } from './version-diff.js';
export type { StoredVersionDiff } from './version-diff.js';
