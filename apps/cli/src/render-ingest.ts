import { describeSimilarity } from '@corpuskit/dedup';
import { EXIT_CODES, SCHEMA_VERSION } from '@corpuskit/document';
import type { ErrorKind, Finding } from '@corpuskit/document';
import type { IngestResult, PreviousDecision } from '@corpuskit/ingest';

import type { CommandResult } from './command.js';
import type { CommandContext } from './context.js';
import { ISSUES_URL, usageError } from './errors.js';

export interface RenderIngestOptions {
  corpus: string;
  jobs?: number;
  seconds: number;
  ndjson: boolean;
  context: CommandContext;
  /** `ingest` or `reclean`, for the wording. */
  verb?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Exit code of a batch: 0 when every file went in, 1 when some failed (findings, like a
 * partial rsync), 2 when files were given and none could be used.
 */
function batchExitCode(result: IngestResult): number {
  const { counts } = result;
  // The corpus could not be written (disk full ...): the I/O exit code, whatever else happened.
  if (result.stagingError) return EXIT_CODES[result.stagingError.kind as ErrorKind] ?? EXIT_CODES.io;
  // Ctrl-C or SIGTERM stopped the run: the exit code of an interruption, whatever failed before it.
  if (result.interrupted) return EXIT_CODES.interrupted;
  if (counts.failed === 0) return 0;
  return counts.failed === counts.files ? 2 : 1;
}

/** The ingest/reclean result as text, one JSON document, or JSON lines. */
export function renderIngest(result: IngestResult, options: RenderIngestOptions): CommandResult {
  const { context } = options;
  const exitCode = batchExitCode(result);
  if (options.ndjson) {
    if (context.options.json) throw usageError('--json and --ndjson cannot be combined');
    for (const file of result.files) {
      context.stdout.write(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, type: 'file', ...file })}\n`);
    }
    context.stdout.write(
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, type: 'summary', ...result.counts, failed: result.failed, interrupted: result.interrupted, containers: result.containers, ...(result.stagingError ? { error: result.stagingError } : {}) })}\n`,
    );
    return { exitCode };
  }
  const json = {
    corpus: options.corpus,
    ...result.counts,
    failed: result.failed,
    failedCount: result.counts.failed,
    warnings: result.warnings,
    interrupted: result.interrupted,
    containers: result.containers,
    ...(result.stagingError ? { error: result.stagingError } : {}),
    items: result.files,
  };
  if (result.stagingError && !context.options.json) {
    context.log.error(
      `staging stopped: ${result.stagingError.message}; the pages not staged are listed as failed, nothing is half-written`,
    );
  }
  return { json, text: textSummary(result, options), exitCode };
}

