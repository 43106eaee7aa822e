import { normalizeSiteName } from './site-rules.js';
import type { SiteRuleAction } from './site-rules.js';

/** A per-site rule proposed from one block of a cleaned document, for a reviewer to adjust and save. */
export interface SiteRuleProposal {
  site: string;
  /** `keep` for a block the cleaner removed, `remove` for a block it kept. */
  action: SiteRuleAction;
  /** Which form the proposal leads with: a selector when the block's element names itself by class or id. */
  kind: 'selector' | 'text';
  /** Selectors for the block's element, most specific first (empty when its path is unknown). */
  selectors: string[];
  /** A text pattern matching the block: its opening words, anchored at the start. */
  text: string;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** `text` as a regular expression that matches it literally. */
function escapePattern(text: string): string {
  return text.replace(SPECIAL, '\\$&');
}

/** Split a path made by `cssPath` into its segments, keeping bracketed or quoted parts whole. */
function segmentsOf(path: string): string[] {
  return path
    .split(' > ')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

const named = (segment: string) => /[.#]/.test(segment);

/**
 * Selectors for the element at the end of `path` (a `cssPath`), most specific first: the
 * element itself when it has a class or id, then the element under each named ancestor (`div.story
 * p.note`), then the named ancestor's direct child chain. Elements without any class or id in
 * their path get no selector (one would match every paragraph of the site).
 */
export function selectorCandidates(path: string): string[] {
  const segments = segmentsOf(path);
  const last = segments.at(-1);
  if (!last) return [];
  const out: string[] = [];
  if (named(last)) out.push(last);
  for (let i = segments.length - 2; i >= 0; i -= 1) {
    const segment = segments[i]!;
    if (!named(segment)) continue;
    out.push(`${segment} ${last}`);
    out.push(segments.slice(i).join(' > '));
  }
  return [...new Set(out)];
}

/** A pattern for a block's text: its first words (up to about 60 characters), anchored at the start. */
export function textPatternFor(text: string): string {
  const squashed = text.replace(/\s+/g, ' ').trim();
  if (squashed.length <= 80) return `^${escapePattern(squashed)}$`;
  const cut = squashed.slice(0, 60);
  const words = cut.slice(0, Math.max(cut.lastIndexOf(' '), 20));
  return `^${escapePattern(words)}`;
}

/**
 * Propose a per-site rule from a block: `removed` says whether the cleaner removed it (then the
 * proposal keeps it) or kept it (then the proposal removes it). `selector` is the block's
 * recorded CSS path (`removed[].selector`, `blockSelectors[i]`), when known.
 */
export function proposeSiteRule(block: {
  host: string;
  text: string;
  selector?: string | null;
  removed: boolean;
}): SiteRuleProposal {
  const selectors = block.selector ? selectorCandidates(block.selector) : [];
  const last = block.selector ? segmentsOf(block.selector).at(-1) : undefined;
  return {
    site: normalizeSiteName(block.host),
    action: block.removed ? 'keep' : 'remove',
    kind: last && named(last) ? 'selector' : 'text',
    selectors,
    text: textPatternFor(block.text),
  };
}
