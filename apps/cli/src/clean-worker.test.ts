import { describe, expect, it } from 'vitest';

import { warmUpReply } from './clean-worker.js';

describe('the cleaning thread warm-up', () => {
  it('runs the page task a batch page runs: cleaned, raw bytes compressed, dedup signature made', async () => {
    const { ms, reply } = await warmUpReply('default');
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

  it('runs the document task of `corpuskit clean` with the engine asked for', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const { reply } = await warmUpReply(engine);
      expect(reply, engine).toMatchObject({ ok: true, document: { status: 'ok', title: 'Warm-up' } });
    }
  });
});
