import { contentOf, isDocumentId, textBlocks } from '@corpuskit/document';
import type { DocumentRecord } from '@corpuskit/document';
import { positionOf, restoreRemoval } from '@corpuskit/clean';
import { describeSimilarity, textSimilarity } from '@corpuskit/dedup';
import { diffDocuments } from '@corpuskit/diff';
import type { DiffInput } from '@corpuskit/diff';
import { reviewItemOf, summaryOf } from '@corpuskit/ingest';
import type { ReviewFlag, ReviewItem } from '@corpuskit/ingest';
import type { StagedDocument, Store } from '@corpuskit/store';

import type {
  BulkDecisionResponse,
  CommitPreview,
  DecisionAction,
  DecisionResponse,
  DocumentDiffResponse,
  FindingOther,
  QueueCounts,
  QueueDetail,
  QueueItem,
  QueuePage,
  SelectionCounts,
  SelectionSummary,
  VersionEntry,
} from './api-types.js';
import { QueueIndex, positionsOf } from './queue-index.js';
import type { QueueSnapshot } from './queue-index.js';
import { checkReviewer } from './reviewer.js';
import { VersionDiffCache } from './version-diff.js';
import { reviewError } from './errors.js';

/** Most ids one request may name (a bulk accept of a filtered 10,000-document queue fits). */
const MAX_IDS = 100_000;

