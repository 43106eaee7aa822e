import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { safeHref, textToMarkdown } from './markdown.js';
import { sanitizeText } from './sanitize.js';

const WORDS =
  'The harbour authority said the new pier would open next spring after two years of delays, rising costs and a long dispute with the contractor.';

function page(body: string): string {
  const filler = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}. ${WORDS}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pier</title></head><body><article><h1>Pier</h1>${filler}\n${body}</article></body></html>`;
}

describe('markdown output is text, never live HTML', () => {
  it('escapes <, > and & in text (clean and stored markdown)', async () => {
    const document = await clean(
      page('<p>Say &lt;img src=x onerror=alert(1)//&gt; &amp;amp; more, 3 &lt; 4 &amp; 5 &gt; 2.</p>'),
    );
    expect(document.text).toContain('Say <img src=x onerror=alert(1)//> &amp; more, 3 < 4 & 5 > 2.');
    expect(document.markdown).toContain(
      'Say &lt;img src=x onerror=alert(1)//&gt; &amp;amp; more, 3 &lt; 4 &amp; 5 &gt; 2.',
    );
    expect(document.markdown).not.toMatch(/<img/);
  });

  it('keeps http(s) links, drops javascript: and data: links to their text, and encodes what ends a destination', async () => {
    const document = await clean(
      page(
        '<p>See <a href="javascript:alert(1)">this</a>, <a href="data:text/html,<script>alert(1)</script>">that</a> and <a href="https://example.com/a b)&quot;onmouseover=&quot;x">the report</a>.</p>',
      ),
    );
    expect(document.markdown).toContain(
      'See this, that and [the report](https://example.com/a%20b%29%22onmouseover=%22x).',
    );
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('/relative/path?q=1')).toBe('/relative/path?q=1');
  });

  it('writes a table without a heading row as text, not as raw HTML', async () => {
    const document = await clean(
      page('<table><tr><td>Cost <b onmouseover="alert(1)">high</b></td><td>Year 2024</td></tr></table>'),
    );
    expect(document.markdown).not.toMatch(/<table|<b |onmouseover/);
    expect(document.markdown).toContain('| Cost **high** | Year 2024 |');
  });

  it('escapes text blocks too', () => {
    expect(textToMarkdown(['<script>alert(1)</script>', '# not a heading & <b>'])).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;\n\n\\# not a heading &amp; &lt;b&gt;',
    );
  });
});

describe('text fields hold no control characters but newline and tab', () => {
  it('removes C0 and C1 controls, raw or as character references', async () => {
    const document = await clean(
      page('<p>Red \u001b[31malert\u001b[0m and &#27;]0;title&#7; and \u0085next\u009b2J and&#0; nul\tend.</p>'),
    );
    const line = document.text.split('\n\n').find((block) => block.startsWith('Red'))!;
    expect(line).toBe('Red [31malert[0m and ]0;title and next2J and\uFFFD nul end.');
    // eslint-disable-next-line no-control-regex -- what must not be there
    const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    for (const field of [document.text, document.markdown, document.title ?? '', JSON.stringify(document.metadata)]) {
      expect(field).not.toMatch(controls);
    }
  });

  it('sanitizeText keeps newline and tab, turns form feed into a space', () => {
    expect(sanitizeText('a\tb\nc\fd\u000be\r\nf\rg\u007fh\ufdd0')).toBe('a\tb\nc d e\nf\ngh');
  });
});
