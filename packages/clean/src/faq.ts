/**
 * The article's questions section: a section headed as questions and answers ("FAQ",
 * "Frequently asked questions", "Häufige Fragen" …) that the page writes right after the body,
 * outside the element Readability picked (a site's template puts it in a block of its own). It
 * is the article's: its questions are about the article's subject. Its blocks are taken from the
 * page's blocks (before Readability) and go after the article's, through the text rules like the
 * rest.
 */

import { tryCanonicalizeUrl } from '@corpuskit/document';

import { blockElement, insideLink, nextTextBlock, squashedText } from './blocks.js';
import { hiddenOnPage } from './inline-style.js';
import { detectLanguage } from './language.js';
import type { Block } from './blocks.js';
import { longWords } from './lead.js';
import { matchPageBlocks } from './outside-article.js';
import { QUESTION_END } from './rule-patterns.js';
import { stopWords } from './stop-words.js';
import { endsLikeSentence, squash, wordsFoundIn } from './text-util.js';

/** The words for "frequently asked questions" (or "FAQ") in the languages of the pages cleaned. */
const FAQ_WORDS =
  'faqs?|f\\.a\\.q\\.?s?|(?:frequently|commonly) asked questions?|common questions|questions and answers|q ?& ?a|häufige fragen|häufig gestellte fragen|fragen und antworten|questions fréquentes|foire aux questions|questions-réponses|preguntas frecuentes|preguntas y respuestas|domande frequenti|veelgestelde vragen|veel gestelde vragen|perguntas frequentes|często zadawane pytania|vanliga frågor|ofte stillede spørgsmål|ofte stilte spørsmål|usein kysytyt kysymykset';
/**
 * A heading of a questions section: those words first in the heading, which may name the subject
 * after them ("Frequently asked questions about heat pumps"), or last, after the subject ("Heat
 * pump FAQs", "Ferry timetable: FAQ"; `FAQ_LAST` takes the part before them). Not after a list of
 * other things (`LIST_BEFORE`: "Maps, prices, opening hours and FAQs", "Shop – Delivery – FAQ": a
 * menu's heading) nor in a sentence.
 */
const FAQ_FIRST = new RegExp(`^(?:${FAQ_WORDS})\\b`, 'iu');
const FAQ_LAST = new RegExp(`^([^.!?]*[\\p{L}\\p{N}])[\\s:–—-]+(?:${FAQ_WORDS})\\s*:?$`, 'iu');
/**
 * The part before the questions words is a list: it holds a list's separator (a comma, "&", ";",
 * "|", a bullet, a spaced dash) or ends in a word for "and" / "or" (the questions are its last item).
 * "Heat pump and boiler FAQs" names one subject.
 */
const LIST_BEFORE = /[,&;|•·]|\s[–—-]\s|\s(?:and|or|plus|und|oder|et|ou|y|o|e|en|of|och|eller|og|i|oraz|lub)$/iu;
const namesQuestions = (text: string): boolean => {
  if (FAQ_FIRST.test(text)) return true;
  const before = FAQ_LAST.exec(text)?.[1];
  return before !== undefined && !LIST_BEFORE.test(before);
};
/** A questions heading is a title, not a sentence. */
const HEADING_MAX_CHARS = 80;
/** A question: a short block that ends with a question mark (any script's). */
const QUESTION_MAX_CHARS = 250;
/** The section starts at most this many page blocks after the article's last block … */
const MAX_GAP_BLOCKS = 4;
/** … holding at most this many characters (a subscribe button, a "Learn more" heading). */
const MAX_GAP_CHARS = 200;
/** A section has at least this many questions, each answered. */
const MIN_ANSWERED = 2;
/** An answer's first block has at least this many characters. */
const ANSWER_MIN_CHARS = 40;
/** A block of an answer has at most this share of its text in links (a link list ends the section). */
const ANSWER_MAX_LINK_DENSITY = 0.5;
/**
 * The section taken is at most this share of the article's characters: a longer one is cut after
 * the last answer that fits (`withinShare`).
 */
