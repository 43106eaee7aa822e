import { MessageChannel } from 'node:worker_threads';

import { warmUpTask } from '@corpuskit/ingest/worker';
import { describe, expect, it } from 'vitest';

import run, { warmUpReply } from './clean-worker.js';
import type { StartedMessage } from './clean-worker.js';

/** Run `task` as the pool does, asking for a warm-up: the warm-up's milliseconds, or null when there was none. */
async function warmUpMsOf(task: object): Promise<number | null> {
  const { port1, port2 } = new MessageChannel();
  const heard = new Promise<StartedMessage>((resolve) => port1.once('message', resolve));
  const { reply } = await run({ ...task, started: port2, warm: true } as Parameters<typeof run>[0]);
  expect(reply).toMatchObject({ ok: true });
  const { warmUpMs } = await heard;
  port1.close();
  return warmUpMs;
}

describe('the cleaning thread warm-up', () => {
  it('runs the page task a batch page runs: cleaned, raw bytes compressed, dedup signature made', async () => {
    const { ms, reply } = await warmUpReply('page');
    expect(ms).toBeGreaterThan(0);
    // Before, it called clean() by itself: neither the compression nor the dedup signature of a
    // real page was part of it, and its options could drift from the page task's.
    expect(reply).toMatchObject({
      ok: true,
      page: { document: { status: 'ok', title: 'Warm-up' }, contentHash: expect.any(String) },
    });
    const page = (reply as { page: { rawDeflated?: Uint8Array; dedup?: object } }).page;
    expect(page.rawDeflated?.length).toBeGreaterThan(0);
    expect(page.dedup).toBeDefined();
  });

  it('runs the document task of `corpuskit clean` with the engine asked for, or none (the default)', async () => {
    for (const engine of ['linkedom', 'jsdom', 'default'] as const) {
      const { reply } = await warmUpReply(`document:${engine}`);
      expect(reply, engine).toMatchObject({ ok: true, document: { status: 'ok', title: 'Warm-up' } });
    }
  });

  it('warms a thread up through the task its page takes: `clean` without --engine is not a batch page', async () => {
    const page = warmUpTask();
    // `corpuskit clean` with no --engine: a document task with no engine, warmed up as one.
    const document = { document: true, file: '-', stdin: page.bytes, cwd: process.cwd(), options: {} };
    expect(await warmUpMsOf(document)).toEqual(expect.any(Number));
    expect(await warmUpMsOf(document)).toBeNull();
    // A batch page on the same thread still warms up through its own task. Before, both were
    // 'default': the document task had warmed up with the page task, and this one found it done.
    expect(await warmUpMsOf(page)).toEqual(expect.any(Number));
    expect(await warmUpMsOf(page)).toBeNull();
  });
});
