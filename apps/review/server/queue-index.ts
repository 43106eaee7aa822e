import { setTimeout as sleep, setImmediate as yieldToLoop } from 'node:timers/promises';

import { hostOf } from '@corpuskit/document';
import {
  EMPTY_SUMMARY,
  flagsOf,
  idHash,
  matchesWhere,
  parseWhere,
  summaryOf,
  whereNeedsRecords,
} from '@corpuskit/ingest';
import type { RecordSummary, ReviewItem, WhereFilter } from '@corpuskit/ingest';
import type { StagedEntry, StatusResult, Store } from '@corpuskit/store';

import type { QueueCounts } from './api-types.js';
import { reviewError } from './errors.js';

/**
 * One state of the staging area as the queue serves it: the entries sorted by id (as the store
 * lists them), named by the hash of the staging index. Review items are built once per entry.
 */
export interface QueueSnapshot {
  /** `status().staging`, or `empty`: the token a client sends back to page through this state. */
  token: string;
  counts: QueueCounts;
  entries: StagedEntry[];
  /** Review items by entry index, filled as their record summaries are known. */
  items: Array<ReviewItem | undefined>;
  /** Items built before their record was summarised (enough for entry-only filters), until it is. */
  unsummarised: Array<ReviewItem | undefined>;
  /** id -> entry index, built when first needed. */
  positions: Map<string, number> | null;
}

/** The entries of one snapshot that pass one filter, as indexes into `snapshot.entries`. */
export interface FilteredList {
  key: string;
  snapshot: QueueSnapshot;
  filter: WhereFilter;
  text: string;
  indexes: number[];
}

/**
 * A review item as the queue keeps it: the same fields as ingest's `reviewItemOf`, built as a
 * class instance with `hash` and `site` worked out on first read (prototype getters). An object
 * literal with own accessors costs about ten times as much to build, which at 100,000 entries is
 * most of a cold first page. `toJSON` gives every field.
 */
class QueueReviewItem implements ReviewItem {
  readonly id: string;
  readonly change: ReviewItem['change'];
  readonly state: ReviewItem['state'];
  readonly title: string | null;
  readonly status: ReviewItem['status'];
  readonly language: string | null;
  readonly pageType: ReviewItem['pageType'];
  readonly publishedAt: string | null;
  readonly stagedAt: string;
  readonly findings: ReviewItem['findings'];
  readonly flags: ReviewItem['flags'];
  readonly chars: number;
  readonly removedChars: number;
  readonly note: string | null;
  readonly decidedBy: string | null;
  readonly contentHash: string | null;
  private siteCache: string | null | undefined = undefined;
  private hashCache: string | undefined = undefined;

  constructor(entry: StagedEntry, summary: RecordSummary) {
    const status = entry.record ? summary.status : null;
    this.id = entry.id;
    this.change = entry.change;
    this.state = entry.state;
    this.title = summary.title;
    this.status = status;
    this.language = summary.language;
    this.pageType = summary.pageType ?? null;
    this.publishedAt = summary.publishedAt;
    this.stagedAt = entry.stagedAt;
    this.findings = entry.findings.map(({ kind, other, similarity }) => ({ kind, other, similarity }));
    this.flags = flagsOf(entry, status);
    this.chars = summary.chars;
    this.removedChars = summary.removedChars;
    this.note = entry.decision?.note ?? null;
    this.decidedBy = entry.decision?.by ?? null;
    this.contentHash = entry.contentHash;
  }

  get hash(): string {
    return (this.hashCache ??= idHash(this.id));
  }

  get site(): string | null {
    if (this.siteCache === undefined) this.siteCache = hostOf(this.id);
    return this.siteCache;
  }

  toJSON(): ReviewItem {
    const { siteCache: _site, hashCache: _hash, ...fields } = this;
    return { ...fields, hash: this.hash, site: this.site };
  }
}

/** Free text: the id or the title contains it, ignoring case. */
function textMatches(item: ReviewItem, text: string): boolean {
  return item.id.toLowerCase().includes(text) || (item.title ?? '').toLowerCase().includes(text);
}

