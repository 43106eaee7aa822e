/**
 * Line breaks of preformatted text written as elements instead of newline characters. In a
 * `<pre>` the lines are the newlines of its text, but many pages break them with markup that a
 * browser renders as a line break and `textContent` reads as nothing:
 *
 * - `<br>` elements (`import subprocess<br>import time`);
 * - one block element per line (code editors print `<div class="cm-line">` lines);
 * - one inline element per line whose class says it is a line (syntax highlighters print
 *   `<span class="line">` or `<span class="token-line">` runs, shown one under another by their
 *   style sheet), with no newline between them.
 *
 * Each of these becomes a newline text node, so everything that reads the code's text (the text
 * blocks, Readability's scoring, the Markdown code fence) reads its lines, not one run of glued
 * words. Elements already followed by a newline are left alone, so the step changes nothing in
 * code that has its newlines.
 */

import { descendants } from './selector-match.js';
import { lowerCase } from './lower-case.js';

/** Block elements that end a line inside `<pre>` as they do anywhere else. */
const LINE_BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'ol',
  'p',
  'section',
  'table',
  'tr',
  'ul',
]);

/** A class token naming a code line: `line`, or a prefixed one (`token-line`, `code-line`, `cm-line`). */
const LINE_CLASS = /^(?:[a-z0-9]+[-_])*line$/i;

function isLineClass(element: Element | null): boolean {
  const value = element?.getAttribute('class');
  if (!value) return false;
  for (const token of value.split(/\s+/)) if (LINE_CLASS.test(token)) return true;
  return false;
}

/**
 * Whether a newline must be written after `element`: something follows it inside `pre` (in its
 * siblings or its ancestors' siblings) and that is not already text starting a new line.
 */
function needsNewline(element: Element, pre: Element): boolean {
  for (let node: Node = element; node !== pre && node.parentNode; node = node.parentNode) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === 3) {
        const text = next.nodeValue ?? '';
        if (text === '') continue;
        return !/^[^\S\n]*\n/.test(text);
      }
      if (next.nodeType === 1) return true;
    }
  }
  return false;
}

/**
 * Turn the markup line breaks of every `<pre>` in the document into newline characters;
 * returns how many newlines were written.
 */
export function preformattedLineBreaks(document: Document): number {
  const pres = Array.from(document.getElementsByTagName('pre'));
  let written = 0;
  for (const pre of pres) {
    // A <pre> inside another is handled with the outer one.
    if (pre.parentElement?.closest('pre')) continue;
    for (const br of Array.from(pre.getElementsByTagName('br'))) {
      br.parentNode?.replaceChild(document.createTextNode('\n'), br);
      written++;
    }
    const lines: Element[] = [];
    for (const element of descendants(pre)) {
      const tag = lowerCase(element.localName);
      if (LINE_BLOCKS.has(tag)) lines.push(element);
      // A line-classed element among line-classed siblings: a run of lines, not one marked line.
      else if (
        isLineClass(element) &&
        (isLineClass(element.nextElementSibling) || isLineClass(element.previousElementSibling))
      )
        lines.push(element);
    }
    for (const line of lines) {
      if ((line.textContent ?? '').endsWith('\n')) continue;
      if (!needsNewline(line, pre)) continue;
      line.parentNode?.insertBefore(document.createTextNode('\n'), line.nextSibling);
      written++;
    }
  }
  return written;
}
