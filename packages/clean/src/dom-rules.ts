import { MARKER_PREFIX, extractBlocks } from './blocks.js';
import type { RuleStage } from './rules.js';
import { ruleById } from './rules.js';
import type { ResolvedSiteRules } from './site-rules.js';
import { squash } from './text-util.js';

/** A removal found on the DOM; its element was replaced by a marker comment `ck-removed:<index>`. */
export interface PendingRemoval {
  rule: string;
  category: string;
  reason: string;
  text: string;
  stage: RuleStage;
  /** Filled when the marker is met during block extraction: blocks emitted before it. */
  blockIndex?: number;
}

export interface DomRuleContext {
  document: Document;
  stage: 'dom-before' | 'dom-after';
  captions: 'keep' | 'drop';
  disabled: ReadonlySet<string>;
  site: ResolvedSiteRules | null;
  removals: PendingRemoval[];
  /** Reasons for a `suspect` status (a rule that would have removed the article). */
  suspicions: string[];
  /** Text length of the page body (of the article element after Readability), for the recall safeguard. */
  bodyChars: number;
}

const WIDGETS: Array<{ rule: string; selectors: string[]; reason: string }> = [
  {
    rule: 'cookie-consent/element',
    reason: 'consent banner markup',
    selectors: [
      '#cookie-notice',
      '.cookie-notice',
      '#cookie-law-info-bar',
      '.cli-modal',
      '#onetrust-consent-sdk',
      '#onetrust-banner-sdk',
      '#CybotCookiebotDialog',
      '.cc-window',
      '.cc-banner',
      '#cmplz-cookiebanner-container',
      '.cmplz-cookiebanner',
      '#usercentrics-root',
      '#BorlabsCookieBox',
      '.cookie-banner',
      '.cookie-consent',
      '#cookie-consent',
      '#gdpr-cookie-notice',
      '#didomi-host',
      '.qc-cmp2-container',
      '#cookiebanner',
      '.cookiebar',
      '#cookie-bar',
      '.cookie-bar',
      '#moove_gdpr_cookie_info_bar',
      '.gdpr-cookie-notice',
    ],
  },
  {
    rule: 'comments/widget',
    reason: 'comment system markup',
    selectors: [
      '#comments',
      '#respond',
      '.comments-area',
      '#wpdiscuz',
      '.wpdiscuz_top_clearing',
      '#wpd-threads',
      '.wpd-thread-wrapper',
      '.wpdiscuz-form-top-bar',
      '#disqus_thread',
      '.commentlist',
      '.comment-list',
      '#commentform',
      '.comment-respond',
      '.comments',
      '#comment-section',
      '.comment-section',
      '.comments-section',
      '.article-comments',
      '.user-comments',
      '.fb-comments',
      '#kommentare',
      '.kommentare',
      '.comment-body',
      '.comment-content',
      '[itemtype*="schema.org/Comment"]',
      '[itemprop="comment"]',
      '#coral_thread',
      '.coral-container',
      '.comments-link',
      '.comments-count',
      '.comment-count',
      '#commentsContainer',
      '.js-comments',
    ],
  },
  {
    rule: 'share/widget',
    reason: 'share-button library markup',
    selectors: [
      '.sharedaddy',
      '.sd-sharing-enabled',
      '.addtoany_share_save_container',
      '.a2a_kit',
      '.addtoany_list',
      '.addthis_toolbox',
      '.addthis_inline_share_toolbox',
      '.shareaholic-canvas',
      '.sharethis-inline-share-buttons',
      '.ssba',
      '.ssba-wrap',
      '.essb_links',
      '.mashsb-container',
      '.heateor_sss_sharing_container',
      '.heateor_sss_horizontal_sharing',
      '.swp_social_panel',
      '.shariff',
      '.social-share',
      '.social-sharing',
      '.share-buttons',
      '.sharing-buttons',
      '.share-bar',
      '.social-buttons',
      '.entry-share',
      '.post-share',
      '.article-share',
      '.share-links',
      '.share-tools',
      '.sharing',
      '.share-box',
      '.social-icons',
      '.social-links',
      '.jp-sharing-input-touch',
      '.wp-block-jetpack-sharing-buttons',
      '.dpsp-networks-btns-wrapper',
      '.sfsi_widget',
      '.ss-inline-share-wrapper',
      '.share-this',
      '.sharebar',
    ],
  },
  {
    rule: 'donation/widget',
    reason: 'donation plugin markup',
    selectors: [
      '.give-form-wrap',
      '.give-form',
      '.charitable-donation-form',
      '.seamless-donations-form',
      '.paypal-donations',
      '.donation-form',
      '.donate-form',
      '.dgx-donate',
      'form[action*="paypal.com/cgi-bin/webscr"]',
      'form[action*="paypal.com/donate"]',
      '.wp-block-jetpack-donations',
      '.kofi-button',
      '.patreon-button',
      '.donation-box',
      '.donate-box',
      '.wpedon-container',
      '.donation-widget',
    ],
  },
  {
    rule: 'newsletter/widget',
    reason: 'newsletter form markup',
    selectors: [
      '.mc4wp-form',
      '#mc_embed_signup',
      '.mc_embed_signup',
      '.tnp-subscription',
      '.tnp-widget',
      '.jetpack_subscription_widget',
      '.wp-block-jetpack-subscriptions',
      '.newsletter-signup',
      '.newsletter-form',
      '.newsletter-box',
      '.newsletter-widget',
      '.formkit-form',
      '.klaviyo-form',
      '.sib-form',
      '.mailpoet_form',
      '.emailoctopus-form-wrapper',
      '.newsletter-teaser',
      '.newsletter-cta',
      '.newsletter-subscribe',
    ],
  },
  {
    rule: 'related/widget',
    reason: 'related-content widget markup',
    selectors: [
      '.jp-relatedposts',
      '#jp-relatedposts',
      '.yarpp-related',
      '.yarpp',
      '.crp_related',
      '.related-posts',
      '.related-articles',
      '.rp4wp-related-posts',
      '.OUTBRAIN',
      '.ob-widget',
      '[id^="taboola"]',
      '.trc_related_container',
      '.zem_rp_wrap',
      '.related-content',
      '.related-stories',
      '.relatedPosts',
      '.wp-block-related-posts',
      '.more-articles',
      '.read-more-articles',
      '.recommended-articles',
    ],
  },
  {
    rule: 'author-bio/widget',
    reason: 'author box markup',
    selectors: [
      '.saboxplugin-wrap',
      '.molongui-author-box',
      '.m-a-box',
      '.author-bio',
      '.author-box',
      '.about-author',
      '.pp-multiple-authors-boxes-wrapper',
      '.abh_box',
      '.wp-block-post-author',
      '.post-author-bio',
      '.author-description',
      '.author-info',
      '.authorbox',
      '.author-card',
      '.td-author-box',
    ],
  },
  {
    rule: 'advertisement/element',
    reason: 'ad slot markup',
    selectors: [
      'ins.adsbygoogle',
      '.adsbygoogle',
      '[id^="div-gpt-ad"]',
      '.advertisement',
      '.ad-slot',
      '.ad-container',
      '.ad-wrapper',
      '.adsense',
      '[data-ad-slot]',
      '.code-block',
      '.ad-unit',
      '.advert',
      '.adbox',
      '.ad-banner',
      '[data-google-query-id]',
      '.google-auto-placed',
    ],
  },
  {
    rule: 'paywall-notice/element',
    reason: 'paywall markup',
    selectors: ['.paywall', '#paywall', '.regwall', '.subscription-required', '.paywall-prompt', '.piano-offer'],
  },
  {
    rule: 'navigation/element',
    reason: 'navigation markup',
    selectors: [
      'nav',
      '[role="navigation"]',
      '.breadcrumb',
      '.breadcrumbs',
      '[aria-label="breadcrumb"]',
      '[aria-label="Breadcrumb"]',
      '.pagination',
      '.nav-links',
      '.post-navigation',
      '.skip-link',
      'form[role="search"]',
      '.search-form',
      '.post-nav',
      '.navigation',
    ],
  },
  {
    rule: 'boilerplate/hidden',
    reason: 'hidden or screen-reader-only element',
    selectors: ['template', '[hidden]', '.screen-reader-text', '.sr-only', '.visually-hidden', '.visuallyhidden'],
  },
];

