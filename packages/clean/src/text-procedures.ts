/**
 * The named text procedures: rules that look at more than one line, and line tests that need
 * code. Their patterns and word lists are data in the rule definitions.
 */

import { normalizeText } from '@corpuskit/document';

import { blockElement } from './blocks.js';
import type { Block } from './blocks.js';
import { inCardGrid } from './card-grid.js';
import { pageAddresses, questionsInTail } from './faq.js';
import { AGENCIES, PHONE_CHARS, QUESTION_END, WIRE_AGENCIES } from './rule-patterns.js';
import { isDrawing, BESIDE_PICTURE_MARK } from './picture-marks.js';
import { shapeKey } from './features/class-shape.js';
import { likeSiblings } from './features/like-siblings.js';
import { childOf, commonAncestor } from './tree.js';
import { unwrappedShape } from './readability.js';
import { ruleById } from './rules.js';
import type { LineProcedure, LineTest, RuleId, TextProcedure } from './rules.js';
import type { TextState } from './text-engine.js';
import { endsLikeSentence, labelForm, squash, wordCount } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** A pattern of a rule's text matcher (the rule examples test that each one is there). */
function pattern(ruleId: RuleId, name: string): RegExp {
  const found = ruleById(ruleId).text?.patterns?.[name];
  if (!found) throw new Error(`rule ${ruleId} has no text pattern '${name}'`);
  return found;
}

function words(ruleId: RuleId, name: string): readonly string[] {
  const found = ruleById(ruleId).text?.words?.[name];
  if (!found) throw new Error(`rule ${ruleId} has no word list '${name}'`);
  return found;
}

/** `comment-thread`: everything from a comment-section marker that follows the article. */
function commentThread(state: TextState): void {
  const id = 'comments/thread';
  if (!state.enabled(id)) return;
  const start = pattern(id, 'start');
  const { blocks, facts, before } = state;
  const longBefore = (index: number) => facts.slice(0, index).filter((fact) => fact.long).length;
  for (let i = 0; i < blocks.length; i += 1) {
    const fact = facts[i]!;
    if (fact.chars > 60 || !start.test(fact.label)) continue;
    if (before[i]! < 0.3 && longBefore(i) < 3) continue;
    for (let k = i; k < blocks.length; k += 1)
      state.remove(k, id, `after the comment-section marker "${blocks[i]!.text.slice(0, 40)}"`);
    break;
  }
}

/** `amount-run`: two or more amount-only lines in a row, with a month-year line beside them. */
function amountRun(state: TextState): void {
  const id = 'donation/ladder';
  if (!state.enabled(id)) return;
  const amount = pattern(id, 'amount');
  const monthYear = pattern(id, 'monthYear');
  const { blocks, facts } = state;
  const n = blocks.length;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && facts[j]!.chars <= 24 && amount.test(blocks[j]!.text.trim())) j += 1;
    if (j - i >= 2) {
      const from = i > 0 && monthYear.test(blocks[i - 1]!.text.trim()) ? i - 1 : i;
      const to = j < n && monthYear.test(blocks[j]!.text.trim()) ? j + 1 : j;
      for (let k = from; k < to; k += 1) state.remove(k, id, `${j - i} amount-only lines in a row (a donation ladder)`);
      i = to;
    } else {
      i = Math.max(j, i + 1);
    }
  }
}

/** The blocks at the top of the article: up to the first long paragraph (at least one, at most 8 without one). */
function headEnd(state: TextState): number {
  const n = state.blocks.length;
  const firstLong = state.facts.findIndex((fact) => fact.long);
  return firstLong < 0 ? Math.min(n, 8) : Math.min(n, Math.max(firstLong, 1) + 1);
}

/** `head-lines`: the title repeated at the top; byline and date lines near the top or the bottom. */
function headLines(state: TextState): void {
  const { blocks, facts, context } = state;
  const title = state.enabled('metadata-line/title') && context.title ? labelForm(context.title) : null;
  const bylineOn = state.enabled('metadata-line/byline');
  const dateOn = state.enabled('metadata-line/date');
  const bylineLabel = context.byline ? labelForm(context.byline) : null;
  const bylineLine = pattern('metadata-line/byline', 'line');
  const dateLine = pattern('metadata-line/date', 'line');
  const n = blocks.length;
  const end = headEnd(state);
  for (let i = 0; i < n; i += 1) {
    const fact = facts[i]!;
    const inHead = i < end || i < 3;
    const inTail = i >= n - 4;
    if (title && i < Math.max(end, 6) && fact.label === title) {
      state.remove(i, 'metadata-line/title', 'the title repeated in the body');
      continue;
    }
    if (fact.chars > 120 || !(inHead || inTail)) continue;
    const text = blocks[i]!.text;
    if (
      bylineOn &&
      bylineLabel &&
      (fact.label === bylineLabel || fact.label === `by ${bylineLabel}` || fact.label === `von ${bylineLabel}`)
    ) {
      state.remove(i, 'metadata-line/byline', 'the byline as a body line');
      continue;
    }
    if (bylineOn && bylineLine.test(text) && !endsLikeSentence(text.replace(/\.$/, ''))) {
      state.remove(i, 'metadata-line/byline', 'a byline line');
      continue;
    }
    if (dateOn && dateLine.test(text.trim())) {
      state.remove(i, 'metadata-line/date', 'a line that is only a date');
      continue;
    }
  }
}

/** True when the block sits (within a few levels) in an element marked up as a byline or author. */
function inBylineMarkup(block: Block, markup: RegExp): boolean {
  for (const node of block.nodes) {
    let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    for (let depth = 0; element && depth < 4; depth += 1) {
      const tag = lowerCase(element.localName);
      if (tag === 'article' || tag === 'main' || tag === 'body') break;
      const marks = ['class', 'id', 'rel', 'itemprop', 'data-component', 'data-testid']
        .map((name) => element!.getAttribute(name) ?? '')
        .join(' ');
      if (markup.test(marks)) return true;
      element = element.parentElement;
    }
  }
  return false;
}

/** `byline-role`: role lines of the byline ("BBC security correspondent", "Jane Doe, Science Editor") at the top. */
function bylineRole(state: TextState): void {
  const id = 'metadata-line/byline-role';
  if (!state.enabled(id)) return;
  const role = pattern(id, 'role');
  const markup = pattern(id, 'markup');
  const { blocks, facts, removed, context } = state;
  const bylineLabel = context.byline ? labelForm(context.byline) : null;
  for (let i = 0; i < Math.min(blocks.length, Math.max(headEnd(state), 3)); i += 1) {
    const text = blocks[i]!.text.trim();
    const fact = facts[i]!;
    if (removed.has(i) || fact.chars > 80 || fact.words > 10 || fact.long || endsLikeSentence(text)) continue;
    const nextToByline = [i - 1, i + 1].some((k) => removed.get(k)?.rule === 'metadata-line/byline');
    const namesAuthor = bylineLabel !== null && fact.label.startsWith(`${bylineLabel} `);
    // A linked line is a profile link ("View author archive"), left to the author-box rules.
    const isRole = role.test(text) && fact.linkDensity <= 0.5;
    if (isRole && (nextToByline || namesAuthor || inBylineMarkup(blocks[i]!, markup))) {
      state.remove(
        i,
        id,
        nextToByline ? 'the role line under the byline' : 'a short author role line in byline markup',
      );
    } else if (namesAuthor && (isRole || fact.linkDensity > 0.5 || inBylineMarkup(blocks[i]!, markup))) {
      state.remove(i, id, 'the byline name with a short addition');
    }
  }
}

