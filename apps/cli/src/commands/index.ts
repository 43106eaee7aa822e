import type { CommandModule } from '../command.js';

/**
 * Every command, loaded only when it runs (or for the command list in `--help`). Add a
 * command by writing `commands/<name>.ts` (exporting `spec` and `run`) and one line here.
 */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  clean: () => import('./clean.js'),
  init: () => import('./init.js'),
  ingest: () => import('./ingest.js'),
  status: () => import('./status.js'),
  accept: () => import('./accept.js'),
  reject: () => import('./reject.js'),
  remove: () => import('./remove.js'),
  reopen: () => import('./reopen.js'),
  unstage: () => import('./unstage.js'),
  reclean: () => import('./reclean.js'),
  rules: () => import('./rules.js'),
  commit: () => import('./commit.js'),
  tag: () => import('./tag.js'),
  log: () => import('./log.js'),
  show: () => import('./show.js'),
  dedup: () => import('./dedup.js'),
  diff: () => import('./diff.js'),
  export: () => import('./export.js'),
  fsck: () => import('./fsck.js'),
  gc: () => import('./gc.js'),
  serve: () => import('./serve.js'),
  version: () => import('./version.js'),
  worker: () => import('./worker.js'),
};
