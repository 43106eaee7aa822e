import { resolve } from 'node:path';

import { CorpusKitError, DEFAULT_MAX_BYTES, EXIT_CODES, exitCodeFor, toCorpusKitError } from '@corpuskit/document';
import type { CleanDocument } from '@corpuskit/document';
import type { CleanOptions, SiteRules } from '@corpuskit/clean';

import type { CleanPool } from '../clean-pool.js';
import type { CommandResult, CommandRun, CommandSpec } from '../command.js';
import type { CommandContext } from '../context.js';
import { interruptedError, isInterruption, usageError } from '../errors.js';
import { EXIT_TERMINATED } from '../exit-codes.js';

export const spec: CommandSpec = {
  usage: 'clean <...files>',
  description:
    'Clean saved pages (HTML or plain text) into article text, no corpus needed. json: one file; jsonl: one line per file in input order with its source, status "error" for a file that failed while the rest go on. Exit 0 when all were cleaned, 2 when any failed (one file: its error\'s code, e.g. 5 at the time limit)',
  // 5 and 6: a single file's time limit or read failure; 70 internal; 130/143 Ctrl-C or SIGTERM.
  exitCodes: [
    0,
    EXIT_CODES.usage,
    EXIT_CODES.timeout,
    EXIT_CODES.io,
    EXIT_CODES.internal,
    EXIT_CODES.interrupted,
    EXIT_TERMINATED,
  ],
  options: [
    { flags: '--url <url>', description: 'The page URL (one file only): per-site rules, links, provenance' },
    { flags: '--engine <engine>', description: 'DOM engine: linkedom (default, fast) or jsdom (spec-compliant)' },
    {
      flags: '--captions <mode>',
      description: 'keep or drop figure captions (credits are always dropped; default drop)',
    },
    {
      flags: '--rules <file>',
      description: 'Per-site rules and disabled categories (JSON, see the @corpuskit/clean README)',
    },
    {
      flags: '--keep <categories>',
      description: 'Comma-separated removal categories to keep in the text, e.g. caption,related',
    },
    { flags: '--fetched-at <time>', description: 'ISO 8601 fetch time: dates after it are rejected' },
    {
      flags: '--timeout <ms>',
      description: 'Per-file time limit in milliseconds (default 30000): a page still running is stopped',
    },
    {
      flags: '--max-memory <MiB>',
      description: 'Heap limit of the thread that cleans: a page that needs more is stopped (default 1024)',
    },
    { flags: '--max-size <MiB>', description: 'Refuse files larger than this (default 64, at most 512)' },
  ],
  formats: ['text', 'markdown', 'json', 'jsonl'],
  examples: [
    'corpuskit clean page.html',
    'corpuskit clean page.html --url https://example.com/a --format markdown',
    'corpuskit clean page.html --format json',
    'corpuskit clean saved/*.html --format jsonl > clean.jsonl',
    'corpuskit clean page.html --rules site-rules.json --keep caption',
    'corpuskit clean saved.mhtml page.html.gz --format jsonl',
    'curl -s https://example.com/story | corpuskit clean - --url https://example.com/story',
  ],
};

/** One input's outcome, as printed by `--format jsonl`. */
export type CleanRecord =
  | ({ source: string } & CleanDocument)
  | { source: string; status: 'error'; error: ReturnType<CorpusKitError['toJSON']> };

function stringOption(options: Record<string, unknown>, name: string): string | undefined {
  const value = options[name];
  if (value === undefined || value === false) return undefined;
  if (Array.isArray(value)) throw usageError(`--${name} was given more than once`);
  return String(value);
}

