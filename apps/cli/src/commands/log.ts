import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'log [version]',
  description: 'The history of corpus versions, newest first (from HEAD or the version given)',
  options: [
    { flags: '-n, --limit <n>', description: 'Show at most this many versions' },
    { flags: '--oneline', description: 'One line per version: short id, tags, message, counts' },
  ],
  examples: ['corpuskit log', 'corpuskit log --oneline', 'corpuskit log -n 5', 'corpuskit log v1 --json'],
};

export const run: CommandRun = async (args, options, context) => {
  let limit: number | undefined;
  if (options.limit !== undefined) {
    limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw usageError(`--limit must be a positive whole number (got '${String(options.limit)}')`);
  }
  const { store } = await openCorpusFor(context);
  const entries = await store.log((args[0] as string | undefined) ?? 'HEAD', limit === undefined ? {} : { limit });
  const { colors } = context.log;
  const lines: string[] = [];
  if (options.oneline === true) {
    for (const { id, version, tags } of entries) {
      const c = version.counts;
      lines.push(
        `${colors.yellow(shortId(id))}${tags.length ? ` (${tags.join(', ')})` : ''} ${version.message.split('\n')[0]} ${colors.dim(`+${c.added} ~${c.modified} -${c.removed}`)}`,
      );
    }
  } else
    for (const { id, version, tags } of entries) {
      const c = version.counts;
      lines.push(
        `${colors.yellow(`version ${shortId(id)}`)}${tags.length ? ` (tag: ${tags.join(', ')})` : ''}`,
        `  ${version.time}${version.author ? `  by ${version.author}` : ''}`,
        `  ${version.message}`,
        `  ${c.documents} documents: ${c.added} added, ${c.modified} modified, ${c.removed} removed`,
        '',
      );
    }
  return {
    json: { versions: entries.map(({ id, version, tags }) => ({ id, tags, ...version })) },
    text: lines.length
      ? lines.join('\n').trimEnd()
      : 'No versions yet: accept staged changes and run corpuskit commit -m MESSAGE',
  };
};
