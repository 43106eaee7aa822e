import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'fsck',
  description: 'Verify every stored hash and reference; exit 1 when problems are found',
  examples: ['corpuskit fsck', 'corpuskit fsck --json'],
};

export const run: CommandRun = async (_args, _options, context) => {
  const { store, root } = await openCorpusFor(context);
  const result = await store.fsck();
  const c = result.checked;
  const lines = [
    result.ok
      ? `ok: ${root}`
      : `${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'} in ${root}`,
    `  checked ${c.objects} objects, ${c.versions} versions, ${c.records} records, ${c.staged} staged entries`,
    ...result.problems.map((p) => `  ${p.kind}${p.object ? ` ${p.object.slice(0, 12)}` : ''}: ${p.message}`),
  ];
  return { json: { corpus: root, ...result }, text: lines.join('\n'), exitCode: result.ok ? 0 : 1 };
};
