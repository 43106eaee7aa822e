/**
 * The DOM engines: jsdom (spec-compliant, slow, the reference) and linkedom (fast). Both
 * run no scripts and load nothing. Scripts (other than JSON-LD), `<style>` blocks and comments
 * are taken out of the parsed tree (`removeNonContent`): the engine's HTML tokenizer decides
 * where they end, so a comment holding `<script` or an end tag written `</script` + newline
 * never swallows the page.
 */

import type * as Jsdom from 'jsdom';
import type * as Linkedom from 'linkedom';
import type * as Parse5 from 'parse5';

import { cutNonContent } from './cut-non-content.js';
import { isWideSpace } from './features/dom-walk.js';
import { preformattedLineBreaks } from './preformatted.js';
import { elementsByTag } from './selector-match.js';
import { revealStreamedSegments } from './streamed.js';
import { lowerCase } from './lower-case.js';

export type EngineName = 'jsdom' | 'linkedom';
export const ENGINES: readonly EngineName[] = ['jsdom', 'linkedom'];

export interface ParsedPage {
  document: Document;
  /** Release the engine's resources (closes jsdom's window). Safe to call twice. */
  close(): void;
}

const STYLE_ATTRIBUTE = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const JSON_LD = /^\s*application\/ld\+json\b/i;
/** Soft hyphens: invisible unless a word breaks there; they split words for search and dedup. */
const SOFT_HYPHEN = /\u00AD/g;

/**
 * Take scripts (JSON-LD kept), style blocks and comments out of the parsed document, and soft
 * hyphens out of its text. One walk by sibling pointers, no recursion.
 */
export function removeNonContent(document: Document): void {
  const doomed: Node[] = [];
  for (let child = document.firstChild; child; child = child.nextSibling) if (child.nodeType === 8) doomed.push(child);
  const root = document.documentElement;
  let node: Node | null = root;
  while (node) {
    let descend = true;
    if (node.nodeType === 8) {
      doomed.push(node);
      descend = false;
    } else if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value.includes('\u00AD')) node.nodeValue = value.replace(SOFT_HYPHEN, '');
    } else if (node.nodeType === 1) {
      const tag = lowerCase((node as Element).localName);
      if (tag === 'style' || (tag === 'script' && !JSON_LD.test((node as Element).getAttribute('type') ?? ''))) {
        doomed.push(node);
      }
      // Nothing inside a script or style is page text.
      descend = tag !== 'script' && tag !== 'style';
    }
    const first: Node | null = descend ? node.firstChild : null;
    if (first) {
      node = first;
      continue;
    }
    while (node !== root && node && !node.nextSibling) node = node.parentNode;
    node = !node || node === root ? null : node.nextSibling;
  }
  for (const item of doomed) item.parentNode?.removeChild(item);
}

/**
 * Markup tags for the depth estimate and the flattening below: comments and the contents of
 * raw-text elements are matched as one piece each, so the tags inside them are not counted.
 */
const MARKUP_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1[\s/>]|$)|<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/gi;

const VOID_OR_AUTO_CLOSED = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'tr',
  'td',
  'th',
  'keygen',
  'command',
]);
/**
 * What the parsers need to know of the markup before they build a tree, from one scan of its tags:
 * the deepest element nesting (approximate: void and auto-closed elements are not counted), and
 * whether a link start tag comes while another link may still be open (`linkInLink`; a link
 * end tag, or any end tag that closes it, ends it: so true whenever linkedom nests a link in
 * a link, sometimes when it does not). The tags are the ones MARKUP_TOKEN matches, found by a scan for `<` and `>` instead
 * of the pattern (a match object per tag cost about 2% of a page's clean): a comment runs to
 * `-->` (or the end), a script or style block to its end tag followed by white space, `/` or `>`
 * (or the end), and a tag is `<`, an optional `/`, a letter and name characters, then anything
 * up to the first `>`; it closes itself when a `/` stands right before that `>`.
 */
export interface MarkupSurvey {
  depth: number;
  linkInLink: boolean;
}

