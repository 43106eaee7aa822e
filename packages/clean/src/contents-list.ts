/**
 * `contents-list`: a table of contents. A list whose entries are links to the page's own sections
 * (`href="#…"` naming an element of the page), under a label that says what it is ("Table of
 * contents", "In this article", "On this page", "Inhaltsverzeichnis", "Sommaire" …): it repeats
 * the article's headings as navigation. The label and the list go together; a list of section
 * links with no such label (a listicle's jump list, "Here is what we cover:") stays.
 */

import { letterDigitRuns } from '@corpuskit/document';

import { checkDeadline, guarded, isAttached, isKept, removeElement, textOf } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import type { RuleId } from './rules.js';
import { elementsByTag } from './selector-match.js';
import { labelForm, words } from './text-util.js';
import { lowerCase } from './lower-case.js';

const LISTS: ReadonlySet<string> = new Set(['ul', 'ol']);
const ITEMS: ReadonlySet<string> = new Set(['li']);
/** A table of contents has at least this many entries … */
const MIN_ENTRIES = 3;
/** … and at least this share of its links find their section on the page. */
const MIN_FOUND = 0.8;
/**
 * An entry is its link: outside the links it holds at most this many words (a number, a
 * separator, "Step 2:"). An entry that is a sentence with a link in it summarises; it is text.
 */
const MAX_WORDS_OUTSIDE_LINKS = 3;
/** A label is a short element: at most this many characters. */
const LABEL_MAX_CHARS = 60;
/** The label is looked for beside the list and beside its ancestors, this many levels up … */
const LABEL_LEVELS = 3;
/** … as long as an ancestor holds little more than the list (and its label): this many characters. */
const MAX_EXTRA_CHARS = 80;

/** The ids (and anchor names) of the elements under `root`, with their elements: where a section link can lead. */
function anchorsUnder(root: ParentNode): Map<string, Element> {
  const anchors = new Map<string, Element>();
  for (const element of root.querySelectorAll('[id], a[name]')) {
    const id = element.getAttribute('id');
    if (id && !anchors.has(id)) anchors.set(id, element);
    const name = element.getAttribute('name');
    if (name && lowerCase(element.localName) === 'a' && !anchors.has(name)) anchors.set(name, element);
  }
  return anchors;
}

/** The section a link names (`#part-2` → `part-2`), or null for a link that leaves the page. */
function fragmentOf(link: Element): string | null {
  const href = (link.getAttribute('href') ?? '').trim();
  if (!href.startsWith('#') || href.length < 2) return null;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/**
 * The text of `item` outside its links, not counting the lists it holds (an entry with
 * sub-entries: its own words, beside its link or in place of one).
 */
function textOutsideLinks(item: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const name = lowerCase((child as Element).localName);
        if (name === 'a' || LISTS.has(name)) text += ' ';
        else walk(child);
      }
    }
  };
  walk(item);
  return text;
}

/**
 * Words an entry numbers itself with beside its link: a number, a roman numeral or a letter
 * ("2.", "IV", "b)"), and the words for a step, a part or a chapter in the label list's languages.
 */
const NUMBERING =
  /^(?:\p{N}+|[ivxlcdm]+|\p{L}|step|part|chapter|section|schritt|teil|kapitel|abschnitt|étape|partie|chapitre|paso|parte|capítulo|sección|passo|capitolo|sezione|stap|deel|hoofdstuk|krok|część|rozdział|шаг|часть|глава|раздел)$/u;

/**
 * True when the words of an entry outside its links only number it or repeat the section it
 * links to (its heading): a table of contents repeats the headings, it adds nothing of its own.
 */
function onlyNumbersOrRepeats(entry: Element, target: Element | undefined): boolean {
  const own = words(textOutsideLinks(entry));
  if (own.size === 0) return true;
  // An empty anchor (`<a name>`, `<span id>`) stands before its heading or in it.
  const near = [target, target?.nextElementSibling, target?.parentElement];
  const text = near.map((element) => (element ? textOf(element) : '')).find((part) => part.length > 0) ?? '';
  const heading = words(text.slice(0, 300));
  for (const word of own) if (!NUMBERING.test(word) && !heading.has(word)) return false;
  return true;
}

/**
 * True when the list's entries (items holding no list themselves) are each a link to a section
 * of the page, with little text beside it that only numbers the entry or repeats its section's
 * heading; the items holding a sub-list have little text of their own too (an item that is a
 * sentence over a list of links summarises). `anchors` gives the page's anchors by name.
 */
function sectionLinks(list: Element, anchors: () => ReadonlyMap<string, Element>): boolean {
  const items = elementsByTag(list, ITEMS);
  const entries = items.filter((item) => elementsByTag(item, ITEMS).length === 0);
  if (entries.length < MIN_ENTRIES) return false;
  if (items.some((item) => letterDigitRuns(textOutsideLinks(item)) > MAX_WORDS_OUTSIDE_LINKS)) return false;
  let found = 0;
  for (const entry of entries) {
    const link = entry.querySelector('a[href]');
    const fragment = link ? fragmentOf(link) : null;
    if (fragment === null) return false;
    const target = anchors().get(fragment);
    if (!onlyNumbersOrRepeats(entry, target)) return false;
    if (target) found++;
  }
  return found >= entries.length * MIN_FOUND;
}

