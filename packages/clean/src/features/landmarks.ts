/**
 * Page landmarks: the site's header, footer, menus and sidebars around the content, by tag or
 * ARIA role. One definition for the cleaning (type-roots.ts, product-region.ts) and the
 * page-type features (prose.ts).
 */

const LANDMARK_TAGS = ['header', 'footer', 'nav', 'aside'];
const LANDMARK_ROLES = ['banner', 'contentinfo', 'navigation', 'complementary'];
/** The landmarks as a selector (for `querySelectorAll`). */
export const LANDMARK_SELECTOR = [...LANDMARK_TAGS, ...LANDMARK_ROLES.map((role) => `[role="${role}"]`)].join(', ');
const LANDMARK_TAG_SET = new Set(LANDMARK_TAGS);
const LANDMARK_ROLE_SET = new Set(LANDMARK_ROLES);

/** Whether `el` is a landmark of a page's frame: a header, footer, menu or sidebar, by tag or role. */
export function isLandmark(el: Element): boolean {
  return LANDMARK_TAG_SET.has(el.localName.toLowerCase()) || LANDMARK_ROLE_SET.has(el.getAttribute('role') ?? '');
}
