import { toCorpusKitError } from '@corpuskit/document';
import type { CorpusKitError } from '@corpuskit/document';
import { describeSimilarity } from '@corpuskit/dedup';
import type { DedupDocument, DuplicateReport, FindDuplicatesOptions } from '@corpuskit/dedup';

import type { CommandResult, CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor } from '../corpus.js';
import { positiveOption, usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'dedup [...paths]',
  description:
    'Exact and near-duplicate clusters among files (HTML is cleaned first), or, with no paths, among the documents of a corpus version',
  options: [
    {
      flags: '--version <version>',
      description: 'Without paths: the corpus version to check (default HEAD; a tag, id prefix, HEAD~N or staged)',
    },
    { flags: '--preset <name>', description: 'default (5-word shingles, Jaccard 0.8) or syndication (2-word, 0.45)' },
    { flags: '--threshold <jaccard>', description: 'Verified Jaccard at or above which pages are near-duplicates' },
    { flags: '--bands <n>', description: 'LSH bands (with --rows; permutations default to bands x rows)' },
    { flags: '--rows <n>', description: 'Rows per LSH band' },
    { flags: '--permutations <n>', description: 'MinHash permutations (signature length)' },
    { flags: '--shingle-size <n>', description: 'Words per shingle' },
    {
      flags: '--linkage <how>',
      description:
        'union-find (default: chains of near-duplicates form one cluster) or star (members within the threshold of the representative)',
    },
    { flags: '--exit-code', description: 'Exit 1 when any duplicates are found' },
  ],
  examples: [
    'corpuskit dedup saved-pages/',
    'corpuskit dedup a.html b.html notes.txt --json',
    'corpuskit dedup wire/ --preset syndication',
    'corpuskit dedup saved-pages/ --bands 20 --rows 5 --threshold 0.7',
    'corpuskit dedup                      # the corpus at HEAD',
    'corpuskit dedup --version staged --json',
    'corpuskit dedup --version v1 --preset syndication',
  ],
};

interface Failure {
  source: string;
  error: CorpusKitError;
}

/** Dedup options from the flags; the package validates ranges and consistency. */
export function optionsFrom(options: Record<string, unknown>): FindDuplicatesOptions {
  const input: FindDuplicatesOptions = {};
  if (options.linkage !== undefined) {
    const linkage = String(options.linkage);
    if (linkage !== 'union-find' && linkage !== 'star') {
      throw usageError(`--linkage must be union-find or star (got '${linkage}')`);
    }
    input.linkage = linkage;
  }
  if (options.preset !== undefined) {
    const preset = String(options.preset);
    if (preset !== 'default' && preset !== 'syndication') {
      throw usageError(`--preset must be default or syndication (got '${preset}')`);
    }
    input.preset = preset;
  }
  if (options.threshold !== undefined) {
    const threshold = Number(options.threshold);
    if (!Number.isFinite(threshold))
      throw usageError(`--threshold must be a number (got '${String(options.threshold)}')`);
    input.threshold = threshold;
  }
  const bands = positiveOption(options.bands, '--bands', { integer: true });
  const rows = positiveOption(options.rows, '--rows', { integer: true });
  const permutations = positiveOption(options.permutations, '--permutations', { integer: true });
  const shingleSize = positiveOption(options.shingleSize, '--shingle-size', { integer: true });
  if (bands !== undefined) input.bands = bands;
  if (rows !== undefined) input.rows = rows;
  if (permutations !== undefined) input.permutations = permutations;
  if (shingleSize !== undefined) input.shingleSize = shingleSize;
  return input;
}

/** Read one file as dedup input: HTML (also MHTML, gzip) is cleaned to its article text; plain text is used as it is. */
async function readDocument(file: { path: string; source: string }): Promise<DedupDocument> {
  const { readPageText } = await import('@corpuskit/ingest');
  const page = await readPageText(file.path, file.source);
  return { id: file.source, text: page.text, ...(page.fetchedAt ? { fetchedAt: page.fetchedAt } : {}) };
}

