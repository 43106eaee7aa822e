/**
 * The one table of binary formats corpuskit recognises by their first bytes, shared by the
 * cleaner (which refuses binary input) and ingest (which sniffs files before cleaning them).
 * Names carry their article so they read in a sentence: "this is a PNG image".
 */
const SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[]; offset?: number }> = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a gzip archive (decompress it first)', bytes: [0x1f, 0x8b] },
  { name: 'a zip archive (or .docx/.xlsx/.epub; extract it first)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an empty zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a bzip2 archive (decompress it first)', bytes: [0x42, 0x5a, 0x68] },
  { name: 'an xz archive (decompress it first)', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'a 7-Zip archive (extract it first)', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a zstd archive (decompress it first)', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a Windows executable', bytes: [0x4d, 0x5a] },
  { name: 'an MP4/QuickTime video', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: 'an Ogg media file', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'an MP3 audio file', bytes: [0x49, 0x44, 0x33] },
  { name: 'a WOFF font', bytes: [0x77, 0x4f, 0x46, 0x46] },
  { name: 'a WOFF2 font', bytes: [0x77, 0x4f, 0x46, 0x32] },
  { name: 'an SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** True when `bytes` start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * `utf-16le` or `utf-16be` when `bytes` have no byte-order mark but are plainly UTF-16 markup:
 * after optional whitespace the first code unit is `<`, and at least 3 in 4 of the first 512 code
 * units are ASCII characters (one byte 0, the other a printable or whitespace byte) with the 0 on
 * the same side, or at least 1 in 8 of 64 or more when none is a NUL or control character
 * (markup around CJK text, whose units mostly have no 0 byte). Else null. The HTML standard lets
 * a user agent autodetect an encoding when there is no BOM, no transport charset and no `<meta>`;
 * its prescan cannot read a `<meta>` in UTF-16.
 */
export function detectUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = Math.min(bytes.length, 1024) >> 1;
  if (units < 4) return null;
  const asciiUnit = (low: number, high: number) =>
    high === 0 && (low >= 0x20 ? low < 0x7f : low === 0x09 || low === 0x0a || low === 0x0d);
  for (const [encoding, lowAt] of [
    ['utf-16le', 0],
    ['utf-16be', 1],
  ] as const) {
    const unit = (i: number): [number, number] => [bytes[2 * i + lowAt]!, bytes[2 * i + 1 - lowAt]!];
    let first = 0;
    while (first < units && asciiUnit(...unit(first)) && /\s/.test(String.fromCharCode(unit(first)[0]))) first += 1;
    if (first >= units || unit(first)[0] !== 0x3c || unit(first)[1] !== 0) continue;
    let ascii = 0;
    let control = 0;
    for (let i = 0; i < units; i += 1) {
      const [low, high] = unit(i);
      if (asciiUnit(low, high)) ascii += 1;
      else if (high === 0 && (low < 0x20 || (low >= 0x7f && low < 0xa0))) control += 1;
    }
    // Markup around text in another script (CJK: no 0 byte in most units): 1 in 8 is enough in
    // a head of 64 units or more with no NUL or control character.
    if (ascii * 4 >= units * 3 || (units >= 64 && ascii * 8 >= units && control === 0)) return encoding;
  }
  return null;
}

/** What a page's first bytes say it is: both verdicts of one inspection, for the callers that need both. */
export interface ByteInspection {
  /** The binary format the bytes are in (see `detectBinary`), or null when they may be text. */
  binary: string | null;
  /** The byte order of BOM-less UTF-16 markup (see `detectUtf16`), or null. */
  utf16: 'utf-16le' | 'utf-16be' | null;
}

/**
 * Inspect a page's first bytes once: whether they are binary (`detectBinary`) and whether they
 * are UTF-16 markup without a byte-order mark (`detectUtf16`). A reader that refuses binary
 * input and then decodes hands `utf16` on to its decoder instead of sniffing the bytes again.
 */
export function inspectBytes(bytes: Uint8Array): ByteInspection {
  const utf16 = detectUtf16(bytes);
  return { binary: binaryFormat(bytes, utf16), utf16 };
}

/**
 * The binary format `bytes` are in (e.g. `a PNG image`), or null when they may be text.
 * Known signatures first; then, in the first 4 KiB, more than a few NUL bytes (over 1 in 100,
 * or over 2 in a short file), NUL bytes beside other control bytes (over 1 in 100: compressed or
 * random data), or many control characters, unless a UTF-16 byte-order mark or
 * BOM-less UTF-16 markup (`detectUtf16`) explains them. A few stray NULs in text do not make it
 * binary: the decoder drops them with a warning. Decides from content, never a file name.
 */
export function detectBinary(bytes: Uint8Array): string | null {
  return inspectBytes(bytes).binary;
}

/** `detectBinary` given the bytes' `detectUtf16` verdict. */
function binaryFormat(bytes: Uint8Array, utf16: 'utf-16le' | 'utf-16be' | null): string | null {
  for (const signature of SIGNATURES) {
    if (!startsWith(bytes, signature.bytes, signature.offset)) continue;
    // "MZ" and "ID3" are also plausible starts of a text file: require more evidence.
    if (signature.name === 'a Windows executable' && !bytes.subarray(0, 256).includes(0)) continue;
    if (signature.name === 'an MP3 audio file' && bytes.length > 3 && bytes[3]! > 5) continue;
    return signature.name;
  }
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom || utf16) return null;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  let nul = 0;
  for (const byte of head) {
    if (byte === 0) nul += 1;
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  const manyControl = head.length > 0 && (control + nul) / head.length > 0.1;
  // Stray NULs are taken only in plain text: compressed, encrypted or random bytes hold a NUL in
  // about 256 bytes and other control bytes in about 1 in 10, a page hardly any.
  if (nul > 0 && (manyControl || nul > Math.max(2, head.length / 100) || control > head.length / 100))
    return 'binary data (it contains NUL bytes)';
  return manyControl ? 'binary data (many control characters)' : null;
}
