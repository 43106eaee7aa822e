import type { CommandModule } from '../command.js';

/**
 * Every command, loaded only when it runs (or for the command list in `--help`). Add a
 * command by writing `commands/<name>.ts` (exporting `spec` and `run`) and one line here.
 */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  serve: () => import('./serve.js'),
  version: () => import('./version.js'),
};
