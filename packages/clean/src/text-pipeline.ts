import { emptyMetadata, hostOf } from '@corpuskit/document';

import type { Block } from './blocks.js';
import { placeTextRemovals } from './finish.js';
import type { Pipeline } from './finish.js';
import { textToMarkdown } from './markdown.js';
import type { Resolved } from './options.js';
import { COOKIE_PAGE_TITLE } from './rule-patterns.js';
import { siteRulesFor } from './site-rules.js';
import { applyTextRules } from './text-engine.js';
import { endsLikeSentence, squash } from './text-util.js';

const TITLE_SMALL_WORDS = new Set(
  'a an the and or but of in on at to for from by with as is are was be vs via per der die das und oder von im in am zu mit für le la les de des du et un une el los las y del'.split(
    ' ',
  ),
);

/** A first line that reads as a headline: short, no final full stop, most words capitalised. */
function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (line.length > 160 || words.length < 3 || words.length > 24) return false;
  if (/[.,;:]$/.test(line)) return false;
  const content = words.filter(
    (word) => !TITLE_SMALL_WORDS.has(word.toLowerCase()) && word.replace(/\P{L}/gu, '').length >= 3,
  );
  if (content.length === 0) return false;
  const capitalised = content.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  return capitalised / content.length >= 0.75;
}

/** Plain text: lines become blocks; a title and byline may be taken from the first lines. */
export function textPipeline(text: string, resolved: Resolved): Pipeline {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => squash(line.replace(/[\u00AD\u200B\uFEFF]/g, '')))
    .filter((line) => line !== '');
  const blocks: Block[] = lines.map((line) => ({ text: line, kind: 'p', level: 0, linkChars: 0, nodes: [] }));
  let title = resolved.title;
  let titleSource: string | null = title ? 'option' : null;
  if (!title) {
    const candidate = lines
      .slice(0, 8)
      .find(
        (line) =>
          !/^[\d\s$€£.,%]+$/.test(line) && looksLikeTitle(line) && !/^(?:support|by|von|written by)\b/i.test(line),
      );
    if (candidate) {
      title = candidate;
      titleSource = 'first-line';
    }
  }
  const bylineLine = lines
    .slice(0, 12)
    .find(
      (line) =>
        /^(?:written by|by|von|text:)\s+\p{Lu}/iu.test(line) &&
        line.length < 80 &&
        !endsLikeSentence(line.replace(/\.$/, '')),
    );
  const byline = bylineLine ? bylineLine.replace(/^(?:written by|by|von|text:)\s+/i, '').trim() : null;
  const site = siteRulesFor(resolved.siteRules, hostOf(resolved.url ?? ''));
  const result = applyTextRules(blocks, {
    title,
    policyPage: title !== null && COOKIE_PAGE_TITLE.test(title),
    byline,
    captions: resolved.captions,
    disabled: resolved.disabled,
    repeated: resolved.repeated,
    plainText: true,
    pageType: resolved.pageType,
    siteText: site ? { remove: site.removeText, keep: site.keepText } : null,
  });
  const metadata = emptyMetadata();
  if (titleSource) metadata.sources.title = titleSource;
  if (byline) {
    metadata.byline = byline;
    metadata.authors = [byline];
    metadata.sources.byline = 'text-line';
    metadata.sources.authors = 'text-line';
  }
  const removals = placeTextRemovals(result.removals, result.keptIndex, 'text');
  return {
    title,
    blocks: result.kept,
    markdown: textToMarkdown(result.kept.map((block) => block.text)),
    removals,
    metadata,
    reasons: [],
    notArticle: false,
    engine: 'text',
    visibleChars: lines.join(' ').length,
  };
}
