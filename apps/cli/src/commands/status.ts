import type { StagedEntry } from '@corpuskit/store';

import type { CommandRun, CommandSpec } from '../command.js';
import type { CommandContext } from '../context.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { describeFinding } from '../render-ingest.js';

export const spec: CommandSpec = {
  usage: 'status',
  description: 'Show the staging area: pending, accepted and rejected changes, with findings',
  examples: ['corpuskit status', 'corpuskit status --json | jq ".items[] | select(.findings != [])"'],
};

function entryLines(entry: StagedEntry, colors: CommandContext['log']['colors']): string[] {
  const source = entry.source && entry.source !== entry.id ? colors.dim(`  (${entry.source})`) : '';
  const lines = [`    ${entry.change.padEnd(7)} ${entry.id}${source}`];
  for (const finding of entry.findings) lines.push(`            ${describeFinding(finding, colors)}`);
  if (entry.decision?.note) lines.push(`            note: ${entry.decision.note}`);
  return lines;
}

export const run: CommandRun = async (_args, _options, context) => {
  const { store, root } = await openCorpusFor(context);
  const status = await store.status();
  const { colors } = context.log;
  const lines = [
    `Corpus ${root}, HEAD ${shortId(status.head)}`,
    `${status.pending} pending, ${status.accepted} accepted, ${status.rejected} rejected`,
  ];
  for (const state of ['pending', 'accepted', 'rejected'] as const) {
    const items = status.items.filter((item) => item.state === state);
    if (items.length === 0) continue;
    const color = state === 'accepted' ? colors.green : state === 'rejected' ? colors.red : colors.yellow;
    lines.push('', color(`${state[0]!.toUpperCase()}${state.slice(1)}:`));
    for (const item of items) lines.push(...entryLines(item, colors));
  }
  if (status.items.length === 0) lines.push('', 'Nothing staged. Add pages with: corpuskit ingest PATH...');
  else if (status.pending > 0)
    lines.push(
      '',
      "Decide with 'corpuskit accept ID...' or 'corpuskit reject ID... -m NOTE' (--all for every pending one).",
    );
  else if (status.accepted > 0) lines.push('', "Record the accepted changes with 'corpuskit commit -m MESSAGE'.");
  return {
    json: {
      corpus: root,
      head: status.head,
      pending: status.pending,
      accepted: status.accepted,
      rejected: status.rejected,
      items: status.items,
    },
    text: lines.join('\n'),
  };
};
