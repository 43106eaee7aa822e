// Ingest through a real BullMQ queue on a real redis-server (started here on a free port, in
// its own temporary folder) and real `corpuskit worker` processes: the same records as a local
// ingest, whatever happens to the workers or the coordinator.
import { execFile, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BIN, articlePage, corpuskit, tempCorpus, tempDir } from './helpers.js';

const execFileAsync = promisify(execFile);

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Wait until `child`'s stream has printed a line matching `pattern`. */
function waitFor(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got: ${seen}`)), ms);
    child[stream]!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before ${pattern}; got: ${seen}`)));
  });
}

async function startRedis(): Promise<string> {
  const { dir, cleanup } = await tempDir('corpuskit-redis-');
  const port = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  redis.once('error', (error) => {
    throw new Error(`could not start redis-server (install Debian's redis-server): ${error.message}`);
  });
  await waitFor(redis, 'stdout', /Ready to accept connections/);
  cleanups.push(async () => {
    redis.kill('SIGKILL');
    await cleanup();
  });
  return `redis://127.0.0.1:${port}`;
}

interface Worker {
  child: ChildProcess;
  /** Pages this worker has reported cleaned so far (it runs with --verbose: one line a page). */
  cleaned: () => number;
  /** Resolves once the worker has reported `count` pages cleaned. */
  hasCleaned: (count: number) => Promise<void>;
  /** Resolves with the worker's JSON summary once it exits. */
  exited: Promise<{ code: number | null; summary: { cleaned: number; failed: number } | null }>;
}

/** A `corpuskit worker` process; `lock` is how long its claim on a page outlives it (short: a killed worker's page is retried soon). */
async function startWorker(
  redis: string,
  { concurrency, lock = 2 }: { concurrency: number; lock?: number },
): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'worker',
      '--redis',
      redis,
      '--json',
      '--verbose',
      '--concurrency',
      String(concurrency),
      '--lock',
      String(lock),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let stdout = '';
  let stderr = '';
  const cleaned = () => stderr.match(/^cleaned /gm)?.length ?? 0;
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of waiting.filter((w) => cleaned() >= w.count)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  });
  const exited = new Promise<{ code: number | null; summary: { cleaned: number; failed: number } | null }>((resolve) =>
    // 'close', not 'exit': every line the worker printed has been read by then.
    child.once('close', (code) => {
      const parse = (): { cleaned: number; failed: number } | null => {
        try {
          return JSON.parse(stdout) as { cleaned: number; failed: number };
        } catch {
          return null;
        }
      };
      resolve({ code, summary: parse() });
    }),
  );
  await waitFor(child, 'stderr', /worker ready/);
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const hasCleaned = (count: number) =>
    new Promise<void>((resolve, reject) => {
      if (cleaned() >= count) return resolve();
      waiting.push({ count, resolve });
      void exited.then(() =>
        reject(new Error(`the worker exited after ${cleaned()} pages, before ${count}: ${stderr}`)),
      );
    });
  return { child, cleaned, hasCleaned, exited };
}

async function stop(worker: Worker): Promise<{ cleaned: number; failed: number }> {
  worker.child.kill('SIGTERM');
  const { code, summary } = await worker.exited;
  expect(code).toBe(0);
  return summary!;
}

/** `count` article pages, one in twenty a copy of another (so dedup findings depend on staging order). */
async function writePages(dir: string, count: number): Promise<string> {
  const pages = path.join(dir, 'pages');
  await mkdir(pages, { recursive: true });
  for (let i = 0; i < count; i += 1) {
    const topic = i % 20 === 19 ? i - 1 : i;
    await writeFile(
      path.join(pages, `page-${String(i).padStart(3, '0')}.html`),
      articlePage(`Harbour story ${topic}`, {
        canonical: `https://news.example/harbour/${i}`,
        paragraphs: 3 + (i % 5),
        seed: `story ${topic}`,
      }),
    );
  }
  return pages;
}

/** What the corpus staged: ids, record hashes, content hashes, raw hashes, findings. */
async function staged(dir: string): Promise<unknown[]> {
  const status = await corpuskit(['status', '--json'], { cwd: dir });
  expect(status.code).toBe(0);
  const items = status.json<{ items: Array<Record<string, unknown>> }>().items;
  return items.map((item) => [item.id, item.record, item.contentHash, item.raw, item.findings]);
}

async function localIngest(pages: string): Promise<unknown[]> {
  const corpus = await tempCorpus();
  cleanups.push(corpus.cleanup);
  const run = await corpuskit(['ingest', pages, '--json', '--quiet'], { cwd: corpus.dir });
  expect(run.code).toBe(0);
  return staged(corpus.dir);
}

