import type { DocumentDiff, Layout } from './model.js';
import { diffSides } from './sides.js';
import { BLOCK_SEPARATOR } from './tokenize.js';

export interface PatchRenderOptions {
  /** File names in the `---` / `+++` header (default: ids, else `a` / `b`). */
  oldName?: string;
  newName?: string;
  /** Lines of context around each hunk. Default 3. */
  context?: number;
}

interface Line {
  kind: ' ' | '-' | '+';
  text: string;
}

/** The separator before block `index` (the lead for the first block). */
function separatorBefore(layout: Layout | undefined, index: number): string {
  return index === 0 ? (layout?.lead ?? '') : (layout?.separators[String(index)] ?? BLOCK_SEPARATOR);
}

/**
 * Lines of block `index`: the lines its separator opens (blank lines), the block, and the white
 * space that ends its last line (the next separator up to its first line break, or for the
 * last block the trailing white space).
 */
function unitLines(blocks: readonly string[], layout: Layout | undefined, index: number): string[] {
  const before = separatorBefore(layout, index);
  const opening = index === 0 ? before : before.slice(before.indexOf('\n') + 1);
  const last = index === blocks.length - 1;
  const next = last ? (layout?.trail ?? '') : separatorBefore(layout, index + 1);
  const closing = last ? next : next.slice(0, next.indexOf('\n'));
  const lines = `${opening}${blocks[index]!}${closing}`.split('\n');
  if (last && closing.endsWith('\n')) lines.pop();
  return lines;
}

function endsWithNewline(blocks: readonly string[], layout: Layout | undefined): boolean {
  return blocks.length > 0 && (layout?.trail ?? '').endsWith('\n');
}

/**
 * A unified patch (as `diff -u` prints it) of the two texts, built from the diff model:
 * paragraphs are the units of change, moved paragraphs show as a deletion and an insertion.
 */
export function renderPatch(diff: DocumentDiff, options: PatchRenderOptions = {}): string {
  const context = Math.max(0, options.context ?? 3);
  const { oldBlocks, newBlocks } = diffSides(diff);
  const oldLayout = diff.old.layout;
  const newLayout = diff.new.layout;
  const oldUnit = (i: number): Line[] => unitLines(oldBlocks, oldLayout, i).map((text) => ({ kind: '-', text }));
  const newUnit = (j: number): Line[] => unitLines(newBlocks, newLayout, j).map((text) => ({ kind: '+', text }));
  const lines: Line[] = [];
  for (const op of diff.blocks) {
    switch (op.op) {
      case 'equal':
        for (let k = 0; k < op.count; k += 1) {
          const a = unitLines(oldBlocks, oldLayout, op.old + k);
          const b = unitLines(newBlocks, newLayout, op.new + k);
          if (a.length === b.length && a.every((line, n) => line === b[n])) {
            lines.push(...a.map((text): Line => ({ kind: ' ', text })));
          } else lines.push(...oldUnit(op.old + k), ...newUnit(op.new + k));
        }
        break;
      case 'insert':
        lines.push(...newUnit(op.new));
        break;
      case 'delete':
      case 'move-source':
        lines.push(...oldUnit(op.old));
        break;
      case 'change':
        lines.push(...oldUnit(op.old), ...newUnit(op.new));
        break;
      case 'move-target':
        lines.push(...newUnit(op.new));
        break;
      case 'split':
        lines.push(...oldUnit(op.old));
        for (let k = 0; k < op.count; k += 1) lines.push(...newUnit(op.new + k));
        break;
      case 'merge':
        for (let k = 0; k < op.count; k += 1) lines.push(...oldUnit(op.old + k));
        lines.push(...newUnit(op.new));
        break;
    }
  }
  const oldEnd = endsWithNewline(oldBlocks, oldLayout);
  const newEnd = endsWithNewline(newBlocks, newLayout);
  if (oldBlocks.length === 0 || newBlocks.length === 0) {
    // A side without paragraphs (empty or only white space): whole texts against each other.
    const sides = diffSides(diff);
    lines.length = 0;
    lines.push(...textLines(sides.old).map((text): Line => ({ kind: '-', text })));
    lines.push(...textLines(sides.new).map((text): Line => ({ kind: '+', text })));
    return formatHunks(lines, sides.old.endsWith('\n'), sides.new.endsWith('\n'), context, options, diff);
  }
  return formatHunks(lines, oldEnd, newEnd, context, options, diff);
}

function textLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/**
 * A side's last line without a line break can be context only when it is the other side's
 * last line too, also without one; otherwise it becomes a `-` and a `+` line.
 */
function splitLastLines(lines: Line[], oldEndsWithNewline: boolean, newEndsWithNewline: boolean): Line[] {
  let lastOld = -1;
  let lastNew = -1;
  lines.forEach((line, k) => {
    if (line.kind !== '+') lastOld = k;
    if (line.kind !== '-') lastNew = k;
  });
  const split = new Set<number>();
  for (const k of [lastOld, lastNew]) {
    const line = lines[k];
    if (!line || line.kind !== ' ') continue;
    const shared = lastOld === lastNew && oldEndsWithNewline === newEndsWithNewline;
    if (!shared) split.add(k);
  }
  if (split.size === 0) return lines;
  return lines.flatMap((line, k): Line[] =>
    split.has(k)
      ? [
          { kind: '-', text: line.text },
          { kind: '+', text: line.text },
        ]
      : [line],
  );
}

/** Put each run of changed lines in `-` then `+` order (as `diff -u` does). */
function orderChanges(lines: Line[]): Line[] {
  const out: Line[] = [];
  let k = 0;
  while (k < lines.length) {
    if (lines[k]!.kind === ' ') {
      out.push(lines[k]!);
      k += 1;
      continue;
    }
    const removed: Line[] = [];
    const added: Line[] = [];
    while (k < lines.length && lines[k]!.kind !== ' ') {
      (lines[k]!.kind === '-' ? removed : added).push(lines[k]!);
      k += 1;
    }
    out.push(...removed, ...added);
  }
  return out;
}

function formatHunks(
  unordered: Line[],
  oldEndsWithNewline: boolean,
  newEndsWithNewline: boolean,
  context: number,
  options: PatchRenderOptions,
  diff: DocumentDiff,
): string {
  const lines = orderChanges(splitLastLines(unordered, oldEndsWithNewline, newEndsWithNewline));
  const oldTotal = lines.filter((l) => l.kind !== '+').length;
  const newTotal = lines.filter((l) => l.kind !== '-').length;
  // Line numbers (1-based) of each line on its sides, 0 when absent.
  const oldNo: number[] = [];
  const newNo: number[] = [];
  let o = 0;
  let n = 0;
  for (const line of lines) {
    oldNo.push(line.kind !== '+' ? (o += 1) : 0);
    newNo.push(line.kind !== '-' ? (n += 1) : 0);
  }
  const out: string[] = [
    `--- ${options.oldName ?? diff.old.id ?? 'a'}`,
    `+++ ${options.newName ?? diff.new.id ?? 'b'}`,
  ];
  let hunks = 0;
  let k = 0;
  while (k < lines.length) {
    if (lines[k]!.kind === ' ') {
      k += 1;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    for (;;) {
      while (end < lines.length && lines[end]!.kind !== ' ') end += 1;
      let next = end;
      while (next < lines.length && lines[next]!.kind === ' ' && next - end < 2 * context) next += 1;
      if (next < lines.length && lines[next]!.kind !== ' ' && next > end - 1) end = next;
      else break;
    }
    const stop = Math.min(lines.length, end + context);
    let oldStart = 0;
    let newStart = 0;
    let oldCount = 0;
    let newCount = 0;
    const body: string[] = [];
    for (let m = start; m < stop; m += 1) {
      const line = lines[m]!;
      body.push(`${line.kind}${line.text}`);
      if (line.kind !== '+') {
        oldCount += 1;
        if (oldStart === 0) oldStart = oldNo[m]!;
      }
      if (line.kind !== '-') {
        newCount += 1;
        if (newStart === 0) newStart = newNo[m]!;
      }
      const lastOld = line.kind !== '+' && oldNo[m] === oldTotal && !oldEndsWithNewline;
      const lastNew = line.kind !== '-' && newNo[m] === newTotal && !newEndsWithNewline;
      if (lastOld || lastNew) body.push('\\ No newline at end of file');
    }
    // An empty side of a hunk names the line before it, as diff -u does.
    if (oldCount === 0) oldStart = countBefore(oldNo, start);
    if (newCount === 0) newStart = countBefore(newNo, start);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body);
    hunks += 1;
    k = stop;
  }
  return hunks === 0 ? '' : `${out.join('\n')}\n`;
}

function countBefore(numbers: readonly number[], index: number): number {
  for (let m = index - 1; m >= 0; m -= 1) if (numbers[m]! > 0) return numbers[m]!;
  return 0;
}
