/**
 * Container widening: when Readability's article holds only a small part of the page's prose
 * (a body split across sibling containers — sections, list items, product cards — of which
 * Readability took one), the article becomes the smallest element around what Readability
 * picked that holds most of the page's prose, as long as that element is mostly prose itself.
 *
 * Prose is judged on the page's blocks (taken after the DOM rules, before Readability): a
 * paragraph, list item or quote of at least `PROSE_MIN_CHARS` characters, few of them in links,
 * ending like a sentence (or made of lines broken by `<br>` that mostly do). A character of a
 * script written without spaces between words weighs three (text-util `weightedLength`), so a paragraph of
 * Japanese or Chinese counts like one of the same length in words.
 */

import { squashedText } from './blocks.js';
import type { Block } from './blocks.js';
import { isContainerGroup, itemShape } from './features/groups.js';
import { matchPageBlocks } from './outside-article.js';
import { endsLikeSentence, squash, weightedLength } from './text-util.js';
import { commonAncestor } from './tree.js';
import type { RuleId } from './rules.js';
import { isMainRegion, pageLandmarks } from './type-roots.js';
import { lowerCase } from './lower-case.js';

/** A block shorter than this (in weighted characters) is never prose. */
const PROSE_MIN_CHARS = 100;
/** Page blocks of the article at least this long place it on the page (short lines also stand in menus). */
const SEED_MIN_CHARS = 40;
/** Widen only when Readability's article holds less than this share of the page's prose characters. */
const MAX_ARTICLE_SHARE = 0.5;
/** … and the prose it leaves out is at least this many characters. */
const MIN_MISSING_CHARS = 1500;
/**
 * … or this many on a page cleaned as an article or a service page whose article holds at least
 * `MIN_SEED_SHARE` of the prose: the container is then sought around it, over siblings shaped
 * like its own, and the article's rules for what a container picks up beside the body (teaser
 * cards, what trails the prose) run on what the wider container brings in: an article's always,
 * a service page's when it widened at this bar only (`AROUND_RULES`; the teaser summaries of a
 * "From our blog" box beside a service page's intro are what puts it under the bar).
 */
const MIN_MISSING_AROUND_CHARS = 600;
/**
 * The article rules a service page widened at `MIN_MISSING_AROUND_CHARS` runs as well: teaser
 * cards, the blocks after the prose's element, and the link line left last once those went.
 */
export const AROUND_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'related/teaser-cards',
  'boilerplate/after-prose',
  'related/closing-link',
]);
/** Below this share of the prose in the article, the container is sought without it. */
const MIN_SEED_SHARE = 0.1;
/** Children shaped like the article's own must hold this share of the wider container's prose. */
const MIN_ALIKE_SHARE = 0.6;
/** Siblings of one tag are shaped alike when at least this share of their class tokens is shared. */
const MIN_SHAPE_OVERLAP = 0.5;
/** The wider container must hold at least this share of the page's prose characters. */
const MIN_CONTAINER_SHARE = 0.8;
/** … and at most this many characters of text per character of prose. */
const MAX_TEXT_PER_PROSE = 2;
/**
 * … or this many, for a container taken around the article over siblings shaped like its own (or
 * its main region): a quarter of its text in prose (a body of lists and tables between its
 * paragraphs, split across sections of one kind).
 */
const MAX_TEXT_PER_PROSE_AROUND = 4;
/**
 * The page's main region, taken as the wider container, must not get more than this share of the
 * prose it adds from posts beside the article: at least `MIN_POSTS` siblings shaped alike, none of
 * them holding the article, containers (features/groups.ts `isContainerGroup`), `MIN_POST_SIGNALS`
 * of them carrying what a post carries (reader comments with no comment marker, testimonials, a
 * guest book).
 */
const MAX_ADDED_IN_POSTS = 0.5;
const MIN_POSTS = 3;
/** Share of a group's items (the first `POSTS_LOOKED_AT`) that carry a post's signal. */
const MIN_POST_SIGNALS = 0.6;
const POSTS_LOOKED_AT = 30;
/**
 * Siblings of distinct shapes compared with the first of each group before, per parent: past it,
 * a new shape makes a group of its own (a page of thousands of siblings, each named apart).
 */
const MAX_SHAPE_COMPARISONS = 4000;
/**
 * A container sought anywhere whose prose stands in the page's frame for this share or more (a
 * landmark inside it holds it) is the frame, not the body.
 */
