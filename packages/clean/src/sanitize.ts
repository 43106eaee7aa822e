/**
 * The text fields of a clean document hold no control characters but newline and tab: page
 * text may carry ESC (terminal escape sequences), other C0 and C1 controls or DEL, raw or as
 * character references (`&#27;`), and none of them is text. Form feed and vertical tab are
 * white space and become a space, a lone CR a newline; Unicode noncharacters go too.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const REMOVED = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed
const SPACE_LIKE = /[\u000b\u000c]/g;

export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(SPACE_LIKE, ' ').replace(REMOVED, '');
}

/** The same for every string inside a value (metadata, removals), keeping its shape. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => sanitizeDeep(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = sanitizeDeep(item);
    return out as T;
  }
  return value;
}
