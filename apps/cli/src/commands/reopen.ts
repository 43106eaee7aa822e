import type { CommandRun, CommandSpec } from '../command.js';
import { idList, openCorpusFor } from '../corpus.js';
import { usageError } from '../errors.js';
import { resolveStagedIds } from '../review.js';

export const spec: CommandSpec = {
  usage: 'reopen [...ids]',
  description: 'Undo decisions: accepted or rejected staged changes (removals too) go back to pending',
  examples: ['corpuskit reopen https://example.com/story', 'corpuskit reopen 3fa9c1e'],
};

export const run: CommandRun = async (args, _options, context) => {
  const given = idList(args[0]);
  if (given.length === 0) throw usageError('reopen needs staged document ids');
  const { store } = await openCorpusFor(context);
  const reopened = await store.reopen(await resolveStagedIds(store, given));
  const lines = [
    `Reopened ${reopened.length} ${reopened.length === 1 ? 'change' : 'changes'} (pending again)`,
    ...reopened.map((id) => `  ${id}`),
  ];
  return { json: { reopened }, text: lines.join('\n') };
};
