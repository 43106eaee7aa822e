/**
 * The DOM procedures: DOM rules whose matching needs code. Their data (patterns, reasons) is in
 * the rule definitions.
 */

import { checkDeadline, guarded, isAttached, isKept, removeElement, textOf } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import type { DomMatcher, RuleId } from './rules.js';
import { compileGroups, elementsByTag, insideGroup, linksUnder, matchGroups, selectAll } from './selector-match.js';
import type { CompiledGroups, ListedElements } from './selector-match.js';
import { HEADING_TAGS } from './features/headings.js';
import { lowerCase } from './lower-case.js';

/** The largest ancestor of `element` whose text stays within `maxChars` (the widget around a few links). */
function smallContainer(
  element: Element,
  maxChars: number,
  root: ParentNode,
  stop: (parent: Element) => boolean = () => false,
): Element {
  let current = element;
  while (current.parentElement && current.parentElement !== root) {
    const parent = current.parentElement;
    const tag = lowerCase(parent.localName);
    if (tag === 'body' || tag === 'article' || tag === 'main') break;
    if (textOf(parent).length > maxChars || stop(parent)) break;
    current = parent;
  }
  return current;
}

const FORM: ReadonlySet<string> = new Set(['form']);
const FIELDS: ReadonlySet<string> = new Set(['input', 'textarea', 'select']);

/** `link-block`: a small block whose links mostly point where the rule's `href` pattern says (share endpoints, app stores). */
export function linkBlocks(
  context: DomRuleContext,
  root: ParentNode,
  ruleId: RuleId,
  dom: Extract<DomMatcher, { kind: 'procedure' }>,
  allLinks: Element[] = linksUnder(root),
): void {
  const pattern = dom.patterns?.href;
  if (!pattern) throw new Error(`rule ${ruleId}: the link-block procedure needs an href pattern`);
  const links = allLinks.filter((link) => pattern.test(link.getAttribute('href') ?? ''));
  const done = new Set<Element>();
  for (const link of links) {
    checkDeadline(context);
    if (!isAttached(link, root)) continue;
    const container = smallContainer(link, 200, root);
    if (done.has(container)) continue;
    const inside = linksUnder(container);
    const matching = inside.filter((a) => pattern.test(a.getAttribute('href') ?? '')).length;
    if (matching === 0 || matching / inside.length < 0.5) continue;
    if (matching < 2 && textOf(container).length > 40) continue;
    if (isKept(context, container) || guarded(context, container, ruleId, root)) continue;
    done.add(container);
    removeElement(context, container, ruleId, `${dom.reason}: ${matching} of ${inside.length} links`);
  }
}

/** A question's answer is an element of at least this many characters. */
const ANSWER_MIN_CHARS = 40;

/**
 * The headings under `parent` that ask a question (their text ends in a question mark, any
 * script's) answered by the element after them: 40 characters or more of text and no form field
 * (a quiz's or a calculator's steps ask questions too, their answers are fields).
 */
function answeredHeadings(parent: Element): number {
  return elementsByTag(parent, HEADING_TAGS).filter((heading) => {
    const answer = heading.nextElementSibling;
    return (
      /[?？\u037e]\s*$/u.test(textOf(heading)) &&
      !!answer &&
      !HEADING_TAGS.has(lowerCase(answer.localName)) &&
      textOf(answer).length >= ANSWER_MIN_CHARS &&
      elementsByTag(answer, FIELDS).length === 0
    );
  }).length;
}

/** `email-form`: a small form whose only text fields ask for an e-mail address. */
export function emailForms(context: DomRuleContext, root: ParentNode, ruleId: RuleId, reason: string): void {
  for (const form of elementsByTag(root, FORM)) {
    checkDeadline(context);
    if (!isAttached(form, root)) continue;
    const fields = elementsByTag(form, FIELDS).filter((field) => {
      const type = (field.getAttribute('type') ?? 'text').toLowerCase();
      return !['hidden', 'submit', 'button', 'checkbox', 'radio', 'image', 'reset'].includes(type);
    });
    if (fields.length === 0 || fields.length > 3) continue;
    const email = fields.filter((field) => {
      const type = (field.getAttribute('type') ?? '').toLowerCase();
      const hint = `${field.getAttribute('name') ?? ''} ${field.getAttribute('id') ?? ''} ${field.getAttribute('placeholder') ?? ''}`;
      return type === 'email' || /e-?mail/i.test(hint);
    });
    if (email.length === 0) continue;
    if (fields.some((field) => lowerCase(field.localName) === 'textarea' || field.getAttribute('type') === 'password'))
      continue;
    // A parent with two questions asked by headings and answered in text is a questions section
    // the sign-up box is part of (its box ends in a newsletter's sign-up), not the sign-up box.
    const container = smallContainer(form, 400, root, (parent) => answeredHeadings(parent) >= 2);
    if (textOf(container).length > 600) continue;
    if (isKept(context, container) || guarded(context, container, ruleId, root)) continue;
    removeElement(context, container, ruleId, reason);
  }
}

