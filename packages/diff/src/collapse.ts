/** How one run of unchanged paragraphs shows: `head` paragraphs, `hidden` collapsed to one line, `tail`. */
export interface CollapsedRun {
  head: number;
  /** Paragraphs collapsed (0: the run shows whole, in `head`). */
  hidden: number;
  tail: number;
}

/**
 * Collapse a run of `count` unchanged paragraphs, keeping `context` of them next to each change
 * (none before the first run or after the last, which border no change). A run that would hide
 * a single paragraph shows whole. The text renderer and the review app both show runs this way.
 */
export function collapseRun(count: number, context: number, where: { first: boolean; last: boolean }): CollapsedRun {
  const head = where.first ? 0 : context;
  const tail = where.last ? 0 : context;
  if (count <= head + tail + 1) return { head: count, hidden: 0, tail: 0 };
  return { head, hidden: count - head - tail, tail };
}
