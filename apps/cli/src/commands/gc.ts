import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'gc',
  description: 'Reclaim objects no version or staged entry can reach (and leftovers of interrupted writes)',
  options: [{ flags: '--dry-run', description: 'Only report what would be removed' }],
  examples: ['corpuskit gc --dry-run', 'corpuskit gc'],
};

export const run: CommandRun = async (_args, options, context) => {
  const { store } = await openCorpusFor(context);
  const dryRun = options.dryRun === true;
  const result = await store.gc({ dryRun });
  const kib = (result.removedBytes / 1024).toFixed(1);
  const verb = dryRun ? 'Would remove' : 'Removed';
  return {
    json: result,
    text: `${verb} ${result.unreachable.length} unreachable objects and ${result.files.length} leftover files (${kib} KiB)`,
  };
};