export function surveyMarkup(markup: string): MarkupSurvey {
  let depth = 0;
  let max = 0;
  let openLinks = 0;
  let linkInLink = false;
  // The first `>` after the last tag start looked at: for any later `<` before it, the next `>`
  // is the same one, so a run of `<` with no `>` (code, maths, `<a <a <a`) is read once.
  let gt = -1;
  for (let at = markup.indexOf('<'); at >= 0;) {
    if (markup.startsWith('!--', at + 1)) {
      const close = markup.indexOf('-->', at + 4);
      if (close < 0) break;
      at = markup.indexOf('<', close + 3);
      continue;
    }
    const closing = markup.charCodeAt(at + 1) === 47; // '/'
    const nameStart = closing ? at + 2 : at + 1;
    // Not a tag (`a < b`): the next `<` is looked at without looking for a `>`.
    if (!isAsciiLetter(markup.charCodeAt(nameStart))) {
      at = markup.indexOf('<', at + 1);
      continue;
    }
    // Every tag ends at a `>`; past the last one no tag (and no depth) can follow.
    if (gt <= at) gt = markup.indexOf('>', at + 1);
    if (gt < 0) break;
    const rawText = closing ? null : rawTextName(markup, at + 1);
    if (rawText) {
      const end = rawTextEnd(markup, rawText, gt + 1);
      if (end < 0) break;
      at = markup.indexOf('<', end);
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < markup.length && isNameChar(markup.charCodeAt(nameEnd))) nameEnd++;
    const selfClosing = gt - 1 >= nameEnd && markup.charCodeAt(gt - 1) === 47;
    if (!selfClosing && !isVoidOrAutoClosed(markup, nameStart, nameEnd)) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (++depth > max) max = depth;
    }
    if (nameEnd - nameStart === 1 && (markup.charCodeAt(nameStart) | 32) === 97) {
      if (closing) openLinks = 0;
      else if (++openLinks > 1) linkInLink = true;
    }
    at = markup.indexOf('<', gt + 1);
  }
  return { depth: max, linkInLink };
}

/** The deepest element nesting in the markup (`surveyMarkup`). */
export function nestingDepth(markup: string): number {
  return surveyMarkup(markup).depth;
}

