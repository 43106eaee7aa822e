// Multinomial logistic regression (softmax) with L2, trained by full-batch Adam from zero
// weights: no randomness, so the same rows give the same weights. Small and dependency-free:
// the page-type data is ~1,400 rows of a few hundred features.

/** Standardisation of each column: mean and scale (standard deviation, 1 when constant). */
export function standardise(rows) {
  const n = rows.length;
  const d = rows[0].length;
  const mean = new Array(d).fill(0);
  const scale = new Array(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  for (const r of rows) for (let j = 0; j < d; j++) scale[j] += (r[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
  return { mean, scale };
}

/**
 * @param {number[][]} rows feature rows
 * @param {number[]} y class index per row
 * @param {number} k number of classes
 * @param {{ l2: number, iterations: number, learningRate: number }} options
 * @param {number[] | null} [weights] weight of each row in the loss (1 each when null)
 */
export function trainSoftmax(rows, y, k, { l2, iterations, learningRate }, weights = null) {
  const n = rows.length;
  const weightOf = weights ?? new Array(n).fill(1);
  const total = weightOf.reduce((a, w) => a + w, 0);
  const d = rows[0].length;
  const { mean, scale } = standardise(rows);
  const X = rows.map((r) => Float64Array.from(r, (v, j) => (v - mean[j]) / scale[j]));
  const W = Array.from({ length: k }, () => new Float64Array(d));
  const b = new Float64Array(k);
  const mW = Array.from({ length: k }, () => new Float64Array(d));
  const vW = Array.from({ length: k }, () => new Float64Array(d));
  const mb = new Float64Array(k);
  const vb = new Float64Array(k);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const gW = Array.from({ length: k }, () => new Float64Array(d));
  const gb = new Float64Array(k);
  const z = new Float64Array(k);
  for (let it = 1; it <= iterations; it++) {
    for (let c = 0; c < k; c++) {
      gW[c].fill(0);
      gb[c] = 0;
    }
    for (let i = 0; i < n; i++) {
      const x = X[i];
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = b[c];
        const w = W[c];
        for (let j = 0; j < d; j++) s += w[j] * x[j];
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (let c = 0; c < k; c++) {
        const g = weightOf[i] * (z[c] / sum - (y[i] === c ? 1 : 0));
        if (g === 0) continue;
        const gw = gW[c];
        for (let j = 0; j < d; j++) gw[j] += g * x[j];
        gb[c] += g;
      }
    }
    const lr = learningRate;
    const c1 = 1 - beta1 ** it;
    const c2 = 1 - beta2 ** it;
    for (let c = 0; c < k; c++) {
      const w = W[c];
      const gw = gW[c];
      const m = mW[c];
      const v = vW[c];
      for (let j = 0; j < d; j++) {
        const g = gw[j] / total + l2 * w[j];
        m[j] = beta1 * m[j] + (1 - beta1) * g;
        v[j] = beta2 * v[j] + (1 - beta2) * g * g;
        w[j] -= (lr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + eps);
      }
      const g = gb[c] / total;
      mb[c] = beta1 * mb[c] + (1 - beta1) * g;
      vb[c] = beta2 * vb[c] + (1 - beta2) * g * g;
      b[c] -= (lr * (mb[c] / c1)) / (Math.sqrt(vb[c] / c2) + eps);
    }
  }
  return { mean, scale, weights: W.map((w) => Array.from(w)), bias: Array.from(b) };
}

/** Class probabilities of a model object ({ mean, scale, weights, bias }) for one row. */
export function softmaxPredict(model, row) {
  const z = model.weights.map((w, c) => {
    let s = model.bias[c];
    for (let j = 0; j < w.length; j++) s += (w[j] * (row[j] - model.mean[j])) / model.scale[j];
    return s;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / sum);
}
