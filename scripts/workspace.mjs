// Helpers shared by the repository scripts: the workspace's public packages.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every workspace package (packages/* and apps/*) that is not private, with its dir and manifest. */
export function publicPackages() {
  const out = [];
  for (const group of ['packages', 'apps']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const file = join(base, name, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      if (!manifest.private) out.push({ dir: join(base, name), rel: `${group}/${name}`, manifest });
    }
  }
  return out;
}

/**
 * Build @corpuskit/clean (and what it depends on) through turbo, unless `--no-build` or a help flag
 * is among `args`. Returns the arguments without `--no-build`. `label` prefixes the messages.
 */
export function buildCleanUnlessSkipped(label, args) {
  const passThrough = args.filter((a) => a !== '--no-build');
  const wantsHelp = passThrough.includes('--help') || passThrough.includes('-h');
  if (args.includes('--no-build') || wantsHelp) return passThrough;
  process.stderr.write(`${label}: building @corpuskit/clean\n`);
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@corpuskit/clean', '--output-logs=errors-only'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (build.status !== 0) {
    process.stderr.write(
      `${label}: the build failed (see above); fix it, or pass --no-build to use the existing dist\n`,
    );
    process.exit(build.status ?? 1);
  }
  return passThrough;
}

/** Run a repository script with Node in the repository root; INIT_CWD keeps the caller's folder. */
export function runNodeScript(relPath, args) {
  return spawnSync(process.execPath, [join(root, relPath), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
  });
}
