import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import { extractBlocks } from '../blocks.js';
import type { Block } from '../blocks.js';
import { clean } from '../clean.js';
import { RULE_PACK_HASH } from '../rules.js';
import type { TextRemoval } from '../text-engine.js';
import { attributeTokens, blockFeatures } from './features.js';
import {
  BLOCK_MODEL,
  BLOCK_MODEL_RULE,
  BlockModel,
  applyBlockModel,
  featureSlot,
  setBlockModelTrace,
} from './model.js';
import type { BlockModelTrace, BlockModelWeights } from './model.js';

const PROSE = [
  'The council met on Monday evening to discuss the new library, which has been planned for almost ten years and will be built next to the old market hall.',
  'Construction is due to start in the spring. The architects say the building will use timber from local forests and will need far less energy than the old one.',
  'Residents who spoke at the meeting welcomed the plans but asked for longer opening hours at weekends, when most families have time to visit.',
];

const ARTICLE = `<div class="story">${PROSE.map((p) => `<p>${p}</p>`).join('')}
<div class="related-box"><ul><li><a href="/a">Council elects a new mayor</a></li><li><a href="/b">Market hall to close for repairs</a></li></ul></div></div>`;

function blocksOf(html: string): { root: Element; blocks: Block[] } {
  const { document } = parseHTML(`<html><body><main>${html}</main></body></html>`);
  const root = document.querySelector('main')!;
  return { root, blocks: extractBlocks(root, []) };
}

/** A model with hand-set weights: boilerplate when a block sits in a `related` container. */
function handModel(threshold = 0.5): BlockModel {
  const dim = 1 << 16;
  const weights: BlockModelWeights = {
    format: 1,
    dim,
    threshold,
    weights: [
      [featureSlot('bias', dim), -3],
      [featureSlot('cls:related', dim), 6],
    ],
  };
  return new BlockModel(weights);
}

function run(model: BlockModel, disabled: string[] = []) {
  const { root, blocks } = blocksOf(ARTICLE);
  const result = { kept: [...blocks], keptIndex: blocks.map((_, i) => i), removals: [] as TextRemoval[] };
  applyBlockModel(result, root, { title: null, disabled: new Set(disabled), model });
  return { blocks, result };
}

describe('block features', () => {
  it('splits class and id values into lower-case tokens without digits', () => {
    expect(attributeTokens('relatedLinks post-123 sidebar__widget x')).toEqual([
      'related',
      'links',
      'post',
      'sidebar',
      'widget',
    ]);
  });

  it('describes text, links, markup and position of each block', () => {
    const { root, blocks } = blocksOf(ARTICLE);
    const features = blockFeatures(blocks, { title: null, root });
    expect(features).toHaveLength(5);
    const prose = new Set(features[0]!.names);
    const link = new Set(features[3]!.names);
    expect(prose.has('kind:p')).toBe(true);
    expect(prose.has('first-block')).toBe(true);
    expect(prose.has('cls:story')).toBe(true);
    expect(link.has('kind:li')).toBe(true);
    expect(link.has('cls:related')).toBe(true);
    expect(link.has('anc:ul')).toBe(true);
    // A link list: its link density is 1; the prose has none.
    expect(features[3]!.values[features[3]!.names.indexOf('link')]).toBe(1);
    expect(features[0]!.values[features[0]!.names.indexOf('link')]).toBe(0);
  });

  it('is deterministic', () => {
    const first = blocksOf(ARTICLE);
    const second = blocksOf(ARTICLE);
    expect(blockFeatures(second.blocks, { title: null, root: second.root })).toEqual(
      blockFeatures(first.blocks, { title: null, root: first.root }),
    );
  });
});

describe('block model', () => {
  it('drops the blocks it scores as boilerplate and reports score, features and category', () => {
    const { result } = run(handModel());
    expect(result.kept.map((b) => b.text)).toEqual(PROSE);
    expect(result.keptIndex).toEqual([0, 1, 2]);
    expect(result.removals).toHaveLength(2);
    const removal = result.removals[0]!;
    expect(removal.rule).toBe(BLOCK_MODEL_RULE);
    expect(removal.category).toBe('related');
    expect(removal.text).toBe('Council elects a new mayor');
    expect(removal.blockIndex).toBe(3);
    expect(removal.reason).toMatch(/scores it 0\.\d\d boilerplate \(threshold 0\.5\).*class token related/);
  });

  it('keeps everything when its rule id or the category is disabled', () => {
    expect(run(handModel(), [BLOCK_MODEL_RULE]).result.kept).toHaveLength(5);
    expect(run(handModel(), ['related']).result.kept).toHaveLength(5);
  });

  it('never empties the article', () => {
    const { root, blocks } = blocksOf('<div class="related"><p>One line only, in a related box.</p></div>');
    const result = { kept: [...blocks], keptIndex: [0], removals: [] as TextRemoval[] };
    applyBlockModel(result, root, { title: null, disabled: new Set(), model: handModel() });
    expect(result.kept).toHaveLength(1);
  });

  it('hashes its weights: other weights, other hash', () => {
    expect(handModel(0.5).hash).not.toBe(handModel(0.6).hash);
    expect(BLOCK_MODEL.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(RULE_PACK_HASH).toMatch(/^[0-9a-f]{64}$/);
  });

  it('traces the blocks of a cleaned page for training, with the lead kept apart', async () => {
    const traces: BlockModelTrace[] = [];
    setBlockModelTrace((trace) => traces.push(trace));
    try {
      const html = `<!doctype html><html><head><title>Library plans</title></head><body><article><h1>Library plans</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
      const document = await clean(html, { url: 'https://news.example/library' });
      expect(traces).toHaveLength(1);
      const trace = traces[0]!;
      expect(trace.scores).toHaveLength(trace.texts.length);
      expect(trace.features).toHaveLength(trace.texts.length);
      for (const score of trace.scores) expect(score).toBeGreaterThanOrEqual(0);
      expect([...(trace.lead ? [trace.lead] : []), ...trace.texts].join('\n\n')).toContain(PROSE[0]);
      expect(document.text).toContain(PROSE[2]);
    } finally {
      setBlockModelTrace(null);
    }
  });
});
