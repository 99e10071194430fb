// Small dense-matrix arithmetic for the chapter 6 toy widgets. The toys have at most a handful of rows and
// columns, so plain nested arrays keep every intermediate easy to show in a table; no hot path lives here.
import { softmaxWithTemperature } from '../../../engine/softmax.ts';

/** A matrix as rows of numbers (row-major, every row the same length). */
export type Matrix = number[][];

/** Rows and columns of a matrix; an empty matrix has 0 columns. */
export function shapeOf(m: Matrix): [number, number] {
  return [m.length, m.length === 0 ? 0 : m[0].length];
}

/** Matrix product. a: [n, k], b: [k, m] -> [n, m] */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const [n, k] = shapeOf(a);
  const [k2, m] = shapeOf(b);
  if (k !== k2) throw new Error(`cannot multiply a ${n}×${k} matrix by a ${k2}×${m} matrix`);
  return a.map((row) => Array.from({ length: m }, (_, j) => {
    let sum = 0;
    for (let t = 0; t < k; t++) sum += row[t] * b[t][j];
    return sum;
  }));
}

/** Transpose. m: [n, k] -> [k, n] */
export function transpose(m: Matrix): Matrix {
  const [n, k] = shapeOf(m);
  return Array.from({ length: k }, (_, j) => Array.from({ length: n }, (_, i) => m[i][j]));
}

/** Multiplies every entry by a number. m: [n, k] -> [n, k] */
export function scaleMatrix(m: Matrix, factor: number): Matrix {
  return m.map((row) => row.map((x) => x * factor));
}

/** Entry-wise sum of two matrices of the same shape. a, b: [n, k] -> [n, k] */
export function addMatrices(a: Matrix, b: Matrix): Matrix {
  return a.map((row, i) => row.map((x, j) => x + b[i][j]));
}

/** The causal mask: 0 where key j ≤ query i, −∞ where the key comes later. -> [n, n] */
export function causalMask(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j <= i ? 0 : -Infinity)));
}

/**
 * Softmax of each row on its own (rows are queries, so each query's weights over the keys sum to 1).
 * −∞ entries (masked keys) get weight exactly 0. scores: [n, m] -> [n, m]
 */
export function rowSoftmax(scores: Matrix): Matrix {
  return scores.map((row) => {
    const open = row.map((s, j) => (s === -Infinity ? -1 : j)).filter((j) => j >= 0);
    const probs = softmaxWithTemperature(open.map((j) => row[j]), 1).probs;
    const out = row.map(() => 0);
    open.forEach((j, t) => (out[j] = probs[t]));
    return out;
  });
}

/** Frobenius norm of S − Sᵀ: 0 exactly when the square matrix is symmetric. s: [n, n] -> scalar */
export function asymmetry(s: Matrix): number {
  let sum = 0;
  for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) sum += (s[i][j] - s[j][i]) ** 2;
  return Math.sqrt(sum);
}

/** Dot product of two equal-length rows. a, b: [k] -> scalar */
export function dotRows(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 0; t < a.length; t++) sum += a[t] * b[t];
  return sum;
}

/** True when every entry is a finite number and all rows have the same length. */
export function isWellFormed(m: Matrix): boolean {
  return m.length > 0 && m.every((row) => row.length === m[0].length && row.every((x) => typeof x === 'number' && Number.isFinite(x)));
}
