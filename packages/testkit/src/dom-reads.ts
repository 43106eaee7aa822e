/**
 * Work counted, not timed: the reads a task makes of a DOM engine's tree, so a test can tell
 * linear work from work that grows with the square of the page however loaded the machine is.
 */

/** Accessors that step from a node to a neighbour (parent, child, sibling). */
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
/** Methods that return a list of elements. */
const LISTS = ['querySelectorAll', 'getElementsByTagName', 'getElementsByClassName'];

/**
 * Run `task` with the engine's tree reads counted: each step from a node to a neighbour, each
 * element a query returns, and each character of text read. Counted on the prototypes of the
 * `samples` (an element, a text node, … of the engine or window the task uses) for the time of the
 * task, so every node of those classes is counted; returns the count.
 */
export async function countDomReads(samples: readonly object[], task: () => Promise<void> | void): Promise<number> {
  let reads = 0;
  const restore: Array<() => void> = [];
  const counted = new Set<object>();
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
            reads += typeof read === 'string' ? read.length : 1;
            return read;
          },
        }
      : {
          value(this: unknown, ...args: unknown[]) {
            const list = (value as (...a: unknown[]) => ArrayLike<unknown>).apply(this, args);
            reads += list.length;
            return list;
          },
        };
    Object.defineProperty(owner, name, { ...key, ...wrapped });
    restore.push(() => Object.defineProperty(owner, name, key));
  };
  for (const node of samples) for (const name of [...STEPS, 'textContent', ...LISTS]) count(node, name);
  try {
    await task();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return reads;
}
