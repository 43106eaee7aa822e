#!/usr/bin/env node
// `pnpm bench [args]`: build everything, then run the `bench` script of every workspace package
// that has one (packages/* then apps/*), one after another so they do not disturb each other's
// timings, passing the arguments through. Exits non-zero when a build or any benchmark fails.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

const build = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.stderr.write('bench: pnpm build failed; not running benchmarks\n');
  process.exit(build.status ?? 1);
}

const packages = [];
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const pkgFile = join(dir, name, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (pkg.scripts?.bench) packages.push({ dir: join(dir, name), name: pkg.name ?? name, script: pkg.scripts.bench });
  }
}
if (packages.length === 0) {
  process.stdout.write('bench: no package has a bench script\n');
  process.exit(0);
}

const failed = [];
for (const { dir, name, script } of packages) {
  process.stdout.write(`\n### ${name}: ${script}${args.length ? ` ${args.join(' ')}` : ''}\n`);
  const bin = [join(dir, 'node_modules/.bin'), join(root, 'node_modules/.bin')].join(delimiter);
  const run = spawnSync('sh', ['-c', `${script} ${args.map(shellQuote).join(' ')}`], {
    cwd: dir,
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
      INIT_CWD: process.env.INIT_CWD ?? root,
    },
  });
  if (run.status !== 0) failed.push(name);
}
if (failed.length) {
  process.stderr.write(`bench: failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
