import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { corpuskit, tempDir } from './helpers.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function scratch(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('decoding a page without a charset declaration', () => {
  it('one stray invalid byte in a UTF-8 page gives one U+FFFD and a warning, not a page of mojibake', async () => {
    const dir = await scratch();
    const text = 'Die Bürgermeisterin von Köln sagte am Dienstag, die neue Brücke über den Rhein werde teurer.';
    const page = Buffer.concat([
      Buffer.from(`<html><head><title>Brücke in Köln</title></head><body><article><h1>Brücke in Köln</h1>`),
      Buffer.from(`<p>${text} Grüße `),
      Buffer.from([0xe9]),
      Buffer.from(` aus Zürich.</p><p>${text}</p><p>${text}</p></article></body></html>`),
    ]);
    await writeFile(path.join(dir, 'page.html'), page);
    const result = await corpuskit(['clean', 'page.html', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = result.json<{ text: string; warnings: string[]; provenance: { encoding: string } }>();
    expect(json.provenance.encoding).toBe('utf-8');
    expect(json.text).toContain('Grüße \uFFFD aus Zürich.');
    expect(json.text).not.toContain('Ã¼');
    expect(json.warnings).toContain('1 invalid UTF-8 byte sequence replaced by U+FFFD');
  });
});
