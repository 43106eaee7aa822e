import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';

import { ENGINES, documentMode, parseHtml } from './dom.js';

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