const MAX_SHARE = 1;
/**
 * At least this share of the section's longer words (everyday words left out) are the title's
 * or the article's.
 */
const MIN_SHARED_WORDS = 0.4;

const isQuestion = (block: Block): boolean => {
  const text = squashedText(block);
  return text.length <= QUESTION_MAX_CHARS && QUESTION_END.test(text) && block.kind !== 'row';
};

const isFaqHeading = (block: Block): boolean => {
  const text = squashedText(block);
  return block.kind === 'heading' && text.length <= HEADING_MAX_CHARS && namesQuestions(text);
};

/** True when the block's first node is inside `box` (a block with text has nodes). */
const holdsBlock = (box: Element, block: Block): boolean => !!block.nodes[0] && box.contains(block.nodes[0]);

/**
 * Before Readability (which cuts the page the blocks point into): the page's questions
 * headings that are shown, each (by its index among the page blocks) with where its box ends:
 * the index of the first block after it that stands outside the smallest element holding the
 * heading and the block after it. A questions section is what its box holds; the next box (a
 * call to action, a sign-up line, an appeal) is not one of its answers.
 */
export function faqSections(pageBlocks: Block[]): Map<number, number> {
  const out = new Map<number, number>();
  // The end of each box, once: the headings of one box (a flat list of "Q&A" headings) share it.
  const ends = new Map<Element, number>();
  for (let at = 0; at < pageBlocks.length; at++) {
    if (!isFaqHeading(pageBlocks[at]!)) continue;
    const element = blockElement(pageBlocks[at]!);
    if (!element || hiddenOnPage(element)) continue;
    const next = nextTextBlock(pageBlocks, at);
    const first = pageBlocks[next]?.nodes[0];
    if (!first) continue;
    let box = element.parentElement;
    while (box && !box.contains(first)) box = box.parentElement;
    if (!box) continue;
    const known = ends.get(box);
    if (known !== undefined && known > next) {
      out.set(at, known);
      continue;
    }
    let end = next;
    while (end < pageBlocks.length && (squashedText(pageBlocks[end]!) === '' || holdsBlock(box, pageBlocks[end]!)))
      end++;
    ends.set(box, end);
    out.set(at, end);
  }
  return out;
}

/**
 * True when a questions section (its blocks under the heading) is about what the article is
 * about, not a shop's or a subscription's questions in a box after it: its questions (its
 * answers when the questions are buttons) name a longer word of the `title`, and at least
 * `MIN_SHARED_WORDS` of the section's longer words are the title's or the article's. The
 * heading is left out of both: "frequently asked questions" is the heading of every such
 * section, whatever it is about. Everyday words of the article's language ("their", "first",
 * "years": stop-words.ts) do not count in the share (a title's own words all count: the list
 * holds some a title may be about, "world", "research"): after a long story, a subscription's questions
 * share a fifth to a third of their words with it by chance ("people", "access", a title's
 * "student" in "Do you offer student discounts?"), questions about the story most of theirs.
 */
function aboutArticle(section: Block[], subject: SubjectOf, title: string | null): boolean {
  if (!title) return false;
  const questions = section.filter(isQuestion);
  const asked = (questions.length > 0 ? questions : section).map((block) => block.text).join('\n');
  if (wordsFoundIn(longWords(asked), longWords(title)) === 0) return false;
  // The language (for its everyday words) only once the questions name a word of the title.
  return sharesSubject(section, subject());
}

interface Subject {
  /** The everyday words of the article's language. */
  everyday: ReadonlySet<string>;
  /** The longer words of the title and the article, everyday words left out. */
  words: ReadonlySet<string>;
}

/** The article's subject, worked out (language detection included) on the first call only. */
type SubjectOf = () => Subject;

