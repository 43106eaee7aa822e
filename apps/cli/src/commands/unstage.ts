import type { CommandRun, CommandSpec } from '../command.js';
import { idList, openCorpusFor } from '../corpus.js';
import { usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'unstage [...ids]',
  description: 'Drop entries from the staging area, whatever their state (--rejected: every rejected one)',
  options: [{ flags: '--rejected', description: 'Drop every rejected entry' }],
  examples: ['corpuskit unstage https://example.com/story', 'corpuskit unstage --rejected'],
};

export const run: CommandRun = async (args, options, context) => {
  const ids = idList(args[0]);
  const rejected = options.rejected === true;
  if (rejected && ids.length > 0) throw usageError('give ids or --rejected, not both');
  if (!rejected && ids.length === 0) throw usageError('unstage needs staged document ids or --rejected');
  const { store } = await openCorpusFor(context);
  const dropped = rejected ? await store.clearRejected() : await store.unstage(ids);
  const lines = [
    `Dropped ${dropped.length} staged ${dropped.length === 1 ? 'entry' : 'entries'}`,
    ...dropped.map((id) => `  ${id}`),
  ];
  return { json: { unstaged: dropped }, text: lines.join('\n') };
};
