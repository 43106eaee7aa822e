import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { drawnByScript } from './script-shell.js';

const SHELL = '<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>';

describe('drawnByScript: the script tags in the markup', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    // Each `<script` with no `>` after it once made the scan read on to the end of the markup:
    // 2 MB of them took minutes. One pass over the markup takes milliseconds.
    it(`reads a page of unclosed <script openings in one pass (${engine})`, async () => {
      const page = await parseHtml(SHELL, engine, null, []);
      const root = page.document.documentElement;
      const hostile = `${SHELL}${'<script '.repeat(250_000)}`;
      const started = performance.now();
      expect(drawnByScript(hostile, root)).toBe(false);
      expect(performance.now() - started).toBeLessThan(2_000);
      // A script tag closed after them is still found, and its type read.
      expect(drawnByScript(`${'<scriptx '.repeat(1000)}<script type="module" src="/app.js">`, root)).toBe(true);
      expect(drawnByScript(`${SHELL}<script type="application/ld+json">{}</script>`, root)).toBe(false);
      expect(drawnByScript(`${SHELL}<SCRIPT defer src="/main.js"></SCRIPT>`, root)).toBe(true);
    });
  }
});
