// Packing a workspace package as it would be published, and checking what the tarball holds.
// Shared by check-publish.mjs and release-dry.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { basename, delimiter, join, posix } from 'node:path';
import { unpack } from '@publint/pack';

/** The export condition that points at `src/` inside the repository; never published. */
export const SOURCE_CONDITION = '@corpuskit/source';

/**
 * How to run pnpm: the pnpm running this script (`npm_execpath`), else `pnpm` on the PATH, else null.
 * Packing needs pnpm, as publishing does: it turns `workspace:^` into version ranges and applies
 * `publishConfig.exports`; npm does neither.
 */
export function findPnpm() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(basename(execPath)) && existsSync(execPath)) {
    return /\.c?js$/.test(execPath)
      ? { command: process.execPath, prefix: [execPath] }
      : { command: execPath, prefix: [] };
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm');
    if (dir && existsSync(candidate)) return { command: candidate, prefix: [] };
  }
  return null;
}

/**
 * Pack the package in `dir` into a new folder under `into` as it would be published: with pnpm when there is
 * one (see `findPnpm`), else with npm (same files, but the manifest is not the published one).
 * Returns the tarball's path and which tool packed it.
 */
export function packPackage(dir, into, pnpm = findPnpm()) {
  mkdirSync(into, { recursive: true });
  const destination = mkdtempSync(join(into, 'pack-'));
  const [command, args, packer] = pnpm
    ? [pnpm.command, [...pnpm.prefix, 'pack', '--pack-destination', destination], 'pnpm']
    : ['npm', ['pack', '--pack-destination', destination, '--loglevel=error'], 'npm'];
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run ${packer} pack in ${dir}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${packer} pack in ${dir} failed:\n${result.stdout}${result.stderr}`);
  const made = readdirSync(destination).filter((file) => file.endsWith('.tgz'));
  if (made.length !== 1) throw new Error(`${packer} pack in ${dir} made ${made.length} tarballs`);
  return { tarball: join(destination, made[0]), packer };
}

/**
 * The files of a tarball (paths relative to the package root, sorted, with sizes) and its
 * package.json as published.
 */
export async function readTarball(file) {
  const { files, rootDir } = await unpack(readFileSync(file));
  const entries = files
    .map(({ name, data }) => ({ path: posix.relative(rootDir, name), data }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifestEntry = entries.find((entry) => entry.path === 'package.json');
  if (!manifestEntry) throw new Error(`${file} has no package.json`);
  const manifest = JSON.parse(new TextDecoder().decode(manifestEntry.data));
  return { entries, manifest, files, rootDir };
}

/**
 * Problems with a packed tarball: what a user installing it would trip over. `published` says the
 * manifest is the one pnpm publishes (an npm-packed one keeps workspace ranges and `exports`).
 */
export function tarballProblems({ entries, manifest }, { published = true } = {}) {
  const problems = [];
  const paths = new Set(entries.map((entry) => entry.path));
  if (!paths.has('LICENSE')) problems.push('no LICENSE in the tarball');
  if (published && JSON.stringify(manifest).includes(SOURCE_CONDITION))
    problems.push(`the published package.json keeps the "${SOURCE_CONDITION}" condition`);
  for (const field of published ? ['dependencies', 'peerDependencies', 'optionalDependencies'] : []) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}.${name} is still "${range}"`);
    }
  }
  for (const { path, data } of entries) {
    if (/\.test\.[cm]?[jt]sx?$|(^|\/)test-utils\./.test(path)) problems.push(`ships a test file: ${path}`);
    if (path.endsWith('.map')) {
      const map = JSON.parse(new TextDecoder().decode(data));
      for (const source of map.sources ?? []) {
        const target = posix.normalize(posix.join(posix.dirname(path), map.sourceRoot ?? '', source));
        if (!paths.has(target)) problems.push(`${path} points at ${target}, which is not in the tarball`);
      }
    } else if (/\.(?:[cm]?js|d\.[cm]?ts)$/.test(path)) {
      const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(new TextDecoder().decode(data));
      if (match && !match[1].startsWith('data:')) {
        const target = posix.normalize(posix.join(posix.dirname(path), match[1]));
        if (!paths.has(target)) problems.push(`${path} names the map ${target}, which is not in the tarball`);
      }
    }
  }
  return problems;
}

/** `exports` without the source condition: what `publishConfig.exports` must hold. */
export function withoutSourceCondition(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}

/** A tarball's file list, one indented line per file with its size. */
export function fileList(entries, indent = '    ') {
  return entries.map(({ path, data }) => `${indent}${String(data.byteLength).padStart(9)}  ${path}`).join('\n');
}
