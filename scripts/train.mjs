#!/usr/bin/env node
// `pnpm train [MODEL] [args]`: build @corpuskit/clean, then train its learned models from the dev
// sets of a data directory (default ../shared/data relative to the repository root; the data is
// read in place, never copied). MODEL: `pagetype` (the page-type model,
// packages/clean/train/pagetype.mjs) or `all` (default). Arguments after MODEL go to each trainer; `--write` rewrites the
// checked-in weights. `--no-build` uses the existing dist.

import { buildCleanUnlessSkipped, runNodeScript } from './workspace.mjs';

const TRAINERS = {
  pagetype: 'packages/clean/train/pagetype.mjs',
};

const args = process.argv.slice(2);
const first = args[0] && !args[0].startsWith('-') ? args.shift() : 'all';
if (first !== 'all' && !(first in TRAINERS)) {
  process.stderr.write(`train: unknown model '${first}' (${[...Object.keys(TRAINERS), 'all'].join(', ')})\n`);
  process.exit(2);
}
const passThrough = buildCleanUnlessSkipped('train', args);
for (const name of first === 'all' ? Object.keys(TRAINERS) : [first]) {
  const run = runNodeScript(TRAINERS[name], passThrough);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
