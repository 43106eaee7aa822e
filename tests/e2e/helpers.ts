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
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.CORPUSKIT_CORPUS;
  if (options.env?.CORPUSKIT_CORPUS) env.CORPUSKIT_CORPUS = options.env.CORPUSKIT_CORPUS;
  delete env.FORCE_COLOR;
  const proc = x(process.execPath, [BIN, ...args], {
    nodeOptions: {
      cwd: options.cwd,
      env,
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
