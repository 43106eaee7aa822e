import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The CLI's own version, read from its package.json (works from src/ and dist/ alike). */
export function cliVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cached;
}
