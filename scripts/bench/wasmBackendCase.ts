/**
 * Case `matmul-wasm`: the WebAssembly SIMD kernel (engine/wasm/matmul.wat) against the engine's
 * TypeScript kernel, and the engine on the wasm backend against tfjs-wasm on the issue #10
 * targets (forward + trace ≤ 1.0× tfjs time, training ≥ 2× tfjs tokens/s, decode ≥ 1.5×).
 * Every timing interleaves the contenders (wasm, ts, tfjs, wasm, …) so load bursts hit all alike.
 */
import { createKvCache, decodeStep } from '../../engine/kvCache.ts';
import type { KernelBackend } from '../../engine/matmul.ts';
import { matmul, matmulTransB, setKernelBackend } from '../../engine/matmul.ts';
import { forward } from '../../engine/model.ts';
import { createRng } from '../../engine/rng.ts';
import { DEFAULT_ADAMW, createAdamWState, decayMask } from '../../engine/train/adamw.ts';
import type { TokenBatch } from '../../engine/train/batch.ts';
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { copyIntoFlat, flatTensors } from '../../engine/train/grads.ts';
import { trainStep } from '../../engine/train/trainStep.ts';
import { benchFixture } from './fixture.ts';
import type { BenchCase, BenchRow } from './harness.ts';
import { interleavedMedianMs, relativeMaxDiff } from './harness.ts';
import { SHAPES } from './matmulCase.ts';
import { useTfjsBackend } from './tfjsBackends.ts';
import { TfjsGpt } from './tfjsModel.ts';
import { TfjsTrainer } from './tfjsTrainer.ts';

const BATCH = 16;

/** fn run with the given kernel backend, the default (wasm) restored afterwards. */
function onBackend<T>(backend: KernelBackend, fn: () => T): () => T {
  return () => {
    if (setKernelBackend(backend) !== backend) throw new Error(`kernel backend ${backend} is not available here`);
    try {
      return fn();
    } finally {
      setKernelBackend('wasm');
    }
  };
}

/** One forward pass's worth of products (each shape as often as the model runs it). */
function matmulMix(): { flops: number; run: () => void } {
  const rng = createRng(7);
  const prepared = SHAPES.map(({ M, K, N, transB, perForward }) => {
    const a = Float32Array.from({ length: M * K }, () => rng() - 0.5);
    const b = Float32Array.from({ length: K * N }, () => rng() - 0.5);
    const out = new Float32Array(M * N);
    const once = transB ? () => matmulTransB(a, b, M, K, N, out) : () => matmul(a, b, M, K, N, out);
    return { flops: 2 * M * K * N * perForward, perForward, once };
  });
  return {
    flops: prepared.reduce((sum, p) => sum + p.flops, 0),
    run: () => {
      for (const p of prepared) for (let r = 0; r < p.perForward; r++) p.once();
    },
  };
}

/** A fixed [BATCH, T] batch of random ids, targets shifted by one. */
function benchBatch(V: number, T: number): TokenBatch {
  const rng = createRng(77);
  const stream = Int32Array.from({ length: BATCH * T + 1 }, () => 1 + Math.floor(rng() * (V - 1)));
  return { B: BATCH, T, inputs: stream.subarray(0, BATCH * T), targets: stream.subarray(1, BATCH * T + 1) };
}

