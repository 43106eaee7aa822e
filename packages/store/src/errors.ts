import { CorpusKitError, errorFactory } from '@corpuskit/document';

/** Stable error codes of @corpuskit/store. */
export type StoreErrorCode =
  | 'store.already-a-corpus'
  | 'store.ambiguous-ref'
  | 'store.bad-decisions'
  | 'store.bad-format'
  | 'store.bad-node'
  | 'store.bad-pack'
  | 'store.bad-record'
  | 'store.bad-refs'
  | 'store.bad-staging'
  | 'store.bad-version'
  | 'store.corrupt'
  | 'store.empty-message'
  | 'store.gc-refused'
  | 'store.id-mismatch'
  | 'store.init-failed'
  | 'store.invalid-hash'
  | 'store.invalid-record'
  | 'store.invalid-ref'
  | 'store.invalid-state-name'
  | 'store.invalid-tag'
  | 'store.invalid-time'
  | 'store.io'
  | 'store.locked'
  | 'store.log-staged'
  | 'store.missing-object'
  | 'store.missing-refs'
  | 'store.missing-staging'
  | 'store.no-versions'
  | 'store.not-a-corpus'
  | 'store.not-staged'
  | 'store.nothing-to-commit'
  | 'store.pack-closed'
  | 'store.raw-mismatch'
  | 'store.staged-removal'
  | 'store.tag-exists'
  | 'store.tag-staged'
  | 'store.unknown-document'
  | 'store.unknown-ref'
  | 'store.unknown-tag'
  | 'store.unknown-version'
  | 'store.unsupported-format';

/** A store error: a code of the table below, thrown with the kind (and so the exit code) it lists. */
export const storeError = errorFactory<StoreErrorCode>({
  'store.already-a-corpus': 'conflict',
  'store.ambiguous-ref': 'usage',
  'store.bad-decisions': 'corrupt',
  'store.bad-format': 'corrupt',
  'store.bad-node': 'corrupt',
  'store.bad-pack': 'corrupt',
  'store.bad-record': 'corrupt',
  'store.bad-refs': 'corrupt',
  'store.bad-staging': 'corrupt',
  'store.bad-version': 'corrupt',
  'store.corrupt': 'corrupt',
  'store.empty-message': 'usage',
  'store.gc-refused': 'corrupt',
  'store.id-mismatch': 'usage',
  'store.init-failed': 'input',
  'store.invalid-hash': 'usage',
  'store.invalid-record': 'usage',
  'store.invalid-ref': 'usage',
  'store.invalid-state-name': 'usage',
  'store.invalid-tag': 'usage',
  'store.invalid-time': 'usage',
  'store.io': 'io',
  'store.locked': 'locked',
  'store.log-staged': 'usage',
  'store.missing-object': 'corrupt',
  'store.missing-refs': 'corrupt',
  'store.missing-staging': 'corrupt',
  'store.no-versions': 'not-found',
  'store.not-a-corpus': 'not-found',
  'store.not-staged': 'not-found',
  'store.nothing-to-commit': 'conflict',
  'store.pack-closed': 'internal',
  'store.raw-mismatch': 'usage',
  'store.staged-removal': 'conflict',
  'store.tag-exists': 'conflict',
  'store.tag-staged': 'usage',
  'store.unknown-document': 'not-found',
  'store.unknown-ref': 'not-found',
  'store.unknown-tag': 'not-found',
  'store.unknown-version': 'not-found',
  'store.unsupported-format': 'input',
});

const IO_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device (disk full)',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system or the process limit',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
};

/**
 * A failed read or write of the store's own files as a `store.io` error (kind `io`) whose message
 * names the path and the cause; corpuskit errors pass through unchanged. `details.code` keeps the system
 * code (`ENOSPC`, `EROFS`, ...).
 */
export function ioError(
  action: 'read' | 'write' | 'create' | 'sync' | 'rename',
  path: string,
  error: unknown,
): CorpusKitError {
  if (error instanceof CorpusKitError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    typeof code === 'string' && IO_REASONS[code]
      ? `${IO_REASONS[code]} (${code})`
      : ((error as Error)?.message ?? String(error));
  return storeError('store.io', `cannot ${action} ${path}: ${reason}`, {
    cause: error,
    details: { path, ...(typeof code === 'string' ? { code } : {}) },
  });
}