/**
 * The review queue at any size. A state of the staging area is read once (the store keeps its
 * sorted list) and filtered lists are kept per state and filter, so paging through them costs
 * the page. Filters are the CLI's `--where` (`parseWhere`/`matchesWhere` from @corpuskit/ingest);
 * terms on the entry (state, kind, site, finding, id, staged date) need no record, the others
 * (title, status, flags, language, published date) wait until every record is summarised, which
 * starts in the background as soon as a state is first read. Older states stay available for
 * a while, so a client keeps stable offsets while it pages, and sees current review states.
 */
export class QueueIndex {
  private current: QueueSnapshot | null = null;
  private readonly lists: FilteredList[] = [];
  /** Record summaries by `s|p` + object hash (records are immutable, so these never go stale). */
  private readonly summaries = new Map<string, RecordSummary>();
  private readonly reading = new Map<string, Promise<RecordSummary>>();
  private warming: Promise<void> | null = null;
  /**
   * Items by entry object, once their record is summarised: a new state of the staging area
   * (after a decision) shares every unchanged entry object with the one before, so it reuses
   * their items instead of building 100,000 again.
   */
  private readonly itemOfEntry = new WeakMap<StagedEntry, ReviewItem>();
  /** Record reads a request waits for: the background warm-up pauses while there are any. */
  private foreground = 0;

  constructor(
    private readonly store: Store,
    private readonly keepLists = 16,
  ) {}

  /** The snapshot of the staging area as it is now. */
  async snapshot(): Promise<QueueSnapshot> {
    const status = await this.store.status();
    const token = status.staging ?? (status.items.length === 0 ? 'empty' : null);
    if (token !== null && this.current?.token === token) return this.current;
    const snapshot = snapshotOf(status, token ?? `unwritten-${Date.now()}`);
    this.current = snapshot;
    this.startWarming(snapshot);
    return snapshot;
  }

  /** How many records have been summarised (filters on titles and flags wait for all of them). */
  get summarisedCount(): number {
    return this.summaries.size;
  }

  /**
   * The review item of entry `index` from what is known now: cached once its record is
   * summarised; before that, built with an empty summary (enough for entry-only filters).
   */
  itemNow(snapshot: QueueSnapshot, index: number): ReviewItem {
    const cached = snapshot.items[index];
    if (cached) return cached;
    const entry = snapshot.entries[index]!;
    const known = this.itemOfEntry.get(entry);
    if (known) return (snapshot.items[index] = known);
    const key = keyOf(entry);
    const summary = key === null ? EMPTY_SUMMARY : this.summaries.get(key);
    if (!summary) return (snapshot.unsummarised[index] ??= new QueueReviewItem(entry, EMPTY_SUMMARY));
    return this.keep(snapshot, index, new QueueReviewItem(entry, summary));
  }

  /** The review item of one entry of a snapshot, its record summarised first if needed. */
  async item(snapshot: QueueSnapshot, index: number): Promise<ReviewItem> {
    const cached = snapshot.items[index] ?? this.itemOfEntry.get(snapshot.entries[index]!);
    if (cached) return (snapshot.items[index] = cached);
    const entry = snapshot.entries[index]!;
    let summary = this.summary(entry);
    if (summary instanceof Promise) {
      this.foreground += 1;
      try {
        summary = await summary;
      } finally {
        this.foreground -= 1;
      }
    }
    return this.keep(snapshot, index, new QueueReviewItem(entry, summary));
  }

  private keep(snapshot: QueueSnapshot, index: number, item: ReviewItem): ReviewItem {
    snapshot.items[index] = item;
    snapshot.unsummarised[index] = undefined;
    this.itemOfEntry.set(snapshot.entries[index]!, item);
    return item;
  }

  /** The current item for an id seen in an older snapshot (its state may have changed since). */
  async currentItem(current: QueueSnapshot, from: QueueSnapshot, index: number): Promise<ReviewItem> {
    if (from === current) return this.item(current, index);
    const id = from.entries[index]!.id;
    const at = positionsOf(current).get(id);
    return at === undefined ? this.item(from, index) : this.item(current, at);
  }

