/**
 * The repository patches linkedom (patches/linkedom@0.18.11.patch): a node's event-listener map
 * is made when a listener is first added, not when the node is made, and `querySelector(All)`
 * keeps the selectors it compiled, and a class list keeps its joined text until it changes.
 * Listeners must still work as before, nodes that never had one must take removal and dispatch,
 * a kept selector must match in each document and element it is used from, and the class
 * attribute must follow every change of the class list.
 */

import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';

const PAGE = '<!doctype html><html><body><div id="outer"><p id="inner">Some text</p></div></body></html>';

describe('linkedom events on parsed pages', () => {
  it('calls listeners added to parsed elements, bubbling to the parent, until removed', async () => {
    const page = await parseHtml(PAGE, 'linkedom', null, []);
    const { document } = page;
    const inner = document.getElementById('inner')!;
    const outer = document.getElementById('outer')!;
    const seen: string[] = [];
    const onInner = (event: Event) => seen.push(`inner:${event.type}`);
    const onOuter = (event: Event) => seen.push(`outer:${(event.target as Element).id}`);
    inner.addEventListener('ping', onInner);
    outer.addEventListener('ping', onOuter);
    inner.dispatchEvent(new document.defaultView!.Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner:ping', 'outer:inner']);
    inner.removeEventListener('ping', onInner);
    inner.dispatchEvent(new document.defaultView!.Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner:ping', 'outer:inner', 'outer:inner']);
    page.close();
  });

  it('takes removal and dispatch on nodes that never had a listener', async () => {
    const page = await parseHtml(PAGE, 'linkedom', null, []);
    const { document } = page;
    const inner = document.getElementById('inner')!;
    const text = inner.firstChild!;
    expect(() => inner.removeEventListener('ping', () => {})).not.toThrow();
    expect(() => text.removeEventListener('ping', () => {})).not.toThrow();
    expect(inner.dispatchEvent(new document.defaultView!.Event('ping', { bubbles: true }))).toBe(true);
    page.close();
  });
});

describe('linkedom selectors used again', () => {
  const OTHER =
    '<!doctype html><html><body><section><p class="x">one</p><p>two</p></section><p class="x">three</p></body></html>';

  it('matches the same selector in each document and from each element', async () => {
    const a = await parseHtml(PAGE, 'linkedom', null, []);
    const b = await parseHtml(OTHER, 'linkedom', null, []);
    for (let round = 0; round < 2; round++) {
      expect([...a.document.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Some text']);
      expect([...b.document.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['one', 'two', 'three']);
      expect([...b.document.querySelectorAll('p.x')].map((p) => p.textContent)).toEqual(['one', 'three']);
      const section = b.document.querySelector('section')!;
      expect([...section.querySelectorAll('p.x')].map((p) => p.textContent)).toEqual(['one']);
      expect(a.document.querySelector('p.x')).toBeNull();
    }
    a.close();
    b.close();
  });

  it('reads :scope from the element it is used from, and refuses a bad selector every time', async () => {
    const page = await parseHtml(
      '<!doctype html><html><body><div id="a"><p>a1</p><div id="b"><p>b1</p></div></div></body></html>',
      'linkedom',
      null,
      [],
    );
    const a = page.document.getElementById('a')!;
    const b = page.document.getElementById('b')!;
    expect([...a.querySelectorAll(':scope > p')].map((p) => p.textContent)).toEqual(['a1']);
    expect([...b.querySelectorAll(':scope > p')].map((p) => p.textContent)).toEqual(['b1']);
    expect(() => a.querySelectorAll('p[')).toThrow();
    expect(() => a.querySelectorAll('p[')).toThrow();
    page.close();
  });
});

describe('linkedom class lists', () => {
  it('gives the class attribute after every kind of change', async () => {
    const page = await parseHtml(
      '<!doctype html><html><body><p id="p" class="a  b a">text</p></body></html>',
      'linkedom',
      null,
      [],
    );
    const p = page.document.getElementById('p')!;
    const seen = (): [string | null, string] => [p.getAttribute('class'), p.className];
    expect(seen()).toEqual(['a b', 'a b']);
    p.classList.add('c');
    expect(seen()).toEqual(['a b c', 'a b c']);
    p.classList.remove('a');
    expect(seen()).toEqual(['b c', 'b c']);
    p.classList.toggle('b');
    expect(seen()).toEqual(['c', 'c']);
    p.classList.toggle('d');
    expect(seen()).toEqual(['c d', 'c d']);
    p.classList.replace('c', 'e');
    expect(seen()).toEqual(['d e', 'd e']);
    p.className = 'x y';
    expect(seen()).toEqual(['x y', 'x y']);
    p.setAttribute('class', 'z');
    expect(seen()).toEqual(['z', 'z']);
    expect(p.matches('.z')).toBe(true);
    p.removeAttribute('class');
    expect(p.className).toBe('');
    expect(p.matches('.z')).toBe(false);
    p.classList.add('w');
    expect(seen()).toEqual(['w', 'w']);
    expect(p.outerHTML).toBe('<p class="w" id="p">text</p>');
    page.close();
  });
});
