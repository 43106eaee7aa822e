// One diff in a fresh process; prints peak RSS. Used by diff.mjs for the memory column.
import { diffDocuments } from '@corpuskit/diff';
import { diffWords } from 'diff';

import { buildCases } from './inputs.mjs';

const [engine, index, dataDir] = process.argv.slice(2);
const c = buildCases(dataDir)[Number(index)];
const baselineMB = process.resourceUsage().maxRSS / 1024;
const result = engine === 'ours' ? diffDocuments(c.old, c.new) : diffWords(c.old, c.new);
const peakMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({
    peakMB: +peakMB.toFixed(1),
    baselineMB: +baselineMB.toFixed(1),
    size: Array.isArray(result) ? result.length : 1,
  }),
);
