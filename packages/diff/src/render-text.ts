import pc from 'picocolors';

import { collapseRun } from './collapse.js';
import type { BlockOp, DocumentDiff, Fallback, MetadataChange, Segment } from './model.js';

export interface TextRenderOptions {
  /** ANSI colours (deleted red, inserted green). Without colour, edits read `[-old-]{+new+}`. Default false. */
  color?: boolean;
  /** Unchanged paragraphs shown around each change (the rest collapse to one line). Default 1. */
  context?: number;
  /** Names of the two sides for the header (default: ids or titles). */
  oldName?: string;
  newName?: string;
}

type Colors = ReturnType<typeof pc.createColors>;

function quote(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}

function metadataLine(change: MetadataChange, c: Colors): string {
  if (change.added !== undefined || change.removed !== undefined) {
    const parts = [
      ...(change.removed ?? []).map((v) => c.red(`-${v}`)),
      ...(change.added ?? []).map((v) => c.green(`+${v}`)),
    ];
    if (parts.length > 0) return `${change.field}: ${parts.join(' ')}`;
  }
  return `${change.field}: ${c.red(quote(change.old))} -> ${c.green(quote(change.new))}`;
}

/** Inline segments: colours, or git's plain word-diff markers. Paragraph breaks read ¶. */
export function renderSegments(segments: readonly Segment[], color: boolean): string {
  const c = pc.createColors(color);
  const show = (text: string): string => text.replace(/\n\n/g, ' ¶ ');
  return segments
    .map((segment) => {
      if (segment.op === 'equal') return show(segment.text);
      const text = show(segment.text);
      if (segment.op === 'delete') return color ? c.red(c.strikethrough(text)) : `[-${text}-]`;
      return color ? c.green(c.underline(text)) : `{+${text}+}`;
    })
    .join('');
}

function fallbackLine(fallback: Fallback): string {
  const where = fallback.old === undefined ? '' : ` at old ¶${fallback.old + 1} / new ¶${(fallback.new ?? 0) + 1}`;
  return `note: ${fallback.level} level over budget (${fallback.needed} > ${fallback.budget})${where}; used ${fallback.used}`;
}

function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}% of words unchanged`;
}

function opLines(op: BlockOp, color: boolean, c: Colors): string[] {
  switch (op.op) {
    case 'insert':
      return [c.green(`+ ¶${op.new + 1} ${op.text}`)];
    case 'delete':
      return [c.red(`- ¶${op.old + 1} ${op.text}`)];
    case 'change':
      // Differences the options ignore leave nothing to show.
      if (op.segments.every((s) => s.op === 'equal'))
        return [c.dim(`  ¶${op.new + 1} ${renderSegments(op.segments, false)}`)];
      return [
        c.cyan(`~ ¶${op.new + 1} (old ¶${op.old + 1}), ${percent(op.similarity)}`),
        `  ${renderSegments(op.segments, color)}`,
      ];
    case 'move-source':
      return [c.magenta(`< old ¶${op.old + 1} moved to ¶${op.to + 1} [${op.id}]`)];
    case 'move-target': {
      const edited = op.segments.some((s) => s.op !== 'equal');
      return [
        c.magenta(
          `> ¶${op.new + 1} moved from old ¶${op.from + 1} [${op.id}]${edited ? `, ${percent(op.similarity)}` : ''}`,
        ),
        `  ${renderSegments(op.segments, color)}`,
      ];
    }
    case 'split':
      return [
        c.cyan(`~ old ¶${op.old + 1} split into ¶${op.new + 1}-¶${op.new + op.count}, ${percent(op.similarity)}`),
        `  ${renderSegments(op.segments, color)}`,
      ];
    case 'merge':
      return [
        c.cyan(`~ old ¶${op.old + 1}-¶${op.old + op.count} merged into ¶${op.new + 1}, ${percent(op.similarity)}`),
        `  ${renderSegments(op.segments, color)}`,
      ];
    case 'equal':
      return op.blocks.map((text, k) => c.dim(`  ¶${op.new + k + 1} ${text}`));
  }
}

/** Human-readable diff for a terminal: metadata changes, then paragraphs with the edits inside them. */
export function renderText(diff: DocumentDiff, options: TextRenderOptions = {}): string {
  const color = options.color === true;
  const c = pc.createColors(color);
  const context = Math.max(0, options.context ?? 1);
  const name = (side: DocumentDiff['old'], given: string | undefined, fallback: string): string =>
    given ?? side.id ?? side.title ?? fallback;
  const lines = [
    c.bold(`--- ${name(diff.old, options.oldName, 'old')} (${diff.old.blocks} paragraphs, ${diff.old.words} words)`),
    c.bold(`+++ ${name(diff.new, options.newName, 'new')} (${diff.new.blocks} paragraphs, ${diff.new.words} words)`),
  ];
  if (!diff.changed) {
    lines.push('no differences');
    return `${lines.join('\n')}\n`;
  }
  for (const change of diff.metadata) lines.push(metadataLine(change, c));
  const ops = diff.blocks;
  ops.forEach((op, k) => {
    if (op.op !== 'equal') {
      lines.push(...opLines(op, color, c));
      return;
    }
    const all = opLines(op, color, c);
    const { head, hidden, tail } = collapseRun(all.length, context, { first: k === 0, last: k === ops.length - 1 });
    lines.push(...all.slice(0, head));
    if (hidden > 0) lines.push(c.dim(`  ... ${hidden} unchanged paragraphs ...`));
    lines.push(...all.slice(all.length - tail));
  });
  const s = diff.stats;
  const parts = [
    s.blocks.changed && `${s.blocks.changed} changed`,
    s.blocks.moved && `${s.blocks.moved} moved`,
    s.blocks.split && `${s.blocks.split} split`,
    s.blocks.merged && `${s.blocks.merged} merged`,
    s.blocks.inserted && `${s.blocks.inserted} inserted`,
    s.blocks.deleted && `${s.blocks.deleted} deleted`,
  ].filter(Boolean);
  lines.push(
    `${parts.length > 0 ? parts.join(', ') : 'paragraphs unchanged'}; ${c.green(`+${s.words.added}`)} ${c.red(`-${s.words.removed}`)} words; ${percent(s.similarity)}`,
  );
  const ignored = Object.entries(diff.ignore)
    .filter(([, on]) => on)
    .map(([what]) => what);
  if (ignored.length > 0) lines.push(`ignoring ${ignored.join(', ')}`);
  for (const fallback of diff.fallbacks) lines.push(c.yellow(fallbackLine(fallback)));
  return `${lines.join('\n')}\n`;
}