/**
 * On a collection or listing page, a related-content heading whose link lines hold more than this
 * share of the text heads the page's own list ("Latest news" over the feed the page is), not a
 * trailer after it.
 */
const MAX_LISTING_TRAILER_SHARE = 0.5;

/** `related-heading`: a related-content heading and the link lines after it. */
function relatedHeading(state: TextState): void {
  const id = 'related/heading';
  if (!state.enabled(id)) return;
  const heading = pattern(id, 'heading');
  const { blocks, facts, before, context } = state;
  const n = blocks.length;
  for (let i = 0; i < n; i += 1) {
    const fact = facts[i]!;
    if (fact.chars > 70 || !heading.test(fact.label)) continue;
    if (blocks[i]!.kind !== 'heading' && !context.plainText && fact.linkDensity > 0.9) continue;
    const atEnd = before[i]! > 0.5;
    let k = i + 1;
    const lines: number[] = [];
    while (k < n) {
      const next = facts[k]!;
      const linky = !context.plainText && next.linkDensity >= 0.5;
      const titleLike =
        next.chars <= 140 && !endsLikeSentence(blocks[k]!.text) && (context.plainText || next.linkDensity > 0.3);
      if (!linky && !titleLike) break;
      lines.push(k);
      k += 1;
    }
    if (lines.length === 0 && !atEnd && blocks[i]!.kind !== 'heading' && fact.words > 5) continue;
    const listPage = context.pageType === 'collection' || context.pageType === 'listing';
    if (listPage && (k < n ? before[k]! : 1) - before[i]! > MAX_LISTING_TRAILER_SHARE) continue;
    state.remove(i, id, 'a related-content heading');
    for (const line of lines) state.remove(line, id, `a link line under "${blocks[i]!.text.slice(0, 40)}"`);
  }
}

function keptOrder(state: TextState): number[] {
  return [...Array(state.blocks.length).keys()].filter((i) => !state.removed.has(i));
}

/** `trailing-links`: link-only lines after the article (in the second half of what is kept). */
function trailingLinks(state: TextState): void {
  const id = 'related/trailing-links';
  if (state.context.plainText || !state.enabled(id)) return;
  const order = keptOrder(state);
  for (let p = order.length - 1; p >= 0; p -= 1) {
    const i = order[p]!;
    const fact = state.facts[i]!;
    if (fact.linkDensity < 0.7 || fact.long) break;
    if (p < order.length / 2) break;
    state.remove(i, id, 'a link-only line after the article');
  }
}

/** `about-company`: an "About <Company>" heading in the second half followed by a company description. */
function aboutCompany(state: TextState): void {
  const id = 'boilerplate/about-company';
  if (!state.enabled(id)) return;
  const heading = pattern(id, 'heading');
  const company = pattern(id, 'company');
  const { blocks, facts, removed } = state;
  const n = blocks.length;
  for (let i = Math.floor(n / 2); i < n; i += 1) {
    if (removed.has(i) || facts[i]!.chars > 70 || !heading.test(blocks[i]!.text.trim())) continue;
    const following = blocks.slice(i + 1, i + 4).map((block) => block.text);
    if (!following.some((text) => company.test(text))) continue;
    for (let k = i; k < n; k += 1) state.remove(k, id, 'the "About <company>" section at the end of a press release');
    break;
  }
}

/** A closing line in the body's own markup has less than this share of its text in links … */
const SIGN_OFF_MAX_LINK_DENSITY = 0.3;
/** … and a word: a line of digits or one symbol is a counter or an icon. */
const SIGN_OFF_WORD = /\p{L}\p{M}*\p{L}/u;
/** A label and its value ("Phone: …", "Pages: 1 2 3") or a label ending in a colon: page furniture. */
const LABEL_VALUE = /:(?:\s|$)/u;

/**
 * True when the kept block at `p` of `order` is a paragraph of the body's own: a `<p>` with a
 * word, hardly any link and no "label: value" shape, whose parent also holds the last long
 * paragraph above it (the writer's sign-off, "Best wishes, Jane", written as one more paragraph
 * of the body). A label, a widget title or a kicker after the article stands in an element of
 * its own.
 */
function inBodyParagraphs(state: TextState, order: readonly number[], p: number): boolean {
  const i = order[p]!;
  const block = state.blocks[i]!;
  if (block.kind !== 'p' || state.facts[i]!.linkDensity >= SIGN_OFF_MAX_LINK_DENSITY) return false;
  if (!SIGN_OFF_WORD.test(block.text) || LABEL_VALUE.test(block.text)) return false;
  const element = blockElement(block);
  if (element?.localName.toLowerCase() !== 'p' || !element.parentElement) return false;
  for (let q = p - 1; q >= 0; q -= 1) {
    if (!state.facts[order[q]!]!.long) continue;
    const long = blockElement(state.blocks[order[q]!]!);
    return long !== null && long !== element.parentElement && element.parentElement.contains(long);
  }
  return false;
}

/**
 * Page types whose text may end on the cards of their grid. Not product pages: their grids are
 * other products (related, recently viewed), and on dev every product page the test moved fell.
 */
const GRID_PAGE_TYPES: ReadonlySet<string> = new Set(['collection', 'listing']);

/**
 * `trailing-short`: short lines that are not sentences after the last paragraph. On a shop or
 * listing page, not the last cards of a grid that holds most of the text (card-grid.ts).
 */
