/**
 * Page landmarks: the site's header, footer, menus and sidebars around the content, by tag or
 * ARIA role. One definition for the cleaning (type-roots.ts, product-region.ts) and the
 * page-type features (prose.ts).
 */

import { lowerCase } from '../lower-case.js';

const LANDMARK_TAGS = ['header', 'footer', 'nav', 'aside'];
const LANDMARK_ROLES = ['banner', 'contentinfo', 'navigation', 'complementary'];
/** The landmarks as a selector (for `querySelectorAll`). */
export const LANDMARK_SELECTOR = [...LANDMARK_TAGS, ...LANDMARK_ROLES.map((role) => `[role="${role}"]`)].join(', ');
const LANDMARK_TAG_SET = new Set(LANDMARK_TAGS);
const LANDMARK_ROLE_SET = new Set(LANDMARK_ROLES);

/** Whether `el` is a landmark of a page's frame: a header, footer, menu or sidebar, by tag or role. */
export function isLandmark(el: Element): boolean {
  return LANDMARK_TAG_SET.has(lowerCase(el.localName)) || LANDMARK_ROLE_SET.has(el.getAttribute('role') ?? '');
}

/**
 * A site footer drawn as a plain element and named by its class or id: a whole name `footer`,
 * alone or after `site`, `page`, `global`, `main`, `app` or `layout` (`site-footer`, `pageFooter`,
 * `global_footer`), not a name that only holds the word (`has-footer`, `footer-links`).
 */
export function namedFooter(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.split(/\s+/).some((name) => FOOTER_NAME.test(name));
}

const FOOTER_NAME = /^(?:(?:site|page|global|main|app|layout)[-_]?)?footer$/i;
