import { describe, expect, it } from 'vitest';
import type { PositionKind } from '../../engine/config.ts';
import { forward } from '../../engine/model.ts';
import type { Trace } from '../../engine/trace.ts';
import { headMatrix, residualStreams, traceBuffers, traceShapes } from '../../engine/trace.ts';
import { referenceForward64 } from './reference/forward64.ts';
import { randomIds, randomModel, smallConfig } from './reference/randomModel.ts';

const T = 9;
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function traced(positions: PositionKind, causal = true): { trace: Trace; model: ReturnType<typeof randomModel>; ids: number[] } {
  const model = randomModel(smallConfig(positions), 21);
  const ids = randomIds(model.config.vocabSize, T, 4);
  const { trace } = forward(model, ids, { trace: true, causal });
  if (!trace) throw new Error('expected a trace');
  return { trace, model, ids };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('trace', () => {
  it('is absent unless asked for', () => {
    const model = randomModel(smallConfig('learned'), 1);
    expect(forward(model, [1, 2]).trace).toBeUndefined();
  });

  for (const positions of ['none', 'learned', 'sinusoidal', 'rotary'] as PositionKind[]) {
    it(`${positions}: every tensor has its documented shape`, () => {
      const { trace, model } = traced(positions);
      const { dModel: d, nHeads: H, dFF, vocabSize: V, nLayers } = model.config;
      const dk = d / H;
      expect(trace.dims).toEqual({ T, d, nHeads: H, dk, dFF, V, nLayers });
      // Independent statement of the shapes from the brief, compared with the exported table.
      const shapes = traceShapes(trace.dims);
      expect(shapes.layer.q).toEqual([H, T, dk]);
      expect(shapes.layer.weights).toEqual([H, T, T]);
      expect(shapes.layer.mlpHiddenPre).toEqual([T, dFF]);
      expect(shapes.top.logits).toEqual([T, V]);
      for (const [name, shape] of Object.entries(shapes.top)) {
        expect((trace as unknown as Record<string, Float32Array>)[name].length, name).toBe(size(shape));
      }
      expect(trace.layers).toHaveLength(nLayers);
      for (const layer of trace.layers) {
        for (const [name, shape] of Object.entries(shapes.layer)) {
          expect((layer as unknown as Record<string, Float32Array>)[name].length, name).toBe(size(shape));
        }
        expect(Object.keys(layer).sort()).toEqual(Object.keys(shapes.layer).sort());
      }
    });
  }

  it('attention rows sum to 1; with the mask on, weights above the diagonal are exactly 0', () => {
    const { trace } = traced('learned', true);
    for (const layer of trace.layers) {
      for (let h = 0; h < trace.dims.nHeads; h++) {
        const A = headMatrix(layer.weights, h, T, T);
        const M = headMatrix(layer.maskedScores, h, T, T);
        const S = headMatrix(layer.scaledScores, h, T, T);
        for (let i = 0; i < T; i++) {
          let sum = 0;
          for (let j = 0; j < T; j++) {
            sum += A[i * T + j];
            if (j > i) {
              expect(A[i * T + j]).toBe(0);
              expect(M[i * T + j]).toBe(-Infinity);
            } else {
              expect(M[i * T + j]).toBe(S[i * T + j]);
            }
          }
          expect(sum).toBeCloseTo(1, 5);
        }
      }
    }
  });

  it('with the mask off, weights above the diagonal are not all 0 and masked equals scaled', () => {
    const { trace } = traced('learned', false);
    const layer = trace.layers[0];
    expect(layer.maskedScores).toEqual(layer.scaledScores);
    let above = 0;
    for (let h = 0; h < trace.dims.nHeads; h++) {
      const A = headMatrix(layer.weights, h, T, T);
      for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) above += A[i * T + j];
    }
    expect(above).toBeGreaterThan(0.1);
  });

  it('scaled scores are raw scores divided by √dk', () => {
    const { trace } = traced('sinusoidal');
    const layer = trace.layers[1];
    const expected = Array.from(layer.rawScores, (s) => s / Math.sqrt(trace.dims.dk));
    expect(maxAbsDiff(layer.scaledScores, expected)).toBeLessThan(1e-5);
  });

  it('attention weights agree with the float64 reference', () => {
    for (const positions of ['rotary', 'learned'] as PositionKind[]) {
      const { trace, model, ids } = traced(positions);
      const reference = referenceForward64(model.config, model.params, ids);
      trace.layers.forEach((layer, l) => {
        for (let h = 0; h < trace.dims.nHeads; h++) {
          expect(maxAbsDiff(headMatrix(layer.weights, h, T, T), reference.attention[l][h].flat())).toBeLessThan(1e-4);
        }
      });
    }
  });

  it('the residual pieces add up: x0 = tok + pos, after-attn = in + attnOut, after-mlp = after-attn + mlpOut', () => {
    const { trace, model, ids } = traced('learned');
    const d = trace.dims.d;
    const wte = model.params.wte;
    const wpe = model.params.wpe;
    ids.forEach((id, t) => {
      for (let c = 0; c < d; c++) {
        expect(trace.tokenEmbeddings[t * d + c]).toBe(wte[id * d + c]);
        expect(trace.positionEmbeddings[t * d + c]).toBe(wpe[t * d + c]);
      }
    });
    expect(maxAbsDiff(trace.x0, trace.tokenEmbeddings.map((v, i) => v + trace.positionEmbeddings[i]))).toBeLessThan(1e-6);
    let previous = trace.x0;
    for (const layer of trace.layers) {
      expect(layer.residIn).toEqual(previous);
      expect(maxAbsDiff(layer.residAfterAttn, layer.residIn.map((v, i) => v + layer.attnOut[i]))).toBeLessThan(1e-6);
      expect(maxAbsDiff(layer.residAfterMlp, layer.residAfterAttn.map((v, i) => v + layer.mlpOut[i]))).toBeLessThan(1e-6);
      previous = layer.residAfterMlp;
    }
    const reference = referenceForward64(model.config, model.params, ids);
    residualStreams(trace).forEach((stream, depth) => {
      expect(maxAbsDiff(stream, reference.residuals[depth].flat())).toBeLessThan(1e-3);
    });
  });

  it('position rows are zero for none and rotary', () => {
    for (const positions of ['none', 'rotary'] as PositionKind[]) {
      const { trace } = traced(positions);
      expect(trace.positionEmbeddings.every((v) => v === 0)).toBe(true);
      expect(trace.x0).toEqual(trace.tokenEmbeddings);
    }
  });

  it('rotary: Q and K are recorded after rotation (position 0 unchanged, pair lengths kept, later rows turned)', () => {
    const { trace, model } = traced('rotary');
    const { d, dk, nHeads: H } = trace.dims;
    const layer = trace.layers[0];
    const wq = model.params['blocks.0.attn.wq'];
    const bq = model.params['blocks.0.attn.bq'];
    // Unrotated q for every head/row, from the traced ln1 output with a plain loop.
    const plainQ = (h: number, t: number, c: number) => {
      let s = bq[h * dk + c];
      for (let k = 0; k < d; k++) s += layer.ln1Out[t * d + k] * wq[k * d + h * dk + c];
      return s;
    };
    let turned = 0;
    for (let h = 0; h < H; h++) {
      for (let t = 0; t < T; t++) {
        for (let i = 0; i < dk / 2; i++) {
          const [u, w] = [plainQ(h, t, 2 * i), plainQ(h, t, 2 * i + 1)];
          const [ru, rw] = [layer.q[(h * T + t) * dk + 2 * i], layer.q[(h * T + t) * dk + 2 * i + 1]];
          expect(Math.hypot(ru, rw)).toBeCloseTo(Math.hypot(u, w), 4);
          if (t === 0) {
            expect(ru).toBeCloseTo(u, 5);
            expect(rw).toBeCloseTo(w, 5);
          } else {
            turned = Math.max(turned, Math.abs(ru - u) + Math.abs(rw - w));
          }
        }
      }
    }
    expect(turned).toBeGreaterThan(0.1);
  });

  it('MLP and head-output intermediates are consistent with each other', () => {
    const { trace } = traced('none');
    const { dk, nHeads: H } = trace.dims;
    const layer = trace.layers[0];
    const gelu = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    expect(maxAbsDiff(layer.mlpHiddenPost, Array.from(layer.mlpHiddenPre, gelu))).toBeLessThan(1e-6);
    for (let h = 0; h < H; h++) {
      const A = headMatrix(layer.weights, h, T, T);
      const V = headMatrix(layer.v, h, T, dk);
      const expected: number[] = [];
      for (let i = 0; i < T; i++) for (let c = 0; c < dk; c++) {
        let s = 0;
        for (let j = 0; j < T; j++) s += A[i * T + j] * V[j * dk + c];
        expected.push(s);
      }
      expect(maxAbsDiff(headMatrix(layer.headOutputs, h, T, dk), expected)).toBeLessThan(1e-5);
    }
  });

  it('traced logits are the returned logits, and buffers are distinct for transfer', () => {
    const model = randomModel(smallConfig('learned'), 2);
    const result = forward(model, [3, 4, 5], { trace: true });
    expect(result.trace!.logits).toBe(result.logits);
    const buffers = traceBuffers(result.trace!);
    // 17 tensors per layer, but residIn is the previous layer's output (or x0), so 16 new buffers each.
    expect(buffers.length).toBe(5 + model.config.nLayers * 16);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});
