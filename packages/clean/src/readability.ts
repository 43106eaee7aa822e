/**
 * Readability with four of its per-node tests made cheaper, three with their answers unchanged.
 *
 * While it walks the page, Readability (0.6.0, pinned) reads the whole `textContent` of every
 * node it considers as a byline, before the tests that almost always decide (a `rel`, an
 * `itemprop`, the class and id), and of every empty-looking container, only to see whether
 * any of it is not white space: the text of a large container is built and thrown away.
 * Here the byline's text is read only once the other tests pass, and emptiness stops at the
 * first text node with a character that is not white space. Its visibility test read the
 * inline style of every element it visits from the engine's style object (linkedom built one for
 * each, and the engines disagreed on `!important` and on capitals); here the `style` attribute
 * is read, as a browser reads it. Its link density of a container made the container's text and
 * each link's (trimmed, white space collapsed) only to take their lengths; here the lengths are
 * counted along the text nodes.
 */

import { Readability } from '@mozilla/readability';

import { shapeKey } from './features/class-shape.js';
import { isWideSpace } from './features/dom-walk.js';
import { hiddenByInlineStyle } from './inline-style.js';
import { panelTest } from './panels.js';
import type { PanelsKept } from './panels.js';
import { elementsByTag } from './selector-match.js';

/** The parts of Readability's object these overrides read (not in its published types). */
interface ReadabilityInternals {
  REGEXPS: { byline: RegExp; hashUrl: RegExp; unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp };
  ELEMENT_NODE: number;
  _doc: Document;
  _grabArticle(page: Element | null): Element | null;
  _getAllNodesWithTag(node: ParentNode, tagNames: string[]): ArrayLike<Element>;
  _hasSingleTagInsideElement(element: Element, tag: string): boolean;
  _removeAndGetNext(node: Element): Element | null;
  _getNextNode(node: Element, ignoreSelfAndKids?: boolean): Element | null;
  _getClassWeight(element: Element): number;
}

/**
 * The class shape (features/class-shape.ts `shapeKey`) of the `div` a paragraph stood in alone,
 * by the paragraph: Readability makes such a `div` the paragraph (and gives every `div` of one
 * paragraph a second look the same way), so the article it returns no longer shows that the
 * paragraph was one more part of a body drawn in parts of one class (`div.text-block`).
 * Kept by node, not as an attribute the page itself could carry.
 */
const unwrappedShapes = new WeakMap<Element, string>();

/** The class shape of the `div` a paragraph stood in alone before Readability put it in the `div`'s place. */
export function unwrappedShape(element: Element): string | undefined {
  return unwrappedShapes.get(element);
}

/** How `PageReadability` reads a page, beyond Readability's own options. */
export interface PageOptions {
  /**
   * Keep the page for Readability's retry as a copy of its tree, not as its markup (see
   * `_grabArticle`). On linkedom a copy costs less than the markup; on jsdom about nine times more
   * (`cloneNode` of the 50 readability pages around the median page: 0.95 s against 0.1 s).
   */
  copyPage?: boolean;
  /** List elements by tag with one walk of the tree (see `_getAllNodesWithTag`); linkedom only. */
  walkTags?: boolean;
  /**
   * An element hidden by its `hidden` or `aria-hidden` attribute that is a tab or accordion panel
   * (see panels.ts) is visible: a page whose panels are its text.
   */
  keepPanels?: PanelsKept | null;
  /**
   * On a cookie or privacy policy: the test of the policy's own parts named for its subject (see
   * consent.ts `policyPartTest`), made for the page as it stands. Readability reads a class or id
   * holding `gdpr` as a consent banner — unlikely content, weighed down — and drops the section of
   * the policy so named; such a part is kept and weighed by its text (see `_removeAndGetNext`,
   * `_getClassWeight`).
   */
  policyParts?: (document: Document) => ((element: Element) => boolean) | null;
}

/** The page `_grabArticle` searches: its `innerHTML` as its prototype has it, and what the search did with it. */
interface PageMarkup {
  accessor: PropertyDescriptor;
  copyPage: boolean;
  /** Readability's one read of the page's markup (its retry cache) has been answered with a copy. */
  copied: boolean;
  setBack: () => void;
}

const pageMarkups = new WeakMap<Element, PageMarkup>();

/**
 * The `innerHTML` that `_grabArticle` gives the page it searches, for as long as the search runs:
 * the same two functions for every page, their state kept by the page. (An object given an
 * accessor property of new functions each time is turned into a slow dictionary object by V8 from
 * the second time on, and stays one after the property is deleted; with the same functions every
 * page gets the same hidden class and returns to its own when the property is deleted.)
 */
