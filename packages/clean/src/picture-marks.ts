/**
 * Pictures a page shows without an <img>: painted with CSS (`background-image: url(…)` in an
 * element's `style`) on an empty element, or drawn in <svg>. Readability drops such an element, or
 * the frame around it, as having no content, before the text rules can see that a caption stood
 * beside it. Before the DOM rules run, the caption-sized element next to such a picture is marked,
 * and the mark goes with it through Readability (see `besidePicture` in text-procedures.ts).
 */

import { backgroundPicture, inlinePixels } from './inline-style.js';
import { textOf } from './dom-removal.js';
import { descendants } from './selector-match.js';
import { childElements } from './tree.js';
import { lowerCase } from './lower-case.js';

/** The attribute that marks an element standing next to a picture painted with CSS. */
export const BESIDE_PICTURE_MARK = 'data-corpuskit-beside-picture';

/** A caption beside a picture holds at most this many characters; a longer sibling is the body. */
const CAPTION_MAX_CHARS = 400;

/** An inline <svg> this many pixels wide or high, or smaller, is an icon (a share button's, a bullet). */
const ICON_MAX_PX = 48;

const textLength = (element: Element): number => textOf(element).length;

/** A picture's longer side is at most this many times its shorter one; a longer strip is a divider or a band. */
const PICTURE_MAX_RATIO = 4;

/** A class that names a decoration: a section divider or shape, a spacer, an overlay, a pattern. */
const DECORATION_CLASS =
  /(?:^|[\s_-])(?:dividers?|separators?|shapes?|spacers?|overlays?|waves?|patterns?|textures?)(?:$|[\s_-])/i;

/** The element, or one of the two elements around it, has a class that names a decoration. */
function inDecoration(element: Element): boolean {
  let current: Element | null = element;
  for (let depth = 0; current && depth < 3; depth++, current = current.parentElement)
    if (DECORATION_CLASS.test(current.getAttribute('class') ?? '')) return true;
  return false;
}

/** The element says what it shows: role `img`, an `aria-label`, a `title` (attribute or, in <svg>, child). */
function labelled(element: Element): boolean {
  if (/^img$/i.test(element.getAttribute('role') ?? '') || (element.getAttribute('aria-label') ?? '').trim() !== '')
    return true;
  if ((element.getAttribute('title') ?? '').trim() !== '') return true;
  for (const child of childElements(element))
    if (lowerCase(child.localName) === 'title' && textLength(child) > 0) return true;
  return false;
}

/**
 * A picture's size: larger than an icon both ways, and not a strip (the longer side at most
 * PICTURE_MAX_RATIO times the shorter). A side not given (null) is not judged; the other must be.
 */
function pictureSized(width: number | null, height: number | null): boolean {
  if (width === null && height === null) return false;
  if ((width !== null && width <= ICON_MAX_PX) || (height !== null && height <= ICON_MAX_PX)) return false;
  return width === null || height === null || Math.max(width, height) <= PICTURE_MAX_RATIO * Math.min(width, height);
}

/** A class that names an icon ("icon", "nav-icon", "e-font-icon-svg", Font Awesome's "fa-…"). */
const ICON_CLASS = /(?:^|[\s_-])(?:icons?|fa[srbl]?|svg-inline--fa)(?:$|[\s_-])/i;

