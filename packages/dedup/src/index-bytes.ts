import { sha256 } from '@corpuskit/document';

import { dedupError } from './errors.js';
import type { DedupOptions } from './options.js';

/*
 * The byte layout of a serialised DedupIndex: magic bytes, the JSON header's length (uint32 LE), the
 * header, padding to 4 bytes, the signatures as little-endian int32 in id order, and the hex SHA-256
 * of everything before it.
 */

const MAGIC = 'CKDEDUPX';
export const FORMAT_VERSION = 1;

export interface IndexHeader {
  format: 'corpuskit-dedup-index';
  version: number;
  options: DedupOptions;
  ids: string[];
  fingerprints: string[];
  lengths: number[];
  fetchedAt: Array<number | null>;
}

/** Throw `dedup.corrupt-index` (kind corrupt) saying why the bytes are no index. */
export function corruptIndex(why: string): never {
  throw dedupError('dedup.corrupt-index', `not a valid dedup index: ${why}`);
}

/** The bytes of an index: its header and its signatures (`ordered`, in the header's id order). */
export function encodeIndex(header: IndexHeader, ordered: Int32Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = align4(MAGIC.length + 4 + json.length);
  const bodyEnd = headerEnd + ordered.length * 4;
  const bytes = new Uint8Array(bodyEnd + 64);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  writeInt32s(bytes, headerEnd, ordered);
  bytes.set(new TextEncoder().encode(sha256(bytes.subarray(0, bodyEnd))), bodyEnd);
  return bytes;
}

/**
 * The header of index bytes and where their signature block lies, once the magic bytes, the
 * checksum, the header's JSON, format and version check out (`dedup.corrupt-index` otherwise).
 */
export function decodeIndex(bytes: Uint8Array): { header: IndexHeader; signaturesAt: number; signaturesEnd: number } {
  if (!(bytes instanceof Uint8Array) || bytes.length < MAGIC.length + 4 + 64) corruptIndex('too short');
  if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) corruptIndex('bad magic bytes');
  const bodyEnd = bytes.length - 64;
  const checksum = new TextDecoder().decode(bytes.subarray(bodyEnd));
  if (checksum !== sha256(bytes.subarray(0, bodyEnd))) corruptIndex('checksum mismatch');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(MAGIC.length, true);
  let header: IndexHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength)));
  } catch (error) {
    return corruptIndex(`header is not JSON (${(error as Error).message})`);
  }
  if (header.format !== 'corpuskit-dedup-index') corruptIndex('unknown format');
  if (header.version !== FORMAT_VERSION) corruptIndex(`unsupported version ${String(header.version)}`);
  return { header, signaturesAt: align4(MAGIC.length + 4 + jsonLength), signaturesEnd: bodyEnd };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Write int32 values little-endian at `offset` (a plain copy on little-endian machines). */
function writeInt32s(bytes: Uint8Array, offset: number, values: Int32Array): void {
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) view.setInt32(offset + i * 4, values[i]!, true);
}

/** Read `count` little-endian int32 values at `offset`. */
export function readInt32s(bytes: Uint8Array, offset: number, count: number): Int32Array {
  const out = new Int32Array(count);
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(bytes.subarray(offset, offset + count * 4));
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + i * 4, true);
  return out;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
