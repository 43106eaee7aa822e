import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sha256 } from '@corpuskit/document';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// @ts-expect-error -- plain .mjs test support module, shared with the child process
import { crashOps, fingerprint } from '../test/crash-ops.mjs';
import { initCorpus, openCorpus, type Store } from './index.js';
import { makeRecord, tempDir } from '@corpuskit/testkit';

type Op = (store: Store) => Promise<unknown>;
const ops = (crashOps as (m: typeof makeRecord, h: typeof sha256) => Op[])(makeRecord, sha256);
const fingerprintOf = fingerprint as (store: Store) => Promise<string>;

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.CORPUSKIT_CRASH_RUNS ?? 12);

let work: { dir: string; cleanup: () => void };
let modules: string;
/** fingerprints[k] = the state after the first k ops. */
const fingerprints: string[] = [];
let fullRunMs = 0;

/** The child runs plain node on JavaScript: transpile this package's, document's and testkit's sources (no build needed). */
function transpile(from: string, to: string, rewrite: (code: string) => string): void {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const out = ts.transpileModule(readFileSync(join(from, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    });
    writeFileSync(join(to, file.replace(/\.ts$/, '.js')), rewrite(out.outputText));
  }
}

/**
 * Run the ops in a child process. With `kill`, the child is killed `kill.extraMs` after it has
 * reported `kill.afterOps` ops done (0: after it has loaded): the kill lands among the ops by the
 * child's own progress, not by a clock measured in another run, so a loaded machine cannot push
 * every kill past the last op.
 */
function runChild(
  dir: string,
  kill: { afterOps: number; extraMs: number } | null,
): Promise<{ done: number; killed: boolean; stderr: string; opsMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(here, '../test/crash-child.mjs'), dir, modules, join(here, '../test/crash-ops.mjs')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let ready = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (ready === 0 && stdout.includes('ready')) ready = Date.now();
      if (kill !== null && timer === null && stdout.includes('ready')) {
        const done = stdout.split('\n').filter((line) => line.startsWith('done ')).length;
        if (done >= kill.afterOps) timer = setTimeout(() => child.kill('SIGKILL'), kill.extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      const done = stdout.split('\n').filter((line) => line.startsWith('done ')).length;
      resolve({ done, killed: signal === 'SIGKILL', stderr, opsMs: Date.now() - ready });
    });
  });
}

beforeAll(async () => {
  work = tempDir();
  modules = join(work.dir, 'modules');
  writeFileSync(join(work.dir, 'package.json'), '{"type":"module"}');
  transpile(join(here, '../../document/src'), join(modules, 'document'), (code) => code);
  transpile(here, join(modules, 'store'), (code) => code.replaceAll("'@corpuskit/document'", "'../document/index.js'"));
  transpile(join(here, '../../testkit/src'), join(modules, 'testkit'), (code) =>
    code.replaceAll("'@corpuskit/document'", "'../document/index.js'"),
  );

  const { dir, cleanup } = tempDir();
  const store = await initCorpus(dir);
  fingerprints.push(await fingerprintOf(store));
  for (const op of ops) {
    await op(store);
    fingerprints.push(await fingerprintOf(store));
  }
  await store.close();
  cleanup();

  const { dir: full, cleanup: done } = tempDir();
  await (await initCorpus(full)).close();
  const run = await runChild(full, null);
  fullRunMs = run.opsMs;
  expect(run.stderr).toBe('');
  expect(run.done).toBe(ops.length);
  const check = await openCorpus(full);
  expect(await fingerprintOf(check)).toBe(fingerprints[ops.length]);
  await check.close();
  done();
}, 60_000);

afterAll(() => work?.cleanup());

describe('a writer killed with SIGKILL', () => {
  it(
    'leaves a store that passes fsck and holds the state before or after the op it was in',
    async () => {
      let landed = 0;
      for (let run = 0; run < RUNS; run++) {
        const { dir, cleanup } = tempDir();
        await (await initCorpus(dir)).close();
        // Spread the kills over the whole sequence of ops: after op k of the child, somewhere in
        // the time an op takes on average.
        const afterOps = Math.floor((run / RUNS) * ops.length);
        const extraMs = Math.floor(Math.random() * (fullRunMs / ops.length));
        const delay = `${afterOps} ops + ${extraMs} ms`;
        const result = await runChild(dir, { afterOps, extraMs });
        const store = await openCorpus(dir, { command: 'crash-check' });
        const fsck = await store.fsck();
        expect(fsck.problems, `run ${run}, killed after ${delay}`).toEqual([]);
        const fp = await fingerprintOf(store);
        const before = fingerprints[result.done];
        const after = fingerprints[result.done + 1];
        expect([before, after], `run ${run}: state after ${result.done} ops`).toContain(fp);
        if (result.killed && result.done < ops.length) landed++;
        // The dead writer's lock is stale: the rest of the ops run, and end where the reference ended.
        for (let k = fp === before ? result.done : result.done + 1; k < ops.length; k++) await ops[k]!(store);
        expect(await fingerprintOf(store)).toBe(fingerprints[ops.length]);
        expect((await store.fsck()).ok).toBe(true);
        await store.close();
        cleanup();
      }
      expect(landed).toBeGreaterThan(RUNS / 2);
    },
    60_000 + RUNS * 10_000,
  );
});
