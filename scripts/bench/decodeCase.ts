/** Case: incremental decoding with a KV cache, 64 tokens from an empty cache, engine vs tfjs. */
import { createKvCache, decodeStep } from '../../engine/kvCache.ts';
import { benchFixture } from './fixture.ts';
import type { BenchCase, BenchRow } from './harness.ts';
import { interleavedMedianMs, relativeMaxDiff } from './harness.ts';
import { useTfjsBackend } from './tfjsBackends.ts';
import type { TfjsBackendName } from './tfjsBackends.ts';
import { TfjsGpt } from './tfjsModel.ts';

/**
 * Tokens per second for feeding all 64 positions one token at a time, each step returning the
 * new position's logits to JS. The tfjs decoder keeps per-layer K/V tensors and grows them with
 * concat (tfjs has no in-place writes), downloading each step's logits with dataSync.
 */
export const decodeCase: BenchCase = {
  id: 'decode',
  title: 'KV-cache decode, course model, 64 steps',
  async run(ctx) {
    const { model, ids } = benchFixture();
    const engineRun = () => {
      const cache = createKvCache(model);
      let logits: Float32Array = new Float32Array(0);
      for (const id of ids) logits = decodeStep(cache, id);
      return logits;
    };
    const engineLast = engineRun();
    const rows: BenchRow[] = [];
    for (const backend of ['wasm', 'cpu'] as TfjsBackendName[]) {
      const description = await useTfjsBackend(backend);
      const gpt = new TfjsGpt(model);
      try {
        const tfRun = () => {
          const decoder = gpt.createDecoder();
          let logits: Float32Array = new Float32Array(0);
          for (const id of ids) logits = decoder.step(id);
          decoder.dispose();
          return logits;
        };
        const diff = relativeMaxDiff(tfRun(), engineLast);
        const ok = diff <= 1e-3;
        ctx.log(`check: ${description} decode step 64 logits vs engine, relative diff ${diff.toExponential(2)} ${ok ? '(OK, ≤ 1e-3)' : '(FAILED)'}`);
        if (!ok) throw new Error(`tfjs-${backend} decoder disagrees with the engine`);
        const [engineMs, tfMs] = await interleavedMedianMs([engineRun, tfRun], { warmup: 2, samples: backend === 'wasm' ? 9 : 5 });
        const perSecond = (ms: number) => (ids.length * 1000) / ms;
        rows.push({
          name: 'KV-cache decode, 64 steps', unit: 'tokens/s', higherIsBetter: true,
          engine: perSecond(engineMs), reference: perSecond(tfMs), referenceName: `tfjs-${backend}`,
          target: backend === 'wasm' ? { minSpeedRatio: 1, text: 'engine ≥ 1.0× tfjs-wasm tokens/s' } : undefined,
          note: backend === 'wasm' ? 'tfjs decoder: per-layer K/V tensors grown by concat, logits downloaded every step' : undefined,
        });
      } finally {
        gpt.dispose();
      }
    }
    return rows;
  },
};
