import { ingestError } from './errors.js';
import { idHash } from './review-item.js';

/** The shortest hash prefix shown (as git shows 7 digits, longer when needed to stay unique). */
const MIN_SHORT_HASH = 7;

/**
 * One prefix length that keeps every hash of `ids` unique (at least `MIN_SHORT_HASH`), for
 * listing them: neighbours in sorted order are the only ones that can share a longer prefix.
 */
export function shortHashLength(ids: Iterable<string>): number {
  const hashes = [...ids].map(idHash).sort();
  let length = MIN_SHORT_HASH;
  for (let i = 1; i < hashes.length; i += 1) {
    const a = hashes[i - 1]!;
    const b = hashes[i]!;
    let common = 0;
    while (common < a.length && a[common] === b[common]) common += 1;
    length = Math.max(length, common + 1);
  }
  return Math.min(length, 12);
}

const HEX = /^[0-9a-f]{4,12}$/;

export interface ResolvedIds {
  ids: string[];
  /** Arguments that named no id, with why (unknown or ambiguous). */
  problems: Array<{ arg: string; code: 'unknown' | 'ambiguous'; candidates: string[] }>;
}

/**
 * Resolve what a person typed to document ids among `known`, as git resolves short hashes: an
 * exact id, else the one id that starts with the argument, else the one id whose hash (`idHash`)
 * starts with it (4 to 12 hex digits). Nothing or more than one match is a problem, reported
 * per argument; the ids found are returned in argument order without repeats.
 */
export function resolveShortIds(args: readonly string[], known: Iterable<string>): ResolvedIds {
  const all = [...known];
  const set = new Set(all);
  let hashes: Map<string, string> | null = null;
  const ids: string[] = [];
  const seen = new Set<string>();
  const problems: ResolvedIds['problems'] = [];
  for (const arg of args) {
    let found: string[];
    if (set.has(arg)) found = [arg];
    else {
      found = all.filter((id) => id.startsWith(arg));
      if (found.length === 0 && HEX.test(arg)) {
        hashes ??= new Map(all.map((id) => [id, idHash(id)]));
        found = all.filter((id) => hashes!.get(id)!.startsWith(arg));
      }
    }
    if (found.length === 1) {
      const id = found[0]!;
      if (!seen.has(id)) ids.push(id);
      seen.add(id);
    } else {
      problems.push({ arg, code: found.length === 0 ? 'unknown' : 'ambiguous', candidates: found.sort().slice(0, 10) });
    }
  }
  return { ids, problems };
}

/**
 * `resolveShortIds`, throwing one error that names every argument that did not resolve. With
 * `keepUnknown`, arguments that match nothing are passed through as given (for a store call
 * that reports unknown ids with its own error) and only ambiguous ones throw.
 */
export function resolveShortIdsOrThrow(
  args: readonly string[],
  known: Iterable<string>,
  where: string,
  options: { keepUnknown?: boolean } = {},
): string[] {
  const all = [...known];
  const { ids, problems } = resolveShortIds(args, all);
  const fatal = options.keepUnknown ? problems.filter((problem) => problem.code === 'ambiguous') : problems;
  if (fatal.length === 0) {
    if (problems.length === 0) return ids;
    // Argument order, unknown ones as given.
    return [...new Set(args.map((arg) => resolveShortIds([arg], all).ids[0] ?? arg))];
  }
  const lines = fatal.map((problem) =>
    problem.code === 'unknown'
      ? `'${problem.arg}' names no document ${where}`
      : `'${problem.arg}' is ambiguous ${where}: ${problem.candidates.join(', ')}${problem.candidates.length >= 10 ? ', ...' : ''}`,
  );
  const ambiguous = fatal.some((problem) => problem.code === 'ambiguous');
  throw ingestError(ambiguous ? 'ingest.ambiguous-id' : 'ingest.unknown-id', lines.join('; '), {
    subject: fatal[0]!.arg,
  });
}
