import { stat } from 'node:fs/promises';
import path from 'node:path';

import { CorpusKitError } from '@corpuskit/document';
import type * as DiffPackage from '@corpuskit/diff';
import type { DocumentDiff, DiffOptions, DiffInput, VersionDiff } from '@corpuskit/diff';
import type { Store } from '@corpuskit/store';

import type { CommandContext } from '../context.js';
import type { CommandResult, CommandRun, CommandSpec } from '../command.js';
import { corpusDirFor } from '../corpus.js';
import { colorSafe } from '../terminal-safe.js';
import { cliError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'diff <old> <new>',
  description:
    'What changed between two files (HTML is cleaned first) or two corpus versions (id or prefix, tag, HEAD, HEAD~N, staged)',
  options: [
    { flags: '--doc <id>', description: 'Diff one document between the two versions (or a version and a file)' },
    { flags: '--exit-code', description: 'Exit 1 when the sides differ, 0 when they are equal' },
    { flags: '--ignore-whitespace', description: 'Ignore changes in the amount of white space and blank lines' },
    { flags: '--ignore-case', description: 'Ignore letter case' },
    { flags: '--ignore-punctuation', description: 'Ignore punctuation and symbols' },
    { flags: '--ignore-quotes', description: 'Ignore quote and dash style (curly vs straight, en/em dash vs hyphen)' },
    { flags: '--limit <n>', description: 'Version diff: list at most N documents, largest changes first' },
    { flags: '--context <n>', description: 'Unchanged paragraphs (text) or lines (patch) around each change' },
  ],
  formats: ['text', 'json', 'patch'],
  examples: [
    'corpuskit diff old.html new.html',
    'corpuskit diff v1 HEAD',
    'corpuskit diff HEAD staged --json',
    'corpuskit diff HEAD staged --doc https://example.com/story   # a pending change too',
    'corpuskit diff HEAD~1 HEAD --doc https://example.com/story --format patch',
    'corpuskit diff a.txt b.txt --ignore-quotes --exit-code',
  ],
};

/** The lazily imported diff package. */
type DiffModule = typeof DiffPackage;

type Side = { kind: 'file'; path: string; arg: string } | { kind: 'version'; ref: string };

function diffOptionsFrom(options: Record<string, unknown>): DiffOptions {
  return {
    ignoreWhitespace: options.ignoreWhitespace === true,
    ignoreCase: options.ignoreCase === true,
    ignorePunctuation: options.ignorePunctuation === true,
    ignoreQuotes: options.ignoreQuotes === true,
    ignoreDashes: options.ignoreQuotes === true,
  };
}

function positiveInteger(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw cliError('cli.usage', `${flag} takes a whole number (got '${String(value)}')`);
  }
  return n;
}

/** A side is a file when the path exists, else a version reference. */
async function sideOf(arg: string, context: CommandContext): Promise<Side> {
  const full = path.resolve(context.cwd, arg);
  try {
    const info = await stat(full);
    if (info.isDirectory()) {
      throw cliError('diff.directory', 'is a folder; give a file or a version', { subject: arg });
    }
    return { kind: 'file', path: full, arg };
  } catch (error) {
    if (error instanceof CorpusKitError) throw error;
    return { kind: 'version', ref: arg };
  }
}

/** Read a file side: HTML (also MHTML, gzip) is cleaned, plain text is used as is. */
async function readFileSide(side: Extract<Side, { kind: 'file' }>): Promise<DiffInput> {
  const { readPageText } = await import('@corpuskit/ingest');
  try {
    const page = await readPageText(side.path, side.arg);
    return {
      id: side.arg,
      title: page.title,
      text: page.text,
      ...(page.metadata ? { metadata: page.metadata } : {}),
    };
  } catch (error) {
    // Keep the codes this command has always used for unusable files.
    if (error instanceof CorpusKitError && error.code === 'ingest.binary') {
      throw cliError('diff.binary-file', error.message, { subject: side.arg, cause: error });
    }
    if (error instanceof CorpusKitError && error.code === 'ingest.not-utf8') {
      throw cliError('diff.not-utf8', 'is not valid UTF-8 text', {
        subject: side.arg,
        cause: error,
      });
    }
    if (error instanceof CorpusKitError && error.code.startsWith('ingest.')) throw error;
    throw cliError('diff.unreadable', `cannot read: ${(error as Error).message}`, {
      subject: side.arg,
      cause: error,
    });
  }
}

