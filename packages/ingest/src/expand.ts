import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';

import type { CorpusKitError } from '@corpuskit/document';
import { toCorpusKitError } from '@corpuskit/document';
import { glob, isDynamicPattern } from 'tinyglobby';

import { deepestCommonFolder } from './common-folder.js';
import { ingestError } from './errors.js';
import { sidecarCandidates } from './origin.js';
import { fileKind, notAFile } from './read-input.js';

/** One file to ingest. */
export interface InputFile {
  /** Absolute path, used to read it. */
  path: string;
  /** The path as the user gave it (or as found under the folder they gave), for messages and provenance. */
  source: string;
  /** Path relative to the folder given (forward slashes), for `file:` ids. Never absolute. */
  relative: string;
  /**
   * The sidecar paths beside the file that its folder listed (see `readOrigin`), when it was
   * found by walking a folder: then the others need not be looked for. Unset: look for each.
   */
  sidecars?: readonly string[];
}

/** A file (or folder, or pattern) that could not be used, and why. */
export interface FileFailure {
  source: string;
  error: CorpusKitError;
}

export interface ExpandResult {
  /** Files in a stable order: inputs in the order given, each folder's files sorted by path. */
  files: InputFile[];
  failures: FileFailure[];
  /** Files passed over on purpose: sidecars, hidden files, a saved page's `_files` folder, links leaving the folder. */
  skipped: string[];
  /** Why something was passed over when the user should hear of it (a link leading outside the folder). */
  warnings: ExpandWarning[];
}

export interface ExpandWarning {
  source: string;
  message: string;
}

export interface ExpandOptions {
  cwd: string;
  /**
   * Follow symbolic links that lead outside the folder (or a pattern's fixed base) they are
   * found in, and sidecars that lead outside their page's folder. Off by default: such a link is
   * skipped with a warning naming it.
   */
  followSymlinks?: boolean;
}

const toPosix = (value: string) => value.split(path.sep).join('/');

/**
 * Turn files, folders (walked recursively) and glob patterns into the list of files to
 * ingest. Symbolic links are followed while they stay inside the folder given (or a pattern's
 * fixed base); one leading outside is skipped with a warning unless `followSymlinks` is set,
 * and loops are refused. Nothing here reads a file's content; a missing input, an unreadable
 * folder, a directory loop, a named pipe, socket or device becomes a failure, and the rest
 * goes on.
 */
export async function expandInputs(
  inputs: readonly string[],
  { cwd, followSymlinks = false }: ExpandOptions,
): Promise<ExpandResult> {
  const result: ExpandResult = { files: [], failures: [], skipped: [], warnings: [] };
  const seen = new Set<string>();
  // Files named one by one (often a glob the shell expanded) get ids relative to their
  // deepest common folder, so `dir/*/page.html` gives `a/page.html`, `b/page.html`.
  const named: InputFile[] = [];
  /** Takes `file` unless the same file (by real path) is taken already; whether it was taken. */
  const add = async (file: InputFile): Promise<boolean> => {
    let key = file.path;
    try {
      key = await realpath(file.path);
    } catch {
      // An unreadable or dangling path still gets its own entry: reading it will say why.
    }
    if (seen.has(key)) return false;
    seen.add(key);
    result.files.push(file);
    return true;
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT' && isDynamicPattern(toPosix(input))) {
        await expandGlob(input, cwd, followSymlinks, result, add);
        continue;
      }
      const notUtf8 = code === 'ENOENT' ? await notUtf8NameError(absolute, input) : null;
      if (notUtf8) {
        result.failures.push({ source: input, error: notUtf8 });
        continue;
      }
      const message =
        code === 'ENOENT'
          ? 'no such file or directory'
          : code === 'ELOOP'
            ? 'too many levels of symbolic links'
            : (error as Error).message;
      result.failures.push({
        source: input,
        error: ingestError(code === 'ENOENT' ? 'ingest.not-found' : 'ingest.unreadable', message, {
          subject: input,
          cause: error,
        }),
      });
      continue;
    }
    if (info.isDirectory()) {
      const files: InputFile[] = [];
      const root = await realpath(absolute);
      await walk(absolute, input, '', [root], files, result, followSymlinks ? null : { real: root });
      files.sort((a, b) => compare(a.relative, b.relative));
      for (const file of files) await add(file);
    } else if (info.isFile()) {
      const file: InputFile = { path: absolute, source: input, relative: path.basename(absolute) };
      named.push(file);
      if (await add(file)) file.sidecars = await sidecarsBeside(absolute, input, followSymlinks, result);
    } else {
      result.failures.push({
        source: input,
        error: ingestError('ingest.not-a-file', `${fileKind(info)}, not a regular file or folder: refused`, {
          subject: input,
        }),
      });
    }
  }
  const common = deepestCommonFolder(named.map((file) => file.path));
  for (const file of named) file.relative = toPosix(path.relative(common, file.path));
  return result;
}

