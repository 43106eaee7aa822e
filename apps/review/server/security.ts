import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { Context, MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every response. The app is one prebuilt bundle from this
 * origin: no inline script, no eval, no plugins, no framing, no <base> tricks, no network
 * beyond this server. Scraped text is rendered as text, and this policy is the second wall.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** A fresh random token: 32 bytes from the system's CSPRNG, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of a presented token with the server's. */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies are not scoped by port, so two servers on one host each get their own cookie name. */
export function cookieName(port: number): string {
  return `corpuskit_review_${port}`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function sessionCookie(name: string, token: string): string {
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export interface GuardOptions {
  token: string;
  /** The port the server listens on (known once it listens). */
  port: () => number;
  /** The host it was asked to bind. */
  host: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Host names a browser may use to reach a loopback server; anything else is DNS rebinding. */
function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host, '127.0.0.1', 'localhost', '[::1]']);
  if (host.includes(':') && !host.startsWith('[')) names.add(`[${host}]`);
  return new Set([...names].map((name) => `${name}:${port}`));
}

/** Whether the request carries the token, as the session cookie or an `Authorization: Bearer` header. */
export function isAuthenticated(c: Context, options: GuardOptions): 'cookie' | 'bearer' | false {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ') && tokenMatches(auth.slice(7).trim(), options.token)) return 'bearer';
  const cookie = readCookie(c.req.header('cookie'), cookieName(options.port()));
  return tokenMatches(cookie, options.token) ? 'cookie' : false;
}

function jsonError(c: Context, status: 401 | 403 | 415, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/**
 * Security headers on every response; Host checked against the bound address (against DNS
 * rebinding); every /api/ request authenticated (401 otherwise); writes must come from this
 * origin (403 otherwise) and carry JSON.
 */
export function guard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    setHeaders(c);
    const port = options.port();
    const host = c.req.header('host');
    if (!host || !allowedHosts(options.host, port).has(host.toLowerCase())) {
      return jsonError(c, 403, 'review.bad-host', `requests must address this server as ${options.host}:${port}`);
    }
    const path = new URL(c.req.url).pathname;
    if (path === '/api' || path.startsWith('/api/')) {
      const auth = isAuthenticated(c, options);
      if (!auth) {
        return jsonError(
          c,
          401,
          'review.unauthorized',
          'missing or wrong token: open the URL `corpuskit serve` printed',
        );
      }
      if (WRITE_METHODS.has(c.req.method)) {
        const origin = c.req.header('origin');
        const ownOrigins = new Set([...allowedHosts(options.host, port)].map((h) => `http://${h}`));
        // A browser always sends Origin on a write; only a script holding the token may omit it.
        const originOk = origin === undefined ? auth === 'bearer' : ownOrigins.has(origin.toLowerCase());
        if (!originOk || c.req.header('sec-fetch-site') === 'cross-site') {
          return jsonError(c, 403, 'review.bad-origin', 'writes are accepted only from the review app itself');
        }
        const type = c.req.header('content-type') ?? '';
        if (!/^application\/json\b/i.test(type)) {
          return jsonError(c, 415, 'review.bad-content-type', 'writes must send application/json');
        }
      }
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}

function setHeaders(c: Context): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  c.header('Cache-Control', 'no-store');
}
