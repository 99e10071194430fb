/**
 * Small numeric kernels over row-major Float32Arrays. Each takes its dimensions explicitly and an
 * optional preallocated `out` (which may be the input itself for in-place use), so hot paths can
 * run without allocating. Reductions accumulate in doubles.
 */
export { matmul, matmulTransA, matmulTransB } from './matmul.ts';

/** Layer-norm epsilon (GPT-2). */
export const LAYER_NORM_EPS = 1e-5;

/** Element-wise sum. a, b: [n] -> [n] */
export function add(a: Float32Array, b: Float32Array, out: Float32Array = new Float32Array(a.length)): Float32Array {
  if (b.length !== a.length) throw new RangeError(`add: lengths differ (${a.length} vs ${b.length}).`);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return out;
}

/** Multiplies every element by a constant. x: [n] -> [n] */
export function scale(x: Float32Array, factor: number, out: Float32Array = new Float32Array(x.length)): Float32Array {
  for (let i = 0; i < x.length; i++) out[i] = x[i] * factor;
  return out;
}

/** Adds a bias to every row. x: [rows, cols], bias: [cols] -> [rows, cols] */
export function addBias(x: Float32Array, bias: Float32Array, rows: number, cols: number, out: Float32Array = new Float32Array(rows * cols)): Float32Array {
  for (let r = 0, o = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, o++) out[o] = x[o] + bias[c];
  }
  return out;
}

/**
 * Normalises each row to mean 0 and variance 1 (biased variance, eps inside the root), then
 * applies gain and bias. `mean` and `rstd` [rows], when given, receive the statistics a backward
 * pass needs. x: [rows, cols] -> [rows, cols]
 */
export function layerNorm(
  x: Float32Array, gain: Float32Array, bias: Float32Array, rows: number, cols: number,
  out: Float32Array = new Float32Array(rows * cols), mean?: Float32Array, rstd?: Float32Array,
): Float32Array {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += x[o + c];
    const mu = sum / cols;
    // Two passes: subtracting the mean first keeps the variance accurate for large offsets.
    let squares = 0;
    for (let c = 0; c < cols; c++) {
      const centred = x[o + c] - mu;
      squares += centred * centred;
    }
    const inv = 1 / Math.sqrt(squares / cols + LAYER_NORM_EPS);
    for (let c = 0; c < cols; c++) out[o + c] = (x[o + c] - mu) * inv * gain[c] + bias[c];
    if (mean) mean[r] = mu;
    if (rstd) rstd[r] = inv;
  }
  return out;
}

const GELU_C = Math.sqrt(2 / Math.PI);

/** GELU, tanh approximation as in GPT-2. x: [n] -> [n] */
export function gelu(x: Float32Array, out: Float32Array = new Float32Array(x.length)): Float32Array {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = 0.5 * v * (1 + Math.tanh(GELU_C * (v + 0.044715 * v * v * v)));
  }
  return out;
}

/**
 * Softmax of each row, shifted by the row maximum so exp never overflows. -Infinity entries
 * (masked positions) get probability exactly 0. x: [rows, cols] -> [rows, cols]
 */
export function softmaxRows(x: Float32Array, rows: number, cols: number, out: Float32Array = new Float32Array(rows * cols)): Float32Array {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (x[o + c] > max) max = x[o + c];
    if (max === -Infinity) throw new RangeError(`softmaxRows: row ${r} is entirely masked; it has no probabilities.`);
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = Math.exp(x[o + c] - max);
      out[o + c] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let c = 0; c < cols; c++) out[o + c] *= inv;
  }
  return out;
}

/** Gathers one table row per id. table: [n, d], ids: [T] -> [T, d] */
export function embedding(table: Float32Array, ids: readonly number[], d: number, out: Float32Array = new Float32Array(ids.length * d)): Float32Array {
  const rows = table.length / d;
  for (let t = 0; t < ids.length; t++) {
    const id = ids[t];
    if (!Number.isInteger(id) || id < 0 || id >= rows) throw new RangeError(`embedding: id ${String(id)} at position ${t} is outside 0..${rows - 1}.`);
    out.set(table.subarray(id * d, id * d + d), t * d);
  }
  return out;
}
