import type { ReviewItem, WhereFilter } from '@corpuskit/ingest';
import type { StatusResult, Store } from '@corpuskit/store';

import type { OptionSpec } from './command.js';

/** The `--where` option as `status`, `accept`, `reject` and `export` declare it. */
export const WHERE_OPTION: OptionSpec = {
  flags: '--where <filter>',
  description:
    "Only entries matching a filter, e.g. 'no-findings', 'state:pending site:bbc.co.uk', '-suspect lang:en' (repeatable; see 'corpuskit status --help')",
};

/** `--where` values (cac gives a string, or an array when repeated); undefined when absent. */
export function whereValues(options: Record<string, unknown>): string[] | undefined {
  const raw = options.where;
  if (raw === undefined || raw === null || raw === false) return undefined;
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

export async function parseWhereOption(options: Record<string, unknown>): Promise<WhereFilter | null> {
  const values = whereValues(options);
  if (!values) return null;
  const { parseWhere } = await import('@corpuskit/ingest');
  return parseWhere(values);
}

/**
 * The staging area as review items (title, site, flags), filtered. Records are read only when
 * the items need them: for the listing (`withSummaries`) or a filter on record fields.
 */
export async function reviewItems(
  store: Store,
  filter: WhereFilter | null,
  options: { withSummaries: boolean },
): Promise<{ status: StatusResult; items: ReviewItem[] }> {
  const { SummaryCache, matchesWhere, reviewItemOf, whereNeedsRecords } = await import('@corpuskit/ingest');
  const status = await store.status();
  const read = options.withSummaries || (filter !== null && whereNeedsRecords(filter));
  let items: ReviewItem[];
  if (read) {
    const cache = new SummaryCache((hash) => store.readRecord(hash));
    if (filter && !whereNeedsRecords(filter)) {
      // Filter on entry fields first, read only the records of what is kept.
      const kept = status.items.filter((entry) => matchesWhere(filter, reviewItemOf(entry)));
      items = await cache.items(kept);
    } else {
      items = await cache.items(status.items);
    }
  } else {
    items = status.items.map((entry) => reviewItemOf(entry));
  }
  if (filter) items = items.filter((item) => matchesWhere(filter, item));
  return { status, items };
}

/** Staged ids from what a person typed: full ids, unique prefixes of ids or of their hashes. */
export async function resolveStagedIds(store: Store, args: string[]): Promise<string[]> {
  const { resolveShortIdsOrThrow } = await import('@corpuskit/ingest');
  const status = await store.status();
  return resolveShortIdsOrThrow(
    args,
    status.items.map((entry) => entry.id),
    'in the staging area',
    { keepUnknown: true },
  );
}
