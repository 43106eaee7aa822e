import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initCorpus } from '@corpuskit/store';

import { main } from '../main.js';
import { MemoryStream, runCli } from '../test-utils.js';
import { shouldOpenBrowser } from './serve.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-serve-'));
  await (await initCorpus(dir)).close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function firstLine(stream: MemoryStream): Promise<string> {
  for (let i = 0; i < 400 && !stream.text.includes('\n'); i += 1) await new Promise((r) => setTimeout(r, 25));
  return stream.text.split('\n')[0]!;
}

describe('corpuskit serve', () => {
  it('prints {url, token} under --json, serves the API with that token, and stops when interrupted', async () => {
    const controller = new AbortController();
    const stdout = new MemoryStream();
    const stderr = new MemoryStream();
    const running = main(['serve', '--json', '--port', '0', '--no-open', '--corpus', dir], {
      env: { NO_COLOR: '1' },
      stdout,
      stderr,
      signal: controller.signal,
    });
    const printed = JSON.parse(await firstLine(stdout)) as { url: string; token: string; schemaVersion: number };
    expect(printed.schemaVersion).toBe(1);
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const url = new URL(printed.url);
    expect(url.searchParams.get('token')).toBe(printed.token);

    const denied = await fetch(new URL('/api/session', url));
    expect(denied.status).toBe(401);
    const session = await fetch(new URL('/api/session', url), {
      headers: { authorization: `Bearer ${printed.token}` },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ ok: true, head: null });

    controller.abort();
    expect(await running).toBe(0);
    await expect(fetch(new URL('/api/session', url))).rejects.toThrow();
  });

  it('fails with a clear error outside a corpus and for a bad port', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'corpuskit-serve-none-'));
    try {
      const none = await runCli(['serve', '--json', '--no-open', '--corpus', outside]);
      expect(none.code).toBe(2);
      expect(JSON.parse(none.stdout).error.code).toBe('store.not-a-corpus');
      const port = await runCli(['serve', '--port', 'eighty', '--no-open', '--corpus', dir]);
      expect(port.code).toBe(2);
      expect(port.stderr).toMatch(/--port must be/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('opens a browser only when allowed and a display is there, never under CI or tests', () => {
    expect(shouldOpenBrowser(undefined, { DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(shouldOpenBrowser(false, { DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(shouldOpenBrowser(undefined, {}, 'linux')).toBe(false);
    expect(shouldOpenBrowser(undefined, { DISPLAY: ':0', CI: 'true' }, 'linux')).toBe(false);
    expect(shouldOpenBrowser(undefined, { VITEST: 'true' }, 'darwin')).toBe(false);
    expect(shouldOpenBrowser(undefined, {}, 'darwin')).toBe(true);
  });
});