  /**
   * The entries passing `where` and `text` in the snapshot named `token` when it is still
   * known (stable offsets while paging), else in the current one.
   */
  async list(where: string, text: string, token?: string): Promise<{ list: FilteredList; current: QueueSnapshot }> {
    const filter = parseWhere(where);
    const needle = text.trim().toLowerCase();
    const current = await this.snapshot();
    const key = (snapshot: QueueSnapshot) => `${snapshot.token}\n${filter.source}\n${needle}`;
    if (token && token !== current.token) {
      const older = this.lists.find((list) => list.key === `${token}\n${filter.source}\n${needle}`);
      if (older) return { list: older, current };
    }
    const hit = this.lists.find((list) => list.key === key(current));
    if (hit) return { list: hit, current };
    const list: FilteredList = {
      key: key(current),
      snapshot: current,
      filter,
      text: needle,
      indexes: await this.match(current, filter, needle),
    };
    this.lists.unshift(list);
    this.lists.length = Math.min(this.lists.length, this.keepLists);
    return { list, current };
  }

  /** A list kept for the snapshot `token`, or a 409 when that state is no longer known. */
  knownList(where: string, text: string, token: string): FilteredList {
    const filter = parseWhere(where);
    const found = this.lists.find((list) => list.key === `${token}\n${filter.source}\n${text.trim().toLowerCase()}`);
    if (!found) {
      throw reviewError(
        'review.queue-changed',
        'the staging area changed since this list was shown; reload the queue and check the selection again',
      );
    }
    return found;
  }

  private async match(snapshot: QueueSnapshot, filter: WhereFilter, text: string): Promise<number[]> {
    const needsRecords = text !== '' || whereNeedsRecords(filter);
    if (needsRecords) await this.summariseAll(snapshot);
    const indexes: number[] = [];
    for (let i = 0; i < snapshot.entries.length; i += 1) {
      const item = this.itemNow(snapshot, i);
      if (matchesWhere(filter, item) && (text === '' || textMatches(item, text))) indexes.push(i);
    }
    return indexes;
  }

  /** Summaries of every record of the snapshot (read a batch at a time). */
  async summariseAll(snapshot: QueueSnapshot, entries: StagedEntry[] = snapshot.entries): Promise<void> {
    const missing = entries.filter((entry) => {
      const key = keyOf(entry);
      return key !== null && !this.summaries.has(key);
    });
    for (let i = 0; i < missing.length; i += 64) {
      await Promise.all(missing.slice(i, i + 64).map((entry) => this.summary(entry)));
    }
  }

  private startWarming(snapshot: QueueSnapshot): void {
    if (this.warming) return;
    const run = async () => {
      for (let i = 0; i < snapshot.entries.length; i += 32) {
        if (this.current !== snapshot) break;
        // A request waiting for records goes first (its page, not the 100,000 behind it).
        while (this.foreground > 0) await sleep(5);
        await Promise.all(snapshot.entries.slice(i, i + 32).map((entry) => this.summary(entry)));
        await yieldToLoop();
      }
    };
    this.warming = run()
      .catch(() => undefined)
      .finally(() => {
        this.warming = null;
        // The staging area moved on while warming: warm the new state too.
        if (this.current && this.current !== snapshot) this.startWarming(this.current);
      });
  }

  private summary(entry: StagedEntry): Promise<RecordSummary> | RecordSummary {
    const key = keyOf(entry);
    if (key === null) return EMPTY_SUMMARY;
    const known = this.summaries.get(key);
    if (known) return known;
    let reading = this.reading.get(key);
    if (!reading) {
      const hash = entry.record ?? entry.previous!.record;
      reading = this.store
        .readRecord(hash)
        .then((record) => {
          const summary = summaryOf(record, entry.record !== null);
          this.summaries.set(key, summary);
          return summary;
        })
        .finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }
}

/** The summary key of an entry: its staged record, or for a removal the record it removes. */
function keyOf(entry: StagedEntry): string | null {
  if (entry.record) return `s${entry.record}`;
  if (entry.previous) return `p${entry.previous.record}`;
  return null;
}

function snapshotOf(status: StatusResult, token: string): QueueSnapshot {
  return {
    token,
    counts: {
      pending: status.pending,
      accepted: status.accepted,
      rejected: status.rejected,
      total: status.items.length,
    },
    entries: status.items,
    items: new Array<ReviewItem | undefined>(status.items.length),
    unsummarised: new Array<ReviewItem | undefined>(status.items.length),
    positions: null,
  };
}

export function positionsOf(snapshot: QueueSnapshot): Map<string, number> {
  if (!snapshot.positions) snapshot.positions = new Map(snapshot.entries.map((entry, i) => [entry.id, i]));
  return snapshot.positions;
}
