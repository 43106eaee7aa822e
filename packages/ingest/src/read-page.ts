import { gunzipSync } from 'node:zlib';

import type { CleanDocument, ContainerProvenance, DocumentMetadata } from '@corpuskit/document';
import { DEFAULT_MAX_BYTES, isGzip } from '@corpuskit/document';

import { ingestError } from './errors.js';
import { isMhtml, unpackMhtml } from './mhtml.js';
import { readInputFile } from './read-input.js';
import { assertCleanable } from './sniff.js';
import { looksLikeWarc } from './warc.js';
import type { Sniffed } from './sniff.js';

/** Where a page's bytes were unpacked from, when the file was not the page itself. */
export type Container = ContainerProvenance;

/** One page file read and unpacked: the bytes `clean` sees and what the container said about them. */
export interface PageFile {
  /** HTML or text, as `clean` takes it (gzip and MHTML undone). These are the raw bytes a corpus keeps. */
  bytes: Uint8Array;
  kind: 'html' | 'text';
  /** The URL the container gave (MHTML's snapshot location), or null. */
  url: string | null;
  /** When the container says the page was saved, or null. */
  fetchedAt: string | null;
  /** Headers to pass to `clean` (a charset after MHTML decoding), or null. */
  headers: Record<string, string> | null;
  container: Container | null;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Read a file's bytes within the size limit (see `readInputFile`); errors name the file and the cause. */
export function readLimited(path: string, source: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  return readInputFile(path, source, maxBytes);
}

/**
 * Unpack the bytes of one saved page: gunzip (`.html.gz`, any gzip), then MHTML's root HTML
 * part, then sniff what is left (HTML, text; binary and empty input are clear errors naming
 * `source`). Zip, 7-Zip and other archives stay errors: they hold many files of any kind.
 */
export async function unpackPage(input: Uint8Array, source: string, maxBytes = DEFAULT_MAX_BYTES): Promise<PageFile> {
  const page = await unpackContainers(input, source, maxBytes);
  const sniffed: Sniffed = assertCleanable(page.bytes, source);
  return { ...page, kind: sniffed.kind === 'html' ? 'html' : 'text' };
}

/**
 * Undo gzip and MHTML (see `unpackPage`) without judging what is left: for callers that let
 * the cleaner refuse empty or binary input in its own words.
 */
export async function unpackContainers(
  input: Uint8Array,
  source: string,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<Omit<PageFile, 'kind'>> {
  let bytes = input;
  let container: Container | null = null;
  // A WARC holds many pages: ingest reads it record by record from its file, never as one page.
  if (looksLikeWarc(bytes))
    throw ingestError(
      'ingest.warc-archive',
      source === '-'
        ? 'standard input holds a WARC archive, and it is read as one page: save the archive and give its path to corpuskit ingest, which reads each of its records'
        : 'a WARC archive holds many pages, not one: give the file to corpuskit ingest, which reads each of its records',
      { subject: source },
    );
  if (isGzip(bytes)) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw ingestError(
        tooLarge ? 'ingest.too-large' : 'ingest.bad-gzip',
        tooLarge
          ? `the file decompresses to over the ${mib(maxBytes)} limit (raise it with --max-size)`
          : `the gzip data is damaged: ${(error as Error).message}`,
        { subject: source, cause: error },
      );
    }
    container = { format: 'gzip', file: source };
  }
  let url: string | null = null;
  let fetchedAt: string | null = null;
  let headers: Record<string, string> | null = null;
  if (isMhtml(bytes)) {
    const page = await unpackMhtml(bytes, source);
    bytes = page.html;
    url = page.url;
    fetchedAt = page.savedAt;
    // The part was decoded from its own charset; what `clean` gets is UTF-8.
    headers = { 'content-type': 'text/html; charset=utf-8' };
    container = { format: 'mhtml', file: source };
  }
  return { bytes, url, fetchedAt, headers, container };
}

/** Read and unpack one saved page file (see `unpackPage`). */
export async function readPageFile(path: string, source: string, maxBytes = DEFAULT_MAX_BYTES): Promise<PageFile> {
  return unpackPage(await readLimited(path, source, maxBytes), source, maxBytes);
}

/** A page file as text to compare: HTML cleaned to its article text, plain text as it is. */
export interface PageText {
  title: string | null;
  text: string;
  /** The cleaner's metadata for HTML; null for plain text. */
  metadata: DocumentMetadata | null;
  fetchedAt: string | null;
  /** The whole clean result for HTML; null for plain text. */
  document: CleanDocument | null;
}

/**
 * Read a page file (sniff, unpack, decode) and, for HTML, clean it: the one way the CLI's
 * `dedup` and `diff` read files. Plain text must be UTF-8.
 */
export async function readPageText(path: string, source: string, maxBytes = DEFAULT_MAX_BYTES): Promise<PageText> {
  const page = await readPageFile(path, source, maxBytes);
  if (page.kind === 'html') {
    const { clean } = await import('@corpuskit/clean');
    const document = await clean(page.bytes, {
      source,
      url: page.url,
      fetchedAt: page.fetchedAt,
      ...(page.headers ? { headers: page.headers } : {}),
      maxBytes,
    });
    return {
      title: document.title,
      text: document.text,
      metadata: document.metadata,
      fetchedAt: document.provenance.fetchedAt,
      document,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(page.bytes);
  } catch (error) {
    throw ingestError('ingest.not-utf8', 'is not valid UTF-8 text', { subject: source, cause: error });
  }
  return { title: null, text: text.replace(/^\uFEFF/, ''), metadata: null, fetchedAt: page.fetchedAt, document: null };
}
