/**
 * Register-blocked matrix multiply for row-major Float32Arrays.
 *
 * Why blocked: a plain i-j-k loop does one multiply-add per two loads and walks B with stride N;
 * here a 4×4 tile of C lives in 16 local doubles, so each step loads 4 values of A and 4 of B for
 * 16 multiply-adds. Operands are first copied into Float64 panels laid out in the order the inner
 * loop reads them (contiguous, already widened), which measured ~3.5–4× faster than the plain loop.
 *
 * Determinism (relied on by the KV cache): every output C[i, j] is the sum over k = 0..K-1, in
 * ascending k, of A[i, k]·B[k, j], accumulated in one double starting at 0 and rounded once to
 * float32. Every code path below (tile, edge rows, edge columns, M < 4) keeps that order, so a
 * single row gives bit-identical results whether computed alone or inside a bigger product.
 *
 * Two backends, same bits: the TypeScript below is the reference; engine/wasm/matmul.wat is a
 * WebAssembly SIMD port of it (f64x2 lanes, same order of operations), used by default where it
 * loads and the product is big enough to repay the call (see gemm at the bottom).
 */

import type { GemmKernel } from './wasm/wasmMatmul.ts';
import { loadWasmMatmul } from './wasm/wasmMatmul.ts';

let panelB = new Float64Array(0);
let panelA = new Float64Array(0);

/** Copies A's rows i..i+3 into panelA as [K][4] (k-major) doubles. */
function packRowsOfA(a: Float32Array, i: number, M: number, K: number, transA: boolean): Float64Array {
  if (panelA.length < 4 * K) panelA = new Float64Array(4 * K);
  const pa = panelA;
  if (transA) {
    // a is stored [K, M]
    for (let k = 0, p = 0; k < K; k++, p += 4) {
      const o = k * M + i;
      pa[p] = a[o]; pa[p + 1] = a[o + 1]; pa[p + 2] = a[o + 2]; pa[p + 3] = a[o + 3];
    }
  } else {
    const r0 = i * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K;
    for (let k = 0, p = 0; k < K; k++, p += 4) {
      pa[p] = a[r0 + k]; pa[p + 1] = a[r1 + k]; pa[p + 2] = a[r2 + k]; pa[p + 3] = a[r3 + k];
    }
  }
  return pa;
}

/** Copies the first N4 columns of B into panelB as [N4/4][K][4] doubles. */
function packColumnsOfB(b: Float32Array, K: number, N: number, N4: number, transB: boolean): Float64Array {
  if (panelB.length < K * N4) panelB = new Float64Array(K * N4);
  const pb = panelB;
  let p = 0;
  for (let j = 0; j < N4; j += 4) {
    if (transB) {
      // b is stored [N, K]
      const r0 = j * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K;
      for (let k = 0; k < K; k++, p += 4) {
        pb[p] = b[r0 + k]; pb[p + 1] = b[r1 + k]; pb[p + 2] = b[r2 + k]; pb[p + 3] = b[r3 + k];
      }
    } else {
      for (let k = 0; k < K; k++, p += 4) {
        const o = k * N + j;
        pb[p] = b[o]; pb[p + 1] = b[o + 1]; pb[p + 2] = b[o + 2]; pb[p + 3] = b[o + 3];
      }
    }
  }
  return pb;
}

/** One output row i computed without packing (used when M < 4 and for leftover rows). */
function singleRow(a: Float32Array, b: Float32Array, i: number, M: number, K: number, N: number, out: Float32Array, transA: boolean, transB: boolean): void {
  const aBase = transA ? i : i * K;
  const aStep = transA ? M : 1;
  const o = i * N;
  let j = 0;
  if (!transB) {
    // Four columns at a time: B's row k is contiguous, so read 4 neighbours per k.
    for (; j + 4 <= N; j += 4) {
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let k = 0, ak = aBase, bk = j; k < K; k++, ak += aStep, bk += N) {
        const x = a[ak];
        c0 += x * b[bk]; c1 += x * b[bk + 1]; c2 += x * b[bk + 2]; c3 += x * b[bk + 3];
      }
      out[o + j] = c0; out[o + j + 1] = c1; out[o + j + 2] = c2; out[o + j + 3] = c3;
    }
    for (; j < N; j++) {
      let c = 0;
      for (let k = 0, ak = aBase, bk = j; k < K; k++, ak += aStep, bk += N) c += a[ak] * b[bk];
      out[o + j] = c;
    }
  } else {
    for (; j < N; j++) {
      let c = 0;
      for (let k = 0, ak = aBase, bk = j * K; k < K; k++, ak += aStep, bk++) c += a[ak] * b[bk];
      out[o + j] = c;
    }
  }
}

