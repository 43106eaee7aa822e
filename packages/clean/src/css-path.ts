/**
 * A short CSS path for an element, recorded with each removed and kept block so a reviewer's
 * tool can propose a per-site selector for it: `div#main > aside.promo-box > p`. Ids and
 * classes that look generated (long digit runs, hashes, Readability's own wrappers) are left
 * out, since a rule built on them would not match the site's next page.
 */

import { lowerCase } from './lower-case.js';

const STABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,48}$/;
const MAX_SEGMENTS = 4;
const MAX_CLASSES = 3;

function stableName(name: string): boolean {
  if (!STABLE_NAME.test(name)) return false;
  if (/\d{3,}/.test(name)) return false;
  if (/^(?:readability|page)\b/i.test(name) || name.startsWith('readability-')) return false;
  // CSS-in-JS hashes such as `css-1x2y3z`, `ssrcss-pv1rh6-ArticleWrapper` or `sc-bdVaJa`.
  if (/^(?:css|ssrcss|sc|jsx|svelte|emotion)-/i.test(name)) return false;
  if (name.split(/[-_]+/).some((part) => part.length >= 5 && /\d/.test(part) && /[a-z]/i.test(part))) return false;
  return true;
}

function segmentOf(element: Element): { text: string; anchored: boolean } {
  const tag = lowerCase(element.localName);
  const id = element.getAttribute('id')?.trim() ?? '';
  if (id && stableName(id)) return { text: `${tag}#${id}`, anchored: true };
  const classes = (element.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((name) => name !== '' && stableName(name))
    .slice(0, MAX_CLASSES);
  return { text: tag + classes.map((name) => `.${name}`).join(''), anchored: false };
}

/** The element's path from its nearest ancestor with a stable id (or up to four levels), `>`-joined. */
export function cssPath(element: Element | null): string {
  const segments: string[] = [];
  for (let node = element; node && segments.length < MAX_SEGMENTS; node = node.parentElement) {
    const tag = node.localName ? lowerCase(node.localName) : '';
    if (!tag || tag === 'body' || tag === 'html') break;
    const segment = segmentOf(node);
    segments.unshift(segment.text);
    if (segment.anchored) break;
  }
  return segments.join(' > ');
}

/** The path of the element a text block came from (the parent of its first text node). */
export function blockPath(nodes: readonly Node[]): string {
  const first = nodes[0];
  if (!first) return '';
  const element = first.nodeType === 1 ? (first as Element) : first.parentElement;
  return cssPath(element);
}