async function cleanOptionsFrom(
  options: Record<string, unknown>,
  context: CommandContext,
  files: string[],
): Promise<CleanOptions> {
  // The cleaner is loaded here only for the flags it checks: the pages are cleaned on a thread.
  const cleaner = () => import('@corpuskit/clean');
  const result: CleanOptions = {};
  const url = stringOption(options, 'url');
  if (url !== undefined) {
    if (files.length > 1) throw usageError('--url applies to one file; give one file with --url');
    try {
      new URL(url);
    } catch {
      throw usageError(`--url is not a URL (got '${url}')`);
    }
    result.url = url;
  }
  const engine = stringOption(options, 'engine');
  if (engine !== undefined) {
    const { ENGINES } = await cleaner();
    if (!(ENGINES as readonly string[]).includes(engine))
      throw usageError(`--engine must be one of ${ENGINES.join(', ')} (got '${engine}')`);
    result.engine = engine as CleanOptions['engine'];
  }
  const captions = stringOption(options, 'captions');
  if (captions !== undefined) {
    if (captions !== 'keep' && captions !== 'drop')
      throw usageError(`--captions must be keep or drop (got '${captions}')`);
    result.captions = captions;
  }
  const rules = stringOption(options, 'rules');
  if (rules !== undefined)
    result.siteRules = (await (await cleaner()).loadSiteRules(resolve(context.cwd, rules))) as SiteRules;
  const keep = stringOption(options, 'keep');
  if (keep !== undefined) {
    const names = keep
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const { RULES } = await cleaner();
    const known = new Set([...RULES.map((rule) => rule.category), ...RULES.map((rule) => rule.id)]);
    for (const name of names) if (!known.has(name)) throw usageError(`--keep: unknown category '${name}'`);
    result.disabledCategories = names;
  }
  const fetchedAt = stringOption(options, 'fetchedAt');
  if (fetchedAt !== undefined) {
    if (!Number.isFinite(Date.parse(fetchedAt)))
      throw usageError(`--fetched-at is not an ISO 8601 time (got '${fetchedAt}')`);
    result.fetchedAt = fetchedAt;
  }
  const maxSize = stringOption(options, 'maxSize');
  if (maxSize !== undefined) {
    const mib = Number(maxSize);
    if (!Number.isFinite(mib) || mib <= 0 || mib > 512)
      throw usageError(`--max-size must be a number of MiB from 1 to 512 (got '${maxSize}')`);
    result.maxBytes = Math.round(mib * 1024 * 1024);
  }
  const timeout = stringOption(options, 'timeout');
  if (timeout !== undefined) {
    const ms = Number(timeout);
    if (!Number.isFinite(ms) || ms <= 0)
      throw usageError(`--timeout must be a positive number of milliseconds (got '${timeout}')`);
    result.timeoutMs = ms;
  }
  return result;
}

/** Each page is cleaned within this many milliseconds unless --timeout says otherwise. */
const DEFAULT_TIMEOUT_MS = 30_000;

function asError(error: unknown, file: string): CorpusKitError {
  const wrapped = toCorpusKitError(error, file);
  return wrapped.subject === undefined
    ? new CorpusKitError(wrapped.kind, wrapped.code, wrapped.message, { subject: file, cause: error })
    : wrapped;
}

export const run: CommandRun = async (args, options, context) => {
  const given = args[0];
  const files = (Array.isArray(given) ? given : given === undefined ? [] : [given]).map(String);
  if (files.length === 0) throw usageError('give at least one file to clean');
  if (files.filter((file) => file === '-').length > 1) throw usageError("'-' (standard input) can be given once");
  const format = context.options.json ? 'json' : (context.options.format ?? 'text');
  if (format === 'json' && files.length > 1)
    throw usageError('--format json takes one file; use --format jsonl for several');
  // Options first: a bad one is reported at once, not once standard input ends, and --max-size holds for it.
  const cleanOptions = await cleanOptionsFrom(options, context, files);
  let stdin: Uint8Array | undefined;
  try {
    stdin = files.includes('-')
      ? await (await import('../stdin.js')).readStdin(context, cleanOptions.maxBytes ?? DEFAULT_MAX_BYTES)
      : undefined;
  } catch (error) {
    // Stopped while standard input was being read: that is the file in hand, no file was cleaned.
    if (!isInterruption(error)) throw error;
    return interruptedEnd(files, format, 0, context, error, true);
  }
  const { createCleanPool, threadHeapMib } = await import('../clean-pool.js');
  const maxHeapMib = threadHeapMib(options.maxMemory, context.env);
  // One thread, pages one after another in input order; no warm-up page for a one-page run.
  const pool = await createCleanPool({
    jobs: 1,
    timeoutMs: cleanOptions.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxHeapMib,
    warmUp: false,
    // Ctrl-C stops the page in hand at once (its thread is terminated), not at its time limit.
    signal: context.signal,
    onWarmUp: (file, ms) =>
      context.log.debug(
        `${file}: a fresh cleaning thread (it replaced one that was stopped or recycled) warmed up first, in ${Math.round(ms)} ms, outside the page's time limit`,
      ),
  });
  try {
    return await cleanFiles(files, format, cleanOptions, context, pool, stdin);
  } finally {
    await pool.destroy();
  }
};

