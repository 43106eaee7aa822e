import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system's temporary folder, and a function that removes it. */
export function tempDir(prefix = 'corpuskit-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }) };
}

/** An article URL on a test site, numbered. */
export const articleUrl = (n: number | string, site = 'example.com'): string => `https://${site}/articles/${n}`;