export const run: CommandRun = async (args, options, context) => {
  const paths = (args[0] as string[] | undefined) ?? [];
  const input = optionsFrom(options);
  if (paths.length === 0) return corpusMode(input, options, context);
  if (options.version !== undefined) throw usageError('--version picks a corpus version; it cannot be used with paths');
  const { findDuplicates, formatSCurve, resolveOptions } = await import('@corpuskit/dedup');
  const { linkage, ...signatureInput } = input;
  const settings = resolveOptions(signatureInput);
  const { expandInputs } = await import('@corpuskit/ingest');
  const expanded = await expandInputs(paths, { cwd: context.cwd });
  const failed: Failure[] = expanded.failures.map((failure) => ({ source: failure.source, error: failure.error }));
  const documents: DedupDocument[] = [];
  const seen = new Set<string>();
  for (const file of expanded.files) {
    if (context.signal.aborted) break;
    if (seen.has(file.source)) continue;
    seen.add(file.source);
    try {
      documents.push(await readDocument(file));
    } catch (error) {
      const wrapped = toCorpusKitError(error, file.source);
      failed.push({ source: file.source, error: wrapped });
      if (!context.options.json) context.log.error(wrapped.summary);
    }
  }
  const report = findDuplicates(documents, { ...settings, ...(linkage ? { linkage } : {}) });
  const duplicates = report.clusters.length > 0;
  return {
    json: toJson(report, input.preset ?? 'default', failed),
    text: toText(report, input.preset ?? 'default', failed, formatSCurve),
    exitCode: failed.length > 0 || (duplicates && options.exitCode === true) ? 1 : 0,
  };
};

/** Without paths: the documents of one corpus version (ids as sources), rendered like path mode. */
async function corpusMode(
  input: FindDuplicatesOptions,
  options: Record<string, unknown>,
  context: Parameters<CommandRun>[2],
): Promise<CommandResult> {
  const { formatSCurve, resolveOptions } = await import('@corpuskit/dedup');
  const { linkage, ...signatureInput } = input;
  const settings = resolveOptions(signatureInput);
  const ref = options.version === undefined ? 'HEAD' : String(options.version);
  const { store } = await openCorpusFor(context);
  const { corpusDuplicates } = await import('@corpuskit/ingest');
  const report = await corpusDuplicates(store, ref, { ...settings, ...(linkage ? { linkage } : {}) }, context.signal);
  const preset = input.preset ?? 'default';
  return {
    json: { version: ref, ...toJson(report, preset, []) },
    text: `version ${ref}: ${toText(report, preset, [], formatSCurve)}`,
    exitCode: report.clusters.length > 0 && options.exitCode === true ? 1 : 0,
  };
}

function toJson(report: DuplicateReport, preset: string, failed: Failure[]): Record<string, unknown> {
  return {
    clusters: report.clusters.map((cluster) => ({
      kind: cluster.kind,
      representative: cluster.representative,
      members: cluster.members.map((member) => ({ source: member.id, similarity: member.similarity })),
    })),
    documents: report.documents,
    settings: { preset, linkage: report.linkage, ...report.options },
    sCurve: report.sCurve,
    candidates: report.candidates,
    decisions: report.decisions,
    skipped: report.skipped.map((skip) => ({ source: skip.id, reason: skip.reason })),
    failed: failed.map((failure) => ({ source: failure.source, error: failure.error.toJSON() })),
  };
}

function toText(
  report: DuplicateReport,
  preset: string,
  failed: Failure[],
  formatSCurve: (curve: DuplicateReport['sCurve']) => string,
): string {
  const { options } = report;
  const exact = report.clusters.filter((cluster) => cluster.kind === 'exact').length;
  const lines = [
    `${report.documents} document(s), ${report.clusters.length} cluster(s): ${exact} exact, ${report.clusters.length - exact} near`,
    `settings: preset ${preset}, ${options.shingleSize}-word shingles, ${options.permutations} permutations, threshold ${options.threshold}, seed ${options.seed}, ${report.linkage} linkage; ${report.candidates} candidate pair(s) verified`,
    formatSCurve(report.sCurve),
  ];
  for (const cluster of report.clusters) {
    lines.push('', `${cluster.kind} cluster, representative ${cluster.representative}:`);
    for (const member of cluster.members) {
      const role =
        member.id === cluster.representative
          ? '(representative)'
          : describeSimilarity(member.similarity, options.shingleSize);
      lines.push(`  ${member.id}  ${role}`);
    }
  }
  if (report.clusters.length === 0) lines.push('', 'No duplicates.');
  for (const skip of report.skipped) lines.push(`skipped ${skip.id}: ${skip.reason}`);
  for (const failure of failed) lines.push(`failed ${failure.error.summary}`);
  return lines.join('\n');
}
