import { describe, expect, it } from 'vitest';

import { parseHtml } from '../dom.js';
import { alikeShapes, classShape, shapeKey } from './class-shape.js';

const SIBLINGS = `<html><body><div id="list">
<article class="Post post-17 rank-admin">one</article>
<article class="post post-18 rank-member stickied">two</article>
<article class="post  post-19">three</article>
<article class="teaser">four</article>
<article>five</article>
<section>six</section>
<section class="a b">seven</section>
</div></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('class shapes of siblings (%s)', (engine) => {
  it('reads the tag and the class tokens, lower case, without digits or one-character tokens', async () => {
    const page = await parseHtml(SIBLINGS, engine, null, []);
    try {
      const items = Array.from(page.document.getElementById('list')!.children);
      const first = classShape(items[0]!);
      expect(first.tag).toBe('article');
      expect([...first.tokens].sort()).toEqual(['post', 'post-', 'rank-admin']);
      expect([...classShape(items[6]!).tokens]).toEqual([]);
      // The same shape: the same tag and tokens, whatever the numbers, case and spacing.
      expect(shapeKey(items[0]!)).toBe('article.post.post-.rank-admin');
      expect(shapeKey(items[2]!)).toBe('article.post.post-');
      expect(shapeKey(items[4]!)).toBe('article');
      expect(shapeKey(items[5]!)).toBe('section');
      expect(shapeKey(items[6]!)).toBe('section');
    } finally {
      page.close();
    }
  });

  it('alike: the same tag and half of the smaller token set shared; no class is alike only to no class', async () => {
    const page = await parseHtml(SIBLINGS, engine, null, []);
    try {
      const [admin, member, plain, teaser, bare, section, sectionAb] = Array.from(
        page.document.getElementById('list')!.children,
      ).map(classShape);
      expect(alikeShapes(admin!, member!)).toBe(true);
      expect(alikeShapes(member!, admin!)).toBe(true);
      expect(alikeShapes(plain!, member!)).toBe(true);
      expect(alikeShapes(admin!, teaser!)).toBe(false);
      expect(alikeShapes(teaser!, bare!)).toBe(false);
      expect(alikeShapes(bare!, bare!)).toBe(true);
      // Another tag is never alike, though neither has a class token.
      expect(alikeShapes(bare!, section!)).toBe(false);
      expect(alikeShapes(section!, sectionAb!)).toBe(true);
    } finally {
      page.close();
    }
  });

  it('one class value on elements of different tags, and a value too long to be kept, read alike each time', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Token${i}x`).join(' ');
    const page = await parseHtml(
      `<html><body><div id="list"><div class="Card card-2 x">a</div><li class="Card card-2 x">b</li>` +
        `<p class="${long}">c</p><span class="${long}">d</span><div class="x">e</div></div></body></html>`,
      engine,
      null,
      [],
    );
    try {
      const [div, li, p, span, lone] = Array.from(page.document.getElementById('list')!.children);
      for (let round = 0; round < 2; round++) {
        expect(shapeKey(div!)).toBe('div.card.card-');
        expect(shapeKey(li!)).toBe('li.card.card-');
        expect(classShape(li!).tag).toBe('li');
        expect(shapeKey(lone!)).toBe('div');
        // Token0x … Token59x: one token once the digits are out.
        expect([...classShape(p!).tokens]).toEqual(['tokenx']);
        expect(shapeKey(span!)).toBe('span.tokenx');
      }
      // A class set again is read as it is now.
      li!.setAttribute('class', 'row');
      expect(shapeKey(li!)).toBe('li.row');
    } finally {
      page.close();
    }
  });

  it('keeps reading right past the values it remembers (thousands of class values on a page)', async () => {
    const items = Array.from(
      { length: 5000 },
      (_, i) => `<i class="c${String.fromCharCode(97 + (i % 26))}${i} kk">x</i>`,
    );
    const page = await parseHtml(`<html><body><div id="list">${items.join('')}</div></body></html>`, engine, null, []);
    try {
      const children = Array.from(page.document.getElementById('list')!.children);
      for (const [i, child] of children.entries()) {
        // Digits are taken out: c and a letter, then the common kk.
        expect(shapeKey(child)).toBe(`i.c${String.fromCharCode(97 + (i % 26))}.kk`);
      }
    } finally {
      page.close();
    }
  });
});