const CREDIT_SELECTORS = [
  'figure .credit',
  'figure .credits',
  '.image-credit',
  '.photo-credit',
  '.media-credit',
  '.wp-caption-credit',
  'figure .copyright',
  'figcaption .copyright',
  '[itemprop="copyrightHolder"]',
  '[itemprop="creditText"]',
  '.caption .credit',
  '.img-credit',
  '.credit-caption',
  '.image-source',
  'figcaption small',
];
const CAPTION_SELECTORS = [
  'figcaption',
  '.wp-caption-text',
  '.wp-element-caption',
  '.caption',
  '.image-caption',
  '.photo-caption',
  '.img-caption',
  '[itemprop="caption"]',
  '.caption-text',
  '.media-caption',
];

const SHARE_HREF =
  /(facebook\.com\/(sharer|share\.php|dialog\/share)|twitter\.com\/(intent|share|home\?status)|x\.com\/intent|linkedin\.com\/(share|shareArticle|cws\/share)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|api\.whatsapp\.com\/send|\/\/wa\.me\/|^whatsapp:|t\.me\/share|telegram\.me\/share|^mailto:\?|xing\.com\/(spi\/shares|social\/share)|vk\.com\/share\.php|tumblr\.com\/(share|widgets\/share)|getpocket\.com\/(save|edit)|flipboard\.com\/bookmarklet|news\.ycombinator\.com\/submitlink|bsky\.app\/intent|threads\.net\/intent|mastodonshare|buffer\.com\/add|plus\.google\.com\/share)/i;
