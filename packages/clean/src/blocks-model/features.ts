/**
 * Generic features of the text blocks of an article, for the block model. Every feature is a
 * named value; names are hashed into a fixed number of slots (the model's dimension), so class
 * and id tokens of any site fit the same weight vector. Nothing here names a site.
 */

import type { Block } from '../blocks.js';

/** A sparse feature vector: feature names (before hashing) and their values. */
export interface BlockFeatures {
  names: string[];
  values: number[];
}

/** Context of the page the blocks come from. */
export interface PageContext {
  /** The article's title, when known (blocks that repeat it are marked). */
  title: string | null;
  /** The article root the blocks were extracted from (ancestors above it are not read). */
  root: Element;
}

// Function words of the languages the corpus mostly holds. Their share tells prose from labels,
// names and links in any of them; a list per language would not add much.
const STOP_WORDS = new Set(
  (
    'the a an and or but of in on at to for from by with as is are was were be been has have had it its this that these those not ' +
    'he she they we you i his her their our your which who what when where there than then so if also into about after over more ' +
    'der die das und oder aber von im in am an zu zum zur für mit als ist sind war waren sein hat haben hatte es sich nicht auch ' +
    'ein eine einen einem einer auf aus bei nach über um wie wenn dass den dem des wird werden noch nur so vor durch ' +
    'le la les de des du et ou mais un une est sont était pour par avec dans sur qui que ne pas au aux ce cette il elle ' +
    'el los las y o pero en por para con es son era que del al se no una lo como más su ' +
    'il lo gli di da e o ma per con è sono che non un una nel della delle ' +
    'de het een en of maar van in op te voor met als is zijn was niet dat die er ook'
  ).split(' '),
);

const TOKEN = /[\p{L}\p{N}_]+/gu;
const CAMEL = /([a-z])([A-Z])/g;

/** Tokens of a class or id attribute: split on separators and camel case, lower case, no digits. */
export function attributeTokens(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.replace(CAMEL, '$1 $2').split(/[\s_\-:.]+/)) {
    const token = raw.toLowerCase().replace(/\d+/g, '');
    if (token.length >= 2 && token.length <= 24) out.push(token);
  }
  return out;
}

/** `log(1 + x)` cut into a few bins: lets a linear model draw non-linear curves. */
function bin(x: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && x >= edges[i]!) i++;
  return i;
}

const LEN_EDGES = [10, 25, 50, 90, 150, 300, 600];
const RATIO_EDGES = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95];
const POS_EDGES = [0.05, 0.15, 0.35, 0.65, 0.85, 0.95];
const REL_EDGES = [-10, -3, -1, 0, 1, 2, 4, 10];

/** The element a block stands for: its container, or the parent of its inline nodes. */
function blockElement(block: Block): Element | null {
  const first = block.nodes[0];
  if (!first) return null;
  if (block.nodes.length === 1 && first.nodeType === 1) return first as Element;
  return first.parentElement ?? null;
}

function tagName(element: Element): string {
  return element.localName.toLowerCase();
}

/** Tag plus class signature, for finding repeated siblings (cards, posts, list entries). */
function signature(element: Element): string {
  return `${tagName(element)}.${(element.getAttribute('class') ?? '').trim().split(/\s+/).sort().join('.')}`;
}

/** Number of element siblings with the same signature as `element` (0 when it is alone). */
function sameSiblings(element: Element): number {
  const parent = element.parentElement;
  if (!parent) return 0;
  const own = signature(element);
  let count = 0;
  let seen = 0;
  for (let child = parent.firstElementChild; child && seen < 200; child = child.nextElementSibling, seen++) {
    if (child !== element && signature(child) === own) count++;
  }
  return count;
}

interface TextStats {
  chars: number;
  tokens: number;
  stop: number;
  punct: number;
  digits: number;
  upperStart: number;
  sentenceEnd: boolean;
  first: string;
  firstTwo: string;
  last: string;
}

function textStats(text: string): TextStats {
  const tokens = text.match(TOKEN) ?? [];
  let stop = 0;
  let upperStart = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (STOP_WORDS.has(lower)) stop++;
    if (token[0] !== lower[0]) upperStart++;
  }
  let punct = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63) punct++;
    else if (c >= 48 && c <= 57) digits++;
  }
  const lowerTokens = tokens.slice(0, 2).map((t) => t.toLowerCase().replace(/\d+/g, '0'));
  return {
    chars: text.length,
    tokens: tokens.length,
    stop,
    punct,
    digits,
    upperStart,
    sentenceEnd: /[.!?…。！？]["'”’»)\]]*$/u.test(text),
    first: lowerTokens[0] ?? '',
    firstTwo: lowerTokens.join(' '),
    last: (tokens[tokens.length - 1] ?? '').toLowerCase().replace(/\d+/g, '0'),
  };
}

/**
 * Features of every block. `blocks` are the article's blocks in document order (after the
 * rule stages); the features of a block look at its text, its markup up to the article root,
 * its neighbours and its place in the article.
 */
