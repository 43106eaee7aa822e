/**
 * Text statistics of DOM subtrees, computed once per element and remembered, so features that
 * ask about many nested elements cost one walk of the page. Works on jsdom and linkedom.
 * A TextStats instance describes the tree as it was when first asked: make a new one after the
 * tree changes.
 */

import { lowerCase } from '../lower-case.js';

export interface SubtreeText {
  /** Visible characters (white space not counted) of the subtree's text. */
  chars: number;
  /** Of those, characters inside `<a>` elements. */
  linkChars: number;
  /** Number of `<time>` elements in the subtree. */
  times: number;
}

const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head']);

function visibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

/**
 * The length of a text without its white space: `text.replace(/\s+/g, '').length`, by one pass
 * over the code units instead of a new string (every `\s` character is one code unit).
 */
export function nonSpaceLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isWideSpace(c)) n--;
  }
  return n;
}

/** `\s` above ASCII: no-break space, the Unicode space separators, line and paragraph separators, BOM. */
export function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export class TextStats {
  private readonly memo = new WeakMap<Element, SubtreeText>();

  of(element: Element): SubtreeText {
    return this.compute(element, false, 0);
  }

  private compute(element: Element, inLink: boolean, depth: number): SubtreeText {
    const known = this.memo.get(element);
    if (known) return known;
    const tag = lowerCase(element.localName);
    const result: SubtreeText = { chars: 0, linkChars: 0, times: tag === 'time' ? 1 : 0 };
    if (!HIDDEN.has(tag) && depth < 400) {
      const link = inLink || tag === 'a';
      for (let node = element.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3) {
          const n = visibleChars(node.nodeValue ?? '');
          result.chars += n;
          if (link) result.linkChars += n;
        } else if (node.nodeType === 1) {
          const child = this.compute(node as Element, link, depth + 1);
          result.chars += child.chars;
          result.linkChars += link ? child.chars : child.linkChars;
          result.times += child.times;
        }
      }
    }
    // Memoised per element: the link flag only matters below an <a>, whose own entry has it.
    this.memo.set(element, result);
    return result;
  }
}
