import { squash } from './text-util.js';
import { HEADING_TAGS } from './features/headings.js';
import { lowerCase } from './lower-case.js';

/** Marker comments left where a DOM rule removed an element: `<!--ck-removed:N-->`. */
export const MARKER_PREFIX = 'ck-removed:';

interface MarkerTarget {
  blockIndex?: number;
}

type BlockKind = 'p' | 'heading' | 'li' | 'quote' | 'pre' | 'row' | 'caption';

/** One block of text: a paragraph, heading, list item, quote, preformatted block or table row. */
export interface Block {
  text: string;
  kind: BlockKind;
  /** Heading level (1-6); 0 otherwise. */
  level: number;
  /** Characters of text inside links. */
  linkChars: number;
  /** The DOM nodes the block came from (empty for plain-text input). */
  nodes: Node[];
}

/** Each block's squashed text, with the text it was made from (a block's text may be replaced). */
const squashedTexts = new WeakMap<Block, { text: string; squashed: string }>();

/**
 * `squash(block.text)`, kept with the block: the page's blocks are compared with the article's
 * by several steps (widening, the intro, what the article leaves out, where removals stood).
 */
export function squashedText(block: Block): string {
  const kept = squashedTexts.get(block);
  if (kept && kept.text === block.text) return kept.squashed;
  const squashed = squash(block.text);
  squashedTexts.set(block, { text: block.text, squashed });
  return squashed;
}

const BOLD_TAGS = new Set(['strong', 'b']);

/**
 * True when the block is a paragraph whose text is all inside bold elements (`<p><strong>…</strong></p>`):
 * how many editors write a section heading. False for plain text (no nodes).
 */
export function wholeBold(block: Block): boolean {
  if (block.kind !== 'p' || block.nodes.length === 0) return false;
  let nodes: readonly Node[] = block.nodes;
  const only = nodes.length === 1 ? nodes[0]! : undefined;
  if (only && only.nodeType === 1 && !BOLD_TAGS.has(tagOf(only))) nodes = Array.from(only.childNodes);
  let bold = false;
  for (const node of nodes) {
    const text = (node.textContent ?? '').trim();
    if (node.nodeType === 1 && BOLD_TAGS.has(tagOf(node))) bold ||= text !== '';
    else if ((node.nodeType === 1 || node.nodeType === 3) && text !== '') return false;
  }
  return bold;
}

/** The index of the first block after `at` with text (`blocks.length` when none is left). */
export function nextTextBlock(blocks: Block[], at: number): number {
  let next = at + 1;
  while (next < blocks.length && squashedText(blocks[next]!) === '') next++;
  return next;
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'details',
  'dialog',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'ul',
  'caption',
  'legend',
  'html',
  'article',
  'frameset',
  'noscript',
  'listing',
  'xmp',
  'search',
]);
const BLOCK_DESCENDANT_TAGS = new Set([...BLOCK_TAGS].filter((tag) => tag !== 'html' && tag !== 'body'));
const SKIP_TAGS = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'option',
  'input',
  'textarea',
  'button',
  'noembed',
  'noframes',
  'map',
  'img',
  'picture',
  'source',
  'track',
  'param',
]);
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
/**
 * A run of white space within a line, except one lone plain space (already what the run becomes:
 * leaving it out of the matches spares the replacement most of the text's spaces). Line breaks
 * are not in it: a run stops at one, so the whole text is replaced at once, line by line alike.
 */
const SPACES =
  /(?! (?![ \t\r\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]))[ \t\r\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

interface Run {
  parts: string[];
  linkChars: number;
  nodes: Node[];
  /** True until a block child of the container was met: the run then covers the whole container. */
  whole: boolean;
}

interface Frame {
  element: Element;
  /** The next child to visit. */
  next: ChildNode | null;
  run: Run;
  kind: BlockKind;
  level: number;
  /** Table row: cells are joined inline. */
  row: boolean;
}

function newRun(): Run {
  return { parts: [], linkChars: 0, nodes: [], whole: true };
}

/**
 * An element's tag name in lower case ('' for other nodes), from its `localName`: lowering the
 * engines' upper-case `tagName` made a new string on every read, for every node of the page.
 */
function tagOf(node: Node): string {
  return node.nodeType === 1 ? lowerCase((node as Element).localName) : '';
}

/** True when an element below `element` has one of `BLOCK_DESCENDANT_TAGS` (a walk, not a selector). */
function hasBlockDescendant(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const tag = lowerCase(child.localName);
    if (BLOCK_DESCENDANT_TAGS.has(tag)) return true;
    // Template contents are not descendants for selectors.
    if (tag !== 'template' && hasBlockDescendant(child)) return true;
  }
  return false;
}

/**
 * The element a block's text is, or stands in. A block that is all of its element's text has that
 * element as its one node; a block made of part of an element's text (inline text beside block
 * children) has the inline nodes as its nodes, and the element they stand in is their parent.
 * Null for blocks of plain-text input.
 */
export function blockElement(block: Block): Element | null {
  const first = block.nodes[0];
  if (!first) return null;
  if (block.nodes.length === 1 && first.nodeType === 1) {
    const tag = tagOf(first);
    // A row's cells are inline nodes of the row's run; any other block tag was a block of its own.
    const cell = block.kind === 'row' && (tag === 'td' || tag === 'th');
    if ((BLOCK_TAGS.has(tag) && !cell) || hasBlockDescendant(first as Element)) return first as Element;
  }
  return first.parentElement;
}

