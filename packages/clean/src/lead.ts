/**
 * The lead: the page's description when the page also shows it (a standfirst above the body,
 * which Readability often leaves out), put in front of the text.
 */

import { extractBlocks, insideLink, squashedText } from './blocks.js';
import { matchPageBlocks } from './outside-article.js';
import type { Block } from './blocks.js';
import { isWideSpace } from './features/dom-walk.js';
import { elementsByTag } from './selector-match.js';
import type { TextRemoval } from './text-engine.js';
import { endsLikeSentence, squash, words, wordsFoundIn } from './text-util.js';

/**
 * The visible lead paragraph: the page's description when it is also shown on the page
 * (a standfirst above the body, which Readability often leaves out). Null when the
 * description is short or not shown.
 */
export function findLead(body: Element, bodyText: string, descriptions: string[]): string | null {
  // Visible characters per element (a lower bound of its squashed text's length): elements far
  // longer than a lead are passed over without reading their text.
  const solid = solidChars();
  // The elements of each group of tags, listed once for every description (the tree does not change here).
  const listed = new Map<ReadonlySet<string>, Element[]>();
  for (const description of descriptions) {
    const probe = descriptionProbe(description);
    if (!bodyText.includes(probe)) continue;
    const longest = Math.min(Math.max(description.length * 1.6, 400), MAX_LEAD_CHARS);
    for (const tags of LEAD_TAGS) {
      let elements = listed.get(tags);
      if (!elements) listed.set(tags, (elements = elementsByTag(body, tags)));
      for (const element of elements) {
        if (solid(element) > longest) continue;
        const text = squash(element.textContent ?? '');
        if (text.length < probe.length || text.length > longest) continue;
        if (text.startsWith(probe)) return leadText(element);
      }
    }
  }
  // A standfirst marked up as such next to the headline.
  const h1 = body.querySelector('h1');
  if (!h1) return null;
  // The class test's answer by class value: most paragraphs and containers repeat a few values.
  const leadClass = new Map<string, boolean>();
  for (const element of elementsByTag(body, STANDFIRST_TAGS)) {
    const classes = element.getAttribute('class') ?? '';
    let named = leadClass.get(classes);
    if (named === undefined) {
      named = LEAD_CLASS.test(classes);
      if (classes.length <= MAX_CLASS_KEY_CHARS) leadClass.set(classes, named);
    }
    if (!named) continue;
    const text = squash(element.textContent ?? '');
    if (text.length < 80 || text.length > 600 || !endsLikeSentence(text)) continue;
    const parent = element.parentElement;
    if (parent && (parent.contains(h1) || parent.parentElement?.contains(h1))) return leadText(element);
  }
  return null;
}

/**
 * Per element, the characters of its text that are not white space, remembered: a lower bound
 * of the length of its squashed text (squash keeps every such character).
 */
function solidChars(): (element: Element) => number {
  const memo = new Map<Element, number>();
  const count = (element: Element): number => {
    const known = memo.get(element);
    if (known !== undefined) return known;
    let n = 0;
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1) n += count(node as Element);
      else if (node.nodeType === 3) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) n++;
      }
    }
    memo.set(element, n);
    return n;
  };
  return count;
}

/** Characters `squash` may take out (its class is within these, plus control characters). */
function isSpace(c: number): boolean {
  return c <= 32 || isWideSpace(c);
}

/** Where a shown description is looked for, in turn: paragraphs, headings and bold runs, containers. */
const LEAD_TAGS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['p']),
  new Set(['h2', 'h3', 'strong', 'b']),
  new Set(['div', 'span', 'section', 'header']),
];
const STANDFIRST_TAGS: ReadonlySet<string> = new Set(['p', 'div']);
/**
 * A lead is a paragraph or two: a longer element is the body itself (some platforms write the
 * whole article into the description, and the body starts with the same words).
 */
const MAX_LEAD_CHARS = 1000;

/** Characters of a description looked for in an element, as findLead looks for it on the page. */
const DESCRIPTION_PROBE = 60;

