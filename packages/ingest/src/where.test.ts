import { describe, expect, it } from 'vitest';

import type { ReviewItem } from './review-item.js';
import { matchesWhere, parseWhere, whereNeedsRecords } from './where.js';

function item(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    id: 'https://www.example.com/a',
    hash: '0123456789ab',
    change: 'new',
    state: 'pending',
    title: 'Harbour pier opens',
    site: 'www.example.com',
    status: 'ok',
    language: 'en-GB',
    publishedAt: '2024-03-15T10:00:00Z',
    stagedAt: '2026-01-02T00:00:00Z',
    findings: [],
    flags: [],
    chars: 100,
    removedChars: 0,
    note: null,
    decidedBy: null,
    contentHash: null,
    ...overrides,
  };
}

const near = { kind: 'near' as const, other: 'https://other.example/b', similarity: 0.93 };

describe('parseWhere / matchesWhere', () => {
  it('bare words and key:value terms all hold', () => {
    const filter = parseWhere('pending no-findings site:example.com');
    expect(matchesWhere(filter, item())).toBe(true);
    expect(matchesWhere(filter, item({ state: 'accepted' }))).toBe(false);
    expect(matchesWhere(filter, item({ findings: [near], flags: ['near-duplicate'] }))).toBe(false);
    expect(matchesWhere(filter, item({ id: 'https://example.org/a', site: 'example.org' }))).toBe(false);
  });

  it('several values are any of them; a leading - or ! negates', () => {
    const kinds = parseWhere('finding:exact,near');
    expect(matchesWhere(kinds, item({ findings: [near] }))).toBe(true);
    expect(matchesWhere(kinds, item({ findings: [{ ...near, kind: 'revision' }] }))).toBe(false);
    expect(matchesWhere(parseWhere('-suspect'), item({ flags: ['suspect'], status: 'suspect' }))).toBe(false);
    expect(matchesWhere(parseWhere('!state:rejected'), item())).toBe(true);
    expect(matchesWhere(parseWhere('flag:duplicate'), item({ flags: ['exact-duplicate'] }))).toBe(true);
  });

  it('site matches subdomains and ignores www.; lang matches regional variants', () => {
    expect(matchesWhere(parseWhere('site:www.example.com'), item({ site: 'example.com' }))).toBe(true);
    expect(matchesWhere(parseWhere('site:example.com'), item({ site: 'news.example.com' }))).toBe(true);
    expect(matchesWhere(parseWhere('site:ample.com'), item())).toBe(false);
    expect(matchesWhere(parseWhere('lang:en'), item())).toBe(true);
    expect(matchesWhere(parseWhere('lang:de'), item())).toBe(false);
  });

  it('date ranges with open ends and partial dates', () => {
    expect(matchesWhere(parseWhere('published:2024-03'), item())).toBe(true);
    expect(matchesWhere(parseWhere('published:2024-01..2024-02'), item())).toBe(false);
    expect(matchesWhere(parseWhere('published:2024-03-15..'), item())).toBe(true);
    expect(matchesWhere(parseWhere('published:..2024-03-14'), item())).toBe(false);
    expect(matchesWhere(parseWhere('published:2024'), item({ publishedAt: null }))).toBe(false);
    expect(matchesWhere(parseWhere('staged:2026'), item())).toBe(true);
  });

  it('page type, status, title and repeated expressions', () => {
    expect(matchesWhere(parseWhere('type:not-article'), item({ status: 'not-article' }))).toBe(true);
    expect(matchesWhere(parseWhere('type:article'), item({ status: 'not-article' }))).toBe(false);
    expect(matchesWhere(parseWhere('type:article'), item({ status: null, change: 'remove' }))).toBe(false);
    expect(matchesWhere(parseWhere('title:"pier opens"'), item())).toBe(true);
    expect(matchesWhere(parseWhere(['pending', 'kind:update']), item())).toBe(false);
    expect(parseWhere(['pending', 'kind:update']).source).toBe('pending kind:update');
  });

  it('bad terms are usage errors naming the term', () => {
    expect(() => parseWhere('colour:red')).toThrow(/unknown key 'colour'/);
    expect(() => parseWhere('state:maybe')).toThrow(/state is one of pending, accepted, rejected \(got 'maybe'\)/);
    expect(() => parseWhere('published:March')).toThrow(/dates are YYYY/);
    expect(() => parseWhere('frobnicate')).toThrow(/unknown term 'frobnicate'/);
    expect(() => parseWhere('site:')).toThrow(/has no value/);
  });

  it('says when records must be read', () => {
    expect(whereNeedsRecords(parseWhere('pending site:example.com no-findings'))).toBe(false);
    expect(whereNeedsRecords(parseWhere('lang:en'))).toBe(true);
    expect(whereNeedsRecords(parseWhere('suspect'))).toBe(true);
  });

  it('page:TYPE matches the page type; the records scope refuses the queue keys', () => {
    expect(matchesWhere(parseWhere('page:forum'), item({ pageType: 'forum' }))).toBe(true);
    expect(matchesWhere(parseWhere('page:forum'), item({ pageType: 'article' }))).toBe(false);
    expect(matchesWhere(parseWhere('-page:forum'), item())).toBe(true);
    expect(() => parseWhere('page:blog')).toThrow(/page is one of article, forum/);
    for (const term of ['pending', 'state:accepted', 'kind:update', 'staged:2026']) {
      expect(() => parseWhere(term, { scope: 'records' })).toThrow(/about the review queue/);
    }
    const subject = { ...item(), state: undefined, change: undefined, stagedAt: undefined };
    expect(matchesWhere(parseWhere('site:example.com lang:en', { scope: 'records' }), subject)).toBe(true);
  });
});
