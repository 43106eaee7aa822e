import { EXIT_CODES } from '@corpuskit/document';

/** A second SIGTERM: the process exits at once (128 + SIGTERM). */
export const EXIT_TERMINATED = 143;

/**
 * Every exit code the CLI can end with and what it means, in order: `--help` prints this list,
 * and the READMEs' lists are checked against it (tests/e2e/exit-codes.test.ts).
 */
const EXIT_CODE_MEANINGS: ReadonlyArray<readonly [number, string]> = [
  [0, 'ok'],
  [1, 'findings (e.g. differences with --exit-code)'],
  [EXIT_CODES.usage, 'usage or input error'],
  [EXIT_CODES.locked, 'the corpus is locked by another process'],
  [EXIT_CODES.corrupt, 'stored data failed verification'],
  [EXIT_CODES.timeout, 'a time limit'],
  [EXIT_CODES.io, 'a read or write failed'],
  [EXIT_CODES.internal, 'internal error'],
  // Any error of kind `interrupted` (`clean` before every file was cleaned, `clean -` and `ingest -`
  // while reading standard input, `ingest` and `reclean` before the batch ended, `export`), and a
  // second Ctrl-C (bin.ts).
  [EXIT_CODES.interrupted, 'interrupted (Ctrl-C or SIGTERM)'],
  [EXIT_TERMINATED, 'a second SIGTERM'],
];

/** `Exit codes: 0 ok, 2 usage or input error, ....`: every code of the table, or those in `codes`. */
export function exitCodesLine(codes?: readonly number[]): string {
  const listed = codes ? EXIT_CODE_MEANINGS.filter(([code]) => codes.includes(code)) : EXIT_CODE_MEANINGS;
  return `Exit codes: ${listed.map(([code, meaning]) => `${code} ${meaning}`).join(', ')}.`;
}
