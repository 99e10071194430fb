/** Case: one 64-token forward pass with the full trace, engine vs tfjs (wasm and cpu backends). */
import { forward } from '../../engine/model.ts';
import { benchFixture } from './fixture.ts';
import type { BenchCase, BenchRow } from './harness.ts';
import { interleavedMedianMs, relativeMaxDiff } from './harness.ts';
import { useTfjsBackend } from './tfjsBackends.ts';
import type { TfjsBackendName } from './tfjsBackends.ts';
import { TfjsGpt } from './tfjsModel.ts';

/** Fewer samples for the slow cpu backend keep the whole run short. */
const wasmSamples = (backend: TfjsBackendName) => (backend === 'wasm' ? 11 : 5);

/** Forward timing; tfjs logits are checked against the engine (≤ 1e-3 relative) before timing. */
export const forwardCase: BenchCase = {
  id: 'forward',
  title: 'Forward pass, course model, 64 tokens',
  async run(ctx) {
    const { model, ids } = benchFixture();
    const engineLogits = forward(model, ids).logits;
    const rows: BenchRow[] = [];
    for (const backend of ['wasm', 'cpu'] as TfjsBackendName[]) {
      const description = await useTfjsBackend(backend);
      const gpt = new TfjsGpt(model);
      try {
        const { logits, trace } = gpt.forwardWithTrace(ids);
        const diff = relativeMaxDiff(logits, engineLogits);
        const ok = diff <= 1e-3;
        ctx.log(`check: ${description} logits vs engine, max |diff| / max |logit| = ${diff.toExponential(2)} ${ok ? '(OK, ≤ 1e-3)' : '(FAILED)'}; trace tensors: ${trace.length}`);
        if (!ok) throw new Error(`tfjs-${backend} disagrees with the engine; refusing to time a different model`);
        // Engine and tfjs samples alternate so background load affects both alike.
        const [engineTraceMs, tfTraceMs, engineFastMs, tfFastMs] = await interleavedMedianMs([
          () => forward(model, ids, { trace: true }), () => gpt.forwardWithTrace(ids),
          () => forward(model, ids), () => gpt.forwardLogits(ids),
        ], { samples: wasmSamples(backend) });
        const wasm = backend === 'wasm';
        rows.push({
          name: 'forward + full trace, 64 tok', unit: 'ms', higherIsBetter: false,
          engine: engineTraceMs, reference: tfTraceMs, referenceName: `tfjs-${backend}`,
          target: wasm ? { minSpeedRatio: 1 / 2.5, text: 'engine time ≤ 2.5× tfjs-wasm' } : undefined,
          note: wasm ? `tfjs computes the same intermediates and downloads each with dataSync (${description})` : undefined,
        });
        rows.push({
          name: 'forward, logits only, 64 tok', unit: 'ms', higherIsBetter: false,
          engine: engineFastMs, reference: tfFastMs, referenceName: `tfjs-${backend}`,
        });
      } finally {
        gpt.dispose();
      }
    }
    return rows;
  },
};
