import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { x } from 'tinyexec';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'apps/cli/dist/bin.js');
export const SAMPLE_PAGES = path.join(REPO, 'corpus/pages');
export const SAMPLE_EDITIONS = path.join(REPO, 'corpus/editions');

if (!existsSync(BIN)) throw new Error(`build the CLI first (pnpm build): ${BIN} is missing`);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: <T = Record<string, unknown>>() => T;
}

/** The binary's environment: no colour, no corpus from the test runner's own environment, `extra` on top. */
function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.CORPUSKIT_CORPUS;
  if (extra.CORPUSKIT_CORPUS) env.CORPUSKIT_CORPUS = extra.CORPUSKIT_CORPUS;
  delete env.FORCE_COLOR;
  return env;
}

/** Run the built corpuskit binary. Never throws on a non-zero exit: tests assert the code. */
export async function corpuskit(
  args: string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    input?: string;
    /** Kill the process (SIGKILL, which even a thread stuck in a loop cannot hold up) after this long. */
    killAfterMs?: number;
  },
): Promise<Run> {
  const proc = x(process.execPath, [BIN, ...args], {
    nodeOptions: {
      cwd: options.cwd,
      env: cliEnv(options.env),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      killSignal: 'SIGKILL',
    },
    throwOnError: false,
    ...(options.killAfterMs === undefined ? {} : { timeout: options.killAfterMs }),
  });
  if (options.input !== undefined) {
    // A CLI that refuses its input early (over --max-size) closes the pipe while this is still
    // writing: that EPIPE is the refusal the test asserts through the exit code, not a test error.
    proc.process?.stdin?.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    proc.process?.stdin?.end(options.input);
  }
  const result = await proc;
  const stdout = result.stdout;
  return {
    code: result.exitCode ?? -1,
    stdout,
    stderr: result.stderr,
    json: <T>() => JSON.parse(stdout) as T,
  };
}

export interface InterruptedRun {
  /** The exit code; null when a signal ended the process (the CLI did not handle it). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether the cue came and the signal was sent. */
  signalled: boolean;
  /** From the signal to the process's end; NaN when no signal was sent. */
  seconds: number;
}

/**
 * Run the built corpuskit binary and stop it with `signal` (Ctrl-C is SIGINT) once `cue` text has
 * appeared on its `stream` and then `afterMs` have passed; with no cue, `afterMs` after the start.
 * The cue is how a test knows the CLI is running (its signal handlers are installed) and has
 * reached the state the test is about: a fixed delay alone can come first on a busy machine.
 * `stdin`, when given, is written and the pipe left open (a writer that has not finished).
 * SIGKILL after `killAfterMs`, so a CLI that ignores the signal fails the test instead of hanging it.
 */
export async function interruptedCorpuskit(
  args: string[],
  options: {
    cwd: string;
    signal: NodeJS.Signals;
    cue?: { stream: 'stdout' | 'stderr'; text: string };
    afterMs?: number;
    stdin?: string;
    killAfterMs?: number;
  },
): Promise<InterruptedRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: cliEnv(),
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  // Any other error writing standard input fails the run (rejects), not the test worker: a throw
  // inside the event listener would be an uncaught exception.
  let stdinError: Error | undefined;
  if (options.stdin !== undefined) {
    // A CLI that refuses at once (a bad option) closes the pipe while this still writes: that EPIPE
    // is the refusal, which the test asserts through the exit code, as corpuskit() takes it.
    child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') {
        stdinError ??= error;
        child.kill('SIGKILL');
      }
    });
    child.stdin?.write(options.stdin);
  }
  const output = { stdout: '', stderr: '' };
  let cued = false;
  let signalledAt = 0;
  const send = () => {
    if (cued) return;
    cued = true;
    setTimeout(() => {
      signalledAt = Date.now();
      child.kill(options.signal);
    }, options.afterMs ?? 0);
  };
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].on('data', (chunk: Buffer) => {
      output[stream] += chunk.toString();
      if (options.cue?.stream === stream && output[stream].includes(options.cue.text)) send();
    });
  }
  if (!options.cue) send();
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  child.stdin?.destroy();
  if (stdinError) throw stdinError;
  const signalled = signalledAt > 0;
  return { code, ...output, signalled, seconds: signalled ? (Date.now() - signalledAt) / 1000 : Number.NaN };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'corpuskit-e2e-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A fresh initialised corpus in a temporary folder. */
export async function tempCorpus(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await tempDir();
  const init = await corpuskit(['init'], { cwd: temp.dir });
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  return temp;
}

const WORDS =
  'The harbour authority said the new pier would open next spring after two years of delays, rising costs and a long dispute with the contractor over the design of the breakwater';

/** A small article page with enough text to be cleaned as an article. */
export function articlePage(
  title: string,
  options: { canonical?: string; paragraphs?: number; seed?: string } = {},
): string {
  const seed = options.seed ?? title;
  const body = Array.from(
    { length: options.paragraphs ?? 6 },
    (_, i) => `<p>${seed} paragraph ${i + 1}: ${WORDS}, a spokesperson for ${seed} said on day ${i * 3 + 1}.</p>`,
  ).join('\n');
  const canonical = options.canonical ? `<link rel="canonical" href="${options.canonical}">` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${canonical}</head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
${body}
</article><footer>Example footer</footer></body></html>`;
}

/** A fresh corpus whose `in/` folder holds one good article page, `in/good.html`. */
export async function tempCorpusWithGoodPage(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await tempCorpus();
  await mkdir(path.join(temp.dir, 'in'));
  await writeFile(
    path.join(temp.dir, 'in/good.html'),
    articlePage('Harbour pier', { canonical: 'https://port.example/pier' }),
  );
  return temp;
}