// A machine with only Node and npm has no redis-server: these tests then say so and are skipped,
// so the README's test command still passes there. CI installs Debian's redis-server and sets
// CORPUSKIT_REQUIRE_REDIS=1, which turns a missing server into a failure instead.
const haveRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
if (!haveRedis) {
  if (process.env.CORPUSKIT_REQUIRE_REDIS === '1') {
    throw new Error('CORPUSKIT_REQUIRE_REDIS=1 but no redis-server on the PATH');
  }
  console.warn('queue tests skipped: no redis-server on the PATH (Debian: apt-get install redis-server)');
}

describe.skipIf(!haveRedis)('ingest --redis with corpuskit worker processes', () => {
  let redis: string;
  let pages: string;
  let local: unknown[];

  beforeAll(async () => {
    redis = await startRedis();
    const temp = await tempDir();
    cleanups.push(temp.cleanup);
    pages = await writePages(temp.dir, 200);
    local = await localIngest(pages);
    expect(local.length).toBe(200);
  });

  it('two workers give the same records as a local ingest; one killed with -9 mid-batch loses nothing', async () => {
    const first = await startWorker(redis, { concurrency: 1 });
    const second = await startWorker(redis, { concurrency: 1 });
    const corpus = await tempCorpus();
    cleanups.push(corpus.cleanup);
    const ingest = corpuskit(['ingest', pages, '--redis', redis, '--json', '--quiet'], { cwd: corpus.dir });
    // Both at work, then one killed in the middle of the batch (and, most likely, of a page:
    // its claim on that page runs out after --lock 2 s and the other worker cleans it).
    await Promise.all([first.hasCleaned(10), second.hasCleaned(10)]);
    first.child.kill('SIGKILL');
    const run = await ingest;
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ new: 200, failedCount: 0 });
    expect(await staged(corpus.dir)).toEqual(local);
    const summary = await stop(second);
    expect(summary.cleaned).toBeGreaterThan(0);
    const fsck = await corpuskit(['fsck', '--json'], { cwd: corpus.dir });
    expect(fsck.json()).toMatchObject({ ok: true });
  });

  it('a coordinator killed with -9 is picked up by a re-run without cleaning done pages again', async () => {
    // A long claim: nobody dies here, so a worker slowed down by a busy machine keeps its pages.
    const worker = await startWorker(redis, { concurrency: 2, lock: 60 });
    const corpus = await tempCorpus();
    cleanups.push(corpus.cleanup);
    const coordinator = spawn(process.execPath, [BIN, 'ingest', pages, '--redis', redis, '--json', '--quiet'], {
      cwd: corpus.dir,
      stdio: 'ignore',
    });
    await worker.hasCleaned(30);
    coordinator.kill('SIGKILL');
    await new Promise((resolve) => coordinator.once('exit', resolve));
    const doneBefore = worker.cleaned();
    const rerun = await corpuskit(['ingest', pages, '--redis', redis, '--json', '--quiet'], { cwd: corpus.dir });
    expect(rerun.code).toBe(0);
    const result = rerun.json<{ new: number; queue: { reused: number } }>();
    expect(result.new).toBe(200);
    // The pages cleaned before the kill (less the one or two whose result was still being saved).
    expect(result.queue.reused).toBeGreaterThanOrEqual(doneBefore - 2);
    expect(await staged(corpus.dir)).toEqual(local);
    // Every page was cleaned exactly once, across both runs of the coordinator.
    const summary = await stop(worker);
    expect(summary.cleaned).toBe(200);
  });

  it('a worker stopped with SIGTERM finishes the page in hand and exits; nothing is cleaned twice', async () => {
    // The claim outlives the test: a page the stopped worker dropped would stay claimed, and
    // be cleaned again by the next worker only after 60 s.
    const first = await startWorker(redis, { concurrency: 2, lock: 60 });
    const corpus = await tempCorpus();
    cleanups.push(corpus.cleanup);
    const ingest = corpuskit(['ingest', pages, '--redis', redis, '--json', '--quiet'], { cwd: corpus.dir });
    await first.hasCleaned(20);
    const firstSummary = await stop(first);
    // It reports what it cleaned, the pages in hand when SIGTERM came included, and no more.
    expect(firstSummary.cleaned).toBe(first.cleaned());
    expect(firstSummary.cleaned).toBeLessThan(200);
    const second = await startWorker(redis, { concurrency: 2, lock: 60 });
    const run = await ingest;
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ new: 200, failedCount: 0 });
    expect(await staged(corpus.dir)).toEqual(local);
    const secondSummary = await stop(second);
    expect(firstSummary.cleaned + secondSummary.cleaned).toBe(200);
  });

  it('a Redis that lost its jobs mid-batch (restarted without persistence) gets them again from the coordinator', async () => {
    const corpus = await tempCorpus();
    cleanups.push(corpus.cleanup);
    const port = new URL(redis).port;
    const cli = async (...args: string[]) => (await execFileAsync('redis-cli', ['-p', port, ...args])).stdout.trim();
    // No worker yet: the coordinator enqueues the batch and waits.
    const ingest = corpuskit(['ingest', pages, '--redis', redis, '--json', '--quiet'], { cwd: corpus.dir });
    while (Number(await cli('LLEN', 'bull:corpuskit-clean:wait')) < 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await cli('FLUSHALL')).toBe('OK');
    // The jobs and their events are gone; no completion will ever be announced for them.
    const worker = await startWorker(redis, { concurrency: 2, lock: 60 });
    const run = await ingest;
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ new: 200, failedCount: 0 });
    expect(await staged(corpus.dir)).toEqual(local);
    expect((await stop(worker)).cleaned).toBe(200);
    // It said why nothing moved at first.
    expect(run.stderr).toMatch(/no worker is connected to redis:\/\/127\.0\.0\.1:\d+\/? yet/);
  });

  it('a coordinator that missed the completion events (stopped while they were trimmed away) still finishes', async () => {
    const corpus = await tempCorpus();
    cleanups.push(corpus.cleanup);
    const port = new URL(redis).port;
    const cli = async (...args: string[]) => (await execFileAsync('redis-cli', ['-p', port, ...args])).stdout.trim();
    const coordinator = spawn(process.execPath, [BIN, 'ingest', pages, '--redis', redis, '--json', '--quiet'], {
      cwd: corpus.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    coordinator.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => coordinator.once('close', resolve));
    cleanups.push(() => {
      if (coordinator.exitCode === null && coordinator.signalCode === null) coordinator.kill('SIGKILL');
    });
    while (Number(await cli('LLEN', 'bull:corpuskit-clean:wait')) < 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The coordinator stops reading while every page is cleaned, and the event stream that
    // announced the results is gone when it reads again.
    coordinator.kill('SIGSTOP');
    const worker = await startWorker(redis, { concurrency: 2, lock: 60 });
    await worker.hasCleaned(200);
    while (Number(await cli('ZCARD', 'bull:corpuskit-clean:completed')) < 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await cli('DEL', 'bull:corpuskit-clean:events');
    coordinator.kill('SIGCONT');
    expect(await exited).toBe(0);
    const result = JSON.parse(stdout) as { new: number; failedCount: number; queue: { swept: number } };
    expect(result).toMatchObject({ new: 200, failedCount: 0 });
    expect(result.queue.swept).toBeGreaterThan(0);
    expect(await staged(corpus.dir)).toEqual(local);
    expect((await stop(worker)).cleaned).toBe(200);
  });

  it('a page over the payload cap fails alone, with an error naming it', async () => {
    const worker = await startWorker(redis, { concurrency: 1 });
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    const few = path.join(dir, 'few');
    await mkdir(few);
    await writeFile(
      path.join(few, 'small.html'),
      articlePage('Small story', { canonical: 'https://news.example/small' }),
    );
    // Random bytes do not compress: about 200 KiB in the job, over a 0.1 MiB cap.
    const noise = randomBytes(150 * 1024).toString('base64');
    await writeFile(
      path.join(few, 'huge.html'),
      articlePage('Huge story', { canonical: 'https://news.example/huge' }).replace(
        '</body>',
        `<!-- ${noise} --></body>`,
      ),
    );
    const corpus = await tempCorpus();
    cleanups.push(corpus.cleanup);
    const run = await corpuskit(['ingest', few, '--redis', redis, '--max-payload', '0.1', '--json', '--quiet'], {
      cwd: corpus.dir,
    });
    expect(run.code).toBe(1);
    const result = run.json<{ new: number; failed: Array<{ source: string; code: string; error: string }> }>();
    expect(result.new).toBe(1);
    expect(result.failed).toEqual([
      {
        source: path.join(few, 'huge.html'),
        code: 'ingest.payload-too-large',
        error: expect.stringMatching(/compressed, over the queue's 0\.100 MiB limit per page/),
      },
    ]);
    await stop(worker);
  });
});
