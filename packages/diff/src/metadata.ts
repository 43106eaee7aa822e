import { METADATA_FIELDS, canonicalJson } from '@corpuskit/document';
import type { JsonValue } from '@corpuskit/document';

import type { IgnoreOptions, MetadataChange } from './model.js';
import { blockKey } from './tokenize.js';

/** Fields that describe where a value came from, or derive from others: not content. */
const SKIPPED = new Set(['sources']);
const DATE_FIELD = /(?:At|Date|date|Time|time)$/;

function sameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isFinite(x) && x === y;
}

function sameValue(field: string, a: unknown, b: unknown, ignore: IgnoreOptions): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return a === b || (a ?? null) === (b ?? null);
  if (DATE_FIELD.test(field) && sameInstant(a, b)) return true;
  if (typeof a === 'string' && typeof b === 'string') return blockKey(a, ignore) === blockKey(b, ignore);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.every((x, k) => sameValue(field, x, b[k], ignore));
  }
  try {
    return canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);
  } catch {
    return false;
  }
}

/**
 * Changed metadata fields: the title, then the known fields in their usual order
 * (authors, dates, canonical URL, ...), then any other field, alphabetically. Dates that
 * name the same instant and strings equal under the ignore options are not changes.
 */
export function diffMetadata(
  oldSide: { title: string | null; metadata: Record<string, unknown> | null },
  newSide: { title: string | null; metadata: Record<string, unknown> | null },
  ignore: IgnoreOptions,
): MetadataChange[] {
  const changes: MetadataChange[] = [];
  if (!sameValue('title', oldSide.title ?? null, newSide.title ?? null, ignore)) {
    changes.push({ field: 'title', old: oldSide.title ?? null, new: newSide.title ?? null });
  }
  const a = oldSide.metadata ?? {};
  const b = newSide.metadata ?? {};
  const known: string[] = METADATA_FIELDS.filter((field) => field !== 'title');
  const others = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((field) => !known.includes(field) && !SKIPPED.has(field))
    .sort();
  for (const field of [...known, ...others]) {
    const x = a[field] ?? null;
    const y = b[field] ?? null;
    if (sameValue(field, x, y, ignore)) continue;
    const change: MetadataChange = { field, old: x, new: y };
    if (Array.isArray(x) || Array.isArray(y)) {
      const xs = (Array.isArray(x) ? x : []).map(String);
      const ys = (Array.isArray(y) ? y : []).map(String);
      change.added = ys.filter((v) => !xs.includes(v));
      change.removed = xs.filter((v) => !ys.includes(v));
    }
    changes.push(change);
  }
  return changes;
}
