import { LOADING_WORD } from './rule-patterns.js';
import { labelForm, squashedLength } from './text-util.js';
import { pageFrame } from './type-roots.js';

/**
 * A page drawn by script whose saved HTML holds no content: the page's text (`page`: the document
 * element, as a page without a <body> tag may be parsed into its head), outside what a page
 * shows around its content without script (a `<noscript>` notice, its frame: header, footer,
 * menus, sidebars; a loading indicator's word), is empty, and the page has a
 * script to draw it (an app shell saved before it ran: an empty mount element, a footer, a
 * "you need to enable JavaScript" notice). Its description and title are metadata, never its text.
 */
export function drawnByScript(markup: string, page: Element): boolean {
  if (hasContent(page)) return false;
  // The parsed page has lost its scripts (dom.ts): they are looked for in the markup.
  for (const attributes of scriptTags(markup)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    if (type === '' || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type))
      return true;
  }
  return false;
}

/**
 * The attributes of each `<script …>` start tag in `markup`, in one pass: a start tag with no `>`
 * after it ends the search (no later one can close either), so a page of unclosed `<script`
 * openings costs its length, not its square.
 */
function* scriptTags(markup: string): Generator<string> {
  const opening = /<script\b/gi;
  for (let match = opening.exec(markup); match; match = opening.exec(markup)) {
    const start = match.index + match[0].length;
    const end = markup.indexOf('>', start);
    if (end < 0) return;
    yield markup.slice(start, end);
    opening.lastIndex = end + 1;
  }
}

/** Elements whose text is not the page's content: the title, and what is never shown. */
const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE']);

/**
 * A `<noscript>` with less text than this is a notice ("enable JavaScript to run this app"); one
 * with more is the page's version for readers without script, and that is content (the cleaner
 * reads it: scripting is off when it parses).
 */
const NOTICE_CHARS = 500;

/**
 * Whether `page` holds text outside `NOT_CONTENT` elements, the page's frame (`pageLandmarks`:
 * its header, footer, menus and sidebars by tag or role, and a footer named by its class or id,
 * outside a main region, article or section), `<noscript>` notices and a loading indicator's
 * word alone ("Loading…": a spinner in the mount element).
 */
function hasContent(page: Element): boolean {
  // The frame is told element by element as the walk meets it: most pages have text at once.
  const frame = pageFrame(page, { namedFooters: true });
  const textOutside = (node: Node, inFrameSearch: boolean, level: number): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (/\S/.test(text) && !LOADING_WORD.test(labelForm(text))) return true;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (NOT_CONTENT.has(tag)) continue;
      if (tag === 'NOSCRIPT') {
        if (squashedLength(element.textContent ?? '') >= NOTICE_CHARS) return true;
        continue;
      }
      if (inFrameSearch && frame.landmark(element, level)) {
        // A heading over paragraphs of prose is an article, even in the frame.
        if (articleLike(element)) return true;
        continue;
      }
      if (textOutside(element, inFrameSearch && frame.holdsFrame(element), level + 1)) return true;
    }
    return false;
  };
  return textOutside(page, true, 1);
}

/** A heading over two paragraphs of prose (80 characters or more each): an article, even in the page's frame. */
function articleLike(element: Element): boolean {
  if (!element.querySelector('h1, h2, h3')) return false;
  let prose = 0;
  for (const paragraph of element.querySelectorAll('p'))
    if (squashedLength(paragraph.textContent ?? '') >= 80 && ++prose >= 2) return true;
  return false;
}
