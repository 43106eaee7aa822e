import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import type { CleanOptions } from '@corpuskit/clean';
import { DEFAULT_MAX_BYTES, toCorpusKitError } from '@corpuskit/document';
import type { CleanDocument } from '@corpuskit/document';

import { cliError } from './errors.js';

/**
 * Clean one file (or `-`, standard input, read by the caller into `stdin`): gzip and MHTML are
 * unpacked first, and the URL and save time MHTML records are used unless options give them.
 * Failures come back as CorpusKitErrors naming the file. `corpuskit clean` runs this on a
 * cleaning thread (see clean-pool.ts), so reading, unpacking and cleaning are all under the
 * page's time and memory limits.
 */
export async function cleanFile(
  file: string,
  options: CleanOptions,
  cwd: string,
  stdin?: Uint8Array,
): Promise<CleanDocument> {
  const { clean } = await import('@corpuskit/clean');
  const { notUtf8NameError, readInputFile, unpackContainers } = await import('@corpuskit/ingest');
  let bytes: Uint8Array;
  if (file === '-' && stdin) {
    bytes = stdin;
  } else {
    const path = resolve(cwd, file);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT') {
        throw (
          (await notUtf8NameError(path, file)) ??
          cliError('clean.not-found', 'no such file', { subject: file, cause: error })
        );
      }
      throw toCorpusKitError(error, file);
    }
    if (info.isDirectory())
      throw cliError('clean.is-directory', 'is a directory (give files; use ingest for folders)', {
        subject: file,
      });
    // Bounded by the bytes read (a device or a growing file cannot get past it); pipes,
    // sockets and devices are refused without waiting for a writer.
    bytes = await readInputFile(path, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  }
  const page = await unpackContainers(bytes, file, options.maxBytes);
  return clean(page.bytes, {
    ...(page.url ? { url: page.url } : {}),
    ...(page.fetchedAt ? { fetchedAt: page.fetchedAt } : {}),
    ...(page.headers ? { headers: page.headers } : {}),
    ...options,
    source: file,
  });
}
