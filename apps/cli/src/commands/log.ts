import type { DecisionRecord } from '@corpuskit/store';

import type { CommandRun, CommandSpec } from '../command.js';
import type { CommandContext } from '../context.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { decisionLine } from '../decision-text.js';
import { positiveOption } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'log [version]',
  description: 'The history of corpus versions, newest first (from HEAD or the version given)',
  options: [
    { flags: '-n, --limit <n>', description: 'Show at most this many versions' },
    { flags: '--oneline', description: 'One line per version: short id, tags, message, counts' },
    {
      flags: '--decisions',
      description:
        'Under each version, the review decisions it recorded: accepted and rejected, who, when, note, content hash',
    },
  ],
  examples: [
    'corpuskit log',
    'corpuskit log --oneline',
    'corpuskit log --decisions',
    'corpuskit log -n 5',
    'corpuskit log v1 --json',
  ],
};

function decisionBlock(
  recorded: DecisionRecord[] | undefined,
  colors: CommandContext['log']['colors'],
  indent: string,
  heading?: string,
): string[] {
  const list = recorded ?? [];
  if (list.length === 0) return [`${indent}${colors.dim('(no decisions recorded)')}`];
  return [...(heading ? [heading] : []), ...list.map((d) => `${indent}${decisionLine(d, colors)}`)];
}

export const run: CommandRun = async (args, options, context) => {
  const limit = positiveOption(options.limit, '--limit', { integer: true });
  const { store } = await openCorpusFor(context);
  const decisions = options.decisions === true;
  const entries = await store.log((args[0] as string | undefined) ?? 'HEAD', {
    ...(limit === undefined ? {} : { limit }),
    decisions,
  });
  const { colors } = context.log;
  const lines: string[] = [];
  if (options.oneline === true) {
    for (const entry of entries) {
      const { id, version, tags } = entry;
      const c = version.counts;
      lines.push(
        `${colors.yellow(shortId(id))}${tags.length ? ` (${tags.join(', ')})` : ''} ${version.message.split('\n')[0]} ${colors.dim(`+${c.added} ~${c.modified} -${c.removed}`)}`,
      );
      if (decisions) lines.push(...decisionBlock(entry.decisions, colors, '    '));
    }
  } else
    for (const entry of entries) {
      const { id, version, tags } = entry;
      const c = version.counts;
      lines.push(
        `${colors.yellow(`version ${shortId(id)}`)}${tags.length ? ` (tag: ${tags.join(', ')})` : ''}`,
        `  ${version.time}${version.author ? `  by ${version.author}` : ''}`,
        `  ${version.message}`,
        `  ${c.documents} documents: ${c.added} added, ${c.modified} modified, ${c.removed} removed`,
      );
      if (decisions) lines.push(...decisionBlock(entry.decisions, colors, '    ', '  decisions:'));
      lines.push('');
    }
  return {
    json: {
      versions: entries.map(({ id, version, tags, decisions: recorded }) => ({
        id,
        tags,
        ...version,
        ...(decisions ? { decisions: recorded ?? [] } : {}),
      })),
    },
    text: lines.length
      ? lines.join('\n').trimEnd()
      : 'No versions yet: accept staged changes and run corpuskit commit -m MESSAGE',
  };
};
