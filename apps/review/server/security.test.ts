import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initCorpus } from '@corpuskit/store';

import { startReviewServer } from './start.js';
import type { ReviewServer } from './start.js';

let dir: string;
let server: ReviewServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'corpuskit-review-'));
  await (await initCorpus(dir)).close();
  const client = join(dir, 'client');
  mkdirSync(join(client, 'assets'), { recursive: true });
  writeFileSync(
    join(client, 'index.html'),
    '<!doctype html><title>app</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(client, 'assets', 'app.js'), 'console.log(1)');
  server = await startReviewServer({ corpusDir: dir, clientDir: client });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}

describe('review server security', () => {
  it('binds 127.0.0.1 on a free port and prints a URL carrying a random token', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`${base}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startReviewServer({ corpusDir: dir, clientDir: join(dir, 'client') });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.close();
    }
  });

  it('answers 401 to every /api/ request without the token, and to a wrong one', async () => {
    for (const path of ['/api/session', '/api/queue', '/api/nothing', '/api']) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'review.unauthorized' } });
    }
    const wrong = await fetch(`${base}/api/session`, { headers: { cookie: `corpuskit_review_${server.port}=nope` } });
    expect(wrong.status).toBe(401);
    const wrongBearer = await fetch(`${base}/api/session`, { headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(wrongBearer.status).toBe(401);
    const tokenInQuery = await fetch(`${base}/api/session?token=${server.token}`);
    expect(tokenInQuery.status).toBe(401);
  });

  it('refuses the page without a token, and turns the URL token into an HttpOnly SameSite=Strict cookie', async () => {
    const bare = await fetch(`${base}/`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).not.toContain('/assets/app.js');

    const wrong = await fetch(`${base}/?token=guess`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const first = await fetch(server.url);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('/assets/app.js');
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toContain(`corpuskit_review_${server.port}=${server.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);

    const api = await fetch(`${base}/api/session`, { headers: { cookie: cookieOf(first) } });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ ok: true, head: null });
    const page = await fetch(`${base}/`, { headers: { cookie: cookieOf(first) } });
    expect(page.status).toBe(200);
  });

  it('sends a strict Content-Security-Policy and the other security headers on every response', async () => {
    for (const response of [
      await fetch(`${base}/`),
      await fetch(server.url),
      await fetch(`${base}/api/session`),
      await fetch(`${base}/assets/app.js`),
      await fetch(`${base}/missing`),
    ]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves only files of the build, never a path outside it', async () => {
    const asset = await fetch(`${base}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of [
      '/../client/index.html',
      '/assets/../../client/index.html',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/etc/passwd',
    ]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(404);
    }
  });

  it('refuses writes from another origin (403) and accepts them from its own', async () => {
    const page = await fetch(server.url);
    const cookie = cookieOf(page);
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ origin: base, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // From the app itself the request passes the guard and reaches routing (no POST /session route: 404).
    expect((await post({ origin: base })).status).toBe(404);
    const textBody = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(textBody.status).toBe(415);
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/session',
          headers: { host: `evil.example:${server.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses a token that is too short and a bad port', async () => {
    await expect(
      startReviewServer({ corpusDir: dir, clientDir: join(dir, 'client'), token: 'short' }),
    ).rejects.toMatchObject({
      code: 'review.weak-token',
    });
    await expect(
      startReviewServer({ corpusDir: dir, clientDir: join(dir, 'client'), port: 70000 }),
    ).rejects.toMatchObject({
      code: 'review.bad-port',
    });
  });
});