/** The element labelling `list` as a table of contents (before it, or first in an ancestor that holds little else). */
function contentsLabel(list: Element, label: RegExp): Element | null {
  const listChars = textOf(list).length;
  const isLabel = (element: Element | null): element is Element => {
    if (!element || element.contains(list)) return false;
    const text = textOf(element);
    return text.length > 0 && text.length <= LABEL_MAX_CHARS && label.test(labelForm(text));
  };
  let element: Element | null = list;
  for (let level = 0; element && level <= LABEL_LEVELS; level++, element = element.parentElement) {
    if (level > 0 && textOf(element).length > listChars + LABEL_MAX_CHARS + MAX_EXTRA_CHARS) return null;
    const before = element.previousElementSibling;
    if (isLabel(before)) return before;
    if (level > 0 && isLabel(element.firstElementChild)) return element.firstElementChild;
  }
  return null;
}

/** The smallest element holding both, when it holds nothing else; otherwise null. */
function soleContainer(label: Element, list: Element): Element | null {
  const chars = textOf(label).length + textOf(list).length;
  for (let element = list.parentElement; element; element = element.parentElement) {
    if (!element.contains(label)) continue;
    return textOf(element).length <= chars + 2 ? element : null;
  }
  return null;
}

/** The attribute that marks, before Readability, a table of contents (its value pairs the list with its label). */
const CONTENTS_MARK = 'data-corpuskit-contents';
const LABEL_MARK = 'data-corpuskit-contents-label';
/** The marks this procedure sets, which a freshly parsed page must not carry itself (see `unmarkPage`). */
export const CONTENTS_MARKS: readonly string[] = [CONTENTS_MARK, LABEL_MARK];

/** The tables of contents under `root` as they stand: each list with its label. */
function contentsLists(context: DomRuleContext, root: ParentNode, label: RegExp): Array<[Element, Element]> {
  const lists = elementsByTag(root, LISTS).filter((list) => !list.parentElement?.closest('ul, ol'));
  if (lists.length === 0) return [];
  // The page's anchors are listed when a list first has an entry linking to a section (most
  // pages' lists have none); the tree does not change while the lists are read.
  let anchors: Map<string, Element> | undefined;
  const anchorsOf = (): Map<string, Element> => (anchors ??= anchorsUnder(root));
  const found: Array<[Element, Element]> = [];
  for (const list of lists) {
    checkDeadline(context);
    if (!isAttached(list, root) || !sectionLinks(list, anchorsOf)) continue;
    const labelElement = contentsLabel(list, label);
    if (labelElement) found.push([list, labelElement]);
  }
  return found;
}

/**
 * Tables of contents: each labelled list of links to the page's own sections. Before Readability
 * they are only marked — found on the whole page, where every section's anchor still is and the
 * label still stands (Readability drops a label written as a <button>) — since taking them out
 * there can change which part of the page Readability keeps. After Readability the marked lists
 * under `root`, and any found there, go with their labels.
 */
export function removeContentsLists(
  context: DomRuleContext,
  root: ParentNode,
  ruleId: RuleId,
  reason: string,
  label: RegExp | undefined,
): void {
  if (!label) throw new Error(`rule ${ruleId}: the contents-list procedure needs a label pattern`);
  if (context.stage === 'dom-before') {
    contentsLists(context, root, label).forEach(([list, labelElement], index) => {
      list.setAttribute(CONTENTS_MARK, String(index));
      labelElement.setAttribute(LABEL_MARK, String(index));
    });
    return;
  }
  const found = new Map<Element, Element | null>();
  const labels = new Map<string, Element>();
  for (const element of (root as Element).querySelectorAll(`[${LABEL_MARK}]`))
    labels.set(element.getAttribute(LABEL_MARK) ?? '', element);
  for (const list of (root as Element).querySelectorAll(`[${CONTENTS_MARK}]`)) {
    const mark = list.getAttribute(CONTENTS_MARK) ?? '';
    found.set(list, labels.get(mark) ?? null);
    labels.delete(mark);
  }
  // A label whose list another rule (or Readability) took: it names nothing any more.
  for (const orphan of labels.values())
    if (!isKept(context, orphan) && !guarded(context, orphan, ruleId, root))
      removeElement(context, orphan, ruleId, `${reason}: its label, the list gone`);
  // … and those found here; a marked list whose label lost its mark (Readability puts a <div>
  // holding one paragraph's paragraph in its place) takes the label found here.
  for (const [list, labelElement] of contentsLists(context, root, label))
    if (!found.get(list)) found.set(list, labelElement);
  for (const [list, labelElement] of found) {
    if (!isAttached(list, root)) continue;
    const container = labelElement && isAttached(labelElement, root) ? soleContainer(labelElement, list) : null;
    const targets = container
      ? [container]
      : labelElement && isAttached(labelElement, root)
        ? [labelElement, list]
        : [list];
    if (targets.some((target) => isKept(context, target) || guarded(context, target, ruleId, root))) continue;
    const entries = elementsByTag(list, ITEMS).length;
    for (const target of targets) removeElement(context, target, ruleId, `${reason}: ${entries} section links`);
  }
}