const PAGE_INNER_HTML: PropertyDescriptor = {
  configurable: true,
  get(this: Element): unknown {
    const state = pageMarkups.get(this)!;
    // The first read is Readability's cache; any other is the page's markup as it is now.
    if (state.copied || !state.copyPage) return state.accessor.get!.call(this) as string;
    state.copied = true;
    return new PageCopy(this.cloneNode(true) as Element);
  },
  set(this: Element, value: unknown) {
    const state = pageMarkups.get(this)!;
    const read = (element: Element) => state.accessor.get!.call(element) as string;
    state.accessor.set!.call(this, value instanceof PageCopy ? value.markup(read) : value);
    state.setBack();
  },
};

/** What `_grabArticle` keeps of the page in place of its markup: a copy of the tree, serialised only when set back. */
class PageCopy {
  private html: string | null = null;
  constructor(private readonly copy: Element) {}
  /** The markup the page had when copied (what its `innerHTML` was then). */
  markup(read: (element: Element) => string): string {
    return (this.html ??= read(this.copy));
  }
}

export class PageReadability extends Readability<Element> {
  /**
   * What each text node read for a link density adds to an inner-text length, by the node: nested
   * candidates and their links read the same text nodes again and again. (Not by the text: V8
   * hashes a string of more than 16,383 characters by its length, so long texts of one length
   * would share a hash and each lookup would compare them all.)
   */
  private readonly textSpans = new WeakMap<Node, TextSpan>();

  private readonly copyPage: boolean;
  private readonly walkTags: boolean;
  private readonly keepPanels: PanelsKept | null;
  private readonly policyParts: PageOptions['policyParts'];

  /** `options` are Readability's own; `page` says how this subclass reads the page (`PageOptions`). */
  constructor(
    document: Document,
    options?: ConstructorParameters<typeof Readability<Element>>[1],
    page: PageOptions = {},
  ) {
    super(document, options);
    this.copyPage = page.copyPage ?? false;
    this.walkTags = page.walkTags ?? false;
    this.keepPanels = page.keepPanels ?? null;
    this.policyParts = page.policyParts;
  }

  /**
   * Readability's elements under `node` with one of the tag names `tagNames`, with `walkTags` by one
   * walk of the tree (`elementsByTag`) instead of the engine's selector matching of the names
   * joined (`querySelectorAll`): on linkedom the same elements in the same order, names compared
   * without case (linkedom's parser gives every element a lower-case name, its selectors match
   * any case). Not on jsdom, where an upper-case name (Readability asks for "TD") does not match an
   * element outside the HTML namespace (a `<td>` inside an `<svg>`).
   */
  _getAllNodesWithTag(node: ParentNode, tagNames: string[]): ArrayLike<Element> {
    if (!this.walkTags) {
      const stock = (Readability.prototype as unknown as ReadabilityInternals)._getAllNodesWithTag;
      return stock.call(this, node, tagNames);
    }
    return elementsByTag(node, new Set(tagNames.map((name) => name.toLowerCase())));
  }

  /**
   * Readability's search for the article, with `copyPage` without serialising the page for its
   * retry: it reads `page.innerHTML` once, before the search strips the page, and sets it back
   * only when an attempt finds too little text (and again for each further attempt). Here that
   * read gives a copy of the tree (`cloneNode`, on linkedom a walk that makes the same nodes), and
   * the markup is written from the copy only when it is set back: the same string, the same page.
   */
  _grabArticle(page: Element | null): Element | null {
    const internals = this as unknown as ReadabilityInternals;
    const grab = (Readability.prototype as unknown as ReadabilityInternals)._grabArticle;
    const target = page ?? internals._doc.body;
    const accessor = target ? innerHtmlAccessor(target) : null;
    if (!target || !accessor) return grab.call(this, page);
    pageMarkups.set(target, { accessor, copyPage: this.copyPage, copied: false, setBack: () => this.pageSetBack() });
    Object.defineProperty(target, 'innerHTML', PAGE_INNER_HTML);
    try {
      return grab.call(this, page);
    } finally {
      delete (target as { innerHTML?: string }).innerHTML;
      pageMarkups.delete(target);
    }
  }

