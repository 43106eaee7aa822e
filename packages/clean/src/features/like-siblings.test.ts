import { describe, expect, it } from 'vitest';

import { ENGINES, parseHtml } from '../dom.js';
import { HEADING_TAGS } from './headings.js';
import { EVERY_ELEMENT, largestLikeGroup, likeSiblingGroups, likeSiblings } from './like-siblings.js';

/**
 * A page with like siblings at three depths: a grid of four cards (one marked `sale`), inside
 * each card two tags, a menu of five links in a <nav>, and a box of three rows and three icons.
 */
const PAGE = `<html><body><main id="main">
<ul id="grid">
<li class="card card-1"><a href="/a">Oak stool</a><span class="tag">oak</span><span class="tag">stool</span></li>
<li class="card card-2 sale"><a href="/b">Ash bench</a><span class="tag">ash</span><span class="tag">bench</span></li>
<li class="card card-3"><a href="/c">Pine shelf</a><span class="tag">pine</span><span class="tag">shelf</span></li>
<li class="card card-4"><a href="/d">Elm table</a><span class="tag">elm</span><span class="tag">table</span></li>
</ul>
<nav id="menu"><a href="/1">One</a><a href="/2">Two</a><a href="/3">Three</a><a href="/4">Four</a><a href="/5">Five</a></nav>
<div id="box"><p class="row">First row</p><p class="row">Second row</p><p class="row">Third row</p><svg class="icon"></svg><svg class="icon"></svg><svg class="icon"></svg></div>
</main></body></html>`;

const ids = (elements: readonly Element[]) => elements.map((el) => el.id || el.textContent?.trim().split(/\s+/)[0]);

describe.each(ENGINES)('like siblings (%s)', (engine) => {
  it('groups children of one shape; a page walk skips menus and pictures and lists parents after their children', async () => {
    const page = await parseHtml(PAGE, engine, null, []);
    try {
      const groups = likeSiblingGroups(page.document.body, { minItems: 3 });
      // The card marked `sale` has a shape of its own: three cards of one shape.
      expect(groups.map((g) => [g.parent.id || g.parent.localName, ids(g.items)])).toEqual([
        ['grid', ['Oak', 'Pine', 'Elm']],
        ['box', ['First', 'Second', 'Third']],
      ]);
      // Two tags per card are no group of three; with two, each card's tags come before the grid.
      const pairs = likeSiblingGroups(page.document.body, { minItems: 2 });
      expect(pairs.map((g) => g.parent.id || g.parent.localName)).toEqual(['li', 'li', 'li', 'li', 'grid', 'box']);
    } finally {
      page.close();
    }
  });

  it('loose: a card whose classes differ only in a token most cards lack is one of them', async () => {
    const page = await parseHtml(PAGE, engine, null, []);
    try {
      const grid = likeSiblingGroups(page.document.getElementById('grid')!, { minItems: 3, loose: true });
      expect(grid.map((g) => ids(g.items))).toEqual([['Oak', 'Ash', 'Pine', 'Elm']]);
    } finally {
      page.close();
    }
  });

  it('every element, parents first: the menu and the icons count, and the largest group is the first of its size', async () => {
    const page = await parseHtml(PAGE, engine, null, []);
    try {
      const body = page.document.body;
      const all = likeSiblingGroups(body, { minItems: 3, ...EVERY_ELEMENT, parentsFirst: true });
      expect(all.map((g) => [g.parent.id, g.items.length])).toEqual([
        ['grid', 3],
        ['menu', 5],
        ['box', 3],
        ['box', 3],
      ]);
      expect(ids(largestLikeGroup(body, { minItems: 3, ...EVERY_ELEMENT, parentsFirst: true }))).toEqual([
        'One',
        'Two',
        'Three',
        'Four',
        'Five',
      ]);
      // A page walk leaves the menu out: the grid's three cards come first among the groups of three.
      expect(ids(largestLikeGroup(body, { minItems: 3, parentsFirst: true }))).toEqual(['Oak', 'Pine', 'Elm']);
      // Children first: the box's rows are the last group of three, the grid's cards the first.
      expect(ids(largestLikeGroup(body, { minItems: 3 }))).toEqual(['Oak', 'Pine', 'Elm']);
      expect(largestLikeGroup(body, { minItems: 6 })).toEqual([]);
    } finally {
      page.close();
    }
  });

  it('goes no deeper than maxDepth (a page walk: 200 levels)', async () => {
    const nested = `${'<div>'.repeat(250)}<p class="row">a</p><p class="row">b</p><p class="row">c</p>${'</div>'.repeat(250)}`;
    const page = await parseHtml(`<html><body>${nested}</body></html>`, engine, null, []);
    try {
      const body = page.document.body;
      expect(likeSiblingGroups(body, { minItems: 3 })).toEqual([]);
      expect(likeSiblingGroups(body, { minItems: 3, maxDepth: 250 }).map((g) => ids(g.items))).toEqual([
        ['a', 'b', 'c'],
      ]);
      expect(likeSiblingGroups(body, { minItems: 3, ...EVERY_ELEMENT }).map((g) => ids(g.items))).toEqual([
        ['a', 'b', 'c'],
      ]);
    } finally {
      page.close();
    }
  });

  it('the siblings like one element: its parent’s children of its shape, itself among them', async () => {
    const page = await parseHtml(PAGE, engine, null, []);
    try {
      const pine = page.document.querySelector('.card-3')!;
      expect(ids(likeSiblings(pine))).toEqual(['Oak', 'Pine', 'Elm']);
      expect(ids(likeSiblings(page.document.querySelector('.sale')!))).toEqual(['Ash']);
      expect(likeSiblings(page.document.documentElement)).toEqual([page.document.documentElement]);
    } finally {
      page.close();
    }
  });
});

describe('heading tags', () => {
  it('are h1 to h6 in order, lower case', () => {
    expect([...HEADING_TAGS]).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
    expect(HEADING_TAGS.has('H2')).toBe(false);
    expect(HEADING_TAGS.has('header')).toBe(false);
  });
});