/** A description's first DESCRIPTION_PROBE characters, white space squashed and a trailing ellipsis left out. */
function descriptionProbe(description: string): string {
  return squash(description.replace(/(?:\.\.\.|…)$/, '')).slice(0, DESCRIPTION_PROBE);
}

/**
 * Whether `element` shows one of the page's descriptions (meta tags, JSON-LD, each at least 60
 * characters): the description's first DESCRIPTION_PROBE characters, white space squashed and a
 * trailing ellipsis left out, are in the element's text.
 */
export function showsDescription(element: Element, descriptions: readonly string[]): boolean {
  if (descriptions.length === 0) return false;
  const text = squash(element.textContent ?? '');
  return descriptions.some((description) => {
    const probe = descriptionProbe(description);
    return probe.length === DESCRIPTION_PROBE && text.includes(probe);
  });
}

/** Class values up to this long have their `LEAD_CLASS` answer kept for the page (longer ones are rare and hash slowly). */
const MAX_CLASS_KEY_CHARS = 256;
const LEAD_CLASS =
  /(?:^|[\s_-])(?:teaser|lead|lede|intro|standfirst|summary|excerpt|subtitle|subheadline|dek|deck|abstract|vorspann|chapeau|bajada|entradilla|sottotitolo)(?:$|[\s_-])/i;

/** The lead's text as the blocks give it: words of its paragraphs and lines never glued. */
function leadText(element: Element): string {
  return squash(
    extractBlocks(element, [])
      .map((block) => block.text)
      .join(' '),
  );
}

/**
 * Put the lead in front of the text unless it is there already (in one block or across
 * several, line breaks and white space aside) or a text rule removed it. True when it was added.
 */
export function addLead(
  lead: string,
  result: { kept: Block[]; keptIndex: number[]; removals: TextRemoval[] },
  blocks: Block[],
): boolean {
  const probe = squash(lead).slice(0, 60);
  const holds = (texts: string[]) => squash(texts.join(' ')).includes(probe);
  if (holds(blocks.map((block) => block.text))) return false;
  if (result.removals.some((removal) => squash(removal.text).includes(probe))) return false;
  result.kept.unshift({ text: lead, kind: 'p', level: 0, linkChars: 0, nodes: [] });
  result.keptIndex.unshift(-1);
  return true;
}

/** An intro paragraph is at least this long, with at most this share of its text in links. */
const INTRO_MIN_CHARS = 100;
const INTRO_MAX_LINK_DENSITY = 0.25;
/** Page blocks of the article at least this long place it on the page (short lines also stand in menus). */
const INTRO_SEED_CHARS = 40;
/**
 * An intro is a run of at least this many paragraphs in a row: a lone paragraph among the short
 * lines beside the headline is as often an author's bio, a disclosure or a review in a box as the
 * article's opening. A heading ends the run (a paragraph under its own heading is a teaser card's
 * summary or a box's text).
 */
const INTRO_MIN_RUN = 2;
/** The headline is the article's: at least this share of its words are in the article's title. */
const INTRO_MIN_TITLE_SHARE = 0.5;

/** The intro is at most this share of the article's text: more is a body Readability split off. */
const INTRO_MAX_SHARE = 0.5;
/**
 * An intro speaks of what the article speaks of: at least this share of the longer words of its
 * run are in the title, the headline or the article, by their first letters ("islanders" and
 * "island" alike; an author's bio and a funding note in the same place share next to none).
 */
const INTRO_MIN_SHARED_WORDS = 0.2;
/** Words of at least this many letters are counted (shorter ones are mostly function words). */
const SHARED_WORD_MIN_LETTERS = 5;
/**
 * A text with fewer longer words than this is not judged by them (scripts written without
 * spaces between words give a few long runs).
 */
const SHARED_WORDS_MIN = 6;

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * The words of a text that are long enough to tell its subject, each by its first
 * SHARED_WORD_MIN_LETTERS letters (a word and its inflections alike), less the words of
 * `everyday` (whole words, before they are cut).
 */
