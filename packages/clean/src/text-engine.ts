/**
 * The text rule engine: runs the text matchers of the rule pack on the article's blocks, in
 * `TEXT_STEPS` order: multi-line procedures, then the line pass (each line meets the line
 * tests of the enabled rules in `LINE_ORDER`; the first that matches removes it), then the
 * procedures that look at what is left at the end of the article. Disabled rules are skipped
 * before matching, so turning one off never hides a line from another.
 */

import { wholeBold } from './blocks.js';
import type { Block } from './blocks.js';
import type { PageAddresses } from './faq.js';
import { ruleById } from './rules.js';
import type { LineTest, PageType, RuleDefinition, RuleId, TextProcedure } from './rules.js';
import { KEEP_MARK, ruleApplies } from './dom-removal.js';
import { LINE_PROCEDURES, TEXT_PROCEDURES } from './text-procedures.js';
import type { ResolvedTextRule } from './site-rules.js';
import { endsLikeSentence, labelForm, squash, wordCount } from './text-util.js';

export interface TextRemoval {
  rule: string;
  category: string;
  reason: string;
  text: string;
  /** Index of the block (in the list given to `applyTextRules`) the text came from. */
  blockIndex: number;
  /** The per-site rule's id, for removals by a rule of the corpus's own rules. */
  siteRule?: string;
}

export interface TextRuleContext {
  title: string | null;
  /** The page is a cookie or privacy policy (policy-page.ts `isPolicyPage`; for plain text, its title names one). */
  policyPage?: boolean;
  /** The page's own addresses (faq.ts `pageAddresses`): a link to one of them is a link to a place on the page. */
  page?: PageAddresses;
  byline: string | null;
  captions: 'keep' | 'drop';
  disabled: ReadonlySet<string>;
  /** Normalised line -> number of pages of the site it was seen on. */
  repeated: ReadonlyMap<string, number>;
  /** True for plain-text input (no link or markup evidence). */
  plainText: boolean;
  /** The page's type when known: rules limited to other types are skipped. */
  pageType?: PageType | null;
  /** Rules that run whatever the page type (widen.ts `AROUND_RULES` on a widened service page). */
  alsoRules?: ReadonlySet<string>;
  /**
   * Per-site rules for the text: patterns of blocks to remove, and the blocks no rule may remove
   * (those a keep pattern matches, and those of an element a keep selector protects).
   */
  siteText?: {
    remove: readonly ResolvedTextRule[];
    keep: readonly ResolvedTextRule[];
    /** The site has keep selectors: the blocks of the elements they marked (`KEEP_MARK`) are kept. */
    keepMarked?: boolean;
  } | null;
}

export interface TextRuleResult {
  kept: Block[];
  /** For each kept block, its index in the input list. */
  keptIndex: number[];
  removals: TextRemoval[];
}

/** What the rules read of a block, computed once. */
interface Facts {
  label: string;
  chars: number;
  words: number;
  linkDensity: number;
  long: boolean;
}

/** The state the steps share: the blocks, their facts, and what has been removed or trimmed so far. */
export interface TextState {
  blocks: Block[];
  facts: Facts[];
  /** Share of the article's characters above each block. */
  before: number[];
  /** The first long paragraph's index (the block count when there is none). */
  firstLong: number;
  /** The last long paragraph not removed before the line pass (-1 when there is none); set by the line pass. */
  lastLong: number;
  context: TextRuleContext;
  /** `drop`, unless captions hold most of the text (a gallery). */
  captions: 'keep' | 'drop';
  removed: Map<number, { rule: RuleId; reason: string; siteRule?: string }>;
  trimmed: Map<number, string>;
  /** Removals of part of a block (a caption's credit clause). */
  extra: TextRemoval[];
  enabled(ruleId: RuleId): boolean;
  /**
   * Remove block `index` for the rule, unless it is gone already, the rule is off, or a
   * per-site keep pattern protects it. `siteRule` names the per-site rule behind the removal.
   */
  remove(index: number, ruleId: RuleId, reason: string, siteRule?: string): void;
}

/** Rules of the line pass, in the order their tests are tried on each line. */
export const LINE_ORDER = [
  'repeated/site-line',
  'donation/appeal',
  'image-credit/enlarge',
  'image-credit/credit-line',
  'image-credit/trailing-credit',
  'caption/credited-line',
  'caption/figure',
  'share/buttons-line',
  'share/follow-call',
  'newsletter/signup-line',
  'related/inline-link',
  'author-bio/profile-link',
  'promo/podcast-platforms',
  'promo/app-links',
  'promo/contributor-pitch',
  'paywall-notice/line',
  'cookie-consent/line',
  'metadata-line/date',
  'boilerplate/loading',
  'boilerplate/ui-message',
  'boilerplate/disclaimer',
  'metadata-line/reading-time',
  'advertisement/label',
  'promo/subscription-pitch',
  'comments/controls',
  'navigation/line',
] as const satisfies readonly RuleId[];