function textSummary(result: IngestResult, options: RenderIngestOptions): string {
  const { counts } = result;
  const { colors } = options.context.log;
  const verb = options.verb ?? 'Ingested';
  const lines: string[] = [];
  lines.push(
    `${verb} ${plural(counts.files, 'file')} in ${options.seconds.toFixed(1)} s${options.jobs ? ` (${plural(options.jobs, 'job')})` : ''}: ` +
      `${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged` +
      (counts.superseded ? `, ${counts.superseded} superseded` : '') +
      (counts.previouslyRejected ? `, ${counts.previouslyRejected} previously rejected` : '') +
      `, ${counts.failed} failed`,
  );
  if (counts.previouslyRejected > 0) {
    lines.push(
      `  previously rejected: ${plural(counts.previouslyRejected, 'page')} with content rejected (or removed) before, staged rejected again; --reconsider stages them for review`,
    );
  }
  if (counts.reconsidered > 0) {
    lines.push(`  reconsidered: ${plural(counts.reconsidered, 'page')} rejected before, pending review again`);
  }
  if (counts.stale > 0) {
    lines.push(
      colors.yellow(`  stale: ${plural(counts.stale, 'decision')} made for earlier content, pending review again`),
    );
  }
  lines.push(
    `  findings: ${plural(counts.exactDuplicates, 'exact duplicate')}, ${plural(counts.nearDuplicates, 'near-duplicate')}, ${counts.suspect} suspect`,
  );
  for (const container of result.containers) {
    const skipped = Object.entries(container.skipped).map(([reason, n]) => `${n} ${reason}`);
    lines.push(
      `  ${container.source}: ${plural(container.records, 'WARC record')}, ${plural(container.pages, 'HTML page')}` +
        (skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''),
    );
  }
  if (result.interrupted) lines.push(colors.yellow('  interrupted: files not reached are listed as failed'));
  if (result.stagingError) {
    lines.push(
      colors.red(
        `  staging stopped: the corpus could not be written (${result.stagingError.message}); nothing is half-written`,
      ),
    );
  }
  for (const warning of result.warnings)
    lines.push(`  ${colors.yellow('skipped')}    ${warning.source}: ${warning.message}`);
  const verbose = options.context.options.verbose;
  const shown = result.files.filter(
    (f) =>
      verbose ||
      f.findings.length > 0 ||
      f.warnings.length > 0 ||
      f.status === 'suspect' ||
      f.outcome === 'superseded' ||
      f.outcome === 'rejected' ||
      f.previously !== undefined ||
      f.stale !== undefined ||
      f.outcome === 'failed',
  );
  if (shown.length > 0) lines.push('');
  for (const file of shown) {
    if (file.outcome === 'failed') {
      lines.push(`  ${colors.red('failed')}     ${file.source}: ${file.error?.message ?? 'unknown error'}`);
      continue;
    }
    const label = file.outcome.padEnd(10);
    lines.push(
      `  ${colorFor(file.outcome, colors)(label)} ${file.id}${file.id === file.source ? '' : `  (${file.source})`}`,
    );
    if (file.outcome === 'superseded')
      lines.push(`             same id as ${file.supersededBy}, which was staged instead`);
    if (file.previously) lines.push(`             ${describePrevious(file.previously)}`);
    if (file.stale) {
      const s = file.stale;
      lines.push(
        `             ${colors.yellow('stale')}: ${s.state} by ${s.by ?? 'someone'} at ${s.at} for earlier content; pending again`,
      );
    }
    if (file.status === 'suspect')
      lines.push(`             ${colors.yellow('suspect')}: check the cleaned text before accepting`);
    for (const finding of file.findings) lines.push(`             ${describeFinding(finding, colors)}`);
    for (const warning of file.warnings) lines.push(`             ${colors.yellow('warning')}: ${warning}`);
  }
  if (result.files.some((f) => f.error?.kind === 'internal')) {
    lines.push(
      '',
      colors.yellow(
        `Some failures look like bugs in corpuskit; please report them at ${ISSUES_URL} with the output of this command run with --verbose.`,
      ),
    );
  }
  if (counts.new + counts.updated > 0) {
    lines.push(
      '',
      `Review with 'corpuskit status', then 'corpuskit accept ID...' or 'corpuskit reject ID... -m NOTE'.`,
    );
  }
  return lines.join('\n');
}

/** One finding in words: a duplicate names the other document, a revision says how much changed. */
function describeFinding(finding: Finding, colors: CommandContext['log']['colors']): string {
  if (finding.kind === 'not-article') return `${colors.yellow('not an article')}: ${finding.reason}`;
  if (finding.kind === 'canonical-conflict') return `${colors.yellow('canonical conflict')}: ${finding.reason}`;
  if (finding.kind === 'revision') {
    return `${colors.cyan('revision')}: ${describeSimilarity(finding.similarity)} to the current text`;
  }
  const kind = finding.kind === 'exact' ? 'exact duplicate' : 'near-duplicate';
  return `${colors.yellow(kind)} of ${finding.other}, ${describeSimilarity(finding.similarity)}`;
}

/** "previously rejected by bo at ... (note) in version 3fa9c1e" */
function describePrevious(previously: PreviousDecision): string {
  const what = previously.decision === 'removed' ? 'previously removed' : 'previously rejected';
  const where = previously.version ? `in version ${previously.version.slice(0, 7)}` : 'not committed yet';
  return (
    `${previously.reconsidered ? `${what}, reconsidered:` : `${what}:`} by ${previously.by ?? 'someone'} at ${previously.at}` +
    `${previously.note ? ` ("${previously.note}")` : ''}, ${where}`
  );
}

function colorFor(outcome: string, colors: CommandContext['log']['colors']): (text: string) => string {
  if (outcome === 'new') return colors.green;
  if (outcome === 'updated') return colors.cyan;
  if (outcome === 'rejected') return colors.yellow;
  return colors.dim;
}
