#!/usr/bin/env node
// `pnpm train [MODEL] [args]`: build @corpuskit/clean, then train its learned models from the dev
// sets of a data directory (default ../shared/data relative to the repository root; the data is
// read in place, never copied). MODEL: `blocks` (the block model, packages/clean/train/blocks.mjs),
// `pagetype` (the page-type model, packages/clean/train/pagetype.mjs) or `all` (default). Arguments after MODEL go to each trainer; `--write` rewrites the
// checked-in weights. `--no-build` uses the existing dist.

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TRAINERS = {
  blocks: 'packages/clean/train/blocks.mjs',
  pagetype: 'packages/clean/train/pagetype.mjs',
};

const args = process.argv.slice(2);
const first = args[0] && !args[0].startsWith('-') ? args.shift() : 'all';
if (first !== 'all' && !(first in TRAINERS)) {
  process.stderr.write(`train: unknown model '${first}' (${[...Object.keys(TRAINERS), 'all'].join(', ')})\n`);
  process.exit(2);
}
const noBuild = args.includes('--no-build');
const passThrough = args.filter((a) => a !== '--no-build');
if (!noBuild && !passThrough.includes('--help') && !passThrough.includes('-h')) {
  process.stderr.write('train: building @corpuskit/clean\n');
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@corpuskit/clean', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) {
    process.stderr.write('train: the build failed (see above)\n');
    process.exit(build.status ?? 1);
  }
}
for (const name of first === 'all' ? Object.keys(TRAINERS) : [first]) {
  const run = spawnSync(process.execPath, [join(root, TRAINERS[name]), ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
