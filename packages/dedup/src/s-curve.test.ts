import { describe, expect, it } from 'vitest';

import { resolveOptions } from './options.js';
import { candidateProbability, formatSCurve, sCurve } from './s-curve.js';

describe('sCurve', () => {
  it('reads the default banding at the threshold: 16 x 7 catches J=0.8 at least 97% of the time', () => {
    const options = resolveOptions();
    const curve = sCurve(options.bands, options.rows, options.threshold);
    expect(curve.probabilityAtThreshold).toBeGreaterThanOrEqual(0.97);
    expect(curve.probabilityAtThreshold).toBeCloseTo(0.9769, 3);
    // FineWeb's 14 x 8 for comparison.
    expect(candidateProbability(0.8, 14, 8)).toBeCloseTo(0.9237, 3);
  });

  it('the syndication preset catches its threshold at least 97% of the time', () => {
    const options = resolveOptions({ preset: 'syndication' });
    expect(options.shingleSize).toBe(2);
    expect(sCurve(options.bands, options.rows, options.threshold).probabilityAtThreshold).toBeGreaterThanOrEqual(0.97);
  });

  it('is monotone from 0 to 1 with the midpoint where it crosses one half', () => {
    const curve = sCurve(16, 7);
    expect(curve.points[0]).toEqual({ similarity: 0, probability: 0 });
    expect(curve.points.at(-1)).toEqual({ similarity: 1, probability: 1 });
    for (let i = 1; i < curve.points.length; i++) {
      expect(curve.points[i]!.probability).toBeGreaterThanOrEqual(curve.points[i - 1]!.probability);
    }
    expect(candidateProbability(curve.midpoint, 16, 7)).toBeCloseTo(0.5, 6);
    expect(formatSCurve(curve)).toContain('16 bands x 7 rows');
  });
});
