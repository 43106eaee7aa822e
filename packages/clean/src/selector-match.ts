/**
 * CSS selector matching for the DOM rules in one walk over the tree. Simple selectors (a
 * compound of tag, classes, ids and attribute tests, optionally inside one ancestor compound)
 * are looked up by an element's class tokens, id, tag name and attribute names; any other
 * selector goes to the engine's `querySelectorAll`. Matching a class selector through the DOM
 * engine reads the element's class list once per selector and element, which dominated the
 * cleaning time on linkedom. In quirks mode class names compare ASCII case-insensitively (see
 * `isQuirksMode`); handed to jsdom's matcher there, a class of 200,000 names took over a minute.
 */

import { asciiLowerCase } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** `element.matches(selector)`, false for a selector the engine rejects. */
export function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** `element.closest(selector)`, null for a selector the engine rejects. */
export function closest(element: Element, selector: string): Element | null {
  try {
    return element.closest(selector);
  } catch {
    return null;
  }
}

/** `querySelectorAll` as an array, empty for a selector the engine rejects. */
export function selectAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** A compound selector: a tag, classes, ids and attribute tests (`nav`, `.a.b`, `ins.ad`, `[id^="x"]`). */
interface Compound {
  tag: string | null;
  classes: string[];
  /** The class names in ASCII lower case, compared in quirks mode. */
  caselessClasses: string[];
  ids: string[];
  attrs: Array<{ name: string; op: '' | '=' | '^=' | '*=' | '$='; value: string }>;
}

/** One selector of a group: a compound, optionally inside an ancestor compound (`figure .credit`). */
interface SimpleSelector {
  group: number;
  index: number;
  compound: Compound;
  ancestor: Compound | null;
}

/** Selector groups compiled for one walk over the tree (see the top of this file). */
export interface CompiledGroups {
  selectors: readonly (readonly string[])[];
  /** Per group: its simple selectors. */
  entries: SimpleSelector[][];
  byClass: Map<string, SimpleSelector[]>;
  /** `byClass` by the class names in ASCII lower case, for quirks mode. */
  byCaselessClass: Map<string, SimpleSelector[]>;
  byId: Map<string, SimpleSelector[]>;
  byTag: Map<string, SimpleSelector[]>;
  byAttr: Map<string, SimpleSelector[]>;
  /** Per group: its selectors that are not simple, joined for one `querySelectorAll`. */
  complex: string[];
}

