import path from 'node:path';

import type { Store } from '@corpuskit/store';

import type { CommandContext } from './context.js';
import { cliError } from './errors.js';

export interface OpenedCorpus {
  store: Store;
  /** The corpus directory (holding `.corpuskit/`). */
  root: string;
}

/** How long a write waits for another process holding the corpus lock, unless a command says otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/** `$CORPUSKIT_LOCK_WAIT` (seconds) overrides every command's default wait for the corpus lock. */
export function lockWaitFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.CORPUSKIT_LOCK_WAIT;
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw cliError('cli.usage', `CORPUSKIT_LOCK_WAIT must be a number of seconds (got '${raw}')`);
  }
  return seconds * 1000;
}

/**
 * The corpus a command works on, like git finds its repository: `--corpus DIR` first, then
 * `$CORPUSKIT_CORPUS`, then the nearest folder at or above the working directory that holds
 * `.corpuskit/`.
 */
export async function corpusDirFor(context: CommandContext): Promise<string> {
  const explicit = context.options.corpus ?? (context.env.CORPUSKIT_CORPUS || undefined);
  if (explicit) return path.resolve(context.cwd, explicit);
  const { findCorpusRoot, CORPUS_DIR } = await import('@corpuskit/store');
  const found = findCorpusRoot(context.cwd);
  if (!found) {
    throw cliError(
      'cli.no-corpus',
      `not inside a corpus (no ${CORPUS_DIR}/ here or in any parent folder): run 'corpuskit init', or pass --corpus DIR or set CORPUSKIT_CORPUS`,
      { subject: context.cwd },
    );
  }
  return found;
}

/** Open the corpus a command works on (see `corpusDirFor`). */
export async function openCorpusFor(
  context: CommandContext,
  options: { lockWaitMs?: number } = {},
): Promise<OpenedCorpus> {
  const dir = await corpusDirFor(context);
  const { openCorpus } = await import('@corpuskit/store');
  const store = await openCorpus(dir, {
    lockWaitMs: options.lockWaitMs ?? lockWaitFromEnv(context.env) ?? DEFAULT_LOCK_WAIT_MS,
    command: ['corpuskit', ...process.argv.slice(2)].join(' ').slice(0, 200),
  });
  return { store, root: store.dir };
}

/** Repeatable/variadic positional ids as a clean string list. */
export function idList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String).filter((id) => id !== '');
}

/** A short form of a version id for people. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 12) : '(none)';
}
