import type { Writable } from 'node:stream';

import { createColors } from 'picocolors';

export interface Logger {
  /** Progress and status for people; hidden by --quiet. */
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Detail shown only with --verbose. */
  debug(message: string): void;
  readonly colors: ReturnType<typeof createColors>;
  readonly verbose: boolean;
}

export interface LoggerOptions {
  stream: Writable;
  verbose?: boolean;
  quiet?: boolean;
  color?: boolean;
}

/** Logs go to stderr, never stdout: stdout carries only the command's result. */
export function createLogger({ stream, verbose = false, quiet = false, color = false }: LoggerOptions): Logger {
  const colors = createColors(color);
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    colors,
    verbose,
    info: (message) => {
      if (!quiet) write(message);
    },
    warn: (message) => write(`${colors.yellow('warning:')} ${message}`),
    error: (message) => write(`${colors.red('error:')} ${message}`),
    debug: (message) => {
      if (verbose) write(colors.dim(message));
    },
  };
}
