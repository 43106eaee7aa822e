import { describe, expect, it } from 'vitest';

import { idHash } from './review-item.js';
import { resolveShortIds, resolveShortIdsOrThrow, shortHashLength } from './short-ids.js';

const IDS = ['https://a.example/one', 'https://a.example/two', 'https://b.example/three'];

describe('short ids', () => {
  it('resolves full ids, unique id prefixes and unique hash prefixes', () => {
    const hash = idHash(IDS[2]!);
    const { ids, problems } = resolveShortIds([IDS[0]!, 'https://a.example/t', hash.slice(0, 5)], IDS);
    expect(problems).toEqual([]);
    expect(ids).toEqual([IDS[0], IDS[1], IDS[2]]);
  });

  it('reports ambiguous and unknown arguments, each by name', () => {
    const { ids, problems } = resolveShortIds(['https://a.example/', 'nothing'], IDS);
    expect(ids).toEqual([]);
    expect(problems).toEqual([
      { arg: 'https://a.example/', code: 'ambiguous', candidates: [IDS[0], IDS[1]] },
      { arg: 'nothing', code: 'unknown', candidates: [] },
    ]);
    expect(() => resolveShortIdsOrThrow(['https://a.example/'], IDS, 'here')).toThrow(/ambiguous here/);
    expect(() => resolveShortIdsOrThrow(['zz'], IDS, 'here')).toThrow(/'zz' names no document here/);
  });

  it('needs 4 hex digits for a hash prefix and keeps listed hashes unique', () => {
    const hash = idHash(IDS[0]!);
    expect(resolveShortIds([hash.slice(0, 3)], IDS).ids).toEqual([]);
    const many = Array.from({ length: 5000 }, (_, i) => `https://c.example/${i}`);
    const length = shortHashLength(many);
    expect(length).toBeGreaterThanOrEqual(7);
    expect(new Set(many.map((id) => idHash(id).slice(0, length))).size).toBe(many.length);
  });
});

describe('keepUnknown', () => {
  it('passes unknown arguments through in order and still refuses ambiguous ones', () => {
    const hash = idHash(IDS[1]!).slice(0, 6);
    expect(resolveShortIdsOrThrow(['https://x.example/', hash], IDS, 'here', { keepUnknown: true })).toEqual([
      'https://x.example/',
      IDS[1],
    ]);
    expect(() => resolveShortIdsOrThrow(['https://a.example/'], IDS, 'here', { keepUnknown: true })).toThrow(
      /ambiguous/,
    );
  });
});
