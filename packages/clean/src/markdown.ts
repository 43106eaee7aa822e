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

const MARKDOWN_SPECIAL = /^(\s*)([#>*+-]|\d+\.)(\s)/;

/** Markdown for plain-text blocks: paragraphs, with line starts that would read as markup escaped. */
export function textToMarkdown(blocks: string[]): string {
  return blocks
    .map((block) =>
      block.replace(MARKDOWN_SPECIAL, (_, space: string, mark: string, after: string) =>
        mark.endsWith('.') ? `${space}${mark.slice(0, -1)}\\.${after}` : `${space}\\${mark}${after}`,
      ),
    )
    .join('\n\n');
}