/**
 * True when the block stands inside a link to another page (a teaser card: one `<a>` around a
 * heading and a summary, whose text `linkChars` does not count); a link to a place on the page
 * (`#…`, an accordion's toggle) is none.
 */
export function insideLink(block: Block): boolean {
  const href = blockElement(block)?.closest('a[href]')?.getAttribute('href')?.trim();
  return !!href && !href.startsWith('#');
}

/**
 * Text of an inline subtree (no block descendants): `<br>` becomes a newline; markers are recorded.
 * A walk in document order along the tree's own pointers (no stack of visits): the `<a>`
 * elements it is inside are kept, for the characters of text in links.
 */
function inlineText(root: Node, run: Run, onMarker: (index: number) => void): void {
  const links: Node[] = [];
  let node: Node = root;
  for (;;) {
    const type = node.nodeType;
    let enter = false;
    if (type === 3) {
      const text = (node.nodeValue ?? '').replace(INVISIBLE, '');
      run.parts.push(text);
      if (links.length > 0) run.linkChars += text.trim().length;
    } else if (type === 8) {
      const value = node.nodeValue ?? '';
      if (value.startsWith(MARKER_PREFIX)) onMarker(Number(value.slice(MARKER_PREFIX.length)));
    } else if (type === 1) {
      const tag = tagOf(node);
      if (tag === 'br') run.parts.push('\n');
      else if (!SKIP_TAGS.has(tag)) {
        enter = node.firstChild !== null;
        if (enter && tag === 'a') links.push(node);
      }
    }
    // Sibling pointers, not childNodes: linkedom builds a new array for every childNodes read.
    if (enter) {
      node = node.firstChild!;
      continue;
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      if (links.length > 0 && links[links.length - 1] === node) links.pop();
    }
    if (node === root) return;
    node = node.nextSibling!;
  }
}

function runText(run: Run): string {
  if (run.parts.length === 0) return '';
  const text = run.parts.join('').replace(SPACES, ' ');
  // Most runs are one line: no split into lines and join back.
  if (!text.includes('\n')) return text.trim();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function kindOf(tag: string, parent: Frame | undefined): { kind: BlockKind; level: number } {
  if (HEADING_TAGS.has(tag)) return { kind: 'heading', level: Number(tag[1]) };
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return { kind: 'li', level: 0 };
  if (tag === 'blockquote') return { kind: 'quote', level: 0 };
  if (tag === 'figcaption' || tag === 'caption') return { kind: 'caption', level: 0 };
  if (tag === 'tr') return { kind: 'row', level: 0 };
  if (parent && (parent.kind === 'quote' || parent.kind === 'caption')) return { kind: parent.kind, level: 0 };
  if (parent && parent.kind === 'li' && tag !== 'ul' && tag !== 'ol') return { kind: 'li', level: 0 };
  return { kind: 'p', level: 0 };
}

/**
 * Split the DOM under `root` into text blocks, in document order. Block elements end a
 * block, so words of adjacent blocks are never glued; inline white space follows the
 * markup. Removal markers met on the way get the number of blocks emitted before them.
 */
export function extractBlocks(root: Element, removals: MarkerTarget[]): Block[] {
  const blocks: Block[] = [];
  const onMarker = (index: number) => {
    const removal = removals[index];
    if (removal && removal.blockIndex === undefined) removal.blockIndex = blocks.length;
  };
  const flush = (frame: Frame, atEnd = false) => {
    const run = frame.run;
    const text = runText(run);
    if (text !== '') {
      const nodes = run.whole && atEnd ? [frame.element as Node] : run.nodes;
      blocks.push({ text, kind: frame.kind, level: frame.level, linkChars: run.linkChars, nodes });
    }
    frame.run = { parts: [], linkChars: 0, nodes: [], whole: false };
  };
  const rootKind = kindOf(tagOf(root), undefined);
  const stack: Frame[] = [
    { element: root, next: root.firstChild, run: newRun(), ...rootKind, row: tagOf(root) === 'tr' },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.next;
    if (!child) {
      flush(frame, true);
      stack.pop();
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === 3) {
      inlineText(child, frame.run, onMarker);
      frame.run.nodes.push(child);
      continue;
    }
    if (child.nodeType === 8) {
      const value = child.nodeValue ?? '';
      if (value.startsWith(MARKER_PREFIX)) {
        flush(frame);
        onMarker(Number(value.slice(MARKER_PREFIX.length)));
      }
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const tag = tagOf(element);
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'pre') {
      flush(frame);
      const text = (element.textContent ?? '').replace(INVISIBLE, '').replace(/\s+$/, '').replace(/^\n+/, '');
      if (text.trim() !== '') blocks.push({ text, kind: 'pre', level: 0, linkChars: 0, nodes: [element] });
      continue;
    }
    if (frame.row && (tag === 'td' || tag === 'th') && !hasBlockDescendant(element)) {
      frame.run.parts.push(' ');
      inlineText(element, frame.run, onMarker);
      frame.run.parts.push(' ');
      frame.run.nodes.push(element);
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag) || hasBlockDescendant(element);
    if (!isBlock) {
      inlineText(element, frame.run, onMarker);
      frame.run.nodes.push(element);
      continue;
    }
    if (tag === 'hr') {
      flush(frame);
      continue;
    }
    flush(frame);
    const kind = kindOf(tag, frame);
    stack.push({ element, next: element.firstChild, run: newRun(), ...kind, row: tag === 'tr' });
  }
  return blocks;
}
