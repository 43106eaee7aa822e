/**
 * Removing an element for a DOM rule: the safeguards (per-site keep selectors, the main
 * content), the record of what went, and a marker comment where it was, so its removal can be
 * placed among the blocks.
 */

import { MARKER_PREFIX, extractBlocks } from './blocks.js';
import { cssPath } from './css-path.js';
import type { Deadline } from './options.js';
import { ruleById } from './rules.js';
import type { PageType, RuleDefinition, RuleId, RuleStage } from './rules.js';
import { closest, matches, selectAll } from './selector-match.js';
import type { ResolvedSiteRules } from './site-rules.js';
import { squash } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** A removal found on the DOM; its element was replaced by a marker comment `ck-removed:<index>`. */
export interface PendingRemoval {
  rule: string;
  category: string;
  reason: string;
  text: string;
  stage: RuleStage;
  /** A short CSS path of the removed element (see `cssPath`). */
  selector: string;
  /** The per-site rule's id, for removals by a rule of the corpus's own rules. */
  siteRule?: string;
  /** Filled when the marker is met during block extraction: blocks emitted before it. */
  blockIndex?: number;
}

export interface DomRuleContext {
  document: Document;
  stage: 'dom-before' | 'dom-after';
  captions: 'keep' | 'drop';
  disabled: ReadonlySet<string>;
  site: ResolvedSiteRules | null;
  removals: PendingRemoval[];
  /** Reasons for a `suspect` status (a rule that would have removed the article). */
  suspicions: string[];
  /** Text length of the page body (of the article element after Readability), for the recall safeguard. */
  bodyChars: number;
  /** The page's type when known: rules limited to other types are skipped. */
  pageType?: PageType | null;
  /** Rules that run whatever the page type (widen.ts `AROUND_RULES` on a widened service page). */
  alsoRules?: ReadonlySet<string>;
  /** The page is a cookie or privacy policy (see isPolicyPage), read before any rule ran. */
  policyPage?: boolean;
  /** The page's URL when known (rules that ask whether a link stays on the site). */
  pageUrl?: string | null;
  /** The time limit of the `clean` call, checked inside the rules' loops (see `checkDeadline`). */
  deadline?: Deadline;
}

/**
 * Stop with `clean.timeout` when the call's time is up. The rules' loops run over every element,
 * link or match of the page: on a large page one of them can outlast the whole limit, so they
 * check it as they go, not only when the stage ends.
 */
export function checkDeadline(context: DomRuleContext): void {
  context.deadline?.check(context.stage === 'dom-before' ? 'DOM rules' : 'DOM rules after Readability');
}

const MAIN_CONTENT =
  'h1, [itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .story-body';

export function textOf(element: Element): string {
  return squash(element.textContent ?? '');
}

/** Removed text with block boundaries kept as spaces ("Share this: Facebook X", not "Share this:FacebookX"). */
function blockTextOf(element: Element): string {
  return extractBlocks(withTemplateContent(element), [])
    .map((block) => block.text.replace(/\n/g, ' '))
    .join(' ');
}

/**
 * A removed template as both engines read it: linkedom keeps a template's markup among its
 * children, jsdom in its `content` fragment, where a walk of the children finds nothing. On
 * jsdom a copy with that content as its children is read, so the removal reports the same text.
 */
function withTemplateContent(element: Element): Element {
  const content = (element as Partial<HTMLTemplateElement>).content;
  if (lowerCase(element.localName) !== 'template' || element.firstChild || !content?.firstChild) return element;
  const copy = element.cloneNode(false) as Element;
  copy.appendChild(content.cloneNode(true));
  return copy;
}

/** Remove `element`, leaving a marker comment so the removal can be placed among the kept blocks. */
export function removeElement(
  context: DomRuleContext,
  element: Element,
  ruleId: RuleId,
  reason: string,
  siteRule?: string,
): void {
  const rule = ruleById(ruleId);
  const text = blockTextOf(element);
  const parent = element.parentNode;
  if (!parent) return;
  if (text !== '') {
    const index = context.removals.length;
    context.removals.push({
      rule: rule.id,
      category: rule.category,
      reason,
      text,
      stage: context.stage,
      selector: cssPath(element),
      ...(siteRule === undefined ? {} : { siteRule }),
    });
    parent.insertBefore(context.document.createComment(`${MARKER_PREFIX}${index}`), element);
  }
  // Markers of removals made inside the element stay where it stood, so those are placed too.
  for (const marker of markersIn(element)) parent.insertBefore(marker, element);
  parent.removeChild(element);
}

/** The removal markers under `element`, in document order. */
function markersIn(element: Element): Node[] {
  const markers: Node[] = [];
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 8 && (node.nodeValue ?? '').startsWith(MARKER_PREFIX)) markers.push(node);
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return markers;
}

/**
 * The attribute that marks the elements a per-site `keep` selector protects, and every element
 * inside them. Readability moves the article into a tree of its own and reshapes it (a `div`
 * holding one paragraph becomes the paragraph): the mark goes with the elements, so the DOM
 * rules after it and the text rules still know what the page's keep rules protect.
 */
