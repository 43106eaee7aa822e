import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';

import { FileBackend } from './backend.js';
import { storeError } from './errors.js';
import { writeFileAtomic } from './fs-util.js';
import { CORPUS_DIR, FORMAT_FILE, FORMAT_VERSION, REFS_FILE } from './layout.js';
import { Store } from './store.js';
import type { OpenOptions } from './types.js';

/* Finding, creating and opening a corpus. */

/** The nearest directory at or above `startDir` that holds a `.corpuskit/` store, or null. */
export function findCorpusRoot(startDir: string): string | null {
  let dir = resolvePath(startDir);
  for (;;) {
    if (existsSync(join(dir, CORPUS_DIR, FORMAT_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function corpusDirOf(dir: string): string {
  const abs = resolvePath(dir);
  if (basename(abs) === CORPUS_DIR && existsSync(join(abs, FORMAT_FILE))) return dirname(abs);
  return abs;
}

/** Create a corpus in `dir` (made if needed) and open it. Fails with `store.already-a-corpus` if there is one. */
export async function initCorpus(dir: string, options: OpenOptions = {}): Promise<Store> {
  const abs = resolvePath(dir);
  const root = join(abs, CORPUS_DIR);
  if (existsSync(join(root, FORMAT_FILE))) {
    throw storeError('store.already-a-corpus', `${abs} is already a corpus`, { subject: abs });
  }
  try {
    if (existsSync(abs) && !statSync(abs).isDirectory()) throw new Error('not a directory');
    for (const sub of ['objects', 'versions', 'staging', 'state']) mkdirSync(join(root, sub), { recursive: true });
    writeFileAtomic(join(root, REFS_FILE), JSON.stringify({ head: null, staging: null, tags: {} }, null, 2) + '\n');
    // The format file goes last: a directory without it is not (yet) a corpus.
    writeFileAtomic(
      join(root, FORMAT_FILE),
      JSON.stringify({ format: 'corpuskit-store', version: FORMAT_VERSION }, null, 2) + '\n',
    );
  } catch (error) {
    throw storeError('store.init-failed', `cannot create a corpus here: ${(error as Error).message}`, {
      subject: abs,
      cause: error,
    });
  }
  return new Store(abs, new FileBackend(root), options);
}

/** Open the corpus in `dir` (the directory holding `.corpuskit/`, or `.corpuskit/` itself). */
export async function openCorpus(dir: string, options: OpenOptions = {}): Promise<Store> {
  const abs = corpusDirOf(dir);
  const root = join(abs, CORPUS_DIR);
  const backend = new FileBackend(root);
  const format = await backend.readFile(FORMAT_FILE);
  if (!format) {
    throw storeError('store.not-a-corpus', `${abs} is not a corpus (no ${CORPUS_DIR}/); run \`corpuskit init\``, {
      subject: abs,
    });
  }
  let version: unknown;
  try {
    version = (JSON.parse(Buffer.from(format).toString('utf8')) as { version?: unknown }).version;
  } catch (error) {
    throw storeError('store.bad-format', `${CORPUS_DIR}/${FORMAT_FILE} is not valid JSON`, {
      subject: abs,
      cause: error,
    });
  }
  if (version !== FORMAT_VERSION) {
    throw storeError(
      'store.unsupported-format',
      `the corpus has format version ${String(version)}; this @corpuskit/store reads version ${FORMAT_VERSION}`,
      { subject: abs },
    );
  }
  return new Store(abs, backend, options);
}
