import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

import { CorpusKitError } from '@corpuskit/document';

import { ioError } from './errors.js';
import { TMP_PREFIX, fsyncDir } from './fs-util.js';
import { PACK_SUFFIX, PackReader, PackWriter, verifiedBytes, type PackRow } from './pack.js';

/** What repairing the packs did (or, in a dry run, would do). */
export interface PackRepair {
  /** Objects rewritten from a copy that verifies, and where that copy was. */
  restored: Array<{ object: string; from: string }>;
  /** Objects wanted or damaged with no copy that verifies anywhere. */
  lost: string[];
  /** Damaged pack files moved aside (into `lost-found/`), after their good objects were copied. */
  moved: string[];
  /** The new pack holding the restored objects, or null. */
  pack: string | null;
}

interface Copy {
  reader: PackReader;
  row: PackRow;
  location: string;
}

/**
 * Repair the packs in `packDir`: every pack holding a copy that does not verify (or an index that
 * does not verify, or that cannot be opened at all) is replaced by a new pack of good copies of
 * its objects, taken from wherever one verifies: the pack itself, another pack, or a sealed
 * pack an interrupted writer left as a temporary file. The damaged files are moved into
 * `lostFoundDir`, never deleted. `wanted` objects (referenced but missing) are restored too
 * when a good copy turns up in a temporary file. Nothing is written in a dry run.
 */
export function repairPacks(packDir: string, lostFoundDir: string, wanted: Set<string>, dryRun: boolean): PackRepair {
  let names: string[] = [];
  try {
    names = readdirSync(packDir).filter((n) => n.endsWith(PACK_SUFFIX) || n.startsWith(`${TMP_PREFIX}pack-`));
  } catch {
    // no objects yet
  }
  const readers: PackReader[] = [];
  const damaged = new Set<string>();
  const good = new Map<string, Copy>();
  const damagedHashes = new Set<string>();
  try {
    for (const file of names.sort()) {
      const temporary = file.startsWith(TMP_PREFIX);
      let reader: PackReader;
      try {
        reader = PackReader.open(join(packDir, file), temporary ? file : file.slice(0, -PACK_SUFFIX.length));
      } catch {
        if (!temporary) damaged.add(file); // unreadable: nothing in it can be trusted or listed
        continue;
      }
      readers.push(reader);
      let rows: PackRow[];
      try {
        if (!temporary) reader.verify();
        rows = [...reader.rows()];
      } catch {
        if (!temporary) damaged.add(file);
        continue;
      }
      for (const row of rows) {
        try {
          verifiedBytes(reader.readStored(row), row, reader.name);
          if (!good.has(row.hash)) good.set(row.hash, { reader, row, location: `objects/${file}` });
        } catch (error) {
          if (!(error instanceof CorpusKitError) || error.code !== 'store.corrupt') throw error;
          if (!temporary) {
            damaged.add(file);
            damagedHashes.add(row.hash);
          }
        }
      }
    }
    // Every object of a damaged pack must be carried over, good copies included.
    const carry = new Set<string>([...wanted, ...damagedHashes]);
    for (const reader of readers) {
      const file = reader.path.slice(packDir.length + 1);
      if (!damaged.has(file)) continue;
      try {
        for (const row of reader.rows()) carry.add(row.hash);
      } catch {
        // rows outside the object area: only what verified elsewhere can be carried
      }
    }
    const restored: PackRepair['restored'] = [];
    const lost: string[] = [];
    const keepsOwnCopy = (copy: Copy): boolean => {
      const file = copy.reader.path.slice(packDir.length + 1);
      return !damaged.has(file) && !file.startsWith(TMP_PREFIX);
    };
    const toWrite: Copy[] = [];
    for (const hash of [...carry].sort()) {
      const copy = good.get(hash);
      if (!copy) lost.push(hash);
      else if (!keepsOwnCopy(copy)) toWrite.push(copy);
      if (copy && (damagedHashes.has(hash) || wanted.has(hash))) restored.push({ object: hash, from: copy.location });
    }
    if (dryRun || damaged.size + toWrite.length === 0) {
      return { restored, lost, moved: [...damaged].map((f) => `objects/${f}`), pack: null };
    }
    let pack: string | null = null;
    if (toWrite.length > 0) {
      const writer = new PackWriter(packDir);
      for (const copy of toWrite) writer.add(copy.row.hash, copy.reader.readStored(copy.row), copy.row.flags);
      pack = writer.finish();
    }
    // The new pack is durable before a damaged one is moved aside.
    try {
      mkdirSync(lostFoundDir, { recursive: true });
    } catch (error) {
      throw ioError('create', lostFoundDir, error);
    }
    const moved: string[] = [];
    for (const file of damaged) {
      try {
        renameSync(join(packDir, file), join(lostFoundDir, file));
      } catch (error) {
        throw ioError('rename', join(packDir, file), error);
      }
      moved.push(`objects/${file}`);
    }
    fsyncDir(packDir);
    fsyncDir(lostFoundDir);
    return { restored, lost, moved, pack: pack ? `objects/${pack}${PACK_SUFFIX}` : null };
  } finally {
    for (const reader of readers) reader.close();
  }
}
