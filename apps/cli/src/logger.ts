import type { Writable } from 'node:stream';

import { createColors } from 'picocolors';

import { COLOR_SENTINEL, escapeForTerminal } from './terminal-safe.js';

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
  const colors = safeColors(color);
  const terminal = Boolean((stream as { isTTY?: boolean }).isTTY);
  const write = (line: string) => stream.write(`${escapeForTerminal(line, { terminal })}\n`);
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

/**
 * picocolors' functions, writing a sentinel for ESC: the output streams escape every raw ESC
 * (page text may hold one) and turn only the sentinel's colour sequences back into colours.
 */
export function safeColors(enabled: boolean): ReturnType<typeof createColors> {
  const base = createColors(enabled);
  if (!enabled) return base;
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(base)) {
    wrapped[name] =
      typeof value === 'function'
        ? (input: unknown) => (value as (text: unknown) => string)(input).replaceAll('\u001b', COLOR_SENTINEL)
        : value;
  }
  return wrapped as unknown as ReturnType<typeof createColors>;
}
