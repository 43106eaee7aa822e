import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';

const PARAGRAPH =
  'The script below opens the browser, the calendar and the mail client in one go every morning, so the working day starts from the same place each time.';

function article(code: string): string {
  return `<!doctype html><html><head><title>A morning script</title></head><body><article><h1>A morning script</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${code}<p>${PARAGRAPH}</p></article></body></html>`;
}

/** The text of the first <pre> after parsing (and the step under test). */
async function preText(code: string, engine: 'linkedom' | 'jsdom'): Promise<string> {
  const page = await parseHtml(`<html><body>${code}</body></html>`, engine, null, []);
  try {
    return page.document.querySelector('pre')!.textContent ?? '';
  } finally {
    page.close();
  }
}

describe.each(['linkedom', 'jsdom'] as const)('line breaks of preformatted text on %s', (engine) => {
  it('<br> in <pre> is a newline in the text and in the Markdown code fence', async () => {
    const code = '<pre><code>import subprocess<br>import time<br><br>CONFIG = {}</code></pre>';
    const document = await clean(article(code), { engine, pageTypeModel: false });
    expect(document.text).toContain('import subprocess\nimport time\n\nCONFIG = {}');
    expect(document.text).not.toContain('subprocessimport');
    expect(document.markdown).toContain('```\nimport subprocess\nimport time\n\nCONFIG = {}\n```');
  });

  it('one block element per line (a code editor’s lines) ends each line', async () => {
    const code =
      '<pre><code><div class="cm-line"><span>const</span> a = 1;</div><div class="cm-line"><br></div><div class="cm-line">const b = 2;</div></code></pre>';
    expect(await preText(code, engine)).toBe('const a = 1;\n\nconst b = 2;');
  });

  it('a run of line spans with nothing between them (a syntax highlighter’s lines)', async () => {
    const code =
      '<pre><code><span class="line"><span style="color:red">npm</span><span> create app</span></span><span class="line"><span>cd app</span></span><span class="token-line">npm run dev</span></code></pre>';
    expect(await preText(code, engine)).toBe('npm create app\ncd app\nnpm run dev');
  });

  it('code that already has its newlines is left as it is', async () => {
    const lines = '<pre><code><span class="line">a = 1</span>\n<span class="line">b = 2</span>\n</code></pre>';
    expect(await preText(lines, engine)).toBe('a = 1\nb = 2\n');
    const blocks = '<pre><div>first</div>\n<div>second</div></pre>';
    expect(await preText(blocks, engine)).toBe('first\nsecond');
    const ended = '<pre><div>first\n</div><div>second</div></pre>';
    expect(await preText(ended, engine)).toBe('first\nsecond');
  });

  it('inline elements, a single line-classed span and <br> outside <pre> are not touched', async () => {
    expect(await preText('<pre>x = <b>1</b> + <span class="line">2</span>;</pre>', engine)).toBe('x = 1 + 2;');
    const page = await parseHtml('<html><body><p>one<br>two</p><pre>a<br>b</pre></body></html>', engine, null, []);
    try {
      expect(page.document.querySelector('p')!.getElementsByTagName('br')).toHaveLength(1);
      expect(page.document.querySelector('pre')!.getElementsByTagName('br')).toHaveLength(0);
    } finally {
      page.close();
    }
  });
});

describe.each(['linkedom', 'jsdom'] as const)('line rules and preformatted text on %s', (engine) => {
  // A deployment manifest whose last line reads like an image credit ("image: …") and a config
  // file whose last line reads like a source credit: both looked like captions to the line rules,
  // which dropped the whole block (or cut its last line) as a caption and its credit.
  const manifests = [
    '<pre><code>kind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n    - name: web\n      image: nginx:stable</code></pre>',
    '<pre><code>[mirror]\nname = main\nsource: https://mirror.example.org/main</code></pre>',
  ];
  for (const code of manifests) {
    const written = code.replace(/<[^>]+>/g, '');
    it(`keeps the block as written: ${written.split('\n').at(-1)!.trim()}`, async () => {
      for (const captions of ['drop', 'keep'] as const) {
        const document = await clean(article(code), { engine, pageTypeModel: false, captions });
        expect(document.text).toContain(written);
        expect(document.removed.filter((removal) => removal.text.includes(written.split('\n').at(-1)!))).toEqual([]);
      }
    });
  }
});
