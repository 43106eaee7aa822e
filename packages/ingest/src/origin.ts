import path from 'node:path';

import { CorpusKitError, savedFromUrl, tryCanonicalizeUrl } from '@corpuskit/document';

import { ingestError } from './errors.js';
import { fileKind, withRegularFile } from './read-input.js';

/** What a saved page tells about where it came from, before it is cleaned. */
export interface Origin {
  /** The page's URL as saved (not canonicalised), or null. */
  url: string | null;
  /** ISO 8601 fetch time, or null. */
  fetchedAt: string | null;
  /** HTTP response headers, lower-case names, when a sidecar recorded them. */
  headers: Record<string, string> | null;
  /** Where `url` came from: `sidecar`, `singlefile`, `saved-from`, `canonical`, `og:url`. */
  urlSource: OriginSource | null;
  /** The sidecar file read, relative to nothing: as found beside the page. */
  sidecar: string | null;
  /** A canonical URL declared in the page's head (`<link rel=canonical>`, else `og:url`), canonicalised. */
  declaredCanonical: string | null;
}

type OriginSource = 'sidecar' | 'singlefile' | 'saved-from' | 'canonical' | 'og:url';

/** The JSON sidecar a crawler or a person may leave beside `page.html`: `page.html.json` (or `page.json`). */
interface Sidecar {
  url?: string;
  fetchedAt?: string;
  headers?: Record<string, string | string[]>;
}

/** The sidecar paths looked for beside `file`, in order. */
export function sidecarCandidates(file: string): string[] {
  const withoutExtension = file.replace(/\.[^./\\]+$/, '');
  return withoutExtension === file ? [`${file}.json`] : [`${file}.json`, `${withoutExtension}.json`];
}

/**
 * The text of the sidecar at `candidate`, or null when there is none there (nothing, or a folder).
 * It is read only when it is a regular file, opened without waiting (`withRegularFile`): a named
 * pipe, a socket or a device named like a sidecar is refused at once, never waited on (a pipe
 * with no writer would hold the read, and the ingest, for ever).
 */
async function readSidecarText(candidate: string): Promise<string | null> {
  try {
    return await withRegularFile(
      candidate,
      (handle) => handle.readFile('utf8'),
      (info) => {
        if (info.isDirectory()) return null;
        const name = path.basename(candidate);
        throw ingestError(
          'ingest.bad-sidecar',
          `the sidecar ${name} is ${fileKind(info)}, not a regular file: refused`,
          {
            subject: candidate,
          },
        );
      },
    );
  } catch (error) {
    if (error instanceof CorpusKitError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw ingestError('ingest.bad-sidecar', `cannot read the sidecar: ${(error as Error).message}`, {
      subject: candidate,
      cause: error,
    });
  }
}

/**
 * Read the sidecar beside `file`, if there is one: the first of `candidates` (by default all the
 * paths a sidecar may have) that is a file. A malformed sidecar, or one that is not a regular
 * file, is an input error naming it.
 */
async function readSidecar(
  file: string,
  candidates: readonly string[] = sidecarCandidates(file),
): Promise<{ path: string; sidecar: Sidecar } | null> {
  for (const candidate of candidates) {
    const raw = await readSidecarText(candidate);
    if (raw === null) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw ingestError('ingest.bad-sidecar', `the sidecar is not valid JSON: ${(error as Error).message}`, {
        subject: candidate,
        cause: error,
      });
    }
    return { path: candidate, sidecar: validateSidecar(value, candidate) };
  }
  return null;
}

function validateSidecar(value: unknown, path: string): Sidecar {
  const fail = (message: string) => ingestError('ingest.bad-sidecar', message, { subject: path });
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw fail('the sidecar must be a JSON object');
  const record = value as Record<string, unknown>;
  const out: Sidecar = {};
  if (record.url !== undefined && record.url !== null) {
    if (typeof record.url !== 'string') throw fail('"url" must be a string');
    out.url = record.url;
  }
  const fetched = record.fetchedAt ?? record.fetched_at ?? record.date;
  if (fetched !== undefined && fetched !== null) {
    if (typeof fetched !== 'string' || Number.isNaN(Date.parse(fetched))) throw fail('"fetchedAt" must be a date');
    out.fetchedAt = fetched;
  }
  if (record.headers !== undefined && record.headers !== null) {
    if (typeof record.headers !== 'object' || Array.isArray(record.headers)) throw fail('"headers" must be an object');
    out.headers = record.headers as Record<string, string | string[]>;
  }
  return out;
}

