import type { DocumentDiff, Segment } from './model.js';
import { BLOCK_SEPARATOR, joinBlocks } from './tokenize.js';

/** The old and new text of segments. */
export function segmentSides(segments: readonly Segment[]): { old: string; new: string } {
  let oldText = '';
  let newText = '';
  for (const segment of segments) {
    if (segment.op !== 'insert') oldText += segment.op === 'equal' ? (segment.old ?? segment.text) : segment.text;
    if (segment.op !== 'delete') newText += segment.text;
  }
  return { old: oldText, new: newText };
}

/** Both sides' paragraphs and texts, rebuilt from the diff alone (the model is self-contained). */
export interface DiffSidesText {
  oldBlocks: string[];
  newBlocks: string[];
  old: string;
  new: string;
}

export function diffSides(diff: DocumentDiff): DiffSidesText {
  const oldBlocks: string[] = new Array<string>(diff.old.blocks).fill('');
  const newBlocks: string[] = new Array<string>(diff.new.blocks).fill('');
  for (const op of diff.blocks) {
    switch (op.op) {
      case 'equal':
        op.blocks.forEach((text, k) => {
          oldBlocks[op.old + k] = op.oldBlocks?.[String(k)] ?? text;
          newBlocks[op.new + k] = text;
        });
        break;
      case 'insert':
        newBlocks[op.new] = op.text;
        break;
      case 'delete':
      case 'move-source':
        oldBlocks[op.old] = op.text;
        break;
      case 'change':
      case 'move-target': {
        const sides = segmentSides(op.segments);
        oldBlocks[op.op === 'change' ? op.old : op.from] = sides.old;
        newBlocks[op.new] = sides.new;
        break;
      }
      case 'split':
      case 'merge': {
        const sides = segmentSides(op.segments);
        sides.old.split(BLOCK_SEPARATOR).forEach((text, k) => (oldBlocks[op.old + k] = text));
        sides.new.split(BLOCK_SEPARATOR).forEach((text, k) => (newBlocks[op.new + k] = text));
        break;
      }
    }
  }
  return {
    oldBlocks,
    newBlocks,
    old: joinBlocks(oldBlocks, diff.old.layout),
    new: joinBlocks(newBlocks, diff.new.layout),
  };
}
