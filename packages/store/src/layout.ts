/*
 * The on-disk layout of a corpus, in one place:
 *
 *   DIR/.corpuskit/format.json              { format: 'corpuskit-store', version }
 *   DIR/.corpuskit/refs.json                { head, staging, tags }
 *   DIR/.corpuskit/objects/<hash>.pack      content-addressed objects (pack.ts)
 *   DIR/.corpuskit/versions/<id>.json       immutable versions, named by their hash
 *   DIR/.corpuskit/staging/<hash>.json      the staging index named in refs.json
 *   DIR/.corpuskit/state/<name>             side state kept for ingest
 *   DIR/.corpuskit/lock                     the writer's lock file (lock.ts)
 */

/** The directory inside a corpus that holds the store. */
export const CORPUS_DIR = '.corpuskit';
/** The on-disk format this version reads and writes. */
export const FORMAT_VERSION = 1;
export const FORMAT_FILE = 'format.json';
export const REFS_FILE = 'refs.json';

export function versionFile(id: string): string {
  return `versions/${id}.json`;
}

export function stagingFile(hash: string): string {
  return `staging/${hash}.json`;
}

export function stateFile(name: string): string {
  return `state/${name}`;
}