async function expandGlob(
  pattern: string,
  cwd: string,
  followSymlinks: boolean,
  result: ExpandResult,
  add: (file: InputFile) => Promise<boolean>,
): Promise<void> {
  const posix = toPosix(pattern);
  const staticParts: string[] = [];
  for (const part of posix.split('/')) {
    if (isDynamicPattern(part)) break;
    staticParts.push(part);
  }
  const base = path.resolve(cwd, staticParts.join('/') || '.');
  const matches = await glob(posix, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: true, dot: false });
  if (matches.length === 0) {
    result.failures.push({
      source: pattern,
      error: ingestError('ingest.not-found', 'the pattern matches no files', { subject: pattern }),
    });
    return;
  }
  const root = followSymlinks
    ? null
    : { real: await realpath(base).catch(() => base), shown: toPosix(path.relative(cwd, base)) || '.' };
  const matched = new Set(matches.map((m) => path.resolve(m)));
  const files: InputFile[] = [];
  for (const match of matched) {
    const source = toPosix(path.relative(cwd, match)) || match;
    const outside = await leadsOutside(match, root);
    if (outside !== null) await skipOutsideLink(result, match, source, outside, root!.shown);
    else if (!isSidecarLike(match, matched))
      files.push({ path: match, source, relative: toPosix(path.relative(base, match)) });
  }
  files.sort((a, b) => compare(a.relative, b.relative));
  for (const file of files)
    if (await add(file)) file.sidecars = await sidecarsBeside(file.path, file.source, followSymlinks, result);
}

/**
 * The sidecars beside a page given by name or by a pattern (a folder's walk knows them from its
 * listing), as the walk takes them: a regular file or a link to one, which stays inside the page's
 * own folder unless links may lead anywhere. A named pipe, socket or device named like one is one
 * failure naming it, as in a walk (`notAFile`), and the page goes on without it. One that cannot
 * be looked at is passed on: reading it names the cause. Called only for a page taken (not for
 * another spelling of one).
 */
async function sidecarsBeside(
  file: string,
  source: string,
  followSymlinks: boolean,
  result: ExpandResult,
): Promise<string[]> {
  const folder = path.dirname(file);
  const root = followSymlinks ? null : { real: await realpath(folder).catch(() => folder) };
  const shown = toPosix(path.dirname(source));
  const sidecars: string[] = [];
  for (const candidate of sidecarCandidates(file)) {
    let info;
    try {
      info = await stat(candidate);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') sidecars.push(candidate);
      continue;
    }
    if (info.isDirectory()) continue;
    const sidecarSource = shown === '.' ? path.basename(candidate) : `${shown}/${path.basename(candidate)}`;
    if (info.isFile()) {
      const outside = await leadsOutside(candidate, root);
      if (outside === null) sidecars.push(candidate);
      else await skipOutsideLink(result, candidate, sidecarSource, outside, shown);
    } else if (await firstReport(result, 'refused', candidate)) {
      result.failures.push({ source: sidecarSource, error: notAFile(info, sidecarSource, true) });
    }
  }
  return sidecars;
}

/**
 * The real path `file` leads to when that is outside `root` (null when links may lead anywhere),
 * else null: the one test of whether a link met in a walk, among a pattern's matches or beside a
 * page may be followed. A sidecar's bound is always its page's own (real) folder, so a page gets
 * the same sidecars whether it was found in a folder, matched by a pattern or named on its own.
 */
async function leadsOutside(file: string, root: { real: string } | null): Promise<string | null> {
  if (root === null) return null;
  const real = await realpath(file).catch(() => file);
  return isInside(real, root.real) ? null : real;
}

