/**
 * Bidi embeddings, overrides and isolates make text display in an order other than the one it
 * has ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"). The reviewer must see what the text
 * is, so each one is shown as a visible mark naming it, e.g. `⟦U+202E RLO⟧`.
 */
const NAMES: Record<string, string> = {
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

function showBidiControls(text: string): string {
  return text.replace(
    BIDI,
    (char) => `⟦U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${NAMES[char] ?? ''}⟧`,
  );
}

// Values the app sends back to the server or uses as keys keep their characters.
const KEEP = new Set([
  'id',
  'ids',
  'parent',
  'head',
  'from',
  'corpus',
  'tags',
  'tag',
  'other',
  'source',
  'url',
  'path',
]);

/** Every displayed string of an API response with its bidi controls made visible; ids and refs unchanged. */
export function withVisibleControls<T>(value: T, key = ''): T {
  if (typeof value === 'string')
    return (KEEP.has(key) || /(?:Id|Ids|Hash|Url)$/.test(key) ? value : showBidiControls(value)) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withVisibleControls(item, key)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = withVisibleControls(item, name);
    return out as T;
  }
  return value;
}
