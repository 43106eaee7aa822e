import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';

const PARAGRAPH =
  'The council approved the new cycling lanes on Tuesday after a long debate about parking spaces, bus routes and the cost of repainting the junctions.';
const BODY = `<h1>Cycling lanes approved</h1>${`<p>${PARAGRAPH}</p>`.repeat(4)}`;

/** A page as a streaming server renderer prints it: placeholders first, the content at the end. */
function streamed(options: { comments: boolean; placeholder: 'B' | 'P' }): string {
  const open = options.comments ? '<!--$?-->' : '';
  const close = options.comments ? '<!--/$-->' : '';
  const fallback = options.placeholder === 'B' ? '<div class="skeleton">Loading article…</div>' : '';
  return `<!doctype html><html><head><title>Cycling lanes</title></head><body><main><article>${open}<template id="${options.placeholder}:1"></template>${fallback}${close}</article></main><footer>© City paper</footer><div hidden id="S:1">${BODY}</div><script>$RC("B:1","S:1")</script></body></html>`;
}

describe.each(['linkedom', 'jsdom'] as const)('streamed segments on %s', (engine) => {
  it('a boundary placeholder: the segment replaces it and its fallback', async () => {
    const document = await clean(streamed({ comments: true, placeholder: 'B' }), { engine, pageTypeModel: false });
    expect(document.text).toBe(`Cycling lanes approved\n\n${Array(4).fill(PARAGRAPH).join('\n\n')}`);
    expect(document.removed.map((removal) => removal.text).join(' ')).not.toContain('Loading article');
  });

  it('a segment placeholder (P:) is replaced by the segment', async () => {
    const page = await parseHtml(streamed({ comments: true, placeholder: 'P' }), engine, null, []);
    try {
      const article = page.document.querySelector('article')!;
      expect(article.querySelectorAll('p')).toHaveLength(4);
      expect(page.document.getElementById('S:1')).toBeNull();
      expect(page.document.querySelector('template')).toBeNull();
    } finally {
      page.close();
    }
  });

  it('a page saved without its comments: the segment is moved, the fallback stays (nothing says where it ends)', async () => {
    const page = await parseHtml(streamed({ comments: false, placeholder: 'B' }), engine, null, []);
    try {
      const article = page.document.querySelector('article')!;
      expect(article.querySelectorAll('p')).toHaveLength(4);
      expect(article.textContent).toContain('Loading article');
    } finally {
      page.close();
    }
  });

  it('a hidden element that is not a streamed segment stays hidden where it is', async () => {
    const html = `<html><body><article>${BODY}</article><div hidden id="S:2"><p>Orphan segment</p></div><div hidden id="note"><template id="B:3"></template></div></body></html>`;
    const page = await parseHtml(html, engine, null, []);
    try {
      expect(page.document.getElementById('S:2')?.textContent).toBe('Orphan segment');
      expect(page.document.querySelector('article')?.textContent).not.toContain('Orphan');
    } finally {
      page.close();
    }
  });
});
