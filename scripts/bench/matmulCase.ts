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

/** One product shape of the course model and how often a 64-token forward runs it. */
export interface Shape { label: string; M: number; K: number; N: number; transB?: boolean; perForward: number }

/** The matmul shapes of one 64-token course-model forward pass, with how often each occurs. */
export const SHAPES: Shape[] = [
  { label: 'QKV/out 64×64·64×64', M: 64, K: 64, N: 64, perForward: 4 * 4 },
  { label: 'MLP up 64×64·64×256', M: 64, K: 64, N: 256, perForward: 4 },
  { label: 'MLP down 64×256·256×64', M: 64, K: 256, N: 64, perForward: 4 },
  { label: 'logits 64×64·(400×64)ᵀ', M: 64, K: 64, N: 400, transB: true, perForward: 1 },
];

/** Random operands for a shape, plus the engine call and the naive call on them. */
function prepare(shape: Shape, rng: () => number): { flops: number; engine: () => void; naive: () => void } {
  const { M, K, N, transB } = shape;
  const a = Float32Array.from({ length: M * K }, () => rng() - 0.5);
  const b = Float32Array.from({ length: K * N }, () => rng() - 0.5);
  const bT = new Float32Array(K * N);
  for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) bT[n * K + k] = b[k * N + n];
  const out = new Float32Array(M * N);
  return {
    flops: 2 * M * K * N,
    engine: () => (transB ? matmulTransB(a, bT, M, K, N, out) : matmul(a, b, M, K, N, out)),
    naive: () => naiveMatmul(a, b, M, K, N, out),
  };
}

/**
 * GFLOP/s of engine and naive loops per shape, and for the whole mix of one forward pass
 * (each shape repeated as often as the model uses it); the 3.5× target is judged on that mix.
 */
export const matmulCase: BenchCase = {
  id: 'matmul',
  title: 'matmul GFLOP/s, engine vs naive triple loop',
  async run() {
    const rng = createRng(7);
    const prepared = SHAPES.map((shape) => ({ shape, ...prepare(shape, rng) }));
    const rows: BenchRow[] = [];
    const gflops = (flops: number, ms: number) => flops / (ms * 1e6);
    const runMix = (which: 'engine' | 'naive') => () => {
      for (const p of prepared) for (let r = 0; r < p.shape.perForward; r++) p[which]();
    };
    const mixFlops = prepared.reduce((sum, p) => sum + p.flops * p.shape.perForward, 0);
    const [mixEngineMs, mixNaiveMs] = await interleavedMedianMs([runMix('engine'), runMix('naive')], { minSampleMs: 60, samples: 15 });
    rows.push({
      name: 'matmul, one forward pass mix', unit: 'GFLOP/s', higherIsBetter: true,
      engine: gflops(mixFlops, mixEngineMs), reference: gflops(mixFlops, mixNaiveMs), referenceName: 'naive i-j-k',
      target: { minSpeedRatio: 3.5, text: 'engine ≥ 3.5× naive' },
      note: `all matmuls of a 64-token forward (${(mixFlops / 1e6).toFixed(1)} MFLOP); per-shape rows below are informational`,
    });
    for (const p of prepared) {
      const [engineMs, naiveMs] = await interleavedMedianMs([p.engine, p.naive], { minSampleMs: 40, samples: 11 });
      rows.push({
        name: `  matmul ${p.shape.label}`, unit: 'GFLOP/s', higherIsBetter: true,
        engine: gflops(p.flops, engineMs), reference: gflops(p.flops, naiveMs), referenceName: 'naive i-j-k',
      });
    }
    return rows;
  },
};
