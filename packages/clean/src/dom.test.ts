import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES, documentMode, parseHtml, tagCount } from './dom.js';

describe('the document mode', () => {
  const legacy = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">';
  const loose =
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">';
  const cases: Array<[string, string, 'quirks' | 'limited-quirks' | 'no-quirks']> = [
    ['no doctype', '<html><body><p>a</p></body></html>', 'quirks'],
    ['a fragment', '<p>a</p>', 'quirks'],
    ['the HTML5 doctype', '<!doctype html><html><body><p>a</p></body></html>', 'no-quirks'],
    ['the HTML5 doctype upper case', '<!DOCTYPE  HTML ><p>a</p>', 'no-quirks'],
    [
      'comments and an XML declaration first',
      '<?xml version="1.0"?>\n<!-- a --><!--> <!doctype html><p>a</p>',
      'no-quirks',
    ],
    ['a doctype after an element', '<meta charset="utf-8"><!doctype html><p>a</p>', 'quirks'],
    ['a doctype after text', 'x<!doctype html><p>a</p>', 'quirks'],
    ['a doctype inside a comment only', '<!-- <!doctype html> --><p>a</p>', 'quirks'],
    ['a comment ended by "--!>" first', '<!-- a --!><!doctype html><p>a</p>', 'no-quirks'],
    ['a comment ended by "--->"', '<!-- a ---><!doctype html><p>a</p>', 'no-quirks'],
    ['a bogus comment first (a revealed conditional)', '<![if !IE]><!doctype html><![endif]><p>a</p>', 'no-quirks'],
    ['an end tag of no name first', '</><!doctype html><p>a</p>', 'no-quirks'],
    ['"</" and a space first', '</ x><!doctype html><p>a</p>', 'no-quirks'],
    ['an end tag first', '</x><!doctype html><p>a</p>', 'quirks'],
    ['a legacy doctype', `${legacy}<p>a</p>`, 'quirks'],
    ['a legacy doctype with its system identifier', `${loose}<p>a</p>`, 'limited-quirks'],
    ['an XHTML doctype', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><p>a</p>', 'no-quirks'],
    ['a doctype of another name', '<!DOCTYPE svg><p>a</p>', 'quirks'],
  ];

  it.each(cases)('is what an HTML5 parser gives: %s', async (_name, markup, mode) => {
    expect(parse(markup).mode).toBe(mode);
    expect(await documentMode(markup)).toBe(mode);
  });

  it.each(cases)('is the parsed page’s on both engines: %s', async (_name, markup, mode) => {
    for (const engine of ENGINES) {
      const page = await parseHtml(markup, engine, null, []);
      expect(page.document.compatMode).toBe(mode === 'quirks' ? 'BackCompat' : 'CSS1Compat');
      page.close();
    }
  });

  it('reads a page of comments before the doctype once (each comment is not searched to the end of the page)', async () => {
    // 50,000 comments: searching the rest of the page from each one took minutes.
    const markup = `${'<!-- <p> -->'.repeat(50_000)}<!doctype html><p>a</p>`;
    const started = performance.now();
    expect(await documentMode(markup)).toBe('no-quirks');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('leaves out the byte order mark, as the decoder does before the parser', async () => {
    expect(await documentMode('\uFEFF<!doctype html><p>a</p>')).toBe('no-quirks');
  });
});

describe('what follows the body', () => {
  const cases: Array<[string, string]> = [
    [
      'a page without a body tag',
      '<!doctype html><html><head><title>t</title></head><div id="a">x</div><p>y</p></html>',
    ],
    [
      'boxes after the body and after the page',
      '<!doctype html><html><head></head><body><p>in</p></body>\n<div id="late">after body</div></html><p>after html</p><!-- c -->',
    ],
  ];
  it.each(cases)('is at the end of the body on both engines, as an HTML5 parser puts it: %s', async (_name, markup) => {
    const bodies: string[] = [];
    for (const engine of ENGINES) {
      const page = await parseHtml(markup, engine, null, []);
      bodies.push(page.document.body.innerHTML.replace(/\s+/g, ' ').trim());
      expect(page.document.documentElement.lastElementChild).toBe(page.document.body);
      page.close();
    }
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[0]).toMatch(
      /(?:<p>in<\/p> <div id="late">after body<\/div><p>after html<\/p>|<div id="a">x<\/div><p>y<\/p>)$/,
    );
  });
});

describe('a page written without head and body tags', () => {
  const cases: Array<[string, string]> = [
    [
      'no html, head or body tag',
      '<!doctype html><meta charset=utf-8><title>T</title>\n<link rel=x href=y><nav>n</nav><p>one</p>',
    ],
    ['an html tag only', '<!doctype html><html><meta charset=utf-8><!-- c --><title>T</title><p>one</p></html>'],
    [
      'a closed head, then head elements',
      '<!doctype html><html><head><title>T</title></head><meta name=a><p>one</p></html>',
    ],
    [
      'a body tag: its head elements stay in it',
      '<!doctype html><html><head></head><body><meta name=a><p>one</p></body></html>',
    ],
  ];
  it.each(cases)('has the head and body an HTML5 parser gives, on both engines: %s', async (_name, markup) => {
    const expected = parse(markup);
    const html = expected.childNodes.find((node) => node.nodeName === 'html')! as unknown as {
      childNodes: Array<{ nodeName: string; childNodes: Array<{ nodeName: string }> }>;
    };
    const tags = (name: string) =>
      html.childNodes
        .find((node) => node.nodeName === name)!
        .childNodes.filter((node) => !node.nodeName.startsWith('#'))
        .map((node) => node.nodeName.toUpperCase());
    for (const engine of ENGINES) {
      const page = await parseHtml(markup, engine, null, []);
      expect(
        [...page.document.head.children].map((element) => element.tagName),
        engine,
      ).toEqual(tags('head'));
      expect(
        [...page.document.body.children].map((element) => element.tagName),
        engine,
      ).toEqual(tags('body'));
      page.close();
    }
  });

  it('cleans to the same text on both engines, the headline kept and the title not read as text', async () => {
    const para = (i: number) =>
      `<p>Paragraph ${i}: the harbour board met on Tuesday to decide what to do with the old ferry pier, closed since the storm.</p>`;
    const markup = `<!doctype html><meta charset="utf-8"><title>Harbour report from the town</title><nav><a href="/">Home</a> <a href="/ports">Ports</a></nav><article><h1>What next for the pier</h1>${[1, 2, 3, 4, 5, 6].map(para).join('')}</article>`;
    const texts: string[] = [];
    for (const engine of ENGINES) {
      const document = await clean(markup, { url: 'https://news.example/pier', engine });
      expect(document.text.startsWith('What next for the pier\n'), engine).toBe(true);
      expect(document.text).not.toContain('Harbour report from the town');
      texts.push(document.text);
    }
    expect(texts[1]).toBe(texts[0]);
  });
});

describe('a link opened inside another link', () => {
  const cases: Array<[string, string]> = [
    ['in the same line', '<p><a href="/1">one <b>bold <a href="/2">two</a> tail</b> after</a> end</p>'],
    ['inside a block of the outer link', '<a href="/1">x<div>y<p>z<a href="/2">two</a> w</p>v</div>u</a><p>next</p>'],
    [
      'in a table cell, where it stays nested',
      '<a href="/1">x<table><tr><td><a href="/2">two</a></td></tr></table></a>',
    ],
  ];
  it.each(cases)('gives the tree an HTML5 parser builds, on both engines: %s', async (_name, body) => {
    const markup = `<!doctype html><html><head></head><body>${body}</body></html>`;
    const expected = await parseHtml(markup, 'jsdom', null, []);
    const tree = expected.document.body.innerHTML;
    expected.close();
    for (const engine of ENGINES) {
      const page = await parseHtml(markup, engine, null, []);
      expect(page.document.body.innerHTML, engine).toBe(tree);
      page.close();
    }
  });
});

describe('tagCount', () => {
  it('counts a tag opening in any case, wherever it stands, up to one past the limit', () => {
    const markup = '<!doctype html><BODY><p>a</p><Body class="x"><!-- <body> --><bodyguard>';
    expect(tagCount(markup, '<body', 10)).toBe(4);
    expect(tagCount(markup, '<body', 1)).toBe(2);
    expect(tagCount(markup, '<noscript', 0)).toBe(0);
    // An end tag or a "<" with a space is no opening.
    expect(tagCount('</body>< body><p>', '<body', 10)).toBe(0);
  });
});

describe('declarative shadow roots', () => {
  // The page is searched for them only when its markup names their attribute, in any case.
  const cases: Array<[string, string]> = [
    ['shadowrootmode', '<div id="host"><template shadowrootmode="open"><p>Inside the root</p></template></div>'],
    ['the older shadowroot', '<div id="host"><template shadowroot="open"><p>Inside the root</p></template></div>'],
    ['an upper-case name', '<div id="host"><TEMPLATE SHADOWROOTMODE="open"><p>Inside the root</p></TEMPLATE></div>'],
    ['a mixed-case name', '<div id="host"><template ShadowRootMode="closed"><p>Inside the root</p></template></div>'],
  ];
  it.each(cases)('are put in place in their host on both engines: %s', async (_name, body) => {
    for (const engine of ENGINES) {
      const page = await parseHtml(`<!doctype html><html><body>${body}</body></html>`, engine, null, []);
      const host = page.document.getElementById('host');
      expect(host?.innerHTML, engine).toBe('<p>Inside the root</p>');
      page.close();
    }
  });

  it('are not made of a template without the attribute', async () => {
    for (const engine of ENGINES) {
      const page = await parseHtml(
        '<!doctype html><html><body><div id="host"><template><p>Not shown</p></template></div></body></html>',
        engine,
        null,
        [],
      );
      expect(page.document.getElementById('host')?.firstElementChild?.localName, engine).toBe('template');
      page.close();
    }
  });
});
