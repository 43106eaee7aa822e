import { hostOf } from '@corpuskit/document';
import type { StagedEntry } from '@corpuskit/store';
import { describe, expect, it } from 'vitest';

import { idHash, reviewItemOf } from './review-item.js';

const ENTRY: StagedEntry = {
  id: 'https://www.news.example/a/1',
  change: 'new',
  state: 'pending',
  record: 'a'.repeat(64),
  contentHash: 'b'.repeat(64),
  raw: null,
  previous: null,
  findings: [{ kind: 'near', other: 'https://www.news.example/a/0', similarity: 0.9, reason: 'shared text' }],
  source: null,
  stagedAt: '2026-01-02T03:04:05Z',
  decision: null,
};

describe('reviewItemOf', () => {
  it('gives the hash and site worked out on first read, the same in JSON and in a copy', () => {
    const item = reviewItemOf(ENTRY);
    expect(item.hash).toBe(idHash(ENTRY.id));
    expect(item.site).toBe(hostOf(ENTRY.id));
    const json = JSON.parse(JSON.stringify(reviewItemOf(ENTRY))) as Record<string, unknown>;
    expect(json.hash).toBe(idHash(ENTRY.id));
    expect(json.site).toBe('www.news.example');
    const copy = { ...reviewItemOf(ENTRY) };
    expect(Object.getOwnPropertyDescriptor(copy, 'site')?.value).toBe('www.news.example');
    expect(Object.keys(copy)).toEqual(Object.keys(json));
    expect(item.flags).toEqual(['near-duplicate']);
  });
});
