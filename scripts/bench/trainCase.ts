/**
 * Case: training throughput (tokens/s) of the course model, engine vs tfjs (autograd + Adam) on
 * the same batch shape. Before timing, the engine's hand-written gradients are checked against
 * tfjs autograd on the same weights and batch.
 */
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { copyIntoFlat, flatTensors } from '../../engine/train/grads.ts';
import { DEFAULT_ADAMW } from '../../engine/train/adamw.ts';
import { createAdamWState, decayMask } from '../../engine/train/adamw.ts';
import type { TokenBatch } from '../../engine/train/batch.ts';
import { trainStep } from '../../engine/train/trainStep.ts';
import { createRng } from '../../engine/rng.ts';
import { createParallelGradients, shareParams } from '../train/dataParallel.ts';
import { benchFixture } from './fixture.ts';
import type { BenchCase, BenchRow } from './harness.ts';
import { interleavedMedianMs } from './harness.ts';
import { useTfjsBackend } from './tfjsBackends.ts';
import { TfjsTrainer } from './tfjsTrainer.ts';

const B = 16;

/** A fixed [B, 64] batch of random ids (targets are the ids shifted by one, as in training). */
function benchBatch(V: number, T: number): TokenBatch {
  const rng = createRng(77);
  const stream = Int32Array.from({ length: B * T + 1 }, () => 1 + Math.floor(rng() * (V - 1)));
  return { B, T, inputs: stream.subarray(0, B * T), targets: stream.subarray(1, B * T + 1) };
}

/**
 * Largest per-tensor max|Δ| / max|g|, where max|g| is floored at 1e-3 of the largest gradient in
 * the model: the key biases' true gradient is exactly 0 (softmax ignores a shift shared by all
 * keys), so both sides hold rounding noise there and a plain ratio would be noise over noise.
 */
function worstGradientError(engine: Record<string, Float32Array>, reference: Record<string, Float32Array>): number {
  const maxAbs = (a: Float32Array) => a.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const floor = 1e-3 * Math.max(...Object.values(reference).map(maxAbs));
  let worst = 0;
  for (const [name, ref] of Object.entries(reference)) {
    let diff = 0;
    for (let i = 0; i < ref.length; i++) diff = Math.max(diff, Math.abs(engine[name][i] - ref[i]));
    worst = Math.max(worst, diff / Math.max(maxAbs(ref), floor));
  }
  return worst;
}

/** Training tokens/s: engine on 1 and 2 threads vs tfjs-wasm, after a gradient cross-check. */
export const trainCase: BenchCase = {
  id: 'train',
  title: `Training step, course model, batch ${B} × 64 tokens`,
  async run(ctx) {
    const { model: fixture } = benchFixture();
    const config = fixture.config;
    const T = config.contextLength;
    const batch = benchBatch(config.vocabSize, T);
    const tokens = B * T;
    const schedule = { peak: 1e-4, warmupSteps: 0, totalSteps: 1e9, floor: 1e-4 };
    const optimizer = { schedule, adamw: DEFAULT_ADAMW, clipNorm: 1 };

    // Engine, one thread (2 shards, as the CLI trains) and two threads; each has its own weight copy.
    const local = copyIntoFlat(config, fixture.params);
    const localGradients = createLocalGradients({ config, params: local.tensors }, { shards: 2 });
    const localState = { params: local, grads: flatTensors(config), adam: createAdamWState(local.flat.length), decay: decayMask(config) };
    const shared = shareParams(config, fixture.params);
    const parallel = createParallelGradients(shared, { shards: 2 });
    const parallelState = { params: shared.params, grads: flatTensors(config), adam: createAdamWState(local.flat.length), decay: decayMask(config) };

    const description = await useTfjsBackend('wasm');
    const tfjs = new TfjsTrainer(fixture, 1e-4);
    try {
      // Correctness first: same weights, same batch -> same loss and gradients.
      const reference = tfjs.lossAndGrads(batch);
      const engineGrads = flatTensors(config);
      const engineLoss = await createLocalGradients(fixture, { ignoreId: -1 }).computeGradients(batch, engineGrads);
      const worst = worstGradientError(engineGrads.tensors, reference.grads);
      const lossDiff = Math.abs(engineLoss.lossSum / engineLoss.count - reference.loss);
      const ok = worst <= 1e-3 && lossDiff <= 1e-4;
      ctx.log(`check: loss engine ${(engineLoss.lossSum / engineLoss.count).toFixed(5)} vs ${description} ${reference.loss.toFixed(5)}; worst tensor max|Δgrad|/max|grad| = ${worst.toExponential(2)} ${ok ? '(OK, ≤ 1e-3)' : '(FAILED)'}`);
      if (!ok) throw new Error('tfjs gradients disagree with the engine; refusing to time different computations');

      // Interleaved samples (engine, tfjs, engine 2 threads, …) so load bursts hit all alike.
      const [engineMs, tfjsMs, parallelMs] = await interleavedMedianMs([
        () => trainStep(localGradients, localState, batch, optimizer),
        () => tfjs.step(batch),
        () => trainStep(parallel, parallelState, batch, optimizer),
      ], { warmup: 2, samples: 7, minSampleMs: 0 });
      const perSecond = (ms: number) => (tokens * 1000) / ms;
      ctx.log(`engine 1 thread ${perSecond(engineMs).toFixed(0)} tok/s, 2 threads ${perSecond(parallelMs).toFixed(0)} tok/s; tfjs-wasm ${perSecond(tfjsMs).toFixed(0)} tok/s`);
      const rows: BenchRow[] = [
        {
          name: `train step, ${B}×${T} tok, 1 thread`, unit: 'tokens/s', higherIsBetter: true,
          engine: perSecond(engineMs), reference: perSecond(tfjsMs), referenceName: 'tfjs-wasm',
          target: { minSpeedRatio: 1, text: 'engine ≥ tfjs-wasm training tokens/s' },
          note: `tfjs: variableGrads autograd + tf.train.adam, one thread (${description}); engine: hand-written backward + AdamW + clipping`,
        },
        { name: `train step, ${B}×${T} tok, 2 threads`, unit: 'tokens/s', higherIsBetter: true, engine: perSecond(parallelMs), reference: perSecond(tfjsMs), referenceName: 'tfjs-wasm (1 thread)' },
      ];
      return rows;
    } finally {
      tfjs.dispose();
      await parallel.dispose();
    }
  },
};
