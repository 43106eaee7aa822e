import path from 'node:path';

import { CorpusKitError } from '@corpuskit/document';
import type { FsckResult, RepairResult, Store } from '@corpuskit/store';

import type { CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';

export const spec: CommandSpec = {
  usage: 'fsck',
  description: 'Verify every stored hash and reference; exit 1 when problems are found. Works on a read-only corpus',
  options: [
    {
      flags: '--repair',
      description:
        'Restore what can be restored (damaged packs from good copies, a damaged refs.json from the versions on disk) and say what is lost',
    },
    { flags: '--dry-run', description: 'With --repair: only say what would be restored and what is lost' },
  ],
  examples: ['corpuskit fsck', 'corpuskit fsck --json', 'corpuskit fsck --repair --dry-run', 'corpuskit fsck --repair'],
};

const short = (id: string): string => path.basename(id).slice(0, 12);

export const run: CommandRun = async (_args, options, context) => {
  const { store, root } = await openCorpusFor(context);
  if (options.repair === true) return repair(store, root, options.dryRun === true);
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
    ...result.problems.map((p) => `  ${p.kind}${p.object ? ` ${short(p.object)}` : ''}: ${p.message}`),
  ];
  if (!result.ok) lines.push(`Run 'corpuskit fsck --repair --dry-run' to see what can be restored.`);
  return { json: { corpus: root, ...result }, text: lines.join('\n'), exitCode: result.ok ? 0 : 1 };
};

async function repair(store: Store, root: string, dryRun: boolean) {
  const result: RepairResult = await store.repair({ dryRun });
  const would = dryRun ? 'would be ' : '';
  const lines: string[] = [`${dryRun ? 'Repair (dry run)' : 'Repair'} of ${root}`];
  lines.push(`  ${dryRun ? 'can restore' : 'restored'}: ${result.restored.length} objects`);
  for (const r of result.restored) lines.push(`    ${short(r.object)} from ${r.from}`);
  if (result.moved.length > 0) {
    lines.push(`  damaged packs ${would}moved to .corpuskit/lost-found/: ${result.moved.join(', ')}`);
  }
  if (result.refs) {
    const r = result.refs;
    const tags = Object.keys(r.tags);
    lines.push(
      `  refs.json ${dryRun ? 'would be rebuilt' : 'rebuilt'}: HEAD ${r.head ? short(r.head) : '(none)'}, staging ${r.staging ? short(r.staging) : '(empty)'}, tags ${tags.length > 0 ? tags.join(', ') : '(none recovered)'}`,
    );
    for (const note of r.notes) lines.push(`    ${note}`);
  }
  lines.push(
    `  lost: ${result.lost.length} objects${result.lost.length > 0 ? ' (no copy that verifies anywhere)' : ''}`,
  );
  for (const l of result.lost) {
    lines.push(`    ${short(l.object)}${l.usedBy.length > 0 ? `: ${l.usedBy.join('; ')}` : ''}`);
  }
  if (!dryRun) {
    lines.push(
      result.ok
        ? `ok: the corpus verifies`
        : `${result.problems.length} problems remain; run 'corpuskit fsck' for the list`,
    );
  }
  return {
    json: { corpus: root, ...result },
    text: lines.join('\n'),
    exitCode: (dryRun ? result.lost.length === 0 : result.ok) ? 0 : 1,
  };
}
