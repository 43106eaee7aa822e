import type { CommandResult } from '../command.js';
import type { CommandContext } from '../context.js';
import { openCorpusFor, idList } from '../corpus.js';
import { usageError } from '../errors.js';
import { parseWhereOption, resolveStagedIds, reviewItems } from '../review.js';
import { reviewerName } from '../reviewer.js';

/**
 * accept and reject: ids (full, or a unique prefix of the id or of its hash), --all (every
 * pending entry) or --where FILTER (the pending entries matching it, unless the filter names a
 * state), an optional note, one lock for the whole decision. Naming an id already decided
 * changes the decision (a reviewer may change their mind).
 */
export async function decide(
  decision: 'accept' | 'reject',
  args: unknown[],
  options: Record<string, unknown>,
  context: CommandContext,
): Promise<CommandResult> {
  const given = idList(args[0]);
  const all = options.all === true;
  const filter = await parseWhereOption(options);
  if ([all, given.length > 0, filter !== null].filter(Boolean).length > 1) {
    throw usageError(`give document ids, --all or --where, only one of them`);
  }
  if (!all && given.length === 0 && !filter) {
    throw usageError(`${decision} needs document ids (see 'corpuskit status'), --all or --where FILTER`);
  }
  const note = options.message === undefined ? null : String(options.message);
  const { store } = await openCorpusFor(context);
  const by = reviewerName(options, context);
  let targets: string[] | 'all' = 'all';
  if (filter) {
    const { parseWhere } = await import('@corpuskit/ingest');
    const scoped = filter.terms.some((term) => term.key === 'state')
      ? filter
      : parseWhere([filter.source, 'state:pending']);
    targets = (await reviewItems(store, scoped, { withSummaries: false })).items.map((item) => item.id);
  } else if (!all) {
    targets = await resolveStagedIds(store, given);
  }
  const changed = targets === 'all' || targets.length > 0 ? await store[decision](targets, { note, by }) : [];
  const verb = decision === 'accept' ? 'Accepted' : 'Rejected';
  const lines = [
    `${verb} ${changed.length} ${changed.length === 1 ? 'change' : 'changes'}${note ? ` (note: ${note})` : ''}${
      filter ? ` matching '${filter.source}'` : ''
    }${by ? ` by ${by}` : ''}`,
  ];
  for (const id of changed) lines.push(`  ${id}`);
  return {
    json: { [decision === 'accept' ? 'accepted' : 'rejected']: changed, note, by, where: filter?.source ?? null },
    text: lines.join('\n'),
  };
}
