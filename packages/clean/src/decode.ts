import { createRequire } from 'node:module';

import { getBOMEncoding, labelToName, legacyHookDecode } from '@exodus/bytes/encoding.js';
import type { EncodingSource } from '@corpuskit/document';

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

/** True when `bytes` are well-formed UTF-8 and contain at least one multi-byte sequence. */
export function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  let multibyte = false;
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    let extra: number;
    if (byte >= 0xc2 && byte <= 0xdf) extra = 1;
    else if (byte >= 0xe0 && byte <= 0xef) extra = 2;
    else if (byte >= 0xf0 && byte <= 0xf4) extra = 3;
    else return false;
    if (i + extra >= bytes.length) return false;
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return false;
    }
    multibyte = true;
    i += extra + 1;
  }
  return multibyte;
}

/**
 * Decode page bytes the way a browser does: BOM, then the HTTP charset, then the `<meta>`
 * prescan of the first 1024 bytes, then the default. The default is UTF-8 when the bytes
 * are well-formed UTF-8 with non-ASCII text (`sniff`), else windows-1252 (WHATWG). A label
 * that names a single-byte legacy encoding while the bytes are well-formed non-ASCII UTF-8
 * is a mislabelled page: it is decoded as UTF-8 with a warning.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  const warnings: string[] = [];
  const bom = getBOMEncoding(bytes);
  if (bom) return { text: legacyHookDecode(bytes, bom), encoding: bom, encodingSource: 'bom', warnings };

  let encoding: string | null = null;
  let encodingSource: EncodingSource = 'default';
  const httpLabel = charsetOfContentType(contentType);
  if (httpLabel) {
    encoding = normalizedName(httpLabel);
    if (encoding) encodingSource = 'http';
    else warnings.push(`unknown charset '${httpLabel}' in the Content-Type header; ignored`);
  }
  if (!encoding) {
    const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: NONE });
    if (sniffed !== NONE) {
      encoding = normalizedName(sniffed);
      if (encoding) encodingSource = 'meta';
    }
  }
  // Well-formed multi-byte UTF-8 is almost never a coincidence in legacy text: a page whose
  // label says otherwise was re-saved as UTF-8 without fixing its <meta>.
  if (encoding && encoding !== 'utf-8' && !encoding.startsWith('utf-16') && isNonAsciiUtf8(bytes)) {
    warnings.push(`the page declares ${encoding} (${encodingSource}) but its bytes are valid UTF-8; decoded as UTF-8`);
    encoding = 'utf-8';
    encodingSource = 'sniff';
  }
  if (!encoding) {
    if (isNonAsciiUtf8(bytes)) {
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
  if (encoding === 'utf-8' && text.includes('\uFFFD')) warnings.push('invalid UTF-8 byte sequences replaced by U+FFFD');
  return { text, encoding, encodingSource, warnings };
}

function normalizedName(label: string): string | null {
  const name = labelToName(label.trim());
  return name ? name.toLowerCase() : null;
}
