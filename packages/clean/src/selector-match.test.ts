import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { compileGroups, insideGroup, matchGroups } from './selector-match.js';

describe.each(['linkedom', 'jsdom'] as const)('matchGroups on %s', (engine) => {
  it('matches the classes of a long class list once each, repeated names too', async () => {
    // Short lists look back for a repeated name; lists of more than 32 names keep a set of them
    // (linkedom gives a class attribute without its repeats, jsdom as written).
    const short = 'a b a';
    const long = `${Array.from({ length: 60 }, (_, i) => `c${i % 50}`).join(' ')} a c5 b a`;
    const page = await parseHtml(
      `<!doctype html><html><body><div id="s" class="${short}"></div><div id="l" class="${long}"></div><p id="n" class="${long.replace(/\ba\b/g, 'x')}"></p></body></html>`,
      engine,
      null,
      [],
    );
    const compiled = compileGroups([['div.b', '.a'], ['.c5'], ['.c49.a', 'p.x']]);
    const found = matchGroups(page.document.body, compiled).map((hits) =>
      hits.map(({ element, selector }) => `${element.id} ${selector}`),
    );
    expect(found).toEqual([
      ['s div.b', 'l div.b'],
      ['l .c5', 'n .c5'],
      ['l .c49.a', 'n p.x'],
    ]);
    page.close();
  });

  it('reports each group in document order, an element holding another first', async () => {
    // jsdom's matching of a joined list (in quirks mode the rules used it) gave these selector by
    // selector once the list held a substring attribute test.
    for (const doctype of ['<!doctype html>', '']) {
      const page = await parseHtml(
        `${doctype}<html><body><div class="article-comments" id="outer"><div id="comments">View</div></div></body></html>`,
        engine,
        null,
        [],
      );
      const compiled = compileGroups([['#comments', '.article-comments', '[itemtype*="schema.org/Comment"]']]);
      const [hits = []] = matchGroups(page.document.body, compiled);
      expect(hits.map(({ element, selector }) => `${element.id} ${selector}`)).toEqual([
        'outer .article-comments',
        'comments #comments',
      ]);
      page.close();
    }
  });

  it('matches class names ASCII case-insensitively in quirks mode (a page without a doctype), ids as written', async () => {
    const body =
      '<div id="a" class="Share-BOX"></div><div id="b" class="share-box"></div><div id="Promo"></div><div id="c" class="ſhare-box"></div>';
    const compiled = compileGroups([['.share-box'], ['#promo'], ['figure .share-box']]);
    const found = async (doctype: string) => {
      const page = await parseHtml(`${doctype}<html><body>${body}</body></html>`, engine, null, []);
      const quirks = page.document.compatMode === 'BackCompat';
      const ids = matchGroups(page.document.body, compiled).map((hits) => hits.map(({ element }) => element.id));
      const inside = insideGroup(page.document.getElementById('a')!, compiled, 0);
      page.close();
      return { quirks, ids, inside };
    };
    // The long s does not fold to s: only A-Z compare as a-z.
    expect(await found('<!doctype html>')).toEqual({ quirks: false, ids: [['b'], [], []], inside: false });
    // Both engines: linkedom has no quirks mode of its own, the page is given jsdom's.
    expect(await found('')).toEqual({ quirks: true, ids: [['a', 'b'], [], []], inside: true });
    const legacy = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">';
    expect(await found(legacy)).toEqual({ quirks: true, ids: [['a', 'b'], [], []], inside: true });
  });

  it('reports its progress every 1,024 elements', async () => {
    const page = await parseHtml(
      `<!doctype html><html><body>${'<p>x</p>'.repeat(3000)}</body></html>`,
      engine,
      null,
      [],
    );
    let calls = 0;
    matchGroups(page.document.body, compileGroups([['p.y']]), () => (calls += 1));
    expect(calls).toBe(2);
    page.close();
  });
});