const MAX_FRAMED_PROSE = 0.5;
/** The walk for posts reports its progress (a caller's time limit) after this many elements. */
const PROGRESS_ELEMENTS = 1024;

export interface WidenPlan {
  /** Indices of the page blocks the article holds (its prose seed). */
  seed: number[];
  /** Share of the page's prose characters in the article. */
  share: number;
  /** The page's prose characters. */
  proseChars: number;
  /** The prose left out reaches `MIN_MISSING_AROUND_CHARS` only (not `MIN_MISSING_CHARS`). */
  lowerBar: boolean;
}

/**
 * The prose a block holds, in weighted characters: a paragraph, list item or quote of at least
 * `PROSE_MIN_CHARS`, few of them in links, that ends like a sentence — or whose lines (text runs
 * between `<br>`) that end like one are at least half of it and `PROSE_MIN_CHARS` on their own (a
 * `div` of sentences broken by `<br>` that ends in a signature or a date). 0 for any other block.
 * `weighted`: the block's weighted length, when the caller has it.
 */
function proseChars(block: Block, weighted?: number): number {
  if (block.kind !== 'p' && block.kind !== 'li' && block.kind !== 'quote') return 0;
  const text = squashedText(block);
  const chars = weighted ?? weightedLength(text);
  if (chars < PROSE_MIN_CHARS || block.linkChars > text.length * 0.25) return 0;
  if (endsLikeSentence(text)) return chars;
  let sentences = 0;
  for (const line of block.text.split('\n')) {
    const lineText = squash(line);
    if (endsLikeSentence(lineText)) sentences += weightedLength(lineText);
  }
  return sentences >= PROSE_MIN_CHARS && sentences * 2 >= chars ? chars : 0;
}

/**
 * Whether the article leaves out most of the page's prose: a plan (the page blocks the
 * article holds, and its share of the prose) when it does, else null. `aroundBar`: the page is
 * cleaned as an article or a service page (the lower bar applies).
 */
export function widenPlan(pageBlocks: Block[], articleBlocks: Block[], aroundBar = false): WidenPlan | null {
  const matched = matchPageBlocks(pageBlocks, articleBlocks);
  let total = 0;
  let inArticle = 0;
  const seed: number[] = [];
  pageBlocks.forEach((block, index) => {
    if (matched[index] !== undefined && squashedText(block).length >= SEED_MIN_CHARS) seed.push(index);
    const chars = proseChars(block);
    total += chars;
    if (matched[index] !== undefined) inArticle += chars;
  });
  if (total === 0 || seed.length === 0) return null;
  const share = inArticle / total;
  const minMissing = aroundBar && share >= MIN_SEED_SHARE ? MIN_MISSING_AROUND_CHARS : MIN_MISSING_CHARS;
  if (share >= MAX_ARTICLE_SHARE || total - inArticle < minMissing) return null;
  return { seed, share, proseChars: total, lowerBar: total - inArticle < MIN_MISSING_CHARS };
}