/** `SubjectOf` the article's blocks and `title`, for the steps of one questions section to share. */
function subjectOf(articleBlocks: Block[], title: string | null): SubjectOf {
  let subject: Subject | undefined;
  return () => {
    if (subject) return subject;
    const subjectText = [title ?? '', ...articleBlocks.map((block) => block.text)].join('\n');
    const everyday = stopWords(detectLanguage(subjectText));
    return (subject = { everyday, words: longWords(subjectText, everyday) });
  };
}

/** True when at least `MIN_SHARED_WORDS` of the blocks' longer words (everyday words left out) are the subject's. */
function sharesSubject(blocks: Block[], subject: Subject): boolean {
  const own = longWords(blocks.map((block) => block.text).join('\n'), subject.everyday);
  return wordsFoundIn(own, subject.words) >= MIN_SHARED_WORDS * own.size;
}

/**
 * True when the heading at `at` opens a category of the questions section under a heading of
 * `level` (h2 "FAQ" / h3 "Opening hours" / h4 question / answer …): a heading below `level` that
 * asks nothing and whose next block is a question (one level below it when written as a
 * heading). The first category comes before any question (`question` < 0: questions already
 * asked without one are a flat list, and a heading after them ends it); the next ones are of the
 * first one's level (`category`) and come after the last question was answered (`end`).
 */
function opensCategory(
  blocks: Block[],
  at: number,
  stop: number,
  sectionLevel: number,
  state: { category: number; question: number; end: number },
  page: PageAddresses,
): boolean {
  const block = blocks[at]!;
  if (block.kind !== 'heading' || block.level <= sectionLevel) return false;
  if (state.category < 0 ? state.question >= 0 : block.level !== state.category || state.end < state.question)
    return false;
  const next = nextTextBlock(blocks, at);
  if (next >= stop || !isQuestion(blocks[next]!) || linksElsewhere(blocks[next]!, page)) return false;
  return blocks[next]!.kind !== 'heading' || blocks[next]!.level === block.level + 1;
}

/**
 * The page's own addresses: where it was fetched from and its canonical URL (either may be
 * missing), as `sameAddress` compares them, and the first of them to resolve links against.
 */
export interface PageAddresses {
  base: string | null;
  keys: ReadonlySet<string>;
}

/**
 * A URL as the same page's links may write it: canonical (@corpuskit/document: no fragment, no
 * tracking parameters, no trailing slash, host lower-cased), without its scheme or a leading
 * `www.`; null for what is not an http(s) URL.
 */
function sameAddress(url: string): string | null {
  return tryCanonicalizeUrl(url)?.replace(/^https?:\/\/(?:www\.)?/i, '') ?? null;
}

/** `PageAddresses` of the page's `urls` (those that are http(s) URLs). */
export function pageAddresses(...urls: (string | null | undefined)[]): PageAddresses {
  const keys = new Set<string>();
  let base: string | null = null;
  for (const url of urls) {
    const key = url ? sameAddress(url) : null;
    if (key === null) continue;
    base ??= url!;
    keys.add(key);
  }
  return { base, keys };
}

/**
 * True when the block's text is mostly a link to another page: a question written so is the
 * headline of a teaser ("More on this story" / "Will the pool open on time?"), not a question
 * the section answers.
 */
function linksElsewhere(block: Block, page: PageAddresses): boolean {
  if (block.linkChars <= squashedText(block).length * ANSWER_MAX_LINK_DENSITY) return false;
  const element = blockElement(block);
  if (!element) return false;
  return Array.from(element.querySelectorAll('a[href]')).some((link) =>
    toAnotherPage(link.getAttribute('href') ?? '', page),
  );
}

/**
 * True when `href` leads to a web page other than this one (`page`). A link to a place on the
 * page is none: a fragment (an accordion's toggle, `#q1`), or the page's own URL with or without
 * one (a question's permalink, `/a/b#q1`, whether or not the saved page holds the element it
 * names; compared as `sameAddress`: `?utm_source=…`, a trailing slash, `http:` or `www.` aside);
 * nor is a script's or a mail link. Without the page's URL, every web link but a fragment leads
 * elsewhere.
 */
