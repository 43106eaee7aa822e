#!/usr/bin/env node
// `pnpm eval [args]`: build @corpuskit/clean (and what it depends on), then run its evaluation
// (packages/clean/eval/run.mjs) with the given arguments. `--no-build` evaluates the existing dist.

import { buildCleanUnlessSkipped, runNodeScript } from './workspace.mjs';

const args = buildCleanUnlessSkipped('eval', process.argv.slice(2));
process.exit(runNodeScript('packages/clean/eval/run.mjs', args).status ?? 1);
