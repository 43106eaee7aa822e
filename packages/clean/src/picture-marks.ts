/**
 * Pictures a page shows without an <img>: painted with CSS (`background-image: url(…)` in an
 * element's `style`) on an empty element, or drawn in <svg>. Readability drops such an element, or
 * the frame around it, as having no content, before the text rules can see that a caption stood
 * beside it. Before the DOM rules run, the caption-sized element next to such a picture is marked,
 * and the mark goes with it through Readability (see `besidePicture` in text-procedures.ts).
 */

import { backgroundPicture, inlinePixels } from './inline-style.js';
import { selectAll } from './selector-match.js';
import { squash } from './text-util.js';

/** The attribute that marks an element standing next to a picture painted with CSS. */
export const BESIDE_PICTURE_MARK = 'data-corpuskit-beside-picture';

/** A caption beside a picture holds at most this many characters; a longer sibling is the body. */
const CAPTION_MAX_CHARS = 400;

/** An inline <svg> this many pixels wide or high, or smaller, is an icon (a share button's, a bullet). */
const ICON_MAX_PX = 48;

const textLength = (element: Element): number => squash(element.textContent ?? '').length;

/** A class that names an icon ("icon", "nav-icon", "e-font-icon-svg", Font Awesome's "fa-…"). */
const ICON_CLASS = /(?:^|[\s_-])(?:icons?|fa[srbl]?|svg-inline--fa)(?:$|[\s_-])/i;

/** A length attribute's number of pixels (`640`, `640px`), or null when it gives none. */
function pixels(svg: Element, name: string): number | null {
  const size = Number.parseFloat(svg.getAttribute(name) ?? '');
  return Number.isFinite(size) ? size : null;
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
 * An <svg> that draws a picture (a chart, a map, a placeholder a picture is drawn into): it says
 * it is larger than an icon, by its width and height or, when it declares neither, by its
 * `viewBox`. Not one hidden from assistive technology as decoration (`aria-hidden`, role
 * `presentation`), one whose class names an icon, nor one in a link or a button (an icon: an
 * arrow, an external-link mark, a share button's logo).
 */
export function isDrawing(svg: Element): boolean {
  if (svg.getAttribute('aria-hidden') === 'true' || /^(?:presentation|none)$/i.test(svg.getAttribute('role') ?? ''))
    return false;
  if (ICON_CLASS.test(svg.getAttribute('class') ?? '') || svg.closest('a, button') !== null) return false;
  const width = pixels(svg, 'width');
  const height = pixels(svg, 'height');
  if (width !== null || height !== null) return (width ?? Infinity) > ICON_MAX_PX && (height ?? Infinity) > ICON_MAX_PX;
  const box = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return box.length === 4 && box[2]! > ICON_MAX_PX && box[3]! > ICON_MAX_PX;
}

/**
 * Mark (`BESIDE_PICTURE_MARK`) the element next to each picture under `root` shown without an
 * <img> (an empty element whose own style paints one, a drawing in <svg>): its previous or next
 * element sibling when that holds some text and no more than a caption's. An element that stands alone in a parent with no text of its own (a link
 * or a frame around the picture) is the picture too: its parent's siblings are looked at. On a
 * freshly parsed page (`fresh`) marks the page itself carries are taken off first.
 */
export function markBesidePictures(root: ParentNode, fresh: boolean): void {
  if (fresh)
    for (const element of selectAll(root, `[${BESIDE_PICTURE_MARK}]`)) element.removeAttribute(BESIDE_PICTURE_MARK);
  const pictures = [
    ...selectAll(root, '[style*="url"]').filter(
      (element) => textLength(element) === 0 && backgroundPicture(element) && !decorationSized(element),
    ),
    ...selectAll(root, 'svg').filter(isDrawing),
  ];
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
