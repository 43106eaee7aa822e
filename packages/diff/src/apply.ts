import type { CorpusKitError } from '@corpuskit/document';

import type { DocumentDiff } from './model.js';
import { DIFF_SCHEMA_VERSION } from './model.js';
import { BLOCK_SEPARATOR, joinBlocks, splitBlocks } from './tokenize.js';
import { diffError } from './errors.js';
import { segmentSides } from './sides.js';

function mismatch(message: string, block?: number): CorpusKitError {
  return diffError('diff.does-not-apply', message, {
    ...(block === undefined ? {} : { details: { block } }),
  });
}

/** Check a value read from JSON looks like a document diff this version understands. */
export function assertDocumentDiff(value: unknown): asserts value is DocumentDiff {
  const diff = value as Partial<DocumentDiff> | null;
  if (!diff || typeof diff !== 'object' || diff.kind !== 'document-diff' || !Array.isArray(diff.blocks)) {
    throw diffError('diff.not-a-diff', 'not a corpuskit document diff');
  }
  if (diff.schemaVersion !== DIFF_SCHEMA_VERSION) {
    throw diffError(
      'diff.schema-version',
      `diff schemaVersion ${String(diff.schemaVersion)} is not supported (expected ${DIFF_SCHEMA_VERSION})`,
    );
  }
}

/**
 * Apply a document diff to the old text and return the new text, exactly (white space
 * included). Every old paragraph the diff quotes is checked against `oldText` first: a diff
 * made from another text fails with `diff.does-not-apply` instead of producing garbage.
 */
export function applyDiff(oldText: string, diff: DocumentDiff): string {
  assertDocumentDiff(diff);
  const { blocks: oldBlocks, layout } = splitBlocks(oldText);
  if (oldBlocks.length !== diff.old.blocks) {
    throw mismatch(`the diff expects ${diff.old.blocks} paragraphs on the old side, the text has ${oldBlocks.length}`);
  }
  if (joinBlocks(oldBlocks, diff.old.layout) !== joinBlocks(oldBlocks, layout)) {
    throw mismatch('the white space around the paragraphs differs from the old side of the diff');
  }
  const seen = new Uint8Array(oldBlocks.length);
  const check = (index: number, text: string): void => {
    if (oldBlocks[index] !== text)
      throw mismatch(`old paragraph ${index + 1} differs from the old side of the diff`, index);
    if (seen[index]) throw mismatch(`old paragraph ${index + 1} is used twice by the diff`, index);
    seen[index] = 1;
  };
  const out: Array<string | undefined> = new Array<string | undefined>(diff.new.blocks);
  const put = (index: number, text: string): void => {
    if (index < 0 || index >= out.length || out[index] !== undefined) {
      throw mismatch(`new paragraph ${index + 1} is out of range or set twice`, index);
    }
    out[index] = text;
  };
  for (const op of diff.blocks) {
    switch (op.op) {
      case 'equal':
        for (let k = 0; k < op.count; k += 1) {
          const text = op.blocks[k]!;
          check(op.old + k, op.oldBlocks?.[String(k)] ?? text);
          put(op.new + k, text);
        }
        break;
      case 'insert':
        put(op.new, op.text);
        break;
      case 'delete':
      case 'move-source':
        // The move's target carries the text on the new side; its old side is checked there.
        if (op.op === 'delete') check(op.old, op.text);
        else if (oldBlocks[op.old] !== op.text) throw mismatch(`old paragraph ${op.old + 1} differs`, op.old);
        break;
      case 'change':
      case 'move-target': {
        const { old, new: text } = segmentSides(op.segments);
        check(op.op === 'change' ? op.old : op.from, old);
        put(op.new, text);
        break;
      }
      case 'split': {
        const { old, new: text } = segmentSides(op.segments);
        check(op.old, old);
        const pieces = text.split(BLOCK_SEPARATOR);
        if (pieces.length !== op.count) throw mismatch(`split of old paragraph ${op.old + 1} is malformed`, op.old);
        pieces.forEach((piece, k) => put(op.new + k, piece));
        break;
      }
      case 'merge': {
        const { old, new: text } = segmentSides(op.segments);
        const pieces = old.split(BLOCK_SEPARATOR);
        if (pieces.length !== op.count) throw mismatch(`merge into new paragraph ${op.new + 1} is malformed`, op.new);
        pieces.forEach((piece, k) => check(op.old + k, piece));
        put(op.new, text);
        break;
      }
      default:
        throw mismatch(`unknown op '${String((op as { op: unknown }).op)}'`);
    }
  }
  const missingOld = seen.indexOf(0);
  if (missingOld >= 0) throw mismatch(`old paragraph ${missingOld + 1} is not accounted for by the diff`, missingOld);
  const missingNew = out.indexOf(undefined);
  if (missingNew >= 0) throw mismatch(`new paragraph ${missingNew + 1} is missing from the diff`, missingNew);
  return joinBlocks(out as string[], diff.new.layout);
}
