// Types of softmax.mjs, for TypeScript tests.

export interface SoftmaxModel {
  mean: number[];
  scale: number[];
  weights: number[][];
  bias: number[];
}
export function standardise(rows: number[][]): { mean: number[]; scale: number[] };
export function trainSoftmax(
  rows: number[][],
  y: number[],
  k: number,
  options: { l2: number; iterations: number; learningRate: number },
  weights?: number[] | null,
): SoftmaxModel;
export function softmaxPredict(model: SoftmaxModel, row: number[]): number[];
