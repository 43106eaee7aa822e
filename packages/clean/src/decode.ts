import { isAscii, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';

import { getBOMEncoding, labelToName, legacyHookDecode } from '@exodus/bytes/encoding.js';
import { detectUtf16, type EncodingSource } from '@corpuskit/document';
import { Parser } from 'htmlparser2';

const require = createRequire(import.meta.url);
// html-encoding-sniffer ships no types: (bytes, options) -> encoding name.
const sniffHtmlEncoding = require('html-encoding-sniffer') as (
  bytes: Uint8Array,
  options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string; xml?: boolean },
) => string;

export interface Decoded {
  text: string;
  /** WHATWG encoding name, lower case (`utf-8`, `windows-1252`, `shift_jis`). */
  encoding: string;
  encodingSource: EncodingSource;
  warnings: string[];
}

const NONE = 'x-corpuskit-none';

/** The charset parameter of a Content-Type value, or null. */
export function charsetOfContentType(value: string | undefined | null): string | null {
  if (!value) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(value);
  return match ? match[2]! : null;
}

/** Header lookup that ignores case, for `headers` given as a plain object. */
export function headerValue(
  headers: Record<string, string | string[] | undefined> | undefined,
  name: string,
): string | null {
  if (!headers) return null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}

/** What the WHATWG UTF-8 decoder would meet in `bytes`. */
export interface Utf8Scan {
  /** Well-formed multi-byte sequences (non-ASCII characters). */
  multibyte: number;
  /** Errors: each becomes one U+FFFD, exactly as the WHATWG decoder counts them. */
  invalid: number;
}

/** Count well-formed multi-byte sequences and decoder errors, following the WHATWG UTF-8 decoder. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (needed === 0) {
      if (byte <= 0x7f) continue;
      if (byte >= 0xc2 && byte <= 0xdf) needed = 1;
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
      } else invalid += 1;
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is one error; the byte starts over (the decoder's "prepend").
      needed = 0;
      seen = 0;
      lower = 0x80;
      upper = 0xbf;
      invalid += 1;
      i -= 1;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    seen += 1;
    if (seen === needed) {
      multibyte += 1;
      needed = 0;
      seen = 0;
    }
  }
  if (needed !== 0) invalid += 1;
  return { multibyte, invalid };
}

/** True when `bytes` are well-formed UTF-8 and contain at least one multi-byte sequence. */
export function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  // Well-formed UTF-8 holds a multi-byte sequence exactly when a byte is above 0x7f.
  return isUtf8(bytes) && !isAscii(bytes);
}

/**
 * UTF-8 with a few stray bad bytes: at least as many well-formed multi-byte characters as
 * errors. Legacy single-byte text almost never holds a well-formed multi-byte sequence, so
 * one invalid byte does not make a UTF-8 page legacy text.
 */
