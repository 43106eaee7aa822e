import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { drawnByScript } from './script-shell.js';
import { pageLandmarks } from './type-roots.js';

// One landmark pass for the page-type roots and the app-shell check: the shell check's frame is
// `pageLandmarks` with footers named by class or id, not a walk of its own.
const FRAME =
  '<header><nav><a href="/">Home</a> <a href="/help">Help</a></nav></header>' +
  '<div id="app"></div>' +
  '<div class="site-footer"><p>Harbour Community Trust, on the quay since 1978.</p></div>' +
  '<main><footer class="article-footer">Filed under harbour</footer><div class="page-footer">Page 2</div></main>';
const PAGE = `<!doctype html><html><head><title>Forum</title></head><body>${FRAME}<script src="/app.js"></script></body></html>`;

describe('pageLandmarks: one pass for the page-type roots and the app-shell check', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`knows a footer named by its class or id when asked, outside the main region (${engine})`, async () => {
      const page = await parseHtml(PAGE, engine, null, []);
      const body = page.document.body;
      const names = (list: Element[]) => list.map((el) => el.getAttribute('class') || el.localName);
      expect(names(pageLandmarks(body))).toEqual(['header']);
      expect(names(pageLandmarks(body, { namedFooters: true }))).toEqual(['header', 'site-footer']);
      // The shell check reads the page's frame from the same pass: header and named footer are
      // frame, the empty mount is no content, and the landmarks inside <main> are the region's own.
      const shell = PAGE.replace(/<main>.*<\/main>/, '');
      const shellPage = await parseHtml(shell, engine, null, []);
      expect(drawnByScript(shell, shellPage.document.documentElement)).toBe(true);
      expect(drawnByScript(PAGE, page.document.documentElement)).toBe(false);
    });
  }
});
