#!/usr/bin/env node
// A dry run of a release: pack every public package as it would be published (pnpm pack turns
// `workspace:^` into real version ranges and applies publishConfig.exports), print each tarball's
// file list and check it (LICENSE, no test files, no maps pointing nowhere, no source condition),
// install all the tarballs together into a scratch project, and prove that each package imports
// under plain Node ESM and the CLI runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { x } from 'tinyexec';

import { fileList, findPnpm, packPackage, readTarball, tarballProblems } from './tarball.mjs';
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
  const pnpm = findPnpm();
  if (!pnpm) throw new Error('release:dry packs with pnpm, as a release publishes with it; pnpm was not found');
  const packages = publicPackages();
  const files = [];
  const problems = [];
  for (const { dir, rel } of packages) {
    const { tarball } = packPackage(dir, tarballs, pnpm);
    const contents = await readTarball(tarball);
    files.push(tarball);
    console.log(`${contents.manifest.name}@${contents.manifest.version} (${rel}), ${contents.entries.length} files:`);
    console.log(fileList(contents.entries));
    for (const problem of tarballProblems(contents)) problems.push(`${rel}: ${problem}`);
  }
  if (problems.length > 0) throw new Error(`the tarballs are not fit to publish:\n  ${problems.join('\n  ')}`);
  console.log(
    `packed ${files.length} tarballs: each has a LICENSE, no test files, no map pointing at a missing file, no source condition`,
  );

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], project);
  console.log('installed every tarball into a scratch project');

  for (const { manifest } of packages) {
    const script = `const m = await import(${JSON.stringify(manifest.name)}); if (Object.keys(m).length === 0) throw new Error('no exports'); console.log('  import ${manifest.name}: ' + Object.keys(m).length + ' exports');`;
    process.stdout.write(await run('node', ['--input-type=module', '-e', script], project));
  }
  const version = await run(join(project, 'node_modules', '.bin', 'corpuskit'), ['--version'], project);
  console.log(`  corpuskit --version: ${version.trim()}`);

  // The published CLI must work end to end from its tarball: clean (in process) and ingest
  // (through its worker pool) a small page into a new corpus.
  const bin = join(project, 'node_modules', '.bin', 'corpuskit');
  const pages = join(scratch, 'pages');
  mkdirSync(pages);
  const paragraph = 'The harbour council met on Tuesday to weigh three plans for the old ferry terminal. ';
  writeFileSync(
    join(pages, 'story.html'),
    `<!doctype html><html lang="en"><head><title>Ferry terminal</title><link rel="canonical" href="https://harbour.example/news/ferry"></head><body><article><h1>Ferry terminal</h1><p>${paragraph.repeat(4)}</p><p>${paragraph.repeat(3)}</p></article></body></html>`,
  );
  const cleaned = JSON.parse(await run(bin, ['clean', join(pages, 'story.html'), '--format', 'json'], project));
  if (!cleaned.text?.includes('ferry terminal'))
    throw new Error('corpuskit clean from the tarball gave no article text');
  console.log(`  corpuskit clean: status ${cleaned.status}, ${cleaned.text.length} chars`);
  const corpus = join(scratch, 'corpus');
  await run(bin, ['init', corpus], project);
  const ingested = JSON.parse(await run(bin, ['ingest', pages, '--corpus', corpus, '--json', '--jobs', '2'], project));
  if (ingested.new !== 1)
    throw new Error(`corpuskit ingest from the tarball staged ${ingested.new} new documents, not 1`);
  console.log(`  corpuskit ingest: ${ingested.new} new document staged through the worker pool`);
  console.log('release dry run: ok');
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exitCode = 1;
} finally {
  if (keep) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