/** The steps of the text stage, in order. */
export const TEXT_STEPS: ReadonlyArray<TextProcedure | 'lines'> = [
  'site-text',
  'repeated-run',
  'comment-thread',
  'amount-run',
  'head-lines',
  'byline-role',
  'lines',
  'related-heading',
  'trailing-links',
  'about-company',
  'trailing-short',
  'closing-bio',
  'after-prose',
  'closing-link',
  'call-line',
  'repeated-block',
  'affiliate-disclosure',
];

function factsOf(block: Block): Facts {
  const chars = block.text.length;
  return {
    label: labelForm(block.text),
    chars,
    words: wordCount(block.text),
    linkDensity: chars === 0 ? 0 : block.linkChars / chars,
    long: chars >= 150 && block.kind !== 'heading',
  };
}

function firstLongOf(facts: readonly Facts[]): number {
  const index = facts.findIndex((fact) => fact.long);
  return index < 0 ? facts.length : index;
}

/**
 * A list item beside another list item that is a short label too (40 characters or less, no
 * sentence's end), its own text not ending in an ellipsis (see LineTest.notListEntry).
 */
function listEntry(blocks: readonly Block[], i: number): boolean {
  const block = blocks[i]!;
  if (block.kind !== 'li' || /(?:…|\.\.\.)$/.test(block.text.trim())) return false;
  const label = (other: Block | undefined) =>
    other?.kind === 'li' && other.text.trim().length <= 40 && !/[.!?…]$/.test(other.text.trim());
  return label(blocks[i - 1]) || label(blocks[i + 1]);
}

/** True when every condition of `test` holds for block `i` (its procedure, if any, decides the rest). */
function testHolds(test: LineTest, i: number, state: TextState): boolean {
  const block = state.blocks[i]!;
  const fact = state.facts[i]!;
  const text = block.text.trim();
  if (test.maxChars !== undefined && fact.chars > test.maxChars) return false;
  if (test.maxWords !== undefined && fact.words > test.maxWords) return false;
  if (test.notHeading && block.kind === 'heading') return false;
  if (test.notBoldParagraph && wholeBold(block)) return false;
  if (test.notListEntry && listEntry(state.blocks, i)) return false;
  if (test.notOnPolicyPage && state.context.policyPage === true) return false;
  if (test.blockKind !== undefined && block.kind !== test.blockKind) return false;
  if (test.captionsDropped && state.captions !== 'drop') return false;
  if (test.after !== undefined && !(state.before[i]! > test.after)) return false;
  if (test.firstBlocks !== undefined && i >= test.firstBlocks) return false;
  if (test.head && i >= state.firstLong) return false;
  if (test.tail && i <= state.lastLong) return false;
  if (test.links) {
    if (state.context.plainText ? test.links.plain === 'fail' : !(fact.linkDensity > test.links.over)) return false;
  }
  if (test.procedure) return true;
  const subject = test.on === 'label' ? fact.label : text;
  if (test.pattern) {
    if (test.minDistinct !== undefined) {
      const found = new Set((subject.match(test.pattern) ?? []).map((name) => name.toLowerCase()));
      if (found.size < test.minDistinct) return false;
    } else if (!test.pattern.test(subject)) return false;
  }
  if (test.also && !test.also.test(subject)) return false;
  if (test.notSentence && endsLikeSentence(text)) return false;
  if (test.oneSentence && /[.!?]\s+\p{Lu}/u.test(text.slice(0, -1))) return false;
  return true;
}

/**
 * The line pass: each line not yet removed meets the tests of the enabled line rules in order.
 * A preformatted block (code, a shell session, a config file) is no line of prose: its lines are
 * not captions, credits, bylines or labels, and are kept as written ("image: nginx:stable" in a
 * manifest is no image credit).
 */