/** The longest name in VOID_OR_AUTO_CLOSED: a longer name is not looked up. */
const LONGEST_VOID_NAME = Math.max(...[...VOID_OR_AUTO_CLOSED].map((name) => name.length));
function isVoidOrAutoClosed(markup: string, start: number, end: number): boolean {
  return end - start <= LONGEST_VOID_NAME && VOID_OR_AUTO_CLOSED.has(markup.slice(start, end).toLowerCase());
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[\w-]` without the `u` flag: ASCII letters, digits, `_` and `-`. */
const isNameChar = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** `script` or `style` (any case) at `from`, ending at a word boundary; null otherwise. */
function rawTextName(markup: string, from: number): string | null {
  if ((markup.charCodeAt(from) | 32) !== 115) return null; // 's' or 'S'
  for (const name of ['script', 'style']) {
    const end = from + name.length;
    if (end <= markup.length && markup.slice(from, end).toLowerCase() === name && !isWordChar(markup.charCodeAt(end))) {
      return name;
    }
  }
  return null;
}
const isWordChar = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;

/**
 * Where the search goes on after a script or style block whose text starts at `from`: just past
 * its end tag `</name` and the white space, `/` or `>` after it; -1 when it runs to the end.
 */
function rawTextEnd(markup: string, name: string, from: number): number {
  for (let at = markup.indexOf('</', from); at >= 0; at = markup.indexOf('</', at + 2)) {
    const end = at + 2 + name.length;
    if (end < markup.length && markup.slice(at + 2, end).toLowerCase() === name) {
      const c = markup.charCodeAt(end);
      if (c === 47 || c === 62 || (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : isWideSpace(c))) return end + 1;
    }
  }
  return -1;
}

const KEEP_WHEN_FLAT = /^(?:p|br|h[1-6]|li|title|meta|head|body|html|a|blockquote|pre)$/i;

/**
 * Markup too deeply nested for any DOM engine's recursive algorithms: keep only the tags
 * that carry paragraph structure and metadata; the rest become spaces, so no words are glued.
 * Comments, scripts and style blocks are kept whole (the parsed tree loses them later).
 */
export function flattenMarkup(markup: string): string {
  const end = tagsEnd(markup);
  return (
    markup
      .slice(0, end)
      .replace(MARKUP_TOKEN, (token, _raw: string | undefined, _close: string, name: string | undefined) =>
        name === undefined || KEEP_WHEN_FLAT.test(name) ? token : ' ',
      ) + markup.slice(end)
  );
}

/**
 * Where the markup's tags end: after its last `>`. The token patterns (MARKUP_TOKEN, CDATA_TOKEN)
 * are run on the markup up to there: past it no tag can close, and what they match there (a
 * comment, script or SVG island left open) runs to the end and is kept as it is. Run over the
 * whole markup, each `<tag` opening with no `>` after it made them read on to the end: a page of
 * such openings cost the square of its length.
 */
function tagsEnd(markup: string): number {
  return markup.lastIndexOf('>') + 1;
}

/** The fallback when an engine throws on style attributes (CSS parsing in some engines). */
function stripStyleAttributes(html: string): string {
  return html.replace(STYLE_ATTRIBUTE, '');
}

/**
 * jsdom frees a closed window only once the event loop turns. A caller that cleans pages back to
 * back in one async loop, with no I/O between them, never lets it turn, and every window stays
 * alive (about 10 MB a real page). Awaited after closing a jsdom page.
 */
export function jsdomReleased(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

type JsdomModule = typeof Jsdom;
type LinkedomModule = typeof Linkedom;
let jsdomModule: Promise<JsdomModule> | undefined;
let linkedomModule: Promise<LinkedomModule> | undefined;

async function parseWithJsdom(html: string, url: string | null, warnings: string[]): Promise<ParsedPage> {
  jsdomModule ??= import('jsdom');
  const { JSDOM, VirtualConsole } = await jsdomModule;
  const virtualConsole = new VirtualConsole();
  const seen = new Set<string>();
  virtualConsole.on('jsdomError', (error: Error & { type?: string }) => {
    const message = `jsdom ${error.type ?? 'error'}: ${error.message.split('\n')[0] ?? ''}`.slice(0, 300);
    if (!seen.has(message) && seen.size < 20) {
      seen.add(message);
      warnings.push(message);
    }
  });
  const dom = new JSDOM(html, {
    url: url ?? undefined,
    contentType: 'text/html',
    virtualConsole,
    // No `runScripts` and no `resources`: jsdom then runs no script and fetches nothing.
  });
  let closed = false;
  return {
    document: dom.window.document,
    close() {
      if (!closed) {
        closed = true;
        // The window empties the body child by child, and jsdom updates its live lists of the
        // body's children at each removal (quadratic: 18% of a page of 5,000 sibling boxes).
        dom.window.document.documentElement?.remove();
        dom.window.close();
      }
    },
  };
}

async function parseWithLinkedom(html: string, linkInLink: boolean): Promise<ParsedPage> {
  linkedomModule ??= import('linkedom');
  const { parseHTML } = await linkedomModule;
  readsBogusCdata ??= parseHTML(CDATA_PROBE).document.body?.textContent === 'y]]>';
  // The markup linkedom parsed: every element of the tree comes from one of its start tags.
  let parsed = shapeForLinkedom(readsBogusCdata ? html : cdataAsHtml(html));
  let { document } = parseHTML(parsed);
  if (linkInLink && hasNestedLink(document as unknown as Document)) {
    // linkedom's tokenizer nests a link opened inside another; an HTML5 parser closes the outer
    // one first (the adoption agency algorithm), which moves blocks and clones links. Rather
    // than redo that by hand, such a page goes through parse5 (jsdom's parser) and linkedom
    // reads its well-formed serialisation.
    parse5Module ??= import('parse5');
    const { parse, serialize } = await parse5Module;
    parsed = serialize(parse(html, { scriptingEnabled: false }));
    ({ document } = parseHTML(parsed));
  }
  lowersAttributeNames ??=
    parseHTML(ATTRIBUTE_CASE_PROBE).document.body?.firstElementChild?.hasAttribute('id') === true;
  if (!lowersAttributeNames) lowerCaseAttributeNames(document as unknown as Document);
  repairBody(document as unknown as Document, parsed);
  placeAfterBody(document as unknown as Document);
  placeLeadingHeadElements(document as unknown as Document, html);
  return { document: document as unknown as Document, close() {} };
}

/** Whether a link holds another link, which no HTML5 parser builds outside a table cell. */
function hasNestedLink(document: Document): boolean {
  for (const link of Array.from(document.getElementsByTagName('a'))) {
    for (let above = link.parentElement; above; above = above.parentElement) if (above.localName === 'a') return true;
  }
  return false;
}

type Parse5Module = typeof Parse5;
let parse5Module: Promise<Parse5Module> | undefined;
const STANDARD_DOCTYPE = /^<!doctype[\t\n\f\r ]+html[\t\n\f\r ]*>$/i;
const PARSER_SPACE = /[\t\n\f\r ]/;

/**
 * The document mode an HTML5 parser gives `markup`: quirks without a doctype or with one of the
 * legacy doctypes it lists, limited quirks or no quirks otherwise. Only white space, comments
 * and processing instructions may stand before the doctype (anything else ends the parser's
 * initial mode in quirks; a byte order mark is the decoder's, not the parser's); the doctype
 * itself is judged by parse5, the parser jsdom uses.
 */
export async function documentMode(markup: string): Promise<'quirks' | 'limited-quirks' | 'no-quirks'> {
  const at = prologueEnd(markup);
  if (markup.slice(at, at + 9).toLowerCase() !== '<!doctype') return 'quirks';
  const end = markup.indexOf('>', at);
  const doctype = markup.slice(at, end === -1 ? markup.length : end + 1);
  if (STANDARD_DOCTYPE.test(doctype)) return 'no-quirks';
  parse5Module ??= import('parse5');
  const { parse } = await parse5Module;
  const mode = parse(doctype).mode;
  return mode === 'quirks' || mode === 'limited-quirks' ? mode : 'no-quirks';
}

/**
 * Where a page's markup starts: after a byte order mark and the white space, comments, processing
 * instructions and bogus comments an HTML5 parser reads before the doctype or the first tag.
 */
export function prologueEnd(markup: string): number {
  let at = markup.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (at < markup.length && PARSER_SPACE.test(markup[at]!)) at += 1;
    if (markup.startsWith('<!--', at)) {
      at = commentEnd(markup, at);
      continue;
    }
    if (markup.startsWith('</>', at)) {
      at += 3; // an end tag without a name: the tokenizer emits nothing
      continue;
    }
    // `<?…>`, `<!…>` that is not a doctype (`<![if !IE]>`) and `</` before a non-letter are
    // bogus comments to the next `>`.
    if (
      markup.startsWith('<?', at) ||
      (markup.startsWith('<!', at) && markup.slice(at + 2, at + 9).toLowerCase() !== 'doctype') ||
      (markup.startsWith('</', at) && !isAsciiLetter(markup.charCodeAt(at + 2)))
    ) {
      const end = markup.indexOf('>', at);
      at = end === -1 ? markup.length : end + 1;
      continue;
    }
    break;
  }
  return at;
}

/**
 * Where the comment starting at `at` ends, as the HTML5 tokenizer ends it (`<!-->`, `<!--->` and
 * `--!>` too): one forward scan of its `--`s, so a page of comments is read once.
 */
function commentEnd(markup: string, at: number): number {
  if (markup.startsWith('<!-->', at)) return at + 5;
  if (markup.startsWith('<!--->', at)) return at + 6;
  for (let dash = markup.indexOf('--', at + 4); dash !== -1; dash = markup.indexOf('--', dash + 1)) {
    if (markup.charCodeAt(dash + 2) === 62) return dash + 3; // '-->'
    if (markup.startsWith('!>', dash + 2)) return dash + 4;
  }
  return markup.length;
}

/**
 * Whether linkedom's tokenizer reads a stray `<![CDATA[` as an HTML5 parser does (a bogus comment
 * to the next `>`): the linkedom this repository installs is patched to (patches/, the tokenizer
 * step itself), linkedom as published on npm is not. Found once by parsing a probe.
 */
let readsBogusCdata: boolean | undefined;
const CDATA_PROBE = '<!doctype html><html><head></head><body><![CDATA[x>y]]></body></html>';

/**
 * Whether linkedom's parser lower-cases attribute names as an HTML5 parser does: the linkedom this
 * repository installs is patched to (patches/), linkedom as published keeps them as written.
 * Found once by parsing a probe.
 */
let lowersAttributeNames: boolean | undefined;
const ATTRIBUTE_CASE_PROBE = '<!doctype html><html><head></head><body><p ID="x"></p></body></html>';
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const ASCII_UPPER = /[A-Z]/;

/**
 * An HTML5 parser lower-cases the ASCII letters of an HTML element's attribute names and keeps
 * the first of two names that are then the same: `<DIV CLASS=a HIDDEN>` has `class` and `hidden`.
 * Kept as written (unpatched linkedom), such names are invisible to every selector and attribute
 * read (rules, links, metadata). This gives every HTML element of `document` the names a parser
 * gives; SVG and MathML elements keep theirs. Used only where linkedom does not do this itself
 * (`lowersAttributeNames`).
 */
export function lowerCaseAttributeNames(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('*'))) {
    if (element.namespaceURI !== HTML_NAMESPACE) continue;
    const attributes = Array.from(element.attributes);
    if (!attributes.some((attribute) => ASCII_UPPER.test(attribute.name))) continue;
    const kept = new Map<string, string>();
    for (const { name, value } of attributes) {
      const lower = name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
      if (!kept.has(lower)) kept.set(lower, value);
    }
    for (const { name } of attributes) element.removeAttribute(name);
    for (const [name, value] of kept) element.setAttribute(name, value);
  }
}

/**
 * `<![CDATA[` outside SVG and MathML: an HTML5 parser reads it as a bogus comment that ends at
 * the next `>`; unpatched linkedom reads a CDATA section that runs to `]]>`, and with none (a
 * template's stray marker) the rest of the page becomes one comment. Drop the bogus comment as
 * the HTML5 parser would (comments are taken out of the tree anyway). Comments, scripts, style
 * blocks and SVG/MathML islands are left as they are. Used only where linkedom does not do this
 * itself (`readsBogusCdata`).
 */
export function cdataAsHtml(markup: string): string {
  if (!markup.includes('<![CDATA[')) return markup;
  const end = tagsEnd(markup);
  return (
    markup.slice(0, end).replace(CDATA_TOKEN, (token: string) => (token.startsWith('<![') ? '' : token)) +
    markup.slice(end)
  );
}

const CDATA_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1[\s/>]|$)|<(svg|math)\b[\s\S]*?(?:<\/\2\s*>|$)|<!\[CDATA\[[^>]*>/gi;

/**
 * linkedom makes the first element it meets the document element. Give it a document that
 * starts with `<html>`: wrap fragments, and move anything before `<html>` (styles, meta tags
 * that templates print first) into the head, where an HTML5 parser would put it.
 */
export function shapeForLinkedom(markup: string): string {
  const htmlTag = findTag(markup, 'html');
  if (!htmlTag) {
    const hasBody = findTag(markup, 'body') !== null;
    return hasBody
      ? `<!doctype html><html>${markup}</html>`
      : `<!doctype html><html><head></head><body>${markup}</body></html>`;
  }
  const lead = markup.slice(0, htmlTag.index);
  if (!hasElement(lead)) return markup;
  const leadElements = lead.replace(/<!doctype[^>]*>/gi, '');
  const rest = markup.slice(htmlTag.index);
  const head = findTag(rest, 'head');
  if (!head) {
    const at = htmlTag.length;
    return `<!doctype html>${rest.slice(0, at)}<head>${leadElements}</head>${rest.slice(at)}`;
  }
  const at = head.index + head.length;
  return `<!doctype html>${rest.slice(0, at)}${leadElements}${rest.slice(at)}`;
}

/** The first start tag `name` outside comments, scripts and style blocks. */
function findTag(markup: string, name: string): { index: number; length: number } | null {
  for (const match of markup.slice(0, tagsEnd(markup)).matchAll(MARKUP_TOKEN)) {
    if (match[2] === '' && match[3]?.toLowerCase() === name) return { index: match.index, length: match[0].length };
  }
  return null;
}

/** True when the markup holds an element (a start tag outside comments; the doctype is not one). */
function hasElement(markup: string): boolean {
  for (const match of markup.slice(0, tagsEnd(markup)).matchAll(MARKUP_TOKEN))
    if (match[1] !== undefined || match[3] !== undefined) return true;
  return false;
}

const BODY: ReadonlySet<string> = new Set(['body']);

/** Elements an HTML5 parser puts in the head when they stand between `</head>` and `<body>`. */
const HEAD_ELEMENTS: ReadonlySet<string> = new Set([
  'base',
  'link',
  'meta',
  'noscript',
  'script',
  'style',
  'template',
  'title',
]);

/**
 * linkedom leaves elements written between `</head>` and `<body>` (a tag manager's script, a
 * style block, a site header printed early) as children of `<html>` before the body, and its
 * `document.body` then answers a new, empty body instead of the page's. Put them where an
 * HTML5 parser does: head elements at the end of the head, anything else at the start of the
 * body.
 */
function placeBetweenHeadAndBody(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  let head: Element | null = null;
  let body: Element | null = null;
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    const tag = lowerCase(child.localName);
    if (tag === 'head' && !head && !body) head = child;
    else if (tag === 'body') {
      body = child;
      break;
    }
  }
  if (!head || !body || head.nextElementSibling === body) return;
  const between: Element[] = [];
  for (let child = head.nextElementSibling; child && child !== body; child = child.nextElementSibling)
    between.push(child);
  const bodyStart: Node | null = body.firstChild;
  for (const element of between) {
    if (HEAD_ELEMENTS.has(lowerCase(element.localName))) head.appendChild(element);
    else body.insertBefore(element, bodyStart);
  }
  // Text left between them (whitespace, mostly) goes to the body too.
  while (head.nextSibling && head.nextSibling !== body) body.insertBefore(head.nextSibling, bodyStart);
}

/**
 * linkedom's parser is not the HTML5 tree builder: stray `<html>`/`<body>` tags can leave the
 * page's content in a second body that `document.body` does not point to. Move the content
 * of the largest body into `document.body`, as a browser's parser would have placed it.
 */
function repairBody(document: Document, markup: string): void {
  placeBetweenHeadAndBody(document);
  // Read `document.body` first: linkedom's getter creates an empty body when the head's next
  // element is not one, and that body must be among those compared.
  const madeByGetter = document.head?.nextElementSibling?.localName.toLowerCase() !== 'body';
  const main = document.body;
  // The tree's bodies are the one the getter made, if any, and at most one per `<body` of the
  // markup: with at most one in all, the walk that looks for them is not needed.
  if (main && tagCount(markup, '<body', madeByGetter ? 0 : 1) + (madeByGetter ? 1 : 0) < 2) return;
  const bodies = elementsByTag(document, BODY);
  if (bodies.length < 2 && main) return;
  let largest: Element | null = null;
  let largestChars = -1;
  for (const body of bodies) {
    const chars = (body.textContent ?? '').length;
    if (chars > largestChars) {
      largest = body;
      largestChars = chars;
    }
  }
  if (!largest || !main || largest === main || largest.contains(main)) return;
  if (main.contains(largest)) {
    while (largest.firstChild) largest.parentNode!.insertBefore(largest.firstChild, largest);
    largest.parentNode!.removeChild(largest);
    return;
  }
  while (largest.firstChild) main.appendChild(largest.firstChild);
}

/**
 * linkedom leaves what follows the body (a page without a `<body>` tag, whose body its getter
 * makes empty after the head; tracking boxes and banners printed after `</body>` or `</html>`)
 * as later children of `<html>` or of the document. An HTML5 parser puts all of it at the end of
 * the body: moved there, in order (comments stay where they are; they are taken out later).
 */
function placeAfterBody(document: Document): void {
  const root = document.documentElement;
  const body = document.body;
  if (!root || !body || body.parentNode !== root) return;
  const later: Node[] = [];
  for (let node = body.nextSibling; node; node = node.nextSibling) if (node.nodeType !== 8) later.push(node);
  for (let node = root.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 || (node.nodeType === 3 && /\S/.test(node.nodeValue ?? ''))) later.push(node);
  }
  for (const node of later) body.appendChild(node);
}

/** Elements an HTML5 parser puts in the head when they come before anything of the body. */
const HEAD_ONLY = new Set(['BASE', 'LINK', 'META', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE']);

/**
 * The head and body tags are optional: in `<!doctype html><meta charset=utf-8><title>…</title>
 * <nav>…`, an HTML5 parser puts the meta and the title in the head and starts the body at the
 * nav. linkedom leaves them in the body (the title then reads as page text and the document has
 * none). Without a `<body>` tag in the markup, the run of head elements the body starts with is
 * moved to the head, in order; with one, they stay where the page put them, as in a parser.
 */
function placeLeadingHeadElements(document: Document, markup: string): void {
  const { head, body } = document;
  if (!head || !body || !body.firstElementChild || !HEAD_ONLY.has(body.firstElementChild.tagName)) return;
  if (findTag(markup, 'body') !== null) return;
  const leading: Node[] = [];
  for (let node = body.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && HEAD_ONLY.has((node as Element).tagName)) leading.push(node);
    else if (node.nodeType === 3 ? /\S/.test(node.nodeValue ?? '') : node.nodeType !== 8) break;
  }
  for (const node of leading) head.appendChild(node);
}

/** How many elements the document has, and the most child elements one element has. */
export function elementCounts(document: Document): { elements: number; mostChildren: number } {
  let elements = 0;
  let mostChildren = 0;
  const stack: Element[] = document.documentElement ? [document.documentElement] : [];
  while (stack.length > 0) {
    const element = stack.pop()!;
    elements += 1;
    let children = 0;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      children += 1;
      stack.push(child);
    }
    if (children > mostChildren) mostChildren = children;
  }
  return { elements, mostChildren };
}

/**
 * Parse `html` with `engine`, then take scripts, style blocks and comments out of the tree
 * (`removeNonContent`; for jsdom most are cut from the markup first, `cutNonContent`). When the engine throws (jsdom's CSS parsing on some real pages), retry
 * once without `style` attributes and record a warning. `survey` is `surveyMarkup(html)` when the
 * caller has it (html flattened after the survey keeps its links); else it is taken here.
 */
export async function parseHtml(
  html: string,
  engine: EngineName,
  url: string | null,
  warnings: string[],
  survey?: MarkupSurvey,
): Promise<ParsedPage> {
  const linkInLink = engine === 'linkedom' && (survey ?? surveyMarkup(html)).linkInLink;
  const parse = (markup: string) =>
    engine === 'jsdom' ? parseWithJsdom(markup, safeUrl(url), warnings) : parseWithLinkedom(markup, linkInLink);
  // Comments before the doctype or the first tag are children of the document, never content
  // (jsdom's cost for thousands of them grows with their square): parsing starts after them.
  // A comment left open runs to the end of the page, which is then empty, as in a browser.
  const start = prologueEnd(html);
  const source = start > 0 && start < html.length ? html.slice(start) : html;
  // jsdom would build a CSS object model for every style block only to have it removed.
  const markup = engine === 'jsdom' ? cutNonContent(source) : source;
  let page: ParsedPage;
  try {
    page = await parse(markup);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    warnings.push(`${engine} failed to build the DOM (${message.slice(0, 200)}); retried without style attributes`);
    page = await parse(stripStyleAttributes(markup));
  }
  // linkedom has no quirks mode, and jsdom's `compatMode` tells only whether a doctype node was
  // made: both are given the mode an HTML5 parser puts the page in (class names compare without
  // case in quirks mode, see selector-match.ts).
  const quirks = (await documentMode(html)) === 'quirks';
  Object.defineProperty(page.document, 'compatMode', {
    value: quirks ? 'BackCompat' : 'CSS1Compat',
    configurable: true,
  });
  revealShadowRoots(page.document, markup);
  // Before the comments go: they mark where a streamed boundary's fallback ends.
  revealStreamedSegments(page.document, markup);
  removeNonContent(page.document);
  // Every <pre> element comes from a `<pre` start tag of the parsed markup (see tagCount).
  if (tagCount(markup, '<pre', 0) > 0) preformattedLineBreaks(page.document);
  revealNoscriptShell(page.document, markup);
  return page;
}

/**
 * Declarative shadow roots (`<template shadowrootmode>`, the older `shadowroot`) are the page's
 * own markup, shown without script: each is replaced by its contents in its host, so the content
 * is read as a browser shows it (neither engine attaches them: jsdom keeps the children in the
 * template's `content`, linkedom as the template's children). A shadow root inside one is
 * revealed in the next pass.
 */
function revealShadowRoots(document: Document, markup: string): void {
  // Their attribute names are written out in the markup the engine parsed (a name cannot be
  // written with character references): a page without them is not searched (a scan of the
  // markup costs about a third of the search).
  if (!SHADOW_ROOT_ATTRIBUTE.test(markup)) return;
  for (let pass = 0; pass < MAX_SHADOW_DEPTH; pass++) {
    const templates = Array.from(document.querySelectorAll('template[shadowrootmode], template[shadowroot]'));
    if (templates.length === 0) return;
    for (const template of templates) {
      const parent = template.parentNode;
      if (!parent) continue;
      const from: Node = template.firstChild ? template : ((template as HTMLTemplateElement).content ?? template);
      while (from.firstChild) parent.insertBefore(from.firstChild, template);
      parent.removeChild(template);
    }
  }
}

/** Both attributes that declare a shadow root (`shadowrootmode`, the older `shadowroot`) start with this. */
const SHADOW_ROOT_ATTRIBUTE = /shadowroot/i;

/** Shadow roots nested deeper than this stay templates (and go as hidden markup). */
const MAX_SHADOW_DEPTH = 32;

/**
 * A page whose visible body is an empty application shell and whose text is all in `<noscript>`
 * (forum software and single-page apps serve their no-JavaScript version that way): the
 * `<noscript>` elements are replaced by their contents, so the text is what a reader without
 * JavaScript sees. Other pages are left alone (their `<noscript>` holds tracking pixels and
 * "enable JavaScript" notes). Both engines parse `<noscript>` contents as elements, since
 * neither runs scripts.
 */
function revealNoscriptShell(document: Document, markup: string): void {
  const body = document.body;
  // Every <noscript> element comes from a `<noscript` start tag of the parsed markup.
  if (!body || tagCount(markup, '<noscript', 0) === 0) return;
  const noscripts = Array.from(body.getElementsByTagName('noscript'));
  if (noscripts.length === 0) return;
  const visible = (text: string) => text.replace(/\s+/g, '').length;
  let inside = 0;
  for (const el of noscripts) if (!el.parentElement?.closest('noscript')) inside += visible(el.textContent ?? '');
  if (inside < 200) return;
  const total = visible(body.textContent ?? '');
  // Text outside every <noscript> (scripts and styles are gone already).
  if (total - inside > 0.25 * inside) return;
  for (const el of noscripts) {
    if (!el.parentNode) continue;
    while (el.firstChild) el.parentNode.insertBefore(el.firstChild, el);
    el.parentNode.removeChild(el);
  }
}

/**
 * How many times `opening` (`<` and a tag name in lower case) stands in `markup` in any ASCII
 * case, counted up to `limit + 1`: at least the number of elements of that name a parser builds
 * from the markup (a tag name cannot be written with character references), more when the text
 * also stands in comments, scripts, attribute values or longer names.
 */
export function tagCount(markup: string, opening: string, limit: number): number {
  const first = opening.charCodeAt(1);
  let count = 0;
  for (let at = markup.indexOf('<'); at >= 0; at = markup.indexOf('<', at + 1)) {
    if ((markup.charCodeAt(at + 1) | 32) !== first) continue;
    if (markup.slice(at, at + opening.length).toLowerCase() !== opening) continue;
    if (++count > limit) break;
  }
  return count;
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