  /**
   * Readability's removal of a node its walk reads as hidden or as unlikely content, never of the
   * root element. The walk starts at `<html>`, and a class there that its patterns read as unlikely
   * (`has-sidebar`, `header-fixed`, `footer-sticky`: states of the page's layout) removed the whole
   * page (mozilla/readability#835): the search then scored nothing, took the body as it stood for
   * the article, and left the document without a root element. The root is walked into instead,
   * as the body always is.
   */
  _removeAndGetNext(node: Element): Element | null {
    const internals = this as unknown as ReadabilityInternals;
    if (node === internals._doc.documentElement) return internals._getNextNode(node);
    // A part of a policy's text named for its subject (`policyParts`) is no unlikely candidate
    // (still removed when hidden, or drawn as a modal dialog).
    if (this.isPolicyPart(node) && this.unlikelyByName(node) && this._isProbablyVisible(node) && !isModal(node))
      return internals._getNextNode(node);
    return (Readability.prototype as unknown as ReadabilityInternals)._removeAndGetNext.call(this, node);
  }

  /** Whether Readability's walk reads `node`'s class and id as unlikely content (its own test of them). */
  private unlikelyByName(node: Element): boolean {
    const { REGEXPS } = this as unknown as ReadabilityInternals;
    const names = `${node.className} ${node.id}`;
    return REGEXPS.unlikelyCandidates.test(names) && !REGEXPS.okMaybeItsACandidate.test(names);
  }

  /** The test of the policy's parts for the page as it is (`policyParts`; made again when the page is set back). */
  private policyTest: ((element: Element) => boolean) | null | undefined;

  /** Whether `element` is a part of a policy's text named for its subject (see `policyParts`). */
  private isPolicyPart(element: Element): boolean {
    if (!this.policyParts) return false;
    if (this.policyTest === undefined)
      this.policyTest = this.policyParts((this as unknown as ReadabilityInternals)._doc);
    return this.policyTest?.(element) ?? false;
  }

  /** Readability's weight of a class and id; a part of a policy's text (see `policyParts`) is not weighed down. */
  _getClassWeight(element: Element): number {
    const weight = (Readability.prototype as unknown as ReadabilityInternals)._getClassWeight.call(this, element);
    return weight < 0 && this.isPolicyPart(element) ? 0 : weight;
  }

  /** The panel test of the page as it is (made again when `_grabArticle` sets the page back). */
  private panels: ((element: Element) => boolean) | null = null;

  /**
   * Called after `_grabArticle` sets the page back for another attempt (on both engines): state a
   * subclass keeps of the page's nodes is stale then. The panel test is made again for the new nodes.
   */
  protected pageSetBack(): void {
    this.panels = null;
    this.policyTest = undefined;
  }

  /**
   * Readability's test for a container holding one element of a tag and no text of its own; a
   * paragraph alone in a `div` of a class (which Readability then puts in the `div`'s place, when
   * few of its characters are in links) keeps the `div`'s shape (`unwrappedShape`).
   */
  _hasSingleTagInsideElement(element: Element, tag: string): boolean {
    const single = (Readability.prototype as unknown as ReadabilityInternals)._hasSingleTagInsideElement.call(
      this,
      element,
      tag,
    );
    if (single && tag === 'P' && element.tagName === 'DIV') {
      const shape = shapeKey(element);
      const child = element.children[0]!;
      if (shape !== 'div' && !unwrappedShapes.has(child)) unwrappedShapes.set(child, shape);
    }
    return single;
  }

  /** Readability's byline test, its conditions in a cheaper order (they have no side effects). */
  _isValidByline(node: Element, matchString: string): boolean {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    const { REGEXPS } = this as unknown as ReadabilityInternals;
    if (rel !== 'author' && !itemprop?.includes('author') && !REGEXPS.byline.test(matchString)) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  }

  /**
   * Readability's visibility test, the inline style read from the `style` attribute the same way
   * on both engines (`hiddenByInlineStyle`), not from the engine's style object; with
   * `keepPanels`, a tab or accordion panel is visible.
   */
  _isProbablyVisible(node: Element): boolean {
    if (hiddenByInlineStyle(node)) return false;
    if (this.keepPanels && (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true')) {
      this.panels ??= panelTest((this as unknown as ReadabilityInternals)._doc, this.keepPanels);
      if (this.panels(node)) return true;
    }
    if (node.hasAttribute('hidden')) return false;
    if (node.getAttribute('aria-hidden') !== 'true') return true;
    // The class is not a string on SVG elements in jsdom.
    const className: unknown = node.className;
    return typeof className === 'string' && className.includes('fallback-image');
  }

  /**
   * Readability's link density: the length of the inner text of the element's links (those to a
   * `#` fragment at 0.3) over the element's, the lengths counted without making the texts.
   */
  _getLinkDensity(element: Element): number {
    const textLength = innerTextLength(element, this.textSpans);
    if (textLength === 0) return 0;
    const { REGEXPS } = this as unknown as ReadabilityInternals;
    let linkLength = 0;
    // Added up in Readability's order: the same sum to the last bit.
    const links = element.getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) {
      const link = links[i]!;
      const href = link.getAttribute('href');
      const coefficient = href && REGEXPS.hashUrl.test(href) ? 0.3 : 1;
      linkLength += innerTextLength(link, this.textSpans) * coefficient;
    }
    return linkLength / textLength;
  }