function trailingShort(state: TextState): void {
  const id = 'boilerplate/trailing-short';
  if (state.context.plainText || !state.enabled(id)) return;
  const order = keptOrder(state);
  const grid = state.context.pageType && GRID_PAGE_TYPES.has(state.context.pageType);
  const kept = grid
    ? order.map((i) => ({
        element: blockElement(state.blocks[i]!),
        chars: state.facts[i]!.chars,
        words: state.facts[i]!.words,
      }))
    : [];
  for (let p = order.length - 1; p >= Math.max(1, order.length - 6); p -= 1) {
    const i = order[p]!;
    const fact = state.facts[i]!;
    const block = state.blocks[i]!;
    const text = block.text.trim();
    if (fact.words > 8 || fact.chars > 70 || endsLikeSentence(text) || /["”»)]$/.test(text)) break;
    if (block.kind === 'li' && fact.linkDensity < 0.5) break;
    if (block.kind === 'pre' || block.kind === 'row') break;
    if (inBodyParagraphs(state, order, p)) break;
    const element = grid ? kept[p]!.element : null;
    if (element && inCardGrid(element, kept)) break;
    state.remove(i, id, 'a short line that is not a sentence, after the last paragraph');
  }
}

/** A paragraph of a repeated run counts as long from this many characters. */
const RUN_LONG_CHARS = 80;
/** A repeated run holds at least this many long paragraphs … */
const RUN_MIN_LONG = 3;
/** … and at least this many characters. */
const RUN_MIN_CHARS = 500;
/**
 * Only a block's latest earlier copies start a run: a line repeated thousands of times (a page
 * of identical rows) would otherwise cost time in the cube of their number.
 */
const RUN_MAX_SOURCES = 8;

/**
 * `repeated-run`: blocks that repeat, word for word and in order, a run of blocks earlier in the
 * article (the page carries its text twice, one copy for another screen size). Only runs of
 * several long paragraphs count, never preformatted code: a schedule, a table or a listing may
 * repeat its short lines on purpose. The later copy goes; the first stays where it stood.
 */
function repeatedRun(state: TextState): void {
  const id = 'boilerplate/repeated-run';
  if (!state.enabled(id)) return;
  const { blocks } = state;
  const keys = blocks.map((block) => squash(block.text));
  const earlier = new Map<string, number[]>();
  // The sources compared with the block before, all of which failed: from (i, j) the comparison
  // is a tail of the one from (i - 1, j - 1), so it fails too (without this, blocks repeated
  // many times made the search quadratic in the page's length).
  let failedBefore = new Set<number>();
  for (let i = 0; i < blocks.length; i += 1) {
    const key = keys[i]!;
    if (key === '') {
      failedBefore = new Set();
      continue;
    }
    let length = 0;
    let source = -1;
    const compared = new Set<number>();
    for (const j of (earlier.get(key) ?? []).slice(-RUN_MAX_SOURCES)) {
      compared.add(j);
      if (failedBefore.has(j - 1)) continue;
      let k = 0;
      let long = 0;
      let chars = 0;
      while (i + k < blocks.length && j + k < i && keys[j + k] === keys[i + k]) {
        chars += keys[i + k]!.length;
        if (keys[i + k]!.length >= RUN_LONG_CHARS && blocks[i + k]!.kind !== 'pre') long += 1;
        k += 1;
      }
      if (long >= RUN_MIN_LONG && chars >= RUN_MIN_CHARS && k > length) {
        length = k;
        source = j;
      }
    }
    if (length > 0) {
      const reason = `${length} blocks repeating, word for word, the blocks from "${blocks[source]!.text.slice(0, 40)}" on`;
      for (let k = 0; k < length; k += 1) state.remove(i + k, id, reason);
      i += length - 1;
      failedBefore = new Set();
      continue;
    }
    failedBefore = compared;
    const list = earlier.get(key);
    if (list) list.push(i);
    else earlier.set(key, [i]);
  }
}

/** A closing biography holds at most this many characters … */
const BIO_MAX_CHARS = 500;
/** … or this many when it starts with the article's byline (the author's own, often a career in full). */
const BYLINE_BIO_MAX_CHARS = 1000;

/** A name's words, lower-cased: the letters runs of two or more (initials and punctuation left out). */
const NAME_WORD = /\p{L}[\p{L}\p{M}'’-]+/gu;
/** A biography names its subject within its first words ("Dr. Jane Rivers is …"). */
const BIO_NAME_WORDS = 5;
/** A paragraph wholly in parentheses: an editor's note on a contributor. */
const PARENTHESIZED = /^\(.*\)\.?$/su;

/**
 * `closing-bio`: a one-paragraph author biography among the last two kept blocks. When the page
 * names its writer, the paragraph must name one of the writer's names in its first words (or be
 * an editor's note in parentheses): a story that ends "Dave Miller is the head coach of …"
 * describes its subject, not its author.
 */
function closingBio(state: TextState): void {
  const id = 'author-bio/bio-sentence';
  if (!state.enabled(id)) return;
  const start = pattern(id, 'start');
  const joined = pattern(id, 'joined');
  const role = pattern(id, 'role');
  const { byline } = state.context;
  const writer = byline === null ? null : new Set(Array.from(byline.matchAll(NAME_WORD), (m) => m[0].toLowerCase()));
  const stillKept = keptOrder(state);
  for (const i of stillKept.slice(-2)) {
    const text = state.blocks[i]!.text.trim();
    if (stillKept.length < 3 || state.blocks[i]!.kind === 'heading') continue;
    const byAuthor = byline !== null && text.startsWith(`${byline} `);
    if (writer && writer.size > 0 && !byAuthor && !PARENTHESIZED.test(text)) {
      const opening = Array.from(text.matchAll(NAME_WORD), (m) => m[0].toLowerCase()).slice(0, BIO_NAME_WORDS);
      if (!opening.some((word) => writer.has(word))) continue;
    }
    if (state.facts[i]!.chars > (byAuthor ? BYLINE_BIO_MAX_CHARS : BIO_MAX_CHARS)) continue;
    if ((start.test(text) || joined.test(text) || byAuthor) && role.test(text))
      state.remove(i, id, 'a closing author biography');
  }
}

/** A kept paragraph is prose from `Facts.long` on, with at most this share of its text in links. */
const PROSE_MAX_LINK_DENSITY = 0.3;
/** The article needs this many prose paragraphs before its prose has a container. */
const PROSE_MIN_PARAGRAPHS = 2;
/** The prose container: the innermost element holding this share of the prose's characters. */
const PROSE_SHARE = 0.8;
/** What follows the container goes only when it is at most this share of the kept text … */
const AFTER_PROSE_MAX_SHARE = 0.25;
/** … and holds fewer prose paragraphs than this (more are a section of the article: questions and answers, a chapter list). */
const AFTER_PROSE_MAX_PARAGRAPHS = 3;
/**
 * A story with fewer prose paragraphs than this (a news brief) keeps a tail of one paragraph that
 * ends like a sentence: its last line, set apart by a picture or a box (Readability makes a block
 * holding one paragraph that paragraph, so the body's own shape is gone), not a box.
 */
const BRIEF_MAX_PROSE = 2;

/**
 * `after-prose`: the blocks after the element that holds the article's prose, outside it (an
 * author box, a disclosure, a call to action or a signup form the container picked up beside
 * the body). The prose container is the innermost element holding most of the characters of the
 * long, sentence-ending paragraphs; a page whose body is split across siblings has its
 * container higher up, around all of them. An update or correction note after the container
 * ("Update, 5 pm: the road has reopened.") is the story's own and stays.
 */
function afterProse(state: TextState): void {
  const id = 'boilerplate/after-prose';
  if (state.context.plainText || !state.enabled(id)) return;
  const { blocks, facts } = state;
  const order = keptOrder(state).filter((i) => blocks[i]!.nodes.length > 0);
  const isProse = (i: number): boolean =>
    facts[i]!.long &&
    blocks[i]!.kind === 'p' &&
    facts[i]!.linkDensity <= PROSE_MAX_LINK_DENSITY &&
    endsLikeSentence(blocks[i]!.text);
  const prose = order.filter(isProse);
  if (prose.length < PROSE_MIN_PARAGRAPHS) return;
  const total = prose.reduce((sum, i) => sum + facts[i]!.chars, 0);
  const held = new Map<Element, { chars: number; paragraphs: number }>();
  for (const i of prose) {
    for (let element = blocks[i]!.nodes[0]!.parentElement; element; element = element.parentElement) {
      const entry = held.get(element) ?? { chars: 0, paragraphs: 0 };
      entry.chars += facts[i]!.chars;
      entry.paragraphs += 1;
      held.set(element, entry);
    }
  }
  let container: Element | null = null;
  for (const [element, entry] of held) {
    if (entry.chars < PROSE_SHARE * total || entry.paragraphs < 2) continue;
    if (!container || container.contains(element)) container = element;
  }
  if (!container) return;
  container = aroundSplitBody(
    container,
    prose.map((i) => blocks[i]!.nodes[0]!),
  );
  // The body's closing line set apart by a picture, in a part of the container's shape of its
  // own, is the body's.
  const parts = laterParts(container);
  let last = -1;
  for (const [p, i] of order.entries()) {
    const node = blocks[i]!.nodes[0]!;
    if (container.contains(node) || parts.some((part) => part.contains(node))) last = p;
  }
  // The story's own update or correction note, written after its body, stays with the story.
  const updateNote = pattern(id, 'updateNote');
  const isNote = (i: number): boolean => {
    const text = blocks[i]!.text.trim();
    return updateNote.test(text) && endsLikeSentence(text);
  };
  let tail = order.slice(last + 1).filter((i) => !isNote(i));
  // The article's own questions section, written after the body's element (faq.ts: its questions
  // about what the title and the body are about), stays with the article.
  const questions = questionsInTail(
    tail.map((i) => blocks[i]!),
    order.slice(0, last + 1).map((i) => blocks[i]!),
    state.context.title,
    state.context.page ?? pageAddresses(),
  );
  if (questions) tail = tail.filter((_, k) => k < questions.from || k > questions.to);
  if (tail.length === 0) return;
  // A brief's last line, set apart from its body.
  const only = tail.length === 1 ? blocks[tail[0]!]! : null;
  if (prose.length <= BRIEF_MAX_PROSE && only?.kind === 'p' && endsLikeSentence(only.text)) return;
  const keptChars = order.reduce((sum, i) => sum + facts[i]!.chars, 0);
  const tailChars = tail.reduce((sum, i) => sum + facts[i]!.chars, 0);
  if (tailChars > AFTER_PROSE_MAX_SHARE * keptChars) return;
  if (tail.filter(isProse).length >= AFTER_PROSE_MAX_PARAGRAPHS) return;
  for (const i of tail) state.remove(i, id, "after the element that holds the article's prose, outside it");
}

/** A line counts as link-only from this share of its text in links (as for `trailing-links`). */
const LINK_LINE_MIN_DENSITY = 0.7;

/** A link's path ends in a document file's extension (a report, a form, a spreadsheet, slides). */
const DOCUMENT_PATH = /\.(?:pdf|docx?|odt|rtf|xlsx?|ods|csv|pptx?|odp|epub)$/i;

/** Whether a link of the block leads to a document file (the article's own source or report). */
function linksToDocument(block: Block): boolean {
  for (const node of block.nodes) {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) continue;
    const around = element.closest('a[href]');
    const links = around ? [around] : Array.from(element.querySelectorAll('a[href]'));
    for (const link of links) {
      let path: string;
      try {
        path = new URL(link.getAttribute('href') ?? '', 'https://example.invalid/').pathname;
      } catch {
        continue;
      }
      if (DOCUMENT_PATH.test(path)) return true;
    }
  }
  return false;
}

/**
 * `closing-link`: a single link-only line left last once `after-prose` removed what stood under
 * it (a forum link above a product box; `trailing-links` had stopped at the box). Only a lone
 * line: when the line above it links out too, the two are a list of further reading that the
 * article ends with; when the line above is a heading, the line is its section (a source, a
 * download); a link to a document file is the article's own report or source.
 */
function closingLink(state: TextState): void {
  const id = 'related/closing-link';
  if (state.context.plainText || !state.enabled(id)) return;
  const order = keptOrder(state);
  if (order.length < 3) return;
  const last = order[order.length - 1]!;
  const above = order[order.length - 2]!;
  let boxBelow = false;
  for (const [i, removal] of state.removed) if (i > last && removal.rule === 'boilerplate/after-prose') boxBelow = true;
  if (!boxBelow) return;
  const fact = state.facts[last]!;
  if (fact.long || fact.linkDensity < LINK_LINE_MIN_DENSITY) return;
  if (state.facts[above]!.linkDensity >= LINK_LINE_MIN_DENSITY) return;
  if (state.blocks[above]!.kind === 'heading' || linksToDocument(state.blocks[last]!)) return;
  state.remove(last, id, 'a lone link-only line left last once the box under it went');
}

/** A later part of a split body holds at least this many prose paragraphs (one is a disclaimer's). */
const SPLIT_PART_MIN_PARAGRAPHS = 2;

/**
 * The prose container of a body split unevenly by a box (an ad slot, a signup form): while a
 * later sibling of the container of the container's own class shape holds prose paragraphs
 * (the body's second part), the container is its parent. An author box after the body has a
 * shape of its own; a disclosure drawn in the body's shape holds one paragraph.
 */
function aroundSplitBody(container: Element, proseNodes: readonly Node[]): Element {
  let current = container;
  for (let depth = 0; depth < 30 && current.parentElement; depth++) {
    const shape = shapeKey(current);
    // A classless container has no shape of its own for a later part to share.
    if (shape === lowerCase(current.localName)) break;
    let continues = false;
    for (let sibling = current.nextElementSibling; sibling && !continues; sibling = sibling.nextElementSibling) {
      if (shapeKey(sibling) !== shape) continue;
      continues = proseNodes.filter((node) => sibling!.contains(node)).length >= SPLIT_PART_MIN_PARAGRAPHS;
    }
    if (!continues) break;
    current = current.parentElement;
  }
  return current;
}

/**
 * The later siblings of the prose container that are paragraphs Readability took out of a `div`
 * of the container's class shape (`unwrappedShape`): the body's closing line set apart by a
 * picture, in a part of its own. A `div` of that shape that Readability left as it is (a
 * disclosure of several lines, a tag list) is not one. None for a container without a class.
 */
function laterParts(container: Element): Element[] {
  const shape = shapeKey(container);
  if (shape === lowerCase(container.localName)) return [];
  const parts: Element[] = [];
  for (let sibling = container.nextElementSibling; sibling; sibling = sibling.nextElementSibling)
    if (unwrappedShape(sibling) === shape) parts.push(sibling);
  return parts;
}

/** A call to action is a short phrase: a link line longer than this is a headline or a sentence. */
const CALL_MAX_WORDS = 10;
/** Calls hold less than this share of what is kept: a page of short links is a list of them. */
const CALL_MAX_SHARE = 0.5;
/** Entries of a list, a table or a definition list: a link there is one of several items. */
const ITEM = 'li, td, th, dd, dt';

const BUTTON_ROLE = '[role="button"]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Text with all white space taken out: the same on both engines however they split text nodes. */
const bare = (text: string): string => text.replace(/\s+/gu, '');

/**
 * The elements of role `button` the block's text stands in (the nearest around each node with
 * text, or the outermost inside it), or null when some of its text stands in none.
 */
function buttonsOf(block: Block): Set<Element> | null {
  const buttons = new Set<Element>();
  for (const node of block.nodes) {
    if ((node.textContent ?? '').trim() === '') continue;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) return null;
    const around = element.closest(BUTTON_ROLE);
    if (around) {
      buttons.add(around);
      continue;
    }
    if (node.nodeType !== 1) return null;
    let inButtons = '';
    for (const button of element.querySelectorAll(BUTTON_ROLE))
      if (!button.parentElement?.closest(BUTTON_ROLE)) {
        buttons.add(button);
        inButtons += button.textContent ?? '';
      }
    if (inButtons === '' || bare(inButtons) !== bare(element.textContent ?? '')) return null;
  }
  return buttons.size > 0 ? buttons : null;
}

/**
 * Whether the block's text is the label of elements of role `button` (a link or a `<span>` drawn
 * as one; a `<button>`'s own label is never a block): each of its nodes with text stands in one or
 * holds its text in them, and those elements hold no other text, or none of them holds a heading —
 * a line inside a clickable card of role `button` (the card's heading above it) is no button's
 * label, as it is none in a card drawn as a link.
 */
function inButtonRole(block: Block): boolean {
  const buttons = buttonsOf(block);
  if (!buttons) return false;
  let text = '';
  for (const button of buttons) text += button.textContent ?? '';
  if (bare(text) === bare(block.text)) return true;
  for (const button of buttons) if (button.querySelector(HEADING)) return false;
  return true;
}

/**
 * The links of the block: those among its nodes and, inside its other nodes, the outermost ones
 * (a link set inside another is part of its text); given the line's element, also the link the
 * whole line stands in (a line inside a card's link). The one gatherer of a line's links for
 * call-line and page-numbers.
 */
function linksOf(block: Block, element?: Element | null): Element[] {
  const links: Element[] = [];
  const around = element?.closest('a[href]');
  for (const node of block.nodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (lowerCase(element.localName) === 'a' && element.hasAttribute('href')) {
      links.push(element);
      continue;
    }
    for (const link of element.querySelectorAll('a[href]')) {
      const outer = link.parentElement?.closest('a[href]');
      if (!outer || !element.contains(outer)) links.push(link);
    }
  }
  if (around && !links.includes(around)) links.push(around);
  return links;
}

/**
 * Whether the block's text is all link text: the text of its links (see linksOf), white space
 * aside, is the block's text. Compared on the text without white space, so that it does not hang
 * on how an engine splits a link's text into nodes (at an entity, around inline markup). Two
 * links or more on lines of their own are a list of links.
 */
function allLinkText(block: Block): boolean {
  const links = linksOf(block);
  // Links set one under another (by line breaks) are a list of them, not a call.
  if (links.length > 1 && block.text.includes('\n')) return false;
  const own = bare(block.text);
  return own !== '' && bare(links.map((link) => link.textContent ?? '').join('')) === own;
}

/** A control that opens or closes a part of the page (an accordion's head, a collapse link). */
const TOGGLE = '[aria-expanded], [aria-controls], [data-toggle], [data-bs-toggle]';

/**
 * Whether the block is a disclosure's head rather than a call: it asks (an FAQ's question drawn
 * as a button or link), or it, an element around it or one among its nodes opens a part of the
 * page (`aria-expanded`, `aria-controls`, `data-toggle`/`data-bs-toggle`).
 */
function disclosureHead(block: Block, element: Element): boolean {
  if (QUESTION_END.test(squash(block.text))) return true;
  if (element.closest(TOGGLE)) return true;
  return block.nodes.some(
    (node) =>
      node.nodeType === 1 && ((node as Element).matches(TOGGLE) || (node as Element).querySelector(TOGGLE) !== null),
  );
}

/** A link to write, call or find the firm (`mailto:`, `tel:`, `sms:`) rather than a call to act. */
const CONTACT_HREF = /^\s*(?:mailto|tel|sms|callto):/i;
/** A link to a map of a place: the address it shows is the page's fact. */
const MAP_HREF =
  /^\s*(?:https?:)?\/\/(?:[\w-]+\.)*(?:google\.[a-z.]+\/maps|maps\.[\w.-]+|goo\.gl\/maps|maps\.app\.goo\.gl|bing\.com\/maps|openstreetmap\.org)/i;
/** Text that is an e-mail address or a telephone number (seven of its characters or more). */
const CONTACT_TEXT = new RegExp(String.raw`^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\+?${PHONE_CHARS}{7,})$`);
/**
 * A postcode: British (`LS1 5HD`), Canadian (`K1A 0B1`), Dutch (`1012 AB`), a US state and ZIP
 * (`CA 94103`), or four or five digits before a place's name (`10115 Berlin`, `75001 Paris`).
 */
const POSTCODE =
  /\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4} ?[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?|\d{4,5} \p{Lu}\p{Ll}+)\b/u;
