import type { Writable } from 'node:stream';

import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Count one item done; `label` names it (a file) for the periodic line. */
  tick(label?: string): void;
  /** Raise the total: a WARC's records are found as it is read. */
  grow(count: number): void;
  stop(): void;
}

export interface ProgressOptions {
  stream: Writable & { isTTY?: boolean };
  total: number;
  /** What is counted, e.g. "pages". */
  unit: string;
  /** Seconds between periodic lines when the stream is not a terminal. */
  intervalSeconds?: number;
  /** Disable entirely (--quiet, --json to a terminal is still allowed a bar on stderr). */
  enabled?: boolean;
  now?: () => number;
  /** A live suffix for each line (e.g. workers and queue depth of a queue run). */
  detail?: () => string;
}

/**
 * A progress bar on a terminal (cli-progress, on stderr), a periodic plain line otherwise, so
 * logs of scripted runs stay readable. Nothing at all when disabled or for tiny batches.
 */
export function createProgress({
  stream,
  total,
  unit,
  intervalSeconds = 5,
  enabled = true,
  now = Date.now,
  detail,
}: ProgressOptions): Progress {
  if (!enabled) return { tick: () => {}, grow: () => {}, stop: () => {} };
  if (total < 2) {
    // Tiny batches show nothing, unless they grow (a single WARC file).
    let inner: Progress | null = null;
    let done = 0;
    return {
      tick: (label) => (inner ? inner.tick(label) : (done += 1)),
      grow(count) {
        if (inner) return inner.grow(count);
        total += count;
        if (total >= 2) {
          inner = createProgress({ stream, total, unit, intervalSeconds, enabled, now, ...(detail ? { detail } : {}) });
          for (let i = 0; i < done; i += 1) inner.tick();
        }
      },
      stop: () => inner?.stop(),
    };
  }
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: ` {bar} {value}/{total} ${unit} | {percentage}% | {rate}/s | ETA {eta_formatted}${detail ? ' | {detail}' : ''}`,
      hideCursor: true,
      clearOnComplete: true,
    });
    const started = now();
    let done = 0;
    const payload = () => ({
      rate: (done / Math.max((now() - started) / 1000, 0.001)).toFixed(1),
      detail: detail?.() ?? '',
    });
    bar.start(total, 0, payload());
    return {
      tick: () => {
        done += 1;
        bar.increment(1, payload());
      },
      grow: (count) => {
        total += count;
        bar.setTotal(total);
      },
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  const started = now();
  let last = started;
  return {
    tick(label) {
      done += 1;
      const t = now();
      if (t - last >= intervalSeconds * 1000 && done < total) {
        last = t;
        const rate = done / Math.max((t - started) / 1000, 0.001);
        const extra = detail?.();
        stream.write(
          `${done}/${total} ${unit} (${rate.toFixed(1)}/s)${extra ? `, ${extra}` : ''}${label ? `, last: ${label}` : ''}\n`,
        );
      }
    },
    grow(count) {
      total += count;
    },
    stop() {},
  };
}
