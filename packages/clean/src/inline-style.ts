/**
 * Whether an element's own `style` attribute hides it, read from the attribute as a browser's CSS
 * parser reads a declaration list, the same on every DOM engine. The engines' style objects do not
 * agree: linkedom keeps `!important` in the value (`display: none !important` is not `none` there)
 * and does not lower-case keywords, jsdom does not read a property name written in capitals
 * (`DISPLAY: NONE`); a browser hides the element in all three cases.
 */

/** A `;` between declarations (a `;` inside a string or `url()` splits a value no test below reads). */
const DECLARATION_SEPARATOR = ';';
const IMPORTANT = /!\s*important\s*$/i;
const ASCII_UPPER = /[A-Z]/g;
/** A value of keywords (`none`, `inline flex`, `-webkit-box`) or one with a function (`var(--x)`). */
const KEYWORDS = /^-?[a-z_][a-z0-9_-]*(?:\s+-?[a-z_][a-z0-9_-]*)*$/;
const FUNCTION = /^[\w-]+\(/;
const VISIBILITY = new Set(['visible', 'hidden', 'collapse', 'inherit', 'initial', 'unset', 'revert', 'revert-layer']);

/** `text` with A-Z lowered (CSS names and keywords are ASCII case-insensitive). */
function asciiLowerCase(text: string): string {
  return text.replace(ASCII_UPPER, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
}

/** A declaration's value as CSS would keep it, or null when a browser drops the declaration as invalid. */
function validValue(property: 'display' | 'visibility', value: string): string | null {
  if (value === '') return null;
  if (FUNCTION.test(value)) return value;
  if (property === 'visibility') return VISIBILITY.has(value) ? value : null;
  if (!KEYWORDS.test(value)) return null;
  // `none` stands alone; with another keyword the declaration is invalid.
  return value === 'none' || !value.split(/\s+/).includes('none') ? value : null;
}

/**
 * The element's inline `display` and `visibility`, as the declarations in its `style` attribute
 * give them: names and keywords in any case, an `!important` declaration over a normal one, else
 * the last valid one.
 */
function inlineDisplay(element: Element): { display: string | null; visibility: string | null } {
  const result: { display: string | null; visibility: string | null } = { display: null, visibility: null };
  const style = element.getAttribute('style');
  if (!style) return result;
  const important = { display: false, visibility: false };
  for (const declaration of style.split(DECLARATION_SEPARATOR)) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const property = asciiLowerCase(declaration.slice(0, colon).trim());
    if (property !== 'display' && property !== 'visibility') continue;
    let value = declaration.slice(colon + 1).trim();
    const isImportant = IMPORTANT.test(value);
    if (isImportant) value = value.replace(IMPORTANT, '').trim();
    const valid = validValue(property, asciiLowerCase(value));
    if (valid === null || (important[property] && !isImportant)) continue;
    result[property] = valid;
    important[property] = isImportant;
  }
  return result;
}

/** The element's own `style` attribute hides it: `display: none`, or `visibility: hidden` or `collapse`. */
export function hiddenByInlineStyle(element: Element): boolean {
  if (!element.hasAttribute('style')) return false;
  const { display, visibility } = inlineDisplay(element);
  return display === 'none' || visibility === 'hidden' || visibility === 'collapse';
}
