import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { PackReader, PackWriter } from './pack.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A 64-hex-digit name: `prefix` (8 hex digits) then `rest` padded. */
function name(prefix: number, rest: number): string {
  return prefix.toString(16).padStart(8, '0') + rest.toString(16).padStart(56, '0');
}

describe('PackReader lookups', () => {
  it('finds every object and no other, before and after it switches to its prefix table, rows sharing a prefix included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpuskit-pack-'));
    dirs.push(dir);
    const writer = new PackWriter(dir);
    const names: string[] = [];
    for (let i = 0; i < 600; i++) names.push(name(0x1000 + i * 7919, i));
    // Three rows share their first 32 bits (the table sends those to the binary search).
    names.push(name(0xabcdef01, 1), name(0xabcdef01, 2), name(0xabcdef01, 3));
    names.forEach((hash, i) => writer.add(hash, Buffer.from(`object ${i}`)));
    const packName = writer.finish()!;
    const reader = PackReader.open(join(dir, `${packName}.pack`), packName);
    const absent = [
      name(0xabcdef01, 4), // a shared prefix, another name
      name(0x1000, 999), // the prefix of one row, another name
      name(0xfffffff0, 0), // no row has this prefix
      'ab'.repeat(16), // too short
    ];
    // Twice over: the first lookups are binary searches; the table is built after many.
    for (let round = 0; round < 2; round++) {
      names.forEach((hash, i) => {
        expect(reader.get(hash, false)?.toString()).toBe(`object ${i}`);
      });
      for (const hash of absent) expect(reader.has(hash)).toBe(false);
    }
    expect(reader.has(names[5]!.toUpperCase())).toBe(false);
    reader.close();
  });
});
