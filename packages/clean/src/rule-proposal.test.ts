import { describe, expect, it } from 'vitest';

import { proposeSiteRule, selectorCandidates, textPatternFor } from './rule-proposal.js';
import { compileTextPattern } from './site-rules.js';

describe('rule proposals from a block', () => {
  it('proposes the element itself when it names itself, then under each named ancestor', () => {
    expect(selectorCandidates('div#main > article.story > div.cafe-box')).toEqual([
      'div.cafe-box',
      'article.story div.cafe-box',
      'article.story > div.cafe-box',
      'div#main div.cafe-box',
      'div#main > article.story > div.cafe-box',
    ]);
    expect(selectorCandidates('article.story > div > p')).toEqual(['article.story p', 'article.story > div > p']);
    expect(selectorCandidates('div > p')).toEqual([]);
  });

  it('proposes a text pattern that matches the block and is anchored at its start', () => {
    const short = 'Read more: the (old) pier at 100 $';
    const pattern = textPatternFor(short);
    expect(compileTextPattern(pattern, 'test').test(short)).toBe(true);
    expect(compileTextPattern(pattern, 'test').test(`Before. ${short}`)).toBe(false);
    const long = `The harbour café opens at nine on weekdays and at ten on Sundays, and ${'later '.repeat(20)}`;
    const longPattern = textPatternFor(long);
    expect(longPattern.length).toBeLessThan(70);
    expect(compileTextPattern(longPattern, 'test').test(long.trim())).toBe(true);
  });

  it('keeps a removed block and removes a kept one, leading with a selector only when the element has a name', () => {
    expect(
      proposeSiteRule({
        host: 'www.Harbour.example',
        text: 'Café hours',
        selector: 'article > div.cafe-box',
        removed: true,
      }),
    ).toEqual({
      site: 'harbour.example',
      action: 'keep',
      kind: 'selector',
      selectors: ['div.cafe-box'],
      text: '^Café hours$',
    });
    const kept = proposeSiteRule({
      host: 'harbour.example',
      text: 'A paragraph',
      selector: 'article.story > p',
      removed: false,
    });
    expect(kept).toMatchObject({ action: 'remove', kind: 'text', selectors: ['article.story p', 'article.story > p'] });
    expect(proposeSiteRule({ host: 'harbour.example', text: 'Plain text', removed: false })).toMatchObject({
      kind: 'text',
      selectors: [],
    });
  });
});
