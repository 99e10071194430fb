import { describe, expect, it } from 'vitest';
import { courseConfig } from '../../engine/config.ts';
import { kernelBackend, matmul, matmulTransA, matmulTransB, setKernelBackend, wasmKernelAvailable } from '../../engine/matmul.ts';
import { forward } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';
import { MATMUL_WASM_BASE64 } from '../../engine/wasm/matmulWasm.generated.ts';
import { loadWasmMatmul } from '../../engine/wasm/wasmMatmul.ts';
import { assembleMatmulWat } from '../../scripts/build-wasm.ts';
import { referenceForward64 } from './reference/forward64.ts';
import { randomIds, randomModel } from './reference/randomModel.ts';

type Product = typeof matmul;
const PRODUCTS: { name: string; fn: Product; aIsTransposed: boolean; bIsTransposed: boolean }[] = [
  { name: 'matmul', fn: matmul, aIsTransposed: false, bIsTransposed: false },
  { name: 'matmulTransA', fn: matmulTransA, aIsTransposed: true, bIsTransposed: false },
  { name: 'matmulTransB', fn: matmulTransB, aIsTransposed: false, bIsTransposed: true },
];

/** The test's own oracle: a float64 triple loop reading op(A), op(B) by index. */
function oracle(a: Float32Array, b: Float32Array, M: number, K: number, N: number, transA: boolean, transB: boolean): Float64Array {
  const c = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += (transA ? a[k * M + i] : a[i * K + k]) * (transB ? b[j * K + k] : b[k * N + j]);
      c[i * N + j] = s;
    }
  }
  return c;
}

/** Index of the first element whose bits differ (NaN-aware, distinguishes ±0), or -1; keeps failure output small. */
function firstDifference(actual: Float32Array | undefined, expected: Float32Array | undefined): number {
  if (!actual || !expected) return -2;
  if (actual.length !== expected.length) return -3;
  for (let i = 0; i < actual.length; i++) if (!Object.is(actual[i], expected[i])) return i;
  return -1;
}

function randomArray(length: number, rng: () => number): Float32Array {
  return Float32Array.from({ length }, () => 2 * rng() - 1);
}

/** Runs `body` on the given backend, restoring wasm (the default) afterwards. */
function onBackend<T>(backend: 'wasm' | 'ts', body: () => T): T {
  expect(setKernelBackend(backend)).toBe(backend);
  try {
    return body();
  } finally {
    setKernelBackend('wasm');
  }
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1], [7, 13, 5], [64, 64, 256], [1, 64, 400], [4, 4, 4], [5, 3, 9], [9, 17, 11],
  [64, 256, 64], [16, 64, 400], [6, 1, 6], [3, 8, 4], [12, 7, 2], [4, 0, 5],
];

