import { documentError, type CorpusKitError } from './errors.js';

/** A JSON value as canonical serialisation accepts it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Serialise a value as canonical JSON: object keys sorted by UTF-16 code unit (as RFC 8785
 * orders them), no whitespace, `undefined` properties dropped, numbers in JavaScript's
 * shortest round-trip form. Equal values always give equal strings, so they hash equal.
 * Non-finite numbers, functions, symbols, bigints and cycles are rejected.
 */
export function canonicalJson(value: unknown): string {
  // Fast path: copy the value with sorted keys and let the native JSON.stringify write it. The
  // copy refuses what the native writer would treat differently (array-index keys, which V8
  // always puts first, and objects with their own toJSON), and then the reference writer runs.
  let sorted: unknown;
  try {
    sorted = sortedCopy(value, []);
  } catch (error) {
    if (error !== FALLBACK) throw error;
    return canonicalJsonReference(value);
  }
  return JSON.stringify(sorted);
}

/** The plain recursive writer; `canonicalJson` gives the same output faster. Exported for tests. */
export function canonicalJsonReference(value: unknown): string {
  const out: string[] = [];
  write(value, out, new Set());
  return out.join('');
}

const FALLBACK = Symbol('fallback');
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** `path` holds the objects being copied; it is searched for cycles only past a modest depth. */
function sortedCopy(value: unknown, path: object[]): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(`non-finite number ${String(value)}`);
      return value;
    case 'object':
      break;
    default:
      throw invalid(`a value of type ${typeof value}`);
  }
  const object = value as object;
  if (path.length > 32 && path.includes(object)) throw invalid('a cycle');
  if (object instanceof Date) return object.toISOString();
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') throw FALLBACK;
  path.push(object);
  let out: unknown;
  if (Array.isArray(object)) {
    const copy = new Array<unknown>(object.length);
    for (let i = 0; i < object.length; i++) {
      const item: unknown = object[i];
      copy[i] = item === undefined ? null : sortedCopy(item, path);
    }
    out = copy;
  } else {
    const record = object as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as RFC 8785 requires.
    const keys = Object.keys(record).sort();
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      const first = key.charCodeAt(0);
      if ((first >= 48 && first <= 57 && ARRAY_INDEX.test(key)) || key === '__proto__') throw FALLBACK;
      copy[key] = sortedCopy(item, path);
    }
    out = copy;
  }
  path.pop();
  return out;
}

function write(value: unknown, out: string[], seen: Set<object>): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(`non-finite number ${String(value)}`);
      out.push(JSON.stringify(Object.is(value, -0) ? 0 : value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw invalid(`a value of type ${typeof value}`);
  }
  const object = value as object;
  if (seen.has(object)) throw invalid('a cycle');
  seen.add(object);
  if (Array.isArray(object)) {
    out.push('[');
    object.forEach((item: unknown, index) => {
      if (index > 0) out.push(',');
      write(item === undefined ? null : item, out, seen);
    });
    out.push(']');
  } else if (object instanceof Date) {
    out.push(JSON.stringify(object.toISOString()));
  } else {
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareCodeUnits);
    out.push('{');
    keys.forEach((key, index) => {
      if (index > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      write(record[key], out, seen);
    });
    out.push('}');
  }
  seen.delete(object);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function invalid(what: string): CorpusKitError {
  return documentError('document.not-canonical', `cannot serialise ${what} as canonical JSON`);
}
