import { documentError } from './errors.js';

/** Query parameters that only track a click or a campaign and never select content. */
const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ref_src',
  'yclid',
  'twclid',
  'ttclid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  // News sites' and analytics campaign tags.
  'smid',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ns_source',
  'ns_campaign',
  'ns_mchannel',
  'ns_linkname',
  'ns_fee',
  'xtor',
  'ocid',
  'gbraid',
  'wbraid',
  'srsltid',
  '_ga',
  '_gl',
  's_cid',
  'cmpid',
  'icid',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'sr_share',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source',
  'soc_src',
  'soc_trk',
  'spm',
  'vero_id',
  '__twitter_impression',
]);

const TRACKING_PREFIXES = ['utm_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Canonicalise an http(s) URL into a document id: lower-case scheme and host (IDN as
 * punycode), no credentials, no default port, no fragment, tracking parameters removed,
 * remaining parameters sorted by name (stable for equal names) and each kept byte for byte as
 * the URL parser serialises it (never decoded and re-encoded), no trailing slash.
 * Throws a `usage` error for anything that is not an absolute http(s) URL.
 */
export function canonicalizeUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (cause) {
    throw documentError('document.invalid-url', `not an absolute URL: ${JSON.stringify(input)}`, {
      cause,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw documentError('document.invalid-url', `not an http(s) URL: ${JSON.stringify(input)}`);
  }
  const params = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair, name: parameterName(pair) }))
    .filter(({ name }) => !isTrackingParameter(name));
  params.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const search = params.map(({ pair }) => pair).join('&');
  let path = url.pathname.replace(/\/+$/, '');
  if (path === '') path = '';
  return `${url.protocol}//${url.host}${path}${search ? `?${search}` : ''}`;
}

/** A query parameter's name, decoded for comparison only (`+` is a space, bad escapes stay). */
function parameterName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Like `canonicalizeUrl`, but returns null for anything that is not an http(s) URL. */
export function tryCanonicalizeUrl(input: string | null | undefined): string | null {
  if (!input) return null;
  try {
    return canonicalizeUrl(input);
  } catch {
    return null;
  }
}

/**
 * The id of a document that has no URL: `file:` plus its path relative to the folder given
 * to ingest, with forward slashes. Absolute paths and paths leaving the folder are refused,
 * so the same pages ingested from another clone get the same ids.
 *
 * A file name may hold characters an id must not (tab, newline, CR, ESC, DEL, other C0/C1
 * controls): each is written as `%XX`, the percent-encoding of its UTF-8 bytes (a tab is `%09`),
 * and so is a `%` that is already followed by two hex digits (`a%41.html` becomes
 * `file:a%2541.html`), so two different names never get the same id. Other names, `%` alone
 * included, are kept as they are.
 */
export function fileDocumentId(relativePath: string): string {
  const posix = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (posix === '' || posix.startsWith('/') || /^[A-Za-z]:\//.test(posix) || posix.split('/').includes('..')) {
    throw documentError('document.invalid-path', `not a relative path inside the folder: ${relativePath}`);
  }
  return `file:${escapeFileName(posix)}`;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const UNSAFE_IN_ID = /[\u0000-\u001f\u007f-\u009f]|%(?=[0-9A-Fa-f]{2})/g;

function escapeFileName(posix: string): string {
  return posix.replace(UNSAFE_IN_ID, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** The host a document id belongs to (for per-site tables), or null for `file:` ids. */
export function hostOf(id: string): string | null {
  if (!/^https?:\/\//i.test(id)) return null;
  try {
    return new URL(id).hostname;
  } catch {
    return null;
  }
}

/**
 * Whether a string is acceptable as a document id: a canonical http(s) URL or a `file:` id,
 * no control characters, at most 2048 characters.
 */
export function isDocumentId(id: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (id.length === 0 || id.length > 2048 || /[\u0000-\u001f\u007f-\u009f]/.test(id)) return false;
  if (id.startsWith('file:')) {
    // Already escaped (see fileDocumentId): relative, forward slashes, never leaving the folder.
    const posix = id.slice(5);
    return (
      posix !== '' &&
      !posix.startsWith('/') &&
      !posix.startsWith('./') &&
      !posix.includes('\\') &&
      !/^[A-Za-z]:\//.test(posix) &&
      !posix.split('/').includes('..')
    );
  }
  return tryCanonicalizeUrl(id) === id;
}
