/**
 * How each page type is cleaned. The rule pack is written for articles; on other kinds of page
 * some of its categories remove the page's own content: on a forum thread the posts are the
 * content, not a comment section under it. This table says which rule categories a page type
 * turns off; everything else runs as for an article.
 */

import type { PageType } from '@corpuskit/document';

export const TYPE_DISABLED_CATEGORIES: Readonly<Record<PageType, readonly string[]>> = {
  article: [],
  // The thread is the page: its posts, replies and quoted posts are kept.
  forum: ['comments'],
  // Reviews are part of a product page's description.
  product: ['comments'],
  collection: [],
  listing: [],
  documentation: [],
  service: [],
};

/** The disabled categories/rules for a page of this type: the caller's plus the type's own. */
export function disabledForType(type: PageType, disabled: ReadonlySet<string>): Set<string> {
  const extra = TYPE_DISABLED_CATEGORIES[type];
  if (extra.length === 0) return disabled as Set<string>;
  return new Set([...disabled, ...extra]);
}
