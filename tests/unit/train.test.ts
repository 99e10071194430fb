/** The optimiser pieces against hand-computed values, and short training runs on a TinyWorld slice. */
import { describe, expect, it } from 'vitest';
import { forward } from '../../engine/model.ts';
import { initParams } from '../../engine/params.ts';
import { reusableScratch } from '../../engine/scratch.ts';
import { adamwStep, createAdamWState, decayMask, decaysWeight } from '../../engine/train/adamw.ts';
import { padSequences, shardBatch } from '../../engine/train/batch.ts';
import { WindowBatches, epochWindowStarts, sequentialBatches } from '../../engine/train/batches.ts';
import { clipGlobalNorm } from '../../engine/train/clip.ts';
import { forwardForTraining } from '../../engine/train/forwardForTraining.ts';
import { SequenceBatches } from '../../engine/train/sequenceBatches.ts';
import { learningRateAt } from '../../engine/train/schedule.ts';
import { train } from '../../engine/train/trainer.ts';
import { tinyRun, tinyTrainConfig, tinyWorldSlice } from './trainFixture.ts';

describe('AdamW', () => {
  it('one step matches the update computed by hand', () => {
    // Two parameters: index 0 decays, index 1 does not. Step 1 with bias correction:
    // m̂ = g, v̂ = g², so the Adam part is g/(|g| + eps) ≈ sign(g).
    const params = new Float32Array([0.5, -2]);
    const grads = new Float32Array([0.2, -0.4]);
    const state = createAdamWState(2);
    const s = { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0.1 };
    adamwStep(params, grads, state, 0.01, s, new Uint8Array([1, 0]));
    expect(state.step).toBe(1);
    expect(state.m[0]).toBeCloseTo(0.02, 7); // (1 − 0.9)·0.2
    expect(state.v[1]).toBeCloseTo(0.0016, 8); // (1 − 0.99)·0.16
    expect(params[0]).toBeCloseTo(0.5 - 0.01 * (0.2 / (0.2 + 1e-8) + 0.1 * 0.5), 6); // 0.4895
    expect(params[1]).toBeCloseTo(-2 - 0.01 * (-0.4 / (0.4 + 1e-8)), 6); // -1.99

    // Second step, gradient 0 for index 0: m = 0.018, v = 0.000396; corrections 0.19 and 0.0199.
    adamwStep(params, new Float32Array([0, -0.4]), state, 0.01, s, new Uint8Array([1, 0]));
    const mHat = 0.018 / 0.19;
    const vHat = 0.000396 / 0.0199;
    expect(params[0]).toBeCloseTo(0.4895 - 0.01 * (mHat / Math.sqrt(vHat) + 0.1 * 0.4895), 5);
  });

  it('decays matrices but not gains or biases', () => {
    expect(decaysWeight('wte', [400, 64])).toBe(true);
    expect(decaysWeight('blocks.0.attn.wq', [64, 64])).toBe(true);
    expect(decaysWeight('blocks.0.attn.bq', [64])).toBe(false);
    expect(decaysWeight('blocks.0.ln1.gain', [64])).toBe(false);
    const mask = decayMask(tinyTrainConfig());
    expect(mask[0]).toBe(1); // first entry of wte
    expect(mask[mask.length - 1]).toBe(0); // last entry of lnf.bias
  });
});

describe('learning-rate schedule', () => {
  const s = { peak: 1e-3, warmupSteps: 100, totalSteps: 1100, floor: 1e-4 };
  it('warms up linearly to the peak', () => {
    expect(learningRateAt(1, s)).toBeCloseTo(1e-5, 12);
    expect(learningRateAt(50, s)).toBeCloseTo(5e-4, 12);
    expect(learningRateAt(100, s)).toBeCloseTo(1e-3, 12);
  });
  it('is halfway between peak and floor at the cosine midpoint and reaches the floor at the end', () => {
    expect(learningRateAt(600, s)).toBeCloseTo(5.5e-4, 12);
    expect(learningRateAt(1100, s)).toBeCloseTo(1e-4, 12);
    expect(learningRateAt(350, s)).toBeCloseTo(1e-4 + 9e-4 * 0.5 * (1 + Math.SQRT1_2), 12);
  });
});

describe('gradient clipping', () => {
  it('scales a too-long gradient to the maximum norm and leaves a short one alone', () => {
    const g = new Float32Array([3, 4]);
    expect(clipGlobalNorm(g, 1)).toBeCloseTo(5, 6);
    expect(g[0]).toBeCloseTo(0.6, 6);
    expect(g[1]).toBeCloseTo(0.8, 6);
    const small = new Float32Array([0.3, 0.4]);
    clipGlobalNorm(small, 1);
    expect(Array.from(small)).toEqual([Math.fround(0.3), Math.fround(0.4)]);
  });
});

