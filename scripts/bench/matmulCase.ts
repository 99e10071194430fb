/** Case: the engine's blocked matmul vs the plain triple loop, at the model's own shapes. */
import { matmul, matmulTransB } from '../../engine/tensor.ts';
import type { BenchCase, BenchRow } from './harness.ts';
import { interleavedMedianMs } from './harness.ts';
import { createRng } from '../../engine/rng.ts';

/** The textbook i-j-k loop: one multiply-add per two loads, B walked with stride N. */
export function naiveMatmul(a: Float32Array, b: Float32Array, M: number, K: number, N: number, out: Float32Array): Float32Array {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += a[i * K + k] * b[k * N + j];
      out[i * N + j] = s;
    }
  }
  return out;
}

const SHAPES: { label: string; M: number; K: number; N: number; transB?: boolean }[] = [
  { label: 'MLP up 64×64·64×256', M: 64, K: 64, N: 256 },
  { label: 'MLP down 64×256·256×64', M: 64, K: 256, N: 64 },
  { label: 'QKV 64×64·64×64', M: 64, K: 64, N: 64 },
  { label: 'logits 64×64·(400×64)ᵀ', M: 64, K: 64, N: 400, transB: true },
];

/** GFLOP/s of engine and naive loops; the target applies to every shape. */
export const matmulCase: BenchCase = {
  id: 'matmul',
  title: 'matmul GFLOP/s, engine vs naive triple loop',
  async run() {
    const rng = createRng(7);
    const rows: BenchRow[] = [];
    for (const { label, M, K, N, transB } of SHAPES) {
      const a = Float32Array.from({ length: M * K }, () => rng() - 0.5);
      const b = Float32Array.from({ length: K * N }, () => rng() - 0.5);
      const bT = new Float32Array(K * N);
      for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) bT[n * K + k] = b[k * N + n];
      const out = new Float32Array(M * N);
      const gflops = (ms: number) => (2 * M * K * N) / (ms * 1e6);
      const [engineMs, naiveMs] = await interleavedMedianMs(
        [() => (transB ? matmulTransB(a, bT, M, K, N, out) : matmul(a, b, M, K, N, out)), () => naiveMatmul(a, b, M, K, N, out)],
        { minSampleMs: 40, samples: 15 },
      );
      rows.push({
        name: `matmul ${label}`, unit: 'GFLOP/s', higherIsBetter: true,
        engine: gflops(engineMs), reference: gflops(naiveMs), referenceName: 'naive i-j-k',
        target: { minSpeedRatio: 3.5, text: 'engine ≥ 3.5× naive' },
      });
    }
    return rows;
  },
};