const APP_HREF = /(apps\.apple\.com\/|itunes\.apple\.com\/[a-z-/]*app\/|play\.google\.com\/store\/apps)/i;
const MAIN_CONTENT =
  'h1, [itemprop="articleBody"], .entry-content, .post-content, .article-body, .article-content, .story-body';

function textOf(element: Element): string {
  return squash(element.textContent ?? '');
}

/** Removed text with block boundaries kept as spaces ("Share this: Facebook X", not "Share this:FacebookX"). */
function blockTextOf(element: Element): string {
  return extractBlocks(element, [])
    .map((block) => block.text.replace(/\n/g, ' '))
    .join(' ');
}

/** Remove `element`, leaving a marker comment so the removal can be placed among the kept blocks. */
export function removeElement(context: DomRuleContext, element: Element, ruleId: string, reason: string): void {
  const rule = ruleById(ruleId);
  const text = blockTextOf(element);
  const parent = element.parentNode;
  if (!parent) return;
  if (text !== '') {
    const index = context.removals.length;
    context.removals.push({ rule: rule.id, category: rule.category, reason, text, stage: context.stage });
    parent.insertBefore(context.document.createComment(`${MARKER_PREFIX}${index}`), element);
  }
  parent.removeChild(element);
}

function isKept(context: DomRuleContext, element: Element): boolean {
  const keep = context.site?.keep ?? [];
  for (const selector of keep) {
    if (matches(element, selector) || closest(element, selector) || element.querySelector(selector)) return true;
  }
  return false;
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

function closest(element: Element, selector: string): Element | null {
  try {
    return element.closest(selector);
  } catch {
    return null;
  }
}

function selectAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * The recall safeguard: an element that holds the page's main content (its h1, an
 * articleBody, or more than half of the body text) is not removed by a widget rule; the
 * document is flagged instead.
 */
function guarded(context: DomRuleContext, element: Element, ruleId: string, root: ParentNode): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'body' || tag === 'html' || tag === 'main' || element === root) return true;
  const holdsMain = context.stage === 'dom-before' && element.querySelector(MAIN_CONTENT) !== null;
  const chars = textOf(element).length;
  // Before Readability a comment thread may well be half the page; inside the article it may not.
  const tooLarge =
    context.stage === 'dom-after'
      ? chars > 200 && chars > context.bodyChars * 0.5
      : !ruleId.startsWith('comments/') && chars > 1500 && chars > context.bodyChars * 0.5;
  if (holdsMain || tooLarge) {
    const message = `rule ${ruleId} matched an element holding ${holdsMain ? 'the main content' : `${chars} of ${context.bodyChars} characters of the page text`}; kept`;
    if (!context.suspicions.includes(message)) context.suspicions.push(message);
    return true;
  }
  return false;
}

function enabled(context: DomRuleContext, ruleId: string): boolean {
  const rule = ruleById(ruleId);
  return !context.disabled.has(rule.category) && !context.disabled.has(rule.id);
}

