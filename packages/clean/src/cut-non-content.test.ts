import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

import { cutNonContent } from './cut-non-content.js';
import { parseHtml, removeNonContent } from './dom.js';

/** The page as jsdom parses it, scripts, styles and comments then taken out of the tree. */
function parsed(markup: string): string {
  const dom = new JSDOM(markup);
  try {
    removeNonContent(dom.window.document);
    const template = dom.window.document.querySelector('template');
    return dom.serialize() + (template ? `\n[template] ${template.innerHTML}` : '');
  } finally {
    dom.window.close();
  }
}

const page = (head: string, body: string) =>
  `<!doctype html><html><head><title>T</title>${head}</head><body>${body}<p>after</p></body></html>`;

/** [what, markup, a piece that must be cut (or null when nothing may be cut), a piece that must stay] */
const CASES: Array<[string, string, string | null, string | null]> = [
  ['a script and a style', page('<style>p{color:red}</style>', '<script>var a = 1;</script><p>x</p>'), 'var a', 'x'],
  ['JSON-LD stays', page('<script type="application/ld+json">{"a":1}</script>', ''), null, '{"a":1}'],
  ['a comment holding "<script"', page('<!-- <script src="a.js"> -->', '<p>text</p>'), 'a.js', 'text'],
  ['"</script" and a line break', page('<script>var a = 1;</script\n>', '<p>text</p>'), 'var a', 'text'],
  ['an end tag with attributes (left to the parser)', page('<script>var a = 1;</script\n type=">">', 'x'), null, 'x'],
  [
    '"</script/>" (parse5 ends the script there)',
    page('<script>a()</script/><p>b</p><script>c()</script>', ''),
    null,
    'b',
  ],
  ['an escaped script ("<!--<script>")', page('', '<script><!--<script>x</script>y--></script><p>z</p>'), null, 'z'],
  ['a style inside SVG (not raw text there)', page('', '<svg><style><!--a--></style><text>t</text></svg>'), null, 't'],
  ['a comment inside an iframe (raw text)', page('', '<iframe><!-- a --></iframe><p>z</p>'), null, 'z'],
  ['a script inside a template', page('', '<template><script>a()</script></template><p>z</p>'), null, 'z'],
  ['a style inside a select', page('', '<select><style>x{}</style><option>o</option></select>'), null, 'o'],
  ['CDATA and bogus comments', page('', '<![CDATA[ a > b ]]><!x y><?php echo 1 ?><p>z</p>'), null, 'b ]]'],
  ['"--!>" ends a comment', page('', '<!-- a --!> visible --><p>z</p>'), null, 'visible'],
  ['a comment in a title is text', '<title>a <!-- b --> c</title><p>z</p>', null, 'b'],
  ['a script in a textarea is text', page('', '<textarea><script>x()</script></textarea>'), null, 'x()'],
  ['an unclosed script at the end', page('', '<p>z</p><script>never closed'), null, 'z'],
  ['short comments', page('', 'a<!-->b<!--->c'), '<!-->', 'b'],
  ['plaintext stops the cutting', page('', '<plaintext><!-- a --><script>b</script>'), null, '<!-- a -->'],
  [
    'a self-closing script ("/>" is ignored: raw text to "</script>")',
    page('', '<script src="a.js" /><!-- c --><p>hidden</p></script><p>z</p>'),
    null,
    'z',
  ],
  [
    'a script before the doctype (quirks mode)',
    '<script>a()</script><!doctype html><html><head></head><body><p>a<table><tr><td>b</td></tr></table></body></html>',
    null,
    'b',
  ],
  [
    'a script before an explicit <head> (its attributes)',
    '<!doctype html><html><script>a()</script><head itemscope><title>T</title></head><body><p>z</p></body></html>',
    null,
    'z',
  ],
  [
    'an unclosed iframe in noscript',
    page('', '<noscript><iframe src="x"></noscript><!-- c --><script>s()</script><p>z</p>'),
    null,
    null,
  ],
  [
    'JSON-LD with an entity in its type',
    page('<script type="application&#x2F;ld&#x2B;json">{"a":2}</script>', ''),
    null,
    '{"a":2}',
  ],
  ['upper-case tags', page('<STYLE>p{}</STYLE>', '<SCRIPT>var q;</SCRIPT><P>z</P>'), 'var q', 'z'],
];

describe('cutNonContent', () => {
  it.each(CASES)('%s', (_what, markup, cut, kept) => {
    const out = cutNonContent(markup);
    if (cut !== null) expect(out).not.toContain(cut);
    if (kept !== null) expect(parsed(out)).toContain(kept);
    // jsdom builds the same tree from the cut markup, once its own removal has run.
    expect(parsed(out)).toBe(parsed(markup));
  });

  it('writes the end tag of an iframe written as empty in a noscript: jsdom reads the page as linkedom does', async () => {
    const markup = page(
      '',
      '<noscript><iframe src="https://tags.example/ns" height="0" /></noscript><p>z</p><!-- c --><script>s()</script>',
    );
    expect(cutNonContent(markup)).toContain('height="0" /></iframe></noscript><p>z</p>');
    // Without it, parse5 (scripting off) reads the rest of the page as the iframe's text.
    expect(parsed(markup)).toContain('<iframe src="https://tags.example/ns" height="0"></noscript><p>z</p>');
    const bodies: string[] = [];
    for (const engine of ['jsdom', 'linkedom'] as const) {
      const parsedPage = await parseHtml(markup, engine, null, []);
      bodies.push(parsedPage.document.body.textContent ?? '');
      parsedPage.close();
    }
    expect(bodies).toEqual(['zafter', 'zafter']);
  });

  it('leaves markup without scripts, styles or comments as it is', () => {
    const markup = page('<meta charset="utf-8">', '<p>one</p><div><p>two</p></div>');
    expect(cutNonContent(markup)).toBe(markup);
  });
});