describe('WebAssembly SIMD matmul', () => {
  const loaded = loadWasmMatmul();
  if (!loaded) throw new Error('the wasm kernel must load in Node 24');
  const kernel = loaded;

  it('the committed module bytes are what matmul.wat assembles to (rerun scripts/build-wasm.ts if not)', async () => {
    const assembled = await assembleMatmulWat();
    expect(Buffer.from(assembled).toString('base64')).toBe(MATMUL_WASM_BASE64);
  }, 15_000);

  it('loads in Node and is the default backend', () => {
    expect(wasmKernelAvailable()).toBe(true);
    expect(loadWasmMatmul()).toBeTypeOf('function');
    expect(kernelBackend()).toBe('wasm');
    expect(setKernelBackend('ts')).toBe('ts');
    expect(kernelBackend()).toBe('ts');
    expect(setKernelBackend('wasm')).toBe('wasm');
  });

  for (const { name, fn, aIsTransposed, bIsTransposed } of PRODUCTS) {
    it(`${name}: wasm is bit-identical to the TypeScript path and within 1e-5 of a float64 oracle`, () => {
      const rng = createRng(name.length * 101);
      for (const [M, K, N] of SHAPES) {
        const a = randomArray(M * K, rng);
        const b = randomArray(K * N, rng);
        const viaTs = onBackend('ts', () => fn(a, b, M, K, N));
        // The kernel itself, since the dispatcher keeps the tiniest products in TypeScript.
        const viaWasm = kernel(a, b, M, K, N, new Float32Array(M * N), aIsTransposed, bIsTransposed);
        expect(firstDifference(viaWasm, viaTs), `${M}×${K}·${K}×${N}`).toBe(-1);
        expect(firstDifference(fn(a, b, M, K, N), viaTs), `dispatched ${M}×${K}·${K}×${N}`).toBe(-1);
        const exact = oracle(a, b, M, K, N, aIsTransposed, bIsTransposed);
        for (let i = 0; i < exact.length; i++) {
          // relative to the size of the terms summed, so cancellation does not inflate the bound
          const scale = Math.max(1, Math.sqrt(K));
          expect(Math.abs(viaWasm[i] - exact[i]) / scale, `${M}×${K}·${K}×${N} [${i}]`).toBeLessThan(1e-5);
        }
      }
    });
  }

  it('an empty inner dimension gives exact zeros; a single row matches the same row of a bigger product bit for bit', () => {
    expect(matmul(new Float32Array(0), new Float32Array(0), 5, 0, 6)).toEqual(new Float32Array(30));
    const rng = createRng(5);
    const [M, K, N] = [12, 64, 400];
    const a = randomArray(M * K, rng);
    const b = randomArray(K * N, rng);
    const whole = matmulTransB(a, b, M, K, N);
    for (const row of [0, 5, 11]) {
      const alone = matmulTransB(a.subarray(row * K, (row + 1) * K), b, 1, K, N);
      expect(firstDifference(alone, whole.subarray(row * N, (row + 1) * N))).toBe(-1);
    }
  });

  it('grows its memory for big operands, keeps working for small ones after, and honours oversized operands and out', () => {
    const rng = createRng(9);
    const [M, K, N] = [256, 300, 260]; // ~2.8 MB of operands and panels: several memory pages
    const a = randomArray(M * K, rng);
    const b = randomArray(K * N, rng);
    expect(firstDifference(matmul(a, b, M, K, N), onBackend('ts', () => matmul(a, b, M, K, N)))).toBe(-1);
    // Oversized buffers: only the first M·K / K·N elements are operands; out beyond M·N is untouched.
    const small = matmul(a, b, 4, 5, 6, new Float32Array(30).fill(7));
    const expected = oracle(a, b, 4, 5, 6, false, false);
    for (let i = 0; i < 24; i++) expect(small[i]).toBeCloseTo(expected[i], 5);
    expect(Array.from(small.subarray(24))).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('the course-size forward (T=64) on wasm equals the TypeScript forward and the float64 reference', () => {
    const config = courseConfig(400, 'learned');
    const model = randomModel(config, 3, 0.15);
    const ids = randomIds(400, 64, 9);
    const viaWasm = forward(model, ids, { trace: true });
    const viaTs = onBackend('ts', () => forward(model, ids, { trace: true }));
    expect(firstDifference(viaWasm.logits, viaTs.logits)).toBe(-1);
    expect(viaWasm.trace?.layers[2].mlpHiddenPost).toBeInstanceOf(Float32Array);
    expect(firstDifference(viaWasm.trace?.layers[2].mlpHiddenPost, viaTs.trace?.layers[2].mlpHiddenPost)).toBe(-1);
    const reference = referenceForward64(config, model.params, ids);
    let maxRef = 0, maxDiff = 0;
    reference.logits.forEach((row, t) => row.forEach((value, j) => {
      maxRef = Math.max(maxRef, Math.abs(value));
      maxDiff = Math.max(maxDiff, Math.abs(viaWasm.logits[t * 400 + j] - value));
    }));
    expect(maxDiff / maxRef).toBeLessThan(1e-5);
  });
});
