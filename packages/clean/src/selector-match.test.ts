import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { compileGroups, matchGroups } from './selector-match.js';

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
});
