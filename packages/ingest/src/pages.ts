import type { CorpusKitError } from '@corpuskit/document';
import { sha256, toCorpusKitError } from '@corpuskit/document';

import { ingestError } from './errors.js';
import type { InputFile } from './expand.js';
import { originHints, readOrigin } from './origin.js';
import { readInputOrContainer } from './read-input.js';
import { readLimited, unpackPage } from './read-page.js';
import type { Container } from './read-page.js';
import type { UrlList } from './url-list.js';
import { looksLikeWarc, readWarc, readWarcPage, warcPosition } from './warc.js';
import type { WarcSkip } from './warc.js';

/** One page ready to clean, from a file, a WARC record or standard input. */
export interface PageInput {
  /** Order of discovery, for "the one given last wins" between equal ids. */
  seq: number;
  /** As shown to the user: the path as given, `crawl.warc.gz#1234` for a WARC record, `-` for stdin. */
  source: string;
  /** For a `file:` id when the page names no URL. */
  relative: string;
  bytes: Uint8Array;
  url: string | null;
  fetchedAt: string | null;
  headers: Record<string, string> | null;
  declaredCanonical: string | null;
  container: Container | null;
  /** The same bytes again, for staging (checked against their hash), without holding them meanwhile. */
  reread: () => Promise<Uint8Array>;
  /**
   * `reread` would be slow: the pipeline keeps the bytes with the cleaned page instead (in its
   * spool, so in a temporary file past its memory budget). A record inside a gzip member shared
   * with the records before it (a WARC gzipped whole) is found again only by inflating the member
   * from its start: re-reading every page so cost time with the square of the pages.
   */
  keepBytes?: boolean;
}

/** What a WARC held: records read, pages taken, records skipped by reason. */
export interface ContainerSummary {
  source: string;
  format: 'warc';
  records: number;
  pages: number;
  skipped: Partial<Record<WarcSkip, number>>;
}

export type PageItem =
  | { kind: 'page'; page: PageInput }
  | { kind: 'failed'; source: string; error: CorpusKitError }
  /** A container record passed over on purpose (request, revisit, non-HTML...). */
  | { kind: 'skipped'; source: string; reason: WarcSkip };

/** One page given on standard input. */
export interface StdinPage {
  bytes: Uint8Array;
  url?: string | null;
  fetchedAt?: string | null;
}

export interface PagesOptions {
  maxBytes: number;
  urls?: UrlList;
  /** Called when a file turns out to be a container, and again with its final counts. */
  onContainer?: (summary: ContainerSummary) => void;
  /** Called as each file is opened (so a caller can tell which files were reached). */
  onFile?: (file: InputFile) => void;
  /** A file's place in the inputs as given (files may be read in another order). */
  orderOf?: (file: InputFile) => number;
}

const changed = (source: string) =>
  ingestError('ingest.changed', 'the file changed while it was being ingested; ingest it again', {
    subject: source,
  });

/** The page on standard input as a PageInput. */
export async function stdinPage(stdin: StdinPage, seq: number, maxBytes: number): Promise<PageInput> {
  const page = await unpackPage(stdin.bytes, '-', maxBytes);
  const hints = originHints(page.bytes);
  const bytes = page.bytes;
  return {
    seq,
    source: '-',
    relative: 'stdin',
    bytes,
    url: stdin.url ?? page.url ?? hints.url,
    fetchedAt: stdin.fetchedAt ?? page.fetchedAt ?? hints.fetchedAt,
    headers: page.headers,
    declaredCanonical: hints.declaredCanonical,
    container: page.container,
    reread: async () => bytes,
  };
}

