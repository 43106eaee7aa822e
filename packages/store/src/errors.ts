import { CorpusKitError, type CorpusKitErrorOptions, type ErrorKind } from '@corpuskit/document';

/** Build a store error with a stable `store.*` code. */
export function storeError(
  kind: ErrorKind,
  code: string,
  message: string,
  options: CorpusKitErrorOptions = {},
): CorpusKitError {
  return new CorpusKitError(kind, `store.${code}`, message, options);
}

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
  return storeError('io', 'io', `cannot ${action} ${path}: ${reason}`, {
    cause: error,
    details: { path, ...(typeof code === 'string' ? { code } : {}) },
  });
}