/** Skips the link at `file` (leading to `real`, outside the folder shown as `folder`), with a warning: once however it was reached. */
async function skipOutsideLink(
  result: ExpandResult,
  file: string,
  source: string,
  real: string,
  folder: string,
): Promise<void> {
  if (!(await firstReport(result, 'outside', file))) return;
  result.skipped.push(source);
  result.warnings.push({ source, message: outsideMessage(real, folder) });
}

/** What each expansion has reported, by kind and real location: one report each, however it was reached. */
const reported = new WeakMap<ExpandResult, Set<string>>();

/**
 * Whether `file` (an absolute path) is reported as `kind` for the first time in `result` (noted
 * so). It is known by its folder's real path and its name: that opens nothing, a named pipe
 * included, and finds the same file spelled through a link to its folder.
 */
async function firstReport(result: ExpandResult, kind: 'refused' | 'outside', file: string): Promise<boolean> {
  const folder = path.dirname(file);
  const key = `${kind}:${path.join(await realpath(folder).catch(() => folder), path.basename(file))}`;
  let seen = reported.get(result);
  if (!seen) reported.set(result, (seen = new Set()));
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** A `.json` file beside a page with the same name: that page's sidecar, not a page. */
function isSidecarLike(file: string, siblings: Set<string>): boolean {
  if (!file.endsWith('.json')) return false;
  const stem = file.slice(0, -'.json'.length);
  if (siblings.has(stem)) return true;
  return ['.html', '.htm', '.xhtml', '.shtml', '.txt'].some((extension) => siblings.has(stem + extension));
}

/**
 * Names in `directory` that are not valid UTF-8: as Node decodes them -> their bytes, `\xNN` for
 * non-ASCII. Several names can decode alike (`caf\xe9` and `caf\xe8` both to `caf\uFFFD`): each
 * gets its own entry in the list, in the order the folder lists them.
 */
async function namesNotUtf8(directory: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let raw: Buffer[];
  try {
    raw = await readdir(directory, { encoding: 'buffer' });
  } catch {
    return out;
  }
  for (const bytes of raw) {
    const name = bytes.toString('utf8');
    if (Buffer.from(name, 'utf8').equals(bytes)) continue;
    const shown = [...bytes]
      .map((byte) =>
        byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`,
      )
      .join('');
    out.set(name, [...(out.get(name) ?? []), shown]);
  }
  return out;
}

/**
 * When `file` was not found because its name is not valid UTF-8 (Node decodes such a name, as
 * given on the command line, with U+FFFD, and that path opens nothing): the error that says so,
 * showing the name's bytes. Null when that is not the cause.
 */
export async function notUtf8NameError(file: string, subject: string): Promise<CorpusKitError | null> {
  const name = path.basename(file);
  if (!name.includes('\uFFFD')) return null;
  const shown = (await namesNotUtf8(path.dirname(file))).get(name);
  if (!shown) return null;
  return ingestError(
    'ingest.unreadable',
    `the name is not valid UTF-8 (${shown.join(' or ')}), so it cannot be opened by the name Node was given: rename it`,
    { subject },
  );
}

async function walk(
  directory: string,
  source: string,
  relative: string,
  ancestors: string[],
  files: InputFile[],
  result: ExpandResult,
  /** The folder given (its real path), when links must not leave it; null to follow them anywhere. */
  root: { real: string } | null,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    result.failures.push({ source, error: toCorpusKitError(error, source) });
    return;
  }
  const undecodable = entries.some((entry) => entry.name.includes('\uFFFD'))
    ? await namesNotUtf8(directory)
    : new Map<string, string[]>();
  const names = new Set(entries.map((entry) => entry.name));
  // A sidecar is looked for only among regular files and links to one that stay inside this folder
  // (unless links may lead anywhere): a named pipe or a device named like one (or a link to it) is
  // refused below, not read as the page's sidecar, and a link leading outside is skipped.
  const here = root === null ? null : { real: ancestors[ancestors.length - 1]! };
  const siblings = new Set(entries.map((entry) => path.join(directory, entry.name)));
  const sidecarNames = new Set<string>();
  // A link to a file named like a sidecar is looked at here once: its target, and where it leads.
  const sidecarLinks = new Map<string, { target: Stats; outside: string | null }>();
  for (const entry of entries) {
    if (entry.isFile()) sidecarNames.add(entry.name);
    else if (entry.isSymbolicLink() && isSidecarLike(path.join(directory, entry.name), siblings)) {
      const link = path.join(directory, entry.name);
      const target = await stat(link).catch(() => null);
      if (!target?.isFile()) continue;
      const outside = await leadsOutside(link, here);
      sidecarLinks.set(entry.name, { target, outside });
      if (outside === null) sidecarNames.add(entry.name);
    }
  }
  entries.sort((a, b) => compare(a.name, b.name));
  for (const entry of entries) {
    const childPath = path.join(directory, entry.name);
    const childSource = source === '.' ? entry.name : `${source.replace(/[\\/]+$/, '')}/${entry.name}`;
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) {
      result.skipped.push(childSource);
      continue;
    }
    const raw = undecodable.get(entry.name)?.shift();
    if (raw !== undefined) {
      // Node gives such a name decoded with U+FFFD, and that path opens nothing. The source shows
      // the bytes too: two such names can decode alike.
      const shownSource = source === '.' ? raw : `${source.replace(/[\\/]+$/, '')}/${raw}`;
      const what = entry.isDirectory() ? 'folder name' : 'file name';
      const after = entry.isDirectory() ? ' (nothing in it is read)' : '';
      result.failures.push({
        source: shownSource,
        error: ingestError(
          'ingest.unreadable',
          `the ${what} is not valid UTF-8 (${raw}), so it cannot be opened by name${after}: rename it`,
          { subject: shownSource },
        ),
      });
      continue;
    }
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let kind: Parameters<typeof fileKind>[0] = entry;
    if (entry.isSymbolicLink()) {
      try {
        const known = sidecarLinks.get(entry.name);
        const target = known?.target ?? (await stat(childPath));
        // A page's sidecar may not leave its page's folder; anything else, the folder given.
        const sidecar = target.isFile() && isSidecarLike(childPath, siblings);
        const outside = known ? known.outside : await leadsOutside(childPath, sidecar ? here : root);
        if (outside !== null) {
          await skipOutsideLink(
            result,
            childPath,
            childSource,
            outside,
            sidecar ? source : rootSource(source, relative),
          );
          continue;
        }
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        kind = target;
      } catch (error) {
        result.failures.push({
          source: childSource,
          error: ingestError(
            'ingest.unreadable',
            (error as { code?: string }).code === 'ELOOP'
              ? 'symbolic link loop'
              : `broken symbolic link (${(error as Error).message})`,
            { subject: childSource, cause: error },
          ),
        });
        continue;
      }
    }
    if (isDirectory) {
      // A browser's "Save page, complete" puts images and scripts in `<page>_files/`.
      const savedAssets =
        /_files$/.test(entry.name) && ['.html', '.htm'].some((e) => names.has(entry.name.slice(0, -6) + e));
      if (savedAssets) {
        result.skipped.push(`${childSource}/`);
        continue;
      }
      let real: string;
      try {
        real = await realpath(childPath);
      } catch (error) {
        result.failures.push({ source: childSource, error: toCorpusKitError(error, childSource) });
        continue;
      }
      const loopIndex = ancestors.indexOf(real);
      if (loopIndex !== -1) {
        result.failures.push({
          source: childSource,
          error: ingestError('ingest.directory-loop', `directory loop: this links back to ${real}, which contains it`, {
            subject: childSource,
          }),
        });
        continue;
      }
      await walk(childPath, childSource, childRelative, [...ancestors, real], files, result, root);
    } else if (isFile) {
      if (isSidecarLike(childPath, siblings)) {
        result.skipped.push(childSource);
        continue;
      }
      const sidecars = sidecarCandidates(childPath).filter((candidate) => sidecarNames.has(path.basename(candidate)));
      files.push({ path: childPath, source: childSource, relative: childRelative, sidecars });
    } else {
      const asSidecar = isSidecarLike(childPath, siblings);
      // Refused already when a page beside it was named on its own before the walk (`sidecarsBeside`).
      if (!asSidecar || (await firstReport(result, 'refused', childPath)))
        result.failures.push({ source: childSource, error: notAFile(kind, childSource, asSidecar) });
    }
  }
}

function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The folder as the user gave it, from a walk's source and relative path. */
function rootSource(source: string, relative: string): string {
  if (!relative) return source;
  const depth = relative.split('/').length;
  return source.split('/').slice(0, -depth).join('/') || '.';
}

function outsideMessage(real: string, folder: string): string {
  return `symbolic link to ${real}, outside ${folder}: skipped (give --follow-symlinks to follow it)`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