export const KEEP_MARK = 'data-corpuskit-keep';

/**
 * Take off the rules' marks (`KEEP_MARK` and the other `marks`) that a freshly parsed page carries
 * itself, one saved from a cleaned DOM: only the rules mark. `elements`: every element of the page.
 */
export function unmarkPage(elements: Iterable<Element>, marks: readonly string[]): void {
  for (const element of elements) {
    if (!element.hasAttributes()) continue;
    if (element.hasAttribute(KEEP_MARK)) element.removeAttribute(KEEP_MARK);
    for (const mark of marks) if (element.hasAttribute(mark)) element.removeAttribute(mark);
  }
}

/** Mark what the site's keep selectors protect under `root` (see `KEEP_MARK`). */
export function markKept(site: ResolvedSiteRules | null, root: ParentNode): void {
  if (!site || site.keep.length === 0) return;
  for (const { selector } of site.keep) {
    for (const element of selectAll(root, selector)) {
      element.setAttribute(KEEP_MARK, '');
      for (const inner of selectAll(element, '*')) inner.setAttribute(KEEP_MARK, '');
    }
  }
}

/**
 * True when a per-site `keep` rule protects the element: a selector matching it, an ancestor or
 * a descendant (or the mark `markKept` left on it), or a text pattern matching its text (or one
 * of its blocks).
 */
export function isKept(context: DomRuleContext, element: Element): boolean {
  const site = context.site;
  if (!site) return false;
  const marked = `[${KEEP_MARK}]`;
  if (site.keep.length > 0 && (element.hasAttribute(KEEP_MARK) || element.querySelector(marked))) return true;
  for (const { selector } of site.keep) {
    if (matches(element, selector) || closest(element, selector) || element.querySelector(selector)) return true;
  }
  if (site.keepText.length > 0) {
    const blocks = extractBlocks(element, []).map((block) => squash(block.text));
    const texts = [blocks.join(' '), ...blocks];
    if (site.keepText.some((rule) => texts.some((text) => rule.regex.test(text)))) return true;
  }
  return false;
}

/**
 * Rule families the safeguard does not size before Readability: their elements may outweigh the
 * content (a drop-down of five hundred languages folded above a page of twenty short cards)…
 */
const UNSIZED_BEFORE = ['comments/', 'cookie-consent/', 'boilerplate/folded-menu'] as const;
/**
 * … as long as the page keeps at least this much text without them, or the element is or holds
 * a dialog (a consent manager's panel); else it may well hold the page.
 */
const MIN_CHARS_LEFT = 500;
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** True when a rule family not sized before Readability may take this element, however large. */
function unsizedBefore(context: DomRuleContext, element: Element, ruleId: RuleId, chars: number): boolean {
  if (!UNSIZED_BEFORE.some((prefix) => ruleId.startsWith(prefix))) return false;
  if (context.bodyChars - chars >= MIN_CHARS_LEFT) return true;
  return matches(element, DIALOG) || element.querySelector(DIALOG) !== null;
}

/**
 * The recall safeguard: an element that holds the page's main content (its h1, an
 * articleBody, or more than half of the body text) is not removed by a widget rule; the
 * document is flagged instead.
 */
export function guarded(context: DomRuleContext, element: Element, ruleId: RuleId, root: ParentNode): boolean {
  const tag = lowerCase(element.localName);
  if (tag === 'body' || tag === 'html' || tag === 'main' || element === root) return true;
  const holdsMain = context.stage === 'dom-before' && element.querySelector(MAIN_CONTENT) !== null;
  const chars = textOf(element).length;
  // Before Readability a comment thread may well be half the page, and so may a consent manager's
  // settings panel on a page of short cards (its purposes and vendors run to thousands of
  // characters); inside the article neither may, nor before it one that leaves the page nearly empty.
  const tooLarge =
    context.stage === 'dom-after'
      ? chars > 200 && chars > context.bodyChars * 0.5
      : chars > 1500 && chars > context.bodyChars * 0.5 && !unsizedBefore(context, element, ruleId, chars);
  if (holdsMain || tooLarge) {
    const message = `rule ${ruleId} matched an element holding ${holdsMain ? 'the main content' : `${chars} of ${context.bodyChars} characters of the page text`}; kept`;
    if (!context.suspicions.includes(message)) context.suspicions.push(message);
    return true;
  }
  return false;
}

/**
 * True when the rule runs here: not disabled (by category or id), meant for this stage and page
 * type (or one of `also`, which run whatever the type).
 */
export function ruleApplies(
  rule: RuleDefinition,
  disabled: ReadonlySet<string>,
  stage: RuleStage,
  pageType: PageType | null | undefined,
  also?: ReadonlySet<string>,
): boolean {
  if (disabled.has(rule.category) || disabled.has(rule.id)) return false;
  if (!rule.stages.includes(stage)) return false;
  return !pageType || !rule.pageTypes || rule.pageTypes.includes(pageType) || also?.has(rule.id) === true;
}

export function isAttached(element: Element, root: ParentNode): boolean {
  let node: Node | null = element;
  while (node) {
    if (node === root) return true;
    node = node.parentNode;
  }
  return false;
}