async function openStore(context: CommandContext, refs: string[]): Promise<Store> {
  let dir: string;
  try {
    dir = await corpusDirFor(context);
  } catch (error) {
    if (error instanceof CorpusKitError && error.code === 'cli.no-corpus') {
      throw cliError(
        'diff.no-such-side',
        `no such file, and no corpus to look up ${refs.length > 1 ? 'these versions' : 'this version'} in (pass --corpus DIR or set CORPUSKIT_CORPUS)`,
        { subject: refs.join(', ') },
      );
    }
    throw error;
  }
  const { openCorpus } = await import('@corpuskit/store');
  return openCorpus(dir);
}

/**
 * One document at a version. On the `staged` side a pending change counts too (`staged` as a
 * version holds only accepted changes), so a reviewer sees what accepting it would do; `pending`
 * says so, for the side's name.
 */
async function versionDocument(
  store: Store,
  ref: string,
  id: string,
): Promise<{ input: DiffInput | null; pending: boolean }> {
  if (ref === 'staged') {
    const staged = await store.getStaged(id);
    if (staged?.entry.state === 'pending') {
      const record = staged.record;
      const input = record
        ? {
            id: record.id,
            title: record.document.title,
            text: record.document.text,
            metadata: record.document.metadata,
          }
        : null;
      return { input, pending: true };
    }
  }
  return { input: await plainVersionDocument(store, ref, id), pending: false };
}

async function plainVersionDocument(store: Store, ref: string, id: string): Promise<DiffInput | null> {
  const record = await store.getDocument(ref, id);
  if (!record) return null;
  const d = record.document;
  return { id: record.id, title: d.title, text: d.text, metadata: d.metadata };
}

function renderDocument(
  diff: DocumentDiff,
  format: string,
  context: CommandContext,
  names: { old: string; new: string },
  lines: number | undefined,
  render: DiffModule,
): string {
  if (format === 'json') return JSON.stringify(diff, null, 2);
  if (format === 'patch') return render.renderPatch(diff, { oldName: names.old, newName: names.new, context: lines });
  return colorSafe(
    render.renderText(diff, {
      color: context.options.color,
      oldName: names.old,
      newName: names.new,
      context: lines,
    }),
    context.options.color,
  );
}

async function versionPatch(
  versionDiff: VersionDiff,
  ids: string[],
  lines: number | undefined,
  render: DiffModule,
): Promise<string> {
  const out: string[] = [];
  for (const id of ids) {
    const diff = await versionDiff.document(id);
    out.push(render.renderPatch(diff, { oldName: `a/${diff.old.id ?? id}`, newName: `b/${id}`, context: lines }));
  }
  return out.join('');
}

