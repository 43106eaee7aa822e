import { createRequire } from 'node:module';

import type TurndownService from 'turndown';

const require = createRequire(import.meta.url);
let service: TurndownService | undefined;

function turndown(): TurndownService {
  if (service) return service;
  const Turndown = require('turndown') as typeof TurndownService;
  const { gfm } = require('turndown-plugin-gfm') as { gfm: TurndownService.Plugin };
  const instance = new Turndown({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  instance.use(gfm);
  // Page text is text, never markup: `<`, `>` and `&` become entities, so a text node reading
  // `<img src=x onerror=…>` stays words in every Markdown renderer. Code keeps its characters
  // (turndown does not escape code, and renderers show code literally).
  const escapeMarkdown = instance.escape.bind(instance);
  instance.escape = (text: string) => escapeMarkdown(escapeHtmlText(text));
  // Links keep http(s), mailto and relative targets only (no javascript: or data:), with the
  // characters that could end the destination percent-encoded and no title.
  instance.addRule('corpuskit-link', {
    filter: (node) => node.nodeName === 'A' && Boolean(node.getAttribute('href')),
    replacement: (content, node) => {
      const href = safeHref((node as HTMLElement).getAttribute('href') ?? '');
      return href === null || content.trim() === '' ? content : `[${content}](${href})`;
    },
  });
  // turndown-plugin-gfm keeps a table without a heading row as raw HTML (attributes included):
  // render its rows as Markdown text instead.
  instance.addRule('corpuskit-headless-table', {
    filter: (node) => node.nodeName === 'TABLE' && !hasHeadingRow(node as HTMLTableElement),
    replacement: (content) => `\n\n${content.replace(/^\n+|\n+$/g, '')}\n\n`,
  });
  // Added rules take precedence over the built-in ones (remove() does not override the image rule).
  instance.addRule('corpuskit-drop', {
    filter: (node) =>
      /^(?:script|style|noscript|template|button|form|input|select|textarea|iframe|svg|img|picture|video|audio|canvas|object|embed)$/i.test(
        node.nodeName,
      ),
    replacement: () => '',
  });
  service = instance;
  return instance;
}

/** Markdown of an article element (headings, lists, blockquotes, tables, emphasis, links; no images). */
export function toMarkdown(root: Element): string {
  const markdown = turndown().turndown(root as unknown as HTMLElement);
  return markdown
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether turndown-plugin-gfm converts this table (its first row is a heading row, by the plugin's test). */
function hasHeadingRow(table: HTMLTableElement): boolean {
  const row = table.rows?.[0] ?? table.querySelector('tr');
  if (!row) return false;
  const parent = row.parentNode as Element | null;
  if (!parent) return false;
  if (parent.nodeName === 'THEAD') return true;
  const previous = parent.previousSibling;
  const firstBody =
    parent.nodeName === 'TBODY' &&
    (!previous || (previous.nodeName === 'THEAD' && /^\s*$/.test(previous.textContent ?? '')));
  return (
    parent.firstChild === row &&
    (parent.nodeName === 'TABLE' || firstBody) &&
    Array.from(row.childNodes).every((cell) => cell.nodeName === 'TH')
  );
}

/** `&`, `<` and `>` as entities: in Markdown they are text, never an HTML tag or a character reference. */
function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// eslint-disable-next-line no-control-regex -- control characters and spaces end a link destination
const HREF_UNSAFE = /[\u0000-\u0020\u007f-\u009f<>"'()\\`]/g;

/** A link target safe in Markdown, or null for schemes that run code or embed data. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) return null;
  if (trimmed === '') return null;
  return trimmed.replace(HREF_UNSAFE, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

const MARKDOWN_SPECIAL = /^(\s*)([#>*+-]|\d+\.)(\s)/;

/**
 * Markdown for plain-text blocks: paragraphs, with line starts that would read as markup
 * escaped and `&`, `<`, `>` as entities.
 */
export function textToMarkdown(blocks: string[]): string {
  return blocks
    .map((block) =>
      escapeHtmlText(block).replace(MARKDOWN_SPECIAL, (_, space: string, mark: string, after: string) =>
        mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.${after}` : `${space}\\${mark}${after}`,
      ),
    )
    .join('\n\n');
}
