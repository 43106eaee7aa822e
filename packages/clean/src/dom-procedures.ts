/**
 * The DOM procedures: DOM rules whose matching needs code. Their data (patterns, reasons) is in
 * the rule definitions.
 */

import { guarded, isAttached, isKept, removeElement, textOf } from './dom-removal.js';
import type { DomRuleContext } from './dom-removal.js';
import type { DomMatcher, RuleId } from './rules.js';
import { compileGroups, descendants, insideGroup, matchGroups, selectAll } from './selector-match.js';

/** The largest ancestor of `element` whose text stays within `maxChars` (the widget around a few links). */
function smallContainer(element: Element, maxChars: number, root: ParentNode): Element {
  let current = element;
  while (current.parentElement && current.parentElement !== root) {
    const parent = current.parentElement;
    const tag = parent.tagName.toLowerCase();
    if (tag === 'body' || tag === 'article' || tag === 'main') break;
    if (textOf(parent).length > maxChars) break;
    current = parent;
  }
  return current;
}

/** `link-block`: a small block whose links mostly point where the rule's `href` pattern says (share endpoints, app stores). */
export function linkBlocks(
  context: DomRuleContext,
  root: ParentNode,
  ruleId: RuleId,
  dom: Extract<DomMatcher, { kind: 'procedure' }>,
): void {
  const pattern = dom.patterns?.href;
  if (!pattern) throw new Error(`rule ${ruleId}: the link-block procedure needs an href pattern`);
  const links = selectAll(root, 'a[href]').filter((link) => pattern.test(link.getAttribute('href') ?? ''));
  const done = new Set<Element>();
  for (const link of links) {
    if (!isAttached(link, root)) continue;
    const container = smallContainer(link, 200, root);
    if (done.has(container)) continue;
    const inside = selectAll(container, 'a[href]');
    const matching = inside.filter((a) => pattern.test(a.getAttribute('href') ?? '')).length;
    if (matching === 0 || matching / inside.length < 0.5) continue;
    if (matching < 2 && textOf(container).length > 40) continue;
    if (isKept(context, container) || guarded(context, container, ruleId, root)) continue;
    done.add(container);
    removeElement(context, container, ruleId, `${dom.reason}: ${matching} of ${inside.length} links`);
  }
}

/** `email-form`: a small form whose only text fields ask for an e-mail address. */
export function emailForms(context: DomRuleContext, root: ParentNode, ruleId: RuleId, reason: string): void {
  for (const form of selectAll(root, 'form')) {
    if (!isAttached(form, root)) continue;
    const fields = selectAll(form, 'input, textarea, select').filter((field) => {
      const type = (field.getAttribute('type') ?? 'text').toLowerCase();
      return !['hidden', 'submit', 'button', 'checkbox', 'radio', 'image', 'reset'].includes(type);
    });
    if (fields.length === 0 || fields.length > 3) continue;
    const email = fields.filter((field) => {
      const type = (field.getAttribute('type') ?? '').toLowerCase();
      const hint = `${field.getAttribute('name') ?? ''} ${field.getAttribute('id') ?? ''} ${field.getAttribute('placeholder') ?? ''}`;
      return type === 'email' || /e-?mail/i.test(hint);
    });
    if (email.length === 0) continue;
    if (fields.some((field) => field.tagName.toLowerCase() === 'textarea' || field.getAttribute('type') === 'password'))
      continue;
    const container = smallContainer(form, 400, root);
    if (textOf(container).length > 600) continue;
    if (isKept(context, container) || guarded(context, container, ruleId, root)) continue;
    removeElement(context, container, ruleId, reason);
  }
}

/** `site-selectors`: the caller's per-site `remove` selectors. */
export function siteSelectors(context: DomRuleContext, root: ParentNode, ruleId: RuleId): void {
  if (!context.site) return;
  for (const { id, selector } of context.site.remove) {
    for (const element of selectAll(root, selector)) {
      if (!isAttached(element, root) || isKept(context, element)) continue;
      removeElement(context, element, ruleId, `per-site rule ${id} for ${context.site.host}: ${selector}`, id);
    }
  }
}

/**
 * Share of the page's prose that sits in the elements `captionSelectors` match. Galleries and
 * slideshows carry their text in captions; there the captions are the article and are kept.
 */
export function captionShare(root: ParentNode, captionSelectors: readonly string[]): number {
  const compiled = compileGroups([captionSelectors]);
  const [captions = []] = matchGroups(root, compiled);
  let captionChars = 0;
  for (const { element } of captions) {
    if (element.parentElement && insideGroup(element.parentElement, compiled, 0)) continue;
    captionChars += textOf(element).length;
  }
  if (captionChars === 0) return 0;
  let paragraphChars = 0;
  for (const paragraph of descendants(root)) {
    if (paragraph.localName.toLowerCase() !== 'p' || insideGroup(paragraph, compiled, 0)) continue;
    paragraphChars += textOf(paragraph).length;
  }
  return captionChars / (captionChars + paragraphChars);
}
