import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { canonicalJson, canonicalJsonReference } from './canonical-json.js';
import { CorpusKitError } from './errors.js';
import { hashValue, sha256 } from './hash.js';

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, seed));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const rotated = entries.slice(seed % (entries.length || 1)).concat(entries.slice(0, seed % (entries.length || 1)));
    return Object.fromEntries(rotated.reverse().map(([key, item]) => [key, shuffleKeys(item, seed + 1)]));
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: 0, y: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":0,"z":0}}',
    );
  });

  it('orders keys by UTF-16 code units, not locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '\u{1F600}': 4, '\uFF5E': 5 })).toBe(
      '{"Z":3,"z":2,"é":1,"\u{1F600}":4,"\uFF5E":5}',
    );
  });

  it('rejects values JSON cannot represent faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(CorpusKitError);
    expect(() => canonicalJson(Infinity)).toThrow(/non-finite/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('round-trips through JSON.parse to an equal value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is independent of key insertion order, so equal records hash equal (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(10), (value, seed) => {
        const shuffled = shuffleKeys(value, seed);
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
        expect(hashValue(shuffled)).toBe(hashValue(value));
      }),
    );
  });
});

describe('sha256', () => {
  it('matches the published test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256('abc'));
  });

  it('hashes strings as UTF-8', () => {
    expect(sha256('é')).toBe(sha256(new Uint8Array([0xc3, 0xa9])));
  });
});

describe('canonicalJson fast path', () => {
  it('writes exactly what the reference writer writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (json, anything) => {
        expect(canonicalJson(json)).toBe(canonicalJsonReference(json));
        let expected: string | Error;
        try {
          expected = canonicalJsonReference(anything);
        } catch (error) {
          expected = error as Error;
        }
        if (typeof expected === 'string') expect(canonicalJson(anything)).toBe(expected);
        else expect(() => canonicalJson(anything)).toThrow(expected.message);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps code-unit order for array-index keys, __proto__ and toJSON objects', () => {
    const cases: unknown[] = [
      { b: 1, 10: 2, 9: 3, a: 4 },
      JSON.parse('{"__proto__":{"x":1},"a":2}'),
      { when: new Date(0), n: -0, list: [undefined, 1] },
      {
        custom: new (class {
          z = 1;
          toJSON(): string {
            return 'ignored by canonical JSON';
          }
        })(),
      },
    ];
    for (const value of cases) expect(canonicalJson(value)).toBe(canonicalJsonReference(value));
    expect(canonicalJson({ b: 1, 10: 2, 9: 3 })).toBe('{"10":2,"9":3,"b":1}');
  });
});