/** A house number and a street: `12 Park Row,` `221b Baker Street,` `Hauptstraße 5,` `Via Roma 10,`. */
const STREET = /^(?:\d{1,5}[a-z]?,? +[\p{L}.' -]+|[\p{L}.' -]+ \d{1,5}[a-z]?),/iu;
/**
 * Whether the text reads as a postal address: a house number and street followed by the place,
 * or a postcode among at least two parts set apart by commas.
 */
const addressText = (text: string): boolean => text.includes(',') && (STREET.test(text) || POSTCODE.test(text));

/**
 * Whether the block is the firm's contact line: an e-mail address or telephone number, or a link
 * to write, call or map it (a firm's e-mail and address are its page's own facts).
 */
function contactLine(block: Block, element: Element): boolean {
  const text = squash(block.text);
  if (CONTACT_TEXT.test(text) || addressText(text)) return true;
  return linksOf(block, element).some((link) => {
    const href = link.getAttribute('href') ?? '';
    return CONTACT_HREF.test(href) || MAP_HREF.test(href);
  });
}

/**
 * `call-line`: on the page types the rule names (service, product), a line of at most CALL_MAX_WORDS words, not a heading, that is
 * all link text or stands in an element of role `button`, standing on its own rather than as an item of a list or
 * table: the page's calls to action ("Get started", "Request a demo", "Read the case study",
 * "Talk to an expert"; a product's "Add to cart", "Sign in to save to favourites"). The firm's
 * contact lines stay (an e-mail address, phone number or postal address, a `mailto:`/`tel:` link,
 * a link to a map of its address), and so do an accordion's heads (`disclosureHead`: a line that
 * asks, a toggle that opens a panel), and so does a list of links (the services a firm offers, its offices); so does
 * every such line when they hold half of what is kept or more (a page that is a list of links).
 */
