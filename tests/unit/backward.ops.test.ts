/**
 * Each op's backward rule against central finite differences of a float64 forward written here,
 * independently of engine/. The scalar being differentiated is L = Σ w·y with fixed random w, so
 * the analytic side is the op's backward fed dy = w.
 */
import { describe, expect, it } from 'vitest';
import { headScores, headWeights } from '../../engine/attention.ts';
import { createNormal, createRng } from '../../engine/rng.ts';
import { layerNorm } from '../../engine/tensor.ts';
import { headAttentionBackward } from '../../engine/train/attentionBackward.ts';
import { layerNormBackward } from '../../engine/train/layerNormBackward.ts';
import { softmaxCrossEntropy } from '../../engine/train/lossBackward.ts';
import { geluBackward } from '../../engine/train/mlpBackward.ts';
import { rotaryBackward } from '../../engine/train/positionsBackward.ts';
import { rotaryFrequencies } from '../../engine/positions.ts';

function randomArray(n: number, seed: number, std = 1, mean = 0): Float32Array {
  const normal = createNormal(createRng(seed));
  return Float32Array.from({ length: n }, () => mean + std * normal());
}

/** Central differences of f at x (float64 copy), one entry at a time. */
function numericGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-6): Float64Array {
  const point = Float64Array.from(x);
  const grad = new Float64Array(point.length);
  for (let i = 0; i < point.length; i++) {
    const saved = point[i];
    point[i] = saved + h;
    const up = f(point);
    point[i] = saved - h;
    const down = f(point);
    point[i] = saved;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}

/** max |a − n| / max |n| (the gradients here are all of order 1). */
function relError(analytic: ArrayLike<number>, numeric: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < numeric.length; i++) {
    diff = Math.max(diff, Math.abs(analytic[i] - numeric[i]));
    scale = Math.max(scale, Math.abs(numeric[i]));
  }
  return diff / scale;
}

const dot = (w: ArrayLike<number>, y: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += w[i] * y[i];
  return s;
};

function layerNorm64(x: ArrayLike<number>, gain: ArrayLike<number>, bias: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const y = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (let c = 0; c < cols; c++) mean += x[r * cols + c] / cols;
    let variance = 0;
    for (let c = 0; c < cols; c++) variance += (x[r * cols + c] - mean) ** 2 / cols;
    for (let c = 0; c < cols; c++) y[r * cols + c] = ((x[r * cols + c] - mean) / Math.sqrt(variance + 1e-5)) * gain[c] + bias[c];
  }
  return y;
}

describe('layerNormBackward', () => {
  it('dx, dGain and dBias match finite differences', () => {
    const [rows, cols] = [3, 7];
    const x = randomArray(rows * cols, 1, 2, 0.5);
    const gain = randomArray(cols, 2, 0.5, 1);
    const bias = randomArray(cols, 3);
    const w = randomArray(rows * cols, 4);
    const mean = new Float32Array(rows);
    const rstd = new Float32Array(rows);
    layerNorm(x, gain, bias, rows, cols, new Float32Array(rows * cols), mean, rstd);
    const dx = new Float32Array(rows * cols);
    const dGain = new Float32Array(cols);
    const dBias = new Float32Array(cols);
    layerNormBackward(w, x, mean, rstd, gain, rows, cols, dx, dGain, dBias);
    expect(relError(dx, numericGradient((p) => dot(w, layerNorm64(p, gain, bias, rows, cols)), x))).toBeLessThan(1e-4);
    expect(relError(dGain, numericGradient((p) => dot(w, layerNorm64(x, p, bias, rows, cols)), gain))).toBeLessThan(1e-4);
    expect(relError(dBias, numericGradient((p) => dot(w, layerNorm64(x, gain, p, rows, cols)), bias))).toBeLessThan(1e-4);
  });

  it('adds into dGain and dBias rather than overwriting them', () => {
    const x = randomArray(4, 5);
    const gain = new Float32Array([1, 1, 1, 1]);
    const mean = new Float32Array(1);
    const rstd = new Float32Array(1);
    layerNorm(x, gain, new Float32Array(4), 1, 4, new Float32Array(4), mean, rstd);
    const dBias = new Float32Array([10, 10, 10, 10]);
    layerNormBackward(new Float32Array([1, 2, 3, 4]), x, mean, rstd, gain, 1, 4, new Float32Array(4), new Float32Array(4), dBias);
    expect(Array.from(dBias)).toEqual([11, 12, 13, 14]);
  });
});

