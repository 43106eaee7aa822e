import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadSiteRules, siteRulesFor, validateSiteRules } from './site-rules.js';

describe('per-site rules', () => {
  it('loads rules from JSON text and from a file, and finds them for a host and its subdomains', async () => {
    const json =
      '{"disabledCategories": ["caption"], "sites": {"www.Example.org": {"remove": [".promo"], "keep": ["figure"], "content": "main .body"}}}';
    const fromText = await loadSiteRules(json);
    expect(fromText.disabledCategories).toEqual(['caption']);
    expect(siteRulesFor(fromText, 'news.example.org')).toEqual({
      host: 'example.org',
      remove: ['.promo'],
      keep: ['figure'],
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
});
