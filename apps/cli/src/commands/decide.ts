import type { CommandResult } from '../command.js';
import type { CommandContext } from '../context.js';
import { openCorpusFor, idList } from '../corpus.js';
import { usageError } from '../errors.js';

/**
 * accept and reject: ids or --all (every pending entry), an optional note, one lock for the
 * whole decision. Naming an id already decided changes the decision (a reviewer may change their mind).
 */
export async function decide(
  decision: 'accept' | 'reject',
  args: unknown[],
  options: Record<string, unknown>,
  context: CommandContext,
): Promise<CommandResult> {
  const ids = idList(args[0]);
  const all = options.all === true;
  if (all && ids.length > 0) throw usageError(`give document ids or --all, not both`);
  if (!all && ids.length === 0) throw usageError(`${decision} needs document ids (see 'corpuskit status') or --all`);
  const note = options.message === undefined ? null : String(options.message);
  const { store } = await openCorpusFor(context);
  const by = context.env.CORPUSKIT_REVIEWER ?? context.env.USER ?? null;
  const changed = await store[decision](all ? 'all' : ids, { note, by });
  const verb = decision === 'accept' ? 'Accepted' : 'Rejected';
  const lines = [
    `${verb} ${changed.length} ${changed.length === 1 ? 'change' : 'changes'}${note ? ` (note: ${note})` : ''}`,
  ];
  for (const id of changed) lines.push(`  ${id}`);
  return { json: { [decision === 'accept' ? 'accepted' : 'rejected']: changed, note }, text: lines.join('\n') };
}
