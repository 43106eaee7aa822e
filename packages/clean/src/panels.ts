/**
 * Tab and accordion panels: text a control of the page shows in place (a tab, an accordion's
 * button), often written hidden until the reader opens it. On some page types that text is the
 * page's own (a service page's tabs of offers, its questions and answers), not a pop-up.
 */

import { LANDMARK_SELECTOR } from './features/landmarks.js';
import type { PageType, RuleDefinition } from './rule-types.js';
import { squash } from './text-util.js';
import { lowerCase } from './lower-case.js';

/** A pop-up, not a panel of the page: a dialog by tag, role or `aria-modal`. */
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/** A panel is the page's text, not a menu: under this share of its text in links. */
const MAX_PANEL_LINK_SHARE = 0.5;
/** An accordion's button stands beside its panel: in the panel's parent or the element above it. */
const MAX_CONTROL_LEVELS = 2;
/**
 * A privacy or cookie settings panel, wherever its plain button stands: its opening text, or its
 * button's, names cookies together with consent or privacy (in a few languages; "cookie" is the word in
 * most). A bakery's cookies alone, or a consultant's privacy practice alone, are not one.
 */
const COOKIES = /\bcookie/i;
const CONSENT = /\b(?:consent|privac|partners|tracking|datenschutz|einwilligung|confidentialit)/i;
/** The words are read in a settings panel's opening text (and its button), not in all of a long panel. */
const SETTINGS_OPENING_CHARS = 300;

/** Whether a text names cookies together with consent or privacy (see COOKIES, CONSENT). */
export function readsAsCookieSettings(text: string): boolean {
  return COOKIES.test(text) && CONSENT.test(text);
}

/** Which panels a page keeps: tab and accordion panels, or tab panels only. */
export type PanelsKept = 'panels' | 'tabs';

/**
 * Which panels `rule` keeps on a page cleaned as `pageType`: tab and accordion panels (its
 * `keepPanelsOn`), tab panels only (its `keepTabsOn`), or none (null).
 */
export function keepsPanels(rule: RuleDefinition, pageType: PageType | null | undefined): PanelsKept | null {
  if (!pageType || rule.dom?.kind !== 'selectors') return null;
  if (rule.dom.keepPanelsOn?.includes(pageType)) return 'panels';
  return rule.dom.keepTabsOn?.includes(pageType) ? 'tabs' : null;
}

/**
 * A test of whether an element is a tab or accordion panel of `document`: `role="tabpanel"`, or
 * named by the `aria-controls` of a control that stands beside it (within MAX_CONTROL_LEVELS
 * above it, below the body, and outside the page's frame: an accordion's heading button; a
 * privacy settings panel, a search drawer or a mini-cart is opened from elsewhere on the page,
 * often from its header or footer). Never in the page's frame (a header, footer,
 * menu or sidebar), never a dialog nor inside or around one, not mostly links (a drop-down
 * menu), and not a cookie or privacy settings panel opened by a plain button (COOKIES and CONSENT).
 * With `kept` 'tabs', an element named by `aria-controls` is a panel only when one of its controls
 * is a tab (role tab, or inside a role tablist): an accordion's or a plain button's panel is not. The controls are read
 * once, when the first element with an id is asked about, and each element's answer is kept.
 */
export function panelTest(document: Document, kept: PanelsKept = 'panels'): (element: Element) => boolean {
  // The controls by the ids they name, read once (a panel test made for a page that Readability
  // then set back from a copy must be made again: see readability.ts).
  let controls: Map<string, Element[]> | null = null;
  const controlsOf = (id: string): Element[] => {
    if (!controls) {
      controls = new Map();
      for (const control of Array.from(document.querySelectorAll('[aria-controls]')))
        for (const name of (control.getAttribute('aria-controls') ?? '').split(/\s+/)) {
          if (!name) continue;
          const list = controls.get(name);
          if (list) list.push(control);
          else controls.set(name, [control]);
        }
    }
    return controls.get(id) ?? [];
  };
  const besideControl = (element: Element, id: string): boolean => {
    // A control in the page's frame (a footer's privacy settings, a header's menu button) opens the frame's panels.
    const beside = controlsOf(id).filter((control) => !control.closest(LANDMARK_SELECTOR));
    if (beside.length === 0) return false;
    let above: Element | null = element.parentElement;
    for (let level = 1; above && level <= MAX_CONTROL_LEVELS; level++, above = above.parentElement) {
      const tag = lowerCase(above.localName);
      if (tag === 'body' || tag === 'html') break;
      const around = above;
      if (beside.some((control) => around.contains(control))) return true;
    }
    return false;
  };
  // Readability asks again of the same element in each pass.
  const known = new WeakMap<Element, boolean>();
  const isPanel = (element: Element): boolean => {
    let answer = known.get(element);
    if (answer === undefined) {
      answer = panel(element);
      known.set(element, answer);
    }
    return answer;
  };
  const panel = (element: Element): boolean => {
    if (element.getAttribute('role') !== 'tabpanel') {
      const id = element.getAttribute('id');
      if (!id || !besideControl(element, id)) return false;
      // Tabs only: a control of the panel is a tab (role tab, or in a tab list), not a plain button.
      if (kept === 'tabs' && !controlsOf(id).some((control) => control.closest('[role="tab"], [role="tablist"]')))
        return false;
    }
    if (element.closest(LANDMARK_SELECTOR)) return false;
    if (element.matches(DIALOG) || element.closest(DIALOG) || element.querySelector(DIALOG)) return false;
    const text = squash(element.textContent ?? '');
    let links = 0;
    for (const a of Array.from(element.getElementsByTagName('a'))) links += squash(a.textContent ?? '').length;
    if (text.length === 0 || links >= MAX_PANEL_LINK_SHARE * text.length) return false;
    return !settingsPanel(element, text);
  };
  // A panel a plain button opens (not a tab's) whose button, or whose opening text, reads as
  // cookie or privacy settings. A tab's panel is the page's text even where one of its answers
  // is about cookies and privacy; so is the rest of a long panel. `text` is the panel's, squashed.
  const settingsPanel = (element: Element, text: string): boolean => {
    if (element.getAttribute('role') === 'tabpanel') return false;
    const id = element.getAttribute('id');
    const controls = id ? controlsOf(id) : [];
    if (controls.some((c) => c.getAttribute('role') === 'tab')) return false;
    const labels = controls.map((c) => `${c.textContent ?? ''} ${c.getAttribute('aria-label') ?? ''}`);
    return readsAsCookieSettings([text.slice(0, SETTINGS_OPENING_CHARS), ...labels].join(' '));
  };
  return isPanel;
}
