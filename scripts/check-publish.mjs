#!/usr/bin/env node
// Checks that every public package is fit to publish: the fields npm users rely on, then packs it
// as it would be published (pnpm when there is one; npm otherwise, see tarball.mjs) and checks the
// tarball: LICENSE, no test files, no source maps pointing at files it does not hold, no
// `@corpuskit/source` condition or `workspace:` range in the published manifest, then publint and
// @arethetypeswrong/cli (ESM-only profile) on that same tarball. Needs no pnpm on the PATH.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { x } from 'tinyexec';

import { findPnpm, packPackage, readTarball, tarballProblems, withoutSourceCondition } from './tarball.mjs';
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
const pnpm = findPnpm();
if (!pnpm)
  console.log('pnpm not found: packing with npm (the published manifest is checked from package.json instead)');
const scratch = mkdtempSync(join(tmpdir(), 'corpuskit-check-publish-'));
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
  if (!isDeepStrictEqual(manifest.publishConfig?.exports, withoutSourceCondition(manifest.exports)))
    fail(rel, 'publishConfig.exports should be "exports" without the "@corpuskit/source" condition');
  let packed;
  try {
    packed = packPackage(dir, scratch, pnpm);
  } catch (error) {
    fail(rel, error.message);
    continue;
  }
  const contents = await readTarball(packed.tarball);
  for (const problem of tarballProblems(contents, { published: packed.packer === 'pnpm' })) fail(rel, problem);
  const lint = await publint({ pkgDir: contents.rootDir, pack: { files: contents.files }, strict: true });
  for (const message of lint.messages) {
    if (message.type !== 'suggestion') fail(rel, `publint: ${formatMessage(message, lint.pkg) ?? message.code}`);
  }
  const attw = join(root, 'node_modules', '.bin', 'attw');
  const types = await x(attw, [packed.tarball, '--profile', 'esm-only', '--format', 'table-flipped'], {
    nodeOptions: { cwd: dir },
  });
  if (types.exitCode !== 0) fail(rel, `attw failed:\n${types.stdout}${types.stderr}`);
  if (failures === before) console.log(`✓ ${rel}`);
}

rmSync(scratch, { recursive: true, force: true });
if (failures > 0) {
  console.error(`${failures} problem(s)`);
  process.exitCode = 1;
}