/** Elements a rating widget draws its stars or points with. */
const RATING_CONTROLS: ReadonlySet<string> = new Set(['img', 'svg', 'input', 'button', 'a', 'span', 'i', 'label']);
/**
 * Attributes that name a control's value. A rating control's value starts with its number
 * (`value="2"`, `alt="2 stars"`, `title="2 Sterne"`); "Step 2", "Photo 2 of 3" or "Part 2" name
 * pictures and links of the article, not points of a scale.
 */
const RATING_ATTRIBUTES = ['alt', 'title', 'aria-label', 'value', 'data-value', 'data-rating'];
const LEADING_NUMBER = /^\s*(\d+)(?!\d)/;
/** A rating widget has a run of at least this many controls numbered 1, 2, 3… */
const MIN_RATING_RUN = 3;
/** … and, around them, at most this much text (a prompt, the average, the number of votes). */
const MAX_RATING_CHARS = 150;
/** A control draws a point: at most a star or a digit of text of its own, and none between two. */
const MAX_CONTROL_TEXT = 2;

/** The number a control's value attributes start with, or null. */
function controlNumber(control: Element): number | null {
  for (const name of RATING_ATTRIBUTES) {
    const match = LEADING_NUMBER.exec(control.getAttribute(name) ?? '');
    if (match) return Number(match[1]);
  }
  return null;
}

/**
 * True when `parent` has a run of `MIN_RATING_RUN` sibling controls of one tag numbered 1, 2, 3…,
 * each with no more than a star's text and no words between them (line breaks and labels may
 * stand between).
 */
function hasNumberedRun(parent: Element): boolean {
  let tag = '';
  let run = 0;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if ((child.nodeValue ?? '').trim().length > MAX_CONTROL_TEXT) run = 0;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const childTag = lowerCase(element.localName);
    const number =
      RATING_CONTROLS.has(childTag) && (element.textContent ?? '').trim().length <= MAX_CONTROL_TEXT
        ? controlNumber(element)
        : null;
    if (number === null) {
      if (childTag !== 'br' && childTag !== 'label') run = 0;
      continue;
    }
    run = childTag === tag && number === run + 1 ? run + 1 : number === 1 ? 1 : 0;
    tag = childTag;
    if (run >= MIN_RATING_RUN) return true;
  }
  return false;
}

/**
 * `rating-widget`: a small element around a run of controls numbered 1, 2, 3… (the stars of "rate
 * this article", radio buttons of a vote), with the prompt and the average it shows.
 */
export function ratingWidgets(context: DomRuleContext, root: ParentNode, ruleId: RuleId, reason: string): void {
  const parents = new Set<Element>();
  for (const control of elementsByTag(root, RATING_CONTROLS))
    if (control.parentElement && controlNumber(control) === 1) parents.add(control.parentElement);
  for (const parent of parents) {
    checkDeadline(context);
    if (!isAttached(parent, root) || !hasNumberedRun(parent)) continue;
    const container = smallContainer(parent, MAX_RATING_CHARS, root);
    if (textOf(container).length > MAX_RATING_CHARS) continue;
    if (isKept(context, container) || guarded(context, container, ruleId, root)) continue;
    removeElement(context, container, ruleId, reason);
  }
}

/** A class token names a caption when one of its parts (split at `-`, `_` and a lower-to-upper case step) is this. */
const CAPTION_PART = /^(?:fig)?caption$/i;
const CAPTION_TOKEN_PARTS = /[-_]+|(?<=[a-z])(?=[A-Z])/;
/** What a caption describes. */
const PICTURES: ReadonlySet<string> = new Set(['img', 'picture', 'video', 'iframe', 'svg', 'canvas']);
/** A named caption holds at most this many characters … */
const MAX_NAMED_CAPTION_CHARS = 400;
/** … and stands at most this many levels below an element holding the picture it describes. */
const CAPTION_PICTURE_LEVELS = 3;
/** Named captions holding more than this share of the text are the article (a gallery). */
const MAX_NAMED_CAPTION_SHARE = 0.3;
/** A caption numbered as a step: "1.", "2)", "Step 3:", "Schritt 4 –" (a word of up to 12 letters, then the number). */
const NUMBERED = /^\s*(?:\p{L}{1,12}\s*)?\d{1,3}\s*[.:)–—-]/u;
/** This many numbered captions are a sequence of illustrated steps: the body, not picture captions. */
const STEP_SEQUENCE = 3;

/** True when a token of the element's class names a caption (`media__caption`, `photoCaption`; not `captioned`). */
function namesCaption(element: Element): boolean {
  const value = element.getAttribute('class');
  if (!value || !/caption/i.test(value)) return false;
  return value
    .split(/\s+/)
    .some(
      (token) => /caption/i.test(token) && token.split(CAPTION_TOKEN_PARTS).some((part) => CAPTION_PART.test(part)),
    );
}

/**
 * `named-caption`: an element whose class names it a caption, holding no picture and no heading,
 * beside a picture (an element up to three levels above it holds one). The figure rule's
 * selectors know the common caption classes; sites name theirs in their own class scheme
 * (`media__caption`, `article__img__caption`). A wrapper named so (`wp-caption`) holds the
 * picture itself and is left to that rule. When such captions hold more than a third of the
 * text, they are the article (a gallery) and stay; so do captions numbered as steps (three or
 * more: "Step 1: …") and captions in an ordered list: the steps of a how-to are its body.
 */
