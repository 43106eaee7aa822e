/**
 * A page drawn by script whose saved HTML holds no content: the page's text (`page`: the document
 * element, as a page without a <body> tag may be parsed into its head), outside what a page
 * shows around its content without script (a `<noscript>` notice, the footer), is empty, and the page has a
 * script to draw it (an app shell saved before it ran: an empty mount element, a footer, a
 * "you need to enable JavaScript" notice). Its description and title are metadata, never its text.
 */
export function drawnByScript(markup: string, page: Element): boolean {
  if (hasContent(page)) return false;
  // The parsed page has lost its scripts (dom.ts): they are looked for in the markup.
  for (const [, attributes] of markup.matchAll(SCRIPT_TAG)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes ?? '')?.[1]?.toLowerCase() ?? '';
    if (type === '' || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type))
      return true;
  }
  return false;
}

const SCRIPT_TAG = /<script\b([^>]*)>/gi;

/** Elements whose text is not the page's content: the footer, the title, and what is never shown. */
const NOT_CONTENT = new Set(['FOOTER', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE']);

/**
 * A `<noscript>` with less text than this is a notice ("enable JavaScript to run this app"); one
 * with more is the page's version for readers without script, and that is content (the cleaner
 * reads it: scripting is off when it parses).
 */
const NOTICE_CHARS = 500;

/**
 * Whether `node` holds text outside `NOT_CONTENT` elements, a `role="contentinfo"` footer and
 * `<noscript>` notices.
 */
function hasContent(node: Node): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if (/\S/.test(child.nodeValue ?? '')) return true;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    // A declarative shadow root is the page's own markup, drawn without script.
    if (tag === 'TEMPLATE' && element.hasAttribute('shadowrootmode')) {
      if (hasContent((element as HTMLTemplateElement).content ?? element)) return true;
      continue;
    }
    // ... which a parser may already have attached to its host.
    if (element.shadowRoot && hasContent(element.shadowRoot)) return true;
    if (tag === 'FOOTER' && articleLike(element)) return true;
    if (NOT_CONTENT.has(tag)) continue;
    if (tag === 'NOSCRIPT') {
      if (squashed(element).length >= NOTICE_CHARS) return true;
      continue;
    }
    if ((element.getAttribute('role') ?? '').toLowerCase() === 'contentinfo') continue;
    if (hasContent(element)) return true;
  }
  return false;
}

const squashed = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A heading over two paragraphs of prose (80 characters or more each): an article, even in a footer. */
function articleLike(element: Element): boolean {
  if (!element.querySelector('h1, h2, h3')) return false;
  let prose = 0;
  for (const paragraph of element.querySelectorAll('p'))
    if (squashed(paragraph).length >= 80 && ++prose >= 2) return true;
  return false;
}
