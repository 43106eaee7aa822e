/**
 * Content streamed by server rendering into hidden segments (React's streaming renderer, used by
 * Next.js and others): the page first prints a placeholder (`<template id="B:1">` followed by a
 * fallback such as "Loading…", between `<!--$?-->` and `<!--/$-->`, or `<template id="P:1">`),
 * and later in the stream the real content in `<div hidden id="S:1">`, which an inline script
 * moves into the placeholder. No script runs here, so the segments are moved the way that script
 * moves them: each segment's children replace its placeholder (and the fallback after a boundary
 * placeholder, when the boundary's end marker is there to say where the fallback ends).
 *
 * Runs on the parsed tree before comments are removed (they mark the fallbacks); the jsdom path
 * keeps these markers when it cuts comments from the markup (`cut-non-content.ts`).
 */

import { lowerCase } from './lower-case.js';

/** A segment's id: `S:` and its number (React writes it in base 16). */
const SEGMENT_ID = /^S:([0-9a-z]+)$/;
/** Cheap test on the markup before any tree walk. */
const HAS_SEGMENT = /\bid=["']?S:[0-9a-z]/;

/** The comments React writes around a suspense boundary: `$` `$?` `$!` open one, `/$` closes it. */
export function isBoundaryMarker(comment: string): boolean {
  return comment === '$' || comment === '$?' || comment === '$!' || comment === '/$';
}

/** Move streamed segments into their placeholders; returns how many were moved. */
export function revealStreamedSegments(document: Document, markup: string): number {
  if (!HAS_SEGMENT.test(markup)) return 0;
  const body = document.body;
  if (!body) return 0;
  const segments: Array<{ element: Element; key: string }> = [];
  const placeholders = new Map<string, Element>();
  const walk = (parent: Element): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const id = child.getAttribute('id');
      if (id && id.length > 2 && id[1] === ':') {
        const tag = lowerCase(child.localName);
        const segment = SEGMENT_ID.exec(id);
        if (segment && child.hasAttribute('hidden')) segments.push({ element: child, key: segment[1]! });
        else if (tag === 'template' && (id[0] === 'B' || id[0] === 'P')) placeholders.set(id, child);
      }
      walk(child);
    }
  };
  walk(body);
  let moved = 0;
  for (const { element, key } of segments) {
    const template = placeholders.get(`P:${key}`) ?? placeholders.get(`B:${key}`);
    const parent = template?.parentNode;
    if (!template || !parent || element.contains(template)) continue;
    if (template.getAttribute('id')!.startsWith('B:')) removeFallback(template);
    while (element.firstChild) parent.insertBefore(element.firstChild, template);
    parent.removeChild(template);
    element.parentNode?.removeChild(element);
    moved += 1;
  }
  return moved;
}

/**
 * The fallback a boundary placeholder shows until its content arrives: the nodes after the
 * template up to the boundary's `<!--/$-->` (nested boundaries counted). Left alone when the end
 * marker is missing (a page saved without its comments): nothing says where the fallback ends.
 */
function removeFallback(template: Element): void {
  const fallback: Node[] = [];
  let depth = 0;
  for (let node = template.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 8) {
      const data = (node.nodeValue ?? '').trim();
      if (data === '/$') {
        if (depth === 0) {
          for (const item of fallback) item.parentNode?.removeChild(item);
          return;
        }
        depth -= 1;
      } else if (isBoundaryMarker(data)) depth += 1;
    }
    fallback.push(node);
  }
}