function callLine(state: TextState): void {
  const id = 'boilerplate/call-line';
  if (state.context.plainText || !state.context.pageType || !state.enabled(id)) return;
  const order = keptOrder(state);
  const calls: number[] = [];
  let keptChars = 0;
  let callChars = 0;
  for (const i of order) {
    const fact = state.facts[i]!;
    keptChars += fact.chars;
    const block = state.blocks[i]!;
    if (block.kind === 'heading' || fact.words === 0 || fact.words > CALL_MAX_WORDS) continue;
    const element = blockElement(block);
    if (!element || element.closest(ITEM) || !(allLinkText(block) || inButtonRole(block))) continue;
    if (contactLine(block, element) || disclosureHead(block, element)) continue;
    calls.push(i);
    callChars += fact.chars;
  }
  if (callChars >= CALL_MAX_SHARE * keptChars) return;
  for (const i of calls) state.remove(i, id, 'a call to action alone on its line (a link or button)');
}

/** A repeated block has at least this many words: a repeated "Yes" or a price is a table's value. */
const MIN_REPEATED_WORDS = 2;

/**
 * `repeated-block`: on the page types the rule names, a kept block whose text (in label form) a
 * kept block above it already shows: shop pages draw the same notice, spec list or description
 * twice (once per screen size, once per tab and again in a drawer).
 */
function repeatedBlock(state: TextState): void {
  const id = 'repeated/page-block';
  // enabled() checks the rule's page types, but passes every rule when the page has no type.
  if (!state.context.pageType || !state.enabled(id)) return;
  const service = state.context.pageType === 'service';
  const groups = new Map<Element, CardGroup>();
  const seen = new Map<string, number>();
  for (const i of keptOrder(state)) {
    const fact = state.facts[i]!;
    if (fact.words < MIN_REPEATED_WORDS) continue;
    const first = seen.get(fact.label);
    if (first === undefined) seen.set(fact.label, i);
    else if (!(service && (underOtherLabels(state, first, i) || inParallelCards(state, first, i, groups))))
      state.remove(i, id, 'the same text as a block above it');
  }
}

/** A question this long or shorter, ending in a question mark, labels what follows it. */
const LABEL_QUESTION_MAX_CHARS = 250;

