import type { Readable, Writable } from 'node:stream';

import { createLogger } from './logger.js';
import type { Logger } from './logger.js';
import { terminalSafe } from './terminal-safe.js';

/** Options every command accepts. */
export interface GlobalOptions {
  json: boolean;
  format: string | undefined;
  corpus: string | undefined;
  verbose: boolean;
  quiet: boolean;
  color: boolean;
}

/** What a command runs with: its streams, its options, its logger. Tests build one with `createContext`. */
export interface CommandContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Where `-` (a page on standard input) is read from. */
  stdin: Readable & { isTTY?: boolean };
  options: GlobalOptions;
  log: Logger;
  /** Resolves when the command may stop early (Ctrl-C); commands check `signal.aborted`. */
  signal: AbortSignal;
}

export interface ContextInit {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: CommandContext['stdout'];
  stderr?: CommandContext['stderr'];
  stdin?: CommandContext['stdin'];
  options?: Partial<GlobalOptions>;
  signal?: AbortSignal;
}

/** Colour when the stream is a terminal, unless NO_COLOR; FORCE_COLOR forces it on (or off with 0). */
function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function createContext(init: ContextInit = {}): CommandContext {
  const env = init.env ?? process.env;
  // Page text and file names are printed: escape sequences in them must not act on the terminal.
  const stdout = terminalSafe(init.stdout ?? process.stdout);
  const stderr = init.stderr ?? process.stderr;
  const options: GlobalOptions = {
    json: false,
    format: undefined,
    corpus: undefined,
    verbose: false,
    quiet: false,
    color: wantsColor(stdout, env),
    ...init.options,
  };
  const log = createLogger({
    stream: stderr,
    verbose: options.verbose,
    quiet: options.quiet,
    color: wantsColor(stderr, env),
  });
  return {
    cwd: init.cwd ?? process.cwd(),
    env,
    stdout,
    stderr,
    stdin: init.stdin ?? process.stdin,
    options,
    log,
    signal: init.signal ?? new AbortController().signal,
  };
}