/** One plain page file, read: unpack (gzip, MHTML), origin from the URL list, sidecar and hints. */
async function filePage(file: InputFile, raw: Uint8Array, seq: number, options: PagesOptions): Promise<PageInput> {
  const page = await unpackPage(raw, file.source, options.maxBytes);
  const origin = await readOrigin(file.path, page.bytes, file.sidecars);
  const listed = options.urls?.get(file.path);
  const fromSidecar = origin.urlSource === 'sidecar';
  const url = listed?.url ?? (fromSidecar ? origin.url : (page.url ?? origin.url));
  const fetchedAt =
    listed?.fetchedAt ?? (origin.sidecar && origin.fetchedAt ? origin.fetchedAt : (page.fetchedAt ?? origin.fetchedAt));
  const headers = origin.headers || page.headers ? { ...origin.headers, ...page.headers } : null;
  const hash = sha256(page.bytes);
  return {
    seq,
    source: file.source,
    relative: file.relative,
    bytes: page.bytes,
    url,
    fetchedAt,
    headers,
    declaredCanonical: origin.declaredCanonical,
    container: page.container,
    reread: async () => {
      const again = (
        await unpackPage(await readLimited(file.path, file.source, options.maxBytes), file.source, options.maxBytes)
      ).bytes;
      if (sha256(again) !== hash) throw changed(file.source);
      return again;
    },
  };
}

/**
 * The pages of the given files, one at a time: a plain file is one page; a WARC or WARC.gz
 * streams its records (HTML responses and resources are pages, the rest are skipped with a
 * reason). A file that cannot be read is one `failed` item, and the stream goes on.
 */
export async function* pagesOf(files: readonly InputFile[], options: PagesOptions): AsyncGenerator<PageItem> {
  for (const [position, file] of files.entries()) {
    // Pages sort by `seq` in the order the inputs were given (stdin, seq 0, first); a WARC's
    // records in file order.
    let seq = ((options.orderOf?.(file) ?? position) + 1) * 1e9;
    options.onFile?.(file);
    // One read serves the test for a WARC (its first bytes) and the page: a WARC is not read
    // whole here but streamed below, record by record.
    try {
      const raw = await readInputOrContainer(file.path, file.source, options.maxBytes, looksLikeWarc);
      if (raw) {
        yield { kind: 'page', page: await filePage(file, raw, seq++, options) };
        continue;
      }
    } catch (error) {
      yield { kind: 'failed', source: file.source, error: toCorpusKitError(error, file.source) };
      continue;
    }
    const summary: ContainerSummary = { source: file.source, format: 'warc', records: 0, pages: 0, skipped: {} };
    options.onContainer?.(summary);
    try {
      for await (const item of readWarc(file.path, { maxBytes: options.maxBytes })) {
        summary.records += 1;
        const position = warcPosition(item.kind === 'page' ? item.page : item);
        const source = `${file.source}#${position}`;
        if (item.kind === 'skip') {
          summary.skipped[item.reason] = (summary.skipped[item.reason] ?? 0) + 1;
          yield { kind: 'skipped', source, reason: item.reason };
          continue;
        }
        summary.pages += 1;
        const { page } = item;
        const hints = originHints(page.payload);
        const hash = sha256(page.payload);
        // `reread` keeps only the offset: a closure over `page` would keep every record's payload
        // alive until staging, memory growing with the records of a large WARC.
        const { offset, index } = page;
        yield {
          kind: 'page',
          page: {
            seq: seq++,
            source,
            relative: `${file.relative}#${position}`,
            bytes: page.payload,
            url: page.url,
            fetchedAt: page.fetchedAt,
            headers: page.headers,
            declaredCanonical: hints.declaredCanonical,
            container: { format: 'warc', file: file.source, recordId: page.recordId, offset: page.offset },
            reread: async () => {
              const again = (await readWarcPage(file.path, offset, options.maxBytes, index)).payload;
              if (sha256(again) !== hash) throw changed(source);
              return again;
            },
            ...(index > 0 ? { keepBytes: true } : {}),
          },
        };
      }
    } catch (error) {
      yield { kind: 'failed', source: file.source, error: toCorpusKitError(error, file.source) };
    }
    options.onContainer?.(summary);
  }
}