  /** Readability's test for an element without content, its text read only as far as needed. */
  _isElementWithoutContent(node: Node): boolean {
    if (node.nodeType !== (this as unknown as ReadabilityInternals).ELEMENT_NODE) return false;
    const element = node as Element;
    if (hasText(element)) return false;
    const count = element.children.length;
    return (
      count === 0 || count === element.getElementsByTagName('br').length + element.getElementsByTagName('hr').length
    );
  }
}

/** Whether `node` is a modal dialog (`aria-modal="true"` and role `dialog`), which Readability removes as unseen. */
function isModal(node: Element): boolean {
  return node.getAttribute('aria-modal') === 'true' && node.getAttribute('role') === 'dialog';
}

/** The engine's `innerHTML` accessor of an element (on its prototype chain). */
function innerHtmlAccessor(element: Element): PropertyDescriptor | null {
  for (let proto: object | null = Object.getPrototypeOf(element); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
    if (descriptor) return descriptor.get && descriptor.set ? descriptor : null;
  }
  return null;
}

const NOT_SPACE = /\S/;
/** `NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION` (`NodeFilter` is not a global in Node). */
const SHOW_TEXTS = 0x4 | 0x8;

/**
 * Whether `textContent.trim()` of the element would be non-empty: a text or CDATA node below it
 * holds a character `trim` keeps (`\s` is the white space `trim` removes).
 */
export function hasText(element: Element): boolean {
  return eachText(element, (data) => NOT_SPACE.test(data));
}

/**
 * Visit the text and CDATA nodes below `element` in document order (the nodes `textContent`
 * reads), without a stack or a node list; stops and returns true when `visit` returns true.
 */
function eachText(element: Element, visit: (data: string) => boolean): boolean {
  let node: Node | null = element.firstChild;
  while (node && node !== element) {
    if ((node.nodeType === 3 || node.nodeType === 4) && visit((node as CharacterData).data)) return true;
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    if (node && node !== element) node = node.nextSibling;
  }
  return false;
}

/**
 * What one text adds to an inner-text length: `chars`, its characters that are not white space and
 * one for each run of white space between two of them; whether it starts or ends with white space;
 * `blank` when it holds only white space.
 */
export interface TextSpan {
  /** The text the span was counted from (a node's text may be set again). */
  data: string;
  chars: number;
  lead: boolean;
  trail: boolean;
  blank: boolean;
}

function isSpaceCode(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isWideSpace(c);
}

function spanOf(data: string): TextSpan {
  let chars = 0;
  let started = false;
  let inSpace = false;
  for (let i = 0; i < data.length; i++) {
    if (isSpaceCode(data.charCodeAt(i))) inSpace = started;
    else {
      if (inSpace) chars++;
      inSpace = false;
      started = true;
      chars++;
    }
  }
  const blank = !started;
  return { data, chars, lead: !blank && isSpaceCode(data.charCodeAt(0)), trail: inSpace, blank };
}

/**
 * The length of Readability's inner text of an element (its `textContent` trimmed, each run of two
 * or more white-space characters made one space), counted along the text and CDATA nodes below it
 * (the nodes `textContent` reads, which `hasText` walks too): the characters that are not white space
 * (`\s`, the set `trim` removes), and one for each run of white space between two of them. Each
 * text's part is looked up in `spans` (by its node, while the node holds the same text) when given,
 * and kept there.
 */
export function innerTextLength(element: Element, spans?: WeakMap<Node, TextSpan>): number {
  let length = 0;
  let started = false;
  let inSpace = false;
  // A tree walker over the same nodes: on both engines cheaper than stepping through every node
  // of the subtree (`eachText` stops early, which `hasText` needs; linkedom's walker lists all the
  // text nodes when it is made).
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXTS);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as CharacterData).data;
    if (data === '') continue;
    let span = spans?.get(node);
    if (span?.data !== data) {
      span = spanOf(data);
      spans?.set(node, span);
    }
    if (span.blank) inSpace = started;
    else {
      // White space between this text's first character and the last one before it.
      if (started && (inSpace || span.lead)) length++;
      length += span.chars;
      inSpace = span.trail;
      started = true;
    }
  }
  return length;
}
