#!/usr/bin/env node
// A dry run of a release: pack every public package as npm would publish it (pnpm pack turns
// `workspace:^` into real version ranges), install all the tarballs together into a scratch
// project, and prove that each package imports under plain Node ESM and the CLI runs.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { x } from 'tinyexec';

import { publicPackages } from './workspace.mjs';

const keep = process.argv.includes('--keep');
const scratch = mkdtempSync(join(tmpdir(), 'corpuskit-release-'));
const tarballs = join(scratch, 'tarballs');
const project = join(scratch, 'project');

async function run(command, args, cwd) {
  const result = await x(command, args, { nodeOptions: { cwd }, throwOnError: false });
  if (result.exitCode !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

try {
  const packages = publicPackages();
  for (const { dir } of packages) await run('pnpm', ['pack', '--pack-destination', tarballs], dir);
  const files = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'));
  console.log(`packed ${files.length} tarballs:`);
  for (const file of files) console.log(`  ${file}`);

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files.map((file) => join(tarballs, file))],
    project,
  );
  console.log('installed every tarball into a scratch project');

  for (const { manifest } of packages) {
    const script = `const m = await import(${JSON.stringify(manifest.name)}); if (Object.keys(m).length === 0) throw new Error('no exports'); console.log('  import ${manifest.name}: ' + Object.keys(m).length + ' exports');`;
    process.stdout.write(await run('node', ['--input-type=module', '-e', script], project));
  }
  const version = await run(join(project, 'node_modules', '.bin', 'corpuskit'), ['--version'], project);
  console.log(`  corpuskit --version: ${version.trim()}`);
  console.log('release dry run: ok');
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
