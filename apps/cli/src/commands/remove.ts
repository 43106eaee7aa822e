import type { CommandRun, CommandSpec } from '../command.js';
import { idList, openCorpusFor } from '../corpus.js';
import { usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'remove [...ids]',
  description: 'Stage the removal of documents from the corpus (reviewed and committed like any change)',
  examples: [
    'corpuskit remove https://example.com/old-story',
    'corpuskit remove 3fa9c1e   # a unique prefix of the id or of its hash',
    'corpuskit remove file:draft.html && corpuskit accept file:draft.html',
  ],
};

export const run: CommandRun = async (args, _options, context) => {
  const ids = idList(args[0]);
  if (ids.length === 0) throw usageError('remove needs the ids of documents in the current version');
  const { store } = await openCorpusFor(context);
  const { resolveShortIdsOrThrow } = await import('@corpuskit/ingest');
  const known: string[] = [];
  if (await store.head()) for await (const entry of store.entries('HEAD')) known.push(entry.id);
  const results = await store.stageRemoval(
    resolveShortIdsOrThrow(ids, known, 'in the current version', { keepUnknown: true }),
  );
  const lines = [
    `Staged the removal of ${results.length} ${results.length === 1 ? 'document' : 'documents'} (pending review):`,
  ];
  for (const result of results)
    lines.push(`  ${result.id}${result.replacedPending ? ' (replaced a staged change)' : ''}`);
  return { json: { removed: results }, text: lines.join('\n') };
};