function isMostlyUtf8(scan: Utf8Scan): boolean {
  return scan.multibyte > 0 && scan.multibyte >= scan.invalid;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The HTML standard's "change the encoding" step: with no BOM, no HTTP charset and no `<meta>`
 * in the first 1024 bytes, the encoding is tentative, and the first `<meta charset>` (or
 * `http-equiv="Content-Type"`) the parser meets anywhere in the page decides it. Found by a
 * real tokenizer, so a `<meta>` inside a comment or a script does not count.
 */
function lateMetaCharset(bytes: Uint8Array): string | null {
  if (bytes.length <= 1024) return null;
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!/<meta[^>]*charset/i.test(latin1.slice(1024 - 6))) return null;
  let label: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (label !== null || name !== 'meta') return;
        if (attributes.charset) {
          if (normalizedName(attributes.charset)) label = attributes.charset;
        } else if ((attributes['http-equiv'] ?? '').toLowerCase() === 'content-type' && attributes.content) {
          const match = /charset\s*=\s*(["']?)([^"';\s]+)\1/i.exec(attributes.content);
          if (match && normalizedName(match[2]!)) label = match[2]!;
        }
        // The first one decides: the rest of the page is not tokenized.
        if (label !== null) parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(latin1);
  parser.end();
  return label;
}

/**
 * Decode page bytes the way a browser does: BOM, then the HTTP charset, then the `<meta>`
 * prescan of the first 1024 bytes, then a `<meta>` further on (the parser's "change the
 * encoding" step), then the default. The default is UTF-8 when the bytes are UTF-8 with
 * non-ASCII text (`sniff`; stray invalid bytes become U+FFFD with a warning giving their count),
 * else windows-1252 (WHATWG). A label that names a legacy encoding while the bytes are
 * well-formed non-ASCII UTF-8 is a mislabelled page: it is decoded as UTF-8 with a warning.
 * `utf16`: the bytes' `detectUtf16` verdict when the caller has it (`inspectBytes`), so they are
 * not sniffed twice.
 */
export function decodeBytes(
  bytes: Uint8Array,
  contentType?: string | null,
  utf16?: 'utf-16le' | 'utf-16be' | null,
): Decoded {
  const warnings: string[] = [];
  const bom = getBOMEncoding(bytes);
  if (bom) return withoutNul({ text: legacyHookDecode(bytes, bom), encoding: bom, encodingSource: 'bom', warnings });

  let encoding: string | null = null;
  let encodingSource: EncodingSource = 'default';
  const httpLabel = charsetOfContentType(contentType);
  if (httpLabel) {
    encoding = normalizedName(httpLabel);
    if (encoding) encodingSource = 'http';
    else warnings.push(`unknown charset '${httpLabel}' in the Content-Type header; ignored`);
  }
  // UTF-16 markup without a BOM: no `<meta>` can be read from it. The bytes decide over the HTTP
  // label here (the standard lets it decide first): an ASCII-compatible label would turn the page
  // into NULs between letters and the other byte order into CJK characters, and bytes that
  // match the pattern (the first unit '<', the rest UTF-16 markup: see detectUtf16) are no page in either.
  const bomless = utf16 === undefined ? detectUtf16(bytes) : utf16;
  if (bomless && bomless !== encoding) {
    warnings.push(
      `the bytes are ${bomless === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} without a byte-order mark${encoding ? ` (the ${encodingSource} charset ${encoding} is ignored)` : ''}; decoded as ${bomless}`,
    );
    return withoutNul({ text: legacyHookDecode(bytes, bomless), encoding: bomless, encodingSource: 'sniff', warnings });
  }
  if (!encoding) {
    const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: NONE });
    if (sniffed !== NONE) {
      encoding = normalizedName(sniffed);
      if (encoding) encodingSource = 'meta';
    }
  }
  if (!encoding) {
    const late = lateMetaCharset(bytes);
    if (late) {
      encoding = normalizedName(late);
      // As the standard's step does: a UTF-16 label read through an ASCII-compatible decoder means UTF-8.
      if (encoding?.startsWith('utf-16')) encoding = 'utf-8';
      if (encoding === 'x-user-defined') encoding = 'windows-1252';
      if (encoding) encodingSource = 'meta';
    }
  }
  // Well-formed bytes (Node's native check, the most common case) are not counted: they hold no
  // error, and a multi-byte sequence exactly when a byte is above 0x7f.
  const scan = isUtf8(bytes) ? null : scanUtf8(bytes);
  const nonAsciiUtf8 = scan === null && !isAscii(bytes);
  // Multi-byte UTF-8 is almost never a coincidence in legacy text: a page whose label says
  // otherwise was re-saved as UTF-8 without fixing its <meta>.
  if (encoding && encoding !== 'utf-8' && !encoding.startsWith('utf-16') && nonAsciiUtf8) {
    warnings.push(`the page declares ${encoding} (${encodingSource}) but its bytes are valid UTF-8; decoded as UTF-8`);
    encoding = 'utf-8';
    encodingSource = 'sniff';
  }
  if (!encoding) {
    if (nonAsciiUtf8 || (scan !== null && isMostlyUtf8(scan))) {
      encoding = 'utf-8';
      encodingSource = 'sniff';
    } else {
      encoding = 'windows-1252';
      encodingSource = 'default';
    }
  }
  if (encoding === 'replacement') {
    warnings.push('the declared charset maps to the WHATWG "replacement" encoding; decoded as UTF-8 instead');
    encoding = 'utf-8';
  }
  const text = legacyHookDecode(bytes, encoding);
  if (encoding === 'utf-8' && scan !== null && scan.invalid > 0) {
    warnings.push(
      `${plural(scan.invalid, 'invalid UTF-8 byte sequence', 'invalid UTF-8 byte sequences')} replaced by U+FFFD`,
    );
  }
  return withoutNul({ text, encoding, encodingSource, warnings });
}

/** Drop NUL characters (stray bytes in a saved page; no parser keeps them as text) with a warning. */
function withoutNul(decoded: Decoded): Decoded {
  if (!decoded.text.includes('\0')) return decoded;
  const text = decoded.text.replaceAll('\0', '');
  const dropped = decoded.text.length - text.length;
  decoded.warnings.push(`${plural(dropped, 'NUL character', 'NUL characters')} dropped`);
  return { ...decoded, text };
}

function normalizedName(label: string): string | null {
  const name = labelToName(label.trim());
  return name ? name.toLowerCase() : null;
}