/** SingleFile's header comment: `Page saved with SingleFile`, then `url:` and `saved date:` lines. */
const SINGLE_FILE = /<!--\s*Page saved with SingleFile\s*\n([\s\S]*?)-->/i;
const LINK_TAG = /<link\b[^>]*>/gi;
const META_TAG = /<meta\b[^>]*>/gi;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#38;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/**
 * Read the origin hints in a page's first bytes (decoded loosely as Latin-1: every hint is ASCII)
 * without parsing it: the saved-from comment, SingleFile's header, `<link rel=canonical>` and
 * `og:url`. The cleaner reads the canonical URL properly later; this early look gives the
 * document's site before cleaning, so the site's repeated-line table can be passed to `clean`.
 */
export function originHints(bytes: Uint8Array): Pick<Origin, 'url' | 'fetchedAt' | 'urlSource' | 'declaredCanonical'> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256 * 1024));
  let url: string | null = null;
  let fetchedAt: string | null = null;
  let urlSource: OriginSource | null = null;
  const singleFile = SINGLE_FILE.exec(head.slice(0, 8192));
  if (singleFile) {
    const body = singleFile[1] ?? '';
    const urlLine = /^\s*url:\s*(\S+)\s*$/im.exec(body);
    const dateLine = /^\s*saved date:\s*(.+?)\s*$/im.exec(body);
    if (urlLine?.[1] && tryCanonicalizeUrl(urlLine[1])) {
      url = urlLine[1];
      urlSource = 'singlefile';
    }
    if (dateLine?.[1]) {
      const parsed = Date.parse(dateLine[1].replace(/\s*\([^)]*\)\s*$/, ''));
      if (!Number.isNaN(parsed)) fetchedAt = new Date(parsed).toISOString();
    }
  }
  if (!url) {
    const savedFrom = savedFromUrl(head);
    if (savedFrom && tryCanonicalizeUrl(savedFrom)) {
      url = savedFrom;
      urlSource = 'saved-from';
    }
  }
  const headEnd = head.search(/<\/head\s*>|<body[\s>]/i);
  const headPart = headEnd === -1 ? head : head.slice(0, headEnd);
  let declaredCanonical: string | null = null;
  for (const tag of headPart.match(LINK_TAG) ?? []) {
    const rel = attribute(tag, 'rel');
    if (rel && rel.toLowerCase().split(/\s+/).includes('canonical')) {
      declaredCanonical = tryCanonicalizeUrl(attribute(tag, 'href'));
      if (declaredCanonical) break;
    }
  }
  if (!declaredCanonical) {
    for (const tag of headPart.match(META_TAG) ?? []) {
      if ((attribute(tag, 'property') ?? attribute(tag, 'name'))?.toLowerCase() === 'og:url') {
        declaredCanonical = tryCanonicalizeUrl(attribute(tag, 'content'));
        if (declaredCanonical) break;
      }
    }
  }
  return { url, fetchedAt, urlSource, declaredCanonical };
}

/**
 * Everything known about a page's origin: its sidecar first, then the hints in its bytes.
 * `sidecars`: the sidecar paths known to be beside the file (its folder's listing), if known.
 */
export async function readOrigin(file: string, bytes: Uint8Array, sidecars?: readonly string[]): Promise<Origin> {
  const found = await readSidecar(file, sidecars);
  const hints = originHints(bytes);
  const sidecar = found?.sidecar;
  const headers = sidecar?.headers ? normalizeHeaders(sidecar.headers) : null;
  const sidecarUrl = sidecar?.url && tryCanonicalizeUrl(sidecar.url) ? sidecar.url : null;
  const fetchedAt = sidecar?.fetchedAt ? new Date(Date.parse(sidecar.fetchedAt)).toISOString() : hints.fetchedAt;
  return {
    url: sidecarUrl ?? hints.url,
    urlSource: sidecarUrl ? 'sidecar' : hints.urlSource,
    fetchedAt,
    headers,
    sidecar: found?.path ?? null,
    declaredCanonical: hints.declaredCanonical,
  };
}

function normalizeHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