export function namedCaptions(context: DomRuleContext, root: ParentNode, ruleId: RuleId, reason: string): void {
  if (context.captions !== 'drop') return;
  const withPicture = new Set<Element>();
  const candidates: Element[] = [];
  // One walk: what each element holds (a picture: 1, a heading: 2), the named captions that hold neither.
  const walk = (parent: ParentNode): number => {
    let holds = 0;
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const tag = lowerCase(child.localName);
      if (tag === 'template') continue;
      const below = walk(child);
      const own = below | (PICTURES.has(tag) ? 1 : 0) | (HEADING_TAGS.has(tag) ? 2 : 0);
      if (below & 1) withPicture.add(child);
      if (own === 0 && namesCaption(child)) candidates.push(child);
      holds |= own;
    }
    return holds;
  };
  walk(root);
  const besidePicture = new Set(
    candidates.filter((element) => {
      let level = 0;
      for (let above = element.parentElement; above && level < CAPTION_PICTURE_LEVELS; above = above.parentElement) {
        if (withPicture.has(above)) return true;
        if (above === root) break;
        level += 1;
      }
      return false;
    }),
  );
  // The outermost of nested ones (their subtrees are then apart: each text is read once).
  const captions: Element[] = [];
  let captionChars = 0;
  outer: for (const element of besidePicture) {
    for (let above = element.parentElement; above && above !== root; above = above.parentElement)
      if (besidePicture.has(above)) continue outer;
    const chars = textOf(element).length;
    if (chars > MAX_NAMED_CAPTION_CHARS) continue;
    captions.push(element);
    captionChars += chars;
  }
  if (captionChars === 0 || captionChars > MAX_NAMED_CAPTION_SHARE * context.bodyChars) return;
  if (captions.filter((element) => NUMBERED.test(textOf(element))).length >= STEP_SEQUENCE) return;
  for (const element of captions) {
    if (element.closest('ol')) continue; // an item of an ordered list: a step
    checkDeadline(context);
    if (!isAttached(element, root) || isKept(context, element) || guarded(context, element, ruleId, root)) continue;
    removeElement(context, element, ruleId, reason);
  }
}

/** `site-selectors`: the caller's per-site `remove` selectors. */
export function siteSelectors(context: DomRuleContext, root: ParentNode, ruleId: RuleId): void {
  if (!context.site) return;
  for (const { id, selector } of context.site.remove) {
    for (const element of selectAll(root, selector)) {
      checkDeadline(context);
      if (!isAttached(element, root) || isKept(context, element)) continue;
      removeElement(context, element, ruleId, `per-site rule ${id} for ${context.site.host}: ${selector}`, id);
    }
  }
}

/**
 * Share of the page's prose that sits in the elements `captionSelectors` match. Galleries and
 * slideshows carry their text in captions; there the captions are the article and are kept.
 */
export function captionShare(root: Element, captionSelectors: readonly string[], listed?: ListedElements): number {
  let compiled = compiledCaptions.get(captionSelectors);
  if (!compiled) {
    compiled = compileGroups([captionSelectors]);
    compiledCaptions.set(captionSelectors, compiled);
  }
  const [captions = []] = matchGroups(root, compiled, undefined, listed);
  if (captions.length === 0) return 0;
  let captionChars = 0;
  let paragraphChars = 0;
  if (root.ownerDocument.compatMode === 'BackCompat') {
    // Quirks mode: the engine matched the captions (classes without case); the test of each
    // element goes through insideGroup, as it always has.
    for (const { element } of captions) {
      if (element.parentElement && insideGroup(element.parentElement, compiled, 0)) continue;
      captionChars += textOf(element).length;
    }
    if (captionChars === 0) return 0;
    for (const paragraph of elementsByTag(root, PARAGRAPH)) {
      if (insideGroup(paragraph, compiled, 0)) continue;
      paragraphChars += textOf(paragraph).length;
    }
    return captionChars / (captionChars + paragraphChars);
  }
  // One walk: an element is inside a caption when it or an element above it matched.
  const matched = new Set(captions.map(({ element }) => element));
  const walk = (parent: Element, parentInside: boolean): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const isCaption = matched.has(child);
      const tag = lowerCase(child.localName);
      if (isCaption && !parentInside) captionChars += textOf(child).length;
      else if (!isCaption && !parentInside && tag === 'p') paragraphChars += textOf(child).length;
      if (tag !== 'template') walk(child, parentInside || isCaption);
    }
  };
  walk(root, insideGroup(root, compiled, 0));
  return captionChars === 0 ? 0 : captionChars / (captionChars + paragraphChars);
}

const PARAGRAPH: ReadonlySet<string> = new Set(['p']);
/** Compiled caption selectors, kept for the next page (the rule pack does not change). */
const compiledCaptions = new WeakMap<readonly string[], CompiledGroups>();