/** A compound selector: a tag, classes, ids and attribute tests (`nav`, `.a.b`, `ins.ad`, `[id^="x"]`). */
interface Compound {
  tag: string | null;
  classes: string[];
  ids: string[];
  attrs: Array<{ name: string; op: '' | '=' | '^=' | '*=' | '$='; value: string }>;
}

/** One selector of a group: a compound, optionally inside an ancestor compound (`figure .credit`). */
interface SimpleSelector {
  group: number;
  index: number;
  compound: Compound;
  ancestor: Compound | null;
}

/**
 * Selector groups compiled for one walk over the tree: simple selectors are looked up by an
 * element's class tokens, id, tag name and attribute names; any other selector of a group goes
 * to `querySelectorAll`. Matching a class selector through the DOM engine reads the element's
 * class list once per selector and element, which dominated the cleaning time on linkedom.
 */
interface CompiledGroups {
  selectors: string[][];
  /** Per group: its simple selectors. */
  entries: SimpleSelector[][];
  byClass: Map<string, SimpleSelector[]>;
  byId: Map<string, SimpleSelector[]>;
  byTag: Map<string, SimpleSelector[]>;
  byAttr: Map<string, SimpleSelector[]>;
  /** Per group: its selectors that are not simple, joined for one `querySelectorAll`. */
  complex: string[];
}

