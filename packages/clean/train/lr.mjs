// Logistic regression over hashed sparse features, trained by full-batch AdaGrad with L2
// regularisation. Deterministic: fixed iteration count, rows in a fixed order, no randomness.

/**
 * @param {Array<{ slots: Int32Array, values: Float64Array, y: number, w: number }>} rows
 * @param {{ dim: number, epochs?: number, rate?: number, l2?: number }} options
 * @returns {Float64Array} weights
 */
export function trainLogistic(rows, { dim, epochs = 60, rate = 0.3, l2 = 1e-4 }) {
  const weights = new Float64Array(dim);
  const squares = new Float64Array(dim).fill(1e-8);
  const grad = new Float64Array(dim);
  const touched = new Uint8Array(dim);
  let totalWeight = 0;
  for (const row of rows) totalWeight += row.w;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    for (const row of rows) {
      let z = 0;
      for (let i = 0; i < row.slots.length; i++) z += weights[row.slots[i]] * row.values[i];
      const p = 1 / (1 + Math.exp(-z));
      const g = ((p - row.y) * row.w) / totalWeight;
      for (let i = 0; i < row.slots.length; i++) {
        grad[row.slots[i]] += g * row.values[i];
        touched[row.slots[i]] = 1;
      }
    }
    for (let j = 0; j < dim; j++) {
      if (!touched[j]) continue;
      const g = grad[j] + l2 * weights[j];
      squares[j] += g * g;
      weights[j] -= (rate * g) / Math.sqrt(squares[j]);
    }
  }
  return weights;
}

export function predict(weights, row) {
  let z = 0;
  for (let i = 0; i < row.slots.length; i++) z += weights[row.slots[i]] * row.values[i];
  return 1 / (1 + Math.exp(-z));
}
