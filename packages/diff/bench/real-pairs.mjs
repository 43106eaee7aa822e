// Checks diffs of real article texts end to end: every article against an edited version
// (about 5% of words, a moved, a dropped and an added paragraph), against a version with a
// split and a merged paragraph, and against an unrelated article. For each pair: applyDiff
// must give the new text back exactly, the unified patch must apply (jsdiff applyPatch), the
// text and HTML renderers must run. Prints counts and the total time.
// Usage: node bench/real-pairs.mjs [--data DIR]   (DIR defaults to ../shared/data from the repo root)
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { applyDiff, diffDocuments, renderPatch, renderText } from '@corpuskit/diff';
import { applyPatch } from 'diff';

import { editParagraphs, loadArticles } from './inputs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { data: { type: 'string' } } });
const dataDir = resolve(values.data ?? join(here, '..', '..', '..', '..', 'shared', 'data'));
const articles = loadArticles(dataDir);

function splitAndMerge(paragraphs) {
  const out = [...paragraphs];
  if (out.length > 3) {
    const sentences = out[1].split('. ');
    if (sentences.length > 1) out.splice(1, 1, `${sentences[0]}.`, sentences.slice(1).join('. '));
    out.splice(out.length - 2, 2, `${out[out.length - 2]} ${out[out.length - 1]}`);
  }
  return out;
}

const totals = { pairs: 0, failures: 0, fallbacks: 0, moved: 0, split: 0, merged: 0, ms: 0 };
articles.forEach((paragraphs, k) => {
  const old = paragraphs.join('\n\n');
  const pairs = [
    ['edited', editParagraphs(paragraphs, 'An added paragraph about something else.', k + 1).join('\n\n')],
    ['split-merge', splitAndMerge(paragraphs).join('\n\n')],
    ['unrelated', articles[(k + 1) % articles.length].join('\n\n')],
  ];
  for (const [kind, text] of pairs) {
    totals.pairs += 1;
    const t0 = performance.now();
    const diff = diffDocuments(old, text);
    totals.ms += performance.now() - t0;
    const problems = [];
    try {
      if (applyDiff(old, diff) !== text) problems.push('applyDiff gave another text');
    } catch (error) {
      problems.push(`applyDiff threw: ${error.message}`);
    }
    const patch = renderPatch(diff);
    if (patch !== '' && applyPatch(old, patch) !== text) problems.push('the patch does not apply');
    renderText(diff);
    if (problems.length > 0) {
      totals.failures += 1;
      console.log(`article ${k} (${kind}): ${problems.join('; ')}`);
    }
    totals.fallbacks += diff.fallbacks.length;
    totals.moved += diff.stats.blocks.moved;
    totals.split += diff.stats.blocks.split;
    totals.merged += diff.stats.blocks.merged;
  }
});
console.log(JSON.stringify({ data: dataDir, ...totals, ms: Math.round(totals.ms) }));
process.exitCode = totals.failures > 0 ? 1 : 0;
