import type { BlockOp, DocumentDiff, Segment } from './model.js';

export interface HtmlRenderOptions {
  /** Unchanged paragraphs shown around each change; longer runs collapse into a `<details>`. Default 1. */
  context?: number;
  /** Prefix of element ids and class names (default `ck`). */
  prefix?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function segmentsHtml(segments: readonly Segment[]): string {
  return segments
    .map((segment) => {
      const text = escapeHtml(segment.text).replace(/\n\n/g, '<br><br>');
      if (segment.op === 'equal') return text;
      return segment.op === 'delete' ? `<del>${text}</del>` : `<ins>${text}</ins>`;
    })
    .join('');
}

/**
 * An HTML fragment of the diff (no `<html>`, no styles, no scripts): one `<p>` per paragraph
 * op with `<del>`/`<ins>` inside, moves linked both ways by id, long unchanged runs in a
 * `<details>`. Every piece of text is escaped.
 */
export function renderHtml(diff: DocumentDiff, options: HtmlRenderOptions = {}): string {
  const p = options.prefix ?? 'ck';
  const context = Math.max(0, options.context ?? 1);
  const out: string[] = [`<div class="${p}-diff">`];
  if (diff.metadata.length > 0) {
    out.push(`<dl class="${p}-metadata">`);
    for (const change of diff.metadata) {
      const show = (value: unknown): string =>
        escapeHtml(Array.isArray(value) ? value.map(String).join(', ') : value == null ? '' : String(value));
      out.push(
        `<dt>${escapeHtml(change.field)}</dt><dd><del>${show(change.old)}</del> <ins>${show(change.new)}</ins></dd>`,
      );
    }
    out.push('</dl>');
  }
  const para = (cls: string, attrs: string, body: string): string => `<p class="${p}-${cls}"${attrs}>${body}</p>`;
  const data = (op: BlockOp): string => {
    const parts: string[] = [];
    if ('old' in op) parts.push(` data-old="${op.old}"`);
    if ('from' in op) parts.push(` data-old="${op.from}"`);
    if ('new' in op) parts.push(` data-new="${op.new}"`);
    return parts.join('');
  };
  diff.blocks.forEach((op, k) => {
    switch (op.op) {
      case 'equal': {
        const items = op.blocks.map((text, n) =>
          para('equal', ` data-old="${op.old + n}" data-new="${op.new + n}"`, escapeHtml(text)),
        );
        const before = k > 0 ? context : 0;
        const after = k < diff.blocks.length - 1 ? context : 0;
        if (items.length <= before + after + 1) out.push(...items);
        else {
          out.push(...items.slice(0, before));
          const hidden = items.slice(before, items.length - after);
          out.push(
            `<details class="${p}-unchanged"><summary>${hidden.length} unchanged paragraphs</summary>${hidden.join('')}</details>`,
          );
          out.push(...items.slice(items.length - after));
        }
        break;
      }
      case 'insert':
        out.push(para('insert', data(op), `<ins>${escapeHtml(op.text)}</ins>`));
        break;
      case 'delete':
        out.push(para('delete', data(op), `<del>${escapeHtml(op.text)}</del>`));
        break;
      case 'move-source':
        out.push(
          para(
            'move-source',
            ` id="${p}-${escapeHtml(op.id)}-from"${data(op)}`,
            `<a href="#${p}-${escapeHtml(op.id)}-to">moved to paragraph ${op.to + 1}</a> ${escapeHtml(op.text)}`,
          ),
        );
        break;
      case 'move-target':
        out.push(
          para(
            'move-target',
            ` id="${p}-${escapeHtml(op.id)}-to"${data(op)}`,
            `<a href="#${p}-${escapeHtml(op.id)}-from">moved from paragraph ${op.from + 1}</a> ${segmentsHtml(op.segments)}`,
          ),
        );
        break;
      case 'change':
      case 'split':
      case 'merge': {
        const visible = op.segments.some((segment) => segment.op !== 'equal');
        out.push(para(visible ? op.op : 'equal', data(op), segmentsHtml(op.segments)));
        break;
      }
    }
  });
  out.push('</div>');
  return out.join('\n');
}
