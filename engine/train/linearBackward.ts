/** Backward of an affine layer y = x·W + b (x·W convention, W: [dIn, dOut]). */
import { matmulTransA, matmulTransB } from '../tensor.ts';

let columnAcc = new Float64Array(0);

/** Sums each column over all rows (the bias gradient). dy: [rows, cols] -> out: [cols] (overwritten) */
export function columnSums(dy: Float32Array, rows: number, cols: number, out: Float32Array): Float32Array {
  // Accumulate in doubles (rounded once), matching how the matmul forms weight gradients.
  if (columnAcc.length < cols) columnAcc = new Float64Array(cols);
  const acc = columnAcc;
  acc.fill(0, 0, cols);
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let c = 0; c < cols; c++) acc[c] += dy[o + c];
  }
  for (let c = 0; c < cols; c++) out[c] = acc[c];
  return out;
}

/**
 * Gradients of y = x·W + b: dW = xᵀ·dy, db = column sums of dy, dx = dy·Wᵀ. dW and db are
 * overwritten; dx is skipped when not given (e.g. the first layer's input needs none).
 * dy: [rows, dOut], x: [rows, dIn], W: [dIn, dOut] -> dW: [dIn, dOut], db: [dOut], dx: [rows, dIn]
 */
export function linearBackward(
  dy: Float32Array, x: Float32Array, weight: Float32Array, rows: number, dIn: number, dOut: number,
  dWeight: Float32Array, dBias: Float32Array, dx?: Float32Array,
): Float32Array | undefined {
  matmulTransA(x, dy, dIn, rows, dOut, dWeight);
  columnSums(dy, rows, dOut, dBias);
  if (dx) matmulTransB(dy, weight, rows, dOut, dIn, dx);
  return dx;
}