/** The kind of label a block is (a heading of its level, a `<dt>`, a question), or null. */
function labelKind(block: Block): string | null {
  if (block.kind === 'heading') return `h${block.level}`;
  if (blockElement(block)?.localName.toLowerCase() === 'dt') return 'dt';
  const text = squash(block.text);
  return text.length <= LABEL_QUESTION_MAX_CHARS && text.endsWith('?') ? 'question' : null;
}

/**
 * True when the two copies each follow a label of the same kind and the labels differ: the same
 * answer to two questions of a flat FAQ (heading or question, then its answer), the same line
 * under two steps or two terms of a list. A section written twice repeats its heading too, and
 * a closing call follows other text than the first one did.
 */
function underOtherLabels(state: TextState, first: number, later: number): boolean {
  if (first === 0) return false;
  const kind = labelKind(state.blocks[first - 1]!);
  return (
    kind !== null &&
    kind === labelKind(state.blocks[later - 1]!) &&
    state.facts[first - 1]!.label !== state.facts[later - 1]!.label
  );
}

/** Cards of a group average at most this many characters: a page's sections are longer. */
const MAX_PARALLEL_CARD_CHARS = 1200;

/** A group of like sibling cards, worked out once per page for all its cards. */
interface CardGroup {
  /** Each card's place in the group. */
  at: Map<Element, number>;
  /** For each card, whether a card above it has the same text (a copy). */
  copy: boolean[];
  meanChars: number;
}

function cardGroup(card: Element, groups: Map<Element, CardGroup>): CardGroup {
  const known = groups.get(card);
  if (known) return known;
  const items = likeSiblings(card);
  const texts = items.map((item) => squash(item.textContent ?? ''));
  const earlier = new Set<string>();
  const copy = texts.map((text) => {
    const repeated = earlier.has(text);
    earlier.add(text);
    return repeated;
  });
  let chars = 0;
  for (const text of texts) chars += text.length;
  const group: CardGroup = { at: new Map(items.map((item, k) => [item, k])), copy, meanChars: chars / items.length };
  for (const item of items) groups.set(item, group);
  return group;
}

/**
 * True when two blocks of the same text stand in two different cards of one group of three or
 * more like siblings (same tag and class shape) whose texts differ: the line the cards share (a
 * feature of each plan in a pricing table, a branch's opening hours, each offer's "Book now"). A
 * card whose text a card of the group above it already has is a copy (a carousel or a section
 * written once per screen size), and its lines go.
 */
function inParallelCards(state: TextState, first: number, later: number, groups: Map<Element, CardGroup>): boolean {
  const a = blockElement(state.blocks[first]!);
  const b = blockElement(state.blocks[later]!);
  if (!a || !b) return false;
  const common = commonAncestor([a, b]);
  if (!common || common === a || common === b) return false;
  const cardA = childOf(common, a);
  const cardB = childOf(common, b);
  // A block that is its whole card (a paragraph among paragraphs) is no card's line.
  if (!cardA || !cardB || cardA === a || cardB === b) return false;
  const group = cardGroup(cardA, groups);
  const at = group.at.get(cardB);
  if (group.at.size < 3 || at === undefined || group.copy[at]) return false;
  return group.meanChars <= MAX_PARALLEL_CARD_CHARS;
}

export const TEXT_PROCEDURES: Readonly<Record<TextProcedure, (state: TextState) => void>> = {
  'comment-thread': commentThread,
  'amount-run': amountRun,
  'head-lines': headLines,
  'byline-role': bylineRole,
  'related-heading': relatedHeading,
  'trailing-links': trailingLinks,
  'about-company': aboutCompany,
  'trailing-short': trailingShort,
  'closing-bio': closingBio,
  'after-prose': afterProse,
  'closing-link': closingLink,
  'repeated-run': repeatedRun,
  'repeated-block': repeatedBlock,
  'call-line': callLine,
  'site-text': siteText,
  'affiliate-disclosure': affiliateDisclosure,
};

/** `site-text`: blocks matching a per-site text pattern (first pattern that matches names the rule). */
function siteText(state: TextState): void {
  const rules = state.context.siteText?.remove ?? [];
  if (rules.length === 0) return;
  for (const [i, block] of state.blocks.entries()) {
    const text = squash(block.text);
    const rule = rules.find((candidate) => candidate.regex.test(text));
    if (rule) state.remove(i, 'site-rule/text', `per-site rule ${rule.id}: text /${rule.pattern}/`, rule.id);
  }
}

// ---------------------------------------------------------------------------------------
// Line procedures: called for a line whose test conditions hold; true when the line is done.

/** `repeated-line`: a line the ingest step found on many pages of the site. */
function repeatedLine(state: TextState, i: number, id: RuleId): boolean {
  if (state.context.repeated.size === 0) return false;
  const count = state.context.repeated.get(normalizeText(state.blocks[i]!.text.trim()));
  if (count === undefined) return false;
  state.remove(i, id, `line repeated on ${count} pages of this site`);
  return true;
}

/** The text before a caption's credit holds at most this many words; a longer line is a paragraph. */
const CAPTION_MAX_WORDS = 40;

/**
 * A credit that only names its source, an agency ("… (AFP)", "/ Reuters") or "courtesy of …", and
 * not a photographer ("(AP/Jane Roe)"): in prose the same words cite a report or thank someone.
 */
const NAME_ONLY_CREDIT = new RegExp(`^\\s*(?:[|/–—(]\\s*(?:${AGENCIES})\\b(?!\\s*\\/)|\\(?courtesy\\b)`, 'i');

/**
 * A credit that is a news agency's name alone ("(Reuters)", "/ AFP", "(AP)."): the wire a report
 * came from, not a picture library's.
 */
const WIRE_CITATION = new RegExp(
  `^\\s*(?:\\(\\s*(?:${WIRE_AGENCIES})\\s*\\)|[|/–—]\\s*(?:${WIRE_AGENCIES}))\\s*\\.?\\s*$`,
  'i',
);

/** The element is an image or a video (not a drawing). */
function showsImage(element: Element): boolean {
  return /^(?:img|picture|figure|video)$/i.test(element.localName);
}

/** The element is a picture: an image, a video, a drawing in <svg>. */
function showsPicture(element: Element): boolean {
  return lowerCase(element.localName) === 'svg' ? isDrawing(element) : showsImage(element);
}

/**
 * The element holds a picture: an image, a video, or (`drawings`) a drawing in <svg>. A line's own
 * text is not searched for drawings: an <svg> inline in a sentence is an icon in its text.
 */
function holdsPicture(element: Element, drawings: boolean): boolean {
  if (element.querySelector('img, picture, video') !== null) return true;
  if (drawings) for (const svg of element.querySelectorAll('svg')) if (isDrawing(svg)) return true;
  return false;
}

/** A picture element, or an element that holds one and hardly any text (a link or a frame around it). */
function isPicture(element: Element | null): boolean {
  if (!element) return false;
  if (showsPicture(element)) return true;
  return holdsPicture(element, true) && (element.textContent ?? '').trim().length < 30;
}

/**
 * The block stands beside a picture: it holds one, the node before or after it is one, it sits
 * in a figure, or it stood next to a picture Readability dropped (a drawing in <svg>, a picture
 * painted with CSS: `markBesidePictures`). A block that is part of its element's text is judged
 * by its own nodes, not by all its element holds.
 */