export const run: CommandRun = async (args, options, context): Promise<CommandResult> => {
  const [oldArg, newArg] = args.map(String);
  if (!oldArg || !newArg) throw cliError('cli.usage', 'diff needs two sides: OLD NEW');
  const format = context.options.json ? 'json' : (context.options.format ?? 'text');
  const diffOptions = diffOptionsFrom(options);
  const docId = options.doc === undefined ? undefined : String(options.doc);
  const limit = positiveInteger(options.limit, '--limit');
  const lines = positiveInteger(options.context, '--context');
  const exitOnDiff = options.exitCode === true;
  const render = await import('@corpuskit/diff');

  const [oldSide, newSide] = await Promise.all([sideOf(oldArg, context), sideOf(newArg, context)]);
  const versions = [oldSide, newSide].filter((s): s is Extract<Side, { kind: 'version' }> => s.kind === 'version');
  const store =
    versions.length > 0
      ? await openStore(
          context,
          versions.map((v) => v.ref),
        )
      : null;

  // Document diff: two files, or one document (--doc) on either kind of side.
  if (versions.length < 2 || docId !== undefined) {
    if (versions.length === 1 && docId === undefined) {
      throw cliError(
        'diff.mixed-sides',
        `one side is a file and the other a version; name the document with --doc ID`,
        { subject: versions[0]!.ref },
      );
    }
    if (versions.length === 0 && docId !== undefined) {
      throw cliError('cli.usage', '--doc is for versions; two files are compared as they are');
    }
    const load = async (side: Side): Promise<{ input: DiffInput | null; pending: boolean }> =>
      side.kind === 'file'
        ? { input: await readFileSide(side), pending: false }
        : versionDocument(store!, side.ref, docId!);
    const [oldLoaded, newLoaded] = await Promise.all([load(oldSide), load(newSide)]);
    const a = oldLoaded.input;
    const b = newLoaded.input;
    if (!a && !b) {
      throw cliError('diff.no-such-document', `not in ${oldArg} nor in ${newArg}`, {
        subject: docId,
      });
    }
    const empty = { id: null, title: null, text: '' };
    const diff = render.diffDocuments(a ?? empty, b ?? empty, diffOptions);
    const pendingMark = (loaded: { pending: boolean }) => (loaded.pending ? ' (pending review)' : '');
    const names = {
      old: oldSide.kind === 'file' ? oldArg : `${oldArg}:${docId}${pendingMark(oldLoaded)}`,
      new: newSide.kind === 'file' ? newArg : `${newArg}:${docId}${pendingMark(newLoaded)}`,
    };
    const { describeSimilarity, similarityMeasure, textSimilarity } = await import('@corpuskit/dedup');
    const textOf = (input: DiffInput | null): string =>
      input === null ? '' : typeof input === 'string' ? input : input.text;
    const similarity = textSimilarity(textOf(a), textOf(b));
    const rendered = renderDocument(diff, format, context, names, lines, render);
    return {
      json: {
        ...diff,
        pending: oldLoaded.pending || newLoaded.pending,
        similarity: { value: similarity, measure: similarityMeasure() },
      },
      text: format === 'text' ? `${rendered.trimEnd()}\nsimilarity: ${describeSimilarity(similarity)}` : rendered,
      exitCode: exitOnDiff && diff.changed ? 1 : 0,
    };
  }

  // Version diff: the summary from the manifests, then documents ranked by size of change.
  const { diffStoredVersions } = await import('@corpuskit/ingest');
  const { diff: versionDiff, manifests } = await diffStoredVersions(store!, oldArg, newArg, {
    ...diffOptions,
    signal: context.signal,
  });
  const s = versionDiff.summary;
  const different = s.added + s.removed + s.modified + s.renamed > 0;
  // The summary comes from the manifests alone: show it before the documents are diffed.
  if (format === 'text') context.stdout.write(`${render.renderVersionSummary(s)}\n`);
  const json = {
    ...(await render.versionDiffJson(versionDiff, { limit })),
    /** Of the unchanged documents: how many have a new stored record with the same content. */
    recordOnly: manifests.recordOnly.length,
  };
  let text: string;
  if (format === 'json') text = JSON.stringify(json, null, 2);
  else if (format === 'patch')
    text = await versionPatch(
      versionDiff,
      json.documents.map((d) => d.id),
      lines,
      render,
    );
  else
    text = colorSafe(
      render.renderVersionText(json, { color: context.options.color, summary: false }),
      context.options.color,
    );
  return { json, text, exitCode: exitOnDiff && different ? 1 : 0 };
};
