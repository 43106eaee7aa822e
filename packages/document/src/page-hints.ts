/** Largest page, in bytes, that corpuskit reads and cleans unless told otherwise (64 MiB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** `<!-- saved from url=(0042)https://... -->`, written by browsers' "Save page as". */
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;

/**
 * The URL a browser's "Save page as" wrote into the page's first characters (`within`,
 * default 8192), not checked or canonicalised; null when there is none.
 */
export function savedFromUrl(html: string, within = 8192): string | null {
  return SAVED_FROM.exec(html.slice(0, within))?.[1] ?? null;
}
