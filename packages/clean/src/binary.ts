/** Known binary formats, recognised by their first bytes. */
const SIGNATURES: Array<{ name: string; bytes: number[]; offset?: number }> = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WebP image', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'zip archive (or a .docx/.xlsx/.epub)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'zstd archive', bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable', bytes: [0x4d, 0x5a] },
  { name: 'MP4/QuickTime video', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: 'Ogg media', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'MP3 audio', bytes: [0x49, 0x44, 0x33] },
  { name: 'WOFF font', bytes: [0x77, 0x4f, 0x46, 0x46] },
  { name: 'WOFF2 font', bytes: [0x77, 0x4f, 0x46, 0x32] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/**
 * The name of the binary format `bytes` is in, or null when they may be text. Known
 * signatures first; then NUL bytes or many control characters in the first 4 KiB (unless
 * a UTF-16 byte-order mark explains the NULs).
 */
export function detectBinary(bytes: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes, signature.offset)) {
      // "MZ" is also a plausible start of a text file: require a NUL soon after.
      if (signature.name === 'Windows executable' && !bytes.subarray(0, 256).includes(0)) continue;
      if (signature.name === 'MP3 audio' && bytes.length > 3 && bytes[3]! > 5) continue;
      return signature.name;
    }
  }
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom) return null;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary data (NUL bytes)';
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  }
  return head.length > 0 && control / head.length > 0.1 ? 'binary data (control characters)' : null;
}
