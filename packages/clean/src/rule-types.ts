import type { RemovalCategory } from '@corpuskit/document';

/** Where a rule works: on the DOM before Readability, on the article DOM after it, or on text blocks. */
export type RuleStage = 'dom-before' | 'dom-after' | 'text';

/** The kinds of page the cleaner tells apart; a rule may be limited to some of them. */
export const PAGE_TYPES = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/**
 * Named DOM procedures: the few DOM rules whose matching needs code (where links point, what
 * a form asks for, the caller's per-site selectors, what the article left out of the page).
 * Their data (patterns) is in the rule.
 */
export type DomProcedure =
  | 'link-block'
  | 'email-form'
  | 'rating-widget'
  | 'named-caption'
  | 'site-selectors'
  | 'outside-article'
  | 'post-chrome'
  | 'region-chrome'
  | 'shop-rows'
  | 'teaser-cards'
  | 'filter-panel'
  | 'consent-box'
  | 'folded-menu'
  | 'contents-list';

/**
 * Named text procedures: rules that look at more than one line (a thread after its marker, a
 * run of amounts, lines at the top or bottom of the article, a heading and the lines under it).
 */
export type TextProcedure =
  | 'comment-thread'
  | 'amount-run'
  | 'head-lines'
  | 'byline-role'
  | 'related-heading'
  | 'trailing-links'
  | 'about-company'
  | 'trailing-short'
  | 'repeated-run'
  | 'closing-bio'
  | 'after-prose'
  | 'closing-link'
  | 'repeated-block'
  | 'call-line'
  | 'site-text'
  | 'affiliate-disclosure';

/** Named line tests that need code rather than one pattern. */
export type LineProcedure =
  | 'repeated-line'
  | 'trailing-credit'
  | 'credited-caption'
  | 'share-labels'
  | 'profile-link'
  | 'ui-message'
  | 'page-numbers'
  | 'platform-line';

/** Selectors as data, in the same form as the `remove` list of per-site rules. */
interface DomSelectors {
  kind: 'selectors';
  selectors: readonly string[];
  /** Reason recorded with each removal; the matching selector is appended. */
  reason: string;
  /** Elements with more text than this are left alone (a class that also wraps the article). */
  maxChars?: number;
  /** Only applied when captions are dropped. */
  captionsDropped?: boolean;
  /**
   * On these page types a tab or accordion panel stays (see `panelTest` in panels.ts): text a
   * control of the page shows, not a pop-up.
   */
  keepPanelsOn?: readonly PageType[];
  /**
   * On these page types a tab's panel stays, not an accordion's (see `panelTest`): a manual's step
   * written once per system or language, beside a "Was this helpful?" reply a button opens.
   */
  keepTabsOn?: readonly PageType[];
}

interface DomCode {
  kind: 'procedure';
  procedure: DomProcedure;
  reason: string;
  patterns?: Readonly<Record<string, RegExp>>;
}

export type DomMatcher = DomSelectors | DomCode;

/**
 * One test of a single line in the line pass. All given conditions must hold. `before` is the
 * share of the article's characters above the line.
 */
export interface LineTest {
  reason: string;
  /** Tested against the trimmed text, or its label form (lower case, punctuation as spaces). */
  pattern?: RegExp;
  on?: 'text' | 'label';
  /** A second pattern that must also match the text. */
  also?: RegExp;
  /** At least this many different matches of `pattern` (which then has the `g` flag). */
  minDistinct?: number;
  maxChars?: number;
  maxWords?: number;
  /** Not a heading block. */
  notHeading?: boolean;
  /** Not a paragraph that is all bold text (a heading written as `<p><strong>…</strong></p>`). */
  notBoldParagraph?: boolean;
  /**
   * Not an item of a list beside other short items (a list item right after or before another
   * list item of 40 characters or less that ends no sentence), unless its text ends in an
   * ellipsis: a word in a list of labels is one of the list's entries.
   */
  notListEntry?: boolean;
  /**
   * Not on a cookie or privacy policy (policy-page.ts `isPolicyPage`): a page about the very thing
   * the line is a notice of.
   */
  notOnPolicyPage?: boolean;
  /** Only a block of this kind (from block extraction). */
  blockKind?: 'caption';
  /** Only when captions are dropped. */
  captionsDropped?: boolean;
  /** The text does not end like a sentence. */
  notSentence?: boolean;
  /** No sentence break inside the text (". " followed by a capital). */
  oneSentence?: boolean;
  /** More than this share of the article lies above the line. */
  after?: number;
  /** Or instead: one of the first N blocks. */
  firstBlocks?: number;
  /** Or instead: above the article's first long paragraph (a title, byline and date area). */
  head?: boolean;
  /** Or instead: below the article's last long paragraph (not counting one removed before the line pass). */
  tail?: boolean;
  /** Link evidence: link density above `over`; on plain text (no links) the test passes or fails as given. */
  links?: { over: number; plain: 'pass' | 'fail' };
  /** Named code for the test; it gets the other fields as data. */
  procedure?: LineProcedure;
}

interface TextMatcher {
  /** Tests run in the line pass, in order; the first test of an enabled rule that matches removes the line. */
  lines?: readonly LineTest[];
  /** Named code run in its own step (see the text engine for the order of steps). */
  procedure?: TextProcedure;
  /** Patterns and word lists the procedure uses. */
  patterns?: Readonly<Record<string, RegExp>>;
  words?: Readonly<Record<string, readonly string[]>>;
}

/**
 * An example a rule must handle. `input` is a body line (put in a `<p>`) or markup (when it
 * starts with `<`), placed in a plain test article: above the first paragraph, between the
 * paragraphs (default) or after the last. `target` (default: the input's text) is the text the
 * rule must remove, or that must stay in the output.
 */
export interface RuleExample {
  input: string;
  at?: 'top' | 'middle' | 'end';
  target?: string;
  options?: {
    captions?: 'keep' | 'drop';
    repeatedLines?: Readonly<Record<string, number>>;
    siteRemove?: readonly string[];
    /** Per-site text patterns to remove. */
    siteRemoveText?: readonly string[];
    /** The page type the caller gives (clean()'s `pageType`). */
    pageType?: PageType;
  };
  /** The target stays in the text once: the rule removes a repeat of text kept elsewhere. */
  keptOnce?: boolean;
}

export interface RuleDefinition {
  /** Stable id `category/name`; never reused for another meaning. */
  id: string;
  category: RemovalCategory;
  description: string;
  stages: readonly RuleStage[];
  /** Page types the rule applies to; all when absent. */
  pageTypes?: readonly PageType[];
  /** Bumped when the rule's behaviour changes in a way its data does not show. */
  revision: number;
  dom?: DomMatcher;
  text?: TextMatcher;
  /** Examples the rule must remove and examples it must keep (at least one of each). */
  examples: { remove: readonly RuleExample[]; keep: readonly RuleExample[] };
}

/** Keeps the literal types of a table of rules (for the id union) while checking its shape. */
export function defineRules<const T extends readonly RuleDefinition[]>(rules: T): T {
  return rules;
}