/** A length attribute's number of pixels (`640`, `640px`), or null when it gives none (`100%`, `2em`, `auto`). */
function pixels(svg: Element, name: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*$/i.exec(svg.getAttribute(name) ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * An element painted with a picture whose style makes it a strip or a dot (a divider, a bullet):
 * a width or height of ICON_MAX_PX pixels or less.
 */
function decorationSized(element: Element): boolean {
  const width = inlinePixels(element, 'width');
  const height = inlinePixels(element, 'height');
  return (width !== null && width <= ICON_MAX_PX) || (height !== null && height <= ICON_MAX_PX);
}

/**
 * An <svg> that draws a picture (a chart, a map, a placeholder a picture is drawn into), with
 * evidence of showing content: it sits in a <figure>, or says what it shows (role `img`,
 * `aria-label`, a title) and is not icon-sized, or is picture-sized (`pictureSized`) by its
 * width and height (in pixels) or, when it gives neither, by its `viewBox`. Not one hidden from
 * assistive technology as decoration (`aria-hidden`, role `presentation`), one whose class names
 * an icon, one in a link or a button (an icon: an arrow, an external-link mark, a share button's
 * logo), one stretched to its box (`preserveAspectRatio="none"`: a section divider's shape), nor
 * one in an element whose class names a decoration (a divider, a shape, an overlay).
 */
export function isDrawing(svg: Element): boolean {
  if (svg.getAttribute('aria-hidden') === 'true' || /^(?:presentation|none)$/i.test(svg.getAttribute('role') ?? ''))
    return false;
  if (ICON_CLASS.test(svg.getAttribute('class') ?? '') || svg.closest('a, button') !== null) return false;
  if (/^\s*none\s*$/i.test(svg.getAttribute('preserveAspectRatio') ?? '') || inDecoration(svg)) return false;
  let width = pixels(svg, 'width');
  let height = pixels(svg, 'height');
  if (width === null && height === null) {
    const box = (svg.getAttribute('viewBox') ?? '')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (box.length === 4 && Number.isFinite(box[2]) && Number.isFinite(box[3])) [width, height] = [box[2]!, box[3]!];
  }
  if (pictureSized(width, height)) return true;
  const iconSized = (width !== null && width <= ICON_MAX_PX) || (height !== null && height <= ICON_MAX_PX);
  return !iconSized && (svg.closest('figure') !== null || labelled(svg));
}

/**
 * An empty element whose own style paints a picture, with evidence of showing content: a size
 * its style gives (`pictureSized`), a label (`labelled`), a <figure> around it, or a link to
 * an image file. Not one styled as a strip or a dot (a divider, a bullet), nor one in an element
 * whose class names a decoration (a spacer, a divider's wave, an overlay).
 */
function isPainting(element: Element): boolean {
  if (textLength(element) > 0 || !backgroundPicture(element) || decorationSized(element) || inDecoration(element))
    return false;
  if (pictureSized(inlinePixels(element, 'width'), inlinePixels(element, 'height'))) return true;
  if (labelled(element) || element.closest('figure') !== null) return true;
  const link = element.closest('a');
  return /\.(?:jpe?g|png|gif|webp|avif|tiff?)(?:[?#]|$)/i.test(link?.getAttribute('href') ?? '');
}

/**
 * Mark (`BESIDE_PICTURE_MARK`) the element next to each picture under `root` shown without an
 * <img> (an empty element whose own style paints one: `isPainting`; a drawing in <svg>:
 * `isDrawing`): its previous or next element sibling when that holds some text and no more than a
 * caption's. An element that stands alone in a parent with no text of its own (a link
 * or a frame around the picture) is the picture too: its parent's siblings are looked at. On a
 * freshly parsed page (`fresh`) marks the page itself carries are taken off first.
 */
export function markBesidePictures(
  root: ParentNode,
  fresh: boolean,
  elements: readonly Element[] = descendants(root),
): void {
  // The page's own marks off, the styles that name a url and the <svg>s listed, in one pass.
  const styled: Element[] = [];
  const svgs: Element[] = [];
  for (const element of elements) {
    if (fresh && element.hasAttribute(BESIDE_PICTURE_MARK)) element.removeAttribute(BESIDE_PICTURE_MARK);
    if (element.getAttribute('style')?.includes('url')) styled.push(element);
    if (lowerCase(element.localName) === 'svg') svgs.push(element);
  }
  const pictures = [...styled.filter(isPainting), ...svgs.filter(isDrawing)];
  for (let picture of pictures) {
    while (
      !picture.previousElementSibling &&
      !picture.nextElementSibling &&
      picture.parentElement &&
      textLength(picture.parentElement) === 0
    )
      picture = picture.parentElement;
    for (const sibling of [picture.previousElementSibling, picture.nextElementSibling]) {
      if (!sibling) continue;
      const chars = textLength(sibling);
      if (chars > 0 && chars <= CAPTION_MAX_CHARS) sibling.setAttribute(BESIDE_PICTURE_MARK, '');
    }
  }
}
