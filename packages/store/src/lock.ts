import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

import { ioError, storeError } from './errors.js';
import { fsyncDir, isNotFound, tmpName, unlinkQuiet, writeAll } from './fs-util.js';

/** Who holds the corpus lock; written as JSON into the lock file. */
export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  /** ISO 8601. */
  startedAt: string;
  /** Random per acquisition, so a process only ever removes its own lock. */
  token: string;
}

/** An unparsable lock file (its writer died between create and write) is stale after this long. */
const UNREADABLE_STALE_MS = 5_000;

/**
 * One writer at a time: an exclusive lock file created with O_EXCL. A lock whose holder ran on
 * this host and is no longer alive is stale and is broken (under a second, short-lived
 * `.break` lock so two processes cannot both break it and then both take it).
 */
export class FileLock {
  readonly path: string;
  private held: LockHolder | null = null;

  constructor(path: string) {
    this.path = path;
  }

  get holder(): LockHolder | null {
    return this.held;
  }

  async acquire(command: string, waitMs = 0): Promise<LockHolder> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      let result: ReturnType<FileLock['tryAcquire']>;
      try {
        result = this.tryAcquire(command);
      } catch (error) {
        // A corpus on read-only storage, or one this user may not write, cannot be locked.
        throw ioError('create', this.path, error);
      }
      if (result.ok) return result.holder;
      if (Date.now() >= deadline) {
        const h = result.holder;
        const who = h
          ? `process ${h.pid} on ${h.hostname} (${h.command || 'unknown command'}, since ${h.startedAt})`
          : 'another process';
        throw storeError('store.locked', `the corpus is locked by ${who}`, {
          subject: this.path,
          details: h ? { pid: h.pid, hostname: h.hostname, command: h.command, startedAt: h.startedAt } : {},
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private tryAcquire(command: string): { ok: true; holder: LockHolder } | { ok: false; holder: LockHolder | null } {
    for (let attempt = 0; attempt < 5; attempt++) {
      const holder: LockHolder = {
        pid: process.pid,
        hostname: hostname(),
        command,
        startedAt: new Date().toISOString(),
        token: randomBytes(8).toString('hex'),
      };
      if (createExclusive(this.path, JSON.stringify(holder, null, 2) + '\n')) {
        this.held = holder;
        return { ok: true, holder };
      }
      const current = readLock(this.path);
      if (current === 'missing') continue;
      if (!isStale(this.path, current)) return { ok: false, holder: current === 'unreadable' ? null : current };
      this.breakStale(current);
    }
    return { ok: false, holder: null };
  }

  private breakStale(seen: LockHolder | 'unreadable'): void {
    const breaker = this.path + '.break';
    if (!createExclusive(breaker, String(process.pid))) {
      // Someone else is breaking it, or died doing so: clear a breaker older than a few seconds.
      try {
        if (Date.now() - statSync(breaker).mtimeMs > UNREADABLE_STALE_MS) unlinkQuiet(breaker);
      } catch {
        // gone already
      }
      return;
    }
    try {
      const again = readLock(this.path);
      const same =
        again === seen || (typeof again === 'object' && typeof seen === 'object' && again.token === seen.token);
      if (same) {
        unlinkQuiet(this.path);
        fsyncDir(dirname(this.path));
      }
    } finally {
      unlinkQuiet(breaker);
    }
  }

  release(): void {
    const held = this.held;
    this.held = null;
    if (!held) return;
    const current = readLock(this.path);
    if (typeof current === 'object' && current.token === held.token) {
      unlinkQuiet(this.path);
      fsyncDir(dirname(this.path));
    }
  }
}

/**
 * Create `path` with `content` only if it does not exist, never leaving a half-written file: the
 * content goes to a temp file first, which is then hard-linked into place (link fails if the
 * name exists). File systems without hard links fall back to O_EXCL.
 */
function createExclusive(path: string, content: string): boolean {
  const tmp = tmpName(path);
  const fd = openSync(tmp, 'wx');
  try {
    writeAll(fd, Buffer.from(content, 'utf8'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    return createExclusiveOpen(path, content);
  } finally {
    unlinkQuiet(tmp);
  }
  fsyncDir(dirname(path));
  return true;
}

function createExclusiveOpen(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeAll(fd, Buffer.from(content, 'utf8'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDir(dirname(path));
  return true;
}

/** Read the lock file: its holder, `missing`, or `unreadable` (being written, or torn by a crash). */
function readLock(path: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return isNotFound(error) ? 'missing' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return 'unreadable';
    return {
      pid: value.pid,
      hostname: value.hostname,
      command: String(value.command ?? ''),
      startedAt: String(value.startedAt ?? ''),
      token: String(value.token ?? ''),
    };
  } catch {
    return 'unreadable';
  }
}

function isStale(path: string, holder: LockHolder | 'unreadable'): boolean {
  if (holder === 'unreadable') {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return false;
    }
  }
  if (holder.hostname !== hostname()) return false;
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
