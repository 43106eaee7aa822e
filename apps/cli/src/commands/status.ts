import { describeSimilarity } from '@corpuskit/dedup';
import type { ReviewItem } from '@corpuskit/ingest';
import type { StagedEntry } from '@corpuskit/store';

import type { CommandRun, CommandSpec } from '../command.js';
import type { CommandContext } from '../context.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { WHERE_OPTION, parseWhereOption, reviewItems } from '../review.js';

export const spec: CommandSpec = {
  usage: 'status',
  description:
    'Show the staging area: pending, accepted and rejected changes with title, site and flags (suspect, duplicates, revisions, not-article)',
  options: [
    { flags: '-s, --short', description: 'One line per entry: state, change, short hash, flags, id' },
    {
      ...WHERE_OPTION,
      description: `${WHERE_OPTION.description}. Terms: state:, kind:new|update|remove, site:HOST, finding:exact|near|revision|any|none (or no-findings), flag:suspect|not-article|duplicate|revision, status:, type:article|not-article, lang:, published:FROM..TO, staged:FROM..TO, title:, id:; -term negates`,
    },
  ],
  examples: [
    'corpuskit status',
    'corpuskit status --short',
    "corpuskit status --where 'flag:suspect,duplicate'",
    "corpuskit status --where 'state:pending no-findings site:bbc.co.uk'",
    'corpuskit status --json | jq ".items[] | select(.flags != [])"',
  ],
};

const STATE_LETTER = { pending: '?', accepted: 'A', rejected: 'R' } as const;
const CHANGE_LETTER = { new: 'N', update: 'M', remove: 'D' } as const;

type Colors = CommandContext['log']['colors'];

function flagText(item: ReviewItem, colors: Colors): string {
  return item.flags.length ? colors.yellow(`[${item.flags.join(', ')}]`) : '';
}

/** A finding under its entry; a revision says nothing more than the `update` beside it. */
function findingLine(finding: ReviewItem['findings'][number]): string | null {
  switch (finding.kind) {
    case 'revision':
      return null;
    case 'exact':
    case 'near':
      return `${finding.kind === 'exact' ? 'exact duplicate' : 'near-duplicate'} of ${finding.other}, ${describeSimilarity(finding.similarity)}`;
    case 'not-article':
      return `not an article (page-type confidence ${finding.similarity.toFixed(2)})`;
    case 'canonical-conflict':
      return `canonical conflict: its canonical URL names a document in the corpus that is only ${describeSimilarity(finding.similarity)}`;
  }
}

/** Why an entry is where it is: a remembered rejection, or a decision made for earlier content. */
function decisionLines(entry: StagedEntry | undefined, colors: Colors): string[] {
  const lines: string[] = [];
  const remembered = entry?.decision?.remembered;
  if (entry?.decision && remembered) {
    const what = remembered.decision === 'removed' ? 'previously removed' : 'previously rejected';
    lines.push(
      `           ${colors.yellow(what)} by ${entry.decision.by ?? 'someone'} at ${entry.decision.at}, ${
        remembered.version ? `in version ${shortId(remembered.version)}` : 'not committed yet'
      } (same content; 'corpuskit reopen ID' to review it again)`,
    );
  }
  const stale = entry?.stale;
  if (stale) {
    lines.push(
      `           ${colors.yellow('stale')}: ${stale.state} by ${stale.by ?? 'someone'} at ${stale.at} for earlier content (${(stale.contentHash ?? '').slice(0, 7)}); the content changed, review it again`,
    );
  }
  return lines;
}

function entryLines(item: ReviewItem, entry: StagedEntry | undefined, hashLength: number, colors: Colors): string[] {
  const hash = colors.dim(item.hash.slice(0, hashLength));
  const title = item.title ?? colors.dim('(no title)');
  const flags = flagText(item, colors);
  const lines = [`    ${item.change.padEnd(6)} ${hash}  ${title}${flags ? `  ${flags}` : ''}`];
  lines.push(`           ${colors.dim(`${item.site ?? '(no site)'}  ${item.id}`)}`);
  for (const finding of item.findings) {
    const line = findingLine(finding);
    if (line) lines.push(`           ${line}`);
  }
  if (item.note) lines.push(`           note: ${item.note}${item.decidedBy ? ` (${item.decidedBy})` : ''}`);
  lines.push(...decisionLines(entry, colors));
  return lines;
}

function shortLine(item: ReviewItem, hashLength: number, colors: Colors): string {
  const flags = flagText(item, colors);
  return `${STATE_LETTER[item.state]}${CHANGE_LETTER[item.change]} ${item.hash.slice(0, hashLength)} ${item.id}${flags ? ` ${flags}` : ''}`;
}

export const run: CommandRun = async (_args, options, context) => {
  const filter = await parseWhereOption(options);
  const { store, root } = await openCorpusFor(context);
  const short = options.short === true;
  const { status, items } = await reviewItems(store, filter, { withSummaries: !short || context.options.json });
  const { shortHashLength } = await import('@corpuskit/ingest');
  const hashLength = shortHashLength(status.items.map((entry) => entry.id));
  const { colors } = context.log;
  const entryById = new Map(status.items.map((entry) => [entry.id, entry]));
  const json = {
    corpus: root,
    head: status.head,
    pending: status.pending,
    accepted: status.accepted,
    rejected: status.rejected,
    where: filter?.source ?? null,
    matched: items.length,
    // The review item (title, site, flags, short hash) over the staged entry (record hashes, full findings).
    items: items.map((item) => ({
      ...entryById.get(item.id),
      ...item,
      findings: entryById.get(item.id)?.findings ?? [],
    })),
  };
  if (short) return { json, text: items.map((item) => shortLine(item, hashLength, colors)).join('\n') };
  const lines = [
    `Corpus ${root}, HEAD ${shortId(status.head)}`,
    `${status.pending} pending, ${status.accepted} accepted, ${status.rejected} rejected`,
  ];
  if (filter) lines.push(`${items.length} matching '${filter.source}'`);
  const stale = items.filter((item) => item.flags.includes('stale')).length;
  if (stale > 0) {
    lines.push(
      colors.yellow(
        `${stale} ${stale === 1 ? 'entry is' : 'entries are'} pending again: ${stale === 1 ? 'its' : 'their'} content changed after the decision (stale)`,
      ),
    );
  }
  for (const state of ['pending', 'accepted', 'rejected'] as const) {
    const group = items.filter((item) => item.state === state);
    if (group.length === 0) continue;
    const color = state === 'accepted' ? colors.green : state === 'rejected' ? colors.red : colors.yellow;
    lines.push('', color(`${state[0]!.toUpperCase()}${state.slice(1)} (${group.length}):`));
    for (const item of group) lines.push(...entryLines(item, entryById.get(item.id), hashLength, colors));
  }
  if (status.items.length === 0) lines.push('', 'Nothing staged. Add pages with: corpuskit ingest PATH...');
  else if (status.pending > 0)
    lines.push(
      '',
      "Decide with 'corpuskit accept ID...' or 'corpuskit reject ID... -m NOTE' (an id, a unique prefix of it or of its hash; --all or --where FILTER for many).",
    );
  else if (status.accepted > 0) lines.push('', "Record the accepted changes with 'corpuskit commit -m MESSAGE'.");
  return { json, text: lines.join('\n') };
};
