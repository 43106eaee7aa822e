/**
 * The LSH S-curve: with `bands` bands of `rows` rows, two documents of Jaccard similarity `s`
 * share at least one band (become candidates) with probability `1 - (1 - s^rows)^bands`.
 */
export interface SCurve {
  bands: number;
  rows: number;
  /** The similarity the curve is read at (the verification threshold). */
  threshold: number;
  /** Probability that a pair exactly at `threshold` becomes a candidate. */
  probabilityAtThreshold: number;
  /** Similarity at which the probability is one half, about `(1/bands)^(1/rows)`. */
  midpoint: number;
  /** The curve at similarities 0, 0.05, ..., 1. */
  points: Array<{ similarity: number; probability: number }>;
}

/** Probability that a pair of Jaccard similarity `similarity` shares at least one band. */
export function candidateProbability(similarity: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
}

export function sCurve(bands: number, rows: number, threshold = 0.8): SCurve {
  const points: SCurve['points'] = [];
  for (let i = 0; i <= 20; i++) {
    const similarity = i / 20;
    points.push({ similarity, probability: candidateProbability(similarity, bands, rows) });
  }
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (candidateProbability(mid, bands, rows) < 0.5) low = mid;
    else high = mid;
  }
  return {
    bands,
    rows,
    threshold,
    probabilityAtThreshold: candidateProbability(threshold, bands, rows),
    midpoint: (low + high) / 2,
    points,
  };
}

/** A small text rendering: one line per 0.1 of similarity with a bar. */
export function formatSCurve(curve: SCurve): string {
  const lines = [
    `LSH ${curve.bands} bands x ${curve.rows} rows: a pair at Jaccard ${curve.threshold} becomes a candidate with probability ${curve.probabilityAtThreshold.toFixed(3)} (50% at ${curve.midpoint.toFixed(2)})`,
  ];
  for (const point of curve.points) {
    if (Math.round(point.similarity * 20) % 2 !== 0) continue;
    const bar = '#'.repeat(Math.round(point.probability * 40));
    lines.push(`  J=${point.similarity.toFixed(1)}  ${point.probability.toFixed(3)}  ${bar}`);
  }
  return lines.join('\n');
}
