import { applyPatch } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { collapseRun } from './collapse.js';
import { diffDocuments } from './document-diff.js';
import { renderPatch } from './render-patch.js';
import { renderText } from './render-text.js';
import { diffSides } from './sides.js';

const p1 = 'The council met on Tuesday to discuss the new bridge over the river.';
const p2 = 'Residents said the noise from the works had kept them awake for weeks.';
const p3 = 'A spokesman for the contractor apologised and promised quieter machines.';
const p4 = 'The bridge is due to open next spring, two years later than planned.';
const old = [p1, p2, p3, p4].join('\n\n');
const edited = [p2.replace('weeks', 'months'), p3, p4, p1, 'A new closing paragraph <script>x</script> & more.'].join(
  '\n\n',
);

const paragraph = fc
  .array(fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'x', 'y.', 'z,'), { minLength: 1, maxLength: 8 })
  .map((words) => words.join(' '));
const separator = fc.constantFrom('\n\n', '\n\n', ' \n\n', '\n\n ', '\n \n', '\n\n\n');
const text = fc
  .tuple(fc.array(fc.tuple(paragraph, separator), { maxLength: 8 }), fc.constantFrom('', '', ' ', '\n'))
  .map(([parts, lead]) => lead + parts.map(([p, s], k) => (k === 0 ? p : s + p)).join(''));

describe('renderers', () => {
  it('renders plain text with word-diff markers and no colour codes', () => {
    const out = renderText(diffDocuments(old, edited), { oldName: 'old.txt', newName: 'new.txt' });
    expect(out).toContain('--- old.txt (4 paragraphs');
    expect(out).toContain('[-weeks-]{+months+}');
    expect(out).toContain('moved from old ¶1');
    expect(out).toContain('+ ¶5 A new closing paragraph');
    expect(out).not.toContain('\u001b[');
    expect(renderText(diffDocuments(old, old))).toContain('no differences');
  });

  it('shows a paragraph whose only differences are ignored as unchanged', () => {
    const diff = diffDocuments(`${p1}\n\n${p2}`, `${p1.toUpperCase()}\n\n${p2}`, { ignoreCase: true });
    expect(diff.changed).toBe(false);
    expect(renderText(diff)).toContain('no differences');
  });

  it('colours only when asked', () => {
    const out = renderText(diffDocuments(old, edited), { color: true });
    expect(out).toContain('\u001b[');
    expect(out).not.toContain('[-weeks-]');
  });

  it('collapses long unchanged runs', () => {
    const many = Array.from({ length: 12 }, (_, k) => `Paragraph number ${k} says something.`);
    const changed = [...many];
    changed[6] = 'Paragraph number 6 says something else.';
    const diff = diffDocuments(many.join('\n\n'), changed.join('\n\n'));
    expect(renderText(diff)).toContain('... 5 unchanged paragraphs ...');
  });

  it('renders a unified patch that the patch tool applies', () => {
    const diff = diffDocuments(old, edited);
    const patch = renderPatch(diff, { oldName: 'a/old.txt', newName: 'b/new.txt' });
    expect(patch.startsWith('--- a/old.txt\n+++ b/new.txt\n@@ -1,')).toBe(true);
    expect(applyPatch(old, patch)).toBe(edited);
    expect(renderPatch(diffDocuments(old, old))).toBe('');
  });

  it('patches apply for any pair of texts', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, newline) => {
        const x = newline ? `${a}\n` : a;
        const patch = renderPatch(diffDocuments(x, b));
        expect(patch === '' ? x : applyPatch(x, patch)).toBe(b);
        // The same text shuffled, edited in place: moves and changes.
        const shuffled = b.split('\n\n').reverse().join('\n\n');
        const moved = renderPatch(diffDocuments(b, shuffled));
        expect(moved === '' ? b : applyPatch(b, moved)).toBe(shuffled);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps both sides in the JSON model', () => {
    const diff = JSON.parse(JSON.stringify(diffDocuments(old, edited)));
    const sides = diffSides(diff);
    expect(sides.old).toBe(old);
    expect(sides.new).toBe(edited);
  });
});

describe('collapseRun', () => {
  it('keeps context next to changes only, and never hides a single paragraph', () => {
    expect(collapseRun(10, 1, { first: false, last: false })).toEqual({ head: 1, hidden: 8, tail: 1 });
    expect(collapseRun(10, 1, { first: true, last: false })).toEqual({ head: 0, hidden: 9, tail: 1 });
    expect(collapseRun(10, 2, { first: false, last: true })).toEqual({ head: 2, hidden: 8, tail: 0 });
    expect(collapseRun(3, 1, { first: false, last: false })).toEqual({ head: 3, hidden: 0, tail: 0 });
    expect(collapseRun(4, 1, { first: false, last: false })).toEqual({ head: 1, hidden: 2, tail: 1 });
    expect(collapseRun(1, 0, { first: true, last: true })).toEqual({ head: 1, hidden: 0, tail: 0 });
  });
});
