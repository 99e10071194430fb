/**
 * Gradient check: the hand-written backward pass against finite differences of an independent
 * float64 loss, for every parameter tensor, every position kind, mask on and off.
 *
 * Why this split of precisions: the analytic gradients come from the real float32 training code
 * (no float64 copy of it that could drift from what actually trains). The finite differences use
 * tests/unit/reference/forward64.ts (plain number[][] maths sharing no code with engine/) on a
 * float64 copy of the weights, so the central difference (h = 1e-5) is accurate to ~1e-10 and
 * the comparison measures the float32 rounding of the backward pass (≈1e-6 relative), far below
 * the 1e-3 bar. Error per entry: |analytic − numeric| / max(|analytic|, |numeric|, 1e-4·s),
 * where s is the largest numeric gradient in the whole model, so entries that are zero up to
 * rounding do not divide by ~0.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig, PositionKind } from '../../engine/config.ts';
import type { Params } from '../../engine/params.ts';
import { paramSpecs } from '../../engine/params.ts';
import { createRng } from '../../engine/rng.ts';
import type { TokenBatch } from '../../engine/train/batch.ts';
import { createLocalGradients } from '../../engine/train/gradients.ts';
import { flatTensors } from '../../engine/train/grads.ts';
import { referenceForward64 } from './reference/forward64.ts';
import { randomModel } from './reference/randomModel.ts';

const B = 2;
const T = 5;

function tinyConfig(positions: PositionKind): ModelConfig {
  const config: ModelConfig = { vocabSize: 11, contextLength: 6, dModel: 8, nLayers: 2, nHeads: 2, dFF: 16, positions, ropeBase: 10000 };
  // A scaled sinusoidal table, as the course's tw-sin uses, so the scaled path is checked too.
  return positions === 'sinusoidal' ? { ...config, sinusoidalScale: 0.5 } : config;
}

/** Random inputs and targets; two targets are <pad> (id 0), which the loss must skip. */
function tinyBatch(V: number, seed: number): TokenBatch {
  const rng = createRng(seed);
  const inputs = Int32Array.from({ length: B * T }, () => Math.floor(rng() * V));
  const targets = Int32Array.from({ length: B * T }, () => 1 + Math.floor(rng() * (V - 1)));
  targets[3] = 0;
  targets[T + 1] = 0;
  return { B, T, inputs, targets };
}

/** Mean cross-entropy over non-pad targets, all in float64, via the reference forward. */
function loss64(config: ModelConfig, params: Record<string, Float64Array>, batch: TokenBatch, causal: boolean): number {
  let sum = 0;
  let count = 0;
  for (let b = 0; b < batch.B; b++) {
    const ids = Array.from(batch.inputs.subarray(b * T, (b + 1) * T));
    // forward64 only indexes the arrays and converts with Number(), so float64 weights pass through unrounded.
    const { logits } = referenceForward64(config, params as unknown as Params, ids, { causal });
    logits.forEach((row, t) => {
      const target = batch.targets[b * T + t];
      if (target === 0) return;
      const max = Math.max(...row);
      const logSum = Math.log(row.reduce((s, z) => s + Math.exp(z - max), 0)) + max;
      sum += logSum - row[target];
      count++;
    });
  }
  return sum / count;
}

/** Entry indices to probe in a tensor: a few seeded picks (plus rows of used tokens for wte). */
function probeIndices(name: string, size: number, d: number, batch: TokenBatch, rng: () => number): number[] {
  const picks = new Set<number>();
  if (name === 'wte') for (const id of [batch.inputs[0], batch.inputs[B * T - 1]]) picks.add(id * d + Math.floor(rng() * d));
  while (picks.size < Math.min(size, 6)) picks.add(Math.floor(rng() * size));
  return [...picks];
}

const KINDS: PositionKind[] = ['none', 'learned', 'sinusoidal', 'rotary'];

describe('gradient check: backward vs float64 finite differences', () => {
  for (const positions of KINDS) {
    for (const causal of [true, false]) {
      it(`${positions}, causal=${causal}: every tensor within 1e-3`, async () => {
        const config = tinyConfig(positions);
        const model = randomModel(config, 100 + KINDS.indexOf(positions), 0.3);
        const batch = tinyBatch(config.vocabSize, 7 + KINDS.indexOf(positions));
        const grads = flatTensors(config);
        await createLocalGradients(model, { causal }).computeGradients(batch, grads);

        const params64: Record<string, Float64Array> = {};
        for (const [name, tensor] of Object.entries(model.params)) params64[name] = Float64Array.from(tensor);
        const rng = createRng(99);
        const h = 1e-5;
        const rows: { name: string; analytic: number; numeric: number }[] = [];
        for (const { name, shape } of paramSpecs(config)) {
          const tensor = params64[name];
          for (const i of probeIndices(name, tensor.length, config.dModel, batch, rng)) {
            const saved = tensor[i];
            tensor[i] = saved + h;
            const up = loss64(config, params64, batch, causal);
            tensor[i] = saved - h;
            const down = loss64(config, params64, batch, causal);
            tensor[i] = saved;
            rows.push({ name: `${name}[${i}] ${shape.join('x')}`, analytic: grads.tensors[name][i], numeric: (up - down) / (2 * h) });
          }
        }
        const scale = Math.max(...rows.map((r) => Math.abs(r.numeric)));
        expect(scale).toBeGreaterThan(1e-3); // the check must probe real, non-vanishing gradients
        let worst = { error: 0, name: '' };
        for (const r of rows) {
          const error = Math.abs(r.analytic - r.numeric) / Math.max(Math.abs(r.analytic), Math.abs(r.numeric), 1e-4 * scale);
          if (error > worst.error) worst = { error, name: r.name };
        }
        expect(new Set(rows.map((r) => r.name.split('[')[0])).size).toBe(paramSpecs(config).length);
        expect(worst.error, `worst entry ${worst.name}`).toBeLessThan(1e-3);
      });
    }
  }
});
