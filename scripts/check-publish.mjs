#!/usr/bin/env node
// Checks that every public package is fit to publish: the fields npm users rely on, then
// publint and @arethetypeswrong/cli (ESM-only profile) on the built package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { x } from 'tinyexec';

import { publicPackages, root } from './workspace.mjs';

const REQUIRED = [
  'name',
  'version',
  'description',
  'license',
  'repository',
  'exports',
  'files',
  'engines',
  'publishConfig',
];
const ENGINES = '^20.19.0 || >=22.12.0';
let failures = 0;
const fail = (rel, message) => {
  failures += 1;
  console.error(`✗ ${rel}: ${message}`);
};

for (const { dir, rel, manifest } of publicPackages()) {
  const before = failures;
  for (const field of REQUIRED) if (manifest[field] === undefined) fail(rel, `package.json has no "${field}"`);
  if (manifest.repository?.directory !== rel) fail(rel, `repository.directory should be "${rel}"`);
  if (manifest.engines?.node !== ENGINES) fail(rel, `engines.node should be "${ENGINES}"`);
  if (manifest.publishConfig?.access !== 'public') fail(rel, 'publishConfig.access should be "public"');
  if (manifest.type !== 'module') fail(rel, 'type should be "module"');
  const dot = manifest.exports?.['.'];
  if (!dot?.types || !dot?.default) fail(rel, 'exports["."] needs "types" and "default"');
  if (!existsSync(join(dir, 'README.md'))) fail(rel, 'no README.md');
  if (!existsSync(join(dir, 'LICENSE'))) fail(rel, 'no LICENSE (npm ships it in the tarball)');
  if (!existsSync(join(dir, 'dist'))) {
    fail(rel, 'not built (run pnpm build first)');
    continue;
  }
  for (const [command, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    const result = await x(join(root, 'node_modules', '.bin', command), args, { nodeOptions: { cwd: dir } });
    if (result.exitCode !== 0) fail(rel, `${command} failed:\n${result.stdout}${result.stderr}`);
  }
  if (failures === before) console.log(`✓ ${rel}`);
}

if (failures > 0) {
  console.error(`${failures} problem(s)`);
  process.exitCode = 1;
}
