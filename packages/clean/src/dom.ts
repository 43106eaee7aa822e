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
const JSON_LD = /type\s*=\s*["']?application\/ld\+json/i;

/** Markup without executable or stylistic payload: scripts (JSON-LD kept) and style blocks. */
export function stripScriptsAndStyles(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string) => (JSON_LD.test(attributes) ? whole : ''))
    .replace(STYLE, '');
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
  const { document } = parseHTML(html);
  return { document: document as unknown as Document, close() {} };
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