function elementOf(block: Block): Element | null {
  const node = block.nodes[0];
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/**
 * The wider article for a plan, on the page's blocks of a fresh parse (the same blocks as the
 * plan's, in the same order): the lowest common ancestor of the seed's elements, climbed until
 * it holds `MIN_CONTAINER_SHARE` of the page's prose. Null when no such element is mostly prose
 * or it is the body itself. `progress` is called as the walk for posts goes (a caller's time
 * limit may stop it).
 */
export function widenedContainer(pageBlocks: Block[], plan: WidenPlan, progress?: () => void): Element | null {
  const prose = new Map<Element, number>();
  const text = new Map<Element, number>();
  /** Prose of blocks that count as prose by their lines only (signed), by element. */
  const signed = new Map<Element, number>();
  for (const block of pageBlocks) {
    const element = elementOf(block);
    if (!element) continue;
    const chars = weightedLength(squashedText(block));
    const blockProse = proseChars(block, chars);
    const isSigned = blockProse > 0 && !endsLikeSentence(squashedText(block));
    for (let node: Element | null = element; node; node = node.parentElement) {
      text.set(node, (text.get(node) ?? 0) + chars);
      if (blockProse > 0) prose.set(node, (prose.get(node) ?? 0) + blockProse);
      if (isSigned) signed.set(node, (signed.get(node) ?? 0) + blockProse);
    }
  }
  const seedElements = plan.seed
    .map((index) => pageBlocks[index])
    .filter((block): block is Block => block !== undefined)
    .map(elementOf)
    .filter((element): element is Element => element !== null);
  const enough = plan.proseChars * MIN_CONTAINER_SHARE;
  let container: Element | null = null;
  if (plan.share < MIN_SEED_SHARE) {
    // The article holds (almost) none of the prose: Readability's pick says nothing about where
    // the body is; take the smallest element that holds enough of it — not one whose prose is
    // mostly in the page's frame (a site footer's testimonials, a header's promotions: inside
    // such a landmark, or around one that holds half its prose) unless the article stands in
    // that landmark too.
    const frame = framing(seedElements);
    const framed = (element: Element, chars: number): boolean =>
      frame.some(
        (landmark) =>
          landmark.contains(element) ||
          (element.contains(landmark) && (prose.get(landmark) ?? 0) >= chars * MAX_FRAMED_PROSE),
      );
    for (const [element, chars] of prose)
      if (
        chars >= enough &&
        (!container || (text.get(element) ?? 0) < (text.get(container) ?? 0)) &&
        !framed(element, chars)
      )
        container = element;
  } else {
    let below: Element | null = null;
    container = commonAncestor(seedElements);
    while (container && (prose.get(container) ?? 0) < enough) {
      // The page's declared main region holds the article and not enough of the prose: the
      // rest stands outside it (a testimonial wall, a sidebar), so the article stays as it is.
      if (isMainRegion(container)) return null;
      below = container;
      container = container.parentElement;
    }
    // The prose it adds must stand in siblings like the one the article came from (sections,
    // list items, cards of one kind), not in a comment thread or a sidebar beside it; or the
    // container is the page's declared main region (an intro and a body in differently named
    // sections of it), as long as that prose does not stand in posts beside the article.
    if (container && below) {
      if (isMainRegion(container)) {
        const added = (prose.get(container) ?? 0) - (prose.get(below) ?? 0);
        if (proseInPosts(container, below, prose, signed, progress) > added * MAX_ADDED_IN_POSTS) return null;
      } else if (!alikeSiblingsHoldProse(container, below, prose)) return null;
    }
  }
  if (!container) return null;
  const tag = lowerCase(container.localName);
  if (tag === 'body' || tag === 'html') return null;
  // A container sought anywhere must be half prose; one taken around the article a quarter.
  const textPerProse = plan.share < MIN_SEED_SHARE ? MAX_TEXT_PER_PROSE : MAX_TEXT_PER_PROSE_AROUND;
  if ((text.get(container) ?? 0) > (prose.get(container) ?? 0) * textPerProse) return null;
  return container;
}

/**
 * The landmarks of the page's frame (see pageLandmarks) that hold none of the article's
 * elements: where a container sought anywhere may not be.
 */
function framing(seedElements: readonly Element[]): Element[] {
  const body = seedElements[0]?.ownerDocument.body;
  if (!body) return [];
  return pageLandmarks(body).filter((landmark) => !seedElements.some((el) => landmark.contains(el)));
}

interface Shape {
  tag: string;
  classes: Set<string>;
}

/**
 * The article's siblings are compared by their raw class tokens, not by features/class-shape.ts:
 * under site CV both of its relations did worse here. `alikeShapes` (digits taken out, half of
 * the smaller set shared) made a widget column alike to the main column for a shared grid token
 * (`story col-md-8` and `widgets col-md-4`), and the same `shapeKey` missed the
 * sections of a page builder that differ in one named token.
 */
const shapeOf = (element: Element): Shape => ({
  tag: lowerCase(element.localName),
  classes: new Set((element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)),
});

/**
 * Two elements are shaped alike when they have the same tag and share most of their class
 * tokens (`row row-4 section` and `row row-8 section`: sections of one grid, numbered apart);
 * an element without a class is alike only to one without a class.
 */
function alike(a: Shape, b: Shape): boolean {
  if (a.tag !== b.tag) return false;
  if (a.classes.size === 0 || b.classes.size === 0) return a.classes.size === b.classes.size;
  let shared = 0;
  for (const token of a.classes) if (b.classes.has(token)) shared++;
  return shared / (a.classes.size + b.classes.size - shared) >= MIN_SHAPE_OVERLAP;
}

/** True when children of `container` shaped like `child` hold `MIN_ALIKE_SHARE` of its prose. */
function alikeSiblingsHoldProse(container: Element, child: Element, prose: Map<Element, number>): boolean {
  const shape = shapeOf(child);
  let alikeProse = 0;
  for (let sibling = container.firstElementChild; sibling; sibling = sibling.nextElementSibling)
    if (sibling === child || alike(shape, shapeOf(sibling))) alikeProse += prose.get(sibling) ?? 0;
  return alikeProse >= (prose.get(container) ?? 0) * MIN_ALIKE_SHARE;
}

/**
 * An item carries a post's signal: a `<time>` or a short line reading as a date (a date in its
 * sentences does not make a post: a timeline's entries name theirs), an author link, a reply
 * control, or a signed block of lines.
 */
function carriesPostSignal(item: Element, signed: Map<Element, number>): boolean {
  if ((signed.get(item) ?? 0) > 0) return true;
  const shape = itemShape(item);
  return shape.time || shape.shortDate || shape.userLink || shape.control;
}

/** Exact shape key of an element: its tag and its sorted class tokens. */
const shapeKey = (shape: Shape): string => `${shape.tag} ${[...shape.classes].sort().join(' ')}`;

/**
 * A parent's children in groups shaped alike: siblings of one exact shape are one group at once
 * (a map); a child of a new shape joins an earlier group whose first child is shaped alike to it
 * (compared only with the groups that share a class token with it, at most
 * `MAX_SHAPE_COMPARISONS` times per parent), or starts a group of its own.
 */
function alikeGroups(children: Element[]): Element[][] {
  const groups: Element[][] = [];
  const byKey = new Map<string, Element[]>();
  const firstShapes: Shape[] = [];
  /** Class token -> indices of the groups whose first child carries it. */
  const byToken = new Map<string, number[]>();
  let comparisons = 0;
  for (const child of children) {
    const shape = shapeOf(child);
    const key = shapeKey(shape);
    let group = byKey.get(key);
    if (!group) {
      const compared = new Set<number>();
      search: for (const token of shape.classes)
        for (const at of byToken.get(token) ?? []) {
          if (comparisons >= MAX_SHAPE_COMPARISONS) break search;
          if (compared.has(at)) continue;
          compared.add(at);
          comparisons++;
          if (alike(shape, firstShapes[at]!)) {
            group = groups[at]!;
            break search;
          }
        }
      if (!group) {
        group = [];
        const at = groups.push(group) - 1;
        firstShapes.push(shape);
        for (const token of shape.classes) {
          const list = byToken.get(token);
          if (list) list.push(at);
          else byToken.set(token, [at]);
        }
      }
      byKey.set(key, group);
    }
    group.push(child);
  }
  return groups;
}

/**
 * Prose under `container` that stands in posts: at least `MIN_POSTS` siblings shaped alike that
 * hold prose, containers (not paragraphs, list items of plain text or inline runs: the text's own
 * parts), most of them carrying a post's signal, where no sibling of that shape holds `article`
 * (the article's own kind of section is not a group of posts beside it). The walk goes down
 * through the single children and the ancestors of the article, not into the members of a group
 * of `MIN_POSTS` alike siblings (the parts of one body, whose own parts the alike test does not
 * weigh) nor into paragraphs and inline runs.
 */
function proseInPosts(
  container: Element,
  article: Element,
  prose: Map<Element, number>,
  signed: Map<Element, number>,
  progress?: () => void,
): number {
  let total = 0;
  let seen = 0;
  const stack: Element[] = [container];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children: Element[] = [];
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (progress && ++seen % PROGRESS_ELEMENTS === 0) progress();
      if ((prose.get(child) ?? 0) > 0 || child.contains(article)) children.push(child);
    }
    for (const group of alikeGroups(children)) {
      const holdsArticle = group.some((member) => member.contains(article));
      if (group.length >= MIN_POSTS && !holdsArticle) {
        if (!isContainerGroup({ items: group })) continue;
        const looked = group.slice(0, POSTS_LOOKED_AT);
        const signals = looked.filter((member) => carriesPostSignal(member, signed)).length;
        if (signals >= MIN_POST_SIGNALS * looked.length) for (const member of group) total += prose.get(member) ?? 0;
        continue;
      }
      for (const member of group)
        if (member !== article && (holdsArticle ? member.contains(article) : group.length < MIN_POSTS))
          stack.push(member);
    }
  }
  return total;
}