async function cleanFiles(
  files: string[],
  format: string,
  cleanOptions: CleanOptions,
  context: CommandContext,
  pool: CleanPool,
  stdin: Uint8Array | undefined,
): ReturnType<CommandRun> {
  // --verbose says when each page goes to its thread: the cue a caller (or a test) can wait for.
  const clean = (file: string) => {
    context.log.debug(`${file}: cleaning`);
    return pool.cleanDocument({
      file,
      options: cleanOptions,
      cwd: context.cwd,
      ...(file === '-' && stdin ? { stdin } : {}),
    });
  };
  if (format === 'json') {
    let document: CleanDocument;
    try {
      document = await clean(files[0]!);
    } catch (error) {
      if (!context.signal.aborted) throw asError(error, files[0]!);
      return interruptedEnd(files, format, 0, context, stoppedPage(error, files[0]!));
    }
    return {
      json: { source: files[0], ...document },
      text: JSON.stringify({ source: files[0], ...document }, null, 2),
    };
  }

  let failed = 0;
  let done = 0;
  let stopped: CorpusKitError | undefined;
  for (const [index, file] of files.entries()) {
    if (context.signal.aborted) break;
    let record: CleanRecord;
    try {
      const document = await clean(file);
      record = { source: file, ...document };
    } catch (error) {
      // Interrupted: the pool stopped the page in hand; it is neither output nor a failure.
      if (context.signal.aborted) {
        stopped = stoppedPage(error, file);
        break;
      }
      const wrapped = asError(error, file);
      if (wrapped.kind === 'internal') throw wrapped;
      failed += 1;
      record = { source: file, status: 'error', error: wrapped.toJSON() };
      if (format !== 'jsonl' && files.length === 1) throw wrapped;
      context.log.error(wrapped.summary);
    }
    done += 1;
    if (format === 'jsonl') {
      context.stdout.write(`${JSON.stringify(record)}\n`);
      continue;
    }
    if (record.status === 'error') continue;
    const document = record as { source: string } & CleanDocument;
    if (document.status !== 'ok' && !context.options.quiet) {
      context.log.warn(
        `${file}: ${document.status}${document.reasons.length > 0 ? ` (${document.reasons.map((reason) => reason.message).join('; ')})` : ''}`,
      );
    }
    const body = format === 'markdown' ? document.markdown : document.text;
    const header = files.length > 1 ? `${index > 0 ? '\n' : ''}==> ${file} <==\n` : '';
    context.stdout.write(`${header}${body}\n`);
  }
  if (done < files.length)
    return interruptedEnd(files, format, done, context, stopped ?? interruptedError(sourceName(files[done]!)));
  return { exitCode: failed > 0 ? 2 : 0 };
}

const sourceName = (file: string) => (file === '-' ? 'standard input' : file);

/** The pool's interruption of the page in hand, or one made for it if the page failed otherwise as it was stopped. */
function stoppedPage(error: unknown, file: string): CorpusKitError {
  return isInterruption(error) ? error : interruptedError(sourceName(file));
}

/**
 * Ctrl-C (or SIGTERM) stopped the run in the file `files[done]` (`interrupted`, the error that
 * says so: the pool's for a page, or readStdin's, `reading`, for standard input, which is read
 * before any file is cleaned): what was cleaned is written, the rest is named by count, and the exit code is the
 * error's. With --json, the one document is that error.
 */
function interruptedEnd(
  files: string[],
  format: string,
  done: number,
  context: CommandContext,
  interrupted: CorpusKitError,
  reading = false,
): CommandResult {
  const exitCode = exitCodeFor(interrupted);
  if (format === 'json') {
    context.log.warn(interrupted.summary);
    return { exitCode, json: { source: files[0], status: 'error', error: interrupted.toJSON() }, text: '' };
  }
  // A page stopped in its cleaning is counted below; standard input stopped in its reading is named.
  if (reading) context.log.warn(interrupted.summary);
  context.log.warn(`interrupted: ${files.length - done} of ${files.length} files not reached`);
  return { exitCode };
}
