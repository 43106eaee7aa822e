/**
 * Work counted, not timed: the reads a task makes of a DOM engine's tree, so a test can tell
 * linear work from work that grows with the square of the page however loaded the machine is.
 */

/** Accessors that step from a node to a neighbour (parent, child, sibling): one read each. */
const STEPS = [
  'parentNode',
  'parentElement',
  'firstChild',
  'lastChild',
  'nextSibling',
  'previousSibling',
  'firstElementChild',
  'lastElementChild',
  'nextElementSibling',
  'previousElementSibling',
];
/** Accessors that read a whole list of children or a whole subtree's text or markup: its length. */
const WHOLES = ['children', 'childNodes', 'textContent', 'innerText', 'innerHTML', 'outerHTML'];
/** Methods that search the subtree under the node: every element under it (an engine visits them all). */
const SEARCHES = ['querySelectorAll', 'getElementsByTagName', 'getElementsByClassName'];

interface TreeNode {
  readonly firstElementChild: TreeNode | null;
  readonly nextElementSibling: TreeNode | null;
  readonly parentElement: TreeNode | null;
  readonly ownerDocument?: object | null;
}

/**
 * Run `task` with the engine's tree reads counted: each step from a node to a neighbour, each item
 * of a child list and each character of text or markup read, every element under the node a
 * `querySelectorAll`/`getElementsBy…` searches, the elements a `querySelector` visits (in document
 * order up to its match, all of them without one), the elements a `closest` climbs, and one per
 * `matches`. Counted on the prototypes of the `samples` (an element, a text node, … of the engine
 * or window the task uses) and of their document for the time of the task, so every node of those
 * classes is counted; returns the count.
 */
export async function countDomReads(samples: readonly object[], task: () => Promise<void> | void): Promise<number> {
  let reads = 0;
  // The counter's own walks (sizing a search) read the tree through the same accessors: not counted.
  let measuring = false;
  const restore: Array<() => void> = [];
  const counted = new Set<object>();
  const walk = <T>(measure: () => T): T => {
    measuring = true;
    try {
      return measure();
    } finally {
      measuring = false;
    }
  };
  /** The next element after `node` in document order within `root`'s subtree. */
  const following = (node: TreeNode, root: TreeNode): TreeNode | null => {
    if (node.firstElementChild) return node.firstElementChild;
    for (let at: TreeNode | null = node; at && at !== root; at = at.parentElement) {
      if (at.nextElementSibling) return at.nextElementSibling;
    }
    return null;
  };
  /** The elements under `root` visited in document order until `until` (all of them when it is not there). */
  const visited = (root: TreeNode, until: unknown): number =>
    walk(() => {
      let n = 0;
      for (let at = root.firstElementChild; at; at = following(at, root)) {
        n += 1;
        if (at === until) break;
      }
      return n;
    });
  /** The elements from `node` up to `until` (to the root when it is not above). */
  const climbed = (node: TreeNode, until: unknown): number =>
    walk(() => {
      let n = 0;
      for (let at: TreeNode | null = node; at; at = at.parentElement) {
        n += 1;
        if (at === until) break;
      }
      return n;
    });
  const lengthOf = (read: unknown): number => {
    if (typeof read === 'string') return read.length;
    const length = (read as { length?: unknown } | null)?.length;
    return typeof length === 'number' ? length : 1;
  };
  const methodCost = (name: string, self: TreeNode, result: unknown): number => {
    if (name === 'querySelector') return visited(self, result);
    if (name === 'closest') return climbed(self, result);
    if (name === 'matches') return 1;
    return Math.max(visited(self, null), lengthOf(result));
  };
  const count = (node: object, name: string): void => {
    // From the prototype: a node's own fields (linkedom keeps `parentNode` as one) are not counted.
    let owner = Object.getPrototypeOf(node) as object | null;
    if (!owner) return;
    while (!Object.getOwnPropertyDescriptor(owner, name)) {
      const above = Object.getPrototypeOf(owner) as object | null;
      if (!above) return;
      owner = above;
    }
    const key = Object.getOwnPropertyDescriptor(owner, name)!;
    if (!key.get && typeof key.value !== 'function') return;
    if (counted.has(key.get ?? key.value)) return;
    counted.add(key.get ?? key.value);
    const { get, value } = key;
    const wrapped: PropertyDescriptor = get
      ? {
          get(this: unknown) {
            const read: unknown = get.call(this);
            if (!measuring) reads += lengthOf(read);
            return read;
          },
        }
      : {
          value(this: TreeNode, ...args: unknown[]) {
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(this, args);
            if (!measuring) reads += methodCost(name, this, result);
            return result;
          },
        };
    Object.defineProperty(owner, name, { ...key, ...wrapped });
    restore.push(() => Object.defineProperty(owner, name, key));
  };
  const names = [...STEPS, ...WHOLES, ...SEARCHES, 'querySelector', 'closest', 'matches'];
  const documents = samples.map((node) => (node as TreeNode).ownerDocument).filter((d): d is object => !!d);
  for (const node of [...samples, ...documents]) for (const name of names) count(node, name);
  try {
    await task();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return reads;
}
