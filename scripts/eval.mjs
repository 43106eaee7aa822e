#!/usr/bin/env node
// `pnpm eval [args]`: build @corpuskit/clean (and what it depends on), then run its evaluation
// (packages/clean/eval/run.mjs) with the given arguments. `--no-build` evaluates the existing dist.

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const passThrough = args.filter((a) => a !== '--no-build');
const wantsHelp = passThrough.includes('--help') || passThrough.includes('-h');

if (!noBuild && !wantsHelp) {
  process.stderr.write('eval: building @corpuskit/clean\n');
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@corpuskit/clean', '--output-logs=errors-only'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (build.status !== 0) {
    process.stderr.write(
      'eval: the build failed (see above); fix it, or pass --no-build to evaluate the existing dist\n',
    );
    process.exit(build.status ?? 1);
  }
}

const run = spawnSync(process.execPath, [join(root, 'packages/clean/eval/run.mjs'), ...passThrough], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
});
process.exit(run.status ?? 1);
