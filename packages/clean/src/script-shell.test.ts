import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { drawnByScript } from './script-shell.js';

const SHELL = '<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>';

describe('drawnByScript: the script tags in the markup', () => {
  // Each `<script` with no `>` after it once made the scan (a regex `[^>]*` per opening) read on to
  // the end of the markup: 80 000 of them (640 KB) cost 18 s of CPU, the square of their number.
  // Read in one pass they cost well under a millisecond. The guard is on this process's CPU time,
  // not the wall clock, so a loaded machine does not move it; run against the old regex scan it
  // fails (see the commit that brought it).
  it('reads a page of unclosed <script openings in one pass', async () => {
    const page = await parseHtml(SHELL, 'linkedom', null, []);
    const root = page.document.documentElement;
    const hostile = `${SHELL}${'<script '.repeat(80_000)}`;
    const before = process.cpuUsage();
    expect(drawnByScript(hostile, root)).toBe(false);
    const { user, system } = process.cpuUsage(before);
    expect((user + system) / 1000).toBeLessThan(1_000);
  });

  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`finds a script tag after unclosed openings and reads its type (${engine})`, async () => {
      const page = await parseHtml(SHELL, engine, null, []);
      const root = page.document.documentElement;
      expect(drawnByScript(`${'<scriptx '.repeat(1000)}<script type="module" src="/app.js">`, root)).toBe(true);
      expect(drawnByScript(`${SHELL}<script type="application/ld+json">{}</script>`, root)).toBe(false);
      expect(drawnByScript(`${SHELL}<SCRIPT defer src="/main.js"></SCRIPT>`, root)).toBe(true);
    });
  }
});