/** General product C = op(A)·op(B) in TypeScript, the reference backend. C: [M, N]. */
function tsGemm(a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array, transA: boolean, transB: boolean): Float32Array {
  const M4 = M >= 4 ? M & ~3 : 0;
  const N4 = N & ~3;
  if (M4 > 0) {
    const pb = packColumnsOfB(b, K, N, N4, transB);
    const end = 4 * K;
    for (let i = 0; i < M4; i += 4) {
      const pa = packRowsOfA(a, i, M, K, transA);
      for (let j = 0; j < N4; j += 4) {
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let p = j * K, q = 0; q < end; p += 4, q += 4) {
          const b0 = pb[p], b1 = pb[p + 1], b2 = pb[p + 2], b3 = pb[p + 3];
          let x = pa[q];
          c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
          x = pa[q + 1];
          c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
          x = pa[q + 2];
          c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
          x = pa[q + 3];
          c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
        }
        let o = i * N + j;
        out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03; o += N;
        out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13; o += N;
        out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23; o += N;
        out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
      }
      // Leftover columns (N not a multiple of 4): plain dot products over the packed rows of A.
      for (let j = N4; j < N; j++) {
        let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (let k = 0, q = 0; k < K; k++, q += 4) {
          const y = transB ? b[j * K + k] : b[k * N + j];
          c0 += pa[q] * y; c1 += pa[q + 1] * y; c2 += pa[q + 2] * y; c3 += pa[q + 3] * y;
        }
        out[i * N + j] = c0; out[(i + 1) * N + j] = c1; out[(i + 2) * N + j] = c2; out[(i + 3) * N + j] = c3;
      }
    }
  }
  for (let i = M4; i < M; i++) singleRow(a, b, i, M, K, N, out, transA, transB);
  return out;
}

/** Which implementation runs the products: hand-written WebAssembly SIMD, or the TypeScript above. */
export type KernelBackend = 'wasm' | 'ts';

// undefined until first needed: loading compiles the module, which an import should not do.
let wasmKernel: GemmKernel | null | undefined;
let requestedBackend: KernelBackend = 'wasm';

/** The wasm kernel, compiled on first use; null where the runtime lacks WebAssembly SIMD. */
function wasmKernelOrNull(): GemmKernel | null {
  if (wasmKernel === undefined) wasmKernel = loadWasmMatmul();
  return wasmKernel;
}

/** True when this runtime can run the WebAssembly SIMD kernel. */
export function wasmKernelAvailable(): boolean {
  return wasmKernelOrNull() !== null;
}

/**
 * Chooses the backend (default 'wasm'); returns the one now in effect, which is 'ts' when wasm
 * was asked for but is unavailable. Both give bit-identical results, so this only changes speed.
 */
export function setKernelBackend(backend: KernelBackend): KernelBackend {
  requestedBackend = backend;
  return kernelBackend();
}

/** The backend products currently run on. */
export function kernelBackend(): KernelBackend {
  return requestedBackend === 'wasm' && wasmKernelOrNull() ? 'wasm' : 'ts';
}

/**
 * Products smaller than this many multiply-adds stay in TypeScript: a wasm call has a fixed cost
 * (~0.2 µs plus copying A and B), which tiny products (one query against a few keys while
 * decoding) do not pay back. Measured in Node 24: TS wins below ~300, wasm wins from ~500 up,
 * including single rows against a full weight matrix (1×64·64×256: 13 µs vs 26 µs).
 */
const WASM_MIN_MULTIPLY_ADDS = 512;

/** Dispatches one product to the chosen backend. C: [M, N] */
function gemm(a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array, transA: boolean, transB: boolean): Float32Array {
  if (requestedBackend === 'wasm' && M * K * N >= WASM_MIN_MULTIPLY_ADDS) {
    const kernel = wasmKernelOrNull();
    if (kernel) return kernel(a, b, M, K, N, out, transA, transB);
  }
  return tsGemm(a, b, M, K, N, out, transA, transB);
}

/** Checks operand sizes so a wrong dimension fails loudly instead of reading garbage. */
function checkSizes(name: string, a: Float32Array, b: Float32Array, out: Float32Array, aSize: number, bSize: number, outSize: number): void {
  if (a.length < aSize || b.length < bSize || out.length < outSize) {
    throw new RangeError(`${name}: operand too small (a ${a.length}/${aSize}, b ${b.length}/${bSize}, out ${out.length}/${outSize}).`);
  }
}

/** C = A·B. a: [M, K], b: [K, N] -> [M, N] */
export function matmul(a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array = new Float32Array(M * N)): Float32Array {
  checkSizes('matmul', a, b, out, M * K, K * N, M * N);
  return gemm(a, b, M, K, N, out, false, false);
}

/** C = A·Bᵀ. a: [M, K], b: [N, K] -> [M, N] (e.g. scores Q·Kᵀ, logits x·wteᵀ) */
export function matmulTransB(a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array = new Float32Array(M * N)): Float32Array {
  checkSizes('matmulTransB', a, b, out, M * K, N * K, M * N);
  return gemm(a, b, M, K, N, out, false, true);
}

/** C = Aᵀ·B. a: [K, M], b: [K, N] -> [M, N] (e.g. weight gradients xᵀ·dy) */
export function matmulTransA(a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array = new Float32Array(M * N)): Float32Array {
  checkSizes('matmulTransA', a, b, out, K * M, K * N, M * N);
  return gemm(a, b, M, K, N, out, true, false);
}
