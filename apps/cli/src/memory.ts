import { readFileSync } from 'node:fs';

import type { PoolMemory } from './clean-pool.js';

/** One look at the process's memory (what `ingest --verbose` prints every few hundred pages). */
export interface MemorySample {
  /** Resident memory now, and the most it has been (bytes). */
  rss: number;
  peakRss: number;
  /** Resident anonymous memory (heaps of every thread, malloc): Linux only. */
  anonymous: number | null;
  /** The main thread's V8 heap. */
  heapUsed: number;
  heapTotal: number;
  /** Memory of the main thread's JavaScript objects outside V8's heap (Buffers, typed arrays, ...). */
  external: number;
  arrayBuffers: number;
  pool: PoolMemory | null;
}

function anonymousBytes(): number | null {
  try {
    const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = /^Anonymous:\s+(\d+) kB/m.exec(rollup);
    return kb ? Number(kb[1]) * 1024 : null;
  } catch {
    return null; // not Linux, or /proc not mounted
  }
}

export function sampleMemory(pool: PoolMemory | null): MemorySample {
  const usage = process.memoryUsage();
  return {
    rss: usage.rss,
    // resourceUsage's maxRSS is in kilobytes.
    peakRss: process.resourceUsage().maxRSS * 1024,
    anonymous: anonymousBytes(),
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    pool,
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** One line: `RSS 512 MB (peak 530, anonymous 470); main heap 20/30 MB, external 45 (buffers 10); threads 180/220 120/150 MB (3 started)`. */
export function formatMemory(sample: MemorySample): string {
  const parts = [
    `RSS ${mb(sample.rss)} MB (peak ${mb(sample.peakRss)}${sample.anonymous === null ? '' : `, anonymous ${mb(sample.anonymous)}`})`,
    `main heap ${mb(sample.heapUsed)}/${mb(sample.heapTotal)} MB, external ${mb(sample.external)} (array buffers ${mb(sample.arrayBuffers)})`,
  ];
  if (sample.pool && sample.pool.started > 0) {
    const threads = sample.pool.threads.map((thread) => `${mb(thread.used)}/${mb(thread.total)}`).join(' ');
    const malloced = sample.pool.threads.reduce((sum, thread) => sum + thread.malloced, 0);
    parts.push(
      `cleaning threads' heaps used/total ${threads || '-'} MB, malloced ${mb(malloced)} (${sample.pool.started} threads started)`,
    );
  }
  return parts.join('; ');
}
