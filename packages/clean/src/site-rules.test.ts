import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import {
  addSiteRule,
  listSiteRules,
  loadSiteRules,
  removeSiteRule,
  siteRuleId,
  siteRulesFor,
  siteRulesHash,
  validateSiteRules,
} from './site-rules.js';

describe('per-site rules', () => {
  it('loads rules from JSON text and from a file, and finds them for a host and its subdomains', async () => {
    const json =
      '{"disabledCategories": ["caption"], "sites": {"www.Example.org": {"remove": [".promo"], "keep": ["figure"], "content": "main .body"}}}';
    const fromText = await loadSiteRules(json);
    expect(fromText.disabledCategories).toEqual(['caption']);
    expect(siteRulesFor(fromText, 'news.example.org')).toEqual({
      host: 'example.org',
      remove: [{ id: siteRuleId('example.org', 'remove', { selector: '.promo' }), selector: '.promo' }],
      keep: [{ id: siteRuleId('example.org', 'keep', { selector: 'figure' }), selector: 'figure' }],
      removeText: [],
      keepText: [],
      content: 'main .body',
    });
    expect(siteRulesFor(fromText, 'example.com')).toBeNull();
    const dir = await mkdtemp(join(tmpdir(), 'corpuskit-rules-'));
    try {
      await writeFile(join(dir, 'rules.json'), json);
      expect(await loadSiteRules(join(dir, 'rules.json'))).toEqual(fromText);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file and the problem for bad rules', async () => {
    await expect(loadSiteRules('/nonexistent/rules.json')).rejects.toMatchObject({
      code: 'clean.bad-rules',
      subject: '/nonexistent/rules.json',
    });
    await expect(loadSiteRules('{"sites": ')).rejects.toThrow(/not valid JSON/);
    expect(() => validateSiteRules({ sites: { 'a.org': { remove: '.x' } } })).toThrow(
      'sites.a.org.remove must be a list',
    );
    expect(() => validateSiteRules({ sites: { 'a.org': { drop: ['.x'] } } })).toThrow("unknown key 'drop'");
    expect(() => validateSiteRules({ sites: { 'a.org': { remove: ['div[class="x"'] } } })).toThrow(
      'not a valid CSS selector',
    );
    expect(() => validateSiteRules({ disabledCategories: ['memes'] })).toThrow("unknown category or rule 'memes'");
    expect(() => validateSiteRules({ site: {} })).toThrow("unknown key 'site'");
    expect(() => validateSiteRules([])).toThrow('JSON object');
  });

  it('gives every rule an id (its own, or one derived from the rule) and refuses bad patterns and twice-used ids', () => {
    const rules = validateSiteRules({
      sites: {
        'a.org': {
          remove: ['.promo', { id: 'no-shop', text: '^visit our shop', note: 'shop teaser' }],
          keep: [{ selector: 'figure.chart' }],
        },
      },
    });
    expect(listSiteRules(rules)).toEqual([
      {
        id: siteRuleId('a.org', 'remove', { selector: '.promo' }),
        site: 'a.org',
        action: 'remove',
        selector: '.promo',
      },
      { id: 'no-shop', site: 'a.org', action: 'remove', text: '^visit our shop', note: 'shop teaser' },
      {
        id: siteRuleId('a.org', 'keep', { selector: 'figure.chart' }),
        site: 'a.org',
        action: 'keep',
        selector: 'figure.chart',
      },
    ]);
    // The derived id depends on the site, the action and the rule, and nothing else.
    expect(siteRuleId('www.A.org', 'remove', { selector: ' .promo ' })).toBe(
      siteRuleId('a.org', 'remove', { selector: '.promo' }),
    );
    expect(siteRuleId('a.org', 'keep', { selector: '.promo' })).not.toBe(
      siteRuleId('a.org', 'remove', { selector: '.promo' }),
    );
    expect(() => validateSiteRules({ sites: { 'a.org': { remove: [{ text: '(unclosed' }] } } })).toThrow(
      /sites\.a\.org\.remove\[0\]: '\(unclosed' is not a valid text pattern/,
    );
    expect(() => validateSiteRules({ sites: { 'a.org': { remove: [{ selector: '.a', text: 'b' }] } } })).toThrow(
      'exactly one of',
    );
    expect(() =>
      validateSiteRules({
        sites: { 'a.org': { remove: [{ id: 'x', text: 'a' }] }, 'b.org': { keep: [{ id: 'x', text: 'b' }] } },
      }),
    ).toThrow("rule id 'x' is used twice");
    expect(siteRulesHash(rules)).toMatch(/^[0-9a-f]{64}$/);
    expect(siteRulesHash(validateSiteRules({ sites: { 'a.org': { remove: ['.other'] } } }))).not.toBe(
      siteRulesHash(rules),
    );
  });
});

const PARAGRAPHS = [
  'The harbour board met on Tuesday to agree the plans for the new ferry terminal on the east side of the bay.',
  'Work on the terminal starts next spring and should take two years, the board said after the meeting.',
  'Ferries will keep running from the old pier until the terminal opens, with a shuttle bus from the station.',
  'The board expects more passengers each summer and wants room for larger boats at the new quay.',
];

function page(extra: string): string {
  const body = PARAGRAPHS.map((text, i) => (i === 2 ? `${extra}<p>${text}</p>` : `<p>${text}</p>`)).join('');
  return `<!doctype html><html lang="en"><head><title>Ferry terminal</title></head><body><div id="main"><article class="story"><h1>Ferry terminal</h1>${body}</article></div></body></html>`;
}

describe('per-site rules in clean', () => {
  const html = page(
    '<div class="cafe-box"><p>The harbour café opens at nine on weekdays and at ten on Sundays.</p></div><p class="note">Read more: the old pier at one hundred.</p>',
  );

  it('removes by selector and by text pattern, naming the rule id and the element in each removal', async () => {
    const rules = {
      sites: { 'harbour.example': { remove: ['div.cafe-box', { id: 'read-more', text: '^read more:' }] } },
    };
    const document = await clean(html, { url: 'https://www.harbour.example/ferry', siteRules: rules });
    expect(document.text).not.toContain('harbour café');
    expect(document.text).not.toContain('Read more:');
    const bySelector = document.removed.find((removal) => removal.text.includes('harbour café'));
    expect(bySelector).toMatchObject({
      category: 'site-rule',
      rule: 'site-rule/remove',
      siteRule: siteRuleId('harbour.example', 'remove', { selector: 'div.cafe-box' }),
      selector: 'div#main > article.story > div.cafe-box',
    });
    const byText = document.removed.find((removal) => removal.text.startsWith('Read more:'));
    expect(byText).toMatchObject({ category: 'site-rule', rule: 'site-rule/text', siteRule: 'read-more' });
    expect(byText?.selector).toMatch(/p\.note$/);
    expect(document.provenance.siteRules).toBe(siteRulesHash(validateSiteRules(rules)));
    // Another site's page is untouched, and records the same rules hash (the file it was cleaned with).
    const other = await clean(html, { url: 'https://elsewhere.example/ferry', siteRules: rules });
    expect(other.text).toContain('harbour café');
    expect(other.removed.some((removal) => removal.siteRule !== undefined)).toBe(false);
    // Without rules there is no hash in provenance.
    expect((await clean(html, { url: 'https://www.harbour.example/ferry' })).provenance.siteRules).toBeUndefined();
  });

  it('finds the site by the canonical URL when the page has no web URL (a saved file)', async () => {
    const rules = { sites: { 'harbour.example': { remove: ['div.cafe-box'] } } };
    const saved = html.replace('<title>', '<link rel="canonical" href="https://www.harbour.example/ferry"><title>');
    for (const url of [undefined, 'file:///home/reader/saved/ferry.html']) {
      const document = await clean(saved, { url, siteRules: rules });
      expect(document.text).toContain('Read more: the old pier');
      expect(document.text).not.toContain('harbour café');
      expect(document.removed.find((removal) => removal.text.includes('harbour café'))?.rule).toBe('site-rule/remove');
    }
    // Without the canonical link nothing names the site.
    expect((await clean(html, { url: 'file:///home/reader/saved/ferry.html', siteRules: rules })).text).toContain(
      'harbour café',
    );
  });

  it('keeps what a keep rule names, by selector or by text, against the rule pack', async () => {
    const shareHtml = page('<div class="sharedaddy"><p>Spread the word about this story</p></div>');
    const without = await clean(shareHtml, { url: 'https://harbour.example/a' });
    expect(without.text).not.toContain('Spread the word');
    for (const keep of [['div.sharedaddy'], [{ text: 'spread the word' }]]) {
      const kept = await clean(shareHtml, {
        url: 'https://harbour.example/a',
        siteRules: { sites: { 'harbour.example': { keep } } },
      });
      expect(kept.text).toContain('Spread the word about this story');
    }
  });

  it('records the element path of every kept block, aligned with the text blocks', async () => {
    const document = await clean(html, { url: 'https://harbour.example/ferry' });
    const blocks = document.text.split('\n\n');
    expect(document.blockSelectors).toHaveLength(blocks.length);
    const i = blocks.findIndex((block) => block.startsWith('Ferries will keep running'));
    expect(document.blockSelectors?.[i]).toMatch(/(?:^|> )p$/);
  });

  it('refuses rules that do not check, naming the page', async () => {
    await expect(
      clean(html, { source: 'ferry.html', siteRules: { sites: { 'a.org': { remove: [{ text: '[' }] } } } }),
    ).rejects.toMatchObject({ code: 'clean.bad-rules', subject: 'ferry.html' });
  });
});

describe('editing a rules file', () => {
  it('adds rules with ids, refuses the same rule twice, and removes by id or unique prefix', () => {
    const start = validateSiteRules({ sites: { 'a.org': { remove: ['.old'], content: 'main' } } });
    const { rules: one, rule } = addSiteRule(start, {
      site: 'www.A.org',
      action: 'remove',
      selector: ' aside.promo ',
      note: 'shop teaser',
      by: 'ana',
    });
    expect(rule).toEqual({
      id: siteRuleId('a.org', 'remove', { selector: 'aside.promo' }),
      site: 'a.org',
      action: 'remove',
      selector: 'aside.promo',
      note: 'shop teaser',
      by: 'ana',
    });
    expect(start.sites?.['a.org']?.remove).toEqual(['.old']);
    expect(() => addSiteRule(one, { site: 'a.org', action: 'remove', selector: 'aside.promo' })).toThrow(
      expect.objectContaining({ code: 'clean.rule-exists' }),
    );
    const { rules: two, rule: text } = addSiteRule(one, { site: 'b.org', action: 'keep', text: '^chart:' });
    expect(listSiteRules(two).map((listed) => listed.id)).toEqual([
      siteRuleId('a.org', 'remove', { selector: '.old' }),
      rule.id,
      text.id,
    ]);
    expect(() => addSiteRule(two, { site: 'b.org', action: 'keep', text: '(' })).toThrow('not a valid text pattern');
    const { rules: three, rule: removed } = removeSiteRule(two, text.id.slice(0, 5));
    expect(removed.id).toBe(text.id);
    expect(three.sites?.['b.org']).toBeUndefined();
    // A site keeps its content selector when its last rule goes.
    const { rules: four } = removeSiteRule(
      removeSiteRule(three, rule.id).rules,
      siteRuleId('a.org', 'remove', { selector: '.old' }),
    );
    expect(four.sites).toEqual({ 'a.org': { content: 'main' } });
    expect(() => removeSiteRule(four, 'nope')).toThrow(expect.objectContaining({ code: 'clean.no-such-rule' }));
  });
});
