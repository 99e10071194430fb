import { describe, expect, it } from 'vitest';
import type { PositionKind } from '../../engine/config.ts';
import { courseConfig } from '../../engine/config.ts';
import { createKvCache, decodeStep, prefill, rewindKvCache } from '../../engine/kvCache.ts';
import { decodeResidual, logitLens } from '../../engine/logitLens.ts';
import type { ForwardOptions } from '../../engine/model.ts';
import { forward } from '../../engine/model.ts';
import { referenceForward64 } from './reference/forward64.ts';
import { randomIds, randomModel, smallConfig } from './reference/randomModel.ts';

function lastRow(logits: Float32Array, V: number): Float32Array {
  return logits.slice(logits.length - V);
}

describe('KV-cache decode equals the full forward (last row) at every step', () => {
  const cases: { positions: PositionKind; opts: ForwardOptions; label: string }[] = [
    { positions: 'none', opts: {}, label: '' },
    { positions: 'learned', opts: {}, label: '' },
    { positions: 'sinusoidal', opts: {}, label: '' },
    { positions: 'rotary', opts: {}, label: '' },
    { positions: 'rotary', opts: { ropeBase: 300, ropeFreqScale: new Float32Array([1, 3, 0.5, 0.1]) }, label: 'base 300 + freqScale' },
  ];
  for (const { positions, opts, label } of cases) {
    it(`${positions} ${label}`, () => {
      const config = smallConfig(positions);
      const model = randomModel(config, 31);
      const ids = randomIds(config.vocabSize, config.contextLength, 17);
      const cache = createKvCache(model, opts);
      for (let t = 0; t < ids.length; t++) {
        const stepLogits = decodeStep(cache, ids[t]);
        expect(stepLogits).toEqual(lastRow(forward(model, ids.slice(0, t + 1), opts).logits, config.vocabSize));
      }
      expect(cache.length).toBe(config.contextLength);
      expect(cache.ids).toEqual(ids);
    });
  }

  it('course-size model agrees at every step and with the float64 reference at the end', () => {
    const config = courseConfig(400, 'rotary');
    const model = randomModel(config, 5, 0.15);
    const ids = randomIds(400, 64, 6);
    const cache = createKvCache(model);
    let logits: Float32Array = new Float32Array(0);
    for (let t = 0; t < ids.length; t++) {
      logits = decodeStep(cache, ids[t]);
      if (t % 9 === 0 || t === ids.length - 1) expect(logits).toEqual(lastRow(forward(model, ids.slice(0, t + 1)).logits, 400));
    }
    const reference = referenceForward64(config, model.params, ids).logits[63];
    const scale = Math.max(...reference.map(Math.abs));
    expect(Math.max(...reference.map((v, j) => Math.abs(v - logits[j]))) / scale).toBeLessThan(1e-4);
  });

  it('prefill, rewind and a full cache behave', () => {
    const config = smallConfig('learned');
    const model = randomModel(config, 2);
    const ids = randomIds(config.vocabSize, 10, 3);
    const cache = createKvCache(model);
    const afterTen = prefill(cache, ids);
    expect(afterTen).toEqual(lastRow(forward(model, ids).logits, config.vocabSize));
    // Rewind to 4 tokens and take a different branch: must match a fresh forward of that branch.
    rewindKvCache(cache, 4);
    const branch = [...ids.slice(0, 4), 7, 8];
    prefill(cache, [7]);
    expect(decodeStep(cache, 8)).toEqual(lastRow(forward(model, branch).logits, config.vocabSize));
    expect(() => rewindKvCache(cache, 99)).toThrow(/0\.\.6/);
    expect(() => decodeStep(cache, 50)).toThrow(/outside/);
    prefill(cache, new Array(config.contextLength - cache.length).fill(1));
    expect(() => decodeStep(cache, 1)).toThrow(/full/);
  });
});

describe('logit lens', () => {
  it('the last stage reproduces the model logits; probabilities sum to 1', () => {
    const config = smallConfig('learned');
    const model = randomModel(config, 12);
    const ids = randomIds(config.vocabSize, 6, 1);
    const { logits, trace } = forward(model, ids, { trace: true });
    const V = config.vocabSize;
    for (const position of [0, 3, 5]) {
      const stages = logitLens(model, trace!, position, { includeAttention: true });
      expect(stages.map((s) => `${s.stage}${s.layer}`)).toEqual(['embeddings-1', 'attn0', 'block0', 'attn1', 'block1']);
      expect(stages.at(-1)!.logits).toEqual(logits.slice(position * V, (position + 1) * V));
      for (const s of stages) expect(s.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(logitLens(model, trace!, 2)).toHaveLength(1 + config.nLayers);
  });

  it('decodes a residual row as lnf then wteᵀ (checked in float64)', () => {
    const config = smallConfig('none');
    const model = randomModel(config, 13);
    const { dModel: d, vocabSize: V } = config;
    const row = Float32Array.from({ length: d }, (_, i) => Math.sin(i * 1.7) * 3 + 1);
    const mean = row.reduce((a, b) => a + b, 0) / d;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / d;
    const gain = model.params['lnf.gain'];
    const bias = model.params['lnf.bias'];
    const normed = Array.from(row, (x, i) => ((x - mean) / Math.sqrt(variance + 1e-5)) * gain[i] + bias[i]);
    const expected = Array.from({ length: V }, (_, v) => normed.reduce((s, x, i) => s + x * model.params.wte[v * d + i], 0));
    const { logits, probs } = decodeResidual(model, row);
    expect(Math.max(...expected.map((e, v) => Math.abs(e - logits[v])))).toBeLessThan(1e-4);
    const top = expected.indexOf(Math.max(...expected));
    expect(probs.indexOf(Math.max(...probs))).toBe(top);
    expect(() => decodeResidual(model, new Float32Array(3))).toThrow(/d_model/);
  });
});
