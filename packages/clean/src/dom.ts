/**
 * The DOM engines: jsdom (spec-compliant, slow, the reference) and linkedom (fast). Both
 * run no scripts and load nothing: scripts other than JSON-LD and all `<style>` blocks are
 * removed from the markup before parsing, so no engine ever sees them.
 */

import type * as Jsdom from 'jsdom';
import type * as Linkedom from 'linkedom';

export type EngineName = 'jsdom' | 'linkedom';
export const ENGINES: readonly EngineName[] = ['jsdom', 'linkedom'];

export interface ParsedPage {
  document: Document;
  /** Release the engine's resources (closes jsdom's window). Safe to call twice. */
  close(): void;
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const JSON_LD = /type\s*=\s*["']?application\/ld\+json/i;

/** Markup without executable or stylistic payload: scripts (JSON-LD kept), style blocks, comments. */
export function stripScriptsAndStyles(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string) => (JSON_LD.test(attributes) ? whole : ''))
    .replace(STYLE, '')
    .replace(COMMENT, '');
}

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
const TAG = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;

/** Deepest element nesting in the markup (approximate: void and auto-closed elements are not counted). */
export function nestingDepth(markup: string): number {
  let depth = 0;
  let max = 0;
  for (const match of markup.matchAll(TAG)) {
    const name = match[2]!.toLowerCase();
    if (VOID_OR_AUTO_CLOSED.has(name) || match[3] === '/') continue;
    if (match[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const KEEP_WHEN_FLAT = /^(?:p|br|h[1-6]|li|title|meta|head|body|html|a|script|blockquote|pre)$/i;

/**
 * Markup too deeply nested for any DOM engine's recursive algorithms: keep only the tags
 * that carry paragraph structure and metadata; the rest become spaces, so no words are glued.
 */
export function flattenMarkup(markup: string): string {
  return markup.replace(TAG, (tag, _close: string, name: string) => (KEEP_WHEN_FLAT.test(name) ? tag : ' '));
}

/** The fallback when an engine throws on style attributes (CSS parsing in some engines). */
export function stripStyleAttributes(html: string): string {
  return html.replace(STYLE_ATTRIBUTE, '');
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
        dom.window.close();
      }
    },
  };
}

async function parseWithLinkedom(html: string): Promise<ParsedPage> {
  linkedomModule ??= import('linkedom');
  const { parseHTML } = await linkedomModule;
  const { document } = parseHTML(shapeForLinkedom(html));
  repairBody(document as unknown as Document);
  return { document: document as unknown as Document, close() {} };
}

/**
 * linkedom makes the first element it meets the document element. Give it a document that
 * starts with `<html>`: wrap fragments, and move anything before `<html>` (styles, meta tags
 * that templates print first) into the head, where an HTML5 parser would put it.
 */
export function shapeForLinkedom(markup: string): string {
  const htmlTag = /<html[\s>]/i.exec(markup);
  if (!htmlTag) {
    const hasBody = /<body[\s>]/i.test(markup);
    return hasBody
      ? `<!doctype html><html>${markup}</html>`
      : `<!doctype html><html><head></head><body>${markup}</body></html>`;
  }
  const lead = markup.slice(0, htmlTag.index);
  const leadElements = lead.replace(/<!doctype[^>]*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  if (!/<[a-z]/i.test(leadElements)) return markup;
  const rest = markup.slice(htmlTag.index);
  const head = /<head(?:\s[^>]*)?>/i.exec(rest);
  if (!head) return `<!doctype html>${rest.replace(/<html[^>]*>/i, (tag) => `${tag}<head>${leadElements}</head>`)}`;
  const at = head.index + head[0].length;
  return `<!doctype html>${rest.slice(0, at)}${leadElements}${rest.slice(at)}`;
}

/**
 * linkedom's parser is not the HTML5 tree builder: stray `<html>`/`<body>` tags can leave the
 * page's content in a second body that `document.body` does not point to. Move the content
 * of the largest body into `document.body`, as a browser's parser would have placed it.
 */
function repairBody(document: Document): void {
  const bodies = Array.from(document.querySelectorAll('body'));
  const main = document.body;
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
 * Parse `html` with `engine`. When the engine throws (jsdom's CSS parsing on some real
 * pages), retry once without `style` attributes and record a warning.
 */
export async function parseHtml(
  html: string,
  engine: EngineName,
  url: string | null,
  warnings: string[],
): Promise<ParsedPage> {
  const parse = (markup: string) =>
    engine === 'jsdom' ? parseWithJsdom(markup, safeUrl(url), warnings) : parseWithLinkedom(markup);
  try {
    return await parse(html);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    warnings.push(`${engine} failed to build the DOM (${message.slice(0, 200)}); retried without style attributes`);
    return await parse(stripStyleAttributes(html));
  }
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
