import { createHash } from 'node:crypto';

import { canonicalJson } from './canonical-json.js';

/** Hex SHA-256 of bytes, or of a string's UTF-8 encoding. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hex SHA-256 of a value's canonical JSON: equal records hash equal whatever their key order. */
export function hashValue(value: unknown): string {
  return sha256(canonicalJson(value));
}

const HEX64 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return HEX64.test(value);
}
