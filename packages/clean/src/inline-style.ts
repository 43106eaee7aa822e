/**
 * Whether an element's own `style` attribute hides it, read from the attribute as a browser's CSS
 * parser reads a declaration list, the same on every DOM engine. The engines' style objects do not
 * agree: linkedom keeps `!important` in the value (`display: none !important` is not `none` there)
 * and does not lower-case keywords, jsdom does not read a property name written in capitals
 * (`DISPLAY: NONE`); a browser hides the element in all three cases.
 */

import { parse, generate, ident, type CssNode } from 'css-tree';

import { asciiLowerCase } from './text-util.js';

const IMPORTANT = /!\s*important\s*$/i;
/**
 * What a declaration list needs a CSS parser for: a comment, a string, a function (`url(…)` may
 * hold a `;`) or an escape. Without them, the list is its declarations split at `;`.
 */
const NEEDS_PARSER = /\/\*|["'(\\]/;
/** A list that can set `display` or `visibility` names one (or escapes a character). */
const MAY_HIDE = /display|visibility|\\/i;
/** A value of keywords (`none`, `inline flex`, `-webkit-box`) or one with a function (`var(--x)`). */
const KEYWORDS = /^-?[a-z_][a-z0-9_-]*(?:\s+-?[a-z_][a-z0-9_-]*)*$/;
const FUNCTION = /^[\w-]+\(/;
const VISIBILITY = new Set(['visible', 'hidden', 'collapse', 'inherit', 'initial', 'unset', 'revert', 'revert-layer']);

interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

/** Declaration lists read lately, by style text (read-only): a page repeats its styles, and one element's is read by several checks. */
const recentDeclarations = new Map<string, readonly Readonly<Declaration>[]>();
/** The memo is emptied when it holds this many styles. */
const RECENT_STYLES = 512;

/** `readDeclarations(style)`, remembered (see recentDeclarations). */
function declarations(style: string): readonly Readonly<Declaration>[] {
  let list = recentDeclarations.get(style);
  if (!list) {
    if (recentDeclarations.size >= RECENT_STYLES) recentDeclarations.clear();
    recentDeclarations.set(style, (list = readDeclarations(style)));
  }
  return list;
}

/**
 * The declarations of a `style` attribute, in order: split at `;` when nothing in it needs a CSS
 * parser, else read by css-tree (the parser jsdom's CSS stack uses), which keeps a `;` inside a
 * string or `url()` in its value and leaves comments out, as a browser does.
 */
function readDeclarations(style: string): Declaration[] {
  const list: Declaration[] = [];
  if (!NEEDS_PARSER.test(style)) {
    for (const part of style.split(';')) {
      const colon = part.indexOf(':');
      if (colon === -1) continue;
      let value = part.slice(colon + 1).trim();
      const important = IMPORTANT.test(value);
      if (important) value = value.replace(IMPORTANT, '').trim();
      list.push({ property: part.slice(0, colon).trim(), value, important });
    }
    return list;
  }
  const ast = parse(style, { context: 'declarationList', onParseError: () => {} });
  if (ast.type !== 'DeclarationList') return list;
  ast.children.forEach((node: CssNode) => {
    if (node.type !== 'Declaration') return;
    list.push({
      property: ident.decode(node.property),
      value: valueText(node.value),
      important: Boolean(node.important),
    });
  });
  return list;
}

/**
 * A parsed value as text, its identifiers unescaped as CSS reads them: `\6e one` is `none`. The
 * generator writes an identifier back escaped, so it would not read as a keyword. An escaped
 * white space stays in its identifier (`none\9`, the old hack for one browser, is `none` and a
 * tab, not the keyword), so the decoded text is not trimmed.
 */
function valueText(value: CssNode): string {
  if (value.type !== 'Value') return generate(value).trim();
  const parts: string[] = [];
  value.children.forEach((node: CssNode) => {
    parts.push(node.type === 'Identifier' ? ident.decode(node.name) : generate(node).trim());
  });
  return parts.join(' ');
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
  if (!style || !MAY_HIDE.test(style)) return result;
  const important = { display: false, visibility: false };
  for (const declaration of declarations(style)) {
    const property = asciiLowerCase(declaration.property);
    if (property !== 'display' && property !== 'visibility') continue;
    const isImportant = declaration.important;
    const valid = validValue(property, asciiLowerCase(declaration.value));
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

/**
 * The element, or one around it, is hidden from the reader: by its inline style, the `hidden`
 * attribute or `aria-hidden="true"`. Readability drops what it would not show; text the page
 * hides (a heading kept for print, a template, one of a responsive pair) is no text of the page.
 * Read before Readability: after it, the element may be cut from the page it stood in.
 */
export function hiddenOnPage(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (hiddenByInlineStyle(at) || at.hasAttribute('hidden') || at.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

/** A declaration that paints an image: `background` or `background-image` with a `url(…)`. */
const PAINTS_IMAGE = /^background(?:-image)?$/;

/**
 * The element's own `style` attribute paints a picture on it (`background-image: url(…)`, or the
 * `background` shorthand with one), read as a browser's CSS parser reads the declarations.
 */
export function backgroundPicture(element: Element): boolean {
  const style = element.getAttribute('style');
  if (!style || !/url\(/i.test(style)) return false;
  return declarations(style).some(
    (declaration) => PAINTS_IMAGE.test(asciiLowerCase(declaration.property)) && /\burl\(/i.test(declaration.value),
  );
}

/**
 * The length in pixels the element's own `style` gives `property` (`height: 20px`, `height: 20`),
 * the last valid declaration; null when it gives none in pixels.
 */
export function inlinePixels(element: Element, property: 'width' | 'height'): number | null {
  const style = element.getAttribute('style');
  if (!style || !style.toLowerCase().includes(property)) return null;
  let size: number | null = null;
  for (const declaration of declarations(style)) {
    if (asciiLowerCase(declaration.property) !== property) continue;
    const match = /^(\d+(?:\.\d+)?)(?:px)?$/i.exec(declaration.value.trim());
    if (match) size = Number(match[1]);
  }
  return size;
}
