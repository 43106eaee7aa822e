import { execFileSync } from 'node:child_process';

import type { OptionSpec } from './command.js';
import type { CommandContext } from './context.js';

/** `--reviewer NAME` as the commands that record decisions declare it. */
export const REVIEWER_OPTION: OptionSpec = {
  flags: '--reviewer <name>',
  description: "Who decides, recorded with the decision (default: $CORPUSKIT_REVIEWER, else git's user.name)",
};

/**
 * The reviewer's name recorded with a decision: `--reviewer`, else `$CORPUSKIT_REVIEWER`, else
 * `git config user.name` (as git would find it from the working directory), else null.
 */
export function reviewerName(options: Record<string, unknown>, context: CommandContext): string | null {
  const given = options.reviewer;
  if (typeof given === 'string' && given.trim() !== '') return given.trim();
  const fromEnv = context.env.CORPUSKIT_REVIEWER;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  return gitUserName(context);
}

function gitUserName(context: CommandContext): string | null {
  try {
    const name = execFileSync('git', ['config', 'user.name'], {
      cwd: context.cwd,
      env: context.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return name === '' ? null : name;
  } catch {
    // No git, or no name configured: the decision records no reviewer.
    return null;
  }
}
