/**
 * Stable error codes shared by every corpuskit package. Codes never change meaning;
 * the CLI maps each to an exit code and a JSON error in one place.
 *
 * - `usage`: the caller asked for something malformed (bad flag, bad option, bad id).
 * - `input`: an input could not be used (unreadable, binary, empty, too large, bad charset).
 * - `not-found`: a named thing (document, version, tag, file) does not exist.
 * - `conflict`: the request clashes with the current state (e.g. nothing to commit, tag exists).
 * - `locked`: another process holds the corpus lock.
 * - `corrupt`: stored data failed verification.
 * - `io`: the system failed a read or write (disk full, no permission, read-only or failing
 *   storage); the message names the path.
 * - `timeout`: a per-document or per-request time limit was exceeded.
 * - `interrupted`: Ctrl-C or SIGTERM stopped the work before it ended; not a fault of the input
 *   (exit 130, the shell's 128 + SIGINT).
 * - `internal`: a bug; the message says how to report it.
 */
export const ERROR_KINDS = [
  'usage',
  'input',
  'not-found',
  'conflict',
  'locked',
  'corrupt',
  'io',
  'timeout',
  'interrupted',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * Exit codes by kind, as the command-line contract requires: 2 for usage and input, >2 otherwise
 * (130 for an interruption, as a shell reports a command stopped by Ctrl-C).
 */
export const EXIT_CODES: Readonly<Record<ErrorKind, number>> = {
  usage: 2,
  input: 2,
  'not-found': 2,
  conflict: 2,
  locked: 3,
  corrupt: 4,
  timeout: 5,
  io: 6,
  internal: 70,
  interrupted: 130,
};

export interface CorpusKitErrorOptions {
  /** The file, document id or version the error is about; shown before the message. */
  subject?: string;
  cause?: unknown;
  /** Extra machine-readable detail, serialised under `error.details` in JSON output. */
  details?: Record<string, unknown>;
}

/**
 * The base error of every corpuskit package. `code` is a stable dotted string
 * (`clean.binary-input`, `store.locked`), `kind` its family for exit codes.
 */
export class CorpusKitError extends Error {
  override readonly name: string = 'CorpusKitError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly subject: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, code: string, message: string, options: CorpusKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.subject = options.subject;
    this.details = options.details;
  }

  /** One line: `subject: message` when there is a subject. */
  get summary(): string {
    return this.subject ? `${this.subject}: ${this.message}` : this.message;
  }

  toJSON(): { code: string; kind: ErrorKind; message: string; subject?: string; details?: Record<string, unknown> } {
    return {
      code: this.code,
      kind: this.kind,
      message: this.message,
      ...(this.subject === undefined ? {} : { subject: this.subject }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** A package's error factory: only the codes of its table, each thrown with the kind the table gives it. */
export type ErrorFactory<Code extends string> = (
  code: Code,
  message: string,
  options?: CorpusKitErrorOptions,
) => CorpusKitError;

/**
 * The one shape of every package's `errors.ts`: a table of the package's stable codes, each with
 * its kind, and the factory this returns, typed by that table (a code not in the table does not
 * compile; a code's kind, and so its exit code, is written down once).
 */
export function errorFactory<Code extends string>(kinds: Readonly<Record<Code, ErrorKind>>): ErrorFactory<Code> {
  return (code, message, options) => new CorpusKitError(kinds[code], code, message, options);
}

/** Codes of @corpuskit/document itself (anything else it makes comes from `toCorpusKitError`). */
export type DocumentErrorCode = 'document.invalid-path' | 'document.invalid-url' | 'document.not-canonical';
export const documentError = errorFactory<DocumentErrorCode>({
  'document.invalid-path': 'usage',
  'document.invalid-url': 'usage',
  'document.not-canonical': 'usage',
});

export function isCorpusKitError(value: unknown): value is CorpusKitError {
  return value instanceof CorpusKitError;
}

/** Wrap anything thrown into a CorpusKitError, keeping corpuskit errors as they are. */
/** Errors of the storage itself (full, over a size limit or quota, failing, read-only): kind `io`. */
const IO_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EROFS']);

export function toCorpusKitError(value: unknown, subject?: string): CorpusKitError {
  if (value instanceof CorpusKitError) return value;
  const message = value instanceof Error ? value.message : String(value);
  const nodeCode = (value as { code?: unknown } | null)?.code;
  if (typeof nodeCode === 'string' && IO_CODES.has(nodeCode)) {
    // The disk is full or failing: not the input's fault. Name the path when the error has one.
    const path = (value as { path?: unknown }).path;
    return new CorpusKitError(
      'io',
      `fs.${nodeCode.toLowerCase()}`,
      typeof path === 'string' && !message.includes(path) ? `${message} (${path})` : message,
      { subject, cause: value, details: { code: nodeCode, ...(typeof path === 'string' ? { path } : {}) } },
    );
  }
  if (typeof nodeCode === 'string' && /^E[A-Z]+$/.test(nodeCode)) {
    const kind: ErrorKind = nodeCode === 'ENOENT' ? 'not-found' : 'input';
    return new CorpusKitError(kind, `fs.${nodeCode.toLowerCase()}`, message, { subject, cause: value });
  }
  return new CorpusKitError('internal', 'internal', message, { subject, cause: value });
}

export function exitCodeFor(error: unknown): number {
  return error instanceof CorpusKitError ? EXIT_CODES[error.kind] : EXIT_CODES.internal;
}
