/**
 * The heading tags, h1 to h6 in that order, lower case (as the cleaner reads `localName`). One
 * set for every module that asks whether an element is a heading; a module that counts only
 * some of them (teaser-cards' h2–h6: a card's headline is never the page's h1) says so itself.
 */
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
