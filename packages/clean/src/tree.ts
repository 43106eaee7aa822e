/**
 * Small steps along the element tree that several modules take: the child of an element on the
 * way down to a node it holds, and the nearest element that holds several. Work on jsdom and
 * linkedom.
 */

/**
 * The element children of `parent`, by a walk along its siblings. (Iterating jsdom's `children`
 * reads its `length` at each step, and jsdom looks that name up among the collection's named
 * items first, a scan of the whole list: iterating a list of n children costs n² there.)
 */
export function childElements(parent: Element): Element[] {
  const children: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) children.push(child);
  return children;
}

/** The child of `parent` that holds `node` (or is it), or null when `parent` does not hold it. */
export function childOf(parent: Element, node: Element): Element | null {
  let current: Element | null = node;
  while (current && current.parentElement !== parent) current = current.parentElement;
  return current;
}

/** The nearest element that holds (or is) every one of `elements`; null when none does or the list is empty. */
export function commonAncestor(elements: readonly Element[]): Element | null {
  let common: Element | null = elements[0] ?? null;
  for (const element of elements.slice(1)) {
    while (common && !common.contains(element)) common = common.parentElement;
    if (!common) return null;
  }
  return common;
}