function besidePicture(block: Block): boolean {
  const element = blockElement(block);
  if (!element) return false;
  if (element.closest(`figure, [${BESIDE_PICTURE_MARK}]`) !== null) return true;
  const whole = block.nodes.length === 1 && block.nodes[0] === element;
  const nodes: readonly Node[] = whole ? [element] : block.nodes;
  for (const node of nodes) {
    if (node.nodeType === 1 && (showsImage(node as Element) || holdsPicture(node as Element, false))) return true;
  }
  const first = nodes[0]!;
  const last = nodes[nodes.length - 1]!;
  const before = first.nodeType === 1 ? (first as Element).previousElementSibling : first.previousSibling;
  const after = last.nodeType === 1 ? (last as Element).nextElementSibling : last.nextSibling;
  return (
    (before?.nodeType === 1 && isPicture(before as Element)) || (after?.nodeType === 1 && isPicture(after as Element))
  );
}

/**
 * True when line `i`, whose credit starts at `at`, reads as a caption: caption markup, or at most
 * CAPTION_MAX_WORDS words before the credit. A credit that only names its source (an agency,
 * "courtesy of …") makes a caption only beside a picture; in plain text, where no picture shows,
 * only after a single sentence, and never when it names a news agency alone (a wire report's
 * paragraph that ends "(Reuters)"). A sentence of prose between paragraphs that ends with
 * "(Reuters)" or "courtesy of the museum" is no caption.
 */
function readsAsCaption(state: TextState, i: number, text: string, at: number): boolean {
  const block = state.blocks[i]!;
  if (block.kind === 'caption') return true;
  const lead = text.slice(0, at).trim();
  if (wordCount(lead) > CAPTION_MAX_WORDS) return false;
  if (!NAME_ONLY_CREDIT.test(text.slice(at))) return true;
  if (block.nodes.length > 0) return besidePicture(block);
  // Plain text shows no picture: a news agency alone ("… (Reuters)") cites a report; another
  // credit ("Courtesy of X / Alamy Stock Photo") makes a caption of a single sentence. A sentence
  // ends after a word ("… delegates. The …"), not after a year or a size ("1911. Photogravure").
  if (WIRE_CITATION.test(text.slice(at))) return false;
  return !/\p{Ll}[.!?]["'”’»)]*\s+\p{Lu}/u.test(lead);
}

/**
 * `trailing-credit`: the credit clause ending a caption goes; the caption stays, or goes as a
 * caption. On a line that is no caption a credit naming a photo or a copyright is still cut off;
 * one that only names its source is left in the prose.
 */
function trailingCredit(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const text = state.blocks[i]!.text.trim();
  const match = test.pattern?.exec(text);
  if (!match || match.index === 0) return false;
  const caption = readsAsCaption(state, i, text, match.index);
  if (!caption && NAME_ONLY_CREDIT.test(match[0])) return false;
  const rule = ruleById(id);
  state.extra.push({
    rule: rule.id,
    category: rule.category,
    reason: test.reason,
    text: text.slice(match.index).trim(),
    blockIndex: i,
  });
  if (caption && state.captions === 'drop')
    state.remove(i, 'caption/credited-line', 'a caption (it carries an image credit)');
  state.trimmed.set(i, text.slice(0, match.index).trim());
  return true;
}

/** `credited-caption`: a line ending with an image credit is a caption (when the credit rule did not split it). */
function creditedCaption(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const text = state.blocks[i]!.text.trim();
  const match = test.pattern?.exec(text);
  if (!match || match.index === 0 || !readsAsCaption(state, i, text, match.index)) return false;
  state.remove(i, id, test.reason);
  return true;
}

/** `share-labels`: a line of share-button labels ("Share on Facebook", "Facebook Twitter E-Mail"). */
function shareLabels(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const fact = state.facts[i]!;
  const single = words(id, 'single');
  const linkedPlatform =
    !state.context.plainText && fact.linkDensity > 0.5 && fact.words <= 2 && single.includes(fact.label);
  if (!isShareLine(id, fact.label, fact.words) && !linkedPlatform) return false;
  state.remove(i, id, test.reason);
  return true;
}

function isShareLine(id: RuleId, label: string, count: number): boolean {
  if (count === 0 || count > 14) return false;
  const tokens = label.split(' ');
  const verbs = words(id, 'verbs');
  if (!tokens.some((token) => verbs.includes(token))) {
    // A line of platform names only ("Facebook Twitter E-Mail") needs at least two of them.
    const platforms = words(id, 'platforms');
    if (tokens.filter((token) => platforms.includes(token)).length < 2) return false;
  }
  const share = words(id, 'share');
  return tokens.every((token) => share.includes(token) || /^\d+$/.test(token));
}

/** `profile-link`: "View profile", "About the author", and the short name and role lines just before it. */
function profileLink(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const { blocks, facts, removed } = state;
  if (!test.pattern?.test(facts[i]!.label)) return false;
  state.remove(i, id, test.reason);
  for (let k = i - 1, taken = 0; k >= 0 && taken < 4; k -= 1, taken += 1) {
    const prior = facts[k]!;
    if (removed.has(k) || prior.chars > 70 || endsLikeSentence(blocks[k]!.text) || prior.long) break;
    state.remove(k, id, 'a name or role line of the author box');
  }
  return true;
}

/** Elements whose text quotes what it holds: a help page showing a message is no message. */
const QUOTING_TAGS = new Set(['blockquote', 'q', 'code', 'kbd', 'samp', 'pre']);
/** Elements of a page's controls: a message inside one is the control's own. */
const CONTROL_TAGS = new Set(['form', 'button', 'dialog', 'output']);
const MESSAGE_ROLES = new Set(['alert', 'alertdialog', 'status', 'dialog', 'log']);
/** A neighbour with this much text, ending like a sentence, is prose the line is part of. */
const PROSE_CHARS = 80;

function quotingOrControl(element: Element, tags: ReadonlySet<string>): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const tag = lowerCase(at.localName);
    if (tag === 'body') return false;
    if (tags.has(tag)) return true;
    if (tags === CONTROL_TAGS && (MESSAGE_ROLES.has(at.getAttribute('role') ?? '') || at.hasAttribute('aria-live')))
      return true;
  }
  return false;
}

/**
 * `ui-message`: a line that is only a script's failure messages (the rule's pattern), standing
 * alone as page chrome, not quoted. Kept when it is quoted (a blockquote, or inside `q`, `code`,
 * `kbd`, `samp`), or when the line before it introduces it (ends in ":"). Removed when it stands
 * in a page's control (a form, a button, a dialog, an alert or status region, a live region);
 * otherwise only when it does not stand between paragraphs of prose (the nearest line before and
 * after it not removed, each a paragraph of 80 characters or more ending like a sentence): a
 * story's one-line paragraph "Something went wrong." sits between paragraphs of prose, a message
 * left in the markup stands after the article, before its lists or beside other chrome.
 */
function uiMessage(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const { blocks, removed } = state;
  const block = blocks[i]!;
  if (!test.pattern?.test(block.text.trim()) || block.kind === 'quote') return false;
  const near = (step: number): Block | undefined => {
    let k = i + step;
    while (k >= 0 && k < blocks.length && (removed.has(k) || blocks[k]!.text.trim() === '')) k += step;
    return blocks[k];
  };
  const before = near(-1);
  if (before && /:$/.test(before.text.trim())) return false;
  const element = blockElement(block);
  if (element) {
    if (quotingOrControl(element, QUOTING_TAGS)) return false;
    for (const node of block.nodes)
      if (node.nodeType === 1 && (node as Element).querySelector('q, code, kbd, samp')) return false;
  }
  if (!element || !quotingOrControl(element, CONTROL_TAGS)) {
    const prose = (other: Block | undefined) =>
      other?.kind === 'p' && other.text.trim().length >= PROSE_CHARS && endsLikeSentence(other.text.trim());
    if (prose(before) && prose(near(1))) return false;
  }
  state.remove(i, id, test.reason);
  return true;
}

