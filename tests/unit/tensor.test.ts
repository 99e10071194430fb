import { describe, expect, it } from 'vitest';
import { applyRotary, rotaryFrequencies, sinusoidalTable } from '../../engine/positions.ts';
import { createNormal, createRng } from '../../engine/rng.ts';
import { add, addBias, embedding, gelu, layerNorm, matmul, matmulTransA, matmulTransB, softmaxRows } from '../../engine/tensor.ts';

function randomArray(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng() * 2 - 1);
}

/** The textbook triple loop in float64: C[i][j] = Σ_k A[i][k]·B[k][j]. */
function naiveMatmul(a: Float32Array, b: Float32Array, M: number, K: number, N: number): Float64Array {
  const c = new Float64Array(M * N);
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += a[i * K + k] * b[k * N + j];
    c[i * N + j] = s;
  }
  return c;
}

function transpose(x: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = x[r * cols + c];
  return out;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tol);
}

describe('matmul family against a naive triple loop', () => {
  const sizes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [65, 64, 257], [4, 4, 4], [5, 3, 6], [2, 9, 4]];
  for (const [M, K, N] of sizes) {
    it(`${M}×${K} · ${K}×${N}`, () => {
      const a = randomArray(M * K, M + K);
      const b = randomArray(K * N, N + 7);
      const expected = naiveMatmul(a, b, M, K, N);
      const tol = 1e-6 * K;
      expectClose(matmul(a, b, M, K, N), expected, tol);
      expectClose(matmulTransB(a, transpose(b, K, N), M, K, N), expected, tol);
      expectClose(matmulTransA(transpose(a, M, K), b, M, K, N), expected, tol);
    });
  }

  it('writes into a given out buffer and fully overwrites stale contents', () => {
    const a = randomArray(6 * 5, 1);
    const b = randomArray(5 * 9, 2);
    const out = new Float32Array(6 * 9).fill(123);
    expect(matmul(a, b, 6, 5, 9, out)).toBe(out);
    expectClose(out, naiveMatmul(a, b, 6, 5, 9), 1e-5);
  });

  it('a row computed alone is bit-identical to the same row inside a larger product', () => {
    const [M, K, N] = [9, 33, 21];
    const a = randomArray(M * K, 3);
    const b = randomArray(K * N, 4);
    const full = matmul(a, b, M, K, N);
    for (const i of [0, 5, 8]) {
      expect(matmul(a.slice(i * K, (i + 1) * K), b, 1, K, N)).toEqual(full.slice(i * N, (i + 1) * N));
    }
  });

  it('rejects operands that are too small', () => {
    expect(() => matmul(new Float32Array(5), new Float32Array(6), 2, 3, 2)).toThrow(/too small/);
  });
});

describe('element-wise and row kernels', () => {
  it('add and addBias', () => {
    expect(add(new Float32Array([1, 2]), new Float32Array([10, 20]))).toEqual(new Float32Array([11, 22]));
    expect(addBias(new Float32Array([1, 2, 3, 4]), new Float32Array([10, 20]), 2, 2)).toEqual(new Float32Array([11, 22, 13, 24]));
  });

  it('layerNorm gives mean 0 / variance 1 per row before gain and bias', () => {
    const x = new Float32Array([1, 2, 3, 4, 1000, 1001, 1002, 1003]);
    const ones = new Float32Array(4).fill(1);
    const zeros = new Float32Array(4);
    const y = layerNorm(x, ones, zeros, 2, 4);
    // (x - 2.5)/sqrt(1.25 + 1e-5) for the first row; the shifted second row must match it.
    const expected = [1, 2, 3, 4].map((v) => (v - 2.5) / Math.sqrt(1.25 + 1e-5));
    expectClose(y.subarray(0, 4), expected, 1e-6);
    expectClose(y.subarray(4, 8), expected, 1e-4);
    const z = layerNorm(x, new Float32Array([2, 2, 2, 2]), new Float32Array([1, 1, 1, 1]), 2, 4);
    expectClose(z.subarray(0, 4), expected.map((v) => 2 * v + 1), 1e-6);
  });

  it('gelu (tanh form) at known points', () => {
    const y = gelu(new Float32Array([0, 1, -1, 10, -10]));
    const exact = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    expectClose(y, [0, exact(1), exact(-1), 10, 0], 1e-6);
    expect(y[1]).toBeCloseTo(0.8412, 4);
  });

  it('softmaxRows: rows sum to 1, stable for huge scores, -Infinity gives exactly 0', () => {
    const x = new Float32Array([1000, 1001, 1002, 0, -Infinity, 5]);
    const p = softmaxRows(x, 2, 3);
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const sum = e[0] + e[1] + e[2];
    expectClose(p.subarray(0, 3), e.map((v) => v / sum), 1e-7);
    expect(p[4]).toBe(0);
    expect(p[3] + p[5]).toBeCloseTo(1, 6);
    expect(() => softmaxRows(new Float32Array([-Infinity, -Infinity]), 1, 2)).toThrow(/masked/);
  });

  it('embedding gathers rows and rejects bad ids', () => {
    const table = new Float32Array([0, 1, 10, 11, 20, 21]);
    expect(embedding(table, [2, 0, 2], 2)).toEqual(new Float32Array([20, 21, 0, 1, 20, 21]));
    expect(() => embedding(table, [3], 2)).toThrow(/outside/);
  });
});

