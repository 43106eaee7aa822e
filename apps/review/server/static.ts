import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Uint8Array;
  type: string;
  /** Hashed build assets never change and may be cached for good. */
  immutable: boolean;
}

/**
 * The prebuilt single-page app, read once into memory. Only files that exist in the build are
 * ever served, looked up by exact path: a request path never reaches the file system.
 */
export class ClientBundle {
  readonly files = new Map<string, StaticFile>();

  /** The bundle in `dir`, or null when the app has not been built there (the API still works). */
  static load(dir: string): ClientBundle | null {
    return existsSync(join(dir, 'index.html')) ? new ClientBundle(dir) : null;
  }

  private constructor(readonly dir: string) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      const path = `/${relative(dir, full).split(sep).join('/')}`;
      this.files.set(path, {
        body: readFileSync(full),
        type: CONTENT_TYPES[extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
        immutable: path.startsWith('/assets/'),
      });
    }
  }

  get index(): StaticFile {
    return this.files.get('/index.html')!;
  }

  get(path: string): StaticFile | undefined {
    return this.files.get(path);
  }
}

/** Where the built client is: dist/client beside dist/server, or apps/review/dist/client when run from sources. */
export function defaultClientDir(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? '../dist/client/' : '../client/', import.meta.url));
}
