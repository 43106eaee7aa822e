import type { Writable } from 'node:stream';

import { SingleBar } from 'cli-progress';

export interface Progress {
  /** Count one item done; `label` names it (a file) for the periodic line. */
  tick(label?: string): void;
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
}: ProgressOptions): Progress {
  if (!enabled || total < 2) return { tick: () => {}, stop: () => {} };
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: ` {bar} {value}/{total} ${unit} | {percentage}% | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    });
    bar.start(total, 0);
    return { tick: () => bar.increment(), stop: () => bar.stop() };
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
        stream.write(`${done}/${total} ${unit} (${rate.toFixed(1)}/s)${label ? `, last: ${label}` : ''}\n`);
      }
    },
    stop() {},
  };
}