function linePass(state: TextState): void {
  const rules: Array<{ id: RuleId; tests: readonly LineTest[] }> = [];
  for (const id of LINE_ORDER) {
    const tests = ruleById(id).text?.lines;
    if (tests && state.enabled(id)) rules.push({ id, tests });
  }
  state.lastLong = state.facts.findLastIndex((fact, i) => fact.long && !state.removed.has(i));
  for (let i = 0; i < state.blocks.length; i += 1) {
    if (state.removed.has(i) || state.blocks[i]!.kind === 'pre') continue;
    lines: for (const { id, tests } of rules) {
      for (const test of tests) {
        if (!testHolds(test, i, state)) continue;
        if (test.procedure) {
          if (LINE_PROCEDURES[test.procedure](state, i, id, test)) break lines;
          continue;
        }
        state.remove(i, id, test.reason);
        break lines;
      }
    }
  }
}

function applies(rule: RuleDefinition, context: TextRuleContext): boolean {
  return ruleApplies(rule, context.disabled, 'text', context.pageType, context.alsoRules);
}

/**
 * The blocks per-site keep rules protect from every text rule: a block a keep pattern matches,
 * and, when the site has keep selectors, a block from an element they protect from the DOM rules
 * (marked `KEEP_MARK`: the element, one inside it, or one around it), so a rule of the text stage
 * cannot take what the DOM stage kept.
 */
function keptBlocks(blocks: readonly Block[], keepText: readonly ResolvedTextRule[], keepMarked: boolean): Set<number> {
  const kept = new Set<number>();
  if (keepText.length === 0 && !keepMarked) return kept;
  const marked = `[${KEEP_MARK}]`;
  const inKeptElement = (node: Node): boolean => {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element) return false;
    return element.closest(marked) !== null || (node === element && element.querySelector(marked) !== null);
  };
  for (const [i, block] of blocks.entries()) {
    if (keepText.some((rule) => rule.regex.test(squash(block.text)))) kept.add(i);
    else if (keepMarked && block.nodes.some(inKeptElement)) kept.add(i);
  }
  return kept;
}

/** Apply the text rules to `blocks` (in reading order). */
export function applyTextRules(blocks: Block[], context: TextRuleContext): TextRuleResult {
  const facts = blocks.map(factsOf);
  const totalChars = facts.reduce((sum, fact) => sum + fact.chars, 0) || 1;
  const before: number[] = [];
  let running = 0;
  for (const fact of facts) {
    before.push(running / totalChars);
    running += fact.chars;
  }
  // Galleries: when captions hold most of the text, they are the article.
  const captionChars = blocks.reduce((sum, block, i) => sum + (block.kind === 'caption' ? facts[i]!.chars : 0), 0);
  const removed = new Map<number, { rule: RuleId; reason: string; siteRule?: string }>();
  const protectedBlocks = keptBlocks(blocks, context.siteText?.keep ?? [], context.siteText?.keepMarked === true);
  const enabledCache = new Map<RuleId, boolean>();
  const enabled = (ruleId: RuleId): boolean => {
    let on = enabledCache.get(ruleId);
    if (on === undefined) {
      on = applies(ruleById(ruleId), context);
      enabledCache.set(ruleId, on);
    }
    return on;
  };
  const state: TextState = {
    blocks,
    facts,
    before,
    firstLong: firstLongOf(facts),
    lastLong: -1,
    context,
    captions: captionChars > totalChars / 2 ? 'keep' : context.captions,
    removed,
    trimmed: new Map(),
    extra: [],
    enabled,
    remove(index, ruleId, reason, siteRule) {
      if (removed.has(index) || protectedBlocks.has(index) || !enabled(ruleId)) return;
      removed.set(index, { rule: ruleId, reason, ...(siteRule === undefined ? {} : { siteRule }) });
    },
  };
  for (const step of TEXT_STEPS) {
    if (step === 'lines') linePass(state);
    else TEXT_PROCEDURES[step](state);
  }

  const kept: Block[] = [];
  const keptIndex: number[] = [];
  const removals: TextRemoval[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const hit = removed.get(i);
    const block = blocks[i]!;
    // A block a per-site keep pattern protects stays whole: no trimmed credit, no partial removal.
    const isProtected = protectedBlocks.has(i);
    const text = isProtected ? block.text : (state.trimmed.get(i) ?? block.text);
    if (!isProtected) for (const removal of state.extra) if (removal.blockIndex === i) removals.push(removal);
    if (hit) {
      const rule = ruleById(hit.rule);
      removals.push({
        rule: rule.id,
        category: rule.category,
        reason: hit.reason,
        text,
        blockIndex: i,
        ...(hit.siteRule === undefined ? {} : { siteRule: hit.siteRule }),
      });
    } else if (text.trim() !== '') {
      kept.push(text === block.text ? block : { ...block, text });
      keptIndex.push(i);
    }
  }
  return { kept, keptIndex, removals };
}
