import type { CommandContext } from './context.js';

/** An option of a command, declared the way `cac` takes it: `--url <url>`, `-m, --message <text>`, `--dry-run`. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: unknown;
}

/** The light, eagerly loaded half of a command: what `--help` shows. */
export interface CommandSpec {
  /** cac syntax: `clean <files...>`, `diff <old> <new>`, `init [dir]`. */
  usage: string;
  description: string;
  /** Longer text shown under the description by `COMMAND --help` only (inputs, file formats). */
  details?: string;
  options?: OptionSpec[];
  /** Shown under --help, e.g. `corpuskit clean page.html --format markdown`. */
  examples?: string[];
  /** `--format` values this command renders (the first is the default). */
  formats?: string[];
  /** The exit codes this command can end with: `COMMAND --help` lists them, meanings from EXIT_CODE_MEANINGS. */
  exitCodes?: readonly number[];
}

/**
 * What a command returns for the command layer to render: `json` (printed under `--json`,
 * with a `schemaVersion` added when it is an object without one) and `text` (the human form).
 * A command that streams its output writes to `context.stdout` itself and returns nothing.
 */
export interface CommandResult {
  json?: unknown;
  text?: string;
  /** 0 when omitted; 1 for findings (differences with --exit-code, failures in a batch). */
  exitCode?: number;
}

/** Positional arguments in order (a variadic one as an array), then the parsed options. */
export type CommandRun = (
  args: unknown[],
  options: Record<string, unknown>,
  context: CommandContext,
) => Promise<CommandResult | void>;

/** A command module: `commands/<name>.ts` exports `spec` and `run`; `run` imports heavy packages lazily. */
export interface CommandModule {
  spec: CommandSpec;
  run: CommandRun;
}