/** Refuse anything that is not a well-formed document id: no paths, no control characters. */
export function checkId(value: unknown): string {
  if (typeof value !== 'string' || !isDocumentId(value)) {
    throw reviewError('review.invalid-id', `not a document id: ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return value;
}

function checkIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IDS) {
    throw reviewError('review.invalid-ids', `ids must be a list of 1 to ${MAX_IDS} document ids`);
  }
  return value.map(checkId);
}

const REF = /^(?:staged|HEAD(?:~\d{1,6}|\^{1,20})?|[0-9a-f]{4,64}|[A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

/** A version reference as the store resolves it (id or prefix, tag, HEAD, HEAD~N, staged). */
export function checkRef(value: unknown): string {
  if (typeof value !== 'string' || !REF.test(value)) {
    throw reviewError('review.invalid-ref', `not a version reference: ${JSON.stringify(value)?.slice(0, 200)}`);
  }
  return value;
}

/** Most entries one queue page may hold. */
const MAX_PAGE = 1000;

/** The queue's view of a review item. */
function queueItemOf(item: ReviewItem): QueueItem {
  return {
    id: item.id,
    change: item.change,
    state: item.state,
    title: item.title,
    site: item.site,
    status: item.status,
    findings: item.findings,
    flags: item.flags,
    chars: item.chars,
    removedChars: item.removedChars,
    note: item.note,
  };
}

const FLAG_ORDER: ReviewFlag[] = [
  'exact-duplicate',
  'near-duplicate',
  'revision',
  'canonical-conflict',
  'not-article',
  'suspect',
];

/** Counts by change and flag; a `not-article` finding counts as the not-article flag. */
function selectionCounts(items: ReviewItem[]): SelectionCounts {
  const changes = { new: 0, update: 0, remove: 0 };
  const flags = new Map<ReviewFlag, number>();
  let clean = 0;
  for (const item of items) {
    changes[item.change] += 1;
    const own = new Set(item.flags);
    if (item.findings.some((finding) => finding.kind === 'not-article')) own.add('not-article');
    if (own.size === 0 && item.findings.length === 0) clean += 1;
    for (const flag of own) flags.set(flag, (flags.get(flag) ?? 0) + 1);
  }
  return {
    total: items.length,
    changes,
    flags: FLAG_ORDER.filter((flag) => flags.has(flag)).map((flag) => ({ flag, count: flags.get(flag)! })),
    clean,
  };
}

function text(value: unknown, name: string, max = 2000): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > max) {
    throw reviewError('review.invalid-query', `${name} must be text of at most ${max} characters`);
  }
  return value;
}

/**
 * What the API does, over one open store. Every read asks the store afresh (so changes made
 * from the shell show up), every write goes through the store, which takes the corpus lock
 * for that write only. The queue is served through a `QueueIndex` (pages, filters, counts).
 */
export class ReviewService {
  /** Records replaced by a restore, per id, so the restore can be undone. */
  private readonly restoreHistory = new Map<string, DocumentRecord[]>();
  readonly versionDiffs: VersionDiffCache;
  readonly queueIndex: QueueIndex;

  /**
   * @param reviewer who decides when the app does not say (from `corpuskit serve`: `--reviewer`,
   * `$CORPUSKIT_REVIEWER` or git's user.name); the app's reviewer setting overrides it.
   */
  constructor(
    readonly store: Store,
    readonly reviewer: string | null = null,
  ) {
    this.versionDiffs = new VersionDiffCache(store);
    this.queueIndex = new QueueIndex(store);
  }

  async counts(): Promise<QueueCounts> {
    return (await this.queueIndex.snapshot()).counts;
  }

  /** One page of the queue: entries passing `where` (the CLI's `--where`) and the free text `q`. */
  async queue(options: {
    where?: unknown;
    q?: unknown;
    snapshot?: unknown;
    offset: number;
    limit: number;
  }): Promise<QueuePage> {
    if (options.limit < 1 || options.limit > MAX_PAGE) {
      throw reviewError('review.invalid-query', `limit must be 1 to ${MAX_PAGE}`);
    }
    const snapshot = text(options.snapshot, 'snapshot', 200);
    const { list, current } = await this.queueIndex.list(
      text(options.where, 'where'),
      text(options.q, 'q'),
      snapshot || undefined,
    );
    const indexes = list.indexes.slice(options.offset, options.offset + options.limit);
    const items = await Promise.all(
      indexes.map(async (index) => queueItemOf(await this.queueIndex.currentItem(current, list.snapshot, index))),
    );
    return {
      counts: current.counts,
      snapshot: list.snapshot.token,
      total: list.indexes.length,
      offset: options.offset,
      items,
    };
  }

  /** What accepting the filtered list (as shown in `snapshot`) would take: its pending entries, by flag. */
  async selection(options: { where?: unknown; q?: unknown; snapshot?: unknown }): Promise<SelectionSummary> {
    const { list, current } = await this.queueIndex.list(
      text(options.where, 'where'),
      text(options.q, 'q'),
      text(options.snapshot, 'snapshot', 200) || undefined,
    );
    const pending = await this.pendingOf(list.snapshot, list.indexes, current);
    return { snapshot: list.snapshot.token, listed: list.indexes.length, ...selectionCounts(pending) };
  }

  /** Current items of a list's entries that are pending now. */
  private async pendingOf(from: QueueSnapshot, indexes: number[], current: QueueSnapshot): Promise<ReviewItem[]> {
    const positions = from === current ? null : positionsOf(current);
    // Where each listed entry is in the current state (-1: no longer staged).
    const at = indexes.map((index) => (positions ? (positions.get(from.entries[index]!.id) ?? -1) : index));
    await this.queueIndex.summariseAll(
      current,
      at.filter((index) => index >= 0).map((index) => current.entries[index]!),
    );
    const items: ReviewItem[] = [];
    for (const index of at) {
      const item = index >= 0 ? this.queueIndex.itemNow(current, index) : null;
      if (item?.state === 'pending') items.push(item);
    }
    return items;
  }

  /** Accept or reject every pending entry of the list the reviewer saw (409 when that state is gone). */
  async decideWhere(
    action: unknown,
    request: { where?: unknown; q?: unknown; snapshot?: unknown; note?: unknown; reviewer?: unknown },
  ) {
    if (action !== 'accept' && action !== 'reject') {
      throw reviewError('review.invalid-action', 'a bulk decision accepts or rejects');
    }
    const token = text(request.snapshot, 'snapshot', 200);
    if (!token) throw reviewError('review.invalid-query', 'a bulk decision names the snapshot it saw');
    const list = this.queueIndex.knownList(text(request.where, 'where'), text(request.q, 'q'), token);
    const current = await this.queueIndex.snapshot();
    const ids = (await this.pendingOf(list.snapshot, list.indexes, current)).map((item) => item.id);
    const options = { note: noteOf(request.note), by: checkReviewer(request.reviewer) ?? this.reviewer };
    const changed =
      ids.length === 0
        ? []
        : action === 'accept'
          ? await this.store.accept(ids, options)
          : await this.store.reject(ids, options);
    const result: BulkDecisionResponse = { counts: (await this.queueIndex.snapshot()).counts, ids: changed };
    return result;
  }

  /** What a commit takes now: the accepted entries, counted, and the first `limit` of them listed. */
  async commitPreview(limit: number): Promise<CommitPreview> {
    if (limit < 0 || limit > 10_000) throw reviewError('review.invalid-query', 'limit must be 0 to 10,000');
    const { list, current } = await this.queueIndex.list('state:accepted', '');
    await this.queueIndex.summariseAll(
      current,
      list.indexes.map((i) => current.entries[i]!),
    );
    const items = list.indexes.map((i) => this.queueIndex.itemNow(current, i));
    return { snapshot: current.token, ...selectionCounts(items), items: items.slice(0, limit).map(queueItemOf) };
  }

  private async staged(id: string) {
    const staged = await this.store.getStaged(id);
    if (!staged) throw reviewError('review.not-staged', 'not in the staging area', { subject: id });
    return staged;
  }

  /** The document a finding names: the corpus version for a revision, else staged first, then HEAD. */
  private async otherRecord(
    id: string,
    self: StagedDocument,
  ): Promise<{ where: FindingOther['where']; record: DocumentRecord | null }> {
    if (!isDocumentId(id)) return { where: 'unknown', record: null };
    if (id === self.entry.id) return { where: self.previous ? 'corpus' : 'unknown', record: self.previous };
    const staged = await this.store.getStaged(id);
    if (staged?.record) return { where: 'staged', record: staged.record };
    const record = (await this.store.head()) ? await this.store.getDocument('HEAD', id) : null;
    return { where: record ? 'corpus' : 'unknown', record };
  }

  private async other(id: string, self: StagedDocument): Promise<FindingOther> {
    const { where, record } = await this.otherRecord(id, self);
    return {
      id,
      where,
      title: record?.document.title ?? null,
      blocks: record ? textBlocks(record.document.text) : [],
    };
  }

  /** A finding's other document (old side) against this staged one (new side), word by word. */
  async compareFinding(rawId: unknown, rawOther: unknown): Promise<DocumentDiffResponse> {
    const id = checkId(rawId);
    const otherId = checkId(rawOther);
    const staged = await this.staged(id);
    const self = staged.record ?? staged.previous;
    const { record } = await this.otherRecord(otherId, staged);
    if (!record) {
      throw reviewError('review.no-other', 'the other document is neither staged nor in the corpus', {
        subject: otherId,
      });
    }
    return diffResponse(id, otherId, record, self);
  }

  async detail(id: string): Promise<QueueDetail> {
    const staged = await this.staged(checkId(id));
    const record = staged.record ?? staged.previous;
    const document = record?.document ?? null;
    const blocks = document ? textBlocks(document.text) : [];
    const removed = staged.record
      ? staged.record.document.removed.map((removal, index) => ({
          ...removal,
          index,
          position: positionOf(removal, blocks.length),
        }))
      : [];
    const findings = [];
    for (const finding of staged.record?.findings ?? staged.entry.findings) {
      findings.push({
        ...finding,
        otherDocument: await this.other(finding.other, staged),
        similarityText: describeSimilarity(finding.similarity),
      });
    }
    const reasons = document?.reasons ?? [];
    return {
      item: queueItemOf(reviewItemOf(staged.entry, record ? summaryOf(record, staged.record !== null) : undefined)),
      title: document?.title ?? null,
      status: staged.record ? (document?.status ?? null) : null,
      reasons:
        staged.entry.change === 'remove'
          ? [{ code: 'staged-removal', message: 'Accepting this removes the document from the corpus.' }, ...reasons]
          : reasons,
      warnings: document?.warnings ?? [],
      blocks,
      ...(document?.blockSelectors ? { blockSelectors: document.blockSelectors } : {}),
      removed,
      metadata: document?.metadata ?? null,
      provenance: document ? { ...document.provenance } : null,
      findings,
      restorable: this.restoreHistory.get(id)?.length ?? 0,
    };
  }

  /** What the staged change does to the corpus version of the document (updates and removals). */
  async stagedDiff(rawId: unknown): Promise<DocumentDiffResponse> {
    const id = checkId(rawId);
    const staged = await this.staged(id);
    if (!staged.previous) {
      throw reviewError('review.no-previous', 'the corpus has no earlier version of this document', {
        subject: id,
      });
    }
    return diffResponse(id, id, staged.previous, staged.record);
  }

  async decide(action: DecisionAction, rawIds: unknown, note: unknown, reviewer?: unknown): Promise<DecisionResponse> {
    const ids = checkIds(rawIds);
    const by = checkReviewer(reviewer) ?? this.reviewer;
    const options = { note: noteOf(note), by };
    if (action === 'accept') await this.store.accept(ids, options);
    else if (action === 'reject') await this.store.reject(ids, options);
    else if (action === 'pending') await this.reopen(ids);
    else throw reviewError('review.invalid-action', `unknown action ${JSON.stringify(action)}`);
    return this.itemsAfterWrite(ids);
  }

  /** Put decided entries back to pending (undo), removals included. */
  private async reopen(ids: string[]): Promise<void> {
    await this.store.reopen(ids);
  }

  private async itemsAfterWrite(ids: string[]): Promise<DecisionResponse> {
    const snapshot = await this.queueIndex.snapshot();
    const positions = positionsOf(snapshot);
    const items: QueueItem[] = [];
    for (const id of ids) {
      const at = positions.get(id);
      if (at !== undefined) items.push(queueItemOf(await this.queueIndex.item(snapshot, at)));
    }
    return { counts: snapshot.counts, items };
  }

  async restore(rawId: unknown, removal: unknown): Promise<QueueDetail> {
    const id = checkId(rawId);
    if (typeof removal !== 'number' || !Number.isInteger(removal) || removal < 0) {
      throw reviewError('review.invalid-removal', 'removal must be the index of a removed block');
    }
    const staged = await this.staged(id);
    if (!staged.record) {
      throw reviewError('review.staged-removal', 'a staged removal has no text to restore into', {
        subject: id,
      });
    }
    const restored = restoreRemoval(staged.record, removal);
    await this.store.updateStagedRecord(id, restored);
    this.restoreHistory.set(id, [...(this.restoreHistory.get(id) ?? []), staged.record]);
    return this.detail(id);
  }

  async undoRestore(rawId: unknown): Promise<QueueDetail> {
    const id = checkId(rawId);
    const history = this.restoreHistory.get(id);
    const previous = history?.pop();
    if (!previous) {
      throw reviewError('review.nothing-to-undo', 'no restored block of this document to undo', {
        subject: id,
      });
    }
    await this.store.updateStagedRecord(id, previous);
    return this.detail(id);
  }

  /**
   * Commit the accepted changes. The version's author is the reviewer who commits (the app's
   * reviewer setting), else the server's default reviewer, as for decisions.
   */
  async commit(
    message: unknown,
    tag: unknown,
    snapshot?: unknown,
    reviewer?: unknown,
  ): Promise<{ version: string; tag: string | null }> {
    if (typeof message !== 'string' || message.trim() === '' || message.length > 10_000) {
      throw reviewError('review.invalid-message', 'a commit needs a message (at most 10,000 characters)');
    }
    if (tag !== undefined && tag !== null && typeof tag !== 'string') {
      throw reviewError('review.invalid-tag', 'a tag must be text');
    }
    const author = checkReviewer(reviewer) ?? this.reviewer;
    const seen = text(snapshot, 'snapshot', 200);
    if (seen && (await this.queueIndex.snapshot()).token !== seen) {
      throw reviewError(
        'review.queue-changed',
        'the staging area changed since the commit dialog listed it; open the dialog again to see what a commit takes',
      );
    }
    const result = await this.store.commit({ message, author, ...(typeof tag === 'string' ? { tag } : {}) });
    this.restoreHistory.clear();
    return { version: result.id, tag: result.tag };
  }

  async log(): Promise<VersionEntry[]> {
    const entries = await this.store.log();
    return entries.map(({ id, version, tags }) => ({
      id,
      parent: version.parent,
      message: version.message,
      time: version.time,
      author: version.author,
      counts: version.counts,
      tags,
    }));
  }

  /** The diff of one document between two versions (`from` names its old id for a rename). */
  async documentDiff(oldRef: string, newRef: string, rawId: unknown, rawFrom: unknown): Promise<DocumentDiffResponse> {
    const id = checkId(rawId);
    const from = rawFrom === undefined || rawFrom === '' ? id : checkId(rawFrom);
    const [oldRecord, newRecord] = await Promise.all([
      this.store.getDocument(checkRef(oldRef), from),
      this.store.getDocument(checkRef(newRef), id),
    ]);
    if (!oldRecord && !newRecord) {
      throw reviewError('review.no-document', `neither version holds ${id}`, { subject: id });
    }
    return diffResponse(id, from, oldRecord, newRecord);
  }
}

function noteOf(note: unknown): string | null {
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 10_000)) {
    throw reviewError('review.invalid-note', 'a note must be text of at most 10,000 characters');
  }
  return typeof note === 'string' && note.trim() !== '' ? note.trim() : null;
}

/** A document diff with the similarity of the two texts, as dedup findings measure it. */
function diffResponse(
  id: string,
  from: string,
  oldRecord: DocumentRecord | null,
  newRecord: DocumentRecord | null,
): DocumentDiffResponse {
  const similarity = textSimilarity(oldRecord?.document.text ?? '', newRecord?.document.text ?? '');
  return {
    id,
    from,
    diff: diffDocuments(diffSide(oldRecord, from), diffSide(newRecord, id)),
    similarity,
    similarityText: describeSimilarity(similarity),
  };
}

/** One side of a document diff: content only (metadata values without their sources); empty when absent. */
function diffSide(record: DocumentRecord | null, id: string): DiffInput {
  return record
    ? {
        id: record.id,
        title: record.document.title,
        text: record.document.text,
        metadata: contentOf(record.document).metadata as object,
      }
    : { id, title: null, text: '', metadata: null };
}
