import { describe, expect, it } from 'vitest';

import { ingestError } from './errors.js';
import { interruptedBatch } from './results.js';

describe('interruptedBatch', () => {
  it('lists only the source, failed with the error, every other count zero, the batch interrupted', () => {
    const error = ingestError('ingest.interrupted', 'stopped while reading');
    const result = interruptedBatch('-', error);
    expect(result).toMatchObject({
      files: [{ source: '-', id: null, outcome: 'failed', error: { code: 'ingest.interrupted', kind: 'interrupted' } }],
      failed: [{ source: '-', code: 'ingest.interrupted', error: 'stopped while reading' }],
      skipped: [],
      interrupted: true,
    });
    const { files, failed, ...others } = result.counts;
    expect([files, failed]).toEqual([1, 1]);
    expect(Object.values(others).every((count) => count === 0)).toBe(true);
  });
});