/** Wasm-vs-TypeScript kernel rows, then the engine (wasm) against tfjs-wasm on the issue targets. */
export const wasmBackendCase: BenchCase = {
  id: 'matmul-wasm',
  title: 'WebAssembly SIMD kernel: vs the TypeScript kernel, and the engine on it vs tfjs-wasm',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const { model, ids } = benchFixture();
    const config = model.config;

    const mix = matmulMix();
    const [mixWasmMs, mixTsMs] = await interleavedMedianMs([onBackend('wasm', mix.run), onBackend('ts', mix.run)], { minSampleMs: 60, samples: 15 });
    const gflops = (ms: number) => mix.flops / (ms * 1e6);
    rows.push({
      name: 'matmul forward mix, wasm kernel', unit: 'GFLOP/s', higherIsBetter: true,
      engine: gflops(mixWasmMs), reference: gflops(mixTsMs), referenceName: 'TS kernel',
      target: { minSpeedRatio: 1, text: 'wasm kernel not slower than the TS kernel' },
    });

    const description = await useTfjsBackend('wasm');
    const gpt = new TfjsGpt(model);
    const trainer = new TfjsTrainer(model, 1e-4);
    try {
      const diff = relativeMaxDiff(gpt.forwardWithTrace(ids).logits, forward(model, ids).logits);
      ctx.log(`check: ${description} logits vs engine (wasm kernel) ${diff.toExponential(2)} ${diff <= 1e-3 ? '(OK, ≤ 1e-3)' : '(FAILED)'}`);
      if (diff > 1e-3) throw new Error('tfjs disagrees with the engine; refusing to time different computations');

      const traced = () => forward(model, ids, { trace: true });
      const [fwdWasm, fwdTs, fwdTf] = await interleavedMedianMs([onBackend('wasm', traced), onBackend('ts', traced), () => gpt.forwardWithTrace(ids)], { samples: 11 });
      ctx.log(`forward + trace: wasm ${fwdWasm.toFixed(2)} ms, TS ${fwdTs.toFixed(2)} ms, tfjs-wasm ${fwdTf.toFixed(2)} ms`);
      rows.push({
        name: 'forward + full trace, 64 tok (wasm kernel)', unit: 'ms', higherIsBetter: false,
        engine: fwdWasm, reference: fwdTf, referenceName: 'tfjs-wasm',
        target: { minSpeedRatio: 1, text: 'engine time ≤ 1.0× tfjs-wasm (issue #10)' },
        note: `same pass on the TS kernel: ${fwdTs.toFixed(2)} ms`,
      });

      const T = config.contextLength;
      const batch = benchBatch(config.vocabSize, T);
      const schedule = { peak: 1e-4, warmupSteps: 0, totalSteps: 1e9, floor: 1e-4 };
      const optimizer = { schedule, adamw: DEFAULT_ADAMW, clipNorm: 1 };
      const trainer1 = (() => {
        const local = copyIntoFlat(config, model.params);
        const gradients = createLocalGradients({ config, params: local.tensors }, { shards: 2 });
        const state = { params: local, grads: flatTensors(config), adam: createAdamWState(local.flat.length), decay: decayMask(config) };
        return () => trainStep(gradients, state, batch, optimizer);
      })();
      const [trainWasm, trainTs, trainTf] = await interleavedMedianMs(
        [onBackend('wasm', trainer1), onBackend('ts', trainer1), () => trainer.step(batch)], { warmup: 2, samples: 7, minSampleMs: 0 },
      );
      const tokensPerSecond = (ms: number) => (BATCH * T * 1000) / ms;
      ctx.log(`train step: wasm ${tokensPerSecond(trainWasm).toFixed(0)}, TS ${tokensPerSecond(trainTs).toFixed(0)}, tfjs-wasm ${tokensPerSecond(trainTf).toFixed(0)} tok/s`);
      rows.push({
        name: `train step, ${BATCH}×${T} tok, 1 thread (wasm kernel)`, unit: 'tokens/s', higherIsBetter: true,
        engine: tokensPerSecond(trainWasm), reference: tokensPerSecond(trainTf), referenceName: 'tfjs-wasm',
        target: { minSpeedRatio: 2, text: 'engine ≥ 2× tfjs-wasm training tokens/s (issue #10)' },
        note: `same step on the TS kernel: ${tokensPerSecond(trainTs).toFixed(0)} tokens/s`,
      });

      const decodeAll = () => {
        const cache = createKvCache(model);
        for (const id of ids) decodeStep(cache, id);
      };
      const tfDecodeAll = () => {
        const decoder = gpt.createDecoder();
        for (const id of ids) decoder.step(id);
        decoder.dispose();
      };
      const [decWasm, decTs, decTf] = await interleavedMedianMs([onBackend('wasm', decodeAll), onBackend('ts', decodeAll), tfDecodeAll], { warmup: 2, samples: 9 });
      const decodePerSecond = (ms: number) => (ids.length * 1000) / ms;
      rows.push({
        name: 'KV-cache decode, 64 steps (wasm kernel)', unit: 'tokens/s', higherIsBetter: true,
        engine: decodePerSecond(decWasm), reference: decodePerSecond(decTf), referenceName: 'tfjs-wasm',
        target: { minSpeedRatio: 1.5, text: 'engine ≥ 1.5× tfjs-wasm decode tokens/s (issue #10)' },
        note: `same decode on the TS kernel: ${decodePerSecond(decTs).toFixed(0)} tokens/s`,
      });
    } finally {
      gpt.dispose();
      trainer.dispose();
    }
    return rows;
  },
};
