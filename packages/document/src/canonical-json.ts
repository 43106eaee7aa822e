import { CorpusKitError } from './errors.js';

/** A JSON value as canonical serialisation accepts it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Serialise a value as canonical JSON: object keys sorted by UTF-16 code unit (as RFC 8785
 * orders them), no whitespace, `undefined` properties dropped, numbers in JavaScript's
 * shortest round-trip form. Equal values always give equal strings, so they hash equal.
 * Non-finite numbers, functions, symbols, bigints and cycles are rejected.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, new Set());
  return out.join('');
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
  return new CorpusKitError('usage', 'document.not-canonical', `cannot serialise ${what} as canonical JSON`);
}
