import { SCHEMA_VERSION, sha256 } from '@corpuskit/document';
import type {
  CleanDocument,
  DocumentMetadata,
  DocumentStatus,
  EncodingSource,
  Removal,
  StatusReason,
  PageTypeResult,
} from '@corpuskit/document';

import type { Block } from './blocks.js';
import { blockPath } from './css-path.js';
import { detectLanguage } from './language.js';
import { NOT_ARTICLE_WORDS, SHORT_WORDS } from './options.js';
import type { Resolved } from './options.js';
import { CLEANER_VERSION, RULE_PACK_HASH } from './rules.js';
import { documentStats } from './stats.js';
import type { TextRemoval } from './text-engine.js';
import { wordCount } from './text-util.js';
import { sanitizeDeep, sanitizeText } from './sanitize.js';

/** What the HTML or the text pipeline hands to `finish`. */
export interface Pipeline {
  title: string | null;
  blocks: Block[];
  markdown: string;
  removals: Removal[];
  metadata: DocumentMetadata;
  reasons: StatusReason[];
  notArticle: boolean;
  engine: string;
  visibleChars: number;
  pageType?: PageTypeResult;
}

/** Text-rule removals placed among the kept blocks. */
export function placeTextRemovals(
  removals: TextRemoval[],
  keptIndex: number[],
  stage: 'text',
  blocks: readonly Block[] = [],
): Removal[] {
  return removals.map((removal) => {
    const selector = blockPath(blocks[removal.blockIndex]?.nodes ?? []);
    return {
      category: removal.category,
      rule: removal.rule,
      reason: removal.reason,
      text: removal.text,
      chars: removal.text.length,
      stage,
      position: countBelow(keptIndex, removal.blockIndex),
      ...(selector === '' ? {} : { selector }),
      ...(removal.siteRule === undefined ? {} : { siteRule: removal.siteRule }),
    };
  });
}

/** Number of kept blocks whose original index is below `index`. */
export function countBelow(keptIndex: number[], index: number): number {
  let count = 0;
  for (const kept of keptIndex) if (kept < index) count += 1;
  return count;
}

/** The CleanDocument: language, status and its reasons, stats and provenance. */
export function finish(
  pipeline: Pipeline,
  input: {
    bytes: Uint8Array;
    encoding: string;
    encodingSource: EncodingSource;
    warnings: string[];
    resolved: Resolved;
  },
): CleanDocument {
  const { resolved } = input;
  const blocksText = pipeline.blocks.map((block) => sanitizeText(block.text));
  const text = blocksText.join('\n\n');
  const blockSelectors = pipeline.blocks.map((block) => sanitizeText(blockPath(block.nodes)));
  const metadata = sanitizeDeep(pipeline.metadata);
  metadata.detectedLanguage = detectLanguage(text);
  metadata.language = metadata.declaredLanguage ?? metadata.detectedLanguage;
  if (metadata.language && !metadata.sources.language) metadata.sources.language = 'detected';
  if (pipeline.title && !metadata.sources.title) metadata.sources.title = 'readability';
  if (
    metadata.declaredLanguage &&
    metadata.detectedLanguage &&
    metadata.declaredLanguage.split('-')[0] !== metadata.detectedLanguage &&
    text.length > 500
  ) {
    input.warnings.push(
      `declared language ${metadata.declaredLanguage} differs from the detected ${metadata.detectedLanguage}`,
    );
  }

  const words = wordCount(text);
  const reasons = [...pipeline.reasons];
  const keptChars = text.length;
  for (const removal of largestRemovals(pipeline.removals)) {
    if (
      removal.chars > 1000 &&
      removal.chars > keptChars &&
      removal.category !== 'comments' &&
      removal.stage === 'text'
    ) {
      reasons.push({
        code: 'large-removal',
        message: `rule ${removal.rule} removed ${removal.chars} characters, more than the ${keptChars} kept`,
      });
    }
  }
  if (
    !pipeline.notArticle &&
    pipeline.visibleChars > 5000 &&
    keptChars < 1000 &&
    keptChars < pipeline.visibleChars * 0.08
  ) {
    reasons.push({
      code: 'short-result',
      message: `the text keeps ${keptChars} of the ${pipeline.visibleChars} characters visible on the page`,
    });
  }
  let status: DocumentStatus = 'ok';
  if (pipeline.notArticle || text === '') {
    status = 'not-article';
    if (text === '' && !reasons.some((reason) => reason.code === 'no-article' || reason.code === 'no-content')) {
      reasons.push({ code: 'no-text', message: 'no text is left after cleaning' });
    }
  } else if (reasons.some((reason) => ['large-removal', 'short-result', 'too-deep'].includes(reason.code))) {
    status = 'suspect';
  } else if (words < NOT_ARTICLE_WORDS) {
    status = 'not-article';
    reasons.push({ code: 'too-little-text', message: `${words} words are left: too few for an article` });
  } else if (words < SHORT_WORDS) {
    status = 'short';
    reasons.push({ code: 'short-text', message: `${words} words, fewer than ${SHORT_WORDS}` });
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    status,
    reasons,
    title: pipeline.title === null ? null : sanitizeText(pipeline.title),
    text,
    markdown: sanitizeText(pipeline.markdown),
    metadata,
    removed: sanitizeDeep(pipeline.removals),
    ...(blockSelectors.some((path) => path !== '') ? { blockSelectors } : {}),
    ...(pipeline.pageType ? { pageType: pipeline.pageType } : {}),
    stats: documentStats({
      text,
      blocks: blocksText.length,
      removed: pipeline.removals,
      inputBytes: input.bytes.length,
    }),
    provenance: {
      source: resolved.source,
      url: resolved.url,
      rawSha256: sha256(input.bytes),
      encoding: input.encoding,
      encodingSource: input.encodingSource,
      fetchedAt: resolved.fetchedAt,
      cleanerVersion: CLEANER_VERSION,
      rulePackHash: RULE_PACK_HASH,
      engine: pipeline.engine,
      ...(resolved.siteRulesHash === null ? {} : { siteRules: resolved.siteRulesHash }),
    },
    warnings: [...new Set(input.warnings)],
  };
}

/** Removals merged per rule and position run, so a thread cut in 40 lines counts as one. */
function largestRemovals(removals: Removal[]): Removal[] {
  const merged = new Map<string, Removal>();
  for (const removal of removals) {
    const key = `${removal.rule}@${removal.position ?? 'x'}`;
    const existing = merged.get(key);
    if (existing) existing.chars += removal.chars;
    else merged.set(key, { ...removal });
  }
  return [...merged.values()];
}
