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
import { labelForm } from './text-util.js';

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

/** The ids (and anchor names) of the elements under `root`: where a section link can lead. */
function anchorsUnder(root: ParentNode): Set<string> {
  const anchors = new Set<string>();
  for (const element of root.querySelectorAll('[id], a[name]')) {
    const id = element.getAttribute('id');
    if (id) anchors.add(id);
    const name = element.getAttribute('name');
    if (name && element.localName.toLowerCase() === 'a') anchors.add(name);
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

/** How many words of `entry` stand outside its links. */
function wordsOutsideLinks(entry: Element): number {
  let inLinks = 0;
  for (const link of entry.querySelectorAll('a'))
    if (!link.parentElement?.closest('a')) inLinks += letterDigitRuns(textOf(link));
  return letterDigitRuns(textOf(entry)) - inLinks;
}

/**
 * True when the list's entries (items holding no list themselves) are each a link to a section
 * of the page, with little text beside it.
 */
function sectionLinks(list: Element, anchors: ReadonlySet<string>): boolean {
  const entries = elementsByTag(list, ITEMS).filter((item) => elementsByTag(item, ITEMS).length === 0);
  if (entries.length < MIN_ENTRIES) return false;
  let found = 0;
  for (const entry of entries) {
    const link = entry.querySelector('a[href]');
    const fragment = link ? fragmentOf(link) : null;
    if (fragment === null || wordsOutsideLinks(entry) > MAX_WORDS_OUTSIDE_LINKS) return false;
    if (anchors.has(fragment)) found++;
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

/** The tables of contents under `root` as they stand: each list with its label. */
function contentsLists(context: DomRuleContext, root: ParentNode, label: RegExp): Array<[Element, Element]> {
  const lists = elementsByTag(root, LISTS).filter((list) => !list.parentElement?.closest('ul, ol'));
  if (lists.length === 0) return [];
  const anchors = anchorsUnder(root);
  const found: Array<[Element, Element]> = [];
  for (const list of lists) {
    checkDeadline(context);
    if (!isAttached(list, root) || !sectionLinks(list, anchors)) continue;
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
  for (const [list, labelElement] of contentsLists(context, root, label))
    if (!found.has(list)) found.set(list, labelElement);
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
