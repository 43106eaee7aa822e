import { CorpusKitError, contentOf, hostOf, isDocumentId, textBlocks } from '@corpuskit/document';
import type { DocumentRecord } from '@corpuskit/document';
import { positionOf, restoreRemoval } from '@corpuskit/clean';
import { describeSimilarity, textSimilarity } from '@corpuskit/dedup';
import { diffDocuments } from '@corpuskit/diff';
import type { DiffInput } from '@corpuskit/diff';
import type { StagedDocument, StagedEntry, Store } from '@corpuskit/store';

import type {
  DecisionAction,
  DecisionResponse,
  DocumentDiffResponse,
  FindingOther,
  QueueCounts,
  QueueDetail,
  QueueItem,
  QueueResponse,
  VersionEntry,
} from './api-types.js';
import { VersionDiffCache } from './version-diff.js';

/** Most ids one request may name (a bulk accept of a filtered 10,000-document queue fits). */
export const MAX_IDS = 100_000;

/** Refuse anything that is not a well-formed document id: no paths, no control characters. */
export function checkId(value: unknown): string {
  if (typeof value !== 'string' || !isDocumentId(value)) {
    throw new CorpusKitError(
      'usage',
      'review.invalid-id',
      `not a document id: ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return value;
}

export function checkIds(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IDS) {
    throw new CorpusKitError('usage', 'review.invalid-ids', `ids must be a list of 1 to ${MAX_IDS} document ids`);
  }
  return value.map(checkId);
}

const REF = /^(?:staged|HEAD(?:~\d{1,6}|\^{1,20})?|[0-9a-f]{4,64}|[A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

/** A version reference as the store resolves it (id or prefix, tag, HEAD, HEAD~N, staged). */
export function checkRef(value: unknown): string {
  if (typeof value !== 'string' || !REF.test(value)) {
    throw new CorpusKitError(
      'usage',
      'review.invalid-ref',
      `not a version reference: ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return value;
}

interface Summary {
  title: string | null;
  status: QueueItem['status'];
  chars: number;
  removedChars: number;
}

/**
 * What the API does, over one open store. Every read asks the store afresh (so changes made
 * from the shell show up), every write goes through the store, which takes the corpus lock
 * for that write only. Records are immutable, so their summaries are cached by hash.
 */
export class ReviewService {
  private readonly summaries = new Map<string, Summary>();
  /** Records replaced by a restore, per id, so the restore can be undone. */
  private readonly restoreHistory = new Map<string, DocumentRecord[]>();
  readonly versionDiffs: VersionDiffCache;

  constructor(readonly store: Store) {
    this.versionDiffs = new VersionDiffCache(store);
  }

  private async summaryOf(entry: StagedEntry): Promise<Summary> {
    const hash = entry.record ?? entry.previous?.record ?? null;
    if (!hash) return { title: null, status: null, chars: 0, removedChars: 0 };
    const cached = this.summaries.get(hash);
    if (cached) return cached;
    const record = await this.store.readRecord(hash);
    const summary: Summary = {
      title: record.document.title,
      status: entry.record ? record.document.status : null,
      chars: record.document.stats?.chars ?? record.document.text.length,
      removedChars: record.document.stats?.removedChars ?? 0,
    };
    this.summaries.set(hash, summary);
    return summary;
  }

  private async itemOf(entry: StagedEntry): Promise<QueueItem> {
    const summary = await this.summaryOf(entry);
    return {
      id: entry.id,
      change: entry.change,
      state: entry.state,
      title: summary.title,
      site: hostOf(entry.id),
      status: summary.status,
      findings: entry.findings.map(({ kind, other, similarity }) => ({ kind, other, similarity })),
      chars: summary.chars,
      removedChars: summary.removedChars,
      note: entry.decision?.note ?? null,
    };
  }

  async counts(): Promise<QueueCounts> {
    const status = await this.store.status();
    return {
      pending: status.pending,
      accepted: status.accepted,
      rejected: status.rejected,
      total: status.items.length,
    };
  }

  async queue(): Promise<QueueResponse> {
    const status = await this.store.status();
    // Records not yet summarised are read a batch at a time (the first load of a large queue).
    const items: QueueItem[] = [];
    for (let i = 0; i < status.items.length; i += 32) {
      items.push(...(await Promise.all(status.items.slice(i, i + 32).map((entry) => this.itemOf(entry)))));
    }
    return {
      counts: { pending: status.pending, accepted: status.accepted, rejected: status.rejected, total: items.length },
      items,
    };
  }

  private async staged(id: string) {
    const staged = await this.store.getStaged(id);
    if (!staged) throw new CorpusKitError('not-found', 'review.not-staged', 'not in the staging area', { subject: id });
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
      throw new CorpusKitError(
        'not-found',
        'review.no-other',
        'the other document is neither staged nor in the corpus',
        {
          subject: otherId,
        },
      );
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
      item: await this.itemOf(staged.entry),
      title: document?.title ?? null,
      status: staged.record ? (document?.status ?? null) : null,
      reasons:
        staged.entry.change === 'remove'
          ? [{ code: 'staged-removal', message: 'Accepting this removes the document from the corpus.' }, ...reasons]
          : reasons,
      warnings: document?.warnings ?? [],
      blocks,
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
      throw new CorpusKitError(
        'not-found',
        'review.no-previous',
        'the corpus has no earlier version of this document',
        {
          subject: id,
        },
      );
    }
    return diffResponse(id, id, staged.previous, staged.record);
  }

  async decide(action: DecisionAction, rawIds: unknown, note: unknown): Promise<DecisionResponse> {
    const ids = checkIds(rawIds);
    if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 10_000)) {
      throw new CorpusKitError('usage', 'review.invalid-note', 'a note must be text of at most 10,000 characters');
    }
    const options = { note: typeof note === 'string' && note.trim() !== '' ? note.trim() : null, by: 'review' };
    if (action === 'accept') await this.store.accept(ids, options);
    else if (action === 'reject') await this.store.reject(ids, options);
    else if (action === 'pending') await this.reopen(ids);
    else throw new CorpusKitError('usage', 'review.invalid-action', `unknown action ${JSON.stringify(action)}`);
    return this.itemsAfterWrite(ids);
  }

  /** Put decided entries back to pending (undo), removals included. */
  private async reopen(ids: string[]): Promise<void> {
    await this.store.reopen(ids);
  }

  private async itemsAfterWrite(ids: string[]): Promise<DecisionResponse> {
    const status = await this.store.status();
    const wanted = new Set(ids);
    const items: QueueItem[] = [];
    for (const entry of status.items) if (wanted.has(entry.id)) items.push(await this.itemOf(entry));
    return {
      counts: {
        pending: status.pending,
        accepted: status.accepted,
        rejected: status.rejected,
        total: status.items.length,
      },
      items,
    };
  }

  async restore(rawId: unknown, removal: unknown): Promise<QueueDetail> {
    const id = checkId(rawId);
    if (typeof removal !== 'number' || !Number.isInteger(removal) || removal < 0) {
      throw new CorpusKitError('usage', 'review.invalid-removal', 'removal must be the index of a removed block');
    }
    const staged = await this.staged(id);
    if (!staged.record) {
      throw new CorpusKitError('conflict', 'review.staged-removal', 'a staged removal has no text to restore into', {
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
      throw new CorpusKitError('conflict', 'review.nothing-to-undo', 'no restored block of this document to undo', {
        subject: id,
      });
    }
    await this.store.updateStagedRecord(id, previous);
    return this.detail(id);
  }

  async commit(message: unknown, tag: unknown): Promise<{ version: string; tag: string | null }> {
    if (typeof message !== 'string' || message.trim() === '' || message.length > 10_000) {
      throw new CorpusKitError(
        'usage',
        'review.invalid-message',
        'a commit needs a message (at most 10,000 characters)',
      );
    }
    if (tag !== undefined && tag !== null && typeof tag !== 'string') {
      throw new CorpusKitError('usage', 'review.invalid-tag', 'a tag must be text');
    }
    const result = await this.store.commit({ message, author: null, ...(typeof tag === 'string' ? { tag } : {}) });
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
      throw new CorpusKitError('not-found', 'review.no-document', `neither version holds ${id}`, { subject: id });
    }
    return diffResponse(id, from, oldRecord, newRecord);
  }
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