export function blockFeatures(blocks: readonly Block[], page: PageContext): BlockFeatures[] {
  const n = blocks.length;
  const stats = blocks.map((block) => textStats(block.text));
  const total = stats.reduce((sum, s) => sum + s.chars, 0) || 1;
  // The densest text: the longest run of prose blocks, approximated by the longest block.
  let densest = 0;
  for (let i = 1; i < n; i++) if (stats[i]!.chars > stats[densest]!.chars) densest = i;
  // Text before each block, as a share of all text.
  const before: number[] = [];
  let acc = 0;
  for (const s of stats) {
    before.push(acc / total);
    acc += s.chars;
  }
  const titleKey = page.title ? page.title.toLowerCase().replace(/\s+/g, ' ').trim() : null;
  const counts = new Map<string, number>();
  for (const block of blocks) counts.set(block.text, (counts.get(block.text) ?? 0) + 1);

  return blocks.map((block, i) => {
    const names: string[] = [];
    const values: number[] = [];
    const add = (name: string, value = 1) => {
      names.push(name);
      values.push(value);
    };
    const s = stats[i]!;
    const linkDensity = s.chars === 0 ? 0 : Math.min(1, block.linkChars / s.chars);
    const stopRatio = s.tokens === 0 ? 0 : s.stop / s.tokens;
    const upperRatio = s.tokens === 0 ? 0 : s.upperStart / s.tokens;
    const punctRatio = s.tokens === 0 ? 0 : Math.min(1, s.punct / s.tokens);
    const digitRatio = s.chars === 0 ? 0 : s.digits / s.chars;
    const kind = block.kind === 'heading' ? `h${block.level}` : block.kind;
    add('bias');
    add(`kind:${kind}`);
    add('len', Math.log1p(s.chars) / 7);
    add(`len:${bin(s.chars, LEN_EDGES)}`);
    add(`len:${kind}:${bin(s.chars, LEN_EDGES)}`);
    add('link', linkDensity);
    add(`link:${bin(linkDensity, RATIO_EDGES)}`);
    add(`link:${kind}:${bin(linkDensity, RATIO_EDGES)}`);
    add('stop', stopRatio);
    add(`stop:${bin(stopRatio, RATIO_EDGES)}`);
    add(`upper:${bin(upperRatio, RATIO_EDGES)}`);
    add(`punct:${bin(punctRatio, RATIO_EDGES)}`);
    add(`digits:${bin(digitRatio, RATIO_EDGES)}`);
    add(`end:${s.sentenceEnd ? 1 : 0}:${bin(s.chars, LEN_EDGES)}`);
    add(`tokens:${Math.min(s.tokens, 8)}`);
    add(`first:${s.first}`);
    add(`first2:${s.firstTwo}`);
    add(`last:${s.last}`);
    if (/[©®™]|\(c\)/i.test(block.text)) add('copyright');
    if (/\b(?:19|20)\d\d\b/.test(block.text) && s.tokens <= 12) add('short-year');
    if (/https?:\/\/|www\.|@\w/.test(block.text)) add('url-or-handle');
    if (/[|•·]/.test(block.text) && s.tokens <= 20) add('separators');
    if (/:$/.test(block.text)) add('ends-colon');
    if (titleKey && block.text.toLowerCase().replace(/\s+/g, ' ') === titleKey) add('is-title');
    if ((counts.get(block.text) ?? 0) > 1) add('repeated-in-page');
    // Position in the article: first / last blocks, share of text before, relative to the
    // densest block.
    add(`pos:${bin(n <= 1 ? 0.5 : i / (n - 1), POS_EDGES)}`);
    add(`before:${bin(before[i]!, POS_EDGES)}`);
    if (i === 0) add('first-block');
    if (i === n - 1) add('last-block');
    add(`rel-dense:${bin(i - densest, REL_EDGES)}`);
    add(`share:${bin(s.chars / total, [0.01, 0.03, 0.08, 0.2, 0.5])}`);
    // Neighbours: prose around a block makes it prose; links around it, a link list.
    for (const [offset, tag] of [
      [-1, 'prev'],
      [1, 'next'],
    ] as const) {
      const j = i + offset;
      if (j < 0 || j >= n) {
        add(`${tag}:none`);
        continue;
      }
      const o = stats[j]!;
      const other = blocks[j]!;
      const density = o.chars === 0 ? 0 : Math.min(1, other.linkChars / o.chars);
      add(`${tag}:len:${bin(o.chars, LEN_EDGES)}`);
      add(`${tag}:link:${bin(density, RATIO_EDGES)}`);
      add(`${tag}:kind:${other.kind === 'heading' ? 'h' : other.kind}`);
    }
    // Markup: tags and class/id tokens of the block element and its ancestors up to the root.
    const element = blockElement(block);
    if (element) {
      add(`tag:${tagName(element)}`);
      const same = sameSiblings(element);
      add(`siblings:${bin(same, [1, 2, 4, 8])}`);
      let depth = 0;
      let inFigure = false;
      for (
        let node: Element | null = element;
        node && node !== page.root && depth < 12;
        node = node.parentElement, depth++
      ) {
        const tag = tagName(node);
        const near = depth < 3 ? 'near' : 'far';
        if (depth > 0) add(`anc:${tag}`);
        if (tag === 'figure') inFigure = true;
        for (const attr of ['class', 'id']) {
          const value = node.getAttribute(attr);
          if (!value) continue;
          for (const token of attributeTokens(value)) {
            add(`cls:${token}`);
            add(`cls:${near}:${token}`);
          }
        }
        if (depth > 0 && depth < 4) {
          const repeats = sameSiblings(node);
          if (repeats >= 2) add(`anc-repeats:${depth}:${bin(repeats, [2, 4, 8])}`);
        }
      }
      add(`depth:${bin(depth, [1, 2, 3, 5, 8])}`);
      if (block.kind === 'caption' && !inFigure) add('caption-outside-figure');
    } else {
      add('no-element');
    }
    return { names, values };
  });
}
