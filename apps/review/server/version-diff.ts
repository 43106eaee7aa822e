import { setImmediate as yieldToLoop } from 'node:timers/promises';

import { CorpusKitError, hostOf } from '@corpuskit/document';
import { diffDocuments } from '@corpuskit/diff';
import type { Store } from '@corpuskit/store';

import type { ChangeType, VersionDiffItem, VersionDiffPage, VersionDiffSummary } from './api-types.js';

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
  cancelled: boolean;
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
 * follows the size of the change; the list is served at once, and titles and sizes of change
 * (words added plus removed, from `diffDocuments`) are filled in by a background pass that
 * yields to the event loop between documents, so a 10,000-document diff stays responsive.
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
    const diff = await this.store.diffManifests(oldRef, newRef);

    // The same content under another id is a rename, not one removal and one addition.
    const removedByContent = new Map<string, (typeof diff.removed)[number][]>();
    for (const entry of diff.removed) {
      removedByContent.set(entry.contentHash, [...(removedByContent.get(entry.contentHash) ?? []), entry]);
    }
    const items: Entry[] = [];
    const renamedFrom = new Set<string>();
    for (const entry of diff.added) {
      const candidates = removedByContent.get(entry.contentHash);
      const from = candidates?.shift();
      if (from) {
        renamedFrom.add(from.id);
        items.push(item('renamed', entry.id, from.id, from.record, entry.record));
      } else {
        items.push(item('added', entry.id, null, null, entry.record));
      }
    }
    for (const entry of diff.removed) {
      if (!renamedFrom.has(entry.id)) items.push(item('removed', entry.id, null, entry.record, null));
    }
    for (const { old, new: next } of diff.modified)
      items.push(item('modified', next.id, null, old.record, next.record));
    items.sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

    const count = (type: ChangeType) => items.filter((entry) => entry.type === type).length;
    const computed: Computed = {
      key,
      old: a.id ?? 'staged',
      new: b.id ?? 'staged',
      summary: {
        added: count('added'),
        removed: count('removed'),
        modified: count('modified'),
        renamed: count('renamed'),
        unchanged: diff.unchanged + diff.recordOnly.length,
      },
      items,
      measured: 0,
      running: null,
      cancelled: false,
    };
    computed.running = this.measure(computed).finally(() => {
      computed.running = null;
    });
    this.cache.unshift(computed);
    for (const dropped of this.cache.splice(this.keep)) dropped.cancelled = true;
    return computed;
  }

  private async measure(computed: Computed): Promise<void> {
    for (const entry of computed.items) {
      if (computed.cancelled) return;
      try {
        const [oldRecord, newRecord] = await Promise.all([
          entry.oldRecord ? this.store.readRecord(entry.oldRecord) : null,
          entry.newRecord ? this.store.readRecord(entry.newRecord) : null,
        ]);
        entry.title = newRecord?.document.title ?? oldRecord?.document.title ?? null;
        if (entry.type === 'renamed') entry.size = 0;
        else if (!oldRecord) entry.size = newRecord?.document.stats.words ?? 0;
        else if (!newRecord) entry.size = oldRecord.document.stats.words;
        else {
          const stats = diffDocuments(oldRecord.document.text, newRecord.document.text).stats.words;
          entry.size = stats.added + stats.removed;
        }
      } catch {
        entry.size = null;
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
      throw new CorpusKitError('usage', 'review.invalid-page', 'limit must be 1..1000 and offset at least 0');
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