const COMPOUND = /^([a-z][a-z0-9]*)?((?:[.#][A-Za-z_][\w-]*|\[[a-z][a-z-]*(?:[\^*$]?="[^"\\]+")?\])*)$/;
/** Attributes whose values selectors compare case-sensitively in HTML (the ones the rules use). */
const EXACT_ATTRIBUTES = /^(?:id|role|itemprop|itemtype|action|aria-label|hidden|data-[a-z-]+)$/;

function parseCompound(text: string): Compound | null {
  const parts = COMPOUND.exec(text);
  if (!parts || text === '') return null;
  const compound: Compound = { tag: parts[1] ?? null, classes: [], ids: [], attrs: [] };
  for (const piece of (parts[2] ?? '').match(/[.#][^.#[]+|\[[^\]]+\]/g) ?? []) {
    if (piece.startsWith('.')) compound.classes.push(piece.slice(1));
    else if (piece.startsWith('#')) compound.ids.push(piece.slice(1));
    else {
      const attr = /^\[([a-z-]+)(?:([\^*$]?=)"(.*)")?\]$/.exec(piece);
      if (!attr || !EXACT_ATTRIBUTES.test(attr[1] ?? '')) return null;
      compound.attrs.push({
        name: attr[1] ?? '',
        op: (attr[2] ?? '') as Compound['attrs'][number]['op'],
        value: attr[3] ?? '',
      });
    }
  }
  return compound;
}

function parseSelector(selector: string): { compound: Compound; ancestor: Compound | null } | null {
  const parts = selector.split(' ');
  if (parts.length > 2) return null;
  const compound = parseCompound(parts[parts.length - 1] ?? '');
  const ancestor = parts.length === 2 ? parseCompound(parts[0] ?? '') : null;
  if (!compound || (parts.length === 2 && !ancestor)) return null;
  return { compound, ancestor };
}

function compileGroups(groups: string[][]): CompiledGroups {
  const compiled: CompiledGroups = {
    selectors: groups,
    entries: [],
    byClass: new Map(),
    byId: new Map(),
    byTag: new Map(),
    byAttr: new Map(),
    complex: [],
  };
  const add = (map: Map<string, SimpleSelector[]>, key: string, entry: SimpleSelector): void => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  groups.forEach((selectors, group) => {
    const complex: string[] = [];
    const entries: SimpleSelector[] = [];
    selectors.forEach((selector, index) => {
      const parsed = parseSelector(selector);
      if (!parsed) {
        complex.push(selector);
        return;
      }
      const entry: SimpleSelector = { group, index, ...parsed };
      entries.push(entry);
      // Indexed by one of its parts: every element that matches the selector has that part.
      const { ids, classes, tag, attrs } = entry.compound;
      if (ids[0] !== undefined) add(compiled.byId, ids[0], entry);
      else if (classes[0] !== undefined) add(compiled.byClass, classes[0], entry);
      else if (tag !== null) add(compiled.byTag, tag, entry);
      else add(compiled.byAttr, attrs[0]?.name ?? '', entry);
    });
    compiled.entries.push(entries);
    compiled.complex.push(complex.join(', '));
  });
  return compiled;
}

/** What a compound selector tests on an element, read once. */
interface ElementFacts {
  tag: string;
  classes: string[];
  id: string;
}

function factsOf(element: Element): ElementFacts {
  const classAttr = element.getAttribute('class');
  return {
    tag: element.localName.toLowerCase(),
    classes: classAttr ? classAttr.split(/[ \t\n\f\r]+/).filter((name) => name !== '') : [],
    id: element.getAttribute('id') ?? '',
  };
}

function compoundMatches(compound: Compound, element: Element, facts: ElementFacts): boolean {
  if (compound.tag !== null && compound.tag !== facts.tag) return false;
  for (const name of compound.ids) if (name !== facts.id) return false;
  for (const name of compound.classes) if (!facts.classes.includes(name)) return false;
  for (const { name, op, value } of compound.attrs) {
    const actual = element.getAttribute(name);
    if (actual === null) return false;
    if (op === '=' && actual !== value) return false;
    if (op === '^=' && !actual.startsWith(value)) return false;
    if (op === '*=' && !actual.includes(value)) return false;
    if (op === '$=' && !actual.endsWith(value)) return false;
  }
  return true;
}

function entryMatches(entry: SimpleSelector, element: Element, facts: ElementFacts): boolean {
  if (!compoundMatches(entry.compound, element, facts)) return false;
  if (!entry.ancestor) return true;
  for (let up = element.parentElement; up; up = up.parentElement) {
    if (compoundMatches(entry.ancestor, up, factsOf(up))) return true;
  }
  return false;
}

/** `element.matches(group)` for one compiled group. */
function matchesGroup(element: Element, compiled: CompiledGroups, group: number): boolean {
  const facts = factsOf(element);
  if ((compiled.entries[group] ?? []).some((entry) => entryMatches(entry, element, facts))) return true;
  const complex = compiled.complex[group] ?? '';
  return complex !== '' && matches(element, complex);
}

/** `element.closest(group)` for one compiled group, as a yes or no. */
function insideGroup(element: Element, compiled: CompiledGroups, group: number): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (matchesGroup(node, compiled, group)) return true;
  }
  return false;
}

/** Every element under `root` (not `root` itself) in document order. */
function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (parent: ParentNode): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      out.push(child);
      // Template contents are not part of the tree for selectors (nor for `querySelectorAll`).
      if (child.localName.toLowerCase() !== 'template') walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * For each group, the elements under `root` matching one of its selectors, in document order
 * (what `querySelectorAll` of the joined group gives), with the first matching selector.
 */
function matchGroups(root: ParentNode, compiled: CompiledGroups): Array<Array<{ element: Element; selector: string }>> {
  const groups = compiled.selectors;
  const document = (root as Node).ownerDocument ?? (root as Document);
  // Class and id selectors match case-insensitively in quirks mode: leave that to the engine.
  if (document.compatMode === 'BackCompat') {
    return groups.map((selectors) =>
      selectAll(root, selectors.join(', ')).map((element) => ({
        element,
        selector: selectors.find((candidate) => matches(element, candidate)) ?? selectors[0] ?? '',
      })),
    );
  }
  const complexHits = compiled.complex.map((joined) => (joined === '' ? null : new Set(selectAll(root, joined))));
  const results: Array<Array<{ element: Element; selector: string }>> = groups.map(() => []);
  const best: number[] = groups.map(() => -1);
  const attrNames = [...compiled.byAttr.keys()];
  for (const element of descendants(root)) {
    const facts = factsOf(element);
    best.fill(-1);
    const consider = (entries: SimpleSelector[] | undefined): void => {
      if (!entries) return;
      for (const entry of entries) {
        if (!entryMatches(entry, element, facts)) continue;
        const current = best[entry.group] ?? -1;
        if (current === -1 || entry.index < current) best[entry.group] = entry.index;
      }
    };
    consider(compiled.byTag.get(facts.tag));
    if (facts.id !== '') consider(compiled.byId.get(facts.id));
    for (const name of new Set(facts.classes)) consider(compiled.byClass.get(name));
    for (const name of attrNames) if (element.hasAttribute(name)) consider(compiled.byAttr.get(name));
    for (let group = 0; group < groups.length; group += 1) {
      const selectors = groups[group] ?? [];
      let index = best[group] ?? -1;
      if (complexHits[group]?.has(element)) {
        // The first selector of the group that matches, as when the whole group was tested in order.
        const limit = index === -1 ? selectors.length : index;
        for (let i = 0; i < limit; i += 1) {
          const selector = selectors[i] ?? '';
          if (!parseSelector(selector) && matches(element, selector)) {
            index = i;
            break;
          }
        }
      }
      if (index !== -1) results[group]?.push({ element, selector: selectors[index] ?? '' });
    }
  }
  return results;
}

/** Remove the given elements (outermost first) for one rule. */
function removeMatched(
  context: DomRuleContext,
  root: ParentNode,
  matched: Array<{ element: Element; selector: string }>,
  ruleId: string,
  reason: string,
): void {
  if (!enabled(context, ruleId)) return;
  for (const { element, selector } of matched) {
    if (!isAttached(element, root)) continue;
    // A paywall class often wraps the article body itself: only small notices go.
    if (ruleId === 'paywall-notice/element' && textOf(element).length > 600) continue;
    if (isKept(context, element) || guarded(context, element, ruleId, root)) continue;
    removeElement(context, element, ruleId, `${reason} (${selector})`);
  }
}

/** Remove every element matching `selectors` under `root` (outermost first), in one pass over the tree. */
function removeMatching(
  context: DomRuleContext,
  root: ParentNode,
  selectors: string[],
  ruleId: string,
  reason: string,
): void {
  if (!enabled(context, ruleId)) return;
  const [matched] = matchGroups(root, compileGroups([selectors]));
  removeMatched(context, root, matched ?? [], ruleId, reason);
}

function isAttached(element: Element, root: ParentNode): boolean {
  let node: Node | null = element;
  while (node) {
    if (node === root) return true;
    node = node.parentNode;
  }
  return false;
}

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

function removeLinkWidgets(
  context: DomRuleContext,
  root: ParentNode,
  pattern: RegExp,
  ruleId: string,
  reason: string,
): void {
  if (!enabled(context, ruleId)) return;
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
    removeElement(context, container, ruleId, `${reason}: ${matching} of ${inside.length} links`);
  }
}

function removeEmailForms(context: DomRuleContext, root: ParentNode): void {
  const ruleId = 'newsletter/email-form';
  if (!enabled(context, ruleId)) return;
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
    removeElement(context, container, ruleId, 'small form whose text field is an e-mail address');
  }
}

/**
 * Share of the page's prose that sits in captions. Galleries and slideshows carry their
 * text in captions; there the captions are the article and are kept.
 */
export function captionShare(root: ParentNode): number {
  const compiled = compileGroups([CAPTION_SELECTORS]);
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

/** Credits always go; captions go when `captions` is `drop`. */
function removeCaptions(context: DomRuleContext, root: ParentNode): void {
  removeMatching(context, root, CREDIT_SELECTORS, 'image-credit/element', 'image credit markup');
  if (context.captions === 'drop') removeMatching(context, root, CAPTION_SELECTORS, 'caption/figure', 'figure caption');
}

function removeSiteSelectors(context: DomRuleContext, root: ParentNode): void {
  if (!context.site || context.disabled.has('site-rule')) return;
  for (const selector of context.site.remove) {
    for (const element of selectAll(root, selector)) {
      if (!isAttached(element, root) || isKept(context, element)) continue;
      removeElement(context, element, 'site-rule/remove', `per-site rule for ${context.site.host}: ${selector}`);
    }
  }
}

/** Apply the DOM rules under `root` (the body before Readability, the article element after it). */
export function applyDomRules(context: DomRuleContext, root: ParentNode): void {
  removeSiteSelectors(context, root);
  // Removals only take elements out, so matching every group before removing anything gives
  // the same elements as matching each group in turn (detached ones are skipped).
  const widgets = WIDGETS.filter(
    (widget) =>
      enabled(context, widget.rule) && !(context.stage === 'dom-after' && widget.rule === 'boilerplate/hidden'),
  );
  const matched = matchGroups(root, compileGroups(widgets.map((widget) => widget.selectors)));
  widgets.forEach((widget, index) => removeMatched(context, root, matched[index] ?? [], widget.rule, widget.reason));
  removeLinkWidgets(context, root, SHARE_HREF, 'share/links', 'block of share links');
  removeLinkWidgets(context, root, APP_HREF, 'promo/app-links', 'block of app-store links');
  removeEmailForms(context, root);
  removeCaptions(context, root);
}