describe('positions', () => {
  it('sinusoidal table follows the formula', () => {
    const d = 8;
    const table = sinusoidalTable(5, d);
    expect(table[3 * d + 0]).toBeCloseTo(Math.sin(3), 6);
    expect(table[3 * d + 1]).toBeCloseTo(Math.cos(3), 6);
    expect(table[4 * d + 6]).toBeCloseTo(Math.sin(4 / 10000 ** (6 / 8)), 6);
    expect(table[4 * d + 7]).toBeCloseTo(Math.cos(4 / 10000 ** (6 / 8)), 6);
  });

  it('rotary frequencies: base^(-2i/dk) times the per-pair scale', () => {
    expectClose(rotaryFrequencies(8, 10000), [1, 0.1, 0.01, 0.001], 1e-12);
    expectClose(rotaryFrequencies(4, 100, new Float32Array([2, 0.5])), [2, 0.05], 1e-9);
  });

  const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);
  const rotated = (v: Float32Array, pos: number, omega: Float64Array) => applyRotary(v.slice(), 1, v.length, omega, pos);

  it('q·k after rotation depends only on the offset between positions', () => {
    const dk = 16;
    const q = randomArray(dk, 1);
    const k = randomArray(dk, 2);
    for (const omega of [rotaryFrequencies(dk, 10000), rotaryFrequencies(dk, 500, randomArray(8, 3).map(Math.abs))]) {
      for (const [m, n] of [[5, 2], [0, 9], [7, 7]]) {
        const score = dot(rotated(q, m, omega), rotated(k, n, omega));
        for (const s of [1, 13, 40]) expect(dot(rotated(q, m + s, omega), rotated(k, n + s, omega))).toBeCloseTo(score, 4);
      }
      // …and it does change with the offset.
      expect(Math.abs(dot(rotated(q, 5, omega), rotated(k, 2, omega)) - dot(rotated(q, 5, omega), rotated(k, 4, omega)))).toBeGreaterThan(1e-3);
    }
  });

  it('a 2-D rotary pair turns by t·ω and direction -1 undoes it', () => {
    const omega = new Float64Array([Math.PI / 6]); // 30° per position
    const v = applyRotary(new Float32Array([1, 0]), 1, 2, omega, 3); // 90°
    expectClose(v, [0, 1], 1e-7);
    const x = randomArray(4 * 8, 5);
    const w = rotaryFrequencies(8, 10000);
    const back = applyRotary(applyRotary(x.slice(), 4, 8, w, 2), 4, 8, w, 2, undefined, -1);
    expectClose(back, x, 1e-6);
  });
});

describe('rng', () => {
  it('same seed, same sequence; different seed, different sequence', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
  });

  it('values lie in [0, 1) and look uniform', () => {
    const rng = createRng(123);
    const n = 20000;
    let sum = 0;
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      const v = rng();
      expect(v >= 0 && v < 1).toBe(true);
      sum += v;
      buckets[Math.floor(v * 10)]++;
    }
    expect(sum / n).toBeCloseTo(0.5, 1);
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(n / 10 * 0.1);
  });

  it('normal samples have mean 0 and standard deviation 1', () => {
    const normal = createNormal(createRng(9));
    const xs = Array.from({ length: 20000 }, normal);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.sqrt(variance)).toBeCloseTo(1, 1);
  });
});
