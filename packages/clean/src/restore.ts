import { contentHash, textBlocks } from '@corpuskit/document';
import type { DocumentRecord, Removal } from '@corpuskit/document';

import { cleanError } from './errors.js';
import { documentStats } from './stats.js';

/** Where a removal is shown: its recorded position, or after the last block when it has none. */
export function positionOf(removal: Removal, blocks: number): number {
  const position = removal.position;
  return typeof position === 'number' && Number.isInteger(position) && position >= 0 && position <= blocks
    ? position
    : blocks;
}

/** Escape what would turn a restored plain-text block into Markdown structure. */
function markdownParagraph(text: string): string {
  return text
    .replace(/([\\`*_[\]<>])/g, '\\$1')
    .replace(/^(\s*)(#{1,6}\s|>|[-+]\s|\d+[.)]\s)/, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

/**
 * A record with one removed block put back into the text where it stood. The block leaves
 * `removed`, the positions of later removals shift by one, statistics (`documentStats`, as the
 * cleaner computes them) and the content hash are recomputed, and a warning records the
 * reviewer's edit. The cleaner is not run again.
 */
export function restoreRemoval(record: DocumentRecord, index: number): DocumentRecord {
  const document = record.document;
  const removal = document.removed[index];
  if (!Number.isInteger(index) || !removal) {
    throw cleanError('clean.no-such-removal', `the document has no removed block #${index}`, record.id);
  }
  const blocks = textBlocks(document.text);
  const at = positionOf(removal, blocks.length);
  const restoredText = removal.text.trim();
  if (restoredText === '') {
    throw cleanError('clean.empty-removal', 'the removed block has no text to restore', record.id);
  }
  const newBlocks = [...blocks.slice(0, at), restoredText, ...blocks.slice(at)];

  const removed: Removal[] = [];
  document.removed.forEach((other, i) => {
    if (i === index) return;
    const position = positionOf(other, blocks.length);
    // Removals listed after the restored one at the same place stood after it in the page.
    const shifted = position > at || (position === at && i > index) ? position + 1 : position;
    removed.push(other.position === undefined && position === blocks.length ? other : { ...other, position: shifted });
  });

  const markdownBlocks = textBlocks(document.markdown);
  const markdownInSync = markdownBlocks.length === blocks.length;
  const markdown = markdownInSync
    ? [...markdownBlocks.slice(0, at), markdownParagraph(restoredText), ...markdownBlocks.slice(at)].join('\n\n')
    : document.markdown;

  const text = newBlocks.join('\n\n');
  const warnings = [
    ...document.warnings,
    `review: restored a removed ${removal.category} block (${removal.rule})${markdownInSync ? '' : '; markdown not updated'}`,
  ];
  const next = {
    ...document,
    text,
    markdown,
    removed,
    warnings,
    stats: documentStats({ text, blocks: newBlocks.length, removed, inputBytes: document.stats.inputBytes }),
  };
  return { ...record, document: next, contentHash: contentHash(next) };
}
