import { ERROR_KINDS, EXIT_CODES } from '@corpuskit/document';
import { describe, expect, it } from 'vitest';

import { exitCodesLine } from './exit-codes.js';

describe('exitCodesLine', () => {
  it('lists the exit code of every error kind, 0, 1 and a second SIGTERM, each once and in order', () => {
    const listed = [...exitCodesLine().matchAll(/(?:: |, )(\d+) /g)].map((match) => Number(match[1]));
    const expected = [...new Set([0, 1, ...ERROR_KINDS.map((kind) => EXIT_CODES[kind]), 143])].sort((a, b) => a - b);
    expect(listed).toEqual(expected);
  });

  it('lists only the codes asked for, in the same order', () => {
    expect(exitCodesLine([130, 2, 0])).toBe(
      'Exit codes: 0 ok, 2 usage or input error, 130 interrupted (Ctrl-C or SIGTERM).',
    );
  });
});