describe('softmaxCrossEntropy', () => {
  const [rows, V] = [4, 6];
  const logits = randomArray(rows * V, 6, 2);
  const targets = new Int32Array([3, 0, 5, 1]); // row 1 targets <pad>: no loss, no gradient

  function meanLoss64(z: ArrayLike<number>): number {
    let sum = 0;
    let count = 0;
    for (let r = 0; r < rows; r++) {
      if (targets[r] === 0) continue;
      const row = Array.from({ length: V }, (_, c) => z[r * V + c]);
      sum += Math.log(row.reduce((s, v) => s + Math.exp(v), 0)) - row[targets[r]];
      count++;
    }
    return sum / count;
  }

  it('returns the summed loss over non-pad rows and the gradient of the mean', () => {
    const dLogits = new Float32Array(rows * V).fill(7);
    const { lossSum, count } = softmaxCrossEntropy(logits, targets, rows, V, dLogits, 1 / 3);
    expect(count).toBe(3);
    expect(lossSum / count).toBeCloseTo(meanLoss64(logits), 6);
    expect(relError(dLogits, numericGradient(meanLoss64, logits))).toBeLessThan(1e-5);
    expect(Array.from(dLogits.subarray(V, 2 * V))).toEqual(new Array(V).fill(0));
  });

  it('gives ln V for uniform logits', () => {
    const { lossSum, count } = softmaxCrossEntropy(new Float32Array(2 * 400), new Int32Array([5, 9]), 2, 400);
    expect(lossSum / count).toBeCloseTo(Math.log(400), 10);
  });
});

describe('geluBackward', () => {
  it('matches finite differences of the tanh-approximation GELU', () => {
    const x = randomArray(40, 7, 2);
    const w = randomArray(40, 8);
    const gelu64 = (p: Float64Array) => dot(w, Array.from(p, (v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)))));
    expect(relError(geluBackward(w, x), numericGradient(gelu64, x))).toBeLessThan(1e-5);
  });
});

describe('rotaryBackward', () => {
  it('is the transpose of the rotation (finite differences)', () => {
    const [blocks, T, dk] = [2, 5, 6];
    const omega = rotaryFrequencies(dk, 100, new Float32Array([1, 0.5, 3]));
    const x = randomArray(blocks * T * dk, 9);
    const w = randomArray(blocks * T * dk, 10);
    const rotate64 = (p: Float64Array) => {
      const y = new Float64Array(p.length);
      for (let b = 0; b < blocks; b++) for (let t = 0; t < T; t++) for (let i = 0; i < dk / 2; i++) {
        const o = (b * T + t) * dk + 2 * i;
        const angle = t * 100 ** (-(2 * i) / dk) * [1, 0.5, 3][i];
        y[o] = p[o] * Math.cos(angle) - p[o + 1] * Math.sin(angle);
        y[o + 1] = p[o] * Math.sin(angle) + p[o + 1] * Math.cos(angle);
      }
      return dot(w, y);
    };
    expect(relError(rotaryBackward(Float32Array.from(w), blocks, T, dk, omega), numericGradient(rotate64, x))).toBeLessThan(1e-5);
  });
});

describe('headAttentionBackward', () => {
  for (const causal of [true, false]) {
    it(`dq, dk, dv match finite differences (causal=${causal})`, () => {
      const [T, dk] = [5, 4];
      const q = randomArray(T * dk, 11);
      const k = randomArray(T * dk, 12);
      const v = randomArray(T * dk, 13);
      const w = randomArray(T * dk, 14);
      const head64 = (qq: ArrayLike<number>, kk: ArrayLike<number>, vv: ArrayLike<number>) => {
        let total = 0;
        for (let i = 0; i < T; i++) {
          const s = Array.from({ length: T }, (_, j) => {
            if (causal && j > i) return -Infinity;
            let acc = 0;
            for (let c = 0; c < dk; c++) acc += qq[i * dk + c] * kk[j * dk + c];
            return acc / Math.sqrt(dk);
          });
          const max = Math.max(...s);
          const e = s.map((x) => Math.exp(x - max));
          const z = e.reduce((a, b) => a + b, 0);
          for (let c = 0; c < dk; c++) {
            let o = 0;
            for (let j = 0; j < T; j++) o += (e[j] / z) * vv[j * dk + c];
            total += w[i * dk + c] * o;
          }
        }
        return total;
      };
      const weights = new Float32Array(T * T);
      headScores(q, k, T, T, dk, weights);
      headWeights(weights, weights, weights, weights, T, T, dk, causal);
      const [dq, dK, dv] = [new Float32Array(T * dk), new Float32Array(T * dk), new Float32Array(T * dk)];
      headAttentionBackward(q, k, v, weights, w, T, dk, dq, dK, dv);
      expect(relError(dq, numericGradient((p) => head64(p, k, v), q))).toBeLessThan(1e-4);
      expect(relError(dK, numericGradient((p) => head64(q, p, v), k))).toBeLessThan(1e-4);
      expect(relError(dv, numericGradient((p) => head64(q, k, p), v))).toBeLessThan(1e-4);
    });
  }
});