export function longWords(text: string, everyday: ReadonlySet<string> = NO_WORDS): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (word.length >= SHARED_WORD_MIN_LETTERS && !everyday.has(word)) out.add(word.slice(0, SHARED_WORD_MIN_LETTERS));
  }
  return out;
}

/** True when the text shares enough of its longer words with the article (or has too few to tell). */
function speaksOfArticle(text: string, article: Set<string>): boolean {
  const own = longWords(text);
  return own.size < SHARED_WORDS_MIN || wordsFoundIn(own, article) >= INTRO_MIN_SHARED_WORDS * own.size;
}

/** True when the h1's words are mostly the title's: the article's headline, not a logo or a section's title. */
function isTitleHeadline(heading: string, title: string | null): boolean {
  if (!title) return false;
  const own = words(heading);
  return own.size > 0 && wordsFoundIn(own, words(title)) >= INTRO_MIN_TITLE_SHARE * own.size;
}

/**
 * The intro: runs of prose paragraphs of the page between its headline (an h1 whose words are
 * the title's) and the first block of the article Readability picked, when the headline stands
 * outside the article (an intro written into its own section beside the headline, the body in
 * the next one). Blocks of the page (taken before Readability); a paragraph the article holds
 * or a rule removed inside it stays out. They are copies without nodes, for the front of the
 * article's blocks.
 */
export function introBlocks(
  pageBlocks: Block[],
  articleBlocks: Block[],
  removedTexts: string[],
  title: string | null,
): Block[] {
  const matched = matchPageBlocks(pageBlocks, articleBlocks);
  const first = pageBlocks.findIndex(
    (block, index) => matched[index] !== undefined && squashedText(block).length >= INTRO_SEED_CHARS,
  );
  if (first <= 0) return [];
  let headline = -1;
  for (let index = first - 1; index >= 0 && headline < 0; index--) {
    const block = pageBlocks[index]!;
    if (block.kind === 'heading' && block.level === 1) headline = index;
  }
  if (headline < 0 || matched[headline] !== undefined) return [];
  if (!isTitleHeadline(pageBlocks[headline]!.text, title)) return [];
  const removed = removedTexts.map(squash);
  const shown = articleBlocks.map((block) => squashedText(block)).join('\n');
  // The subject's words (title, headline, the whole article), read only for a run long enough to be an intro.
  let subject: Set<string> | undefined;
  const speaksOfSubject = (text: string): boolean =>
    speaksOfArticle(text, (subject ??= longWords(`${title}\n${pageBlocks[headline]!.text}\n${shown}`)));
  const seen = new Set<string>();
  const isIntro = (block: Block): boolean => {
    // A teaser of another story (a card: one link around its text) is no intro.
    if (block.kind !== 'p' || insideLink(block)) return false;
    const text = squashedText(block);
    if (text.length < INTRO_MIN_CHARS || block.linkChars > text.length * INTRO_MAX_LINK_DENSITY) return false;
    if (!endsLikeSentence(text) || seen.has(text)) return false;
    seen.add(text);
    // The article may hold it in other words around it ("Updated: …" in front): its middle is enough.
    const middle = text.slice(Math.floor(text.length / 2) - 30, Math.floor(text.length / 2) + 30);
    return !shown.includes(middle) && !removed.some((other) => other.includes(text));
  };
  const intro: Block[] = [];
  let run: Block[] = [];
  const closeRun = () => {
    if (run.length >= INTRO_MIN_RUN && speaksOfSubject(run.map((block) => block.text).join('\n'))) intro.push(...run);
    run = [];
  };
  for (const block of pageBlocks.slice(headline + 1, first)) {
    if (isIntro(block)) run.push(block);
    else closeRun();
  }
  closeRun();
  const chars = (blocks: Block[]) => blocks.reduce((sum, block) => sum + squashedText(block).length, 0);
  if (intro.length === 0 || chars(intro) > INTRO_MAX_SHARE * chars(articleBlocks)) return [];
  return intro.map((block) => ({ text: block.text, kind: 'p', level: 0, linkChars: block.linkChars, nodes: [] }));
}