describe('batches', () => {
  it('windows are T+1 consecutive stream tokens, and the order depends only on seed and epoch', () => {
    const stream = Int32Array.from({ length: 1000 }, (_, i) => i);
    const batches = new WindowBatches(stream, { T: 16, B: 4, seed: 3 });
    const batch = batches.next();
    for (let b = 0; b < 4; b++) {
      const row = Array.from(batch.inputs.subarray(b * 16, (b + 1) * 16));
      expect(row).toEqual(row.map((_, t) => row[0] + t));
      expect(batch.targets[b * 16]).toBe(row[0] + 1);
    }
    expect(epochWindowStarts(1000, 16, 3, 0)).toEqual(epochWindowStarts(1000, 16, 3, 0));
    expect(epochWindowStarts(1000, 16, 3, 1)).not.toEqual(epochWindowStarts(1000, 16, 3, 0));
  });

  it('visits every window once per epoch, rolls over, and resumes from a cursor', () => {
    const stream = Int32Array.from({ length: 200 }, (_, i) => i);
    const a = new WindowBatches(stream, { T: 8, B: 5, seed: 9 });
    const perEpoch = a.windowsInEpoch(0);
    const firstEpochStarts = new Set<number>();
    for (let i = 0; i < perEpoch; i++) firstEpochStarts.add(new WindowBatches(stream, { T: 8, B: 1, seed: 9, cursor: { epoch: 0, index: i } }).next().inputs[0]);
    expect(firstEpochStarts.size).toBe(perEpoch);
    for (let i = 0; i < 7; i++) a.next();
    const cursor = a.cursor;
    expect(cursor.epoch).toBeGreaterThan(0); // 35 windows > one epoch of ≤ 24
    const b = new WindowBatches(stream, { T: 8, B: 5, seed: 9, cursor });
    expect(b.next()).toEqual(a.next());
  });

  it('validation batches are the stream cut in order; padded sequences ignore the padding', () => {
    const [batch] = sequentialBatches(Int32Array.from({ length: 50 }, (_, i) => i), 10, 8);
    expect(batch.B).toBe(4);
    expect(batch.inputs[10]).toBe(10);
    const padded = padSequences([[5, 6, 7], [8, 9]], 4);
    expect(Array.from(padded.inputs)).toEqual([5, 6, 0, 0, 8, 0, 0, 0]);
    expect(Array.from(padded.targets)).toEqual([6, 7, 0, 0, 9, 0, 0, 0]);
    expect(shardBatch(padded, 2).map((s) => s.B)).toEqual([1, 1]);
  });
});

describe('SequenceBatches', () => {
  it('pads each sequence into its own row and visits all of them once per epoch, resumably', () => {
    const seqs = [[5, 6, 2], [7, 8, 9, 2], [10, 2]];
    const a = new SequenceBatches(seqs, { T: 4, B: 2, seed: 1 });
    const first = a.next();
    const second = a.next(); // row 0 finishes epoch 0, row 1 starts epoch 1
    const epoch0 = [first.inputs[0], first.inputs[4], second.inputs[0]].sort((x, y) => x - y);
    expect(epoch0).toEqual([5, 7, 10]);
    const row = Array.from(first.targets.subarray(0, 4));
    expect(row.filter((id) => id === 0).length).toBe(4 - (seqs.find((s) => s[0] === first.inputs[0])!.length - 1));
    const b = new SequenceBatches(seqs, { T: 4, B: 2, seed: 1, cursor: a.cursor });
    expect(b.next()).toEqual(a.next());
  });
});

describe('forwardForTraining', () => {
  it('gives bit-identical logits to forward() for every row of a batch', () => {
    for (const positions of ['learned', 'rotary'] as const) {
      const config = tinyTrainConfig({ positions });
      const model = { config, params: initParams(config, 4) };
      const batch = new WindowBatches(tinyWorldSlice().train, { T: 32, B: 3, seed: 1 }).next();
      const acts = forwardForTraining(model, batch, reusableScratch());
      for (let b = 0; b < 3; b++) {
        const { logits } = forward(model, Array.from(batch.inputs.subarray(b * 32, (b + 1) * 32)));
        expect(acts.logits.subarray(b * 32 * config.vocabSize, (b + 1) * 32 * config.vocabSize)).toEqual(logits);
      }
    }
  });
});

describe('training on a TinyWorld slice', () => {
  it('the loss falls below 70 % of its starting value', async () => {
    const result = await train(tinyRun(80, { lr: 5e-3 }));
    expect(result.startValLoss).toBeGreaterThan(0.9 * Math.log(tinyTrainConfig().vocabSize));
    expect(result.finalValLoss!).toBeLessThan(0.7 * result.startValLoss!);
    expect(result.history[0].valLoss).toBe(result.startValLoss);
    expect(result.steps).toBe(80);
  });

  it('two runs with the same seed give bit-identical weights; another seed does not', async () => {
    const a = await train(tinyRun(5));
    const b = await train(tinyRun(5));
    const c = await train(tinyRun(5, { seed: 6 }));
    expect(b.snapshot.params).toEqual(a.snapshot.params);
    expect(b.lastTrainLoss).toBe(a.lastTrainLoss);
    expect(c.snapshot.params).not.toEqual(a.snapshot.params);
  });

  it('a snapshot resumes to the same weights as an uninterrupted run', async () => {
    const whole = await train(tinyRun(6));
    let saved: Awaited<ReturnType<typeof train>>['snapshot'] | undefined;
    const first = tinyRun(6);
    const half = await train({ ...first, shouldCancel: () => saved !== undefined, checkpointEvery: 3, onCheckpoint: (s) => void (saved ??= s) });
    expect(half.cancelled).toBe(true);
    expect(saved!.step).toBe(3);
    const second = tinyRun(6);
    second.batches = new WindowBatches(tinyWorldSlice().train, { T: 32, B: 8, seed: 5, cursor: saved!.cursor });
    const resumed = await train({ ...second, resume: saved });
    expect(resumed.steps).toBe(6);
    expect(resumed.snapshot.params).toEqual(whole.snapshot.params);
    expect(resumed.snapshot.adam.v).toEqual(whole.snapshot.adam.v);
  });

  it('stops when cancelled and reports progress each step', async () => {
    const seen: number[] = [];
    const result = await train({ ...tinyRun(10), onProgress: (p) => void seen.push(p.step), shouldCancel: () => seen.length >= 3 });
    expect(result.cancelled).toBe(true);
    expect(seen).toEqual([1, 2, 3]);
  });
});