/**
 * Digits set apart as a telephone number sets them (`+44 …`, `(800) 222-4700`, `212-444-6615`,
 * `0800 123 456`), or a count in brackets: no run of page numbers is written so. Looser than
 * navigation/line's `PHONE_SHAPE` on purpose: one such mark is enough to say "no pager", where
 * `PHONE_SHAPE` names the line a telephone number (seven digits or more, grouped as one).
 */
const NOT_PAGE_NUMBERS = /[+()]|\d[-./]\d|(?:^|\s)0\d/;

/**
 * `page-numbers`: a line that is only page numbers as links ("1 2 3 … 10 Next"): the rule's
 * pattern on the label form, each link holding one number at most, the numbers rising from left
 * to right. A telephone number is the firm's contact line, not a pager, however its digits are
 * grouped: a `tel:` link, one link holding several groups of digits ("212 444 6615"), or digits
 * set apart as a telephone number sets them ("+44 1234 567890", "(800) 222-4700").
 */
function pageNumbers(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const block = state.blocks[i]!;
  const text = block.text.trim();
  if (!test.pattern?.test(state.facts[i]!.label) || NOT_PAGE_NUMBERS.test(text)) return false;
  for (const link of linksOf(block, blockElement(block))) {
    if (CONTACT_HREF.test(link.getAttribute('href') ?? '')) return false;
    if ((link.textContent?.match(/\d+/g) ?? []).length > 1) return false;
  }
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  for (let k = 1; k < numbers.length; k += 1) if (numbers[k]! <= numbers[k - 1]!) return false;
  state.remove(i, id, test.reason);
  return true;
}

/** Other words a strip of platform names may hold (a lead such as "Listen to every episode on"). */
const PLATFORM_LEAD_WORDS = 6;
/** …or, when most of its text is links, a longer lead. */
const PLATFORM_LINKED_LEAD_WORDS = 12;

/**
 * `platform-line`: a strip of three or more podcast platforms ("Listen on: Apple Podcasts ·
 * Spotify · Overcast", a row of their links). It is judged by its shape, not by its words: the
 * platform names and the words that join them ("and", "or") aside, a short lead at most, a longer
 * one when most of the line is link text, or a lead no longer than the names themselves (a long
 * list of platforms after "A podcast version of this story is available on"). A sentence that names the services among other
 * words (a price rise, a market share, what they pay per listen) stays, whatever it says about
 * podcasts or subscribing. A name that is also a common word (anchor, overcast) counts only as the
 * platform writes it (`common`) or as the whole text of a link.
 */
function platformLine(state: TextState, i: number, id: RuleId, test: LineTest): boolean {
  const block = state.blocks[i]!;
  const text = block.text.trim();
  const names = pattern(id, 'names');
  const found = new Set<string>();
  let nameWords = 0;
  for (const name of text.match(names) ?? []) {
    found.add(name.toLowerCase().replace(/\s+/g, ' '));
    nameWords += wordCount(name);
  }
  const linkLabels = new Set(
    linksOf(block, blockElement(block)).map((link) => (link.textContent ?? '').trim().toLowerCase()),
  );
  const common = words(id, 'common');
  const joins = words(id, 'joins');
  let lead = 0;
  for (const word of text.replace(names, ' ').match(/[\p{L}\p{N}]+/gu) ?? []) {
    const lower = word.toLowerCase();
    if (common.includes(lower) && (/^\p{Lu}/u.test(word) || linkLabels.has(lower))) {
      found.add(lower);
      nameWords += 1;
    } else if (!joins.includes(lower)) lead += 1;
  }
  if (found.size < 3) return false;
  const linked = !state.context.plainText && state.facts[i]!.linkDensity > 0.5;
  if (lead > (linked ? PLATFORM_LINKED_LEAD_WORDS : PLATFORM_LEAD_WORDS) && nameWords < lead) return false;
  state.remove(i, id, test.reason);
  return true;
}

export const LINE_PROCEDURES: Readonly<
  Record<LineProcedure, (state: TextState, index: number, ruleId: RuleId, test: LineTest) => boolean>
> = {
  'repeated-line': repeatedLine,
  'trailing-credit': trailingCredit,
  'credited-caption': creditedCaption,
  'share-labels': shareLabels,
  'profile-link': profileLink,
  'ui-message': uiMessage,
  'page-numbers': pageNumbers,
  'platform-line': platformLine,
};

/** A disclosure is at most this long: a longer paragraph is the article's own text. */
const DISCLOSURE_MAX_CHARS = 450;

/** A paragraph's sentences: each ends at `.`, `!` or `?` followed by a space (or at the end). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.length > 0);
}

/**
 * `affiliate-disclosure`: a short paragraph saying the site earns a commission through the page's
 * links, or that the page holds affiliate links. Each sentence is read on its own (the commission
 * and the links in the same sentence), and the paragraph goes only when such sentences, with the
 * short pointers to the site's policy or thanks beside them (`aside`), are most of its text, so a
 * review's own findings before a closing disclosure stay. The one place that takes affiliate
 * disclosures: `advertisement/label` reads advertising labels only. A line with quotation
 * marks or a speech verb is a story's reporting about commissions and stays. Run after every other
 * step, so the paragraph's going never changes what they take as the body (a long disclosure above
 * the body widened the element that holds the prose; without it the body's closing lines looked
 * like lines after it).
 */
function affiliateDisclosure(state: TextState): void {
  const id = 'advertisement/affiliate-disclosure';
  if (!state.enabled(id)) return;
  const earn = pattern(id, 'earn');
  const path = pattern(id, 'path');
  const owned = pattern(id, 'owned');
  const aside = pattern(id, 'aside');
  const headed = pattern(id, 'headed');
  const marker = pattern(id, 'marker');
  const reported = pattern(id, 'reported');
  for (const i of keptOrder(state)) {
    const block = state.blocks[i]!;
    const text = squash(block.text);
    if (block.kind === 'heading' || text.length > DISCLOSURE_MAX_CHARS || reported.test(text)) continue;
    if (marker.test(text)) {
      // The bare marker beside a link; an entry of a list of words stays.
      if (block.kind !== 'li') state.remove(i, id, 'an affiliate link marker');
      continue;
    }
    // Under a heading that names the affiliate links, the site's earning needs no path of its own.
    const named = headed.test(text);
    let holds = 0;
    let commission = 0;
    let asides = 0;
    for (const sentence of sentencesOf(text)) {
      if (owned.test(sentence)) holds += sentence.length;
      else if (earn.test(sentence) && (named || path.test(sentence))) commission += sentence.length;
      else if (aside.test(sentence)) asides += sentence.length;
    }
    // Most of the paragraph (more than half its characters) must be the disclosure, with the short
    // pointers to the site's policy or thanks beside it (never those alone).
    if (holds + commission === 0 || (holds + commission + asides) * 2 <= text.length) continue;
    if (holds > 0) state.remove(i, id, 'an affiliate disclosure (the page holds affiliate links)');
    else state.remove(i, id, 'an affiliate disclosure (a commission on purchases through the links)');
  }
}
