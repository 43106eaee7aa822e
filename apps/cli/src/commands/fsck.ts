import path from 'node:path';

import { CorpusKitError } from '@corpuskit/document';
import type { FsckResult } from '@corpuskit/store';

import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'fsck',
  description: 'Verify every stored hash and reference; exit 1 when problems are found',
  examples: ['corpuskit fsck', 'corpuskit fsck --json'],
};

export const run: CommandRun = async (_args, _options, context) => {
  const { store, root } = await openCorpusFor(context);
  let result: FsckResult;
  try {
    result = await store.fsck();
  } catch (error) {
    // Damage that stops the check itself (an unreadable pack file) is still a finding of fsck.
    if (!(error instanceof CorpusKitError) || error.kind !== 'corrupt') throw error;
    result = {
      ok: false,
      problems: [{ kind: error.code, ...(error.subject ? { object: error.subject } : {}), message: error.message }],
      checked: { objects: 0, versions: 0, records: 0, staged: 0 },
    };
  }
  const c = result.checked;
  const lines = [
    result.ok
      ? `ok: ${root}`
      : `${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'} in ${root}`,
    `  checked ${c.objects} objects, ${c.versions} versions, ${c.records} records, ${c.staged} staged entries`,
    ...result.problems.map(
      (p) => `  ${p.kind}${p.object ? ` ${path.basename(p.object).slice(0, 12)}` : ''}: ${p.message}`,
    ),
  ];
  return { json: { corpus: root, ...result }, text: lines.join('\n'), exitCode: result.ok ? 0 : 1 };
};
