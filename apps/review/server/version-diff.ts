import { setImmediate as yieldToLoop } from 'node:timers/promises';

import { hostOf } from '@corpuskit/document';
import type { VersionDiff } from '@corpuskit/diff';
import { diffStoredVersions } from '@corpuskit/ingest';
import type { ManifestEntry, Store } from '@corpuskit/store';

import type { ChangeType, VersionDiffItem, VersionDiffPage, VersionDiffSummary } from './api-types.js';
import { reviewError } from './errors.js';

interface Entry extends VersionDiffItem {
  oldRecord: string | null;
  newRecord: string | null;
}

interface Computed {
  key: string;
  old: string;
  new: string;
  summary: VersionDiffSummary['summary'];
  items: Entry[];
  /** How many items have their title and size filled in (the background pass goes in list order). */
  measured: number;
  running: Promise<void> | null;
  cancel: () => void;
}

export interface PageQuery {
  types?: ChangeType[];
  site?: string;
  minSize?: number;
  maxSize?: number;
  text?: string;
  offset: number;
  limit: number;
}

const TYPE_ORDER: Record<ChangeType, number> = { modified: 0, added: 1, removed: 2, renamed: 3 };

/**
 * Version diffs for the UI. The store's manifest diff lists what changed at a cost that
 * follows the size of the change, and `diffStoredVersions` (from @corpuskit/ingest) pairs renames and
 * counts at once: the list is served immediately. Titles and sizes of change (words added
 * plus removed) come from its streamed per-document changes in the background, yielding to
 * the event loop between documents, so a 10,000-document diff stays responsive.
 */
export class VersionDiffCache {
  private readonly cache: Computed[] = [];

  constructor(
    private readonly store: Store,
    private readonly keep = 2,
  ) {}

  async get(oldRef: string, newRef: string): Promise<Computed> {
    const [a, b] = await Promise.all([this.store.resolve(oldRef), this.store.resolve(newRef)]);
    const key = `${a.root}:${b.root}`;
    const hit = this.cache.find((entry) => entry.key === key);
    if (hit) return hit;
    const controller = new AbortController();
    // The manifest comparison lists what changed; the diff package pairs renames, counts, and
    // diffs each document on demand.
    const { diff } = await diffStoredVersions(this.store, oldRef, newRef, {
      concurrency: 2,
      signal: controller.signal,
    });

    const items: Entry[] = [
      ...diff.modified.map(({ old, new: next }) => item('modified', next.id, null, old.record, next.record)),
      ...diff.added.map((entry) => item('added', entry.id, null, null, entry.record)),
      ...diff.removed.map((entry) => item('removed', entry.id, null, entry.record, null)),
      ...diff.renamed.map(({ old, new: next }) => item('renamed', next.id, old.id, old.record, next.record)),
    ];
    items.sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

    const computed: Computed = {
      key,
      old: a.id ?? 'staged',
      new: b.id ?? 'staged',
      summary: diff.summary,
      items,
      measured: 0,
      running: null,
      cancel: () => controller.abort(),
    };
    computed.running = this.measure(computed, diff).finally(() => {
      computed.running = null;
    });
    this.cache.unshift(computed);
    for (const dropped of this.cache.splice(this.keep)) dropped.cancel();
    return computed;
  }

  /** Titles and sizes of change, filled in as the diff package streams the per-document changes. */
  private async measure(computed: Computed, diff: VersionDiff<ManifestEntry>): Promise<void> {
    const byId = new Map(computed.items.map((entry) => [entry.id, entry]));
    for await (const change of diff.changes()) {
      const entry = byId.get(change.id);
      if (entry) {
        entry.size = change.error ? null : change.wordsAdded + change.wordsRemoved;
        entry.title = change.title;
        if (entry.title === null && entry.newRecord && !change.error) {
          entry.title = (await this.store.readRecord(entry.newRecord)).document.title;
        }
      }
      computed.measured += 1;
      await yieldToLoop();
    }
  }

  async summary(oldRef: string, newRef: string): Promise<VersionDiffSummary & { measured: number; total: number }> {
    const computed = await this.get(oldRef, newRef);
    const sites = new Map<string, number>();
    for (const entry of computed.items) {
      const site = entry.site ?? '(files)';
      sites.set(site, (sites.get(site) ?? 0) + 1);
    }
    return {
      old: computed.old,
      new: computed.new,
      summary: computed.summary,
      sites: [...sites].map(([site, count]) => ({ site, count })).sort((x, y) => y.count - x.count),
      measured: computed.measured,
      total: computed.items.length,
    };
  }

  async page(oldRef: string, newRef: string, query: PageQuery): Promise<VersionDiffPage & { measured: number }> {
    const computed = await this.get(oldRef, newRef);
    if (query.limit < 1 || query.limit > 1000 || query.offset < 0) {
      throw reviewError('review.invalid-page', 'limit must be 1..1000 and offset at least 0');
    }
    const types = query.types && query.types.length > 0 ? new Set(query.types) : null;
    const text = query.text?.toLowerCase();
    const matching = computed.items.filter((entry) => {
      if (types && !types.has(entry.type)) return false;
      if (query.site && (entry.site ?? '(files)') !== query.site) return false;
      if (query.minSize !== undefined && (entry.size ?? Infinity) < query.minSize) return false;
      if (query.maxSize !== undefined && (entry.size ?? -Infinity) > query.maxSize) return false;
      if (text && !entry.id.toLowerCase().includes(text) && !(entry.title ?? '').toLowerCase().includes(text))
        return false;
      return true;
    });
    return {
      total: matching.length,
      offset: query.offset,
      items: matching
        .slice(query.offset, query.offset + query.limit)
        .map(({ oldRecord: _o, newRecord: _n, ...rest }) => rest),
      measured: computed.measured,
    };
  }
}

function item(
  type: ChangeType,
  id: string,
  from: string | null,
  oldRecord: string | null,
  newRecord: string | null,
): Entry {
  return { id, type, from, site: hostOf(id), title: null, size: null, oldRecord, newRecord };
}
