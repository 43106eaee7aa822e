import { errorFactory, exitCodeFor, isCorpusKitError, SCHEMA_VERSION, toCorpusKitError } from '@corpuskit/document';
import type { CorpusKitError } from '@corpuskit/document';

import type { CommandContext } from './context.js';

export const ISSUES_URL = 'https://github.com/corpuskit/corpuskit/issues';

/**
 * Stable error codes the CLI throws itself (besides the packages' own). `clean.*` and `diff.*` here
 * are the `clean` and `diff` commands' errors about their arguments (a folder, a binary file).
 */
export type CliErrorCode =
  | 'clean.is-directory'
  | 'clean.not-found'
  | 'cli.ambiguous-id'
  | 'cli.interrupted'
  | 'cli.no-corpus'
  | 'cli.no-raw'
  | 'cli.too-large'
  | 'cli.unknown-document'
  | 'cli.usage'
  | 'diff.binary-file'
  | 'diff.directory'
  | 'diff.mixed-sides'
  | 'diff.no-such-document'
  | 'diff.no-such-side'
  | 'diff.not-utf8'
  | 'diff.unreadable';

/** A CLI error: a code of the table below, thrown with the kind (and so the exit code) it lists. */
export const cliError = errorFactory<CliErrorCode>({
  'clean.is-directory': 'input',
  'clean.not-found': 'not-found',
  'cli.ambiguous-id': 'usage',
  'cli.interrupted': 'interrupted',
  'cli.no-corpus': 'not-found',
  'cli.no-raw': 'not-found',
  'cli.too-large': 'input',
  'cli.unknown-document': 'not-found',
  'cli.usage': 'usage',
  'diff.binary-file': 'input',
  'diff.directory': 'usage',
  'diff.mixed-sides': 'usage',
  'diff.no-such-document': 'not-found',
  'diff.no-such-side': 'not-found',
  'diff.not-utf8': 'input',
  'diff.unreadable': 'input',
});

/**
 * The one wording of a stop by Ctrl-C or SIGTERM: a page whose cleaning was stopped (the clean
 * pool, `corpuskit clean`), or standard input while it was being read (`clean -`, `ingest -`).
 * Not a failure of the input: its kind, `interrupted`, gives exit code 130.
 */
export function interruptedError(source: string, when = 'before its cleaning finished'): CorpusKitError {
  return cliError('cli.interrupted', `interrupted (Ctrl-C or SIGTERM) ${when}`, { subject: source });
}

/** True for an error a stop by Ctrl-C or SIGTERM caused (of kind `interrupted`). */
export function isInterruption(error: unknown): error is CorpusKitError {
  return isCorpusKitError(error) && error.kind === 'interrupted';
}

/** A usage error raised by the CLI itself (bad flag values, wrong combinations). */
export function usageError(message: string, subject?: string): CorpusKitError {
  return cliError('cli.usage', message, { subject });
}

/**
 * A flag that takes a positive number (`integer`: a positive whole number); undefined when the
 * flag is not given, a usage error naming the flag and the value otherwise.
 */
export function positiveOption(value: unknown, flag: string, { integer = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw usageError(`${flag} must be a positive ${integer ? 'whole number' : 'number'} (got '${String(value)}')`);
  }
  return number;
}

/**
 * The one place errors become output and exit codes: JSON on stdout under --json
 * (`{ schemaVersion, error: { code, kind, message } }`), one line on stderr otherwise;
 * internal errors also say how to report them. Returns the exit code.
 */
export function reportError(raw: unknown, context: Pick<CommandContext, 'stdout' | 'log' | 'options'>): number {
  const error = isCacError(raw) ? cliError('cli.usage', raw.message) : toCorpusKitError(raw);
  const exitCode = exitCodeFor(error);
  if (context.options.json) {
    context.stdout.write(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, error: error.toJSON() })}\n`);
  }
  if (error.kind === 'interrupted') {
    // Not a failure: said as a warning, whatever the format.
    context.log.warn(error.summary);
  } else if (!context.options.json || error.kind === 'internal') {
    context.log.error(error.summary);
    if (error.kind === 'usage') context.log.info(`Run 'corpuskit --help' or 'corpuskit COMMAND --help' for usage.`);
  }
  if (error.kind === 'internal') {
    const cause = error.cause instanceof Error ? error.cause : error;
    if (context.options.verbose) context.log.error(cause.stack ?? String(cause));
    context.log.error(
      `This is a bug in corpuskit. Please report it at ${ISSUES_URL} with the command you ran and the output of 'corpuskit --verbose ...'.`,
    );
  } else if (context.options.verbose && error.cause instanceof Error) {
    context.log.debug(error.cause.stack ?? error.cause.message);
  }
  return exitCode;
}

function isCacError(value: unknown): value is Error {
  return value instanceof Error && value.name === 'CACError';
}