const COMPOUND = /^([a-z][a-z0-9]*)?((?:[.#][A-Za-z_][\w-]*|\[[a-z][a-z-]*(?:[\^*$]?="[^"\\]+")?\])*)$/;
/** Attributes whose values selectors compare case-sensitively in HTML (the ones the rules use). */
const EXACT_ATTRIBUTES = /^(?:id|role|itemprop|itemtype|action|aria-label|hidden|data-[a-z-]+)$/;

function parseCompound(text: string): Compound | null {
  const parts = COMPOUND.exec(text);
  if (!parts || text === '') return null;
  const compound: Compound = { tag: parts[1] ?? null, classes: [], caselessClasses: [], ids: [], attrs: [] };
  for (const piece of (parts[2] ?? '').match(/[.#][^.#[]+|\[[^\]]+\]/g) ?? []) {
    if (piece.startsWith('.')) {
      const name = piece.slice(1);
      compound.classes.push(name);
      compound.caselessClasses.push(asciiLowerCase(name));
    } else if (piece.startsWith('#')) {
      compound.ids.push(piece.slice(1));
    } else {
      const attr = /^\[([a-z-]+)(?:([\^*$]?=)"(.*)")?\]$/.exec(piece);
      if (!attr || !EXACT_ATTRIBUTES.test(attr[1] ?? '')) return null;
      compound.attrs.push({
        name: attr[1] ?? '',
        op: (attr[2] ?? '') as Compound['attrs'][number]['op'],
        value: attr[3] ?? '',
      });
    }
  }
  return compound;
}

function parseSelector(selector: string): { compound: Compound; ancestor: Compound | null } | null {
  const parts = selector.split(' ');
  if (parts.length > 2) return null;
  const compound = parseCompound(parts[parts.length - 1] ?? '');
  const ancestor = parts.length === 2 ? parseCompound(parts[0] ?? '') : null;
  if (!compound || (parts.length === 2 && !ancestor)) return null;
  return { compound, ancestor };
}

export function compileGroups(groups: readonly (readonly string[])[]): CompiledGroups {
  const compiled: CompiledGroups = {
    selectors: groups,
    entries: [],
    byClass: new Map(),
    byCaselessClass: new Map(),
    byId: new Map(),
    byTag: new Map(),
    byAttr: new Map(),
    complex: [],
  };
  const add = (map: Map<string, SimpleSelector[]>, key: string, entry: SimpleSelector): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  groups.forEach((selectors, group) => {
    const complex: string[] = [];
    const entries: SimpleSelector[] = [];
    selectors.forEach((selector, index) => {
      const parsed = parseSelector(selector);
      if (!parsed) {
        complex.push(selector);
        return;
      }
      const entry: SimpleSelector = { group, index, ...parsed };
      entries.push(entry);
      // Indexed by one of its parts: every element that matches the selector has that part.
      const { ids, classes, tag, attrs } = entry.compound;
      if (ids[0] !== undefined) add(compiled.byId, ids[0], entry);
      else if (classes[0] !== undefined) add(compiled.byClass, classes[0], entry);
      else if (tag !== null) add(compiled.byTag, tag, entry);
      else add(compiled.byAttr, attrs[0]?.name ?? '', entry);
    });
    compiled.entries.push(entries);
    compiled.complex.push(complex.join(', '));
  });
  for (const [name, entries] of compiled.byClass) {
    for (const entry of entries) add(compiled.byCaselessClass, asciiLowerCase(name), entry);
  }
  return compiled;
}

/** What a compound selector tests on an element, read once. */
interface ElementFacts {
  tag: string;
  /** The element's class names; in ASCII lower case when `caseless`. */
  classes: string[];
  id: string;
  /** The document is in quirks mode: class names compare ASCII case-insensitively. */
  caseless: boolean;
}

const CLASS_SEPARATOR = /[ \t\n\f\r]+/;

/**
 * Whether class selectors match ASCII case-insensitively under `node`: in a document in quirks
 * mode (a page without a doctype or with a legacy one; `parseHtml` gives both engines' documents
 * the mode an HTML5 parser gives the page). Id selectors stay case-sensitive, as the engines'
 * own selector matching has them.
 */
function isQuirksMode(node: Node): boolean {
  return (node.ownerDocument ?? (node as Document)).compatMode === 'BackCompat';
}

function factsOf(element: Element, caseless: boolean): ElementFacts {
  const classAttr = element.getAttribute('class');
  let classes: string[] = NO_CLASSES;
  if (classAttr) {
    classes = (caseless ? asciiLowerCase(classAttr) : classAttr).split(CLASS_SEPARATOR);
    // Leading or trailing white space leaves empty names at the ends.
    if (classes[0] === '' || classes[classes.length - 1] === '') classes = classes.filter((name) => name !== '');
  }
  return {
    tag: lowerCase(element.localName),
    classes,
    id: element.getAttribute('id') ?? '',
    caseless,
  };
}

const NO_CLASSES: string[] = [];
/** Class lists longer than this are checked for repeated names with a set. */
const LONG_CLASS_LIST = 32;
/** `matchGroups` reports its progress after this many elements. */
const PROGRESS_ELEMENTS = 1024;

function compoundMatches(compound: Compound, element: Element, facts: ElementFacts): boolean {
  if (compound.tag !== null && compound.tag !== facts.tag) return false;
  for (const name of compound.ids) if (name !== facts.id) return false;
  for (const name of facts.caseless ? compound.caselessClasses : compound.classes) {
    if (!facts.classes.includes(name)) return false;
  }
  for (const { name, op, value } of compound.attrs) {
    const actual = element.getAttribute(name);
    if (actual === null) return false;
    if (op === '=' && actual !== value) return false;
    if (op === '^=' && !actual.startsWith(value)) return false;
    if (op === '*=' && !actual.includes(value)) return false;
    if (op === '$=' && !actual.endsWith(value)) return false;
  }
  return true;
}

/**
 * Whether `entry` matches `element`; `factsFor` gives an ancestor's facts (a walk over many
 * elements reads each ancestor's once: a wrapper's long class list is split once, not once per
 * element inside it).
 */
function entryMatches(
  entry: SimpleSelector,
  element: Element,
  facts: ElementFacts,
  factsFor: (element: Element) => ElementFacts = (up) => factsOf(up, facts.caseless),
): boolean {
  if (!compoundMatches(entry.compound, element, facts)) return false;
  if (!entry.ancestor) return true;
  for (let up = element.parentElement; up; up = up.parentElement) {
    if (compoundMatches(entry.ancestor, up, factsFor(up))) return true;
  }
  return false;
}

/** `element.matches(group)` for one compiled group. */
function matchesGroup(element: Element, compiled: CompiledGroups, group: number, caseless: boolean): boolean {
  const facts = factsOf(element, caseless);
  if ((compiled.entries[group] ?? []).some((entry) => entryMatches(entry, element, facts))) return true;
  const complex = compiled.complex[group] ?? '';
  return complex !== '' && matches(element, complex);
}

/** `element.closest(group)` for one compiled group, as a yes or no. */
export function insideGroup(element: Element, compiled: CompiledGroups, group: number): boolean {
  const caseless = isQuirksMode(element);
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (matchesGroup(node, compiled, group, caseless)) return true;
  }
  return false;
}

/**
 * Every element under `root` (not `root` itself) in document order, template contents left out:
 * one walk by `firstElementChild`/`nextElementSibling`, which both engines give alike
 * (linkedom's `getElementsByTagName('*')` misses elements that this walk finds).
 */
export function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      out.push(child);
      // Template contents are not part of the tree for selectors (nor for `querySelectorAll`).
      if (lowerCase(child.localName) !== 'template') walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * The elements under `root` (not `root` itself) whose tag is one of `tags` (lower case), in
 * document order, template contents left out: what `querySelectorAll('a, b')` gives for plain
 * tag names, by one walk instead of the engine's selector matching.
 */
export function elementsByTag(root: ParentNode, tags: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const walk = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const tag = lowerCase(child.localName);
      if (tags.has(tag)) out.push(child);
      if (tag !== 'template') walk(child);
    }
  };
  walk(root);
  return out;
}

const ANCHOR: ReadonlySet<string> = new Set(['a']);

/** `querySelectorAll('a[href]')` by one walk (the engine's selector matching cost more than the rule). */
export function linksUnder(root: ParentNode): Element[] {
  return elementsByTag(root, ANCHOR).filter((link) => link.hasAttribute('href'));
}

/**
 * The elements under `root` in document order (`descendants`) and what `matchGroups` read of each
 * (tag, id, classes), kept for the `matchGroups` calls on `root` while the tree only loses
 * elements: the list then still holds those taken out, which a caller that removes what matched
 * skips (an element no longer attached).
 */
export class ListedElements {
  readonly elements: readonly Element[];
  constructor(readonly root: ParentNode) {
    this.elements = descendants(root);
  }
}

/** What `matchGroups` read of each element of a list, by the list. */
const listedFacts = new WeakMap<ListedElements, Map<Element, ElementFacts>>();

function factsOfList(list: ListedElements): Map<Element, ElementFacts> {
  let facts = listedFacts.get(list);
  if (!facts) listedFacts.set(list, (facts = new Map()));
  return facts;
}

/**
 * For each group, the elements under `root` matching one of its selectors, in document order
 * (what `querySelectorAll` of the joined group gives), with the first matching selector.
 * `progress` is called every `PROGRESS_ELEMENTS` elements (a caller's time limit may stop the walk).
 * `listed`: the elements under `root` when the caller has them listed (see ListedElements).
 */
export function matchGroups(
  root: ParentNode,
  compiled: CompiledGroups,
  progress?: () => void,
  listed?: ListedElements | null,
): Array<Array<{ element: Element; selector: string }>> {
  const list = listed?.root === root ? listed : null;
  const groups = compiled.selectors;
  const caseless = isQuirksMode(root as Node);
  const byClass = caseless ? compiled.byCaselessClass : compiled.byClass;
  const complexHits = compiled.complex.map((joined) => (joined === '' ? null : new Set(selectAll(root, joined))));
  const results: Array<Array<{ element: Element; selector: string }>> = groups.map(() => []);
  const best: number[] = groups.map(() => -1);
  const attrNames = [...compiled.byAttr.keys()];
  let element: Element;
  let facts: ElementFacts;
  // Every element's facts, read once: the walk visits parents before their descendants.
  const read = list ? factsOfList(list) : new Map<Element, ElementFacts>();
  const factsFor = (of: Element): ElementFacts => {
    let known = read.get(of);
    if (!known) {
      known = factsOf(of, caseless);
      read.set(of, known);
    }
    return known;
  };
  // The groups a simple selector matched on the current element: only they are reported and reset.
  const touched: number[] = [];
  const consider = (entries: SimpleSelector[] | undefined): void => {
    if (!entries) return;
    for (const entry of entries) {
      if (!entryMatches(entry, element, facts, factsFor)) continue;
      const current = best[entry.group] ?? -1;
      if (current === -1) touched.push(entry.group);
      if (current === -1 || entry.index < current) best[entry.group] = entry.index;
    }
  };
  // The groups with selectors that are not simple: the only ones the engine's matches can add to.
  const complexGroups: number[] = [];
  complexHits.forEach((hits, group) => {
    if (hits) complexGroups.push(group);
  });
  let count = 0;
  for (element of list?.elements ?? descendants(root)) {
    if (progress && ++count % PROGRESS_ELEMENTS === 0) progress();
    facts = factsFor(element);
    consider(compiled.byTag.get(facts.tag));
    if (facts.id !== '') consider(compiled.byId.get(facts.id));
    const classes = facts.classes;
    // A class named twice is considered once (the first time); a long class list is checked
    // against a set of the names seen (looking back through the list is quadratic).
    const seen = classes.length > LONG_CLASS_LIST ? new Set<string>() : null;
    for (let i = 0; i < classes.length; i += 1) {
      const name = classes[i]!;
      if (seen) {
        if (seen.has(name)) continue;
        seen.add(name);
      } else if (i > 0 && classes.indexOf(name) < i) continue;
      consider(byClass.get(name));
    }
    for (const name of attrNames) if (element.hasAttribute(name)) consider(compiled.byAttr.get(name));
    for (const group of complexGroups) {
      if (!complexHits[group]?.has(element)) continue;
      const selectors = groups[group] ?? [];
      const index = best[group] ?? -1;
      // The first selector of the group that matches, as when the whole group was tested in order.
      const limit = index === -1 ? selectors.length : index;
      for (let i = 0; i < limit; i += 1) {
        const selector = selectors[i] ?? '';
        if (!parseSelector(selector) && matches(element, selector)) {
          if (index === -1) touched.push(group);
          best[group] = i;
          break;
        }
      }
    }
    // Most elements match nothing: the list is emptied only when it holds groups (setting an
    // array's length is a call into the engine's runtime, a tenth of the walk on some pages).
    if (touched.length === 0) continue;
    for (const group of touched) {
      results[group]?.push({ element, selector: groups[group]?.[best[group] ?? -1] ?? '' });
      best[group] = -1;
    }
    touched.length = 0;
  }
  return results;
}