function toAnotherPage(href: string, page: PageAddresses): boolean {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return false;
  let target: URL;
  try {
    target = new URL(trimmed, page.base ?? 'https://example.invalid/');
  } catch {
    // An address that does not parse leads nowhere on this page.
    return true;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  const key = sameAddress(target.href);
  return key === null || !page.keys.has(key);
}

/**
 * Where the questions section under the heading at `heading` ends (`end`): the index of its last
 * answer's last block, scanning `blocks` up to `stop` (its box's end), when at least
 * `MIN_ANSWERED` of its questions are answered (a question block followed by a block of
 * `ANSWER_MIN_CHARS`) or as many prose paragraphs stand under it (questions drawn as buttons);
 * -1 otherwise or when `refuse` refuses one of its blocks. Headings that group the questions by
 * category (`opensCategory`) are part of it; `categories` gives their indices. The section ends at a heading of the
 * heading's level or above, a heading of its questions' level that asks nothing (questions written
 * as headings), a question that is a link to another page after questions that are not
 * (`linksElsewhere`: a teaser's headline; its summary is no answer), a question left unanswered,
 * a block mostly of links, or a block inside a link (blocks.ts `insideLink`). When its first
 * question links to another page, so may the others: a FAQ whose every question links to a page
 * of its own (`page` is this one) and is answered here too.
 */
function sectionEnd(
  blocks: Block[],
  heading: number,
  stop: number,
  refuse: (at: number) => boolean,
  page: PageAddresses,
): { end: number; categories: number[] } {
  const level = blocks[heading]!.level;
  let answered = 0;
  let unasked = 0;
  let end = -1;
  let question = -1;
  // The level of the headings that group its questions by category, once one has opened a group.
  let category = -1;
  const categories: number[] = [];
  // Whether the section's first question links to another page.
  let firstLinked: boolean | undefined;
  for (let at = heading + 1; at < stop; at++) {
    const block = blocks[at]!;
    const text = squashedText(block);
    if (text === '') continue;
    if (refuse(at)) return NO_SECTION;
    // A block inside a link to another page (a teaser card: one <a> around a question and its
    // summary) leads elsewhere: no question or answer of the section.
    if (insideLink(block)) break;
    const links = block.linkChars > text.length * ANSWER_MAX_LINK_DENSITY;
    if (isQuestion(block)) {
      // Two questions in a row: the first was not answered (the section is the questions only,
      // or it ended at a call to action asked as a question).
      if (question >= 0 && end < question) break;
      // A question that is a link to another page, after questions that are not, is a teaser's
      // headline: the section ends before it.
      const linked = linksElsewhere(block, page);
      if (firstLinked === undefined) firstLinked = linked;
      else if (linked && !firstLinked) break;
      question = at;
      continue;
    }
    if (opensCategory(blocks, at, stop, level, { category, question, end }, page)) {
      category = block.level;
      categories.push(at);
      continue;
    }
    if (block.kind === 'heading' && (block.level <= level || question < 0)) break;
    // Questions written as headings: a heading of their level that asks nothing starts the next
    // part of the box (a newsletter's sign-up, a call to action), not an answer.
    // (A heading reaches here only after a question.)
    if (block.kind === 'heading' && blocks[question]!.kind === 'heading' && block.level <= blocks[question]!.level)
      break;
    if (links) break;
    if (question < 0) {
      // Answers whose questions are not text of the page's blocks (drawn as buttons): prose
      // paragraphs right under the heading.
      if (text.length < ANSWER_MIN_CHARS || !endsLikeSentence(text)) break;
      unasked++;
      end = at;
      continue;
    }
    if (end < question) {
      // The question's answer starts here.
      if (text.length < ANSWER_MIN_CHARS) break;
      answered++;
    }
    end = at;
  }
  return answered < MIN_ANSWERED && unasked < MIN_ANSWERED ? NO_SECTION : { end, categories };
}

const NO_SECTION: { end: number; categories: number[] } = { end: -1, categories: [] };

/**
 * The end of the section `found` under the heading at `heading` once its categories that are
 * not about the article are left out. A category after the first whose own longer words are less
 * than `MIN_SHARED_WORDS` the title's or the article's ends the section when it asks a single
 * question (a newsletter's "Want more local news?" drawn as a category of the box), or when,
 * taken with the rest of the section that is about the article (the first category, the
 * categories that pass on their own words, those let in before it), it leaves that short of the
 * share. A category of several questions is thus judged with the section, as the first is and
 * as a flat list is, wherever it stands: the practical part of a FAQ ("Getting there": parking,
 * buses) speaks of what the story does not. -1 when fewer than `MIN_ANSWERED` questions stand
 * before the end.
 */
function endOnTopic(
  blocks: Block[],
  heading: number,
  found: { end: number; categories: number[] },
  subject: SubjectOf,
  title: string | null,
): number {
  const { end, categories } = found;
  if (end < 0 || categories.length < 2 || !title) return end;
  const groups = categories.map((from, i) =>
    blocks.slice(from, i + 1 < categories.length ? categories[i + 1] : end + 1),
  );
  const own = groups.map((group, i) => i === 0 || sharesSubject(group, subject()));
  const judged = groups.filter((_, i) => own[i]).flat();
  for (let i = 1; i < groups.length; i++) {
    const group = groups[i]!;
    if (own[i]) continue;
    const several = group.filter(isQuestion).length >= MIN_ANSWERED;
    if (several && sharesSubject([...judged, ...group], subject())) {
      judged.push(...group);
      continue;
    }
    const asked = blocks.slice(heading + 1, categories[i]).filter(isQuestion).length;
    return asked < MIN_ANSWERED ? -1 : categories[i]! - 1;
  }
  return end;
}

/**
 * The end of the section under the heading at `heading` that ends at `end`, cut so that it holds
 * at most `MAX_SHARE` of the article's characters: `end` when it fits, else the last block of the
 * last answer (or answer paragraph, when the questions are buttons) before which it still fits,
 * so that a FAQ longer than a short story keeps its first questions and answers instead of
 * none. -1 when fewer than `MIN_ANSWERED` questions (or paragraphs) fit, or for no section.
 */
function withinShare(blocks: Block[], heading: number, end: number, articleBlocks: Block[]): number {
  if (end < 0) return end;
  const limit = MAX_SHARE * articleBlocks.reduce((sum, block) => sum + squashedText(block).length, 0);
  let chars = squashedText(blocks[heading]!).length;
  let fits = -1;
  let questions = 0;
  let paragraphs = 0;
  let last = -1;
  for (let at = heading + 1; at <= end; at++) {
    const block = blocks[at]!;
    const text = squashedText(block);
    if (text === '') continue;
    // A question (or a heading: a category's) starts after the last answer's last block.
    const opens = isQuestion(block) || block.kind === 'heading';
    if (opens && last >= 0 && (questions > 0 ? questions : paragraphs) >= MIN_ANSWERED) fits = last;
    chars += text.length;
    if (chars > limit) return fits;
    if (isQuestion(block)) questions++;
    else if (block.kind !== 'heading') {
      // Before any question, each paragraph is an answer of its own.
      if (questions === 0 && ++paragraphs >= MIN_ANSWERED) fits = at;
      last = at;
      continue;
    }
    last = -1;
  }
  return end;
}

/**
 * True when a questions section (its heading first, cut to `withinShare`) is the article's:
 * answered in prose (not a table of figures asked as questions), and about the article
 * (`aboutArticle`).
 */
function isArticleSection(section: Block[], subject: SubjectOf, title: string | null): boolean {
  if (!section.some((block) => block.kind !== 'heading' && !isQuestion(block) && endsLikeSentence(squashedText(block))))
    return false;
  return aboutArticle(section.slice(1), subject, title);
}

/**
 * The article's own questions section among `tail`, blocks the article holds after its body
 * (the prose's element, text-procedures.ts `after-prose`): the range [from, to] of a section
 * under a questions heading that is about the article (`articleBlocks`, its `title`), as one
 * written outside the article is taken (`faqBlocks`; `page`: the page's addresses); null when
 * there is none.
 */
export function questionsInTail(
  tail: Block[],
  articleBlocks: Block[],
  title: string | null,
  page: PageAddresses,
): { from: number; to: number } | null {
  const heading = tail.findIndex(isFaqHeading);
  if (heading < 0) return null;
  const subject = subjectOf(articleBlocks, title);
  const end = withinShare(
    tail,
    heading,
    endOnTopic(
      tail,
      heading,
      sectionEnd(tail, heading, tail.length, () => false, page),
      subject,
      title,
    ),
    articleBlocks,
  );
  if (end < 0) return null;
  return isArticleSection(tail.slice(heading, end + 1), subject, title) ? { from: heading, to: end } : null;
}

/**
 * The questions section after the article: page blocks (taken before Readability) from a
 * questions heading that stands at most `MAX_GAP_BLOCKS` blocks after the article's last block
 * to its last answer, when at least `MIN_ANSWERED` of its questions are answered (a question
 * block followed by a block of `ANSWER_MIN_CHARS`). The section ends where its box ends
 * (`sections`, from `faqSections`: a heading the page hides has none), at a heading of the
 * heading's level or above, a heading of its questions' level that asks nothing (questions written
 * as headings), a question that is a link to another page than this one (`page`) after questions
 * that are not, a question left unanswered, or a block mostly of links. None when
 * the article holds any of it, a rule removed it from the article, or it is not about what the
 * article and its `title` are about (`aboutArticle`). Copies without nodes, for the end of the
 * article's blocks.
 */
export function faqBlocks(
  pageBlocks: Block[],
  articleBlocks: Block[],
  removedTexts: string[],
  title: string | null,
  sections: ReadonlyMap<number, number>,
  page: PageAddresses,
): Block[] {
  const matched = matchPageBlocks(pageBlocks, articleBlocks);
  let last = -1;
  matched.forEach((index, at) => {
    if (index !== undefined) last = at;
  });
  if (last < 0) return [];
  let heading = -1;
  let gapChars = 0;
  for (let at = last + 1; at < pageBlocks.length && at <= last + 1 + MAX_GAP_BLOCKS; at++) {
    const block = pageBlocks[at]!;
    if (isFaqHeading(block)) {
      heading = at;
      break;
    }
    gapChars += squashedText(block).length;
    if (gapChars > MAX_GAP_CHARS) return [];
  }
  const boxEnd = sections.get(heading);
  if (heading < 0 || boxEnd === undefined) return [];
  const removed = new Set(removedTexts.map(squash));
  const found = sectionEnd(
    pageBlocks,
    heading,
    boxEnd,
    (at) => {
      const text = squashedText(pageBlocks[at]!);
      return matched[at] !== undefined || removed.has(text);
    },
    page,
  );
  const subject = subjectOf(articleBlocks, title);
  const end = withinShare(pageBlocks, heading, endOnTopic(pageBlocks, heading, found, subject, title), articleBlocks);
  if (end < 0) return [];
  const section = pageBlocks.slice(heading, end + 1).filter((block) => squashedText(block) !== '');
  if (!isArticleSection(section, subject, title)) return [];
  return section.map((block) => ({
    text: block.text,
    kind: block.kind,
    level: block.level,
    linkChars: block.linkChars,
    nodes: [],
  }));
}
