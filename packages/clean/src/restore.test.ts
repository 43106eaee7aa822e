import { describe, expect, it } from 'vitest';

import { contentHash, textBlocks } from '@corpuskit/document';
import type { DocumentRecord, Removal } from '@corpuskit/document';
import { makeRecord } from '@corpuskit/testkit';

import { restoreRemoval } from './restore.js';
import { documentStats } from './stats.js';

function removal(category: string, text: string, position?: number): Removal {
  return {
    category,
    rule: `${category}/rule`,
    reason: 'test',
    text,
    chars: text.length,
    ...(position === undefined ? {} : { position }),
  };
}

function record(text: string, removed: Removal[], markdown = text): DocumentRecord {
  return makeRecord('https://x.example/a', text, {
    title: 'T',
    markdown,
    metadata: { language: null },
    removed,
    stats: { words: 3, blocks: textBlocks(text).length, inputBytes: 100, textToHtmlRatio: text.length / 100 },
  });
}

describe('restoreRemoval', () => {
  const base = record('One.\n\nTwo.\n\nThree.', [
    removal('donation', 'Give.', 1),
    removal('share', 'Share.', 1),
    removal('comments', 'Comment.', 3),
    removal('navigation', 'Menu.'),
  ]);

  it('puts the block back where it stood and shifts the places of later removals', () => {
    const restored = restoreRemoval(base, 1);
    expect(textBlocks(restored.document.text)).toEqual(['One.', 'Share.', 'Two.', 'Three.']);
    expect(restored.document.removed.map((r) => [r.category, r.position])).toEqual([
      ['donation', 1],
      ['comments', 4],
      ['navigation', undefined],
    ]);
    expect(restored.contentHash).toBe(contentHash(restored.document));
    expect(restored.contentHash).not.toBe(base.contentHash);
    expect(restored.document.stats.removedChars).toBe(base.document.stats.removedChars - 'Share.'.length);
    expect(restored.document.stats.blocks).toBe(4);
    expect(restored.document.warnings.at(-1)).toMatch(/restored a removed share block \(share\/rule\)/);
  });

  it('keeps earlier removals at the same place before the restored block', () => {
    const restored = restoreRemoval(base, 0);
    expect(textBlocks(restored.document.text)).toEqual(['One.', 'Give.', 'Two.', 'Three.']);
    expect(restored.document.removed.map((r) => [r.category, r.position])).toEqual([
      ['share', 2],
      ['comments', 4],
      ['navigation', undefined],
    ]);
  });

  it('appends a block without a position at the end, and updates markdown that is in step', () => {
    const restored = restoreRemoval(base, 3);
    expect(textBlocks(restored.document.text).at(-1)).toBe('Menu.');
    expect(textBlocks(restored.document.markdown).at(-1)).toBe('Menu.');
  });

  it('escapes Markdown structure in restored text', () => {
    const withHeading = record('One.', [removal('promo', '# Subscribe *now*', 1)]);
    expect(textBlocks(restoreRemoval(withHeading, 0).document.markdown)).toEqual(['One.', '\\# Subscribe \\*now\\*']);
  });

  it('refuses an index that names no removal', () => {
    expect(() => restoreRemoval(base, 9)).toThrow(expect.objectContaining({ code: 'clean.no-such-removal' }));
    expect(() => restoreRemoval(base, -1)).toThrow(expect.objectContaining({ code: 'clean.no-such-removal' }));
  });

  it('recomputes statistics as the cleaner does (words are runs of letters and digits)', () => {
    const dashed = record('One — two.', [removal('promo', 'Three — four — five.', 1)]);
    const restored = restoreRemoval(dashed, 0);
    expect(restored.document.stats).toEqual(
      documentStats({ text: 'One — two.\n\nThree — four — five.', blocks: 2, removed: [], inputBytes: 100 }),
    );
    expect(restored.document.stats.words).toBe(5);
    expect(restored.document.stats.textToHtmlRatio).toBe(0.32);
  });
});
