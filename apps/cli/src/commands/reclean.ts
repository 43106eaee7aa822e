import type { RecleanChange, RecleanResult } from '@corpuskit/ingest';

import type { CommandResult, CommandRun, CommandSpec } from '../command.js';
import type { CommandContext } from '../context.js';
import { lockWaitFromEnv, openCorpusFor } from '../corpus.js';
import { usageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { renderIngest } from '../render-ingest.js';
import { colorSafe } from '../terminal-safe.js';

export const spec: CommandSpec = {
  usage: 'reclean',
  description:
    "Re-run the cleaner (with the corpus's per-site rules) over the stored raw pages, all or one site's, and stage the documents that change",
  details: [
    "--dry-run says what would change and writes nothing: how many of the site's documents change,",
    'whether each is staged (pending or accepted) or committed, the removals it gains or loses (with',
    'the per-site rule id that made each one) and the diff of its text.',
  ].join('\n'),
  options: [
    {
      flags: '--site <host>',
      description: 'Only documents of this site (its host and subdomains), e.g. www.bbc.co.uk',
    },
    { flags: '-n, --dry-run', description: 'Show what would change, with diffs; stage nothing' },
    { flags: '-j, --jobs <n>', description: 'Pages cleaned in parallel (default: number of cores)' },
    { flags: '--timeout <seconds>', description: 'Give up on a page after this long', default: 60 },
    {
      flags: '--max-memory <MiB>',
      description:
        "Each cleaning thread's heap limit: a page that needs more fails alone (default 1024; also CORPUSKIT_THREAD_HEAP)",
    },
    { flags: '--ndjson', description: 'One JSON line per document, then a summary line' },
  ],
  examples: [
    'corpuskit reclean',
    'corpuskit reclean --site southfront.press --dry-run',
    'corpuskit reclean --site southfront.press --json',
    'corpuskit reclean && corpuskit diff HEAD staged',
  ],
};

/** What `--json` says about each changed document (the diff as a unified patch). */
interface ChangeJson {
  id: string;
  where: RecleanChange['where'];
  state: RecleanChange['state'];
  title: string | null;
  removedAdded: RecleanChange['removedAdded'];
  removedDropped: RecleanChange['removedDropped'];
  removedReassigned: RecleanChange['removedReassigned'];
  words: { added: number; removed: number };
  patch: string;
}

async function changesJson(changes: RecleanChange[]): Promise<Array<ChangeJson & { text: string }>> {
  const { diffDocuments, renderPatch } = await import('@corpuskit/diff');
  return changes.map((change) => {
    const side = (document: RecleanChange['before']) => ({
      id: change.id,
      title: document.title,
      text: document.text,
      metadata: document.metadata,
    });
    const diff = diffDocuments(side(change.before), side(change.after));
    return {
      id: change.id,
      where: change.where,
      state: change.state,
      title: change.title,
      removedAdded: change.removedAdded,
      removedDropped: change.removedDropped,
      removedReassigned: change.removedReassigned,
      words: { added: diff.stats.words.added, removed: diff.stats.words.removed },
      patch: renderPatch(diff, { oldName: `a/${change.id}`, newName: `b/${change.id}` }),
      text: '',
    };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function removalLine(removal: RecleanChange['removedAdded'][number], sign: string): string {
  const rule = removal.siteRule ? `${removal.rule} [rule ${removal.siteRule}]` : removal.rule;
  const text = removal.text.length > 100 ? `${removal.text.slice(0, 99)}…` : removal.text;
  return `    ${sign} ${rule}: ${JSON.stringify(text)}`;
}

async function renderPreview(
  result: RecleanResult,
  site: string | null,
  context: CommandContext,
): Promise<CommandResult> {
  const documents = await changesJson(result.changes);
  const staged = result.changes.filter((change) => change.where === 'staged').length;
  const committed = result.changes.length - staged;
  const lines: string[] = [];
  lines.push(
    `Dry run: ${plural(result.changes.length, 'document')} of ${result.checked}${site ? ` on ${site}` : ''} would change ` +
      `(${staged} staged, ${committed} committed); ${result.counts.failed} failed; nothing was written`,
  );
  for (const failed of result.failed) lines.push(`  failed ${failed.source}: ${failed.error}`);
  const { diffDocuments, renderText } = await import('@corpuskit/diff');
  for (const [index, change] of result.changes.entries()) {
    const doc = documents[index]!;
    lines.push('');
    lines.push(
      `${change.id}  (${change.where === 'staged' ? `staged, ${change.state}` : 'committed'}; +${doc.words.added} -${doc.words.removed} words)`,
    );
    for (const removal of change.removedAdded) lines.push(removalLine(removal, 'removed'));
    for (const removal of change.removedDropped) lines.push(removalLine(removal, 'restored'));
    for (const removal of change.removedReassigned) lines.push(removalLine(removal, 'now by'));
    const side = (document: RecleanChange['before']) => ({
      id: change.id,
      title: document.title,
      text: document.text,
      metadata: document.metadata,
    });
    const rendered = renderText(diffDocuments(side(change.before), side(change.after)), {
      color: context.options.color,
      oldName: `${change.id} (now)`,
      newName: `${change.id} (after reclean)`,
    });
    lines.push(colorSafe(rendered, context.options.color).replace(/\n$/, ''));
  }
  if (result.changes.length > 0)
    lines.push('', `Stage these changes with: corpuskit reclean${site ? ` --site ${site}` : ''}`);
  return {
    json: {
      dryRun: true,
      site,
      checked: result.checked,
      changed: result.changes.length,
      staged,
      committed,
      failed: result.failed,
      documents: documents.map(({ text: _text, ...rest }) => rest),
    },
    text: lines.join('\n'),
    exitCode: result.counts.failed > 0 ? 1 : 0,
  };
}

export const run: CommandRun = async (_args, options, context) => {
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw usageError('--jobs must be a positive whole number');
  const timeout = Number(options.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw usageError('--timeout must be a positive number of seconds');
  const dryRun = options.dryRun === true;
  if (dryRun && options.ndjson) throw usageError('--dry-run and --ndjson cannot be combined');
  // A bad CORPUSKIT_THREAD_HEAP fails before the corpus is opened (and locked), as in ingest.
  const { createCleanPool, defaultJobs, threadHeapMib } = await import('../clean-pool.js');
  const maxHeapMib = threadHeapMib(options.maxMemory, context.env);
  const { store, root } = await openCorpusFor(context, { lockWaitMs: lockWaitFromEnv(context.env) ?? 30_000 });
  const { reclean, storeSession } = await import('@corpuskit/ingest');
  const pool = await createCleanPool({
    jobs: jobs ?? defaultJobs(),
    timeoutMs: timeout * 1000,
    maxHeapMib,
  });
  const session = storeSession(store);
  const started = Date.now();
  let progress = createProgress({ stream: context.stderr, total: 0, unit: 'pages', enabled: false });
  const site = options.site === undefined ? null : String(options.site);
  try {
    const result = await reclean(session, session, {
      ...(site === null ? {} : { site }),
      dryRun,
      cleanFn: pool.cleanFn,
      concurrency: pool.jobs,
      timeoutMs: timeout * 1000,
      signal: context.signal,
      onStart: (total) => {
        progress = createProgress({ stream: context.stderr, total, unit: 'pages', enabled: !context.options.quiet });
      },
      onEvent: (event) => {
        if (event.kind === 'failed' && event.error && !context.options.json && !options.ndjson)
          context.log.error(event.error.summary);
        progress.tick(event.source);
      },
    });
    progress.stop();
    if (dryRun) return await renderPreview(result, site, context);
    const rendered = renderIngest(result, {
      corpus: root,
      jobs: pool.jobs,
      seconds: (Date.now() - started) / 1000,
      ndjson: options.ndjson === true,
      context,
      verb: 'Re-cleaned',
    });
    if (rendered.json && typeof rendered.json === 'object') {
      // What changed in each staged document's removals, with the per-site rule behind each.
      const changes = result.changes.map((change) => ({
        id: change.id,
        removedAdded: change.removedAdded,
        removedDropped: change.removedDropped,
        removedReassigned: change.removedReassigned,
      }));
      rendered.json = { ...rendered.json, changes };
    }
    if (rendered.text !== undefined && result.changes.length > 0) {
      const detail = result.changes.flatMap((change) => [
        `  ${change.id}`,
        ...change.removedAdded.map((removal) => removalLine(removal, 'removed')),
        ...change.removedDropped.map((removal) => removalLine(removal, 'restored')),
        ...change.removedReassigned.map((removal) => removalLine(removal, 'now by')),
      ]);
      rendered.text = [rendered.text, ...detail].join('\n');
    }
    return rendered;
  } finally {
    progress.stop();
    await pool.destroy();
  }
};
